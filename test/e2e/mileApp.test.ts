/**
 * The built pack inside a real n8n (community-package install), every MileApp operation run by n8n's CLI
 * against the fake MileApp; outputs, the requests MileApp received and the fake's final state checked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import {
	MILEAPP_API,
	MileAppFake,
	type MileAppFlow,
	type MileAppHub,
	type MileAppTaskRecord,
} from '../fakes/mileApp';
import { PACKAGE_NAME } from './harness/repo';
import { errorOf, itemsOf } from './harness/runData';
import {
	chainWorkflow,
	type N8nNode,
	type N8nWorkflow,
	workflowDay,
} from './harness/workflowBuilder';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

/** Secret-looking on purpose: the stored executions are searched for it. */
const TOKEN = 'MileApp-E2e-Secret-Token-2290';
const fake = new MileAppFake({ token: TOKEN });
let n8n: N8nInstance;
const credentials = { mileAppApi: { id: 'mileAppE2e', name: 'MileApp e2e' } };
const node = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<N8nNode> = {},
): N8nNode => ({
	name,
	type: `${PACKAGE_NAME}.mileApp`,
	parameters,
	credentials,
	...extra,
});
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
/** Tomorrow in n8n's zone, by the clock the test runs under: the created task's day, never in the past. */
const tomorrow = workflowDay(1);
const apiCalls = (mark: number) =>
	fake.requests.slice(mark).filter((request) => request.path.startsWith(MILEAPP_API));

let hub: MileAppHub;
let otherHub: MileAppHub;
let delivery: MileAppFlow;
const tasks: Record<string, MileAppTaskRecord> = {};
/** The mapper's value as the editor saves it; for Update no field is required. */
const mapped = (value: Record<string, unknown>, partial = false) => ({
	mappingMode: 'defineBelow',
	value,
	schema: delivery.fields.map((field) => ({
		id: field.field,
		displayName: field.field,
		required: !partial && field.required,
		display: true,
		type: 'string',
	})),
});

beforeAll(async () => {
	await fake.start();
	hub = fake.addHub({ name: 'Jakarta Central', address: 'Jl. MH Thamrin 1' });
	otherHub = fake.addHub({ name: 'Bandung', address: 'Jl. Asia Afrika 8' });
	fake.addUser({
		name: 'Dewi Lestari',
		email: 'dewi@example.com',
		hubIds: [hub._id, otherHub._id],
	});
	delivery = fake.addFlow({
		name: 'Delivery',
		fields: [
			{ field: 'invoice', type: 'string', required: true, description: 'Invoice number' },
			{ field: 'recipientName', type: 'string', required: true, description: 'Recipient' },
			{ field: 'packageCount', type: 'number', required: true, description: 'Packages' },
			{
				field: 'priority',
				type: 'select',
				options: ['Low', 'Normal', 'Urgent'],
				description: 'Priority',
			},
		],
	});
	const add = (name: string, fields: Record<string, unknown> = {}, assignee: string[] = []) =>
		(tasks[name] = fake.addTask({
			flowId: delivery._id,
			hubId: hub._id,
			assignee,
			fields: {
				invoice: name,
				recipientName: 'Andi',
				packageCount: 2,
				priority: 'Normal',
				...fields,
			},
		}));
	add('toUpdate', {}, ['dewi@example.com']);
	add('toReplace', { priority: 'Urgent' });
	add('toAssign');
	add('toDelete');
	for (let n = 0; n < 120; n++) add(`bulk-${n}`);
	// Finished today, for the example.
	for (const name of ['done-1', 'done-2']) {
		add(name, {}, ['dewi@example.com']);
		fake.finishTask(tasks[name]._id);
	}

	n8n = await createN8nInstance();
	const data = fake.credentialData();
	await n8n.importCredentials([
		{ ...credentials.mileAppApi, type: 'mileAppApi', data },
		// The credential the example (and npm start's sandbox) refers to.
		{ id: 'mileAppSandbox', name: 'MileApp sandbox', type: 'mileAppApi', data },
	]);

	const errors: N8nWorkflow = chainWorkflow('maErrors', [
		node(
			'Missing Task',
			{ resource: 'task', operation: 'get', taskId: '0123456789abcdef01234567' },
			{ onError: 'continueErrorOutput' },
		),
		node('Bad Assignee', {
			resource: 'task',
			operation: 'assign',
			taskId: tasks.toAssign._id,
			assignees: 'dewi',
		}),
	]);
	errors.connections['Missing Task'] = {
		main: [[], [{ node: 'Bad Assignee', type: 'main', index: 0 }]],
	};

	await n8n.importWorkflows([
		JSON.parse(
			readFileSync(path.join(__dirname, '../../examples/mileapp-finished-deliveries.json'), 'utf8'),
		),
		chainWorkflow('maTasks', [
			node('Create', {
				resource: 'task',
				operation: 'create',
				flow: fromList('Delivery'),
				hubId: fromList(hub._id),
				flowFields: mapped({ invoice: 'INV-NEW', recipientName: 'Rina', packageCount: 5 }),
				additionalFields: {
					startTime: `${tomorrow}T09:00:00Z`,
					endTime: `${tomorrow}T17:00:00Z`,
					assignees: 'dewi@example.com',
				},
			}),
			node('Update', {
				resource: 'task',
				operation: 'update',
				taskId: tasks.toUpdate._id,
				flow: fromList('Delivery'),
				flowFields: mapped({ priority: 'Urgent' }, true),
				updateFields: {},
			}),
			node('Replace', {
				resource: 'task',
				operation: 'replace',
				taskId: tasks.toReplace._id,
				flow: fromList('Delivery'),
				hubId: fromList(otherHub._id),
				flowFields: mapped({ invoice: 'toReplace', recipientName: 'Budi', packageCount: 1 }),
				additionalFields: {},
			}),
			node('Assign', {
				resource: 'task',
				operation: 'assign',
				taskId: tasks.toAssign._id,
				assignees: 'dewi@example.com',
			}),
			node('Get', { resource: 'task', operation: 'get', taskId: tasks.toAssign._id }),
			node('Delete', { resource: 'task', operation: 'delete', taskId: tasks.toDelete._id }),
		]),
		chainWorkflow('maLists', [
			node('All Tasks', {
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { flow: 'Delivery' },
				options: {},
			}),
			node(
				'Flows',
				{ resource: 'flow', operation: 'getAll', returnAll: true },
				{ executeOnce: true },
			),
			node(
				'Fields',
				{ resource: 'flow', operation: 'getFields', flow: fromList('Delivery') },
				{ executeOnce: true },
			),
			node(
				'Hubs',
				{ resource: 'hub', operation: 'getAll', returnAll: true },
				{ executeOnce: true },
			),
		]),
		errors,
	]);
});

afterAll(async () => {
	await n8n?.cleanup();
	await fake.stop();
});

test('Task Create, Update (every other field kept), Replace, Assign, Get, Delete: what MileApp received, what n8n output, the tasks as they end', async () => {
	const before = JSON.parse(JSON.stringify(fake.tasks.get(tasks.toUpdate._id)));
	const mark = fake.requests.length;
	const run = await n8n.execute('maTasks');
	expect(errorOf(run)).toBeUndefined();

	expect(apiCalls(mark).map((request) => `${request.method} ${request.path}`)).toEqual([
		`POST ${MILEAPP_API}/task`,
		`PATCH ${MILEAPP_API}/task/${tasks.toUpdate._id}`,
		// Replace reads the task first, to carry the assignees and times it was not given.
		`GET ${MILEAPP_API}/task/${tasks.toReplace._id}`,
		`PUT ${MILEAPP_API}/task/${tasks.toReplace._id}`,
		`PUT ${MILEAPP_API}/task/${tasks.toAssign._id}/assign`,
		`GET ${MILEAPP_API}/task/${tasks.toAssign._id}`,
		`DELETE ${MILEAPP_API}/task/${tasks.toDelete._id}`,
	]);
	const [created] = itemsOf(run, 'Create');
	expect(created).toMatchObject({
		invoice: 'INV-NEW',
		recipientName: 'Rina',
		packageCount: 5,
		status: 'ONGOING',
		assignee: ['dewi@example.com'],
	});
	expect(fake.tasks.get(String(created._id))).toMatchObject({
		startTime: expect.stringContaining(tomorrow),
		hubId: hub._id,
	});

	// Update sent the one field, and the task kept every other one.
	expect(apiCalls(mark)[1].body).toEqual({ priority: 'Urgent' });
	const updated = fake.tasks.get(tasks.toUpdate._id)!;
	expect(updated.fields).toEqual({ ...before.fields, priority: 'Urgent' });
	expect([
		updated.assignee,
		updated.startTime,
		updated.endTime,
		updated.hubId,
		updated.status,
	]).toEqual([before.assignee, before.startTime, before.endTime, before.hubId, before.status]);

	// Replace is the whole task: the priority it did not send is gone.
	expect(fake.tasks.get(tasks.toReplace._id)).toMatchObject({
		hubId: otherHub._id,
		fields: { invoice: 'toReplace', recipientName: 'Budi', packageCount: 1 },
	});
	expect(fake.tasks.get(tasks.toReplace._id)!.fields.priority).toBeUndefined();

	expect(itemsOf(run, 'Get').map((task) => [task._id, task.status, task.assignee])).toEqual([
		[tasks.toAssign._id, 'ONGOING', ['dewi@example.com']],
	]);
	expect(itemsOf(run, 'Delete')).toEqual([{ id: tasks.toDelete._id, deleted: true }]);
	expect(fake.tasks.has(tasks.toDelete._id)).toBe(false);
});

test('Task Get Many (Return All by cursor, 100 a page), Flow Get Many and Get Fields, Hub Get Many', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('maLists');
	expect(errorOf(run)).toBeUndefined();
	const deliveries = [...fake.tasks.values()].filter((task) => task.flow === 'Delivery');
	const all = itemsOf(run, 'All Tasks');
	expect(all).toHaveLength(deliveries.length);
	// MileApp's cursor (lazyLoad): the next page starts after the last task read, so pages cannot shift.
	expect(
		apiCalls(mark)
			.filter((request) => request.path === `${MILEAPP_API}/tasks`)
			.map(({ query }) => [query.lazyLoad, query.limit, query.page, query.cursor]),
	).toEqual([
		['1', '100', undefined, undefined],
		['1', '100', undefined, all[99]._id],
	]);
	expect(itemsOf(run, 'Flows').map((flow) => flow.name)).toEqual(['Delivery']);
	expect(itemsOf(run, 'Fields').map((field) => [field.field, field.required])).toEqual([
		['invoice', true],
		['recipientName', true],
		['packageCount', true],
		['priority', false],
	]);
	expect(itemsOf(run, 'Hubs').map((found) => found.name)).toEqual(['Jakarta Central', 'Bandung']);
});

test("MileApp's error reaches the error output in its words; input that cannot be right stops before any request, naming the field", async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('maErrors', { allowError: true });
	expect(itemsOf(run, 'Missing Task', 0)).toEqual([]);
	expect(itemsOf(run, 'Missing Task', 1)[0].error).toBe('MileApp: Data not found');
	expect(errorOf(run)?.node?.name).toBe('Bad Assignee');
	expect(errorOf(run)?.message).toContain(
		'"Assignees" holds "dewi", which is not an email address',
	);
	expect(apiCalls(mark).map((request) => request.path)).toEqual([
		`${MILEAPP_API}/task/0123456789abcdef01234567`,
	]);
});

test('the example workflow imports as is and lists the deliveries finished today', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('exMileAppFinished');
	expect(errorOf(run)).toBeUndefined();
	const [asked] = apiCalls(mark);
	expect(asked.query).toMatchObject({
		flow: 'Delivery',
		status: 'DONE',
		timeBy: 'doneTime',
		timeFrom: `${DateTime.utc().toFormat('yyyy-MM-dd')} 00:00:00`,
		sortBy: 'doneTime',
		sortOrder: 'asc',
	});
	expect(itemsOf(run, 'Deliveries finished today').map((task) => task.invoice)).toEqual([
		'done-1',
		'done-2',
	]);
});

test('no token was stored in the executions', async () => {
	const stored = (await n8n.storedExecutions()).map((execution) => execution.data).join('\n');
	expect(stored.length).toBeGreaterThan(0);
	expect(stored).not.toContain(TOKEN);
});
