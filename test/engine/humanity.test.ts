import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import {
	HumanityFake,
	HUMANITY_API_PREFIX,
	HUMANITY_TOKEN_PATH,
	type HumanityMasterTask,
	type HumanityShift,
	type HumanityShiftTask,
} from '../fakes/humanity';
import { Engine, loadOptions, runNode, searchList, type NodeSpec } from './harness';
import { quickRetries } from './quickRetries';
import { serveFake } from './serveFake';

const API = HUMANITY_API_PREFIX;
let fake = new HumanityFake();
let engine: Engine;
let credentialId: string;

const apiCalls = () => fake.requests.filter((request) => request.path.startsWith(API));
const tokenRequests = () => fake.requests.filter((request) => request.path === HUMANITY_TOKEN_PATH);

function humanity(parameters: IDataObject, input?: IDataObject[], extra: Partial<NodeSpec> = {}) {
	return runNode(
		engine,
		{ type: 'humanity', credentialType: 'humanityApi', credentialId, parameters, ...extra },
		input,
	);
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string, cachedResultName: string) => ({
	__rl: true,
	mode: 'list',
	value,
	cachedResultName,
});

interface World {
	shift: HumanityShift;
	other: HumanityShift;
	masters: HumanityMasterTask[];
	tasks: HumanityShiftTask[];
	positionId: number;
}

/** The Morning bar shift with its three tasks (regular, time-boxed, regular), a second shift with one, and master tasks. */
function seed(): World {
	const { location, position, shift, masters, tasks } = fake.addMorningBar();
	const kitchen = fake.addPosition({ name: 'Kitchen', locationId: location.id });
	const other = fake.addShift({
		start: '2026-11-24 06:00',
		end: '2026-11-24 14:00',
		positionId: kitchen.id,
		title: 'Kitchen prep',
	});
	tasks.push(
		fake.addShiftTask({ shiftId: other.id, taskId: masters[3].id, name: 'Fridge temperature log' }),
	);
	return { shift, other, masters, tasks, positionId: position.id };
}

const live = (shiftId: number) => fake.liveShiftTasks(shiftId);

serveFake(fake);
beforeEach(() => {
	fake.reset();
	fake.clearForcedCodes();
	engine = new Engine();
	credentialId = engine.credentials.add('humanityApi', {
		...fake.credentialData(),
		accessToken: '',
		accessTokenExpiresAt: '',
	}).id!;
});

describe('shift task: the PUT replaces the whole list, so the node never loses a task', () => {
	it('Update of one task of three leaves all three, one changed, and sends the whole list with ids', async () => {
		const { shift, tasks } = seed();

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'update',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[2].id),
			updateFields: { name: 'Restock pastries and muffins' },
		});

		expect(error).toBeUndefined();
		expect(live(shift.id).map((task) => [task.id, task.name, task.description])).toEqual([
			[tasks[0].id, 'Open the register', 'Count the float.'],
			[tasks[1].id, 'Clean the espresso machine', ''],
			[tasks[2].id, 'Restock pastries and muffins', 'Before lunch.'],
		]);
		expect(live(shift.id)[1].options).toEqual({
			startTime: '2026-11-23T13:00:00+00:00',
			dueTime: '2026-11-23T13:30:00+00:00',
		});
		const [put] = fake.requestsTo(`PUT ${API}/shifts/:shiftId/tasks`);
		expect((put.body as { tasks: IDataObject[] }).tasks.map((entry) => entry.id)).toEqual(
			tasks.slice(0, 3).map((task) => task.id),
		);
		expect(items.map((item) => [item.json.id, item.json.name])).toEqual([
			[tasks[2].id, 'Restock pastries and muffins'],
		]);
	});

	it('Remove of one task leaves exactly the other two', async () => {
		const { shift, tasks } = seed();

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'remove',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[1].id),
		});

		expect(error).toBeUndefined();
		expect(live(shift.id).map((task) => task.id)).toEqual([tasks[0].id, tasks[2].id]);
		expect(items[0].json).toEqual({
			removed: true,
			id: tasks[1].id,
			name: 'Clean the espresso machine',
			shiftId: shift.id,
		});
	});

	it('Add puts a regular task at the end and keeps the three others; the name defaults to the picked master task', async () => {
		const { shift, tasks, masters } = seed();

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'add',
			shiftId: byId(String(shift.id)),
			masterTaskId: fromList(masters[3].id, 'Fridge temperature log'),
			type: 'regular',
		});

		expect(error).toBeUndefined();
		expect(live(shift.id).map((task) => task.name)).toEqual([
			'Open the register',
			'Clean the espresso machine',
			'Restock pastries',
			'Fridge temperature log',
		]);
		expect(
			live(shift.id)
				.slice(0, 3)
				.map((task) => task.id),
		).toEqual(tasks.slice(0, 3).map((task) => task.id));
		const [put] = fake.requestsTo(`PUT ${API}/shifts/:shiftId/tasks`);
		expect((put.body as { tasks: IDataObject[] }).tasks[3]).toEqual({
			taskId: masters[3].id,
			name: 'Fridge temperature log',
			description: '',
			type: 1,
		});
		expect(items[0].json).toMatchObject({
			taskId: masters[3].id,
			shiftId: shift.id,
			type: 1,
			options: null,
		});
		expect(items[0].json.id).toBe(live(shift.id)[3].id);
	});

	it('Add of a time-boxed task sends its start and due time in UTC (n8n dates in the workflow time zone)', async () => {
		const { shift, masters } = seed();
		engine.timezone = 'America/New_York';

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'add',
			shiftId: byId(String(shift.id)),
			masterTaskId: byId(masters[0].id),
			type: 'timeBoxed',
			startTime: '2026-11-23T08:00:00',
			dueTime: '2026-11-23T08:15:00',
			additionalFields: { name: 'Count the float again', description: 'Second count' },
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			name: 'Count the float again',
			type: 2,
			options: { startTime: '2026-11-23T13:00:00+00:00', dueTime: '2026-11-23T13:15:00+00:00' },
		});
		expect(live(shift.id)).toHaveLength(4);
	});

	it('three items for the same shift cost exactly one read and one write, each item gets its own output in order', async () => {
		const { shift, other, tasks } = seed();

		const { items, error } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'update',
				shiftId: byId('={{$json.shift}}'),
				shiftTaskId: byId('={{$json.task}}'),
				updateFields: { description: '={{$json.note}}' },
			},
			[
				{ shift: shift.id, task: tasks[0].id, note: 'one' },
				{ shift: other.id, task: tasks[3].id, note: 'kitchen' },
				{ shift: shift.id, task: tasks[1].id, note: 'two' },
				{ shift: shift.id, task: tasks[2].id, note: 'three' },
			],
		);

		expect(error).toBeUndefined();
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 1 });
		expect(fake.shiftTaskCalls(other.id)).toEqual({ reads: 1, writes: 1 });
		expect(live(shift.id).map((task) => task.description)).toEqual(['one', 'two', 'three']);
		expect(live(other.id).map((task) => task.description)).toEqual(['kitchen']);
		expect(items.map((item) => [item.json.description, item.pairedItem])).toEqual([
			['one', { item: 0 }],
			['kitchen', { item: 1 }],
			['two', { item: 2 }],
			['three', { item: 3 }],
		]);
	});

	it('three Adds to one shift: one read, one write, three new tasks, the old three kept', async () => {
		const { shift, masters } = seed();

		const { items } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'add',
				shiftId: byId(String(shift.id)),
				masterTaskId: byId(masters[3].id),
				type: 'regular',
				additionalFields: { name: '={{$json.name}}' },
			},
			[{ name: 'Check fridge A' }, { name: 'Check fridge B' }, { name: 'Check fridge C' }],
		);

		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 1 });
		expect(live(shift.id)).toHaveLength(6);
		expect(items.map((item) => item.json.name)).toEqual([
			'Check fridge A',
			'Check fridge B',
			'Check fridge C',
		]);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(3);
	});

	it('a time-boxed Add without a due time is refused before any request, naming the field', async () => {
		const { shift, masters } = seed();

		// Mapped from the input, so n8n's own editor checks let it through to the node's.
		const { error } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'add',
				shiftId: byId(String(shift.id)),
				masterTaskId: byId(masters[0].id),
				type: 'timeBoxed',
				startTime: '2026-11-23T08:00:00Z',
				dueTime: '={{$json.due}}',
				additionalFields: { name: 'X' },
			},
			[{ due: '' }],
		);

		expect(error?.message).toBe('"Due Time" is required');
		expect(error?.description).toContain('Nothing was sent');
		expect(fake.requests).toHaveLength(0);
	});

	it.each([
		[
			'a due time before the start',
			{
				type: 'timeBoxed',
				startTime: '2026-11-23T09:00:00Z',
				dueTime: '2026-11-23T08:00:00Z',
				additionalFields: { name: 'X' },
			},
			'"Due Time" (2026-11-23T08:00:00+00:00) must be after "Start Time" (2026-11-23T09:00:00+00:00)',
		],
		[
			'a master task given by ID without a name',
			{ type: 'regular' },
			'"Name" is required when the master task is given by ID',
		],
		[
			'a master task ID that is not a ULID',
			{ masterTaskId: byId('={{"42"}}'), type: 'regular', additionalFields: { name: 'X' } },
			'"Master Task" must be a 26-character ULID (got "42")',
		],
	])('Add with %s is refused before any request', async (_case, parameters, message) => {
		const { shift, masters } = seed();
		const { error } = await humanity({
			resource: 'shiftTask',
			operation: 'add',
			shiftId: byId(String(shift.id)),
			masterTaskId: byId(masters[0].id),
			...parameters,
		});
		expect(error?.message).toBe(message);
		expect(fake.requests).toHaveLength(0);
	});

	it('one bad item among three: the whole run is refused before any request (without Continue On Fail)', async () => {
		const { shift, tasks } = seed();
		const { error } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'update',
				shiftId: byId(String(shift.id)),
				shiftTaskId: byId('={{$json.task}}'),
				updateFields: { name: 'Renamed' },
			},
			[{ task: tasks[0].id }, { task: 'nope' }, { task: tasks[2].id }],
		);
		expect(error?.message).toBe('"Shift Task" must be a 26-character ULID (got "nope")');
		expect(fake.requests).toHaveLength(0);
	});

	it('Update with no field, or with times on a regular-typed update, is refused before any request', async () => {
		const { shift, tasks } = seed();
		const base = {
			resource: 'shiftTask',
			operation: 'update',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[0].id),
		};
		expect((await humanity({ ...base, updateFields: {} })).error?.message).toBe(
			'Add at least one field under "Update Fields"',
		);
		expect(
			(
				await humanity({
					...base,
					updateFields: { type: 'timeBoxed', startTime: '2026-11-23T08:00:00Z' },
				})
			).error?.message,
		).toBe('"Due Time" is required for a time-boxed task');
		expect(
			(
				await humanity({
					...base,
					updateFields: { type: 'regular', dueTime: '2026-11-23T08:00:00Z' },
				})
			).error?.message,
		).toContain('A regular task has no start or due time');
		expect(fake.requests).toHaveLength(0);
	});

	it('Update can turn a regular task into a time-boxed one and back, keeping the others', async () => {
		const { shift, tasks } = seed();
		const base = {
			resource: 'shiftTask',
			operation: 'update',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[0].id),
		};
		await humanity({
			...base,
			updateFields: {
				type: 'timeBoxed',
				startTime: '2026-11-23T12:00:00Z',
				dueTime: '2026-11-23T12:20:00Z',
			},
		});
		expect(live(shift.id)[0]).toMatchObject({
			type: 2,
			options: { startTime: '2026-11-23T12:00:00+00:00', dueTime: '2026-11-23T12:20:00+00:00' },
		});
		await humanity({ ...base, updateFields: { dueTime: '2026-11-23T12:45:00Z' } });
		expect(live(shift.id)[0].options).toEqual({
			startTime: '2026-11-23T12:00:00+00:00',
			dueTime: '2026-11-23T12:45:00+00:00',
		});
		await humanity({ ...base, updateFields: { type: 'regular' } });
		expect(live(shift.id)[0]).toMatchObject({ type: 1, options: null });
		expect(live(shift.id)).toHaveLength(3);
	});

	it('times on a task that is regular at Humanity fail that item only, after the read and before any write', async () => {
		const { shift, tasks } = seed();
		const { items, error } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'update',
				shiftId: byId(String(shift.id)),
				shiftTaskId: byId(tasks[0].id),
				updateFields: { startTime: '2026-11-23T12:00:00Z' },
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items[0].json.error).toContain('is a regular task: set "Type" to Time-Boxed');
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 0 });
	});

	it('Continue On Fail: a task not on the shift fails its item; the others of the shift are still written once', async () => {
		const { shift, tasks, other } = seed();
		const { items, error } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'remove',
				shiftId: byId(String(shift.id)),
				shiftTaskId: byId('={{$json.task}}'),
			},
			[{ task: tasks[0].id }, { task: tasks[3].id }, { task: 'bad-id' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.error ?? item.json.removed)).toEqual([
			true,
			`Shift task ${tasks[3].id} is not on shift ${shift.id}`,
			'"Shift Task" must be a 26-character ULID (got "bad-id")',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(live(shift.id).map((task) => task.id)).toEqual([tasks[1].id, tasks[2].id]);
		expect(live(other.id)).toHaveLength(1);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 1 });
	});

	it("a read whose records lack shiftId still counts them as the shift's tasks, so none is dropped from the write", async () => {
		const { shift, tasks } = seed();
		const bare = tasks.slice(0, 3).map((task) => {
			const view = fake.shiftTaskView(task);
			delete view.shiftId;
			return view;
		});
		fake.server.fault({
			method: 'GET',
			path: `${API}/shifts/${shift.id}/tasks`,
			fault: { status: 200, body: { status: 1, data: bare, metadata: [], error: null } },
		});
		const { error } = await humanity({
			resource: 'shiftTask',
			operation: 'remove',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[0].id),
		});
		expect(error).toBeUndefined();
		expect(live(shift.id).map((task) => task.id)).toEqual([tasks[1].id, tasks[2].id]);
	});

	it('without Continue On Fail, a task not on the shift stops the run before the shift is written', async () => {
		const { shift, tasks } = seed();
		const { error } = await humanity({
			resource: 'shiftTask',
			operation: 'remove',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[3].id),
		});
		expect(error?.message).toBe(`Shift task ${tasks[3].id} is not on shift ${shift.id}`);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 0 });
		expect(live(shift.id)).toHaveLength(3);
	});

	it('the error output gets the failed items, the main output the others', async () => {
		const { shift, tasks } = seed();
		const { items, errorItems } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'remove',
				shiftId: byId(String(shift.id)),
				shiftTaskId: byId('={{$json.task}}'),
			},
			[{ task: tasks[0].id }, { task: 'bad-id' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(items.map((item) => item.json.id)).toEqual([tasks[0].id]);
		expect(errorItems.map((item) => item.json.error)).toEqual([
			'"Shift Task" must be a 26-character ULID (got "bad-id")',
		]);
	});

	it('an answer missing a task that should remain fails loudly, naming it, for every item of the shift', async () => {
		const { shift, tasks } = seed();
		// A Humanity that answers the PUT without the second task.
		fake.server.fault({
			method: 'PUT',
			path: `${API}/shifts/${shift.id}/tasks`,
			fault: {
				status: 200,
				body: {
					status: 1,
					data: [
						fake.shiftTaskView(tasks[0]),
						{ ...fake.shiftTaskView(tasks[2]), name: 'Renamed' },
					],
					metadata: [],
					error: null,
				},
			},
		});
		const { items } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'update',
				shiftId: byId(String(shift.id)),
				shiftTaskId: byId('={{$json.task}}'),
				updateFields: { name: 'Renamed' },
			},
			[{ task: tasks[0].id }, { task: tasks[2].id }],
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item.json.error).toBe(
				`Humanity: the task list of shift ${shift.id} came back wrong: it lost "Clean the espresso machine" (${tasks[1].id}); did not take the change to "Renamed" (${tasks[0].id})`,
			);
		}
	});

	it("a failed PUT fails every item of that shift with Humanity's message; the other shift goes ahead", async () => {
		const { shift, other, tasks } = seed();
		fake.answerCodeNext(13, 1, {
			method: 'PUT',
			path: `${API}/shifts/${shift.id}/tasks`,
			detail: 'shift is locked',
		});
		const { items } = await humanity(
			{
				resource: 'shiftTask',
				operation: 'update',
				shiftId: byId('={{$json.shift}}'),
				shiftTaskId: byId('={{$json.task}}'),
				updateFields: { name: 'X' },
			},
			[
				{ shift: shift.id, task: tasks[0].id },
				{ shift: other.id, task: tasks[3].id },
				{ shift: shift.id, task: tasks[1].id },
			],
			{ continueOnFail: true },
		);
		expect(items.map((item) => item.json.error ?? item.json.name)).toEqual([
			'Humanity: Update Failed - Your UPDATE request failed: shift is locked (code 13)',
			'X',
			'Humanity: Update Failed - Your UPDATE request failed: shift is locked (code 13)',
		]);
		expect(live(shift.id).map((task) => task.name)).toEqual([
			'Open the register',
			'Clean the espresso machine',
			'Restock pastries',
		]);
	});

	it('Set All replaces the list with exactly the tasks given, keeping a named one in place', async () => {
		const { shift, tasks, masters } = seed();
		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'setAll',
			shiftId: byId(String(shift.id)),
			tasks: {
				task: [
					{
						masterTaskId: masters[1].id,
						name: 'Clean the espresso machine',
						type: 'regular',
						shiftTaskId: tasks[1].id,
					},
					{
						masterTaskId: masters[3].id,
						name: 'Fridge log',
						type: 'timeBoxed',
						startTime: '2026-11-23T12:00:00Z',
						dueTime: '2026-11-23T12:30:00Z',
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(live(shift.id).map((task) => task.name)).toEqual([
			'Clean the espresso machine',
			'Fridge log',
		]);
		expect(live(shift.id)[0].id).toBe(tasks[1].id);
		expect(items.map((item) => item.json.name)).toEqual([
			'Clean the espresso machine',
			'Fridge log',
		]);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 0, writes: 1 });
	});

	it('Set All with an empty list, or a time-boxed task without times, is refused before any request', async () => {
		const { shift, masters } = seed();
		const base = { resource: 'shiftTask', operation: 'setAll', shiftId: byId(String(shift.id)) };
		expect((await humanity({ ...base, tasks: {} })).error?.message).toContain('"Tasks" is empty');
		expect(
			(
				await humanity({
					...base,
					tasks: { task: [{ masterTaskId: masters[0].id, name: 'A', type: 'timeBoxed' }] },
				})
			).error?.message,
		).toBe('"Tasks 1: Start Time" is required for a time-boxed task');
		expect(fake.requests).toHaveLength(0);
	});

	it('Get Many lists the tasks of several shifts in one call', async () => {
		const { shift, other } = seed();
		const { items } = await humanity({
			resource: 'shiftTask',
			operation: 'getMany',
			shiftIds: `${shift.id}, ${other.id}`,
			returnAll: true,
		});
		expect(items).toHaveLength(4);
		expect(apiCalls().map((request) => request.path)).toEqual([
			`${API}/shifts/${shift.id},${other.id}/tasks`,
		]);
		const limited = await humanity({
			resource: 'shiftTask',
			operation: 'getMany',
			shiftIds: String(shift.id),
			returnAll: false,
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
		expect(
			(await humanity({ resource: 'shiftTask', operation: 'getMany', shiftIds: 'abc' })).error
				?.message,
		).toBe('"Shift IDs" must hold shift IDs, whole numbers (got "abc")');
	});
});

describe('shift task: a write whose outcome is unknown is checked against the shift before it is sent again', () => {
	quickRetries();
	const SHIFT_TASKS = `${API}/shifts/:shiftId/tasks`;
	const unavailable = {
		status: 503,
		body: {
			status: 99,
			data: null,
			metadata: [],
			token: null,
			error: 'Service temporarily unavailable',
		},
	};
	const sentIds = (index: number) =>
		(fake.requestsTo(`PUT ${SHIFT_TASKS}`)[index].body as { tasks: IDataObject[] }).tasks.map(
			(entry) => entry.id,
		);

	it("Update after a 503, while a manager adds a task: the list is read again and the manager's task is kept", async () => {
		const { shift, tasks, masters } = seed();
		let managers: HumanityShiftTask | undefined;
		fake.server.fault({
			method: 'PUT',
			path: `${API}/shifts/${shift.id}/tasks`,
			fault: {
				...unavailable,
				meanwhile: () =>
					(managers = fake.addShiftTask({
						shiftId: shift.id,
						taskId: masters[3].id,
						name: 'Fridge temperature log',
					})),
			},
		});

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'update',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[2].id),
			updateFields: { name: 'Restock muffins' },
		});

		expect(error).toBeUndefined();
		expect(live(shift.id).map((task) => [task.id, task.name])).toEqual([
			[tasks[0].id, 'Open the register'],
			[tasks[1].id, 'Clean the espresso machine'],
			[tasks[2].id, 'Restock muffins'],
			[managers!.id, 'Fridge temperature log'],
		]);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 2, writes: 2 });
		expect(sentIds(1)).toEqual([tasks[0].id, tasks[1].id, tasks[2].id, managers!.id]);
		expect(items.map((item) => [item.json.id, item.json.name])).toEqual([
			[tasks[2].id, 'Restock muffins'],
		]);
	});

	it('Add whose answer is lost after Humanity made the task: read back, found, not sent again; the output is that task', async () => {
		const { shift, tasks, masters } = seed();
		fake.server.fault({
			method: 'PUT',
			path: `${API}/shifts/${shift.id}/tasks`,
			fault: { dropAfterHandling: true },
		});

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'add',
			shiftId: byId(String(shift.id)),
			masterTaskId: byId(masters[3].id),
			type: 'regular',
			additionalFields: { name: 'Fridge temperature log' },
		});

		expect(error).toBeUndefined();
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 2, writes: 1 });
		const now = live(shift.id);
		expect(now.map((task) => task.id).slice(0, 3)).toEqual(
			tasks.slice(0, 3).map((task) => task.id),
		);
		expect(now).toHaveLength(4);
		expect(items.map((item) => [item.json.id, item.json.name])).toEqual([
			[now[3].id, 'Fridge temperature log'],
		]);
		// Humanity keeps deleted tasks: none was made and deleted again.
		expect([...fake.shiftTasks.values()].filter((task) => task.deletedAt !== null)).toEqual([]);
	});

	it('Update after a 503, when a colleague removed that task meanwhile: the item fails naming it, and nothing is sent again', async () => {
		const { shift, tasks } = seed();
		fake.server.fault({
			method: 'PUT',
			path: `${API}/shifts/${shift.id}/tasks`,
			fault: {
				...unavailable,
				meanwhile: () =>
					(fake.shiftTasks.get(tasks[0].id)!.deletedAt = '2026-11-23T08:00:00+00:00'),
			},
		});

		const { error } = await humanity({
			resource: 'shiftTask',
			operation: 'update',
			shiftId: byId(String(shift.id)),
			shiftTaskId: byId(tasks[0].id),
			updateFields: { name: 'Count the float' },
		});

		expect(error?.message).toBe(`Shift task ${tasks[0].id} is not on shift ${shift.id}`);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 2, writes: 1 });
		expect(live(shift.id).map((task) => task.id)).toEqual([tasks[1].id, tasks[2].id]);
	});

	it('Set All whose answer is lost: read back, it holds the list, so its new task is not made twice', async () => {
		const { shift, tasks, masters } = seed();
		fake.server.fault({
			method: 'PUT',
			path: `${API}/shifts/${shift.id}/tasks`,
			fault: { dropAfterHandling: true },
		});
		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'setAll',
			shiftId: byId(String(shift.id)),
			tasks: {
				task: [
					{
						masterTaskId: masters[1].id,
						name: 'Clean the espresso machine',
						type: 'regular',
						shiftTaskId: tasks[1].id,
					},
					{ masterTaskId: masters[3].id, name: 'Fridge log', type: 'regular' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 1 });
		expect(items.map((item) => item.json.id)).toEqual(live(shift.id).map((task) => task.id));
		expect([...fake.shiftTasks.values()].filter((task) => task.name === 'Fridge log')).toHaveLength(
			1,
		);
	});

	it('Set All after a 503 that changed nothing: read back, not there, the same list sent once more', async () => {
		const { shift, tasks, masters } = seed();
		fake.server.fault({
			method: 'PUT',
			path: `${API}/shifts/${shift.id}/tasks`,
			fault: unavailable,
		});
		const { error } = await humanity({
			resource: 'shiftTask',
			operation: 'setAll',
			shiftId: byId(String(shift.id)),
			tasks: {
				task: [
					{
						masterTaskId: masters[1].id,
						name: 'Clean the espresso machine',
						type: 'regular',
						shiftTaskId: tasks[1].id,
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 2 });
		expect(sentIds(1)).toEqual(sentIds(0));
		expect(live(shift.id).map((task) => task.id)).toEqual([tasks[1].id]);
	});
});

describe('token: reused until it expires, renewed once when refused', () => {
	it('gets one token by the password grant and reuses it across executions, as access_token', async () => {
		const { shift } = seed();
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		expect(fake.tokenGrants).toBe(1);
		expect(tokenRequests()[0].body).toMatchObject({
			grant_type: 'password',
			client_id: fake.options.appId,
			client_secret: fake.options.appSecret,
			username: fake.options.username,
			password: fake.options.password,
		});
		const stored = engine.credentials.data(credentialId);
		expect(apiCalls().every((request) => request.query.access_token === stored.accessToken)).toBe(
			true,
		);
		expect(Date.parse(String(stored.accessTokenExpiresAt))).toBeGreaterThan(Date.now());
	});

	it('an expired token (status 3 under HTTP 200) is renewed exactly once and the call succeeds', async () => {
		const { shift } = seed();
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		fake.expireAccessTokens();

		const { items, error } = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(shift.id);
		expect(fake.tokenGrants).toBe(2);
		expect(apiCalls()).toHaveLength(3);
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		expect(fake.tokenGrants).toBe(2);
	});

	it("a token that ran out on Humanity's clock (expires_in) is renewed once and the call succeeds", async () => {
		const { shift } = seed();
		const realClock = fake.options.clock;
		try {
			await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
			const later = Date.now() + (fake.options.accessTokenTtlSeconds + 60) * 1000;
			fake.options.clock = () => new Date(later);
			const { items, error } = await humanity({
				resource: 'shift',
				operation: 'get',
				shiftId: byId(String(shift.id)),
			});
			expect(error).toBeUndefined();
			expect(items[0].json.id).toBe(shift.id);
			expect(fake.tokenGrants).toBe(2);
			expect(tokenRequests()).toHaveLength(2);
		} finally {
			fake.options.clock = realClock;
		}
	});

	it('a token refused again after renewal is an error after exactly one renewal', async () => {
		const { shift } = seed();
		fake.answerCodeNext(3, 5);
		const { error } = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		expect(error?.message).toBe('Humanity: Invalid token key - Please re-authenticate (code 3)');
		expect(fake.tokenGrants).toBe(2);
		expect(apiCalls()).toHaveLength(2);
	});

	it('a token past its expiry time is renewed before use, not sent to be refused', async () => {
		const { shift } = seed();
		const oldToken = fake.issueAccessToken();
		engine.credentials.update(credentialId, {
			...engine.credentials.data(credentialId),
			accessToken: oldToken,
			accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString(),
		});
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		expect(fake.tokenGrants).toBe(1);
		expect(apiCalls()).toHaveLength(1);
		expect(apiCalls()[0].query.access_token).not.toBe(oldToken);
	});

	it("a wrong password stops the node with Humanity's reason, without the password or app secret", async () => {
		const { shift } = seed();
		engine.credentials.update(credentialId, {
			...engine.credentials.data(credentialId),
			password: 'Wrong-Pass-4471',
		});
		const { error, run } = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		expect(error?.message).toBe(
			'Humanity: Humanity sign-in failed (HTTP 401): Invalid username and password combination',
		);
		expect(apiCalls()).toHaveLength(0);
		const text = JSON.stringify(run.data.resultData);
		for (const secret of ['Wrong-Pass-4471', fake.options.appSecret])
			expect(text).not.toContain(secret);
	});

	it('no secret (app secret, password, token) appears in output or errors', async () => {
		const { shift } = seed();
		fake.answerCodeNext(20, 1, { detail: 'not yours' });
		const failed = await humanity(
			{ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) },
			[{}],
			{ continueOnFail: true },
		);
		const ok = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		const token = String(engine.credentials.data(credentialId).accessToken);
		const text = JSON.stringify([failed.items, ok.items, failed.run.data.resultData]);
		expect(failed.items[0].json.error).toBe(
			"Humanity: Incorrect Permissions - You don't have the proper permissions to access this: not yours (code 20)",
		);
		for (const secret of [token, fake.options.appSecret, fake.options.password])
			expect(text).not.toContain(secret);
	});
});

describe('the envelope', () => {
	it("any status other than 1 is an error with the vendor's code and message, under HTTP 200", async () => {
		const { shift } = seed();
		fake.answerCodeNext(15, 1, { detail: 'database busy' });
		const { error } = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		expect(error?.message).toBe(
			'Humanity: Get Failed - Your GET request failed: database busy (code 15)',
		);
		expect(error?.httpCode).toBe('200');
	});

	it('code 91 (throttled) waits and retries, then succeeds', async () => {
		const { shift } = seed();
		fake.throttleNext(1);
		const { items, error } = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(shift.id);
		expect(apiCalls()).toHaveLength(2);
	});
});

describe('errors carrying HTTP statuses (errorHttpStatus by-code)', () => {
	const byCode = new HumanityFake({ errorHttpStatus: 'by-code' });
	serveFake(byCode);

	const main = fake;
	afterEach(() => {
		fake = main;
	});

	it('a 401 with status 3 renews once; a 403 keeps the vendor message and HTTP status', async () => {
		fake = byCode;
		byCode.reset();
		const { shift } = seed();
		const id = engine.credentials.add('humanityApi', {
			...byCode.credentialData(),
			accessToken: '',
			accessTokenExpiresAt: '',
		}).id!;
		const run = (parameters: IDataObject) =>
			runNode(engine, {
				type: 'humanity',
				credentialType: 'humanityApi',
				credentialId: id,
				parameters,
			});
		await run({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		byCode.expireAccessTokens();
		expect(
			(await run({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) })).error,
		).toBeUndefined();
		expect(byCode.tokenGrants).toBe(2);

		byCode.answerCodeNext(20, 1);
		const { error } = await run({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		expect(error?.message).toBe(
			"Humanity: Incorrect Permissions - You don't have the proper permissions to access this (code 20)",
		);
		expect(error?.httpCode).toBe('403');
	});
});

describe('shift', () => {
	it('Get Many sends the days in the vendor format, mode overview by default, and returns every shift of the range', async () => {
		const { shift, other } = seed();
		engine.timezone = 'America/New_York';
		const { items, error } = await humanity({
			resource: 'shift',
			operation: 'getMany',
			startDate: '2026-11-23T00:00:00',
			endDate: '2026-11-24T00:00:00',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(apiCalls()[0].query).toMatchObject({
			start_date: '2026-11-23',
			end_date: '2026-11-24',
			mode: 'overview',
		});
		expect(items.map((item) => item.json.id)).toEqual([shift.id, other.id]);
	});

	it('Get Many filters by position, and Limit cuts the list', async () => {
		const { shift, positionId } = seed();
		const filtered = await humanity({
			resource: 'shift',
			operation: 'getMany',
			startDate: '2026-11-20',
			endDate: '2026-11-30',
			returnAll: true,
			filters: { schedule: [positionId] },
		});
		expect(filtered.items.map((item) => item.json.id)).toEqual([shift.id]);
		expect(apiCalls()[0].query.schedule).toBe(String(positionId));
		const limited = await humanity({
			resource: 'shift',
			operation: 'getMany',
			startDate: '2026-11-20',
			endDate: '2026-11-30',
			returnAll: false,
			limit: 1,
		});
		expect(limited.items).toHaveLength(1);
	});

	it('Get Many with the end before the start is refused before any request', async () => {
		seed();
		const { error } = await humanity({
			resource: 'shift',
			operation: 'getMany',
			startDate: '2026-11-24',
			endDate: '2026-11-23',
			returnAll: true,
		});
		expect(error?.message).toBe('"End Date" (2026-11-23) is before "Start Date" (2026-11-24)');
		expect(fake.requests).toHaveLength(0);
	});

	it("Get returns one shift; an unknown one is Humanity's error", async () => {
		const { shift } = seed();
		expect(
			(await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) }))
				.items[0].json,
		).toMatchObject({ id: shift.id, title: 'Morning bar' });
		expect(
			(await humanity({ resource: 'shift', operation: 'get', shiftId: byId('999999') })).error
				?.message,
		).toBe('Humanity: Get Failed - Your GET request failed: Shift 999999 not found (code 15)');
	});

	it("the shift picker lists the coming shifts; the task picker the picked shift's tasks", async () => {
		const { tasks, shift } = seed();
		// The picker's "today" is the workflow's: 23:00 of that day falls on that day or the next in the company's zone.
		const lateToday = DateTime.now()
			.setZone(engine.timezone)
			.set({ hour: 23, minute: 0, second: 0, millisecond: 0 });
		const soon = fake.addShift({
			start: lateToday.toISO()!,
			end: lateToday.plus({ minutes: 30 }).toISO()!,
			positionId: shift.positionId,
			title: 'Late check',
		});
		const spec = {
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId,
			parameters: { resource: 'shiftTask', operation: 'update', shiftId: byId(String(shift.id)) },
		};
		const shifts = await searchList(engine, spec, 'searchShifts');
		expect(shifts.map((result) => result.value)).toContain(String(soon.id));
		expect(apiCalls()[0].query.mode).toBe('overview');
		const shiftTasks = await searchList(engine, spec, 'searchShiftTasks');
		expect(shiftTasks).toEqual(
			tasks.slice(0, 3).map((task) => ({ name: task.name, value: task.id })),
		);
	});
});

describe('master task', () => {
	it('Get Many follows the cursor for Return All, and stops at the Limit', async () => {
		useFakeLimits();
		const { masters } = seed();
		const all = await humanity({ resource: 'masterTask', operation: 'getMany', returnAll: true });
		expect(all.items.map((item) => item.json.id)).toEqual(masters.map((task) => task.id));
		expect(apiCalls().length).toBe(2);
		expect(apiCalls()[1].query.cursor).toBeTruthy();
		fake.server.clearRequests();
		const some = await humanity({
			resource: 'masterTask',
			operation: 'getMany',
			returnAll: false,
			limit: 3,
		});
		expect(some.items).toHaveLength(3);
	});

	it('Get Many searches with 3+ characters and refuses a shorter term before any request', async () => {
		const { masters } = seed();
		const found = await humanity({
			resource: 'masterTask',
			operation: 'getMany',
			returnAll: true,
			filters: { searchTerm: 'espresso' },
		});
		expect(found.items.map((item) => item.json.id)).toEqual([masters[1].id]);
		fake.server.clearRequests();
		const { error } = await humanity({
			resource: 'masterTask',
			operation: 'getMany',
			returnAll: true,
			filters: { searchTerm: 'es' },
		});
		expect(error?.message).toBe('"Search Term" needs at least 3 characters (got "es")');
		expect(fake.requests).toHaveLength(0);
	});

	it('Create sends name and positions; without positions it is refused before any request', async () => {
		const { positionId } = seed();
		const { items } = await humanity({
			resource: 'masterTask',
			operation: 'create',
			name: 'Wipe the tables',
			positionIds: [positionId],
			additionalFields: { description: 'Every hour', color: '#1565C0' },
		});
		expect(apiCalls()[0].body).toEqual({
			name: 'Wipe the tables',
			positionIds: [positionId],
			description: 'Every hour',
			color: '#1565C0',
		});
		expect(items[0].json).toMatchObject({ name: 'Wipe the tables', positionIds: [positionId] });
		fake.server.clearRequests();
		const { error } = await humanity({
			resource: 'masterTask',
			operation: 'create',
			name: 'X',
			positionIds: '={{[]}}',
		});
		expect(error?.message).toBe('"Position Names or IDs" needs at least one position');
		expect(fake.requests).toHaveLength(0);
	});

	it('Update PATCHes only the fields set', async () => {
		const { masters } = seed();
		const { items } = await humanity({
			resource: 'masterTask',
			operation: 'update',
			masterTaskId: byId(masters[0].id),
			updateFields: { favorite: true },
		});
		expect(apiCalls()[0]).toMatchObject({
			method: 'PATCH',
			path: `${API}/master-tasks/${masters[0].id}`,
			body: { favorite: true },
		});
		expect(items[0].json).toMatchObject({
			id: masters[0].id,
			name: 'Open the register',
			favorite: true,
		});
	});

	it('Delete deletes the named master task only; shift tasks made from it stay', async () => {
		const { masters, shift } = seed();
		const { items } = await humanity({
			resource: 'masterTask',
			operation: 'delete',
			masterTaskId: byId(masters[0].id),
		});
		expect(items[0].json).toMatchObject({ deleted: true, id: masters[0].id });
		expect(fake.masterTasks.get(masters[0].id)?.deletedAt).not.toBeNull();
		expect([...fake.masterTasks.values()].filter((task) => task.deletedAt === null)).toHaveLength(
			3,
		);
		expect(live(shift.id)).toHaveLength(3);
	});

	it('the master-task picker and dropdowns load from Humanity', async () => {
		const { masters } = seed();
		const spec = {
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId,
			parameters: { resource: 'shiftTask', operation: 'add' },
		};
		expect(
			(await searchList(engine, spec, 'searchMasterTasks', 'fridge')).map((result) => result.value),
		).toEqual([masters[3].id]);
		expect((await loadOptions(engine, spec, 'getPositions')).map((option) => option.name)).toEqual([
			'Barista',
			'Kitchen',
		]);
		expect(
			(await loadOptions(engine, spec, 'getMasterTasks')).map((option) => option.name),
		).toEqual([
			'Clean the espresso machine',
			'Fridge temperature log',
			'Open the register',
			'Restock pastries',
		]);
	});
});

describe('employee task', () => {
	it('Get Many lists the employee tasks of shifts; Start starts one; Complete completes it', async () => {
		const { shift } = seed();
		const { items } = await humanity({
			resource: 'employeeTask',
			operation: 'getMany',
			shiftIds: String(shift.id),
			returnAll: true,
		});
		expect(items).toHaveLength(3);
		const id = String(items[0].json.id);

		const started = await humanity({
			resource: 'employeeTask',
			operation: 'start',
			employeeTaskId: id,
		});
		expect(apiCalls().at(-1)).toMatchObject({
			method: 'POST',
			path: `${API}/employee-tasks/${id}/activity`,
			body: { status: 1 },
		});
		expect(started.items[0].json).toMatchObject({ id, activity: { status: 1 } });

		const done = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
		});
		expect(apiCalls().at(-1)).toMatchObject({ method: 'POST', body: { status: 2 } });
		expect(done.items[0].json).toMatchObject({ id, activity: { status: 2 } });

		const open = await humanity({
			resource: 'employeeTask',
			operation: 'getMany',
			shiftIds: String(shift.id),
			returnAll: true,
			filters: { status: 'open' },
		});
		expect(open.items).toHaveLength(2);
	});

	it('Complete with times records them (PUT); one time alone is refused before any request', async () => {
		const { shift } = seed();
		const { items } = await humanity({
			resource: 'employeeTask',
			operation: 'getMany',
			shiftIds: String(shift.id),
			returnAll: true,
		});
		const id = String(items[1].json.id);
		const done = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
			options: { startedAt: '2026-11-23T13:00:00Z', endedAt: '2026-11-23T13:20:00Z' },
		});
		expect(apiCalls().at(-1)).toMatchObject({
			method: 'PUT',
			body: { startedAt: '2026-11-23T13:00:00+00:00', endedAt: '2026-11-23T13:20:00+00:00' },
		});
		expect(done.items[0].json).toMatchObject({
			activity: { status: 2, startedAt: '2026-11-23T13:00:00+00:00' },
		});
		fake.server.clearRequests();
		const { error } = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
			options: { endedAt: '2026-11-23T13:20:00Z' },
		});
		expect(error?.message).toBe('"Started At" is required');
		expect(fake.requests).toHaveLength(0);
	});
});

/** Master-task pages of two, to make the cursor paging visible. */
function useFakeLimits() {
	fake.options.masterTaskMaxLimit = 2;
	fake.options.masterTaskDefaultLimit = 2;
}
afterEach(() => {
	fake.options.masterTaskMaxLimit = 100;
	fake.options.masterTaskDefaultLimit = 30;
});

describe('normalized output', () => {
	it('Shift Task Get Many with Output "Normalized Task": the shift as subject, a time-boxed task due at its due time', async () => {
		const { shift, tasks } = seed();

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'getMany',
			shiftIds: String(shift.id),
			returnAll: true,
			outputFormat: 'normalized',
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(
			tasks.slice(0, 3).map((task) =>
				expect.objectContaining({
					id: task.id,
					vendor: 'humanity',
					title: task.name,
					status: 'open',
					dueAt: task.type === 2 ? '2026-11-23T13:30:00Z' : null,
					subject: { type: 'shift', id: String(shift.id) },
					reference: `[taskbridge:humanity:${task.id}]`,
					raw: expect.objectContaining({ id: task.id, shiftId: shift.id }),
				}),
			),
		);
	});

	it('Employee Task Complete: done, completed when it ended; Get Many names the employee and the shift', async () => {
		const { shift } = seed();
		const listed = await humanity({
			resource: 'employeeTask',
			operation: 'getMany',
			shiftIds: String(shift.id),
			returnAll: true,
		});
		const { id, employeeId } = listed.items[0].json;

		const done = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
			options: { startedAt: '2026-11-23T13:00:00Z', endedAt: '2026-11-23T13:20:00Z' },
			outputFormat: 'normalized',
		});

		// Humanity answers the activity alone, so who and which shift come from a read.
		expect(done.items[0].json).toMatchObject({
			id,
			vendor: 'humanity',
			status: 'done',
			completedAt: '2026-11-23T13:20:00Z',
		});
		const after = await humanity({
			resource: 'employeeTask',
			operation: 'getMany',
			shiftIds: String(shift.id),
			returnAll: true,
			outputFormat: 'normalized',
		});
		expect(after.items.find((item) => item.json.id === id)?.json).toMatchObject({
			status: 'done',
			completedAt: '2026-11-23T13:20:00Z',
			assignees: [{ id: String(employeeId) }],
			subject: { type: 'shift', id: String(shift.id) },
		});
	});
});
