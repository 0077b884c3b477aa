/**
 * Open Dental in a running n8n (`n8n start`): two published workflows with the Open Dental Trigger (Task
 * Created, filtered to one task list, and Task Completed), polled by n8n's own scheduler (three poll times a
 * minute, 20 s apart: see POLL_EVERY_20_SECONDS) against the fake Open Dental, and the credential's Test button as the editor calls it.
 *
 * The fake the triggers poll is throttled like the Remote API (1 request per second per customer key) and
 * the credential paces to it: the two triggers share the key, and n8n's scheduler may poll them within the
 * same second. The Test button is checked against a second office (its own fake): the credential test is
 * one plain request that n8n sends outside the node's pacing, and it must not race the pollers here.
 */
import { OPEN_DENTAL_API_PREFIX, OpenDentalFake, type OpenDentalTask } from '../fakes/openDental';
import { PACKAGE_NAME } from './harness/repo';
import { freePort } from './harness/processes';
import { type N8nWorkflow, POLL_EVERY_20_SECONDS } from './harness/workflowBuilder';
import { isFinished, waitFor as waitForIn8n } from './harness/waiting';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

const DEVELOPER_KEY = 'OdDev-Server-Secret-5531';
const CUSTOMER_KEY = 'OdCust-Server-Secret-8807';
const fake = new OpenDentalFake({ developerKey: DEVELOPER_KEY, customerKey: CUSTOMER_KEY });
/** The office whose keys the Test button checks. */
const office = new OpenDentalFake({
	developerKey: 'OdDev-Button-Secret-1207',
	customerKey: 'OdCust-Button-Secret-3349',
});
let n8n: N8nInstance;
let port: number;
let front: number;
let hygiene: number;
let existing: OpenDentalTask;
let toComplete: OpenDentalTask;

const credentials = {
	openDentalApi: { id: 'openDentalTriggerE2e', name: 'Open Dental trigger e2e' },
};
const taskPolls = () =>
	fake.requests.filter((request) => request.path === `${OPEN_DENTAL_API_PREFIX}/tasks`);
const createdPolls = () =>
	taskPolls().filter((request) => request.query.TaskStatus === undefined).length;
const completedPolls = () =>
	taskPolls().filter((request) => request.query.TaskStatus === 'Done').length;
const runsOf = async (workflowId: string) =>
	(await n8n.storedExecutions()).filter((execution) => execution.workflowId === workflowId);

function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs?: number,
): Promise<T> {
	return waitForIn8n(what, probe, diagnosis, timeoutMs);
}

/** What Open Dental received and what n8n stored and printed, for a failure message. */
async function diagnosis(): Promise<string> {
	const start = fake.requests[0]?.at ?? 0;
	const received = fake.requests.map(
		(request) =>
			`  +${request.at - start} ms ${request.method} ${request.path}?${request.rawQuery}`,
	);
	const stored = (await n8n.storedExecutions()).map(
		(execution) =>
			`  ${execution.id} ${execution.workflowId} ${execution.mode} ${execution.status}`,
	);
	return [
		`Open Dental received:`,
		...received,
		`n8n stored executions:`,
		...stored,
		n8n.serverLog.slice(-3000),
	].join('\n');
}

function triggerWorkflow(
	id: string,
	name: string,
	parameters: Record<string, unknown>,
): N8nWorkflow {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Open Dental Trigger',
				type: `${PACKAGE_NAME}.openDentalTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: POLL_EVERY_20_SECONDS, ...parameters },
				credentials,
			},
			{
				id: `${id}-done`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { 'Open Dental Trigger': { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

beforeAll(async () => {
	await Promise.all([fake.start(), office.start()]);
	const maria = fake.addUser({ UserName: 'Maria (front desk)' }).UserNum;
	front = fake.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
	hygiene = fake.addTaskList({ Descript: 'Hygiene' }).TaskListNum;
	existing = fake.addTask({
		TaskListNum: front,
		Descript: 'There before activation',
		UserNum: maria,
		DateTimeOriginal: fake.officeTime({ days: -1 }),
	});
	toComplete = fake.addTask({
		TaskListNum: hygiene,
		Descript: 'Sterilizer maintenance log',
		UserNum: maria,
		TaskStatus: 'Viewed',
		DateTimeOriginal: fake.officeTime({ days: -2 }),
	});
	fake.addTask({
		TaskListNum: hygiene,
		Descript: 'Done long ago',
		UserNum: maria,
		TaskStatus: 'Done',
		DateTimeOriginal: fake.officeTime({ days: -3 }),
	});
	office.addTaskList({ Descript: 'Front Desk' });

	n8n = await createN8nInstance();
	await n8n.importCredentials([
		{
			id: 'openDentalTriggerE2e',
			name: 'Open Dental trigger e2e',
			type: 'openDentalApi',
			data: { ...fake.credentialData(), rateLimit: 'perSecond' },
		},
		{
			id: 'openDentalButtonE2e',
			name: 'Open Dental button e2e',
			type: 'openDentalApi',
			data: { ...office.credentialData(), rateLimit: 'perSecond' },
		},
	]);
	await n8n.importWorkflows([
		triggerWorkflow('odTriggerCreated', 'New Front Desk task', {
			event: 'taskCreated',
			filters: { taskListNum: { __rl: true, mode: 'list', value: String(front) } },
		}),
		triggerWorkflow('odTriggerCompleted', 'Open Dental task done', {
			event: 'taskCompleted',
			lookBackDays: 7,
		}),
	]);
	await n8n.publish('odTriggerCreated');
	await n8n.publish('odTriggerCompleted');
	port = await freePort();
	await n8n.startServer(port);
});

afterAll(async () => {
	await n8n?.cleanup();
	await Promise.all([fake.stop(), office.stop()]);
});

test('activation sets a baseline; a new task and a task done each start exactly one execution, carrying that task', async () => {
	// Two polls each: the one at activation and the first scheduled one (or, if Open Dental refused the one at
	// activation, n8n's retry of it). Only then is each trigger's baseline surely taken: a task added
	// before it would be part of the baseline and never emitted.
	await waitFor('the baseline polls', () => createdPolls() >= 2 && completedPolls() >= 2);
	expect(await runsOf('odTriggerCreated')).toHaveLength(0);
	expect(await runsOf('odTriggerCompleted')).toHaveLength(0);
	// What the trigger asked: its filter and its look-back window, in the office's time.
	const [createdPoll] = taskPolls().filter((request) => request.query.TaskStatus === undefined);
	expect(createdPoll.query).toMatchObject({
		TaskListNum: String(front),
		DateTimeOriginal: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
	});
	const [completedPoll] = taskPolls().filter((request) => request.query.TaskStatus === 'Done');
	expect(completedPoll.query.DateTimeOriginal.slice(0, 10)).toBe(
		fake.officeTime({ days: -7 }).slice(0, 10),
	);

	const created = fake.addTask({
		TaskListNum: front,
		Descript: 'Call the patient about the lab results',
		UserNum: existing.UserNum,
	});
	// Another list: the Task Created trigger is filtered to Front Desk.
	fake.addTask({
		TaskListNum: hygiene,
		Descript: 'Restock the hygiene room',
		UserNum: existing.UserNum,
	});
	Object.assign(fake.tasks.get(toComplete.TaskNum)!, {
		TaskStatus: 'Done',
		DateTimeFinished: fake.officeTime(),
		SecDateTEdit: fake.officeTime(),
	});

	const [createdRun] = await waitFor('an execution for the new task', async () => {
		const runs = await runsOf('odTriggerCreated');
		return runs.length > 0 && runs.every(isFinished) && runs;
	});
	expect(createdRun.status).toBe('success');
	expect(createdRun.mode).toBe('trigger');
	expect(createdRun.data).toContain(created.Descript);
	expect(createdRun.data).not.toContain('Restock the hygiene room');
	expect(createdRun.data).not.toContain('There before activation');

	const [completedRun] = await waitFor('an execution for the task done', async () => {
		const runs = await runsOf('odTriggerCompleted');
		return runs.length > 0 && runs.every(isFinished) && runs;
	});
	expect(completedRun.status).toBe('success');
	expect(completedRun.data).toContain('Sterilizer maintenance log');
	expect(completedRun.data).not.toContain('Done long ago');
	expect(completedRun.data).not.toContain('Call the patient about the lab results');

	// One more poll of each with nothing new: no second execution.
	const [createdSoFar, completedSoFar] = [createdPolls(), completedPolls()];
	await waitFor(
		'the next polls',
		() => createdPolls() > createdSoFar && completedPolls() > completedSoFar,
	);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(await runsOf('odTriggerCreated')).toHaveLength(1);
	expect(await runsOf('odTriggerCompleted')).toHaveLength(1);

	const stored = (await n8n.storedExecutions()).map((execution) => execution.data).join('\n');
	expect(stored).not.toContain(DEVELOPER_KEY);
	expect(stored).not.toContain(CUSTOMER_KEY);
	// The pollers shared the customer key and were paced: every poll at least a second after the one before
	// (the fake refuses a sooner one).
	const gaps = fake.requests.slice(1).map((request, i) => request.at - fake.requests[i].at);
	if (gaps.some((gap) => gap < 1000))
		throw new Error(`Open Dental got two polls less than a second apart:\n${await diagnosis()}`);
});

test('the credential Test button in the editor: OK with the office’s keys, an error without any key in it for a wrong customer key', async () => {
	const rest = await n8n.ownerRest();
	const data = { ...office.credentialData(), rateLimit: 'perSecond' };
	const mark = office.requests.length;
	const good = await rest('POST', '/rest/credentials/test', {
		credentials: {
			id: 'openDentalButtonE2e',
			name: 'Open Dental button e2e',
			type: 'openDentalApi',
			data,
		},
	});
	if (good.status !== 200)
		throw new Error(`credential test answered ${good.status}: ${JSON.stringify(good.body)}`);
	expect(good.body.data.status).toBe('OK');
	expect(
		office.requests
			.slice(mark)
			.map((request) => [request.method, request.path, request.headers.authorization]),
	).toEqual([
		[
			'GET',
			`${OPEN_DENTAL_API_PREFIX}/tasklists`,
			`ODFHIR ${office.options.developerKey}/${office.options.customerKey}`,
		],
	]);

	// As when a user edits the customer key of a saved credential and presses Test before saving.
	await new Promise((resolve) => setTimeout(resolve, 1100));
	const bad = await rest('POST', '/rest/credentials/test', {
		credentials: {
			id: 'openDentalButtonE2e',
			name: 'Open Dental button e2e',
			type: 'openDentalApi',
			data: { ...data, customerApiKey: 'OdCust-Wrong-0000' },
		},
	});
	if (!bad.body?.data)
		throw new Error(`credential test answered ${bad.status}: ${JSON.stringify(bad.body)}`);
	expect(bad.body.data.status).toBe('Error');
	expect(office.requests.at(-1)!.headers.authorization).toBe(
		`ODFHIR ${office.options.developerKey}/OdCust-Wrong-0000`,
	);
	const said = JSON.stringify(bad.body);
	for (const secret of [
		'OdCust-Wrong-0000',
		office.options.developerKey,
		office.options.customerKey,
	])
		expect(said).not.toContain(secret);
});
