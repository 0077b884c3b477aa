/**
 * Shift tasks: Humanity's PUT replaces a shift's whole task list, so every write reads the list, changes what was
 * asked and sends it all back (Update, Add, Remove, Set All); Get Many; bad input refused before any request;
 * the normalized output. Failures and retries of these writes are in errors.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	API,
	apiCalls,
	byId,
	engine,
	fake,
	fromList,
	humanity,
	live,
	seed,
	useHumanity,
} from './setup';

useHumanity();

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

	it('Add puts a regular task at the end and keeps the three others; the name defaults to the picked master task; no description is left out, not sent empty', async () => {
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
		const sent = (put.body as { tasks: IDataObject[] }).tasks;
		// The new task: no description given, so none sent. The kept ones re-send theirs, even an empty one
		// (the sheet: whether an entry without description clears it is undocumented).
		expect(sent[3]).toEqual({ taskId: masters[3].id, name: 'Fridge temperature log', type: 1 });
		expect(sent.slice(0, 3).map((entry) => entry.description)).toEqual(
			tasks.slice(0, 3).map((task) => task.description),
		);
		expect(items[0].json).toMatchObject({
			taskId: masters[3].id,
			shiftId: shift.id,
			type: 1,
			options: null,
		});
		expect(items[0].json.id).toBe(live(shift.id)[3].id);
	});

	it('Add of a time-boxed task sends its start and due time in UTC with +00:00, as seed 004 writes them (n8n dates in the workflow time zone)', async () => {
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
		// What Humanity received, in the exact form seed 004 shows ("2025-10-04T07:00:00+00:00"), not the fake's echo.
		const [put] = fake.requestsTo(`PUT ${API}/shifts/:shiftId/tasks`);
		expect((put.body as { tasks: IDataObject[] }).tasks[3]).toEqual({
			taskId: masters[0].id,
			name: 'Count the float again',
			description: 'Second count',
			type: 2,
			options: { startTime: '2026-11-23T13:00:00+00:00', dueTime: '2026-11-23T13:15:00+00:00' },
		});
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
		// The list as sent: the kept task with its id and (empty) description, the new one without a description
		// field (left empty, so left out), its times as seed 004 writes them.
		const [put] = fake.requestsTo(`PUT ${API}/shifts/:shiftId/tasks`);
		expect((put.body as { tasks: IDataObject[] }).tasks).toEqual([
			{
				id: tasks[1].id,
				taskId: masters[1].id,
				name: 'Clean the espresso machine',
				description: '',
				type: 1,
			},
			{
				taskId: masters[3].id,
				name: 'Fridge log',
				type: 2,
				options: { startTime: '2026-11-23T12:00:00+00:00', dueTime: '2026-11-23T12:30:00+00:00' },
			},
		]);
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
			operation: 'getAll',
			shiftIds: `${shift.id}, ${other.id}`,
			returnAll: true,
		});
		expect(items).toHaveLength(4);
		expect(apiCalls().map((request) => request.path)).toEqual([
			`${API}/shifts/${shift.id},${other.id}/tasks`,
		]);
		const limited = await humanity({
			resource: 'shiftTask',
			operation: 'getAll',
			shiftIds: String(shift.id),
			returnAll: false,
			limit: 2,
		});
		expect(limited.items).toHaveLength(2);
		expect(
			(await humanity({ resource: 'shiftTask', operation: 'getAll', shiftIds: 'abc' })).error
				?.message,
		).toBe('"Shift IDs" must hold shift IDs, whole numbers (got "abc")');
	});
});

describe('normalized output', () => {
	it('Shift Task Get Many with Output "Normalized Task": the shift as subject, a time-boxed task due at its due time', async () => {
		const { shift, tasks } = seed();

		const { items, error } = await humanity({
			resource: 'shiftTask',
			operation: 'getAll',
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
});
