/**
 * The Humanity Trigger through n8n-core's PollContext against the fake Humanity: a baseline on the first
 * poll, each change once, the window of days bounding what is read and remembered, a real sample on a
 * manual run, bad settings refused before any request.
 */
import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import {
	HumanityFake,
	HUMANITY_API_PREFIX,
	type HumanityShift,
	type HumanityShiftTask,
} from '../../fakes/humanity';
import { Engine, pollTrigger } from '../harness';
import { serveFake } from '../serveFake';

const fake = new HumanityFake();
let engine: Engine;
let credentialId: string;
let staticData: IDataObject;

/** What the trigger node keeps in the workflow's static data. */
const kept = () => (staticData['node:Trigger'] ?? {}) as IDataObject;
const apiCalls = () =>
	fake.requests.filter((request) => request.path.startsWith(HUMANITY_API_PREFIX));

function poll(parameters: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
	return pollTrigger(
		engine,
		{ type: 'humanityTrigger', credentialType: 'humanityApi', credentialId, parameters },
		staticData,
		mode,
	);
}

/** A day relative to today in the workflow's zone (the one the trigger's window is counted in), as `yyyy-MM-dd`. */
const day = (offset: number) =>
	DateTime.now().setZone(engine.timezone).plus({ days: offset }).toFormat('yyyy-MM-dd');

let positionId: number;
let masterId: string;
let employeeId: number;

function shiftOn(offset: number, title = `Shift ${offset}`): HumanityShift {
	return fake.addShift({
		start: `${day(offset)} 09:00`,
		end: `${day(offset)} 17:00`,
		positionId,
		employeeIds: [employeeId],
		title,
	});
}

function taskOn(shift: HumanityShift, name: string): HumanityShiftTask {
	return fake.addShiftTask({ shiftId: shift.id, taskId: masterId, name });
}

/** As an employee does in the app: their copy of a shift task, started and finished. */
function complete(shiftTask: HumanityShiftTask, endedAt = DateTime.utc().toISO()!) {
	const employeeTask = [...fake.employeeTasks.values()].find(
		(task) => task.shiftTaskId === shiftTask.id,
	)!;
	employeeTask.activity = {
		startedAt: endedAt,
		endedAt,
		startedBy: employeeId,
		endedBy: employeeId,
		status: 2,
	};
	return employeeTask;
}

/** As a manager does in the web app: the task is taken off the shift. */
function removeInApp(shiftTask: HumanityShiftTask) {
	fake.shiftTasks.get(shiftTask.id)!.deletedAt = DateTime.utc().toISO();
}

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
	staticData = {};
	const location = fake.addLocation({ name: 'Main Street Café' });
	positionId = fake.addPosition({ name: 'Barista', locationId: location.id }).id;
	employeeId = fake.addEmployee({
		firstname: 'Sam',
		lastname: 'Okafor',
		positionIds: [positionId],
	}).id;
	masterId = fake.addMasterTask({ name: 'Restock pastries', positionIds: [positionId] }).id;
});

describe('shift task added', () => {
	const settings = { event: 'shiftTaskAdded', daysBefore: 1, daysAfter: 7 };

	it('takes what exists as the baseline, then emits each added task once, with its shift', async () => {
		const today = shiftOn(0, 'Morning bar');
		taskOn(today, 'Open the register');
		expect(await poll(settings)).toBeNull();

		const added = taskOn(today, 'Restock pastries');
		const items = await poll(settings);
		expect(
			items?.map((item) => [item.json.id, item.json.name, (item.json.shift as IDataObject).title]),
		).toEqual([[added.id, 'Restock pastries', 'Morning bar']]);
		expect(await poll(settings)).toBeNull();
	});

	it('works the same when the shift object has ids as strings and no v1 position fields (shiftObject other)', async () => {
		fake.options.shiftObject = 'other';
		try {
			const today = shiftOn(0, 'Morning bar');
			taskOn(today, 'Open the register');
			expect(await poll(settings)).toBeNull();
			const added = taskOn(today, 'Restock pastries');
			const items = await poll(settings);
			expect(
				items?.map((item) => [
					item.json.id,
					item.json.shiftId,
					(item.json.shift as IDataObject).id,
				]),
			).toEqual([[added.id, today.id, String(today.id)]]);
			expect(apiCalls().at(-1)?.path).toBe(`${HUMANITY_API_PREFIX}/shifts/${today.id}/tasks`);
			expect(await poll(settings)).toBeNull();
		} finally {
			fake.options.shiftObject = 'v1';
		}
	});

	it("reads the window in two calls: the shifts (everyone's, mode overview), then their tasks together", async () => {
		const shifts = [shiftOn(-1), shiftOn(0), shiftOn(3)];
		shiftOn(9);
		await poll(settings);
		const [listShifts, listTasks, ...rest] = apiCalls();
		expect(rest).toEqual([]);
		expect(listShifts.query).toMatchObject({
			start_date: day(-1),
			end_date: day(7),
			mode: 'overview',
		});
		expect(listTasks.path).toBe(
			`${HUMANITY_API_PREFIX}/shifts/${shifts.map((shift) => shift.id).join(',')}/tasks`,
		);
	});

	it('counts a task on a shift made since the last poll, but not the tasks of a shift the window only now reaches', async () => {
		shiftOn(0);
		await poll(settings);
		const madeSince = shiftOn(2, 'New shift');
		const onNewShift = taskOn(madeSince, 'Fresh task');
		const items = await poll(settings);
		expect(items?.map((item) => item.json.id)).toEqual([onNewShift.id]);

		// A day later the window reaches one day further: as if the last poll's window had ended at +6.
		kept().to = day(6);
		const reachedNow = shiftOn(7, 'Reached now');
		taskOn(reachedNow, 'Planned long ago');
		const newInside = taskOn(shiftOn(5, 'Made since'), 'Fresh too');
		expect((await poll(settings))?.map((item) => item.json.id)).toEqual([newInside.id]);
	});

	it('starts a new baseline when the event or the window changes, instead of a flood', async () => {
		const shift = shiftOn(0);
		taskOn(shift, 'One');
		await poll(settings);
		taskOn(shift, 'Two');
		expect(await poll({ ...settings, daysAfter: 3 })).toBeNull();
		expect(await poll({ ...settings, daysAfter: 3 })).toBeNull();
	});
});

describe('shift task removed', () => {
	const settings = { event: 'shiftTaskRemoved', daysBefore: 1, daysAfter: 7 };

	it('emits a removed task once, as last seen, with its shift', async () => {
		const shift = shiftOn(1, 'Kitchen prep');
		const kept = taskOn(shift, 'Fridge log');
		const gone = taskOn(shift, 'Deep clean');
		await poll(settings);
		removeInApp(gone);
		const items = await poll(settings);
		expect(items?.map((item) => item.json)).toEqual([
			{
				id: gone.id,
				shiftId: shift.id,
				name: 'Deep clean',
				removed: true,
				shift: expect.objectContaining({ id: shift.id, title: 'Kitchen prep' }),
			},
		]);
		expect(await poll(settings)).toBeNull();
		expect(fake.liveShiftTasks(shift.id).map((task) => task.id)).toEqual([kept.id]);
	});

	it('does not call a task removed when its shift only left the window', async () => {
		const yesterday = shiftOn(-1);
		taskOn(yesterday, 'Yesterday task');
		await poll(settings);
		expect(await poll({ ...settings })).toBeNull();
		// The next day: yesterday's shift is now two days back, outside a one-day look-back.
		kept().shifts = { ...(kept().shifts as IDataObject), [String(yesterday.id)]: day(-2) };
		fake.shifts.delete(yesterday.id);
		expect(await poll(settings)).toBeNull();
	});
});

describe('employee task completed', () => {
	const settings = { event: 'employeeTaskCompleted', daysBefore: 1, daysAfter: 7 };

	it('emits a completion once, with the activity and the shift; a later completion of another copy too', async () => {
		const shift = shiftOn(0, 'Morning bar');
		const shiftTask = taskOn(shift, 'Open the register');
		await poll(settings);
		expect(await poll(settings)).toBeNull();

		const done = complete(shiftTask);
		const items = await poll(settings);
		expect(items?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: done.id,
				shiftTaskId: shiftTask.id,
				employeeId,
				activity: expect.objectContaining({ status: 2 }),
				shift: expect.objectContaining({ id: shift.id, title: 'Morning bar' }),
			}),
		]);
		expect(await poll(settings)).toBeNull();
		expect(apiCalls().filter((call) => call.path.endsWith('/employee-tasks'))).toHaveLength(4);
	});

	it('does not emit tasks completed before the baseline', async () => {
		const shift = shiftOn(0);
		complete(taskOn(shift, 'Done already'));
		expect(await poll(settings)).toBeNull();
		expect(await poll(settings)).toBeNull();
	});
});

describe('what a trigger remembers', () => {
	it("holds only the window's shifts and tasks, in a few kB for 300 tasks", async () => {
		const settings = { event: 'shiftTaskAdded', daysBefore: 0, daysAfter: 2 };
		for (let offset = 0; offset <= 2; offset++) {
			const shift = shiftOn(offset);
			for (let n = 0; n < 100; n++) taskOn(shift, `Task ${offset}-${n}`);
		}
		const outside = shiftOn(5);
		taskOn(outside, 'Outside the window');
		await poll(settings);
		expect(Object.keys(kept().seen as IDataObject)).toHaveLength(300);
		expect(Object.keys(kept().shifts as IDataObject)).not.toContain(String(outside.id));
		expect(JSON.stringify(staticData).length).toBeLessThan(16_000);
	});
});

describe('a manual run', () => {
	it('returns the newest real record and changes nothing', async () => {
		const shift = shiftOn(0, 'Morning bar');
		taskOn(shift, 'Older');
		const newer = taskOn(shift, 'Newer');
		const items = await poll({ event: 'shiftTaskAdded', daysBefore: 1, daysAfter: 7 }, 'manual');
		expect(items?.map((item) => [item.json.id, (item.json.shift as IDataObject).title])).toEqual([
			[newer.id, 'Morning bar'],
		]);
		expect(staticData).toEqual({});
	});

	it('returns the latest completion for Employee Task Completed, and nothing when there is none', async () => {
		const shift = shiftOn(0);
		const first = taskOn(shift, 'First');
		const second = taskOn(shift, 'Second');
		expect(
			await poll({ event: 'employeeTaskCompleted', daysBefore: 1, daysAfter: 7 }, 'manual'),
		).toBeNull();
		complete(first, DateTime.utc().minus({ hours: 2 }).toISO()!);
		const latest = complete(second, DateTime.utc().minus({ hours: 1 }).toISO()!);
		const items = await poll(
			{ event: 'employeeTaskCompleted', daysBefore: 1, daysAfter: 7 },
			'manual',
		);
		expect(items?.map((item) => item.json.id)).toEqual([latest.id]);
	});
});

describe('bad settings and Humanity errors', () => {
	it.each([
		[{ daysBefore: -1 }, 'Days Before Today'],
		[{ daysAfter: 40 }, 'Days After Today'],
		[{ daysAfter: 2.5 }, 'Days After Today'],
	])('refuses %j before any request, naming the field', async (change, label) => {
		await expect(
			poll({ event: 'shiftTaskAdded', daysBefore: 1, daysAfter: 7, ...change }),
		).rejects.toThrow(`"${label}" must be a whole number from 0 to 31`);
		expect(fake.requests).toEqual([]);
	});

	it("turns a failure envelope into an error with Humanity's code, and keeps the state as it was", async () => {
		shiftOn(0);
		await poll({ event: 'shiftTaskAdded', daysBefore: 1, daysAfter: 7 });
		const before = JSON.stringify(staticData);
		fake.answerCodeNext(20);
		await expect(poll({ event: 'shiftTaskAdded', daysBefore: 1, daysAfter: 7 })).rejects.toThrow(
			/Humanity: .*\(code 20\)/,
		);
		expect(JSON.stringify(staticData)).toBe(before);
	});
});

describe('normalized output', () => {
	it('employee task completed, Output "Normalized Task": done, with its shift as subject', async () => {
		const shift = shiftOn(0, 'Morning bar');
		const task = taskOn(shift, 'Restock pastries');
		const settings = {
			event: 'employeeTaskCompleted',
			daysBefore: 1,
			daysAfter: 7,
			outputFormat: 'normalized',
		};
		expect(await poll(settings)).toBeNull();

		// Finished an hour ago, on the second: a recent completion whatever day the test runs (it was a fixed 2026-11-23).
		const endedAt = DateTime.utc().minus({ hours: 1 }).startOf('second');
		const employeeTask = complete(task, endedAt.toISO()!);
		const items = await poll(settings);

		expect(items?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: employeeTask.id,
				vendor: 'humanity',
				status: 'done',
				completedAt: endedAt.toISO({ suppressMilliseconds: true }),
				assignees: [{ id: String(employeeId) }],
				subject: { type: 'shift', id: String(shift.id), name: 'Morning bar' },
			}),
		]);
	});
});
