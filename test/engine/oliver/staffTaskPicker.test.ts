/**
 * The staff task of Get, Update, Complete, Reopen, Cancel and Delete, from node version 2: picked from Oliver's
 * list (searchable, loading on as it scrolls) or typed as its ID. Version 1 keeps the typed Task ID.
 */
import type { IDataObject } from 'n8n-workflow';
import { OliverFake } from '../../fakes/oliver';
import { Engine, runNode, searchListPage } from '../harness';
import { everyPickerValue, idFieldByVersion, PICKER_BY_VERSION } from '../pickerChecks';
import { serveFake } from '../serveFake';

const fake = new OliverFake();
serveFake(fake);

let engine: Engine;
let credentialId: string;
beforeEach(() => {
	fake.reset();
	engine = new Engine();
	credentialId = engine.credentials.add('oliverApi', fake.credentialData()).id!;
});

const pickerNode = (typeVersion = 2) => ({
	type: 'oliver',
	typeVersion,
	credentialId,
	parameters: { resource: 'staffTask', operation: 'complete' },
});

describe('Staff Task picker (node version 2)', () => {
	it.each(['get', 'update', 'complete', 'reopen', 'cancel', 'delete'])(
		'%s: the editor shows a picker from Oliver’s list first, or By ID; version 1 its typed Task ID',
		(operation) => {
			expect(idFieldByVersion('oliver', 'staffTask', operation, 'taskId')).toEqual(
				PICKER_BY_VERSION,
			);
		},
	);

	it('lists tasks with their status, narrowed by what is typed in their title', async () => {
		const lab = fake.addTask({ title: 'Call owner about lab results' });
		fake.addTask({ title: 'Refill order' });
		const done = fake.addTask({ title: 'Lab kit restock', status: 'completed' });

		const page = await searchListPage(engine, pickerNode(), 'searchStaffTasks', 'lab');

		expect(page.results).toEqual([
			{ name: 'Call owner about lab results (pending)', value: String(lab.id) },
			{ name: 'Lab kit restock (completed)', value: String(done.id) },
		]);
		expect(page.paginationToken).toBeUndefined();
	});

	it.each([0, 1] as const)(
		'loads on page by page as the list scrolls, every task once (Oliver counting pages from %i)',
		async (firstPage) => {
			fake.reset();
			Object.assign(fake.options, { firstPage });
			try {
				const made = Array.from({ length: 230 }, (_, index) =>
					String(fake.addTask({ title: `Task ${index}` }).id),
				);
				const { values, loads } = await everyPickerValue((token) =>
					searchListPage(engine, pickerNode(), 'searchStaffTasks', '', token),
				);

				expect(values.sort()).toEqual(made.sort());
				expect(loads).toBe(3);
			} finally {
				Object.assign(fake.options, { firstPage: 0 });
			}
		},
	);

	it.each<[string, (id: string) => IDataObject | string]>([
		['picked from the list', (id) => ({ __rl: true, mode: 'list', value: id })],
		['typed By ID', (id) => ({ __rl: true, mode: 'id', value: ` ${id} ` })],
	])('Complete with the task %s completes that task, and only it', async (_, taskId) => {
		const task = fake.addTask({ title: 'Call owner' });
		const other = fake.addTask({ title: 'Leave alone' });

		const run = await runNode(engine, {
			...pickerNode(),
			parameters: { resource: 'staffTask', operation: 'complete', taskId: taskId(String(task.id)) },
		});

		expect(run.error).toBeUndefined();
		expect(fake.tasks.get(task.id)?.status).toBe('completed');
		expect(fake.tasks.get(other.id)?.status).toBe('pending');
	});

	it('Delete with the task picked from the list outputs its ID, not the picker’s value', async () => {
		const task = fake.addTask({ title: 'Cancel me' });

		const run = await runNode(engine, {
			...pickerNode(),
			parameters: {
				resource: 'staffTask',
				operation: 'delete',
				taskId: { __rl: true, mode: 'list', value: String(task.id) },
			},
		});

		expect(run.items.map((item) => item.json)).toEqual([{ id: String(task.id), deleted: true }]);
		expect(fake.tasks.get(task.id)?.status).toBe('canceled');
	});

	it('a workflow saved with version 1 still completes the task its typed Task ID names', async () => {
		const task = fake.addTask({ title: 'Call owner' });

		const run = await runNode(engine, {
			...pickerNode(1),
			parameters: { resource: 'staffTask', operation: 'complete', taskId: String(task.id) },
		});

		expect(run.error).toBeUndefined();
		expect(fake.tasks.get(task.id)?.status).toBe('completed');
	});
});
