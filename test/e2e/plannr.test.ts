/**
 * The built pack inside a real n8n (community-package install), every Plannr operation run by n8n's CLI
 * against the fake Plannr; outputs, the requests Plannr received and the fake's final state checked.
 *
 * CLI runs are slow (seconds each), so each workflow chains several operations; nodes after a list run
 * once (Execute Once) where they must not run per item.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import {
	PLANNR_API_V1,
	PlannrFake,
	type PlannrAccount,
	type PlannrStatus,
	type PlannrTaskRecord,
} from '../fakes/plannr';
import type { RecordedRequest } from '../fakes/kit';
import { PACKAGE_NAME } from './harness/repo';
import { errorOf, itemsOf } from './harness/runData';
import { chainWorkflow, type N8nNode, type N8nWorkflow } from './harness/workflowBuilder';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

/** Secret-looking on purpose: the stored executions are searched for it. */
const TOKEN = 'Plannr-E2e-Secret-Token-4471';
const fake = new PlannrFake({ personalAccessToken: TOKEN });
let n8n: N8nInstance;
const PLANNR = `${PACKAGE_NAME}.plannr`;
const credentials = { plannrApi: { id: 'plannrE2e', name: 'Plannr e2e' } };
const node = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<N8nNode> = {},
): N8nNode => ({
	name,
	type: PLANNR,
	parameters: { authentication: 'accessToken', ...parameters },
	credentials,
	...extra,
});
const byUuid = (value: string) => ({ __rl: true, mode: 'id', value });
const api = (route: string) => `${PLANNR_API_V1}${route}`;
const sinceMark = (mark: number): RecordedRequest[] => fake.requests.slice(mark);
const calls = (requests: RecordedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path}`);
/** A uuid in the fake's shape that no record has. */
const MISSING_TASK = '7a5c0000-0000-4000-8000-00000000ffff';

// State the workflows act on, made before they are imported (their uuids go into node parameters).
let sarah: PlannrAccount;
let james: PlannrAccount;
let priya: PlannrAccount;
let tom: PlannrAccount;
let emma: PlannrAccount;
const status: Record<'todo' | 'doing' | 'waiting' | 'done' | 'archived', PlannrStatus> =
	{} as never;
let transferCase: string;
let pensionPlan: string;
let advisers: string;
let paraplanning: string;
const tasks: Record<string, PlannrTaskRecord> = {};

/** The fake's top-level tasks (what its list shows without show_child_tasks), oldest first. */
const topLevelTasks = () =>
	[...fake.tasks.values()]
		.filter((task) => task.parent_task_uuid === null)
		.sort((a, b) => a.seq - b.seq);

beforeAll(async () => {
	await fake.start();
	sarah = fake.accounts.get(fake.options.accountUuid)!;
	james = fake.addEmployee({
		first_name: 'James',
		last_name: 'Carter',
		email: 'james.carter@example.com',
	}).account;
	priya = fake.addEmployee({
		first_name: 'Priya',
		last_name: 'Shah',
		email: 'priya.shah@example.com',
		role: 'admin',
	}).account;
	tom = fake.addClient({ first_name: 'Tom', last_name: 'Hughes', email: 'tom.hughes@example.com' });
	emma = fake.addClient({
		first_name: 'Emma',
		last_name: 'Clarke',
		email: 'emma.clarke@example.com',
	});
	status.todo = fake.addStatus({ name: 'To do', is_not_started: true });
	status.doing = fake.addStatus({ name: 'In progress' });
	status.waiting = fake.addStatus({ name: 'Waiting on client' });
	status.done = fake.addStatus({ name: 'Completed', is_type_completed: true });
	status.archived = fake.addStatus({ name: 'Archived', is_archived: true });
	transferCase = fake.addCase({ name: 'Pension transfer review', client_uuid: tom.uuid }).uuid;
	pensionPlan = fake.addPlan({ name: 'Aviva Personal Pension', client_uuid: emma.uuid }).uuid;
	advisers = fake.addGroup('Advisers').uuid;
	paraplanning = fake.addGroup('Paraplanning').uuid;
	fake.addCustomField({
		name: 'Compliance check',
		reference: 'compliance_check',
		type: 'select',
		selection_options: ['Pending', 'Passed'],
	});
	fake.addCustomField({ name: 'Provider reference', reference: 'provider_reference' });

	const due = (days: number) => fake.localTime({ days });
	const add = (name: string, partial: Partial<PlannrTaskRecord> = {}) =>
		(tasks[name] = fake.addTask({
			name,
			status_uuid: status.todo.uuid,
			taskable_type: 'client',
			taskable_uuid: tom.uuid,
			...partial,
		}));
	add('Annual review meeting', { due_at: due(60) });
	tasks.parent = tasks['Annual review meeting'];
	tasks.toUpdate = add('Request pension valuation', {
		description: 'Ask Aviva for a current valuation.',
		priority: 'medium',
		status_uuid: status.waiting.uuid,
		taskable_type: 'plan',
		taskable_uuid: pensionPlan,
		due_at: due(30),
		assigned_to_uuids: [james.uuid],
		group_uuids: [advisers],
		custom_fields: { provider_reference: 'AV-118204' },
	});
	tasks.toComplete = add('Send review pack', {
		status_uuid: status.doing.uuid,
		assigned_to_uuids: [sarah.uuid],
	});
	tasks.toReopen = add('File signed letter of authority', {
		status_uuid: status.done.uuid,
		taskable_uuid: emma.uuid,
	});
	// For the filter and the sort: high priority, open, due at different times; one done, one without a due date.
	tasks.high40 = add('High, due in 40 days', { priority: 'high', due_at: due(40) });
	tasks.high80 = add('High, due in 80 days', { priority: 'high', due_at: due(80) });
	tasks.high50 = add('High, due in 50 days', { priority: 'high', due_at: due(50) });
	tasks.highDone = add('High, done', {
		priority: 'high',
		due_at: due(90),
		status_uuid: status.done.uuid,
	});
	tasks.highUndated = add('High, no due date', { priority: 'high' });
	// For the example: open and due within a week (one overdue), and done within a week (left out).
	tasks.dueSoon = add('Chase the transfer value', { priority: 'medium', due_at: due(2) });
	tasks.overdue = add('Write up the review notes', { priority: 'medium', due_at: due(-3) });
	tasks.doneSoon = add('Book the review room', {
		priority: 'medium',
		due_at: due(1),
		status_uuid: status.done.uuid,
	});
	// More than one page of 500 for Return All.
	for (let i = 0; i < 510; i++)
		fake.addTask({
			name: `bulk ${i}`,
			priority: 'low',
			status_uuid: status.todo.uuid,
			taskable_type: 'client',
			taskable_uuid: emma.uuid,
		});

	n8n = await createN8nInstance();
	const data = fake.credentialData();
	await n8n.importCredentials([
		{ id: 'plannrE2e', name: 'Plannr e2e', type: 'plannrApi', data },
		// The credential the example (and npm start's sandbox) refers to.
		{ id: 'plannrSandbox', name: 'Plannr sandbox', type: 'plannrApi', data },
	]);

	const taskOperations = chainWorkflow('plTasks', [
		node('Create', {
			resource: 'task',
			operation: 'create',
			name: 'Prepare suitability report',
			taskableType: 'case',
			taskableUuid: transferCase,
			taskStatusUuid: status.doing.uuid,
			additionalFields: {
				assignedToUuids: [james.uuid, priya.uuid],
				customFields: {
					field: [
						{ name: 'compliance_check', value: 'Pending' },
						{ name: 'provider_reference', value: 'TR-2291' },
					],
				},
				description: 'Draft the report for the transfer review.',
				// July in London: summer time, UTC+1.
				dueAt: '2027-07-01T15:30:00.000Z',
				groupUuids: `${advisers}, ${paraplanning}`,
				parentTaskUuid: tasks.parent.uuid,
				priority: 'highest',
			},
		}),
		node('Get', { resource: 'task', operation: 'get', taskUuid: byUuid('={{ $json.uuid }}') }),
		node('Update', {
			resource: 'task',
			operation: 'update',
			taskUuid: byUuid(tasks.toUpdate.uuid),
			// The list fields added but left empty must not be sent: they would wipe the task's.
			updateFields: {
				name: 'Request pension valuation from Aviva',
				priority: 'high',
				assignedToUuids: [],
				groupUuids: '',
			},
		}),
		node('Complete', {
			resource: 'task',
			operation: 'complete',
			taskUuid: byUuid(tasks.toComplete.uuid),
		}),
		node('Reopen', {
			resource: 'task',
			operation: 'reopen',
			taskUuid: byUuid(tasks.toReopen.uuid),
			reopenStatusUuid: status.doing.uuid,
		}),
	]);
	// Due dates are read and written in the workflow's time zone: the firm's here.
	taskOperations.settings = { executionOrder: 'v1', timezone: 'Europe/London' };

	// A vendor validation error on the error output feeds a node whose input is refused before anything is sent.
	const errors: N8nWorkflow = chainWorkflow('plErrors', [
		node(
			'Missing Parent',
			{
				resource: 'task',
				operation: 'create',
				name: 'Orphan',
				taskableType: 'client',
				taskableUuid: tom.uuid,
				taskStatusUuid: status.todo.uuid,
				additionalFields: { parentTaskUuid: MISSING_TASK },
			},
			{ onError: 'continueErrorOutput' },
		),
		node('Bad Task', { resource: 'task', operation: 'get', taskUuid: byUuid('not-a-uuid') }),
	]);
	errors.connections['Missing Parent'] = {
		main: [[], [{ node: 'Bad Task', type: 'main', index: 0 }]],
	};

	await n8n.importWorkflows([
		JSON.parse(
			readFileSync(
				path.join(__dirname, '../../examples/plannr-open-tasks-due-this-week.json'),
				'utf8',
			),
		),
		taskOperations,
		chainWorkflow('plLists', [
			node('All Tasks', { resource: 'task', operation: 'getAll', returnAll: true }),
			node(
				'Three High',
				{
					resource: 'task',
					operation: 'getAll',
					returnAll: false,
					limit: 3,
					filters: { priority: 'high', openTasks: true },
					options: { sort: 'due_at', sortDescending: true, include: ['parent_task'] },
				},
				{ executeOnce: true },
			),
			node('Statuses', { resource: 'taskStatus', operation: 'getAll' }, { executeOnce: true }),
			node(
				'Accounts',
				{ resource: 'account', operation: 'getAll', returnAll: true },
				{ executeOnce: true },
			),
		]),
		// A status made, then changed through what n8n passed on: its uuid, its position less one.
		chainWorkflow('plStatuses', [
			node('Create Status', {
				resource: 'taskStatus',
				operation: 'create',
				name: 'Waiting on provider',
				additionalFields: { colour: '#ff0000' },
			}),
			node('Update Status', {
				resource: 'taskStatus',
				operation: 'update',
				statusUuid: '={{ $json.uuid }}',
				updateFields: { name: 'Waiting on Aviva', position: '={{ $json.position - 1 }}' },
			}),
		]),
		chainWorkflow('plLimitOverPage', [
			node('First 505', { resource: 'task', operation: 'getAll', returnAll: false, limit: 505 }),
		]),
		errors,
	]);
});

afterAll(async () => {
	await fake.stop();
	await n8n?.cleanup();
});

test('Task Create (every optional field), Get, Update, Complete, Reopen: what Plannr received, what n8n output, the tasks as they end', async () => {
	const before = {
		toUpdate: structuredClone(fake.tasks.get(tasks.toUpdate.uuid)!),
	};
	const mark = fake.requests.length;
	const run = await n8n.execute('plTasks');
	expect(errorOf(run)).toBeUndefined();
	const requests = sinceMark(mark);
	const created = itemsOf(run, 'Create');
	expect(created).toHaveLength(1);
	const uuid = created[0].uuid as string;

	expect(calls(requests)).toEqual([
		`POST ${api('/task')}`,
		`GET ${api(`/task/${uuid}`)}`,
		// Update reads the task first: whether Plannr's PUT keeps what it is not sent is not documented.
		`GET ${api(`/task/${tasks.toUpdate.uuid}`)}`,
		`PUT ${api(`/task/${tasks.toUpdate.uuid}`)}`,
		`PATCH ${api(`/task/${tasks.toComplete.uuid}/complete`)}`,
		`PATCH ${api(`/task/${tasks.toReopen.uuid}/uncomplete/${status.doing.uuid}`)}`,
	]);
	for (const request of requests) {
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
		expect(request.headers.accept).toMatch(/application\/json/);
	}
	expect(requests.map((request) => request.body)).toEqual([
		{
			name: 'Prepare suitability report',
			taskable_type: 'case',
			taskable_uuid: transferCase,
			task_status_uuid: status.doing.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
			custom_fields: { compliance_check: 'Pending', provider_reference: 'TR-2291' },
			description: 'Draft the report for the transfer review.',
			due_at: '2027-07-01 16:30:00',
			group_uuids: [advisers, paraplanning],
			parent_task_uuid: tasks.parent.uuid,
			priority: 'highest',
		},
		undefined,
		undefined,
		// The two fields set, and what the read showed for the fields Update keeps (Plannr does not say whether a
		// PUT keeps what it is not sent); no empty list is sent.
		{
			name: 'Request pension valuation from Aviva',
			priority: 'high',
			description: before.toUpdate.description,
			due_at: before.toUpdate.due_at,
			assigned_to_uuids: before.toUpdate.assigned_to_uuids,
			custom_fields: before.toUpdate.custom_fields,
		},
		undefined,
		undefined,
	]);

	// Create: the task as Plannr stores it, and n8n's output is Plannr's answer.
	expect(fake.tasks.get(uuid)).toMatchObject({
		name: 'Prepare suitability report',
		description: 'Draft the report for the transfer review.',
		priority: 'highest',
		due_at: '2027-07-01 16:30:00',
		status_uuid: status.doing.uuid,
		taskable_type: 'case',
		taskable_uuid: transferCase,
		parent_task_uuid: tasks.parent.uuid,
		author_uuid: sarah.uuid,
		assigned_to_uuids: [james.uuid, priya.uuid],
		group_uuids: [advisers, paraplanning],
		custom_fields: { compliance_check: 'Pending', provider_reference: 'TR-2291' },
		completed_at: null,
	});
	expect(created[0]).toEqual(fake.taskView(fake.tasks.get(uuid)!));
	expect(itemsOf(run, 'Get')).toEqual([
		expect.objectContaining({
			uuid,
			name: 'Prepare suitability report',
			status: expect.objectContaining({ uuid: status.doing.uuid }),
		}),
	]);

	// Update: the two fields changed, everything else as it was.
	const updated = fake.tasks.get(tasks.toUpdate.uuid)!;
	const {
		name: _name,
		priority: _priority,
		updated_at: _updatedAt,
		...unchanged
	} = before.toUpdate;
	expect(updated).toMatchObject({
		...unchanged,
		name: 'Request pension valuation from Aviva',
		priority: 'high',
	});
	expect(updated).toMatchObject({
		description: 'Ask Aviva for a current valuation.',
		status_uuid: status.waiting.uuid,
		assigned_to_uuids: [james.uuid],
		group_uuids: [advisers],
		custom_fields: { provider_reference: 'AV-118204' },
	});
	expect(itemsOf(run, 'Update')).toEqual([
		expect.objectContaining({
			uuid: tasks.toUpdate.uuid,
			name: 'Request pension valuation from Aviva',
			priority: 'high',
			description: 'Ask Aviva for a current valuation.',
		}),
	]);

	// Complete: Plannr moves it to its completed status and records when and by whom.
	expect(fake.tasks.get(tasks.toComplete.uuid)).toMatchObject({
		status_uuid: status.done.uuid,
		completed_at: expect.any(String),
		completed_by_uuid: sarah.uuid,
	});
	expect(itemsOf(run, 'Complete')).toEqual([
		expect.objectContaining({
			uuid: tasks.toComplete.uuid,
			completed_at: expect.any(String),
			status: expect.objectContaining({ uuid: status.done.uuid }),
		}),
	]);
	// Reopen: back to the status chosen, the completion cleared.
	expect(fake.tasks.get(tasks.toReopen.uuid)).toMatchObject({
		status_uuid: status.doing.uuid,
		completed_at: null,
		completed_by_uuid: null,
	});
	expect(itemsOf(run, 'Reopen')).toEqual([
		expect.objectContaining({
			uuid: tasks.toReopen.uuid,
			completed_at: null,
			status: expect.objectContaining({ uuid: status.doing.uuid }),
		}),
	]);
});

test('Task Get Many (Return All over pages of 500; a Limit with a filter and a sort), Task Status Get Many, Account Get Many', async () => {
	const expectedAll = topLevelTasks().map((task) => task.uuid);
	expect(expectedAll.length).toBeGreaterThan(500);
	const mark = fake.requests.length;
	const run = await n8n.execute('plLists');
	expect(errorOf(run)).toBeUndefined();
	const requests = sinceMark(mark);

	expect(calls(requests)).toEqual([
		`GET ${api('/task')}`,
		`GET ${api('/task')}`,
		`GET ${api('/task')}`,
		`GET ${api('/task-status')}`,
		`GET ${api('/account')}`,
	]);

	// Return All: Plannr's largest page until a short one; every task once, in Plannr's order.
	expect(requests.slice(0, 2).map((request) => request.query)).toEqual([
		{ page: '1', per_page: '500' },
		{ page: '2', per_page: '500' },
	]);
	expect(itemsOf(run, 'All Tasks').map((task) => task.uuid)).toEqual(expectedAll);

	// A Limit of 3 with a filter and a sort: one call asking for just that many.
	expect(requests[2].query).toEqual({
		'filter[priority]': 'high',
		'filter[open_tasks]': 'true',
		sort: '-due_at',
		include: 'parent_task',
		page: '1',
		per_page: '3',
	});
	const high = itemsOf(run, 'Three High');
	expect(high.map((task) => task.name)).toEqual([
		'High, due in 80 days',
		'High, due in 50 days',
		'High, due in 40 days',
	]);
	for (const task of high)
		expect(task).toMatchObject({ priority: 'high', completed_at: null, parent_task: null });

	expect(requests[3].query).toEqual({ sort: 'position', page: '1', per_page: '500' });
	expect(itemsOf(run, 'Statuses').map((found) => [found.uuid, found.name])).toEqual(
		[status.todo, status.doing, status.waiting, status.done, status.archived].map((found) => [
			found.uuid,
			found.name,
		]),
	);

	expect(requests[4].query).toEqual({ page: '1', per_page: '500' });
	expect(itemsOf(run, 'Accounts').map((account) => account.uuid)).toEqual(
		[emma, james, priya, sarah, tom].map((account) => account.uuid),
	);
	expect(itemsOf(run, 'Accounts')[1]).toMatchObject({
		name: 'James Carter',
		email: 'james.carter@example.com',
		type: 'employee',
	});
});

test('a Limit above one page (505) returns the first 505 tasks, each once', async () => {
	const expected = topLevelTasks()
		.slice(0, 505)
		.map((task) => task.uuid);
	const mark = fake.requests.length;
	const run = await n8n.execute('plLimitOverPage');
	expect(errorOf(run)).toBeUndefined();
	const uuids = itemsOf(run, 'First 505').map((task) => task.uuid as string);
	const pages = sinceMark(mark).map((request) => request.query);
	const repeated = uuids.length - new Set(uuids).size;
	if (repeated > 0 || uuids.length !== 505) {
		throw new Error(
			`Limit 505 gave ${uuids.length} items, ${repeated} of them repeated; pages asked: ${JSON.stringify(pages)}`,
		);
	}
	expect(uuids).toEqual(expected);
});

test('a 422 reaches the error output naming the field; input that cannot be right stops before any request, naming the field', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('plErrors', { allowError: true });

	expect(itemsOf(run, 'Missing Parent', 0)).toEqual([]);
	const [failed] = itemsOf(run, 'Missing Parent', 1);
	expect(failed.error).toContain('parent_task_uuid');
	expect(failed.error).toContain('The selected parent task uuid is invalid.');
	expect(errorOf(run)?.node?.name).toBe('Bad Task');
	expect(errorOf(run)?.message).toContain('"Task" must be a UUID');
	// Only the create reached Plannr, and Plannr stored nothing.
	expect(calls(sinceMark(mark))).toEqual([`POST ${api('/task')}`]);
	expect([...fake.tasks.values()].some((task) => task.name === 'Orphan')).toBe(false);
});

test('the example workflow imports as is and lists the open tasks due within a week, overdue first', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('exPlannrDueThisWeek');
	expect(errorOf(run)).toBeUndefined();
	// The bound is sent as Plannr writes dates: local time (the workflow's zone, UTC here), no zone.
	const [asked] = sinceMark(mark);
	expect(asked.query).toEqual({
		'filter[open_tasks]': 'true',
		'filter[has_due_date]': 'true',
		'filter[due_before]': expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
		sort: 'due_at',
		page: '1',
		per_page: '500',
	});
	const sentBound = DateTime.fromFormat(asked.query['filter[due_before]'], 'yyyy-MM-dd HH:mm:ss', {
		zone: 'UTC',
	});
	expect(Math.abs(sentBound.diff(DateTime.utc().plus({ days: 7 })).as('minutes'))).toBeLessThan(5);
	// n8n's zone is UTC here; the example's tasks are days from the 7-day bound, so the firm's hour of difference does not matter.
	const bound = DateTime.utc().plus({ days: 7 }).toFormat('yyyy-MM-dd HH:mm:ss');
	const expected = topLevelTasks()
		.filter(
			(task) =>
				task.due_at !== null &&
				task.due_at < bound &&
				task.completed_at === null &&
				task.status_uuid !== status.archived.uuid,
		)
		.sort((a, b) => (a.due_at! < b.due_at! ? -1 : a.due_at! > b.due_at! ? 1 : a.seq - b.seq))
		.map((task) => task.name);
	expect(expected).toEqual(['Write up the review notes', 'Chase the transfer value']);
	expect(itemsOf(run, 'Open tasks due in the next 7 days').map((task) => task.name)).toEqual(
		expected,
	);
});

test('Task Status Create, then Update of the new status (only the fields set): what Plannr received, what n8n output', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('plStatuses');
	expect(errorOf(run)).toBeUndefined();
	const [created, ...more] = itemsOf(run, 'Create Status');
	const requests = sinceMark(mark);
	expect(more).toEqual([]);
	expect(calls(requests)).toEqual([
		`POST ${api('/task-status')}`,
		`PUT ${api(`/task-status/${created.uuid as string}`)}`,
	]);
	const last = status.archived.position;
	expect(requests.map((request) => request.body)).toEqual([
		{ name: 'Waiting on provider', colour: '#ff0000' },
		{ name: 'Waiting on Aviva', position: last },
	]);
	expect(created).toMatchObject({
		name: 'Waiting on provider',
		colour: '#ff0000',
		position: last + 1,
	});
	const updated = itemsOf(run, 'Update Status');
	expect(updated).toEqual([
		{ ...created, name: 'Waiting on Aviva', position: last, updated_at: expect.any(String) },
	]);
	expect(fake.statuses.get(created.uuid as string)).toEqual(updated[0]);
});

test('no token was stored in the executions', async () => {
	const stored = (await n8n.storedExecutions()).map((execution) => execution.data).join('\n');
	expect(stored.length).toBeGreaterThan(0);
	expect(stored).not.toContain(TOKEN);
});
