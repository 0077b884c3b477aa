/**
 * Tasks: every operation, what MileApp receives and keeps and what n8n outputs, paging, bad input refused
 * before any request, and the normalized output.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { MILEAPP_API, type MileAppFake } from '../../fakes/mileApp';
import { NODE_TYPES } from '../harness/packTypes';
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
	withFakeOf,
	worker,
} from './setup';

useMileApp();

/** The requests MileApp received, as `METHOD path` under the API. */
const calls = () =>
	apiCalls().map((request) => `${request.method} ${request.path.slice(MILEAPP_API.length)}`);
/** A list request's lazyLoad, limit, cursor and page. */
const cursorOf = (request: { query: Record<string, string | undefined> }) => [
	request.query.lazyLoad,
	request.query.limit,
	request.query.cursor,
	request.query.page,
];
/** A Delivery task of the hub in `other`, created at `createdTime`. */
const deliveryCreatedAt = (other: MileAppFake, createdTime: string) =>
	other.addTask({ flowId: delivery._id, hubId: hub._id, createdTime });
/** Replace with the Delivery flow's required fields and nothing else. */
const replaceOf = (taskId: string, additionalFields: IDataObject = {}): IDataObject => ({
	resource: 'task',
	operation: 'replace',
	taskId,
	flow: fromList('Delivery'),
	hubId: fromList(hub._id),
	flowFields: mapped({ invoice: 'INV-1', recipientName: 'Andi Pratama', packageCount: 4 }, [
		'invoice',
		'recipientName',
		'packageCount',
	]),
	additionalFields,
});

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
			// data-formats.mdx `Y-m-d\TH:i:sP`, written with +00:00 as MileApp's examples are; never Z.
			startTime: '2026-11-24T02:00:00+00:00',
			endTime: '2026-11-24T10:00:00+00:00',
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
		expect(apiCalls()[0].body).toEqual({
			hubId: otherHub._id,
			endTime: endTime.replace(/Z$/, '+00:00'),
		});
		const stored = fake.tasks.get(task._id)!;
		expect(stored).toMatchObject({ hubId: otherHub._id, fields: task.fields });
		expect(Date.parse(stored.endTime)).toBe(later.getTime());
	});

	it('Replace sends the whole task: a flow field it does not give is gone afterwards', async () => {
		const task = aTask({ priority: 'Urgent' });
		const { error } = await mileApp(replaceOf(task._id));
		expect(error).toBeUndefined();
		const stored = fake.tasks.get(task._id)!;
		expect(calls()).toEqual([`GET /task/${task._id}`, `PUT /task/${task._id}`]);
		expect(apiCalls()[1].body).toEqual({
			flow: 'Delivery',
			hubId: hub._id,
			invoice: 'INV-1',
			recipientName: 'Andi Pratama',
			packageCount: 4,
			// Not given: carried from the task as it was (see the Unknown tests below).
			assignee: [worker.email],
			startTime: task.startTime,
			endTime: task.endTime,
		});
		expect(stored.fields.priority).toBeUndefined();
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

	it('Get Many sends the filters and sort, and Return All follows the cursor (lazyLoad) at 100 a page', async () => {
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
		expect(new Set(items.map((item) => item.json._id)).size).toBe(230);
		const pages = apiCalls();
		expect(pages.map(cursorOf)).toEqual([
			['1', '100', undefined, undefined],
			['1', '100', String(items[99].json._id), undefined],
			['1', '100', String(items[199].json._id), undefined],
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
		expect(apiCalls().map(cursorOf)).toEqual([['1', '7', undefined, undefined]]);
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

/** A field of the MileApp node as the editor shows it, by the path of its name (e.g. `filters.timeBy`). */
function fieldOf(path: string, operation = 'getAll'): INodeProperties {
	const [name, inner] = path.split('.');
	const field = NODE_TYPES.mileApp.description.properties.find(
		(property) =>
			property.name === name && property.displayOptions?.show?.operation?.includes(operation),
	)!;
	return inner
		? (field.options as INodeProperties[]).find((option) => option.name === inner)!
		: field;
}

describe('Time By offers what the documents list (createdTime, startTime, doneTime)', () => {
	it('the field offers exactly those three: no endTime', () => {
		expect(
			(fieldOf('filters.timeBy').options as INodePropertyOptions[]).map((option) => option.value),
		).toEqual(['createdTime', 'doneTime', 'startTime']);
	});

	it('a workflow saved with Time By "endTime" is refused before any request, naming Time By', async () => {
		const { error } = await mileApp({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { timeBy: 'endTime', timeFrom: '2026-03-01T00:00:00' },
		});
		expect(error?.message).toContain('Time By');
		expect(fake.requests).toEqual([]);
	});
});

describe('Unknown: the zone MileApp reads Time From/To in', () => {
	it("the fields' help names the zone the node assumes (the workflow's) and that MileApp does not document one", () => {
		for (const path of ['filters.timeFrom', 'filters.timeTo'])
			expect(fieldOf(path).description).toMatch(
				/in this workflow's time zone.*MileApp does not document the zone/,
			);
	});

	it.each([
		['the workflow’s zone', 'Asia/Jakarta', 1],
		['UTC', 'UTC', 0],
	])(
		'a picked time goes out as its clock time, unshifted; MileApp reading it in %s finds %i task',
		async (_zone, timeZone, found) => {
			engine.timezone = 'Asia/Jakarta';
			await withFakeOf({ timeZone }, async (other, run) => {
				// 08:30 in Jakarta.
				const task = deliveryCreatedAt(other, '2026-03-01T01:30:00+00:00');
				const { items, error } = await run({
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: { timeFrom: '2026-03-01T08:00:00', timeTo: '2026-03-01T09:00:00' },
				});
				expect(error).toBeUndefined();
				expect(other.requests[0].query).toMatchObject({
					timeBy: 'createdTime',
					timeFrom: '2026-03-01 08:00:00',
					timeTo: '2026-03-01 09:00:00',
				});
				expect(items.map((item) => item.json._id)).toEqual(found ? [task._id] : []);
			});
		},
	);
});

describe('[inferred] how MileApp reads the list filters (no sheet line decides), each way', () => {
	it.each([false, true])(
		'commaListFilters %s: Assignee Email takes one email (two are refused before any request); one finds its task',
		async (commaListFilters) => {
			await withFakeOf({ commaListFilters }, async (other, run) => {
				const task = other.addTask({
					flowId: delivery._id,
					hubId: hub._id,
					assignee: [worker.email],
				});
				other.addTask({ flowId: delivery._id, hubId: hub._id });
				const getMany = (assignee: string) =>
					run({ resource: 'task', operation: 'getAll', returnAll: true, filters: { assignee } });
				const two = await getMany(`budi@example.com, ${worker.email}`);
				expect(two.error?.message).toContain('Assignee Email');
				expect(other.requests).toEqual([]);
				const one = await getMany(` ${worker.email} `);
				expect(one.error).toBeUndefined();
				expect(other.requests[0].query.assignee).toBe(worker.email);
				expect(one.items.map((item) => item.json._id)).toEqual([task._id]);
			});
		},
	);

	it('the help of Time From and Time To does not promise that a task exactly at the bound is included', () => {
		for (const path of ['filters.timeFrom', 'filters.timeTo']) {
			expect(fieldOf(path).description).not.toMatch(/at or (after|before)/);
			expect(fieldOf(path).description).toContain(
				'MileApp does not document whether a task exactly at it is included',
			);
		}
	});

	it.each([
		[true, 1],
		[false, 0],
	])(
		'timeRangeInclusive %s: Time From goes out as picked; a task created exactly then is found %i time(s)',
		async (timeRangeInclusive, found) => {
			engine.timezone = 'UTC';
			await withFakeOf({ timeRangeInclusive }, async (other, run) => {
				const task = deliveryCreatedAt(other, '2026-03-01T08:00:00+00:00');
				const { items, error } = await run({
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: { timeFrom: '2026-03-01T08:00:00' },
				});
				expect(error).toBeUndefined();
				expect(other.requests[0].query.timeFrom).toBe('2026-03-01 08:00:00');
				expect(items.map((item) => item.json._id)).toEqual(found ? [task._id] : []);
			});
		},
	);
});

describe('Unknown: whether a PUT without assignee unassigns; Replace carries the assignees and times', () => {
	const putOf = (other: { requests: { method: string; body: unknown }[] }) =>
		other.requests.find((request) => request.method === 'PUT')!.body as IDataObject;

	it.each([
		['keeps the assignment', { putWithoutAssignee: 'keep', putWithoutTimes: 'keep' }],
		['unassigns', { putWithoutAssignee: 'unassign', putWithoutTimes: 'flow-default' }],
	] as const)(
		'Replace without Assignees, where a PUT without them %s: the task keeps its worker and its times',
		async (_answer, options) => {
			await withFakeOf(options, async (other, run) => {
				const task = other.addTask({
					flowId: delivery._id,
					hubId: hub._id,
					assignee: [worker.email],
					startTime: other.isoAt(2 * 3_600_000),
					endTime: other.isoAt(50 * 3_600_000),
					fields: { invoice: 'INV-1', recipientName: 'Andi Pratama', packageCount: 3 },
				});
				const before = { ...task };
				const { items, error } = await run(replaceOf(task._id));
				expect(error).toBeUndefined();
				expect(putOf(other)).toMatchObject({
					assignee: [worker.email],
					startTime: before.startTime,
					endTime: before.endTime,
				});
				expect(other.tasks.get(task._id)).toMatchObject({
					status: 'ONGOING',
					assignee: [worker.email],
					startTime: before.startTime,
					endTime: before.endTime,
					fields: { invoice: 'INV-1', recipientName: 'Andi Pratama', packageCount: 4 },
				});
				expect(items[0].json).toMatchObject({ assignee: [worker.email], status: 'ONGOING' });
			});
		},
	);

	it('Assignees and times given are sent as given (nothing read over them); an unassigned task is sent no assignee', async () => {
		const assigned = aTask();
		const { error } = await mileApp(
			replaceOf(assigned._id, {
				assignees: 'dewi@example.com',
				startTime: '2030-01-02T09:00:00+07:00',
				endTime: '2030-01-03T09:00:00+07:00',
			}),
		);
		expect(error).toBeUndefined();
		expect(calls()).toEqual([`PUT /task/${assigned._id}`]);
		expect(apiCalls()[0].body).toMatchObject({
			assignee: ['dewi@example.com'],
			startTime: '2030-01-02T02:00:00+00:00',
			endTime: '2030-01-03T02:00:00+00:00',
		});

		fake.server.clearRequests();
		const waiting = aTask({}, { assignee: [] });
		expect((await mileApp(replaceOf(waiting._id))).error).toBeUndefined();
		expect(apiCalls()[1].body).not.toHaveProperty('assignee');
		expect(fake.tasks.get(waiting._id)).toMatchObject({ status: 'UNASSIGNED', assignee: [] });
	});

	it('the editor says what Replace does with the assignees', () => {
		const notice = fieldOf('replaceNotice', 'replace');
		expect(notice.displayName).toMatch(
			/assignees and its start and end time are read first and sent again unless given/,
		);
	});
});

describe('No "complete" action: whether status DONE in a PUT or PATCH finishes a task is undocumented', () => {
	const writes = ['create', 'update', 'replace', 'assign'];

	it('the task operations offer none, and no write sends a status', () => {
		const operations = NODE_TYPES.mileApp.description.properties.find(
			(property) =>
				property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === 'task',
		)!;
		expect(
			(operations.options as INodePropertyOptions[]).map((option) => option.value).sort(),
		).toEqual(['assign', 'create', 'delete', 'get', 'getAll', 'replace', 'update']);
		const names = (fields: INodeProperties[]): string[] =>
			fields.flatMap((field) => [
				field.name,
				...(field.type === 'collection' ? names(field.options as INodeProperties[]) : []),
			]);
		for (const operation of writes) {
			const fields = NODE_TYPES.mileApp.description.properties.filter((property) =>
				property.displayOptions?.show?.operation?.includes(operation),
			);
			expect(names(fields)).not.toContain('status');
		}
	});

	it.each([true, false])(
		'with the fake finishing on status DONE or not (%s), an Update leaves the status alone',
		async (statusWritable) => {
			await withFakeOf({ statusWritable }, async (other, run) => {
				const task = other.addTask({
					flowId: delivery._id,
					hubId: hub._id,
					assignee: [worker.email],
					fields: { invoice: 'INV-1', recipientName: 'Andi', packageCount: 1 },
				});
				const { error } = await run({
					resource: 'task',
					operation: 'update',
					taskId: task._id,
					flow: fromList('Delivery'),
					flowFields: mapped({ priority: 'Low', status: 'DONE' }),
					updateFields: {},
				});
				expect(error).toBeUndefined();
				expect(other.requests[0].body).toEqual({ priority: 'Low' });
				expect(other.tasks.get(task._id)!.status).toBe('ONGOING');
			});
		},
	);
});

describe('optional fields left empty are left out of the request', () => {
	it('Create, Update and Get Many send none of the fields added but left empty', async () => {
		const created = await mileApp({
			resource: 'task',
			operation: 'create',
			flow: fromList('Delivery'),
			hubId: fromList(hub._id),
			flowFields: mapped({
				invoice: 'INV-2',
				recipientName: 'Rina',
				packageCount: 1,
				priority: '',
			}),
			additionalFields: { startTime: '', endTime: '', assignees: '' },
		});
		expect(created.error).toBeUndefined();
		expect(apiCalls()[0].body).toEqual({
			flow: 'Delivery',
			hubId: hub._id,
			invoice: 'INV-2',
			recipientName: 'Rina',
			packageCount: 1,
		});

		const task = aTask();
		fake.server.clearRequests();
		const updated = await mileApp({
			resource: 'task',
			operation: 'update',
			taskId: task._id,
			flow: fromList('Delivery'),
			flowFields: mapped({ invoice: 'INV-3', recipientName: '' }),
			updateFields: { hubId: '', startTime: '', endTime: '' },
		});
		expect(updated.error).toBeUndefined();
		expect(apiCalls()[0].body).toEqual({ invoice: 'INV-3' });

		fake.server.clearRequests();
		const listed = await mileApp({
			resource: 'task',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { timeFrom: '', timeTo: '' },
			options: {},
		});
		expect(listed.error).toBeUndefined();
		expect(Object.keys(apiCalls()[0].query).sort()).toEqual(['lazyLoad', 'limit']);
	});
});

describe('[inferred] what MileApp does with an empty flow field or a flow in a PATCH (no sheet line decides), each way', () => {
	it.each([
		['emptyFieldValue reject', { emptyFieldValue: 'reject' }],
		['emptyFieldValue clear', { emptyFieldValue: 'clear' }],
		['patchFlowChange new-flow', { patchFlowChange: 'new-flow' }],
		['patchFlowChange reject', { patchFlowChange: 'reject' }],
	] as const)(
		'%s: Update sends neither a field left empty nor the flow, so the task keeps both and changes what is given',
		async (_option, options) => {
			const fields = { invoice: 'INV-1', recipientName: 'Rina', packageCount: 1 };
			const update = { resource: 'task', operation: 'update', flow: fromList('Delivery') };
			await withFakeOf(options, async (other, run) => {
				const task = other.addTask({ flowId: delivery._id, hubId: hub._id, fields });
				const updated = await run({
					...update,
					taskId: task._id,
					flowFields: mapped({ invoice: 'INV-3', recipientName: '' }),
					updateFields: {},
				});
				expect(updated.error).toBeUndefined();
				expect(other.requests.map((request) => request.body)).toEqual([{ invoice: 'INV-3' }]);
				expect(other.tasks.get(task._id)).toMatchObject({
					flow: 'Delivery',
					fields: { invoice: 'INV-3', recipientName: 'Rina', packageCount: 1 },
				});
			});
		},
	);
});
