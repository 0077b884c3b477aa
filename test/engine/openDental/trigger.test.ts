import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import {
	OpenDentalFake,
	OPEN_DENTAL_API_PREFIX,
	type OpenDentalTask,
} from '../../fakes/openDental';
import { Engine, pollTrigger, runNode } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import { serveFake } from '../serveFake';

jest.setTimeout(30_000);

const fake = new OpenDentalFake({ throttle: null });
let engine: Engine;
let credentialId: string;
let staticData: IDataObject;
let list: number;
let user: number;

function poll(event: string, extra: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') {
	return pollTrigger(
		engine,
		{
			type: 'openDentalTrigger',
			credentialType: 'openDentalApi',
			credentialId,
			parameters: { event, ...extra },
		},
		staticData,
		mode,
	);
}
const taskNums = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => item.json.TaskNum);
const taskCalls = () =>
	fake.requests.filter((request) => request.path === `${OPEN_DENTAL_API_PREFIX}/tasks`);
const addTask = (partial: Partial<OpenDentalTask> = {}) =>
	fake.addTask({ TaskListNum: list, Descript: 'task', UserNum: user, ...partial });

/** Changes a task the way a user of the action node would, so the fake applies Open Dental's rules. */
async function act(parameters: IDataObject) {
	const { error } = await runNode(engine, {
		type: 'openDental',
		credentialType: 'openDentalApi',
		credentialId,
		parameters: { resource: 'task', ...parameters },
	});
	expect(error).toBeUndefined();
}

serveFake(fake);
beforeEach(() => {
	fake.reset();
	engine = new Engine();
	staticData = {};
	credentialId = engine.credentials.add('openDentalApi', {
		...fake.credentialData(),
		rateLimit: 'none',
	}).id!;
	list = fake.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
	user = fake.addUser({ UserName: 'Admin' }).UserNum;
});

describe('Open Dental Trigger', () => {
	it('every poll’s reads carry Content-Type application/json, which Open Dental requires of GETs too', async () => {
		addTask({ Descript: 'existing' });
		expect(await poll('taskCreated')).toBeNull();
		const created = addTask({ Descript: 'new' });
		expect(taskNums(await poll('taskCreated'))).toEqual([created.TaskNum]);

		expect(taskCalls()).toHaveLength(2);
		expectJsonHeadersOnEvery(fake.requests);
	});

	it('task created: the first poll is a baseline, then each new task is emitted exactly once', async () => {
		addTask({ Descript: 'existing' });
		expect(await poll('taskCreated')).toBeNull();

		const first = addTask({ Descript: 'first new' });
		const second = addTask({ Descript: 'second new' });
		const emitted = await poll('taskCreated');
		expect(taskNums(emitted)).toEqual([first.TaskNum, second.TaskNum]);
		expect(emitted![0].json.DateTimeOriginalIso).toBe(
			DateTime.fromFormat(first.DateTimeOriginal, 'yyyy-MM-dd HH:mm:ss', {
				zone: fake.options.officeTimeZone,
			}).toISO({ suppressMilliseconds: true }),
		);
		expect(await poll('taskCreated')).toBeNull();

		const third = addTask({ Descript: 'third new' });
		expect(taskNums(await poll('taskCreated'))).toEqual([third.TaskNum]);
	});

	it('asks only for tasks created within the look-back window, in the office’s local time', async () => {
		await poll('taskCreated');
		const [call] = taskCalls();
		const since = DateTime.fromFormat(call.query.DateTimeOriginal, 'yyyy-MM-dd HH:mm:ss', {
			zone: fake.options.officeTimeZone,
		});
		// 14 days on the office's calendar: across a daylight-saving change that is 14 × 24 hours ± 1.
		const expected = DateTime.now().setZone(fake.options.officeTimeZone).minus({ days: 14 });
		expect(Math.abs(since.toMillis() - expected.toMillis())).toBeLessThan(60_000);
	});

	it('follows Offset paging over more than 100 watched tasks', async () => {
		for (let i = 0; i < 150; i++) addTask({ Descript: `existing ${i}` });
		expect(await poll('taskCreated')).toBeNull();
		const added = addTask({ Descript: 'the new one' });

		expect(taskNums(await poll('taskCreated'))).toEqual([added.TaskNum]);
		expect(
			taskCalls()
				.slice(-2)
				.map((call) => [call.query.Offset, call.query.Limit]),
		).toEqual([
			['0', '100'],
			['100', '100'],
		]);
	});

	it('task completed: emitted when a task becomes Done, again after a reopening, reading only Done tasks', async () => {
		const task = addTask({ Descript: 'verify insurance' });
		expect(await poll('taskCompleted')).toBeNull();

		await act({ operation: 'markDone', taskNum: String(task.TaskNum) });
		const emitted = await poll('taskCompleted');
		expect(taskNums(emitted)).toEqual([task.TaskNum]);
		expect(emitted![0].json.TaskStatus).toBe('Done');
		expect(emitted![0].json.DateTimeFinishedIso).toEqual(
			expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/),
		);
		expect(await poll('taskCompleted')).toBeNull();

		await act({ operation: 'markNew', taskNum: String(task.TaskNum) });
		expect(await poll('taskCompleted')).toBeNull();
		await act({ operation: 'markDone', taskNum: String(task.TaskNum) });
		expect(taskNums(await poll('taskCompleted'))).toEqual([task.TaskNum]);
		expect(taskCalls().every((call) => call.query.TaskStatus === 'Done')).toBe(true);
	});

	// [inferred] whether leaving Done clears DateTimeFinished (reopenClearsFinished): the trigger must not rely on it.
	it.each([true, false])(
		'task completed, reopenClearsFinished %s: a task reopened and done again between two polls is emitted again, once',
		async (reopenClearsFinished) => {
			let at = Date.parse('2026-03-01T18:00:00.000Z');
			const other = new OpenDentalFake({
				throttle: null,
				reopenClearsFinished,
				clock: () => new Date(at),
			});
			await other.start();
			try {
				credentialId = engine.credentials.add('openDentalApi', {
					...other.credentialData(),
					rateLimit: 'none',
				}).id!;
				const otherList = other.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
				const otherUser = other.addUser({ UserName: 'Admin' }).UserNum;
				// Created "now" on the trigger's clock, so that it is inside the look-back window.
				const task = other.addTask({
					TaskListNum: otherList,
					Descript: 'verify insurance',
					UserNum: otherUser,
					DateTimeOriginal: DateTime.now()
						.setZone(other.options.officeTimeZone)
						.toFormat('yyyy-MM-dd HH:mm:ss'),
				});
				await act({ operation: 'markDone', taskNum: String(task.TaskNum) });
				expect(await poll('taskCompleted')).toBeNull();

				at += 60_000;
				await act({ operation: 'markNew', taskNum: String(task.TaskNum) });
				expect(other.tasks.get(task.TaskNum)!.DateTimeFinished === '0001-01-01 00:00:00').toBe(
					reopenClearsFinished,
				);
				at += 60_000;
				await act({ operation: 'markDone', taskNum: String(task.TaskNum) });

				expect(taskNums(await poll('taskCompleted'))).toEqual([task.TaskNum]);
				expect(await poll('taskCompleted')).toBeNull();
			} finally {
				await other.stop();
			}
		},
	);

	// [inferred] "created after" DateTimeOriginal, or at/after it: the trigger de-duplicates by TaskNum either way.
	it.each([false, true])(
		'task created, createdAfterInclusive %s: each new task once, none twice',
		async (createdAfterInclusive) => {
			const other = new OpenDentalFake({ throttle: null, createdAfterInclusive });
			await other.start();
			try {
				credentialId = engine.credentials.add('openDentalApi', {
					...other.credentialData(),
					rateLimit: 'none',
				}).id!;
				const otherList = other.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
				expect(await poll('taskCreated')).toBeNull();
				const first = other.addTask({ TaskListNum: otherList, Descript: 'a' });
				const second = other.addTask({ TaskListNum: otherList, Descript: 'b' });

				expect(taskNums(await poll('taskCreated'))).toEqual([first.TaskNum, second.TaskNum]);
				expect(await poll('taskCreated')).toBeNull();
			} finally {
				await other.stop();
			}
		},
	);

	it('task status changed: each change once, with the status it had before', async () => {
		const viewed = addTask({ Descript: 'to be viewed' });
		const done = addTask({ Descript: 'done, then edited', TaskStatus: 'Done' });
		addTask({ Descript: 'untouched' });
		expect(await poll('taskStatusChanged')).toBeNull();

		await act({ operation: 'markViewed', taskNum: String(viewed.TaskNum) });
		// Open Dental's own rule: a new description reopens a Done task as Viewed.
		await act({
			operation: 'update',
			taskNum: String(done.TaskNum),
			keepDoneStatus: false,
			updateFields: { descript: 'edited' },
		});
		const emitted = await poll('taskStatusChanged');

		expect(
			emitted!.map((item) => [
				item.json.TaskNum,
				item.json.previousTaskStatus,
				item.json.TaskStatus,
			]),
		).toEqual([
			[viewed.TaskNum, 'New', 'Viewed'],
			[done.TaskNum, 'Done', 'Viewed'],
		]);
		expect(await poll('taskStatusChanged')).toBeNull();
	});

	it('task status changed: a task created and finished between two polls counts; one still New does not', async () => {
		expect(await poll('taskStatusChanged')).toBeNull();
		const quick = addTask({ Descript: 'done at once' });
		addTask({ Descript: 'still new' });
		await act({ operation: 'markDone', taskNum: String(quick.TaskNum) });

		const emitted = await poll('taskStatusChanged');
		expect(emitted!.map((item) => [item.json.TaskNum, item.json.previousTaskStatus])).toEqual([
			[quick.TaskNum, 'New'],
		]);
	});

	it('filters by task list and by patient, sent to Open Dental', async () => {
		const other = fake.addTaskList({ Descript: 'Hygiene' }).TaskListNum;
		expect(
			await poll('taskCreated', {
				filters: {
					taskListNum: { __rl: true, mode: 'list', value: String(list) },
					objectType: 'Patient',
					keyNum: 73,
				},
			}),
		).toBeNull();
		const wanted = addTask({ ObjectType: 'Patient', KeyNum: 73 });
		addTask({ ObjectType: 'Patient', KeyNum: 74 });
		addTask({ TaskListNum: other, ObjectType: 'Patient', KeyNum: 73 });

		const emitted = await poll('taskCreated', {
			filters: {
				taskListNum: { __rl: true, mode: 'list', value: String(list) },
				objectType: 'Patient',
				keyNum: 73,
			},
		});
		expect(taskNums(emitted)).toEqual([wanted.TaskNum]);
		expect(taskCalls().at(-1)!.query).toMatchObject({
			TaskListNum: String(list),
			ObjectType: 'Patient',
			KeyNum: '73',
		});
	});

	it('refuses a patient or appointment number without "Attached To", before any request', async () => {
		await expect(poll('taskCreated', { filters: { keyNum: 73 } })).rejects.toThrow(
			'"Patient or Appointment Number" needs "Attached To"',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('does not watch tasks created before the window; widening it starts a new baseline instead of a flood', async () => {
		const old = addTask({
			Descript: 'from last month',
			DateTimeOriginal: fake.officeTime({ days: -20 }),
		});
		const older = addTask({
			Descript: 'from three weeks ago',
			DateTimeOriginal: fake.officeTime({ days: -21 }),
		});
		expect(await poll('taskCompleted')).toBeNull();
		await act({ operation: 'markDone', taskNum: String(old.TaskNum) });
		expect(await poll('taskCompleted')).toBeNull();

		// `old` is Done already: part of the new baseline, not emitted.
		expect(await poll('taskCompleted', { lookBackDays: 30 })).toBeNull();
		await act({ operation: 'markDone', taskNum: String(older.TaskNum) });
		expect(taskNums(await poll('taskCompleted', { lookBackDays: 30 }))).toEqual([older.TaskNum]);
	});

	it('remembers only the tasks inside the window', async () => {
		addTask({ Descript: 'old', DateTimeOriginal: fake.officeTime({ days: -20 }) });
		const recent = addTask({ Descript: 'recent' });
		await poll('taskCreated');
		const memory = Object.values(staticData)[0] as { seen: Record<string, string> };
		expect(Object.keys(memory.seen)).toEqual([String(recent.TaskNum)]);
	});

	it('manual run: the newest matching task, as a sample, without touching what the trigger remembers', async () => {
		addTask({ Descript: 'older', DateTimeOriginal: fake.officeTime({ hours: -3 }) });
		const newest = addTask({
			Descript: 'newest',
			DateTimeOriginal: fake.officeTime({ hours: -1 }),
		});

		const sample = await poll('taskCreated', {}, 'manual');
		expect(taskNums(sample)).toEqual([newest.TaskNum]);
		expect(sample![0].json.Descript).toBe('newest');
		expect(staticData).toEqual({});
	});

	it('a failed poll reports Open Dental’s explanation and keeps what the trigger remembers', async () => {
		addTask();
		await poll('taskCreated');
		const before = JSON.stringify(staticData);
		engine.credentials.update(credentialId, {
			...fake.credentialData(),
			rateLimit: 'none',
			customerApiKey: 'wrong',
		});

		await expect(poll('taskCreated')).rejects.toThrow(
			'Open Dental: Invalid DeveloperKey or CustomerKey.',
		);
		expect(JSON.stringify(staticData)).toBe(before);
	});
});

describe('Open Dental Trigger: normalized output', () => {
	it('task completed, Output "Normalized Task": the done task in the shared shape, naming the Oliver task it mirrors', async () => {
		const task = addTask({ Descript: 'Call owner [taskbridge:oliver:st_5]' });
		expect(await poll('taskCompleted', { outputFormat: 'normalized' })).toBeNull();
		await act({ operation: 'markDone', taskNum: String(task.TaskNum) });

		const items = await poll('taskCompleted', { outputFormat: 'normalized' });

		expect(items?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: String(task.TaskNum),
				vendor: 'openDental',
				status: 'done',
				links: { oliver: 'st_5' },
				completedAt: expect.stringMatching(/Z$/),
			}),
		]);
	});

	it('task status changed keeps previousTaskStatus beside the normalized task', async () => {
		const task = addTask();
		expect(await poll('taskStatusChanged', { outputFormat: 'normalized' })).toBeNull();
		await act({ operation: 'markViewed', taskNum: String(task.TaskNum) });

		const items = await poll('taskStatusChanged', { outputFormat: 'normalized' });

		expect(items?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: String(task.TaskNum),
				status: 'open',
				previousTaskStatus: 'New',
			}),
		]);
	});
});

describe('Open Dental Trigger on a Remote connection', () => {
	const remote = new OpenDentalFake({ customerKey: 'remote-trigger-key' });
	serveFake(remote);

	it('paces its page reads so the 1 request per second throttle never refuses one', async () => {
		remote.reset();
		const listNum = remote.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
		for (let i = 0; i < 250; i++) remote.addTask({ TaskListNum: listNum, Descript: `task ${i}` });
		credentialId = engine.credentials.add('openDentalApi', {
			...remote.credentialData(),
			rateLimit: 'perSecond',
		}).id!;

		await poll('taskCreated');

		const calls = remote.requests;
		expect(calls.map((call) => call.query.Offset)).toEqual(['0', '100', '200']);
		for (let i = 1; i < calls.length; i++)
			expect(calls[i].at - calls[i - 1].at).toBeGreaterThanOrEqual(1000);
	});
});
