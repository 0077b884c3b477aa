/**
 * Task lists: Get Many (active or archived), and the task list picker.
 */
import { searchList } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import {
	AUTHORIZATION,
	api,
	calls,
	engine,
	expectIsoBesideEveryDate,
	fake,
	ok,
	pages,
	spec,
	useOpenDental,
} from './setup';

useOpenDental();

describe('task list', () => {
	beforeEach(() => {
		fake.addTaskList({ Descript: 'Insurance', Parent: 74, DateTL: '2026-03-10' });
		fake.addTaskList({ Descript: 'Old Insurance Follow-ups', TaskListStatus: 'Archived' });
	});

	it('Get Many lists the active task lists by default', async () => {
		const items = await ok({ resource: 'taskList', operation: 'getAll', returnAll: true });

		expect(calls()).toEqual([`GET ${api('/tasklists')}`]);
		expect(fake.requests[0].query).toEqual({ TaskListStatus: 'Active', Offset: '0', Limit: '100' });
		expect(items.map((item) => item.Descript)).toEqual(['Front Desk', 'Insurance']);
		expect(items[1]).toMatchObject({
			Parent: 74,
			DateTL: '2026-03-10',
			DateTLIso: '2026-03-10',
			DateTimeEntryIso: '2026-03-01T12:00:00-06:00',
		});
		expect(items[0]).toMatchObject({ DateTL: '0001-01-01', DateTLIso: null });
		for (const item of items)
			expect(expectIsoBesideEveryDate(item).sort()).toEqual(['DateTL', 'DateTimeEntry']);
	});

	it('Get Many lists the archived ones when asked, within a Limit', async () => {
		const items = await ok({
			resource: 'taskList',
			operation: 'getAll',
			taskListStatus: 'Archived',
			returnAll: false,
			limit: 10,
		});

		expect(fake.requests[0].query).toEqual({
			TaskListStatus: 'Archived',
			Offset: '0',
			Limit: '10',
		});
		expect(items.map((item) => item.Descript)).toEqual(['Old Insurance Follow-ups']);
	});
});

describe('pickers', () => {
	const pickerSpec = () => spec({ resource: 'task', operation: 'create' });

	it('task lists: the active ones, named with their parents, filtered by what the user types', async () => {
		const insurance = fake.addTaskList({ Descript: 'Insurance', Parent: 74 });
		const hygiene = fake.addTaskList({ Descript: 'Hygiene' });
		fake.addTaskList({ Descript: 'Old Insurance Follow-ups', TaskListStatus: 'Archived' });

		expect(await searchList(engine, pickerSpec(), 'searchTaskLists')).toEqual([
			{ name: 'Front Desk', value: '74' },
			{ name: 'Front Desk › Insurance', value: String(insurance.TaskListNum) },
			{ name: 'Hygiene', value: String(hygiene.TaskListNum) },
		]);
		expect(calls()).toEqual([`GET ${api('/tasklists')}`]);
		expect(fake.requests[0].query).toEqual({ TaskListStatus: 'Active', Offset: '0', Limit: '100' });
		expect(fake.requests[0].headers.authorization).toBe(AUTHORIZATION);

		expect(await searchList(engine, pickerSpec(), 'searchTaskLists', 'INSUR')).toEqual([
			{ name: 'Front Desk › Insurance', value: String(insurance.TaskListNum) },
		]);
	});

	it('task lists: the picker’s reads carry Content-Type application/json, like every Open Dental request', async () => {
		expect(await searchList(engine, pickerSpec(), 'searchTaskLists')).toHaveLength(1);

		expect(calls()).toEqual([`GET ${api('/tasklists')}`]);
		expectJsonHeadersOnEvery(fake.requests);
	});

	it('task lists: more than 100 are paged through', async () => {
		for (let i = 0; i < 120; i++) fake.addTaskList({ Descript: `List ${i}` });
		expect(await searchList(engine, pickerSpec(), 'searchTaskLists')).toHaveLength(121);
		expect(pages()).toEqual([
			['0', '100'],
			['100', '100'],
		]);
	});
});
