/**
 * Oliver in a running n8n (`n8n start`): the trigger in an active workflow, polled by n8n's own scheduler
 * (three poll times a minute, 20 s apart: see POLL_EVERY_20_SECONDS) against the fake Oliver, and the credential's Test button as the
 * editor calls it.
 */
import { OliverFake, OLIVER_API_PREFIX } from '../fakes/oliver';
import { PACKAGE_NAME } from './harness/repo';
import { freePort } from './harness/processes';
import { POLL_EVERY_20_SECONDS } from './harness/workflowBuilder';
import { isFinished, waitFor as waitForIn8n } from './harness/waiting';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

const fake = new OliverFake();
let n8n: N8nInstance;
let port: number;
let existing: ReturnType<OliverFake['addTask']>;

const polls = () =>
	fake.requests.filter((request) => request.path === `${OLIVER_API_PREFIX}/staff_tasks`).length;
const triggerRuns = async () =>
	(await n8n.storedExecutions()).filter((execution) => execution.workflowId === 'olTrigger');

function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs?: number,
): Promise<T> {
	return waitForIn8n(what, probe, () => n8n.serverLog.slice(-3000), timeoutMs);
}

beforeAll(async () => {
	await fake.start();
	n8n = await createN8nInstance();
	await n8n.importCredentials([
		{
			id: 'oliverTriggerE2e',
			name: 'Oliver trigger e2e',
			type: 'oliverApi',
			data: fake.credentialData(),
		},
	]);
	await n8n.importWorkflows([
		{
			id: 'olTrigger',
			name: 'New Oliver staff task',
			active: false,
			nodes: [
				{
					id: 'trigger',
					name: 'Oliver Trigger',
					type: `${PACKAGE_NAME}.oliverTrigger`,
					typeVersion: 1,
					position: [0, 0],
					parameters: { pollTimes: POLL_EVERY_20_SECONDS, event: 'taskCreated' },
					credentials: { oliverApi: { id: 'oliverTriggerE2e', name: 'Oliver trigger e2e' } },
				},
				{
					id: 'done',
					name: 'Done',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [220, 0],
					parameters: {},
				},
			],
			connections: { 'Oliver Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
	]);
	await n8n.publish('olTrigger');
	existing = fake.addTask({ title: 'there before activation' });
	port = await freePort();
	await n8n.startServer(port);
});

afterAll(async () => {
	await n8n?.cleanup();
	await fake.stop();
});

test('activation sets a baseline; a new task starts exactly one execution, carrying that task', async () => {
	await waitFor('the baseline poll', () => polls() >= 1);
	expect(await triggerRuns()).toHaveLength(0);

	const created = fake.addTask({ title: 'Call owner about lab results' });
	const [run] = await waitFor('an execution for the new task', async () => {
		const runs = await triggerRuns();
		return runs.length > 0 && runs.every(isFinished) && runs;
	});
	expect(run.status).toBe('success');
	expect(run.data).toContain(created.id);
	expect(run.data).toContain('Call owner about lab results');
	expect(run.data).not.toContain(existing.id);

	// One more poll with nothing new: no second execution.
	const pollsSoFar = polls();
	await waitFor('the next poll', () => polls() > pollsSoFar);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(await triggerRuns()).toHaveLength(1);
	expect(fake.signInCount).toBe(1);
});

test('the credential Test button in the editor: OK with good credentials, an error without the password in it otherwise', async () => {
	const rest = await n8n.ownerRest();
	const good = await rest('POST', '/rest/credentials/test', {
		credentials: {
			id: 'oliverTriggerE2e',
			name: 'Oliver trigger e2e',
			type: 'oliverApi',
			data: fake.credentialData(),
		},
	});
	if (good.status !== 200)
		throw new Error(`credential test answered ${good.status}: ${JSON.stringify(good.body)}`);
	expect(good.body.data.status).toBe('OK');

	const bad = await rest('POST', '/rest/credentials/test', {
		// As when a user edits the password of a saved credential and presses Test before saving.
		credentials: {
			id: 'oliverTriggerE2e',
			name: 'Oliver trigger e2e',
			type: 'oliverApi',
			data: { ...fake.credentialData(), password: 'Wrong-Pass-123' },
		},
	});
	if (!bad.body?.data)
		throw new Error(`credential test answered ${bad.status}: ${JSON.stringify(bad.body)}`);
	expect(bad.body.data.status).toBe('Error');
	expect(bad.body.data.message).toContain('Oliver sign-in failed');
	expect(JSON.stringify(bad.body)).not.toContain('Wrong-Pass-123');
});
