/**
 * When Humanity says no: a failed or wrong answer to a shift's PUT, Continue On Fail and the error output, a write
 * whose outcome is unknown (checked against the shift before it is sent again), the envelope's status codes under
 * HTTP 200, and the same errors carrying HTTP statuses.
 */
import type { IDataObject } from 'n8n-workflow';
import { HumanityFake, type HumanityShiftTask } from '../../fakes/humanity';
import { runNode } from '../harness';
import { quickRetries } from '../quickRetries';
import { serveFake } from '../serveFake';
import {
	API,
	apiCalls,
	byId,
	engine,
	fake,
	humanity,
	live,
	seed,
	setFake,
	useHumanity,
} from './setup';

useHumanity();

describe('shift task: the PUT replaces the whole list, so the node never loses a task', () => {
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
		setFake(main);
	});

	it('a 401 with status 3 renews once; a 403 keeps the vendor message and HTTP status', async () => {
		setFake(byCode);
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

	it('an HTTP 429 (code 91) is sent again, then succeeds', async () => {
		setFake(byCode);
		byCode.reset();
		const { shift } = seed();
		const id = engine.credentials.add('humanityApi', {
			...byCode.credentialData(),
			accessToken: '',
			accessTokenExpiresAt: '',
		}).id!;
		byCode.throttleNext(1);
		const { items, error } = await runNode(engine, {
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId: id,
			parameters: { resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(shift.id);
		const calls = byCode.requests.filter((request) => request.path.startsWith(API));
		expect(calls).toHaveLength(2);
	});
});
