/**
 * The Oliver Trigger in a running n8n: an active workflow polled by n8n's own scheduler (every minute, the
 * shortest n8n allows) against the fake Oliver. Baseline at activation, then each new task once.
 */
import { OliverFake, OLIVER_API_PREFIX } from '../fakes/oliver';
import { PACKAGE_NAME, createN8nInstance, freePort, type N8nInstance } from './n8n';

jest.setTimeout(15 * 60_000);

const fake = new OliverFake();
let n8n: N8nInstance;

const polls = () => fake.requests.filter((request) => request.path === `${OLIVER_API_PREFIX}/staff_tasks`).length;
const triggerRuns = async () => (await n8n.storedExecutions()).filter((execution) => execution.workflowId === 'olTrigger');

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 150_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`timed out waiting for ${what}\n${n8n.serverLog.slice(-3000)}`);
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
					parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'taskCreated' },
					credentials: { oliverApi: { id: 'oliverTriggerE2e', name: 'Oliver trigger e2e' } },
				},
				{ id: 'done', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { 'Oliver Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
	]);
	await n8n.publish('olTrigger');
});

afterAll(async () => {
	await n8n?.cleanup();
	await fake.stop();
});

test('activation sets a baseline; a new task starts exactly one execution, carrying that task', async () => {
	const existing = fake.addTask({ title: 'there before activation' });
	await n8n.startServer(await freePort());

	await waitFor('the baseline poll', () => polls() >= 1);
	expect(await triggerRuns()).toHaveLength(0);

	const created = fake.addTask({ title: 'Call owner about lab results' });
	const [run] = await waitFor('an execution for the new task', async () => {
		const runs = await triggerRuns();
		return runs.length > 0 && runs;
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
