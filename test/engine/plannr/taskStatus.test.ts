/**
 * Task statuses: Get Many, and the status pickers (all statuses; open ones for Uncomplete).
 */
import { loadOptions } from '../harness';
import {
	archived,
	calls,
	doing,
	done,
	engine,
	fake,
	ok,
	queryOf,
	spec,
	todo,
	usePlannr,
	v1,
} from './setup';

usePlannr();

describe('task status and account', () => {
	it('Task Status: Get Many lists the firm’s statuses in their order', async () => {
		const items = await ok({ resource: 'taskStatus', operation: 'getAll' });
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(queryOf(fake.requests[0])).toEqual({ sort: 'position' });
		expect(items.map((item) => [item.name, item.is_type_completed, item.is_archived])).toEqual([
			['To do', false, false],
			['In progress', false, false],
			['Completed', true, false],
			['Archived', false, true],
		]);
		expect(items[0]).toMatchObject({
			uuid: todo.uuid,
			colour: '#9CA3AF',
			position: 1,
			is_not_started: true,
		});
		expect(items[3].uuid).toBe(archived.uuid);
	});
});

describe('pickers', () => {
	it('statuses: the firm’s, in order, archived ones left out', async () => {
		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'create' }),
			'getStatuses',
		);
		expect(options).toEqual([
			{ name: 'To do', value: todo.uuid },
			{ name: 'In progress', value: doing.uuid },
			{ name: 'Completed', value: done.uuid },
		]);
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].query).toEqual({ sort: 'position' });
	});

	it('open statuses (Uncomplete): no completed-type and no archived status', async () => {
		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'uncomplete' }),
			'getOpenStatuses',
		);
		expect(options).toEqual([
			{ name: 'To do', value: todo.uuid },
			{ name: 'In progress', value: doing.uuid },
		]);
	});
});
