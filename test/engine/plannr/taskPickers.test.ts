/**
 * The task's other records from node version 2: the Parent Task picked from Plannr's tasks, the Client UUID
 * filter from the firm's clients, and the Linked Record UUID from the clients when Linked To is Client (Plannr
 * lists no cases or plans: those are given By UUID, the list stays empty). Each can be typed By UUID. Version 1
 * keeps its typed boxes (task.test.ts and task.getMany.test.ts run them).
 */
import type { IDataObject } from 'n8n-workflow';
import { searchListPage } from '../harness';
import {
	nestedFieldByVersion,
	everyPickerValue,
	idFieldByVersion,
	PICKER_BY_VERSION,
} from '../pickerChecks';
import {
	addTask,
	emma,
	engine,
	fake,
	pension,
	plannr,
	queryOf,
	rl,
	spec,
	todo,
	tom,
	transfer,
	usePlannr,
	withOptions,
} from './setup';

usePlannr();

const V2 = { typeVersion: 2 };

/** One load of a picker of the task operation `parameters` names, as the version 2 editor asks for it. */
const pickerPage = (
	method: string,
	parameters: IDataObject,
	filter = '',
	paginationToken?: string,
) =>
	searchListPage(
		engine,
		spec({ resource: 'task', ...parameters }, V2),
		method,
		filter,
		paginationToken,
	);

/** Each way a picker's value is given: from its list, or typed. */
const BOTH_MODES = [
	['picked from the list', 'list'],
	['typed By UUID', 'id'],
] as const;

const values = (page: { results: Array<{ value: unknown }> }) =>
	page.results.map((result) => result.value);

describe('Task pickers (node version 2)', () => {
	it.each([
		['create', 'additionalFields', 'parentTaskUuid'],
		['update', 'updateFields', 'parentTaskUuid'],
		['update', 'updateFields', 'taskableUuid'],
		['getAll', 'filters', 'clientUuid'],
		['getAll', 'filters', 'taskableUuid'],
	])(
		'%s: %s › %s is a picker, list first, or By UUID; version 1 its typed box',
		(operation, collection, name) => {
			expect(nestedFieldByVersion('plannr', 'task', operation, `${collection}.${name}`)).toEqual(
				PICKER_BY_VERSION,
			);
		},
	);

	it('create: Linked Record UUID is a picker, list first, or By UUID; version 1 its typed box', () => {
		expect(idFieldByVersion('plannr', 'task', 'create', 'taskableUuid')).toEqual(PICKER_BY_VERSION);
	});

	it('Parent Task: Plannr’s tasks, searched by name (filter[name]), most recently updated first, 100 a page as the list scrolls', async () => {
		const made = Array.from({ length: 230 }, (_, index) => addTask({ name: `Task ${index}` }).uuid);

		const { values: listed, loads } = await everyPickerValue((token) =>
			pickerPage('searchTasks', { operation: 'create' }, '', token),
		);
		expect(listed.sort()).toEqual([...made].sort());
		expect(loads).toBe(3);
		expect(fake.requests.map(queryOf)).toEqual(
			['1', '2', '3'].map((page) => ({ page, per_page: '100', sort: '-updated_at' })),
		);

		fake.server.clearRequests();
		const found = await pickerPage('searchTasks', { operation: 'create' }, ' Task 17 ');
		expect(found.results).toEqual([{ name: 'Task 17', value: made[17] }]);
		expect(found.paginationToken).toBeUndefined();
		expect(queryOf(fake.requests[0])).toMatchObject({ 'filter[name]': 'Task 17', page: '1' });
	});

	it('Parent Task: a Plannr that ignores the page parameter ([inferred]) fails loudly instead of listing page 1 again', async () => {
		for (let index = 0; index < 150; index++) addTask({ name: `Task ${index}` });

		const failure = await withOptions({ pageParameter: 'ignored' }, async () => {
			const first = await pickerPage('searchTasks', { operation: 'update' });
			return await pickerPage(
				'searchTasks',
				{ operation: 'update' },
				'',
				first.paginationToken,
			).then(
				() => undefined,
				(error: Error) => error,
			);
		});

		expect(failure?.message).toMatch(/answered page 1 when page 2 was asked for/);
	});

	it('Client UUID: the firm’s clients only (filter[type]=client), by first name, narrowed by what is typed', async () => {
		const page = await pickerPage('searchClients', { operation: 'getAll' });
		expect(page.results).toEqual([
			{ name: 'Emma Clarke', value: emma.uuid },
			{ name: 'Tom Hughes', value: tom.uuid },
		]);
		expect(queryOf(fake.requests[0])).toEqual({
			'filter[type]': 'client',
			sort: 'first_name',
			page: '1',
			per_page: '100',
		});

		expect(values(await pickerPage('searchClients', { operation: 'getAll' }, 'hugh'))).toEqual([
			tom.uuid,
		]);
	});

	it('Client UUID: loads on 100 clients at a time as the list scrolls, every client once', async () => {
		const made = Array.from(
			{ length: 230 },
			(_, index) => fake.addClient({ first_name: `Client ${index}`, last_name: 'Test' }).uuid,
		);

		const { values: listed, loads } = await everyPickerValue((token) =>
			pickerPage('searchClients', { operation: 'getAll' }, '', token),
		);

		expect(listed.sort()).toEqual([...made, tom.uuid, emma.uuid].sort());
		expect(loads).toBe(3);
	});

	it.each<[string, IDataObject]>([
		['Create, Linked To Client', { operation: 'create', taskableType: 'client' }],
		['Create, Linked To left at its default (Client)', { operation: 'create' }],
		['Update, Linked To Client', { operation: 'update', updateFields: { taskableType: 'client' } }],
		['Get Many, Linked To Client', { operation: 'getAll', filters: { taskableType: 'client' } }],
	])('Linked Record UUID lists the firm’s clients (%s)', async (_, parameters) => {
		expect(values(await pickerPage('searchLinkedRecords', parameters))).toEqual([
			emma.uuid,
			tom.uuid,
		]);
		expect(queryOf(fake.requests[0])).toMatchObject({ 'filter[type]': 'client' });
	});

	it.each<[string, IDataObject]>([
		['Create, Linked To Case', { operation: 'create', taskableType: 'case' }],
		['Create, Linked To Plan', { operation: 'create', taskableType: 'plan' }],
		['Update, Linked To Plan', { operation: 'update', updateFields: { taskableType: 'plan' } }],
		['Update, no Linked To added', { operation: 'update', updateFields: {} }],
		['Get Many, Linked To Case', { operation: 'getAll', filters: { taskableType: 'case' } }],
		['Get Many, no Linked To added', { operation: 'getAll', filters: {} }],
	])(
		'Linked Record UUID lists nothing and asks Plannr nothing when it cannot be a client (%s)',
		async (_, parameters) => {
			const page = await pickerPage('searchLinkedRecords', parameters);

			expect(page.results).toEqual([]);
			expect(fake.requests).toEqual([]);
		},
	);

	it.each(BOTH_MODES)(
		'Create and Update send the parent task and the client %s; a case is given By UUID',
		async (_, mode) => {
			const parent = addTask({ name: 'Annual review' });
			const task = addTask({ name: 'Suitability report' });

			const created = await plannr(
				{
					resource: 'task',
					operation: 'create',
					name: 'Send review pack',
					taskableType: 'client',
					taskableUuid: rl(emma.uuid, mode),
					taskStatusUuid: todo.uuid,
					additionalFields: { parentTaskUuid: rl(parent.uuid, mode) },
				},
				undefined,
				V2,
			);
			const updated = await plannr(
				{
					resource: 'task',
					operation: 'update',
					taskUuid: rl(task.uuid),
					updateFields: {
						parentTaskUuid: rl(parent.uuid, mode),
						taskableType: 'case',
						taskableUuid: rl(transfer.uuid),
					},
				},
				undefined,
				V2,
			);

			expect(created.error).toBeUndefined();
			expect(updated.error).toBeUndefined();
			const [post, , put] = fake.requests;
			expect(post.body).toMatchObject({
				taskable_type: 'client',
				taskable_uuid: emma.uuid,
				parent_task_uuid: parent.uuid,
			});
			expect(put.body).toMatchObject({
				taskable_type: 'case',
				taskable_uuid: transfer.uuid,
				parent_task_uuid: parent.uuid,
			});
			expect(fake.tasks.get(task.uuid)).toMatchObject({
				taskable_type: 'case',
				taskable_uuid: transfer.uuid,
			});
		},
	);

	it.each(BOTH_MODES)(
		'Get Many sends the client and the linked record %s as its filters',
		async (_, mode) => {
			const review = addTask({ name: 'Annual review' });
			addTask({ name: 'Valuation', taskable_type: 'plan', taskable_uuid: pension.uuid });

			const run = await plannr(
				{
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: {
						clientUuid: rl(tom.uuid, mode),
						taskableType: 'client',
						taskableUuid: rl(tom.uuid, mode),
					},
					outputFormat: 'raw',
				},
				undefined,
				V2,
			);

			expect(run.error).toBeUndefined();
			expect(queryOf(fake.requests[0])).toMatchObject({
				'filter[client_uuid]': tom.uuid,
				'filter[taskable_type]': 'client',
				'filter[taskable_uuid]': tom.uuid,
			});
			expect(run.items.map((item) => item.json.uuid)).toEqual([review.uuid]);
		},
	);

	const create = {
		operation: 'create',
		name: 'x',
		taskableType: 'client',
		taskableUuid: rl('acc00000-0000-4000-8000-000000000002'),
		taskStatusUuid: '57a70000-0000-4000-8000-000000000001',
	};
	const update = { operation: 'update', taskUuid: rl('7a5c0000-0000-4000-8000-0000000000aa') };
	it.each<[string, string, IDataObject]>([
		['Create', 'Linked Record UUID', { ...create, taskableUuid: rl('Tom Hughes') }],
		[
			'Create',
			'Parent Task UUID',
			{ ...create, additionalFields: { parentTaskUuid: rl('Annual review') } },
		],
		[
			'Update',
			'Parent Task UUID',
			{ ...update, updateFields: { parentTaskUuid: rl('={{ "12" }}') } },
		],
		[
			'Update',
			'Linked Record UUID',
			{ ...update, updateFields: { taskableType: 'case', taskableUuid: rl('case-1') } },
		],
		['Get Many', 'Client UUID', { operation: 'getAll', filters: { clientUuid: rl('Tom') } }],
		[
			'Get Many',
			'Linked Record UUID',
			{ operation: 'getAll', filters: { taskableUuid: rl('plan-1', 'list') } },
		],
	])(
		'%s refuses a %s that is no UUID before any request, naming the field',
		async (_, field, parameters) => {
			const { error } = await plannr({ resource: 'task', ...parameters }, undefined, V2);

			expect(error?.message).toContain(`"${field}" must be a UUID`);
			expect(fake.requests).toEqual([]);
		},
	);
});
