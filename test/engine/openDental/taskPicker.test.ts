/**
 * The task of Get, Update and Mark New / Viewed / Done, from node version 2: picked from Open Dental's tasks
 * (searchable, loading on as the list scrolls) or typed By Number. Version 1 keeps its typed Task Number.
 */
import { searchListPage } from '../harness';
import { everyPickerValue, idFieldByVersion, PICKER_BY_VERSION } from '../pickerChecks';
import { addTask, api, calls, engine, fake, ok, rl, spec, useOpenDental } from './setup';

useOpenDental();

const V2 = { typeVersion: 2 };

describe('Task picker (node version 2)', () => {
	it.each(['get', 'update', 'markNew', 'markViewed', 'markDone'])(
		'%s: the editor shows a picker from Open Dental’s tasks first, or By Number; version 1 its typed Task Number',
		(operation) => {
			expect(idFieldByVersion('openDental', 'task', operation, 'taskNum')).toEqual(
				PICKER_BY_VERSION,
			);
		},
	);

	it('lists tasks by title, number and status, narrowed by what is typed, in one call', async () => {
		const insurance = addTask({ Descript: 'Verify insurance\nbefore the visit' });
		addTask({ Descript: 'Order gloves' });
		const done = addTask({ Descript: 'Insurance card scanned', TaskStatus: 'Done' });
		fake.requests.length = 0;

		const page = await searchListPage(
			engine,
			spec({ resource: 'task', operation: 'get' }, V2),
			'searchTasks',
			'insurance',
		);

		expect(page.results).toEqual([
			{
				name: `Verify insurance (#${insurance.TaskNum}, open)`,
				value: String(insurance.TaskNum),
			},
			{ name: `Insurance card scanned (#${done.TaskNum}, done)`, value: String(done.TaskNum) },
		]);
		expect(page.paginationToken).toBeUndefined();
		expect(calls()).toEqual([`GET ${api('/tasks')}`]);
	});

	it('loads on 100 tasks at a time as the list scrolls, every task once', async () => {
		const made = Array.from({ length: 230 }, (_, index) =>
			String(addTask({ Descript: `Task ${index}` }).TaskNum),
		);
		const { values, loads } = await everyPickerValue((token) =>
			searchListPage(
				engine,
				spec({ resource: 'task', operation: 'get' }, V2),
				'searchTasks',
				'',
				token,
			),
		);

		expect(values.sort()).toEqual(made.sort());
		expect(loads).toBe(3);
	});

	it.each([
		['picked from the list', 'list'],
		['typed By Number', 'id'],
	] as const)('Mark Done with the task %s marks that task, and only it', async (_, mode) => {
		const task = addTask({ Descript: 'Call the lab' });
		const other = addTask({ Descript: 'Leave alone' });

		await ok(
			{ resource: 'task', operation: 'markDone', taskNum: rl(task.TaskNum, mode) },
			undefined,
			V2,
		);

		expect(fake.tasks.get(task.TaskNum)?.TaskStatus).toBe('Done');
		expect(fake.tasks.get(other.TaskNum)?.TaskStatus).toBe('New');
	});

	it('a workflow saved with version 1 still marks the task its typed Task Number names', async () => {
		const task = addTask({ Descript: 'Call the lab' });

		await ok({ resource: 'task', operation: 'markDone', taskNum: String(task.TaskNum) });

		expect(fake.tasks.get(task.TaskNum)?.TaskStatus).toBe('Done');
	});
});
