/**
 * The task of Get, Update, Replace, Assign and Delete, from node version 2: picked from MileApp's tasks (by its
 * cursor, loading on as the list scrolls, narrowed by title) or typed By ID. Version 1 keeps its typed Task ID.
 */
import { searchListPage } from '../harness';
import { everyPickerValue, idFieldByVersion, PICKER_BY_VERSION } from '../pickerChecks';
import { aTask, delivery, engine, fake, fromList, mileApp, spec, useMileApp } from './setup';

useMileApp();

const V2 = { typeVersion: 2 };

describe('Task picker (node version 2)', () => {
	it.each(['get', 'update', 'replace', 'assign', 'delete'])(
		'%s: the editor shows a picker from MileApp’s tasks first, or By ID; version 1 its typed Task ID',
		(operation) => {
			expect(idFieldByVersion('mileApp', 'task', operation, 'taskId')).toEqual(PICKER_BY_VERSION);
		},
	);

	it('lists tasks by title and status, narrowed by what is typed, by MileApp’s cursor', async () => {
		// The Delivery flow shows its invoice field as the title.
		delivery.titleField = 'invoice';
		const lab = aTask({ invoice: 'Deliver lab samples' });
		aTask({ invoice: 'Pick up returns' });
		fake.requests.length = 0;

		const page = await searchListPage(
			engine,
			spec({ resource: 'task', operation: 'get' }, V2),
			'searchTasks',
			'lab',
		);

		expect(page.results).toEqual([{ name: 'Deliver lab samples (in progress)', value: lab._id }]);
		expect(page.paginationToken).toBeUndefined();
		expect(fake.requests.map((request) => request.query)).toEqual([
			expect.objectContaining({ lazyLoad: '1', limit: '100' }),
		]);
	});

	it('loads on 100 tasks at a time after the last one shown, every task once', async () => {
		const made = Array.from({ length: 230 }, () => aTask()._id);
		const { values, loads } = await everyPickerValue((token) =>
			searchListPage(
				engine,
				spec({ resource: 'task', operation: 'get' }, V2),
				'searchTasks',
				'',
				token,
			),
		);

		expect(values.sort()).toEqual([...made].sort());
		expect(loads).toBe(3);
	});

	it('Delete with the task picked from the list deletes that task only, and outputs its ID', async () => {
		const task = aTask();
		const other = aTask();

		const run = await mileApp(
			{ resource: 'task', operation: 'delete', taskId: fromList(task._id) },
			V2,
		);

		expect(run.items.map((item) => item.json)).toEqual([{ id: task._id, deleted: true }]);
		expect(fake.tasks.has(task._id)).toBe(false);
		expect(fake.tasks.has(other._id)).toBe(true);
	});
});
