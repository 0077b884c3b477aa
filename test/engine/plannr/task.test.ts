/**
 * Tasks: Create, Get, Update, Complete and Reopen, what Plannr receives and what n8n outputs; the task
 * picker; the normalized output. Get Many is in task.getMany.test.ts, bad input in task.badInput.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import { searchList } from '../harness';
import {
	addTask,
	advisers,
	calls,
	doing,
	done,
	emma,
	engine,
	fake,
	james,
	ok,
	paraplanning,
	pension,
	priya,
	queryOf,
	rl,
	spec,
	todo,
	tom,
	transfer,
	usePlannr,
	v1,
	withOptions,
} from './setup';

usePlannr();

describe('task: create, get, update, complete, reopen', () => {
	const create = { resource: 'task', operation: 'create' };

	it('Create sends the four required fields as JSON and outputs the new task', async () => {
		const [created, ...rest] = await ok({
			...create,
			name: 'Annual review meeting',
			taskableType: 'client',
			taskableUuid: tom.uuid,
			taskStatusUuid: todo.uuid,
		});

		expect(calls()).toEqual([`POST ${v1('/task')}`]);
		const [call] = fake.requests;
		expect(call.headers['content-type']).toMatch(/^application\/json/);
		expect(call.body).toEqual({
			name: 'Annual review meeting',
			taskable_type: 'client',
			taskable_uuid: tom.uuid,
			task_status_uuid: todo.uuid,
		});
		expect(rest).toEqual([]);
		expect(created).toMatchObject({
			name: 'Annual review meeting',
			taskable_type: 'client',
			taskable: expect.objectContaining({ uuid: tom.uuid }),
			status: expect.objectContaining({ uuid: todo.uuid, name: 'To do' }),
			author: expect.objectContaining({ uuid: fake.options.accountUuid }),
			completed_at: null,
		});
		expect(fake.tasks.get(created.uuid as string)).toMatchObject({
			name: 'Annual review meeting',
			status_uuid: todo.uuid,
			taskable_uuid: tom.uuid,
		});
	});

	it('Create sends every additional field in Plannr’s shape: assignees, groups as a list, custom fields, due date in local time', async () => {
		engine.timezone = 'Europe/London';
		const parent = addTask({ name: 'Annual review' });

		const [created] = await ok({
			...create,
			name: 'Prepare suitability report',
			taskableType: 'case',
			taskableUuid: transfer.uuid,
			taskStatusUuid: doing.uuid,
			additionalFields: {
				assignedToUuids: [james.uuid, priya.uuid],
				customFields: {
					field: [
						{ name: 'compliance_check', value: 'Pending' },
						{ name: 'provider_reference', value: 'AV-118204' },
					],
				},
				description: 'Draft, check, send',
				// 09:30 UTC is 10:30 in London in June (BST): Plannr's due dates are local times.
				dueAt: '2026-06-01T09:30:00Z',
				groupUuids: `${advisers.uuid}, ${paraplanning.uuid}`,
				parentTaskUuid: parent.uuid,
				priority: 'highest',
			},
		});

		expect(fake.requests[0].body).toEqual({
			name: 'Prepare suitability report',
			taskable_type: 'case',
			taskable_uuid: transfer.uuid,
			task_status_uuid: doing.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
			// postapiv1task: an object {reference: value}; the older page's list is superseded.
			custom_fields: { compliance_check: 'Pending', provider_reference: 'AV-118204' },
			description: 'Draft, check, send',
			due_at: '2026-06-01 10:30:00',
			group_uuids: [advisers.uuid, paraplanning.uuid],
			parent_task_uuid: parent.uuid,
			priority: 'highest',
		});
		expect(created).toMatchObject({
			priority: 'highest',
			due_at: '2026-06-01 10:30:00',
			description: 'Draft, check, send',
			taskable_type: 'case',
			assigned_to: [
				expect.objectContaining({ uuid: james.uuid }),
				expect.objectContaining({ uuid: priya.uuid }),
			],
			custom_fields: [
				expect.objectContaining({ reference: 'compliance_check', value: 'Pending' }),
				expect.objectContaining({ reference: 'provider_reference', value: 'AV-118204' }),
			],
		});
		expect(fake.tasks.get(created.uuid as string)).toMatchObject({
			parent_task_uuid: parent.uuid,
			group_uuids: [advisers.uuid, paraplanning.uuid],
		});
	});

	it('Create on a plan; a due date without a zone is read in the workflow’s time zone', async () => {
		engine.timezone = 'Europe/London';
		await ok({
			...create,
			name: 'Request valuation',
			taskableType: 'plan',
			taskableUuid: pension.uuid,
			taskStatusUuid: todo.uuid,
			additionalFields: { dueAt: '2026-03-10T14:00:00' },
		});
		expect(fake.requests[0].body).toMatchObject({
			taskable_type: 'plan',
			taskable_uuid: pension.uuid,
			due_at: '2026-03-10 14:00:00',
		});
	});

	it('Create leaves out list fields added but left empty', async () => {
		await ok({
			...create,
			name: 'x',
			taskableType: 'client',
			taskableUuid: tom.uuid,
			taskStatusUuid: todo.uuid,
			additionalFields: {
				assignedToUuids: [],
				groupUuids: ' , ',
				customFields: {},
				description: 'kept',
			},
		});
		expect(fake.requests[0].body).toEqual({
			name: 'x',
			taskable_type: 'client',
			taskable_uuid: tom.uuid,
			task_status_uuid: todo.uuid,
			description: 'kept',
		});
	});

	it('runs once per input item, with expressions', async () => {
		const input = [
			{ name: 'Call Tom', client: tom.uuid },
			{ name: 'Call Emma', client: emma.uuid },
		];
		const items = await ok(
			{
				...create,
				name: '={{ $json.name }}',
				taskableType: 'client',
				taskableUuid: '={{ $json.client }}',
				taskStatusUuid: todo.uuid,
			},
			input,
		);
		expect(items.map((item) => [item.name, (item.taskable as IDataObject).uuid])).toEqual([
			['Call Tom', tom.uuid],
			['Call Emma', emma.uuid],
		]);
		expect(fake.tasks.size).toBe(2);
	});

	it('Get reads one task, picked from the list or pasted as a UUID', async () => {
		const task = addTask({ name: 'Annual review', priority: 'high' });

		const fromList = await ok({
			resource: 'task',
			operation: 'get',
			taskUuid: rl(task.uuid, 'list'),
		});
		const byId = await ok({ resource: 'task', operation: 'get', taskUuid: rl(` ${task.uuid} `) });

		expect(calls()).toEqual([`GET ${v1(`/task/${task.uuid}`)}`, `GET ${v1(`/task/${task.uuid}`)}`]);
		expect(fromList).toEqual([
			expect.objectContaining({ uuid: task.uuid, name: 'Annual review', priority: 'high' }),
		]);
		expect(byId).toEqual(fromList);
	});

	it('Update changes only the fields set: the task is read first and its other values sent back, so nothing is cleared', async () => {
		const task = addTask({
			name: 'Old name',
			description: 'Keep me',
			priority: 'high',
			due_at: '2026-03-05 09:00:00',
			assigned_to_uuids: [james.uuid],
			group_uuids: [advisers.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});
		const before = { ...fake.tasks.get(task.uuid)! };

		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid),
			updateFields: { name: 'New name' },
		});

		expect(calls()).toEqual([`GET ${v1(`/task/${task.uuid}`)}`, `PUT ${v1(`/task/${task.uuid}`)}`]);
		expect(queryOf(fake.requests[0])).toEqual({ include: 'custom_fields,parent_task' });
		expect(fake.requests[1].body).toEqual({
			name: 'New name',
			description: 'Keep me',
			priority: 'high',
			due_at: '2026-03-05 09:00:00',
			assigned_to_uuids: [james.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});
		expect(fake.tasks.get(task.uuid)).toEqual({
			...before,
			name: 'New name',
			updated_at: expect.any(String),
		});
		expect(updated).toMatchObject({
			uuid: task.uuid,
			name: 'New name',
			description: 'Keep me',
			priority: 'high',
			due_at: '2026-03-05 09:00:00',
		});
	});

	it('Update sends every field it is given, in Plannr’s names and shapes', async () => {
		engine.timezone = 'Europe/London';
		const parent = addTask({ name: 'Annual review' });
		const task = addTask({ name: 'Send pack' });

		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid, 'list'),
			updateFields: {
				assignedToUuids: [priya.uuid],
				customFields: { field: [{ name: 'provider_reference', value: 'AV-1' }] },
				description: 'With the valuation',
				dueAt: '2026-03-12T16:00:00Z',
				groupUuids: paraplanning.uuid,
				parentTaskUuid: parent.uuid,
				priority: 'low',
				taskableType: 'plan',
				taskableUuid: pension.uuid,
				name: 'Send valuation pack',
				taskStatusUuid: doing.uuid,
			},
		});

		expect(calls()).toEqual([`GET ${v1(`/task/${task.uuid}`)}`, `PUT ${v1(`/task/${task.uuid}`)}`]);
		expect(fake.requests[1].body).toEqual({
			assigned_to_uuids: [priya.uuid],
			custom_fields: { provider_reference: 'AV-1' },
			description: 'With the valuation',
			due_at: '2026-03-12 16:00:00',
			group_uuids: [paraplanning.uuid],
			parent_task_uuid: parent.uuid,
			priority: 'low',
			taskable_type: 'plan',
			taskable_uuid: pension.uuid,
			name: 'Send valuation pack',
			task_status_uuid: doing.uuid,
		});
		expect(updated).toMatchObject({
			name: 'Send valuation pack',
			taskable_type: 'plan',
			status: expect.objectContaining({ uuid: doing.uuid }),
			priority: 'low',
		});
		expect(fake.tasks.get(task.uuid)).toMatchObject({
			parent_task_uuid: parent.uuid,
			group_uuids: [paraplanning.uuid],
			assigned_to_uuids: [priya.uuid],
		});
	});

	it('Update never sends a list field added but left empty: the task keeps its assignees and custom fields, sent back as they are', async () => {
		const task = addTask({
			name: 'x',
			assigned_to_uuids: [james.uuid],
			group_uuids: [advisers.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});

		await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid),
			updateFields: { assignedToUuids: [], groupUuids: '', customFields: {}, priority: 'high' },
		});

		expect(fake.requests[1].body).toEqual({
			priority: 'high',
			assigned_to_uuids: [james.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});
		expect(fake.tasks.get(task.uuid)).toMatchObject({
			priority: 'high',
			assigned_to_uuids: [james.uuid],
			group_uuids: [advisers.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});
	});

	it('Update to a completed-type status completes the task (Plannr’s own rule)', async () => {
		const task = addTask({ name: 'x' });
		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid),
			updateFields: { taskStatusUuid: done.uuid },
		});
		expect(fake.requests[1].body).toEqual({ task_status_uuid: done.uuid });
		expect(updated).toMatchObject({
			completed_at: '2026-03-01 12:00:00',
			completed_by: expect.objectContaining({ uuid: fake.options.accountUuid }),
		});
	});

	it('Complete sends PATCH …/complete: the task moves to the completed status, with who and when', async () => {
		const task = addTask({ name: 'File letter of authority', status_uuid: doing.uuid });

		const [completed] = await ok({
			resource: 'task',
			operation: 'complete',
			taskUuid: rl(task.uuid, 'list'),
		});

		expect(calls()).toEqual([`PATCH ${v1(`/task/${task.uuid}/complete`)}`]);
		expect(fake.requests[0].rawBody).toBe('');
		expect(completed).toMatchObject({
			uuid: task.uuid,
			status: expect.objectContaining({ uuid: done.uuid }),
			completed_at: '2026-03-01 12:00:00',
			completed_by: expect.objectContaining({ uuid: fake.options.accountUuid }),
		});
	});

	it('Reopen sends PATCH …/uncomplete/{status}: the task goes back to the chosen status, completion cleared', async () => {
		const task = addTask({ name: 'File letter of authority', status_uuid: done.uuid });
		expect(fake.tasks.get(task.uuid)!.completed_at).not.toBeNull();

		const [reopened] = await ok({
			resource: 'task',
			operation: 'reopen',
			taskUuid: rl(task.uuid),
			reopenStatusUuid: doing.uuid,
		});

		expect(calls()).toEqual([`PATCH ${v1(`/task/${task.uuid}/uncomplete/${doing.uuid}`)}`]);
		expect(reopened).toMatchObject({
			uuid: task.uuid,
			status: expect.objectContaining({ uuid: doing.uuid }),
			completed_at: null,
			completed_by: null,
		});
		expect(fake.tasks.get(task.uuid)).toMatchObject({
			status_uuid: doing.uuid,
			completed_at: null,
		});
	});
});

describe('pickers', () => {
	// [inferred] nameFilterMatch: whether Plannr matches part of a name no sheet line decides; the node sends the text trimmed either way.
	it.each([
		['exact' as const, ' Annual review ', 'Annual review', ['Annual review']],
		['partial' as const, ' review ', 'review', ['Send review pack', 'Annual review']],
	])(
		'tasks (Plannr matching names %s): searched by name in Plannr, most recently updated first; everything when nothing is typed',
		async (nameFilterMatch, typed, sent, listed) => {
			const review = addTask({ name: 'Annual review', updated_at: '2026-03-01T12:00:05+00:00' });
			const pack = addTask({ name: 'Send review pack', updated_at: '2026-03-01T12:00:09+00:00' });
			const other = addTask({ name: 'ID documents', updated_at: '2026-03-01T12:00:01+00:00' });
			const search = (filter?: string) =>
				withOptions({ nameFilterMatch }, () =>
					searchList(engine, spec({ resource: 'task', operation: 'get' }), 'searchTasks', filter),
				);

			const found = await search(typed);
			expect(found.map((option) => option.name)).toEqual(listed);
			expect(queryOf(fake.requests[0])).toEqual({
				'filter[name]': sent,
				page: '1',
				per_page: '100',
				sort: '-updated_at',
			});

			fake.server.clearRequests();
			const all = await search();
			expect(all.map((option) => option.value)).toEqual([pack.uuid, review.uuid, other.uuid]);
			expect(queryOf(fake.requests[0])).toEqual({
				page: '1',
				per_page: '100',
				sort: '-updated_at',
			});
		},
	);
});

describe('normalized output', () => {
	it('Complete with Output "Normalized Task": done, the client as subject, assignees named, Plannr\'s zoneless times read in the workflow\'s zone', async () => {
		// The workflow in the firm's zone, as the Plannr examples ask: London, on the fake's 1 March (GMT, so the UTC times below).
		engine.timezone = fake.options.timeZone;
		const task = addTask({
			name: 'Annual review',
			description: 'From MileApp [taskbridge:mileApp:65f1a2b3c4d5e6f708091a2b]',
			due_at: '2026-03-05 17:00:00',
			assigned_to_uuids: [james.uuid],
		});

		const [item] = await ok({
			resource: 'task',
			operation: 'complete',
			taskUuid: task.uuid,
			outputFormat: 'normalized',
		});

		const [vendorRecord] = await ok({ resource: 'task', operation: 'get', taskUuid: task.uuid });
		expect(item).toEqual({
			id: task.uuid,
			vendor: 'plannr',
			title: 'Annual review',
			description: 'From MileApp [taskbridge:mileApp:65f1a2b3c4d5e6f708091a2b]',
			status: 'done',
			dueAt: '2026-03-05T17:00:00Z',
			createdAt: '2026-03-01T12:00:00Z',
			updatedAt: '2026-03-01T12:00:00Z',
			completedAt: '2026-03-01T12:00:00Z',
			assignees: [
				{ id: james.uuid, name: 'James Carter', ...(james.email ? { email: james.email } : {}) },
			],
			subject: { type: 'client', id: tom.uuid, name: 'Tom Hughes' },
			reference: `[taskbridge:plannr:${task.uuid}]`,
			links: { mileApp: '65f1a2b3c4d5e6f708091a2b' },
			raw: vendorRecord,
		});
	});

	it("a not-started status is open, the firm's other open statuses are in progress", async () => {
		const waiting = addTask({ name: 'Waiting', status_uuid: todo.uuid });
		const working = addTask({ name: 'Working', status_uuid: doing.uuid });

		const items = await ok({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			outputFormat: 'normalized',
		});

		expect(Object.fromEntries(items.map((item) => [item.id, item.status]))).toEqual({
			[waiting.uuid]: 'open',
			[working.uuid]: 'in progress',
		});
	});
});
