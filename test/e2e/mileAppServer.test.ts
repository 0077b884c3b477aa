/**
 * MileApp in a running n8n (`n8n start`): a published workflow with the MileApp Trigger, its Production URL
 * set up in the fake MileApp as a user sets up a webhook by hand (Automation), with a secret in a custom
 * header that a MileApp Webhook credential holds. MileApp's deliveries start executions; a delivery without
 * the secret gets 401 and starts none. A workflow saved with 0.1.0's secret parameters keeps it checked.
 */
import { MileAppFake, type MileAppFlow, type MileAppHub } from '../fakes/mileApp';
import { PACKAGE_NAME } from './harness/repo';
import { freePort } from './harness/processes';
import type { N8nWorkflow } from './harness/workflowBuilder';
import { isFinished, waitFor as waitForIn8n } from './harness/waiting';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

const SECRET = 'MileApp-Server-Webhook-Secret-7154';
const LEGACY_SECRET = 'MileApp-Saved-In-Workflow-Secret-2290';
const fake = new MileAppFake({ deliveryRetryDelayMs: 1000 });
const WORKFLOW_ID = 'maTriggerFinished';
const WEBHOOK_ID = '0c9e4d2a-6b1f-4f3e-8a7d-5e2c1b0a9f84';
const LEGACY_WORKFLOW_ID = 'maTriggerSavedSecret';
const LEGACY_WEBHOOK_ID = '5b2f8e61-93d4-4c0a-b7e2-1f6a8d3c9e05';
const WEBHOOK_CREDENTIAL = {
	id: 'maWebhookSecret',
	name: 'MileApp webhook secret',
	type: 'mileAppWebhookApi',
	// As a user fills it in; n8n adds the defaults of the fields not given (Query Parameter Name).
	data: { sentAs: 'header', headerName: 'X-Webhook-Secret', secret: SECRET },
};
let n8n: N8nInstance;
let webhookUrl: string;
let legacyWebhookUrl: string;
let hub: MileAppHub;
let delivery: MileAppFlow;

const runs = async (workflowId = WORKFLOW_ID) =>
	(await n8n.storedExecutions()).filter((execution) => execution.workflowId === workflowId);
const finishedRuns = async (workflowId = WORKFLOW_ID) =>
	(await runs(workflowId)).filter(isFinished);

function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs?: number,
): Promise<T> {
	return waitForIn8n(what, probe, diagnosis, timeoutMs);
}

async function diagnosis(): Promise<string> {
	const sent = fake.deliveries.map(
		(sent) =>
			`  ${sent.event} ${sent.taskId} → ${sent.url}: ${sent.status ?? sent.error} (try ${sent.attempt})`,
	);
	const stored = (await n8n.storedExecutions()).map(
		(execution) =>
			`  ${execution.id} ${execution.workflowId} ${execution.mode} ${execution.status}`,
	);
	return [
		'MileApp delivered:',
		...sent,
		'n8n stored executions:',
		...stored,
		n8n.serverLog.slice(-3000),
	].join('\n');
}

const triggerWorkflow: N8nWorkflow = {
	id: WORKFLOW_ID,
	name: 'MileApp task finished',
	active: false,
	nodes: [
		{
			id: 'mileapp-trigger',
			name: 'MileApp Trigger',
			type: `${PACKAGE_NAME}.mileAppTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: { events: ['onFinish'], authentication: 'sharedSecret' },
			credentials: {
				mileAppWebhookApi: { id: WEBHOOK_CREDENTIAL.id, name: WEBHOOK_CREDENTIAL.name },
			},
		},
		{
			id: 'mileapp-done',
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	],
	connections: { 'MileApp Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

/** The same trigger as 0.1.0 saved it: the secret in its own parameters, in clear in the workflow. */
const savedWithSecretWorkflow: N8nWorkflow = {
	...triggerWorkflow,
	id: LEGACY_WORKFLOW_ID,
	name: 'MileApp task finished (secret saved in the workflow)',
	nodes: triggerWorkflow.nodes.map((node) =>
		node.type.endsWith('.mileAppTrigger')
			? {
					...node,
					webhookId: LEGACY_WEBHOOK_ID,
					parameters: {
						events: ['onFinish'],
						secretLocation: 'header',
						headerName: 'X-Webhook-Secret',
						secretValue: LEGACY_SECRET,
					},
					credentials: undefined,
				}
			: node,
	),
};

beforeAll(async () => {
	await fake.start();
	hub = fake.addHub({ name: 'Jakarta Central' });
	fake.addUser({ name: 'Dewi Lestari', email: 'dewi@example.com', hubIds: 'all' });
	delivery = fake.addFlow({ name: 'Delivery', fields: [{ field: 'invoice', type: 'string' }] });

	const port = await freePort();
	webhookUrl = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/webhook`;
	legacyWebhookUrl = `http://127.0.0.1:${port}/webhook/${LEGACY_WEBHOOK_ID}/webhook`;
	n8n = await createN8nInstance({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	await n8n.importCredentials([WEBHOOK_CREDENTIAL]);
	await n8n.importWorkflow(triggerWorkflow);
	await n8n.importWorkflow(savedWithSecretWorkflow);
	await n8n.publish(WORKFLOW_ID);
	await n8n.publish(LEGACY_WORKFLOW_ID);
	await n8n.startServer(port);
	// MileApp delivers as soon as a task changes: the webhook must answer before the first one.
	await n8n.webhookReady(webhookUrl);
	await n8n.webhookReady(legacyWebhookUrl);
});

afterAll(async () => {
	await n8n?.cleanup();
	await fake.stop();
});

test('a task finished in MileApp starts one execution carrying it; created and assigned ones start none', async () => {
	fake.addWebhook({
		url: webhookUrl,
		events: ['onCreate', 'onAssign', 'onFinish'],
		headers: { 'X-Webhook-Secret': SECRET },
	});
	const task = fake.createTask({
		flowId: delivery._id,
		hubId: hub._id,
		fields: { invoice: 'INV-2026-0420' },
	});
	fake.assignTask(task._id, ['dewi@example.com']);
	fake.finishTask(task._id);
	await fake.deliveriesSettled();
	// The three deliveries run at once, so they are recorded in the order n8n answered them.
	expect(fake.deliveries.map((sent) => [sent.event, sent.status]).sort()).toEqual([
		['onAssign', 200],
		['onCreate', 200],
		['onFinish', 200],
	]);
	const [run] = await waitFor('the execution for the finished task', async () => {
		const finished = await finishedRuns();
		return finished.length > 0 && finished;
	});
	expect(run).toMatchObject({ status: 'success', mode: 'webhook' });
	expect(run.data).toContain('INV-2026-0420');
	expect(run.data).toContain(task._id);
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect(await runs()).toHaveLength(1);
	expect(
		(await n8n.storedExecutions()).map((execution) => execution.data).join('\n'),
	).not.toContain(SECRET);
});

test('with the secret set, a delivery without it gets 401 and starts no execution', async () => {
	fake.clearWebhooks();
	fake.addWebhook({ url: webhookUrl, events: ['onFinish'] });
	const before = (await runs()).length;
	const task = fake.createTask({
		flowId: delivery._id,
		hubId: hub._id,
		assignee: ['dewi@example.com'],
		fields: { invoice: 'INV-STRANGER' },
	});
	fake.finishTask(task._id);
	await waitFor(
		"the refused delivery and MileApp's retry",
		() => fake.deliveries.filter((sent) => sent.taskId === task._id).length >= 2,
	);
	await fake.deliveriesSettled();
	// MileApp tried once and retried three times (a second apart here), refused each time.
	expect(
		fake.deliveries.filter((sent) => sent.taskId === task._id).map((sent) => sent.status),
	).toEqual([401, 401, 401, 401]);
	expect(await runs()).toHaveLength(before);
});

test('a workflow saved with the secret in the trigger (0.1.0) still checks it: with it one execution, without it 401', async () => {
	fake.clearWebhooks();
	const before = (await runs(LEGACY_WORKFLOW_ID)).length;
	fake.addWebhook({
		url: legacyWebhookUrl,
		events: ['onFinish'],
		headers: { 'X-Webhook-Secret': LEGACY_SECRET },
	});
	const task = fake.createTask({
		flowId: delivery._id,
		hubId: hub._id,
		assignee: ['dewi@example.com'],
		fields: { invoice: 'INV-SAVED-SECRET' },
	});
	fake.finishTask(task._id);
	await fake.deliveriesSettled();
	const [run] = await waitFor('the execution of the workflow saved with its secret', async () => {
		const finished = await finishedRuns(LEGACY_WORKFLOW_ID);
		return finished.length > before && finished.slice(before);
	});
	expect(run.data).toContain('INV-SAVED-SECRET');

	fake.clearWebhooks();
	fake.addWebhook({ url: legacyWebhookUrl, events: ['onFinish'] });
	const stranger = fake.createTask({
		flowId: delivery._id,
		hubId: hub._id,
		assignee: ['dewi@example.com'],
		fields: { invoice: 'INV-SAVED-STRANGER' },
	});
	fake.finishTask(stranger._id);
	await fake.deliveriesSettled();
	expect(
		fake.deliveries.filter((sent) => sent.taskId === stranger._id).map((sent) => sent.status),
	).toEqual([401, 401, 401, 401]);
	expect(await runs(LEGACY_WORKFLOW_ID)).toHaveLength(before + 1);
});
