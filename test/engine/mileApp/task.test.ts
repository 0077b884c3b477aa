/**
 * Tasks: every operation, what MileApp receives and keeps and what n8n outputs, paging, bad input refused
 * before any request, and the normalized output.
 */
import type { IDataObject } from 'n8n-workflow';
import { MILEAPP_API } from '../../fakes/mileApp';
import {
	TOKEN,
	aTask,
	apiCalls,
	delivery,
	engine,
	fake,
	fromList,
	hub,
	mapped,
	mileApp,
	otherHub,
	useMileApp,
	worker,
} from './setup';

useMileApp();

describe('task', () => {
	it('Create sends the flow, the hub, the flow fields, the times and the assignees, and outputs the task', async () => {
		const { items, error } = await mileApp({
			resource: 'task',
			operation: 'create',
			flow: fromList('Delivery'),
			hubId: fromList(hub._id),
			flowFields: mapped(
				{ invoice: 'INV-77', recipientName: 'Rina', packageCount: 2, priority: '' },
				['invoice', 'recipientName', 'packageCount'],
			),
			additionalFields: {
				startTime: '2026-11-24T09:00:00+07:00',
				endTime: '2026-11-24T17:00:00+07:00',
				assignees: 'dewi@example.com',
			},
		});
		expect(error).toBeUndefined();
		const [post] = apiCalls();
		expect([post.method, post.path, post.headers.authorization, post.headers.accept]).toEqual([
			'POST',
			`${MILEAPP_API}/task`,
			`Bearer ${TOKEN}`,
			'application/json',
		]);
		expect(post.body).toEqual({
			flow: 'Delivery',
			hubId: hub._id,
			invoice: 'INV-77',
			recipientName: 'Rina',
			packageCount: 2,
			startTime: '2026-11-24T02:00:00Z',
			endTime: '2026-11-24T10:00:00Z',
			assignee: ['dewi@example.com'],
		});
		expect(items.map((item) => [item.json.invoice, item.json.status, item.json.assignee])).toEqual([
			['INV-77', 'ONGOING', ['dewi@example.com']],
		]);
		expect(fake.tasks.get(String(items[0].json._id))?.fields).toMatchObject({
			invoice: 'INV-77',
			packageCount: 2,
		});
	});

	it('Update changes only the fields given; every other field, the assignees and the times stay as they were', async () => {
		const task = aTask({ invoice: 'INV-9', priority: 'Normal' });
		const before = JSON.parse(JSON.stringify(fake.tasks.get(task._id)));
		const { items, error } = await mileApp({
			resource: 'task',
			operation: 'update',
			taskId: task._id,
			flow: fromList('Delivery'),
			flowFields: mapped({ invoice: '', recipientName: null, priority: 'Urgent' }),
			updateFields: {},
		});
		expect(error).toBeUndefined();
		const [patch] = apiCalls();
		expect([patch.method, patch.path, patch.body]).toEqual([
			'PATCH',
			`${MILEAPP_API}/task/${task._id}`,
			{ priority: 'Urgent' },
		]);
		const after = fake.tasks.get(task._id)!;
		expect(after.fields).toEqual({ ...before.fields, priority: 'Urgent' });
		const { fields: _before, updatedTime: _t1, ...restBefore } = before;
		const { fields: _after, updatedTime: _t2, ...restAfter } = JSON.parse(JSON.stringify(after));
		expect(restAfter).toEqual(restBefore);
		expect(items[0].json).toMatchObject({
			_id: task._id,
			invoice: 'INV-9',
			priority: 'Urgent',
			recipientName: 'Andi Pratama',
			packageCount: 3,
		});
	});

	it('Update can move the task to another hub and change its times without touching its fields', async () => {
		const task = aTask();
		// Two days after the task's own start (the fake's clock), on the hour: valid whatever day the test runs.
		const later = new Date(Date.parse(task.startTime) + 2 * 86_400_000);
		later.setUTCMinutes(0, 0, 0);
		const endTime = later.toISOString().replace('.000Z', 'Z');
		const { error } = await mileApp({
			resource: 'task',
			operation: 'update',
			taskId: task._id,
			flow: fromList('Delivery'),
			flowFields: mapped({}),
			updateFields: { hubId: otherHub._id, endTime },
		});
		expect(error).toBeUndefined();
		expect(apiCalls()[0].body).toEqual({ hubId: otherHub._id, endTime });
		const stored = fake.tasks.get(task._id)!;
		expect(stored).toMatchObject({ hubId: otherHub._id, fields: task.fields });
		expect(Date.parse(stored.endTime)).toBe(later.getTime());
	});

	it('Replace sends the whole task: a flow field it does not give is gone afterwards', async () => {
		const task = aTask({ priority: 'Urgent' });
		const { error } = await mileApp({
			resource: 'task',
			operation: 'replace',
			taskId: task._id,
			flow: fromList('Delivery'),
			hubId: fromList(hub._id),
			flowFields: mapped({ invoice: 'INV-1', recipientName: 'Andi Pratama', packageCount: 4 }, [
				'invoice',
				'recipientName',
				'packageCount',
			]),
			additionalFields: {},
		});
		expect(error).toBeUndefined();
		expect(apiCalls()[0]).toMatchObject({
			method: 'PUT',
			body: {
				flow: 'Delivery',
				hubId: hub._id,
				invoice: 'INV-1',
				recipientName: 'Andi Pratama',
				packageCount: 4,
			},
		});
		expect(fake.tasks.get(task._id)!.fields.priority).toBeUndefined();
	});

	it('Assign gives the task to workers by email; Get reads it back', async () => {
		const task = fake.addTask({
			flowId: delivery._id,
			hubId: hub._id,
			fields: { invoice: 'INV-5', recipientName: 'X', packageCount: 1 },
		});
		const assigned = await mileApp({
			resource: 'task',
			operation: 'assign',
			taskId: task._id,
			assignees: 'dewi@example.com',
		});
		expect(assigned.error).toBeUndefined();
		expect(apiCalls()[0]).toMatchObject({
			method: 'PUT',
			path: `${MILEAPP_API}/task/${task._id}/assign`,
			body: { assignee: ['dewi@example.com'] },
		});
		const { items } = await mileApp({ resource: 'task', operation: 'get', taskId: task._id });
		expect(items.map((item) => [item.json._id, item.json.status, item.json.assignee])).toEqual([
			[task._id, 'ONGOING', ['dewi@example.com']],
		]);
	});

	it('Delete removes the task for good and says which', async () => {
		const task = aTask();
		const { items } = await mileApp({ resource: 'task', operation: 'delete', taskId: task._id });
		expect(items.map((item) => item.json)).toEqual([{ id: task._id, deleted: true }]);
		expect(fake.tasks.has(task._id)).toBe(false);
	});

	it('Get Many sends the filters and sort, and Return All follows the pages at 100 a page', async () => {
		// Time From is sent in the workflow's zone: this test's is UTC.
		engine.timezone = 'UTC';
		for (let n = 0; n < 230; n++) aTask({ invoice: `INV-${n}` });
		aTask({}, { hubId: otherHub._id });
		const { items } = await mileApp({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: {
				flow: 'Delivery',
				hubId: hub._id,
				status: 'ONGOING',
				assignee: 'dewi@example.com',
				timeFrom: '2020-01-01T00:00:00Z',
				timeBy: 'createdTime',
			},
			options: { sortBy: 'createdTime', sortOrder: 'asc' },
		});
		expect(items).toHaveLength(230);
		const pages = apiCalls();
		expect(pages.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
		expect(pages[0].query).toMatchObject({
			flow: 'Delivery',
			hubId: hub._id,
			status: 'ONGOING',
			assignee: 'dewi@example.com',
			timeBy: 'createdTime',
			timeFrom: '2020-01-01 00:00:00',
			sortBy: 'createdTime',
			sortOrder: 'asc',
		});
	});

	it('Get Many with a Limit asks for no more than the Limit', async () => {
		for (let n = 0; n < 30; n++) aTask();
		const { items } = await mileApp({
			resource: 'task',
			operation: 'getAll',
			returnAll: false,
			limit: 7,
			filters: {},
			options: {},
		});
		expect(items).toHaveLength(7);
		expect(apiCalls().map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '7'],
		]);
	});
});

describe('errors and bad input', () => {
	it.each([
		// Left empty by an expression: n8n's own check of required parameters cannot see it.
		[
			'Create without a required flow field',
			{
				resource: 'task',
				operation: 'create',
				flow: fromList('Delivery'),
				hubId: fromList('h1'),
				flowFields: {
					mappingMode: 'defineBelow',
					value: { invoice: 'X', recipientName: '={{ $json.nothing }}' },
					schema: [
						{ id: 'invoice', required: true },
						{ id: 'recipientName', required: true },
					],
				},
			},
			'recipientName',
		],
		[
			'Create without a hub',
			{
				resource: 'task',
				operation: 'create',
				flow: fromList('Delivery'),
				hubId: fromList('={{ $json.nothing }}'),
				flowFields: { value: {}, schema: [] },
			},
			'"Hub" is required',
		],
		[
			'Create with a bad start time',
			{
				resource: 'task',
				operation: 'create',
				flow: fromList('Delivery'),
				hubId: fromList('h1'),
				flowFields: { value: {}, schema: [] },
				additionalFields: { startTime: 'next tuesday-ish' },
			},
			'Start Time',
		],
		[
			'Update with nothing to change',
			{
				resource: 'task',
				operation: 'update',
				taskId: 'abc',
				flow: fromList('Delivery'),
				flowFields: { value: { invoice: '' }, schema: [{ id: 'invoice' }] },
				updateFields: {},
			},
			'Update Fields',
		],
		[
			'Assign to something that is not an email',
			{ resource: 'task', operation: 'assign', taskId: 'abc', assignees: 'dewi@example.com, dewi' },
			'not an email address',
		],
		[
			'Get without a task',
			{ resource: 'task', operation: 'get', taskId: ' ' },
			'"Task ID" is required',
		],
		[
			'Get Many with an unreadable time',
			{ resource: 'task', operation: 'getAll', returnAll: true, filters: { timeTo: 'soonish' } },
			'Time To',
		],
	])('%s is refused before any request, naming the field', async (_case, parameters, named) => {
		const { error } = await mileApp(parameters as IDataObject);
		expect(error?.message).toContain(named);
		expect(fake.requests).toEqual([]);
	});
});

describe('normalized output', () => {
	const utc = (iso: unknown) => new Date(String(iso)).toISOString().replace('.000', '');

	it('Get with Output "Normalized Task": the flow\'s title and content fields, the hub as subject, the deadline as due time', async () => {
		const task = aTask({
			invoice: 'INV-9',
			recipientName: 'Rina [taskbridge:plannr:0d9c7a52-1f2e-4b8a-9d3c-5e6f7a8b9c0d]',
		});

		const { items, error } = await mileApp({
			resource: 'task',
			operation: 'get',
			taskId: task._id,
			outputFormat: 'normalized',
		});

		expect(error).toBeUndefined();
		const raw = fake.taskView(fake.tasks.get(task._id)!);
		expect(items.map((item) => item.json)).toEqual([
			{
				id: task._id,
				vendor: 'mileApp',
				title: 'INV-9',
				description: 'Rina [taskbridge:plannr:0d9c7a52-1f2e-4b8a-9d3c-5e6f7a8b9c0d]',
				status: 'in progress',
				dueAt: utc(task.endTime),
				createdAt: utc(task.createdTime),
				updatedAt: utc(raw.updatedTime),
				completedAt: null,
				assignees: [{ id: worker.email, email: worker.email }],
				subject: { type: 'hub', id: hub._id, name: 'Jakarta Central' },
				reference: `[taskbridge:mileApp:${task._id}]`,
				links: { plannr: '0d9c7a52-1f2e-4b8a-9d3c-5e6f7a8b9c0d' },
				raw,
			},
		]);
	});

	it('Get Many: unassigned is open and done is done, with its finishing time', async () => {
		const waiting = aTask({}, { assignee: [] });
		const finished = aTask({}, { status: 'DONE' });

		const { items } = await mileApp({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			outputFormat: 'normalized',
		});

		const byId = Object.fromEntries(items.map((item) => [item.json.id, item.json]));
		expect(byId[waiting._id]).toMatchObject({ status: 'open', assignees: [], completedAt: null });
		expect(byId[finished._id]).toMatchObject({
			status: 'done',
			completedAt: utc(fake.tasks.get(finished._id)!.doneTime),
		});
	});
});
