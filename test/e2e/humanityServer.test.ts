/**
 * Humanity in a running n8n (`n8n start`): a published workflow with the Humanity Trigger (Shift Task
 * Added) polled by n8n's own scheduler (three poll times a minute, 20 s apart: see POLL_EVERY_20_SECONDS) against the fake Humanity,
 * and the credential's Test button as the editor calls it.
 */
import { DateTime } from 'luxon';
import {
	HUMANITY_API_PREFIX,
	HUMANITY_TOKEN_PATH,
	HumanityFake,
	type HumanityShift,
} from '../fakes/humanity';
import { PACKAGE_NAME } from './harness/repo';
import { freePort } from './harness/processes';
import { type N8nWorkflow, POLL_EVERY_20_SECONDS } from './harness/workflowBuilder';
import { isFinished, waitFor as waitForIn8n } from './harness/waiting';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

const APP_SECRET = 'Humanity-Server-App-Secret-4417';
const PASSWORD = 'Humanity-Server-Password-9902';
const fake = new HumanityFake({ appSecret: APP_SECRET, password: PASSWORD });
const WORKFLOW_ID = 'huTriggerAdded';
const credentials = { humanityApi: { id: 'humanityTriggerE2e', name: 'Humanity trigger e2e' } };
let n8n: N8nInstance;
let shift: HumanityShift;
let masterId: string;

const taskPolls = () =>
	fake.requests.filter(
		(request) => request.method === 'GET' && /\/shifts\/[\d,]+\/tasks$/.test(request.path),
	).length;
const runs = async () =>
	(await n8n.storedExecutions()).filter((execution) => execution.workflowId === WORKFLOW_ID);

function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs?: number,
): Promise<T> {
	return waitForIn8n(what, probe, diagnosis, timeoutMs);
}

/** What Humanity received and what n8n stored and printed, for a failure message. */
async function diagnosis(): Promise<string> {
	const start = fake.requests[0]?.at ?? 0;
	const received = fake.requests.map(
		(request) => `  +${request.at - start} ms ${request.method} ${request.path}`,
	);
	const stored = (await n8n.storedExecutions()).map(
		(execution) =>
			`  ${execution.id} ${execution.workflowId} ${execution.mode} ${execution.status}`,
	);
	return [
		'Humanity received:',
		...received,
		'n8n stored executions:',
		...stored,
		n8n.serverLog.slice(-3000),
	].join('\n');
}

const triggerWorkflow: N8nWorkflow = {
	id: WORKFLOW_ID,
	name: 'Task added to a shift',
	active: false,
	nodes: [
		{
			id: `${WORKFLOW_ID}-trigger`,
			name: 'Humanity Trigger',
			type: `${PACKAGE_NAME}.humanityTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: POLL_EVERY_20_SECONDS,
				event: 'shiftTaskAdded',
				daysBefore: 1,
				daysAfter: 7,
			},
			credentials,
		},
		{
			id: `${WORKFLOW_ID}-done`,
			name: 'Done',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	],
	connections: { 'Humanity Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

beforeAll(async () => {
	await fake.start();
	const location = fake.addLocation({ name: 'Main Street Café' });
	const positionId = fake.addPosition({ name: 'Barista', locationId: location.id }).id;
	masterId = fake.addMasterTask({ name: 'Restock pastries', positionIds: [positionId] }).id;
	const today = DateTime.utc().toFormat('yyyy-MM-dd');
	shift = fake.addShift({
		start: `${today} 09:00`,
		end: `${today} 17:00`,
		positionId,
		title: 'Morning bar',
	});
	fake.addShiftTask({ shiftId: shift.id, taskId: masterId, name: 'There before activation' });

	n8n = await createN8nInstance();
	await n8n.importCredentials([
		{ ...credentials.humanityApi, type: 'humanityApi', data: fake.credentialData() },
	]);
	await n8n.importWorkflow(triggerWorkflow);
	await n8n.publish(WORKFLOW_ID);
	await n8n.startServer(await freePort());
});

afterAll(async () => {
	await n8n?.cleanup();
	await fake.stop();
});

test('activation sets a baseline; a task added to a shift starts exactly one execution, carrying that task', async () => {
	// The poll at activation and the first scheduled one: only then is the baseline surely taken.
	await waitFor('the baseline polls', () => taskPolls() >= 2);
	expect(await runs()).toHaveLength(0);

	fake.addShiftTask({ shiftId: shift.id, taskId: masterId, name: 'Restock pastries before lunch' });
	const [run] = await waitFor('an execution for the added task', async () => {
		const stored = await runs();
		return stored.length > 0 && stored.every(isFinished) && stored;
	});
	expect(run.status).toBe('success');
	expect(run.mode).toBe('trigger');
	expect(run.data).toContain('Restock pastries before lunch');
	expect(run.data).not.toContain('There before activation');

	// One more poll with nothing new: no second execution.
	const soFar = taskPolls();
	await waitFor('the next poll', () => taskPolls() > soFar);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(await runs()).toHaveLength(1);

	// Signed in once for all the polls (the token is kept with the credential), and no secret stored.
	expect(fake.requests.filter((request) => request.path === HUMANITY_TOKEN_PATH)).toHaveLength(1);
	const stored = (await n8n.storedExecutions()).map((execution) => execution.data).join('\n');
	for (const secret of [APP_SECRET, PASSWORD]) expect(stored).not.toContain(secret);
});

test('the credential Test button in the editor: OK with the sign-in, an error without any secret in it for a wrong password', async () => {
	const rest = await n8n.ownerRest();
	const data = fake.credentialData();
	const good = await rest('POST', '/rest/credentials/test', {
		credentials: { ...credentials.humanityApi, type: 'humanityApi', data },
	});
	if (good.status !== 200)
		throw new Error(`credential test answered ${good.status}: ${JSON.stringify(good.body)}`);
	expect(good.body.data.status).toBe('OK');
	expect(fake.requests.at(-1)!.path).toBe(`${HUMANITY_API_PREFIX}/me`);

	const wrong = 'Humanity-Wrong-Password-0000';
	const bad = await rest('POST', '/rest/credentials/test', {
		credentials: {
			...credentials.humanityApi,
			type: 'humanityApi',
			data: { ...data, password: wrong },
		},
	});
	if (!bad.body?.data)
		throw new Error(`credential test answered ${bad.status}: ${JSON.stringify(bad.body)}`);
	expect(bad.body.data.status).toBe('Error');
	const said = JSON.stringify(bad.body);
	for (const secret of [wrong, APP_SECRET, PASSWORD]) expect(said).not.toContain(secret);
});
