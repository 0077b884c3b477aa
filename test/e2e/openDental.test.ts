/**
 * The built pack inside a real n8n (community-package install), every Open Dental operation run by n8n's CLI
 * against the fake Open Dental; outputs, the fake's final state and the requests it received checked.
 *
 * The fake behaves like the Remote API: one request per second per customer key, a call that comes too
 * early refused. The credentials say so (Rate Limit "One Request per Second"), so the node spaces every
 * call and none is refused; each `n8n execute` is a new process, and its start (seconds) keeps the first
 * call of one execution well apart from the last of the one before. To keep the number of (slow) CLI runs
 * low, each workflow chains several operations; nodes after a list run once (Execute Once) where they
 * must not run per item.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	OPEN_DENTAL_API_PREFIX,
	OpenDentalFake,
	UNSET_DATE_TIME,
	type OpenDentalTask,
} from '../fakes/openDental';
import type { RecordedRequest } from '../fakes/kit';
import { PACKAGE_NAME } from './harness/repo';
import { errorOf, itemsOf } from './harness/runData';
import { chainWorkflow, type N8nNode, type N8nWorkflow } from './harness/workflowBuilder';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

/** Secret-looking on purpose: the stored executions are searched for them. */
const DEVELOPER_KEY = 'OdDev-E2e-Secret-7781';
const CUSTOMER_KEY = 'OdCust-E2e-Secret-2294';

const fake = new OpenDentalFake({ developerKey: DEVELOPER_KEY, customerKey: CUSTOMER_KEY });
let n8n: N8nInstance;
const OPEN_DENTAL = `${PACKAGE_NAME}.openDental`;
const credentials = { openDentalApi: { id: 'openDentalE2e', name: 'Open Dental e2e' } };
const node = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<N8nNode> = {},
): N8nNode => ({
	name,
	type: OPEN_DENTAL,
	parameters,
	credentials,
	...extra,
});
const rl = (value: number, mode: 'list' | 'id' = 'list') => ({
	__rl: true,
	mode,
	value: String(value),
});
const api = (route: string) => `${OPEN_DENTAL_API_PREFIX}${route}`;

// State the workflows act on, made before they are imported (their numbers go into node parameters).
let admin: number;
let maria: number;
let high: number;
const lists: Record<'front' | 'hygiene' | 'bulk' | 'pacing', number> = {
	front: 0,
	hygiene: 0,
	bulk: 0,
	pacing: 0,
};
const tasks: Record<string, OpenDentalTask> = {};
let pacingTasks: OpenDentalTask[];
let existingNote: number;

const sinceMark = (mark: number): RecordedRequest[] => fake.requests.slice(mark);
const calls = (requests: RecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path}`);
const gaps = (requests: RecordedRequest[]) =>
	requests.slice(1).map((request, i) => request.at - requests[i].at);

beforeAll(async () => {
	await fake.start();
	admin = fake.addUser({ UserName: 'Admin' }).UserNum;
	maria = fake.addUser({ UserName: 'Maria (front desk)' }).UserNum;
	fake.addPriority({ ItemName: 'Normal', ItemValue: 'D' });
	high = fake.addPriority({ ItemName: 'High' }).DefNum;
	lists.front = fake.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
	lists.hygiene = fake.addTaskList({ Descript: 'Hygiene' }).TaskListNum;
	lists.bulk = fake.addTaskList({ Descript: 'Bulk' }).TaskListNum;
	lists.pacing = fake.addTaskList({ Descript: 'Pacing' }).TaskListNum;
	fake.addTaskList({ Descript: 'Old Insurance Follow-ups', TaskListStatus: 'Archived' });

	const ago = (days: number) => fake.officeTime({ days: -days });
	const add = (name: string, partial: Partial<OpenDentalTask> = {}) =>
		(tasks[name] = fake.addTask({
			TaskListNum: lists.front,
			Descript: `kept ${name}`,
			UserNum: maria,
			...partial,
		}));
	add('toUpdate', { TaskStatus: 'Viewed', ObjectType: 'Patient', KeyNum: 73 });
	add('toView');
	add('toDone', { TaskStatus: 'Viewed' });
	add('toReopen', {
		TaskListNum: lists.hygiene,
		TaskStatus: 'Done',
		DateTimeOriginal: ago(3),
		DateTimeFinished: ago(2),
		SecDateTEdit: ago(2),
	});
	add('keepDone', {
		Descript: 'Call the lab',
		TaskStatus: 'Done',
		DateTimeOriginal: ago(3),
		DateTimeFinished: ago(2),
		SecDateTEdit: ago(2),
	});
	add('reopenedByOpenDental', {
		Descript: 'Order gloves',
		TaskStatus: 'Done',
		DateTimeOriginal: ago(3),
		DateTimeFinished: ago(2),
		SecDateTEdit: ago(2),
	});
	add('doneEarlier', {
		TaskStatus: 'Done',
		DateTimeOriginal: ago(5),
		DateTimeFinished: ago(3),
		SecDateTEdit: ago(3),
	});
	// Older than Open Dental's default 14-day window: Get Many without "Created After" does not see it.
	add('old', { DateTimeOriginal: ago(40) });
	for (let i = 0; i < 120; i++)
		fake.addTask({ TaskListNum: lists.bulk, Descript: `bulk ${i}`, UserNum: admin });
	pacingTasks = Array.from({ length: 9 }, (_, i) =>
		fake.addTask({ TaskListNum: lists.pacing, Descript: `paced ${i}`, UserNum: admin }),
	);
	existingNote = fake.addNote({
		TaskNum: tasks.toUpdate.TaskNum,
		UserNum: maria,
		Note: 'Supplier called back.',
		DateTimeNote: ago(1),
	}).TaskNoteNum;

	n8n = await createN8nInstance();
	const data = { ...fake.credentialData(), rateLimit: 'perSecond' };
	await n8n.importCredentials([
		{ id: 'openDentalE2e', name: 'Open Dental e2e', type: 'openDentalApi', data },
		// The credential the example (and npm start's sandbox) refers to.
		{ id: 'openDentalSandbox', name: 'Open Dental sandbox', type: 'openDentalApi', data },
	]);

	// A vendor error on the error output feeds a node whose input is refused before anything is sent.
	const errors: N8nWorkflow = chainWorkflow('odErrors', [
		node(
			'Missing Task',
			{ resource: 'task', operation: 'markDone', taskNum: '999999' },
			{ onError: 'continueErrorOutput' },
		),
		node('Bad Filter', {
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { keyNum: 73 },
		}),
	]);
	errors.connections['Missing Task'] = {
		main: [[], [{ node: 'Bad Filter', type: 'main', index: 0 }]],
	};

	await n8n.importWorkflows([
		JSON.parse(
			readFileSync(
				path.join(__dirname, '../../examples/open-dental-tasks-done-today.json'),
				'utf8',
			),
		),
		chainWorkflow('odTasks', [
			node('Create', {
				resource: 'task',
				operation: 'create',
				taskListNum: rl(lists.front),
				descript: 'Verify insurance before the next appointment.',
				userNum: rl(maria, 'id'),
				additionalFields: {
					objectType: 'Appointment',
					keyNum: 755,
					priorityDefNum: String(high),
					dateTimeEntry: '2026-07-01T15:30:00.000Z',
					descriptOverride: 'Verify insurance',
				},
			}),
			node('Get', { resource: 'task', operation: 'get', taskNum: '={{ $json.TaskNum }}' }),
			node('Update', {
				resource: 'task',
				operation: 'update',
				taskNum: String(tasks.toUpdate.TaskNum),
				updateFields: { priorityDefNum: String(high), descriptOverride: 'Gloves' },
			}),
			node('Mark Viewed', {
				resource: 'task',
				operation: 'markViewed',
				taskNum: String(tasks.toView.TaskNum),
			}),
			node('Mark Done', {
				resource: 'task',
				operation: 'markDone',
				taskNum: String(tasks.toDone.TaskNum),
			}),
			node('Mark New', {
				resource: 'task',
				operation: 'markNew',
				taskNum: String(tasks.toReopen.TaskNum),
			}),
			node('Keep Done', {
				resource: 'task',
				operation: 'update',
				taskNum: String(tasks.keepDone.TaskNum),
				updateFields: { descript: 'Call the lab about the crown' },
			}),
			node('Without Keep Done', {
				resource: 'task',
				operation: 'update',
				taskNum: String(tasks.reopenedByOpenDental.TaskNum),
				updateFields: { descript: 'Order gloves, size M' },
				keepDoneStatus: false,
			}),
		]),
		chainWorkflow('odListsAndNotes', [
			node('All Tasks', { resource: 'task', operation: 'getAll', returnAll: true }),
			node(
				'Five Bulk Tasks',
				{
					resource: 'task',
					operation: 'getAll',
					returnAll: false,
					limit: 5,
					filters: { taskListNum: rl(lists.bulk, 'id') },
				},
				{ executeOnce: true },
			),
			node(
				'Task Lists',
				{ resource: 'taskList', operation: 'getAll', returnAll: true },
				{ executeOnce: true },
			),
			node(
				'Create Note',
				{
					resource: 'taskNote',
					operation: 'create',
					taskNum: String(tasks.toUpdate.TaskNum),
					userNum: rl(admin),
					note: 'Gloves ordered, arriving Tuesday.',
				},
				{ executeOnce: true },
			),
			node('Get Note', {
				resource: 'taskNote',
				operation: 'get',
				taskNoteNum: '={{ $json.TaskNoteNum }}',
			}),
			node('Update Note', {
				resource: 'taskNote',
				operation: 'update',
				taskNoteNum: '={{ $json.TaskNoteNum }}',
				updateFields: { note: 'Gloves arrived.', dateTimeNote: '2026-07-02T14:00:00.000Z' },
			}),
			node('Notes of the Task', {
				resource: 'taskNote',
				operation: 'getAll',
				returnAll: true,
				filters: { taskNum: String(tasks.toUpdate.TaskNum) },
			}),
		]),
		errors,
		// 10 calls: one list, then Mark Done for each of its 9 tasks.
		chainWorkflow('odPacing', [
			node('Pacing Tasks', {
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { taskListNum: rl(lists.pacing) },
			}),
			node('Mark Each Done', {
				resource: 'task',
				operation: 'markDone',
				taskNum: '={{ $json.TaskNum }}',
			}),
		]),
	]);
});

afterAll(async () => {
	await fake.stop();
	await n8n?.cleanup();
});

test('Task Create, Get, Update, Mark Viewed/Done/New and Keep Done Status: what Open Dental received, what n8n output, the tasks as they end', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('odTasks');
	expect(errorOf(run)).toBeUndefined();
	const requests = sinceMark(mark);
	const created = itemsOf(run, 'Create');
	expect(created).toHaveLength(1);
	const taskNum = created[0].TaskNum as number;

	expect(calls(requests)).toEqual([
		`POST ${api('/tasks')}`,
		`GET ${api(`/tasks/${taskNum}`)}`,
		`PUT ${api(`/tasks/${tasks.toUpdate.TaskNum}`)}`,
		`PUT ${api(`/tasks/${tasks.toView.TaskNum}`)}`,
		`PUT ${api(`/tasks/${tasks.toDone.TaskNum}`)}`,
		`PUT ${api(`/tasks/${tasks.toReopen.TaskNum}`)}`,
		// Keep Done Status reads the task first, then sends the status along.
		`GET ${api(`/tasks/${tasks.keepDone.TaskNum}`)}`,
		`PUT ${api(`/tasks/${tasks.keepDone.TaskNum}`)}`,
		`PUT ${api(`/tasks/${tasks.reopenedByOpenDental.TaskNum}`)}`,
	]);
	for (const request of requests)
		expect(request.headers.authorization).toBe(`ODFHIR ${DEVELOPER_KEY}/${CUSTOMER_KEY}`);
	expect(requests.map((request) => request.body)).toEqual([
		{
			TaskListNum: lists.front,
			Descript: 'Verify insurance before the next appointment.',
			UserNum: maria,
			ObjectType: 'Appointment',
			KeyNum: 755,
			PriorityDefNum: high,
			// July in the office (America/Chicago): daylight time, UTC-5.
			DateTimeEntry: '2026-07-01 10:30:00',
			DescriptOverride: 'Verify insurance',
		},
		undefined,
		{ PriorityDefNum: high, DescriptOverride: 'Gloves' },
		{ TaskStatus: 'Viewed' },
		{ TaskStatus: 'Done' },
		{ TaskStatus: 'New' },
		undefined,
		{ Descript: 'Call the lab about the crown', TaskStatus: 'Done' },
		{ Descript: 'Order gloves, size M' },
	]);
	// Paced on the way: every call of the execution at least a second after the one before (the fake refuses sooner ones).
	for (const gap of gaps(requests)) expect(gap).toBeGreaterThanOrEqual(1000);

	// Create and Get: the stored task, with ISO copies of its dates.
	expect(fake.tasks.get(taskNum)).toMatchObject({
		TaskListNum: lists.front,
		UserNum: maria,
		TaskStatus: 'New',
		ObjectType: 'Appointment',
		KeyNum: 755,
		PriorityDefNum: high,
		DateTimeEntry: '2026-07-01 10:30:00',
		DescriptOverride: 'Verify insurance',
	});
	expect(created[0]).toMatchObject({
		...fake.tasks.get(taskNum),
		DateTimeEntryIso: '2026-07-01T10:30:00-05:00',
		DateTimeFinishedIso: null,
	});
	expect(itemsOf(run, 'Get')).toEqual([
		expect.objectContaining({
			TaskNum: taskNum,
			Descript: 'Verify insurance before the next appointment.',
		}),
	]);

	// Update: only the fields sent changed.
	expect(fake.tasks.get(tasks.toUpdate.TaskNum)).toMatchObject({
		Descript: 'kept toUpdate',
		TaskStatus: 'Viewed',
		ObjectType: 'Patient',
		KeyNum: 73,
		PriorityDefNum: high,
		DescriptOverride: 'Gloves',
	});
	expect(itemsOf(run, 'Update')).toEqual([
		expect.objectContaining({
			TaskNum: tasks.toUpdate.TaskNum,
			DescriptOverride: 'Gloves',
			KeyNum: 73,
		}),
	]);

	// Status changes; Done records when the task finished, leaving Done clears it.
	expect(fake.tasks.get(tasks.toView.TaskNum)!.TaskStatus).toBe('Viewed');
	expect(fake.tasks.get(tasks.toDone.TaskNum)).toMatchObject({
		TaskStatus: 'Done',
		DateTimeFinished: expect.not.stringMatching(/^0001/),
	});
	expect(itemsOf(run, 'Mark Done')).toEqual([
		expect.objectContaining({
			TaskStatus: 'Done',
			DateTimeFinishedIso: expect.stringMatching(/^\d{4}-.*-0[56]:00$/),
		}),
	]);
	expect(fake.tasks.get(tasks.toReopen.TaskNum)).toMatchObject({
		TaskStatus: 'New',
		DateTimeFinished: UNSET_DATE_TIME,
	});
	expect(itemsOf(run, 'Mark New')).toEqual([
		expect.objectContaining({ TaskStatus: 'New', DateTimeFinishedIso: null }),
	]);

	// The Done→Viewed guard: on (the default) the task stays Done; off, Open Dental reopens it as Viewed.
	expect(fake.tasks.get(tasks.keepDone.TaskNum)).toMatchObject({
		Descript: 'Call the lab about the crown',
		TaskStatus: 'Done',
	});
	expect(itemsOf(run, 'Keep Done')).toEqual([expect.objectContaining({ TaskStatus: 'Done' })]);
	expect(fake.tasks.get(tasks.reopenedByOpenDental.TaskNum)).toMatchObject({
		Descript: 'Order gloves, size M',
		TaskStatus: 'Viewed',
	});
});

test('Task Get Many (Return All over Offset pages, and a Limit), Task List Get Many, Task Note Create/Get/Update/Get Many', async () => {
	const inWindow = [...fake.tasks.values()].filter(
		(task) => task.DateTimeOriginal > fake.officeTime({ days: -14 }),
	);
	expect(inWindow.length).toBeGreaterThan(100);
	const mark = fake.requests.length;
	const run = await n8n.execute('odListsAndNotes');
	expect(errorOf(run)).toBeUndefined();
	const requests = sinceMark(mark);

	// Return All: 100 a call until a short page; no "Created After", so Open Dental's own 14 days.
	const all = itemsOf(run, 'All Tasks');
	expect(all.map((task) => task.TaskNum)).toEqual(
		inWindow.map((task) => task.TaskNum).sort((a, b) => a - b),
	);
	expect(all.map((task) => task.TaskNum)).not.toContain(tasks.old.TaskNum);
	expect(requests.slice(0, 2).map((request) => request.query)).toEqual([
		{ Offset: '0', Limit: '100' },
		{ Offset: '100', Limit: '100' },
	]);
	// Limit: one call for just that many.
	expect(itemsOf(run, 'Five Bulk Tasks').map((task) => task.Descript)).toEqual([
		'bulk 0',
		'bulk 1',
		'bulk 2',
		'bulk 3',
		'bulk 4',
	]);
	expect(requests[2].query).toEqual({ TaskListNum: String(lists.bulk), Offset: '0', Limit: '5' });

	expect(itemsOf(run, 'Task Lists').map((list) => list.Descript)).toEqual([
		'Front Desk',
		'Hygiene',
		'Bulk',
		'Pacing',
	]);
	expect(requests[3].query).toEqual({ TaskListStatus: 'Active', Offset: '0', Limit: '100' });

	const [note] = itemsOf(run, 'Create Note');
	const noteNum = note.TaskNoteNum as number;
	expect(requests[4].body).toEqual({
		TaskNum: tasks.toUpdate.TaskNum,
		UserNum: admin,
		Note: 'Gloves ordered, arriving Tuesday.',
	});
	expect(itemsOf(run, 'Get Note')).toEqual([
		expect.objectContaining({ TaskNoteNum: noteNum, Note: 'Gloves ordered, arriving Tuesday.' }),
	]);
	expect(requests[6].body).toEqual({
		Note: 'Gloves arrived.',
		DateTimeNote: '2026-07-02 09:00:00',
	});
	expect(itemsOf(run, 'Update Note')).toEqual([
		expect.objectContaining({
			TaskNoteNum: noteNum,
			Note: 'Gloves arrived.',
			DateTimeNote: '2026-07-02 09:00:00',
			DateTimeNoteIso: '2026-07-02T09:00:00-05:00',
		}),
	]);
	expect(fake.notes.get(noteNum)).toMatchObject({
		TaskNum: tasks.toUpdate.TaskNum,
		UserNum: admin,
		Note: 'Gloves arrived.',
		DateTimeNote: '2026-07-02 09:00:00',
	});
	expect(itemsOf(run, 'Notes of the Task').map((found) => found.TaskNoteNum)).toEqual([
		existingNote,
		noteNum,
	]);
	expect(requests[7].query).toEqual({
		TaskNum: String(tasks.toUpdate.TaskNum),
		Offset: '0',
		Limit: '100',
	});

	expect(calls(requests)).toEqual([
		`GET ${api('/tasks')}`,
		`GET ${api('/tasks')}`,
		`GET ${api('/tasks')}`,
		`GET ${api('/tasklists')}`,
		`POST ${api('/tasknotes')}`,
		`GET ${api(`/tasknotes/${noteNum}`)}`,
		`PUT ${api(`/tasknotes/${noteNum}`)}`,
		`GET ${api('/tasknotes')}`,
	]);
	for (const gap of gaps(requests)) expect(gap).toBeGreaterThanOrEqual(1000);
});

test('a vendor error reaches the error output; input that cannot be right stops before any request, naming the field', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('odErrors', { allowError: true });

	expect(itemsOf(run, 'Missing Task', 0)).toEqual([]);
	expect(itemsOf(run, 'Missing Task', 1)).toEqual([
		expect.objectContaining({ error: 'Open Dental: Task 999999 not found.' }),
	]);
	expect(errorOf(run)?.message).toContain('"Patient or Appointment Number" needs "Attached To"');
	expect(errorOf(run)?.node?.name).toBe('Bad Filter');
	// Only the missing task's call reached Open Dental.
	expect(calls(sinceMark(mark))).toEqual([`PUT ${api('/tasks/999999')}`]);
});

test('pacing: 10 calls in one execution with Rate Limit "One Request per Second": none refused, each at least 1000 ms after the one before', async () => {
	const mark = fake.requests.length;
	const started = Date.now();
	const run = await n8n.execute('odPacing');
	expect(errorOf(run)).toBeUndefined();
	const requests = sinceMark(mark);

	expect(requests).toHaveLength(10);
	// n8n runs the items of one node concurrently: the nine PUTs may arrive in any order, each once.
	expect(calls(requests)[0]).toBe(`GET ${api('/tasks')}`);
	expect(calls(requests.slice(1)).sort()).toEqual(
		pacingTasks.map((task) => `PUT ${api(`/tasks/${task.TaskNum}`)}`).sort(),
	);
	expect(gaps(requests)).toHaveLength(9);
	for (const gap of gaps(requests)) expect(gap).toBeGreaterThanOrEqual(1000);
	// Every call was answered: the fake refuses one that comes too soon, and the workflow would have stopped.
	expect(itemsOf(run, 'Mark Each Done').map((task) => [task.TaskNum, task.TaskStatus])).toEqual(
		pacingTasks.map((task) => [task.TaskNum, 'Done']),
	);
	for (const task of pacingTasks) expect(fake.tasks.get(task.TaskNum)!.TaskStatus).toBe('Done');
	expect(Date.now() - started).toBeGreaterThanOrEqual(9000);
});

test('the example workflow imports as is and lists the tasks finished today', async () => {
	const run = await n8n.execute('exOpenDentalDoneToday');
	expect(errorOf(run)).toBeUndefined();
	const doneToday = [tasks.toDone, ...pacingTasks]
		.map((task) => task.TaskNum)
		.sort((a, b) => a - b);
	expect(itemsOf(run, 'Finished today').map((task) => task.TaskNum)).toEqual(doneToday);
	// Done, but finished before today: read, then filtered out.
	const read = itemsOf(run, 'Done tasks of the last 30 days').map((task) => task.TaskNum);
	expect(read).toEqual(
		expect.arrayContaining([tasks.keepDone.TaskNum, tasks.doneEarlier.TaskNum, ...doneToday]),
	);
});

test('no key was stored in the executions', async () => {
	const stored = (await n8n.storedExecutions()).map((execution) => execution.data).join('\n');
	expect(stored.length).toBeGreaterThan(0);
	expect(stored).not.toContain(DEVELOPER_KEY);
	expect(stored).not.toContain(CUSTOMER_KEY);
});
