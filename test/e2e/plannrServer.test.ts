/**
 * Plannr in a running n8n (`n8n start`): a published workflow with the Plannr Trigger, whose activation
 * subscribes n8n's production webhook URL at the fake Plannr; signed deliveries from the fake start
 * executions, a forged one is refused; deactivating and reactivating through the editor's REST API remove
 * and restore the subscription, never two of them. And the credential's Test button as the editor calls it.
 *
 * WEBHOOK_URL makes n8n give the trigger an address the fake can reach (127.0.0.1 and the server's port);
 * the trigger node has a webhookId, as the editor gives every webhook node, so the URL is
 * `<WEBHOOK_URL>webhook/<webhookId>/webhook`.
 */
import {
	PLANNR_API_V1,
	PLANNR_SUBSCRIPTIONS_PATH,
	PlannrFake,
	type PlannrStatus,
	type PlannrSubscription,
	type PlannrTaskRecord,
} from '../fakes/plannr';
import { PACKAGE_NAME } from './harness/repo';
import { freePort } from './harness/processes';
import type { N8nWorkflow } from './harness/workflowBuilder';
import { isFinished, waitFor as waitForIn8n } from './harness/waiting';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

const TOKEN = 'Plannr-Server-Secret-Token-9083';
const fake = new PlannrFake({ personalAccessToken: TOKEN });
const WORKFLOW_ID = 'plTrigger';
const WEBHOOK_ID = '5b1f7c2e-8d4a-4e3b-9c6f-2a7d0e4b8c13';
const EVENTS = ['task.created', 'task.completed'];
const credentials = { plannrApi: { id: 'plannrTriggerE2e', name: 'Plannr trigger e2e' } };
let n8n: N8nInstance;
let port: number;
let webhookUrl: string;
let todo: PlannrStatus;
let client: string;
let existing: PlannrTaskRecord;
let rest: Awaited<ReturnType<N8nInstance['ownerRest']>>;

const subscriptions = (): PlannrSubscription[] => [...fake.subscriptions.values()];
const runsOf = async () =>
	(await n8n.storedExecutions()).filter((execution) => execution.workflowId === WORKFLOW_ID);
const finishedRuns = async () => (await runsOf()).filter(isFinished);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs = 60_000,
): Promise<T> {
	return waitForIn8n(what, probe, diagnosis, timeoutMs);
}

/** What Plannr received and sent, and what n8n stored and printed, for a failure message. */
async function diagnosis(): Promise<string> {
	const start = fake.requests[0]?.at ?? 0;
	const received = fake.requests.map(
		(request) =>
			`  +${request.at - start} ms ${request.method} ${request.path}?${request.rawQuery}`,
	);
	const sent = fake.deliveries.map(
		(d) =>
			`  +${d.at - start} ms ${d.event} → ${d.url}: ${d.status ?? d.error}${d.forged ? ' (forged)' : ''}`,
	);
	const stored = (await n8n.storedExecutions()).map(
		(execution) =>
			`  ${execution.id} ${execution.workflowId} ${execution.mode} ${execution.status}`,
	);
	return [
		'Plannr received:',
		...received,
		'Plannr delivered:',
		...sent,
		`subscriptions: ${JSON.stringify(subscriptions().map(({ uuid, url, events }) => ({ uuid, url, events })))}`,
		'n8n stored executions:',
		...stored,
		n8n.serverLog.slice(-3000),
	].join('\n');
}

/** Waits for the n-th execution of the trigger's workflow to finish, and returns it. */
async function nthRun(n: number) {
	const runs = await waitFor(`execution ${n} of the trigger's workflow`, async () => {
		const finished = await finishedRuns();
		return finished.length >= n && finished;
	});
	return runs[n - 1];
}

/** A new task through the fake, as the Plannr app makes one: Plannr delivers task.created, signed. */
async function createTaskInPlannr(name: string): Promise<PlannrTaskRecord> {
	const task = fake.createTask({
		name,
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: client,
	});
	await fake.deliveriesSettled();
	return task;
}

async function setActive(active: boolean): Promise<void> {
	const answer = await n8n.setActive(WORKFLOW_ID, active).catch(async (error: Error) => {
		throw new Error(`${error.message}\n${await diagnosis()}`);
	});
	expect(answer).toBe(active);
}

const triggerWorkflow: N8nWorkflow = {
	id: WORKFLOW_ID,
	name: 'Plannr task created or completed',
	active: false,
	nodes: [
		{
			id: 'plannr-trigger',
			name: 'Plannr Trigger',
			type: `${PACKAGE_NAME}.plannrTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: { authentication: 'accessToken', events: EVENTS },
			credentials,
		},
		{
			id: 'plannr-done',
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	],
	connections: { 'Plannr Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

beforeAll(async () => {
	await fake.start();
	todo = fake.addStatus({ name: 'To do', is_not_started: true });
	fake.addStatus({ name: 'Completed', is_type_completed: true });
	client = fake.addClient({ first_name: 'Tom', last_name: 'Hughes' }).uuid;
	existing = fake.addTask({
		name: 'There before activation',
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: client,
	});

	port = await freePort();
	webhookUrl = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/webhook`;
	n8n = await createN8nInstance({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	await n8n.importCredentials([
		{ ...credentials.plannrApi, type: 'plannrApi', data: fake.credentialData() },
	]);
	await n8n.importWorkflows([triggerWorkflow]);
	await n8n.publish(WORKFLOW_ID);
	await n8n.startServer(port);
	rest = await n8n.ownerRest();
});

afterAll(async () => {
	await n8n?.cleanup();
	await fake.stop();
});

test('activation subscribes the production URL once; a signed delivery starts one execution carrying the task; a forged one gets 401 and starts none', async () => {
	const [subscription] = await waitFor(
		'the subscription made on activation',
		() => subscriptions().length > 0 && subscriptions(),
	);
	expect(subscriptions()).toHaveLength(1);
	expect(subscription).toMatchObject({ url: webhookUrl, events: EVENTS });
	const made = fake.requests.filter((request) =>
		request.path.startsWith(PLANNR_SUBSCRIPTIONS_PATH),
	);
	expect(made.at(-1)).toMatchObject({ method: 'POST', body: { url: webhookUrl, events: EVENTS } });
	for (const request of made) expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
	expect(await runsOf()).toHaveLength(0);

	// Created in Plannr: one signed delivery, answered 200, one execution carrying the task.
	const created = await createTaskInPlannr('Call Tom about his pension transfer');
	expect(
		fake.deliveries.map((delivery) => [delivery.event, delivery.status, delivery.forged]),
	).toEqual([['task.created', 200, false]]);
	const first = await nthRun(1);
	expect(first).toMatchObject({ status: 'success', mode: 'webhook' });
	expect(first.data).toContain(created.uuid);
	expect(first.data).toContain('Call Tom about his pension transfer');
	expect(first.data).toContain('task.created');

	// Completed in Plannr: one more.
	fake.completeTask(existing.uuid);
	await fake.deliveriesSettled();
	expect(fake.deliveries.at(-1)).toMatchObject({ event: 'task.completed', status: 200 });
	const second = await nthRun(2);
	expect(second.status).toBe('success');
	expect(second.data).toContain(existing.uuid);
	expect(second.data).toContain('task.completed');

	// Forged: refused with 401, nothing runs.
	const forged = await fake.deliver(subscription.uuid, 'task.created', created, {
		forgedSignature: true,
	});
	expect(forged.status).toBe(401);
	expect(JSON.parse(forged.responseBody)).toEqual({ message: 'Invalid signature.' });
	// Signed but for an event the trigger does not watch: accepted, nothing runs.
	const unwatched = await fake.deliver(subscription.uuid, 'task.updated', created);
	expect(unwatched.status).toBe(200);

	await pause(3000);
	expect(await runsOf()).toHaveLength(2);
	expect(subscriptions()).toHaveLength(1);
	const stored = (await n8n.storedExecutions()).map((execution) => execution.data).join('\n');
	expect(stored).not.toContain(TOKEN);
	expect(stored).not.toContain(subscription.signing_secret);
});

test('deactivating through the REST API deletes the subscription; reactivating makes exactly one again, or reuses one already at the URL', async () => {
	const [before] = subscriptions();
	await setActive(false);
	await waitFor('the subscription to be deleted', () => subscriptions().length === 0);
	expect(fake.requests.at(-1)).toMatchObject({
		method: 'DELETE',
		path: `${PLANNR_SUBSCRIPTIONS_PATH}/${before.uuid}`,
	});
	// The production URL is gone from n8n too.
	const late = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
	});
	expect(late.status).toBe(404);

	// Reactivated: a new subscription, one only, and its deliveries are accepted.
	const runsBefore = (await runsOf()).length;
	await setActive(true);
	await waitFor('a subscription after reactivation', () => subscriptions().length > 0);
	expect(subscriptions()).toHaveLength(1);
	const [again] = subscriptions();
	expect(again).toMatchObject({ url: webhookUrl, events: EVENTS });
	expect(again.uuid).not.toBe(before.uuid);
	const created = await createTaskInPlannr('Send the annual review pack');
	expect(fake.deliveries.at(-1)).toMatchObject({ subscriptionUuid: again.uuid, status: 200 });
	const run = await nthRun(runsBefore + 1);
	expect(run.status).toBe('success');
	expect(run.data).toContain(created.uuid);

	// A subscription already at the URL (left by an earlier n8n, say) is reused on activation, not doubled.
	await setActive(false);
	await waitFor('the subscription to be deleted again', () => subscriptions().length === 0);
	const leftover = await fetch(`${fake.url}${PLANNR_SUBSCRIPTIONS_PATH}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${TOKEN}`,
			'x-plannr-account-uuid': fake.options.accountUuid,
			accept: 'application/json',
			'content-type': 'application/json',
		},
		body: JSON.stringify({ url: webhookUrl, events: ['task.deleted'] }),
	}).then((answer) => answer.json() as Promise<PlannrSubscription>);
	await setActive(true);
	await waitFor(
		'the leftover subscription to get the trigger’s events',
		() => subscriptions()[0]?.events.join() === EVENTS.join(),
	);
	expect(subscriptions()).toHaveLength(1);
	expect(subscriptions()[0].uuid).toBe(leftover.uuid);
	// Its secret was taken over: its deliveries are accepted.
	const reused = await createTaskInPlannr('Chase the provider for a valuation');
	expect(fake.deliveries.at(-1)).toMatchObject({ subscriptionUuid: leftover.uuid, status: 200 });
	const last = await nthRun(runsBefore + 2);
	expect(last.status).toBe('success');
	expect(last.data).toContain(reused.uuid);

	await pause(3000);
	expect(await runsOf()).toHaveLength(runsBefore + 2);
	expect(subscriptions()).toHaveLength(1);
});

test('the credential Test button in the editor: OK with the token, an error without the token in it for a wrong one', async () => {
	const mark = fake.requests.length;
	const good = await rest('POST', '/rest/credentials/test', {
		credentials: { ...credentials.plannrApi, type: 'plannrApi', data: fake.credentialData() },
	});
	if (good.status !== 200)
		throw new Error(`credential test answered ${good.status}: ${JSON.stringify(good.body)}`);
	expect(good.body.data.status).toBe('OK');
	expect(
		fake.requests
			.slice(mark)
			.map((request) => [
				request.method,
				request.path,
				request.headers.authorization,
				request.headers['x-plannr-account-uuid'],
			]),
	).toEqual([['GET', `${PLANNR_API_V1}/task-status`, `Bearer ${TOKEN}`, fake.options.accountUuid]]);

	// As when a user edits the token of a saved credential and presses Test before saving.
	const wrong = 'Plannr-Wrong-Token-0000';
	const bad = await rest('POST', '/rest/credentials/test', {
		credentials: {
			...credentials.plannrApi,
			type: 'plannrApi',
			data: { ...fake.credentialData(), accessToken: wrong },
		},
	});
	if (!bad.body?.data)
		throw new Error(`credential test answered ${bad.status}: ${JSON.stringify(bad.body)}`);
	expect(bad.body.data.status).toBe('Error');
	expect(fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${wrong}`);
	const said = JSON.stringify(bad.body);
	expect(said).not.toContain(wrong);
	expect(said).not.toContain(TOKEN);
});
