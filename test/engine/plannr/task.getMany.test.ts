/**
 * Task Get Many: paging (Return All and Limit), every filter, every sort, Include.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	addTask,
	calls,
	doing,
	done,
	emma,
	engine,
	fake,
	james,
	ok,
	pages,
	pension,
	plannr,
	priya,
	queryOf,
	tick,
	tom,
	transfer,
	usePlannr,
	v1,
	withOptions,
} from './setup';

usePlannr();

describe('task: get many', () => {
	const getAll = { resource: 'task', operation: 'getAll' };

	/** Four tasks a second apart, across clients, cases and plans, statuses, priorities, assignees and due dates. */
	function addFour() {
		const review = addTask({
			name: 'Annual review',
			priority: 'high',
			assigned_to_uuids: [james.uuid],
			due_at: '2026-03-05 09:00:00',
			updated_at: '2026-03-01T12:00:30+00:00',
		});
		tick();
		const report = addTask({
			name: 'Suitability report',
			priority: 'highest',
			taskable_type: 'case',
			taskable_uuid: transfer.uuid,
			status_uuid: doing.uuid,
			assigned_to_uuids: [priya.uuid],
			due_at: '2026-03-10 12:00:00',
			updated_at: '2026-03-01T12:00:10+00:00',
		});
		tick();
		const valuation = addTask({
			name: 'Pension valuation',
			priority: 'medium',
			taskable_type: 'plan',
			taskable_uuid: pension.uuid,
			status_uuid: doing.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
			updated_at: '2026-03-01T12:00:40+00:00',
		});
		tick();
		const documents = addTask({
			name: 'ID documents',
			priority: 'low',
			taskable_uuid: emma.uuid,
			status_uuid: done.uuid,
			due_at: '2026-02-20 10:00:00',
			completed_at: '2026-02-21 10:00:00',
			updated_at: '2026-03-01T12:00:20+00:00',
		});
		return { review, report, valuation, documents };
	}
	const names = (items: IDataObject[]) => items.map((item) => item.name);

	it('by default: the first 50, one page', async () => {
		addFour();
		const items = await ok({ ...getAll });
		expect(calls()).toEqual([`GET ${v1('/task')}`]);
		expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '50' });
		expect(names(items)).toEqual([
			'Annual review',
			'Suitability report',
			'Pension valuation',
			'ID documents',
		]);
	});

	it('Return All follows every page at the largest page size, 500', async () => {
		for (let i = 0; i < 1201; i++) addTask({ name: `Task ${i}` });

		const items = await ok({ ...getAll, returnAll: true });

		expect(items).toHaveLength(1201);
		expect(new Set(items.map((item) => item.uuid)).size).toBe(1201);
		expect(items[1200].name).toBe('Task 1200');
		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
			['3', '500'],
		]);
	});

	it('Return All stops at the last page Plannr counts, even when it is full', async () => {
		for (let i = 0; i < 1000; i++) addTask({ name: `Task ${i}` });

		const items = await ok({ ...getAll, returnAll: true });

		expect(items).toHaveLength(1000);
		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
		]);
	});

	it('a Limit asks for no more than it needs, in one page', async () => {
		for (let i = 0; i < 30; i++) addTask({ name: `Task ${i}` });

		const five = await ok({ ...getAll, returnAll: false, limit: 5 });
		expect(names(five)).toEqual(['Task 0', 'Task 1', 'Task 2', 'Task 3', 'Task 4']);
		expect(pages()).toEqual([['1', '5']]);

		fake.server.clearRequests();
		const all = await ok({ ...getAll, returnAll: false, limit: 500 });
		expect(all).toHaveLength(30);
		expect(pages()).toEqual([['1', '500']]);
	});

	it('a Limit above 500 (700): pages keep one size (page numbers only line up so), the surplus is cut; each task once', async () => {
		for (let i = 0; i < 800; i++) addTask({ name: `Task ${i}` });

		const items = await ok({ ...getAll, returnAll: false, limit: 700 });

		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
		]);
		expect(items).toHaveLength(700);
		expect(new Set(items.map((item) => item.uuid)).size).toBe(700);
		expect(items[699].name).toBe('Task 699');
	});

	it.each<[string, IDataObject, IDataObject, string[]]>([
		['Name', { name: 'Annual review' }, { 'filter[name]': 'Annual review' }, ['Annual review']],
		[
			'Linked To',
			{ taskableType: 'case' },
			{ 'filter[taskable_type]': 'case' },
			['Suitability report'],
		],
		[
			'Linked Record UUID',
			{ taskableUuid: 'PENSION' },
			{ 'filter[taskable_uuid]': 'PENSION' },
			['Pension valuation'],
		],
		[
			'Client UUID (its cases and plans too)',
			{ clientUuid: 'TOM' },
			{ 'filter[client_uuid]': 'TOM' },
			['Annual review', 'Suitability report'],
		],
		['Priority', { priority: 'low' }, { 'filter[priority]': 'low' }, ['ID documents']],
		[
			'one assignee',
			{ assignedToUuids: ['PRIYA'] },
			{ 'filter[assigned_to_uuids]': 'PRIYA' },
			['Suitability report', 'Pension valuation'],
		],
		[
			'Status',
			{ taskStatusUuid: 'DOING' },
			{ 'filter[status_uuid]': 'DOING' },
			['Suitability report', 'Pension valuation'],
		],
		[
			'Due Before (local time)',
			{ dueBefore: '2026-03-06T00:00:00Z' },
			{ 'filter[due_before]': '2026-03-06 00:00:00' },
			['Annual review', 'ID documents'],
		],
		[
			'Due After (local time)',
			{ dueAfter: '2026-03-01T00:00:00' },
			{ 'filter[due_after]': '2026-03-01 00:00:00' },
			['Annual review', 'Suitability report'],
		],
		[
			'Has Due Date on',
			{ hasDueDate: true },
			{ 'filter[has_due_date]': 'true' },
			['Annual review', 'Suitability report', 'ID documents'],
		],
		[
			'Has Due Date off',
			{ hasDueDate: false },
			{ 'filter[has_due_date]': 'false' },
			['Pension valuation'],
		],
		[
			'Open Tasks Only on',
			{ openTasks: true },
			{ 'filter[open_tasks]': 'true' },
			['Annual review', 'Suitability report', 'Pension valuation'],
		],
		[
			'Open Tasks Only off (nothing sent: filter[open_tasks]=false is undocumented)',
			{ openTasks: false },
			{},
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
		[
			'no assignee picked (nothing filtered)',
			{ assignedToUuids: [] },
			{},
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
	])('filter: %s', async (_case, filters, query, expected) => {
		const placeholders: Record<string, string> = {
			PENSION: pension.uuid,
			TOM: tom.uuid,
			PRIYA: priya.uuid,
			JAMES: james.uuid,
			DOING: doing.uuid,
		};
		const swap = (value: unknown): unknown =>
			typeof value === 'string'
				? value.replace(/[A-Z]{3,}/g, (word) => placeholders[word] ?? word)
				: Array.isArray(value)
					? value.map(swap)
					: value;
		// The "local time" the due filters are sent in is the workflow's: these cases are written in UTC.
		engine.timezone = 'UTC';
		addFour();

		const items = await ok({
			...getAll,
			returnAll: true,
			filters: Object.fromEntries(
				Object.entries(filters).map(([key, value]) => [key, swap(value)]),
			),
		});

		expect(queryOf(fake.requests[0])).toEqual({
			...Object.fromEntries(Object.entries(query).map(([key, value]) => [key, swap(value)])),
			page: '1',
			per_page: '500',
		});
		expect(names(items)).toEqual(expected);
	});

	it.each<[string, boolean, string, string[]]>([
		[
			'created_at',
			false,
			'created_at',
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
		[
			'created_at',
			true,
			'-created_at',
			['ID documents', 'Pension valuation', 'Suitability report', 'Annual review'],
		],
		[
			'updated_at',
			false,
			'updated_at',
			['Suitability report', 'ID documents', 'Annual review', 'Pension valuation'],
		],
		[
			'updated_at',
			true,
			'-updated_at',
			['Pension valuation', 'Annual review', 'ID documents', 'Suitability report'],
		],
		[
			'name',
			false,
			'name',
			['Annual review', 'ID documents', 'Pension valuation', 'Suitability report'],
		],
		[
			'name',
			true,
			'-name',
			['Suitability report', 'Pension valuation', 'ID documents', 'Annual review'],
		],
		[
			'priority',
			false,
			'priority',
			['ID documents', 'Pension valuation', 'Annual review', 'Suitability report'],
		],
		[
			'priority',
			true,
			'-priority',
			['Suitability report', 'Annual review', 'Pension valuation', 'ID documents'],
		],
		[
			'due_at',
			false,
			'due_at',
			['Pension valuation', 'ID documents', 'Annual review', 'Suitability report'],
		],
		[
			'due_at',
			true,
			'-due_at',
			['Suitability report', 'Annual review', 'ID documents', 'Pension valuation'],
		],
		[
			'completed_last',
			false,
			'completed_last',
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
		[
			'completed_last',
			true,
			'-completed_last',
			['ID documents', 'Pension valuation', 'Suitability report', 'Annual review'],
		],
	])('sort by %s (descending: %s)', async (sort, sortDescending, sent, expected) => {
		addFour();
		const items = await ok({ ...getAll, returnAll: true, options: { sort, sortDescending } });
		expect(queryOf(fake.requests[0]).sort).toBe(sent);
		expect(names(items)).toEqual(expected);
	});

	it('Sort Descending without Sort By sends no sort (Plannr’s own order)', async () => {
		addFour();
		await ok({ ...getAll, returnAll: true, options: { sortDescending: true } });
		expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '500' });
	});

	it('Include asks for the related records, comma-separated; none chosen sends none', async () => {
		const { review } = addFour();
		const child = addTask({ name: 'Send review pack', parent_task_uuid: review.uuid });

		const items = await ok({
			...getAll,
			returnAll: true,
			options: {
				include: ['author', 'completed_by', 'custom_fields', 'parent_task', 'related_tasks'],
			},
		});

		expect(queryOf(fake.requests[0]).include).toBe(
			'author,completed_by,custom_fields,parent_task,related_tasks',
		);
		const first = items.find((item) => item.uuid === review.uuid)!;
		expect(first.related_tasks).toEqual([expect.objectContaining({ uuid: child.uuid })]);
		expect(first).toHaveProperty('parent_task', null);

		fake.server.clearRequests();
		await ok({ ...getAll, returnAll: true, options: { include: [] } });
		expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '500' });
	});

	it('filters, sort and include are sent on every page', async () => {
		for (let i = 0; i < 600; i++)
			addTask({ name: `Task ${String(i).padStart(3, '0')}`, priority: 'high' });
		addTask({ name: 'Low one', priority: 'low' });

		const items = await ok({
			...getAll,
			returnAll: true,
			filters: { priority: 'high', openTasks: true },
			options: { sort: 'name', sortDescending: true, include: ['author'] },
		});

		expect(items).toHaveLength(600);
		expect(items[0].name).toBe('Task 599');
		const expected = {
			'filter[priority]': 'high',
			'filter[open_tasks]': 'true',
			sort: '-name',
			include: 'author',
			per_page: '500',
		};
		expect(fake.requests.map(queryOf)).toEqual([
			{ ...expected, page: '1' },
			{ ...expected, page: '2' },
		]);
	});
});

describe('task: get many, sub-tasks', () => {
	const getAll = { resource: 'task', operation: 'getAll', returnAll: true };

	it('Sub-Tasks and Unassigned Sub-Tasks send filter[subtask_visibility] and filter[unassigned_subtask_visibility], never the deprecated show_child_tasks', async () => {
		const parent = addTask({ name: 'Annual review' });
		addTask({
			name: 'Book meeting',
			parent_task_uuid: parent.uuid,
			assigned_to_uuids: [james.uuid],
		});
		addTask({ name: 'Send pack', parent_task_uuid: parent.uuid });
		const names = async (filters: IDataObject) => {
			fake.server.clearRequests();
			const items = await ok({ ...getAll, filters });
			const query = queryOf(fake.requests[0]);
			expect(Object.keys(query)).not.toContain('filter[show_child_tasks]');
			return { names: items.map((item) => item.name), query };
		};

		expect(await names({ subtaskVisibility: 'include' })).toEqual({
			names: ['Annual review', 'Book meeting', 'Send pack'],
			query: { 'filter[subtask_visibility]': 'include', page: '1', per_page: '500' },
		});
		expect((await names({ subtaskVisibility: 'only' })).names).toEqual([
			'Book meeting',
			'Send pack',
		]);
		expect((await names({ subtaskVisibility: 'exclude' })).names).toEqual(['Annual review']);
		expect(
			await names({ subtaskVisibility: 'include', unassignedSubtaskVisibility: 'exclude' }),
		).toEqual({
			names: ['Annual review', 'Book meeting'],
			query: {
				'filter[subtask_visibility]': 'include',
				'filter[unassigned_subtask_visibility]': 'exclude',
				page: '1',
				per_page: '500',
			},
		});
		// Neither added: Plannr's own default, nothing sent.
		expect((await names({})).query).toEqual({ page: '1', per_page: '500' });
	});
});

describe('task: get many, when Plannr ignores the page parameter ([inferred]: its name is undocumented)', () => {
	const getAll = { resource: 'task', operation: 'getAll' };

	it.each([
		['Return All', { returnAll: true }],
		['a Limit of 700', { returnAll: false, limit: 700 }],
	])(
		'%s stops with a clear error at the page answered as page 1, never outputting page 1 twice',
		async (_case, paging) => {
			for (let i = 0; i < 1001; i++) addTask({ name: `Task ${i}` });

			const run = await withOptions({ pageParameter: 'ignored' }, () =>
				plannr({ ...getAll, ...paging }),
			);

			expect(run.error?.message).toMatch(/answered page 1 when page 2 was asked for/);
			expect(run.items).toEqual([]);
			expect(pages().map(([page]) => page)).toEqual(['1', '2']);
		},
	);

	it('a Plannr that reads page (the default) answers each page as asked: the same run reads every task once', async () => {
		for (let i = 0; i < 1001; i++) addTask({ name: `Task ${i}` });

		const items = await withOptions({ pageParameter: 'page' }, () =>
			ok({ ...getAll, returnAll: true }),
		);

		expect(new Set(items.map((item) => item.uuid)).size).toBe(1001);
	});
});
