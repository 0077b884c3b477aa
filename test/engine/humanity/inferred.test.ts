/**
 * The node under each answer of the fake's `[inferred]` options (test/fakes/humanity/options.ts): what no Humanity
 * page settles must not decide whether the node keeps the user's data, sends the documented request, or tells
 * the truth about what happened. Each test runs once per answer.
 */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { defaultOptions, type HumanityFakeOptions } from '../../fakes/humanity/options';
import { loadOptions } from '../harness';
import {
	API,
	apiCalls,
	byId,
	credentialId,
	engine,
	fake,
	humanity,
	live,
	seed,
	tokenRequests,
	useHumanity,
} from './setup';

useHumanity();

/** Sets the fake's answers for this test; every option goes back to its default after it. */
function answering(options: HumanityFakeOptions): void {
	Object.assign(fake.options, options);
}
afterEach(() => {
	Object.assign(fake.options, defaultOptions());
});

const putBodies = () =>
	fake
		.requestsTo(`PUT ${API}/shifts/:shiftId/tasks`)
		.map((request) => (request.body as { tasks: IDataObject[] }).tasks);

const updateThird = (shiftId: number, taskId: string, name: string) =>
	humanity({
		resource: 'shiftTask',
		operation: 'update',
		shiftId: byId(String(shiftId)),
		shiftTaskId: byId(taskId),
		updateFields: { name },
	});

/** Add of a time-boxed task on the Morning bar's day, times in UTC. */
const addTimeBoxed = (shiftId: number, masterTaskId: string, start: string, due: string) =>
	humanity({
		resource: 'shiftTask',
		operation: 'add',
		shiftId: byId(String(shiftId)),
		masterTaskId: byId(masterTaskId),
		type: 'timeBoxed',
		startTime: `2026-11-23T${start}:00Z`,
		dueTime: `2026-11-23T${due}:00Z`,
		additionalFields: { name: 'Timed' },
	});

/** One row per answer of an option: its name and value, and the fake options that give it. */
const answersOf = <K extends keyof HumanityFakeOptions>(
	option: K,
	values: Array<HumanityFakeOptions[K]>,
): Array<[string, HumanityFakeOptions]> =>
	values.map((value) => [`${option} ${String(value)}`, { [option]: value }]);

/** Every answer of each option that changes how Humanity takes a whole-list PUT the node sends. */
const listWriteAnswers: Array<[string, HumanityFakeOptions]> = [
	['omittedDescriptionOnUpdate clear', { omittedDescriptionOnUpdate: 'clear' }],
	['omittedDescriptionOnUpdate keep', { omittedDescriptionOnUpdate: 'keep' }],
	['regularTaskOptions ignore', { regularTaskOptions: 'ignore' }],
	['regularTaskOptions reject', { regularTaskOptions: 'reject' }],
	['dateTimeOffset offset', { dateTimeOffset: 'offset' }],
	['dateTimeOffset lenient', { dateTimeOffset: 'lenient' }],
	['stampOnlyChanges true', { stampOnlyChanges: true }],
	['stampOnlyChanges false', { stampOnlyChanges: false }],
	['requireOrderedTimes true', { requireOrderedTimes: true }],
	['requireOrderedTimes false', { requireOrderedTimes: false }],
	['timeBoxWithinShift false', { timeBoxWithinShift: false }],
	['timeBoxWithinShift true', { timeBoxWithinShift: true }],
	['unknownShiftTaskId reject', { unknownShiftTaskId: 'reject' }],
	['unknownShiftTaskId create', { unknownShiftTaskId: 'create' }],
	['emptyListDeletesAll true', { emptyListDeletesAll: true }],
	['emptyListDeletesAll false', { emptyListDeletesAll: false }],
	['bulkFailure atomic', { bulkFailure: 'atomic' }],
	['bulkFailure partial', { bulkFailure: 'partial' }],
	['deletedMasterTaskInPut allow-existing', { deletedMasterTaskInPut: 'allow-existing' }],
	['deletedMasterTaskInPut allow', { deletedMasterTaskInPut: 'allow' }],
	['deletedMasterTaskInPut reject', { deletedMasterTaskInPut: 'reject' }],
	['employeeTasks per-employee', { employeeTasks: 'per-employee' }],
	['employeeTasks manual', { employeeTasks: 'manual' }],
	['deleteCascadesToEmployeeTasks true', { deleteCascadesToEmployeeTasks: true }],
	['deleteCascadesToEmployeeTasks false', { deleteCascadesToEmployeeTasks: false }],
	...answersOf('shiftTaskOrder', ['as-sent', 'kept']),
	...answersOf('ulidCase', ['lower', 'any']),
];

describe('[inferred] shift-task PUT answers: the node’s read-modify-write keeps every task', () => {
	it.each(listWriteAnswers)(
		'Update of one task of three changes only it and keeps the others as they were (%s)',
		async (_answer, options) => {
			answering(options);
			const { shift, tasks } = seed();

			const { items, error } = await updateThird(shift.id, tasks[2].id, 'Restock the muffins');

			expect(error).toBeUndefined();
			expect(live(shift.id).map((task) => [task.id, task.name, task.description])).toEqual([
				[tasks[0].id, 'Open the register', 'Count the float.'],
				[tasks[1].id, 'Clean the espresso machine', ''],
				[tasks[2].id, 'Restock the muffins', 'Before lunch.'],
			]);
			expect(live(shift.id).map((task) => task.options)).toEqual([
				null,
				{ startTime: '2026-11-23T13:00:00+00:00', dueTime: '2026-11-23T13:30:00+00:00' },
				null,
			]);
			// Every kept task carries its id and description; a regular one no options; times with their offset.
			expect(putBodies()).toEqual([
				[
					{
						id: tasks[0].id,
						taskId: tasks[0].taskId,
						name: 'Open the register',
						description: 'Count the float.',
						type: 1,
					},
					{
						id: tasks[1].id,
						taskId: tasks[1].taskId,
						name: 'Clean the espresso machine',
						description: '',
						type: 2,
						options: {
							startTime: '2026-11-23T13:00:00+00:00',
							dueTime: '2026-11-23T13:30:00+00:00',
						},
					},
					{
						id: tasks[2].id,
						taskId: tasks[2].taskId,
						name: 'Restock the muffins',
						description: 'Before lunch.',
						type: 1,
					},
				],
			]);
			expect(items.map((item) => [item.json.id, item.json.name])).toEqual([
				[tasks[2].id, 'Restock the muffins'],
			]);
		},
	);

	it.each(['reject', 'create'] as const)(
		'Update naming a task that is not on the shift is refused before any write, and creates nothing (unknownShiftTaskId %s)',
		async (unknownShiftTaskId) => {
			answering({ unknownShiftTaskId });
			const { shift, other, tasks } = seed();

			const { error } = await updateThird(shift.id, tasks[3].id, 'Moved here');

			expect(error?.message).toContain(tasks[3].id);
			expect(putBodies()).toEqual([]);
			expect(live(shift.id).map((task) => task.id)).toEqual(tasks.slice(0, 3).map((t) => t.id));
			expect(live(other.id).map((task) => task.id)).toEqual([tasks[3].id]);
		},
	);

	it.each([
		[true, []],
		[false, ['Fridge temperature log']],
	])(
		'Remove of a shift’s only task sends an empty list: removed, or Humanity’s refusal reported with the task kept (emptyListDeletesAll %s)',
		async (emptyListDeletesAll, left) => {
			answering({ emptyListDeletesAll });
			const { other, tasks } = seed();

			const { items, error } = await humanity({
				resource: 'shiftTask',
				operation: 'remove',
				shiftId: byId(String(other.id)),
				shiftTaskId: byId(tasks[3].id),
			});

			expect(putBodies()).toEqual([[]]);
			expect(live(other.id).map((task) => task.name)).toEqual(left);
			if (emptyListDeletesAll) expect(items[0].json).toMatchObject({ removed: true });
			else expect(error?.message).toMatch(/tasks must not be empty/);
		},
	);

	it.each([
		['allow-existing', 'atomic', 'Restock the muffins'],
		['allow', 'atomic', 'Restock the muffins'],
		['reject', 'atomic', undefined],
		['reject', 'partial', undefined],
	] as const)(
		'a shift holding a task of a deleted master task: Update works, or fails without losing a task (deletedMasterTaskInPut %s, bulkFailure %s)',
		async (deletedMasterTaskInPut, bulkFailure, renamed) => {
			answering({ deletedMasterTaskInPut, bulkFailure });
			const { shift, tasks, masters } = seed();
			masters[0].deletedAt = '2026-11-01T00:00:00+00:00';

			const { error } = await updateThird(shift.id, tasks[2].id, 'Restock the muffins');

			expect(live(shift.id).map((task) => task.id)).toEqual(tasks.slice(0, 3).map((t) => t.id));
			if (renamed) {
				expect(error).toBeUndefined();
				expect(live(shift.id)[2].name).toBe(renamed);
			} else {
				expect(error?.message).toMatch(/deleted master task/);
				expect(live(shift.id)[2].name).toBe('Restock pastries');
			}
		},
	);

	it.each([true, false])(
		'a due time before the start is refused before any request, whatever Humanity would do with it (requireOrderedTimes %s)',
		async (requireOrderedTimes) => {
			answering({ requireOrderedTimes });
			const { shift, masters } = seed();

			const { error } = await addTimeBoxed(shift.id, masters[0].id, '14:00', '13:00');

			expect(error?.message).toMatch(/must be after "Start Time"/);
			expect(fake.requests).toHaveLength(0);
		},
	);

	it.each([
		[false, 4],
		[true, 3],
	])(
		'Add of a time-boxed task outside its shift: added, or Humanity’s refusal with the three others kept (timeBoxWithinShift %s)',
		async (timeBoxWithinShift, count) => {
			answering({ timeBoxWithinShift });
			const { shift, masters } = seed();

			const { error } = await addTimeBoxed(shift.id, masters[0].id, '22:00', '22:30');

			expect(live(shift.id)).toHaveLength(count);
			if (timeBoxWithinShift) expect(error?.message).toMatch(/within shift/);
			else expect(error).toBeUndefined();
		},
	);
});

describe('[inferred] shift and list answers', () => {
	it.each([
		...answersOf('missingShiftDates', ['today', 'reject']),
		...answersOf('shiftDayFormat', ['date', 'lenient']),
	])(
		'Shift Get Many always sends start_date and end_date as yyyy-MM-dd, so it works whether Humanity defaults them or reads other formats (%s)',
		async (_answer, options) => {
			answering(options);
			const { shift, other } = seed();

			const { items, error } = await humanity({
				resource: 'shift',
				operation: 'getAll',
				startDate: '2026-11-23',
				endDate: '2026-11-24',
				returnAll: true,
			});

			expect(error).toBeUndefined();
			expect(apiCalls()[0].query).toMatchObject({
				start_date: '2026-11-23',
				end_date: '2026-11-24',
			});
			expect(items.map((item) => item.json.id)).toEqual([shift.id, other.id]);
		},
	);

	it.each([
		['starts-within', ['Morning bar']],
		['overlaps', ['Night bake', 'Morning bar']],
	] as const)(
		'Shift Get Many returns the shifts Humanity counts in the range, as answered (shiftRangeMatch %s)',
		async (shiftRangeMatch, titles) => {
			answering({ shiftRangeMatch });
			const { position } = fake.addMorningBar();
			fake.addShift({
				start: '2026-11-22 22:00',
				end: '2026-11-23 06:00',
				positionId: position.id,
				title: 'Night bake',
			});

			const { items, error } = await humanity({
				resource: 'shift',
				operation: 'getAll',
				startDate: '2026-11-23',
				endDate: '2026-11-23',
				returnAll: true,
			});

			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.title)).toEqual(titles);
		},
	);

	it.each([
		['ignore', 3],
		['reject', 0],
	] as const)(
		'Shift Task Get Many with a shift ID that names no shift: the others’ tasks, or Humanity’s error; never a made-up task (unknownShiftInList %s)',
		async (unknownShiftInList, count) => {
			answering({ unknownShiftInList });
			const { shift } = seed();

			const { items, error } = await humanity({
				resource: 'shiftTask',
				operation: 'getAll',
				shiftIds: `${shift.id}, 999`,
				returnAll: true,
			});

			expect(items).toHaveLength(count);
			if (unknownShiftInList === 'reject') expect(error?.message).toMatch(/Shift 999 not found/);
			else expect(error).toBeUndefined();
		},
	);
});

describe('[inferred] employee-task activity answers', () => {
	const firstEmployeeTask = (shiftTaskId: string) => fake.employeeTasksOf(shiftTaskId)[0];

	it.each([
		['start-and-finish', 2],
		['reject', 0],
	] as const)(
		'Complete of a task never started sends {status: 2}: completed, or Humanity’s refusal with the task untouched (finishUnstarted %s)',
		async (finishUnstarted, status) => {
			answering({ finishUnstarted });
			const { tasks } = seed();
			const employeeTask = firstEmployeeTask(tasks[0].id);

			const { items, error } = await humanity({
				resource: 'employeeTask',
				operation: 'complete',
				employeeTaskId: employeeTask.id,
			});

			expect(apiCalls().map((request) => request.body)).toEqual([{ status: 2 }]);
			expect(fake.employeeTasks.get(employeeTask.id)!.activity.status).toBe(status);
			if (status === 2) expect(items[0].json).toMatchObject({ activity: { status: 2 } });
			else expect(error?.message).toMatch(/has not been started/);
		},
	);

	it.each([
		['reject', '2026-11-23T13:00:00+00:00'],
		['allow', undefined],
	] as const)(
		'Start of a task already started: Humanity’s refusal, or started again (restartStarted %s)',
		async (restartStarted, firstStart) => {
			answering({ restartStarted });
			const { tasks } = seed();
			const employeeTask = firstEmployeeTask(tasks[0].id);
			const start = () =>
				humanity({ resource: 'employeeTask', operation: 'start', employeeTaskId: employeeTask.id });
			const startedAt = '2026-11-23T13:00:00+00:00';
			employeeTask.activity = { ...employeeTask.activity, status: 1, startedAt };

			const { items, error } = await start();

			const kept = fake.employeeTasks.get(employeeTask.id)!.activity;
			expect(kept.status).toBe(1);
			if (firstStart) {
				expect(error?.message).toMatch(/already started/);
				expect(kept.startedAt).toBe(firstStart);
			} else {
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({ activity: { status: 1 } });
				expect(kept.startedAt).not.toBe(startedAt);
			}
		},
	);
});

describe('[inferred] who may do what: the node sends the same request, Humanity’s refusal is the error', () => {
	/** Signs the credential's user in with another role (the primary user takes userRole at reset). */
	function signInAs(userRole: HumanityFakeOptions['userRole']) {
		answering({ userRole });
		fake.reset();
	}

	it.each([
		['the default', undefined, true],
		['admins and managers only', ['admin', 'manager'], false],
	] as const)(
		'Update by a supervisor: done, or code 20 with the three tasks unchanged (shiftEditRoles %s)',
		async (_roles, shiftEditRoles, done) => {
			signInAs('supervisor');
			if (shiftEditRoles) answering({ shiftEditRoles: [...shiftEditRoles] });
			const { shift, tasks } = seed();

			const { error } = await updateThird(shift.id, tasks[2].id, 'Restock the muffins');

			expect(live(shift.id).map((task) => task.name)).toEqual([
				'Open the register',
				'Clean the espresso machine',
				done ? 'Restock the muffins' : 'Restock pastries',
			]);
			if (done) expect(error).toBeUndefined();
			else expect(error?.message).toMatch(/Permission/i);
		},
	);

	it.each([
		['the default', undefined, false],
		['supervisors too', ['admin', 'manager', 'supervisor'], true],
	] as const)(
		'Create by a supervisor: created, or Humanity’s code 20 and nothing made (masterTaskEditRoles %s)',
		async (_roles, masterTaskEditRoles, made) => {
			signInAs('supervisor');
			if (masterTaskEditRoles) answering({ masterTaskEditRoles: [...masterTaskEditRoles] });
			const { positionId } = seed();

			const { error } = await humanity({
				resource: 'masterTask',
				operation: 'create',
				name: 'Wipe the tables',
				positionIds: [positionId],
			});

			const names = [...fake.masterTasks.values()].map((task) => task.name);
			expect(names.includes('Wipe the tables')).toBe(made);
			if (made) expect(error).toBeUndefined();
			else expect(error?.message).toMatch(/cannot create or delete master tasks/);
		},
	);

	/** The employee signed in is on a shift with one task; Sam is on it too. */
	function employeeOnShift(start: string, end: string) {
		signInAs('employee');
		const { position, sam } = fake.addMorningBar();
		const shift = fake.addShift({
			start,
			end,
			positionId: position.id,
			employeeIds: [fake.primaryUser.id, sam.id],
		});
		const task = fake.addShiftTask({
			shiftId: shift.id,
			taskId: fake.addMasterTask({ name: 'Mop' }).id,
		});
		return {
			shift,
			own: fake.employeeTasksOf(task.id).find((t) => t.employeeId === fake.primaryUser.id)!,
		};
	}

	it.each([
		[false, 2],
		[true, 1],
	])(
		'Employee Task Get Many by an employee lists what Humanity answers (employeesSeeOnlyOwnTasks %s)',
		async (employeesSeeOnlyOwnTasks, count) => {
			answering({ employeesSeeOnlyOwnTasks });
			const { shift } = employeeOnShift('2026-11-23 07:00', '2026-11-23 15:00');

			const { items, error } = await humanity({
				resource: 'employeeTask',
				operation: 'getAll',
				shiftIds: String(shift.id),
				returnAll: true,
			});

			expect(error).toBeUndefined();
			expect(items).toHaveLength(count);
		},
	);

	it.each([
		['any', 1],
		['shift', 0],
	] as const)(
		'Start of one’s own task outside the shift: started, or Humanity’s code 20 with the task untouched (ownTaskWindow %s)',
		async (ownTaskWindow, status) => {
			answering({ ownTaskWindow });
			// A shift two days before the clock under test: the start comes outside it whatever day this runs.
			const day = DateTime.now().minus({ days: 2 }).toFormat('yyyy-MM-dd');
			const { own } = employeeOnShift(`${day} 07:00`, `${day} 15:00`);

			const { error } = await humanity({
				resource: 'employeeTask',
				operation: 'start',
				employeeTaskId: own.id,
			});

			expect(fake.employeeTasks.get(own.id)!.activity.status).toBe(status);
			if (status === 0) expect(error?.message).toMatch(/during the shift/);
			else expect(error).toBeUndefined();
		},
	);

	it.each([
		['the default table', undefined],
		['another table', { get: 5, update: 9, delete: 4 }],
	])(
		'Delete of a master task that is not there is an error, never success (notFoundCodes: %s)',
		async (_table, notFoundCodes) => {
			if (notFoundCodes) answering({ notFoundCodes });
			seed();

			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'delete',
				masterTaskId: byId('01k6mj6wmesfx9az1s615jdd0y'),
			});

			expect(items).toEqual([]);
			expect(error?.message).toMatch(/01k6mj6wmesfx9az1s615jdd0y/);
		},
	);
});

describe('[inferred] master-task answers', () => {
	it.each(['task', 'empty'] as const)(
		'Delete outputs the deleted id whatever Humanity answers with it (masterTaskDeleteAnswer %s)',
		async (masterTaskDeleteAnswer) => {
			answering({ masterTaskDeleteAnswer });
			const { masters } = seed();

			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'delete',
				masterTaskId: byId(masters[3].id),
			});

			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ deleted: true, id: masters[3].id });
			expect(fake.masterTasks.get(masters[3].id)!.deletedAt).not.toBeNull();
		},
	);

	it.each([
		['clamp', 'created', 30],
		['reject', 'created', 30],
		['clamp', 'name', 2],
		['reject', 'name', 2],
	] as const)(
		'Get Many Return All sends its own limit and returns every master task (limitAboveMax %s, masterTaskOrder %s, masterTaskDefaultLimit %s)',
		async (limitAboveMax, masterTaskOrder, masterTaskDefaultLimit) => {
			answering({ limitAboveMax, masterTaskOrder, masterTaskDefaultLimit });
			const { masters } = seed();

			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'getAll',
				returnAll: true,
			});

			expect(error).toBeUndefined();
			expect(apiCalls().map((request) => request.query.limit)).toEqual(['100']);
			expect(items.map((item) => item.json.id).sort()).toEqual(
				masters.map((task) => task.id).sort(),
			);
		},
	);

	it.each(['clamp', 'reject'] as const)(
		'Get Many Return All when a page holds fewer than the node’s 100: every master task, or Humanity’s error, never a partial list (limitAboveMax %s, masterTaskMaxLimit 50)',
		async (limitAboveMax) => {
			answering({ limitAboveMax, masterTaskMaxLimit: 50 });
			const { positionId } = seed();
			for (let i = 0; i < 56; i++)
				fake.addMasterTask({ name: `Task ${i}`, positionIds: [positionId] });

			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'getAll',
				returnAll: true,
			});

			if (limitAboveMax === 'clamp') {
				expect(error).toBeUndefined();
				expect(items).toHaveLength(60);
			} else {
				expect(items).toEqual([]);
				expect(error?.message).toMatch(/limit must not be more than 50/);
			}
		},
	);

	it.each(['reject', 'ignore'] as const)(
		'Get Many with a search term under 3 characters is refused before any request (shortSearchTerm %s)',
		async (shortSearchTerm) => {
			answering({ shortSearchTerm });
			seed();

			const { error } = await humanity({
				resource: 'masterTask',
				operation: 'getAll',
				returnAll: true,
				filters: { searchTerm: 'ab' },
			});

			expect(error?.message).toMatch(/3/);
			expect(fake.requests).toHaveLength(0);
		},
	);
});

describe('[inferred] connection answers', () => {
	it.each([
		[true, 14 * 24 * 3600],
		[false, 60],
	])(
		'an expired token is renewed by the password grant, never by a refresh token (rotateRefreshTokens %s, refreshTokenTtlSeconds %s)',
		async (rotateRefreshTokens, refreshTokenTtlSeconds) => {
			answering({ rotateRefreshTokens, refreshTokenTtlSeconds });
			const { shift } = seed();
			const get = () =>
				humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
			expect((await get()).error).toBeUndefined();
			fake.expireAccessTokens();

			const { items, error } = await get();

			expect(error).toBeUndefined();
			expect(items[0].json.id).toBe(shift.id);
			expect(tokenRequests().map((request) => (request.body as IDataObject).grant_type)).toEqual([
				'password',
				'password',
			]);
		},
	);

	it.each(['echo', 'null'] as const)(
		'an error carries Humanity’s code and message and never the token, echoed or not (envelopeToken %s)',
		async (envelopeToken) => {
			answering({ envelopeToken });
			seed();

			const { error } = await humanity({
				resource: 'shift',
				operation: 'get',
				shiftId: byId('999'),
			});

			const token = String(engine.credentials.data(credentialId).accessToken);
			expect(error?.message).toMatch(/Shift 999 not found/);
			expect(token).not.toBe('');
			expect(JSON.stringify(error)).not.toContain(token);
		},
	);

	it.each([
		['the default shape', /Shift 999 not found/],
		['another shape', /code 15/],
	])(
		'an error envelope in %s is an error naming Humanity’s message or code, never an empty result (errorBody)',
		async (shape, said) => {
			if (shape === 'another shape')
				answering({ errorBody: (code, message) => ({ status: code, error: { message } }) });
			seed();

			const { items, error } = await humanity({
				resource: 'shift',
				operation: 'get',
				shiftId: byId('999'),
			});

			expect(items).toEqual([]);
			expect(error?.message).toMatch(said);
		},
	);
});

describe('[inferred] formats and matches no sheet line gives', () => {
	/** What Humanity finds for "count" and both positions under each answer: only the case-sensitive or all-positions ones drop "Count the float". */
	const narrowing = new Set(['searchTermCase sensitive', 'positionIdsMatch all']);
	it.each([
		...answersOf('searchTermCase', ['insensitive', 'sensitive']),
		...answersOf('positionIdsMatch', ['any', 'all']),
	])(
		'Master Task Get Many outputs the master tasks Humanity found, as answered (%s)',
		async (answer, options) => {
			answering(options);
			const names = narrowing.has(answer)
				? ['count the tills']
				: ['Count the float', 'count the tills'];
			const bar = fake.addPosition({ name: 'Bar' }).id;
			const kitchen = fake.addPosition({ name: 'Kitchen' }).id;
			fake.addMasterTask({ name: 'Count the float', positionIds: [bar] });
			fake.addMasterTask({ name: 'count the tills', positionIds: [bar, kitchen] });
			fake.addMasterTask({ name: 'Mop the floor', positionIds: [kitchen] });

			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'getAll',
				returnAll: true,
				filters: { searchTerm: 'count', positionIds: [bar, kitchen] },
			});

			expect(error).toBeUndefined();
			const query = new URLSearchParams(apiCalls()[0].rawQuery);
			expect([query.get('searchTerm'), query.getAll('positionIds[]')]).toEqual([
				'count',
				[String(bar), String(kitchen)],
			]);
			expect(items.map((item) => item.json.name)).toEqual(names);
		},
	);

	it.each([
		...answersOf('unknownPositionIds', ['reject', 'keep']),
		...answersOf('masterTaskColor', ['hex', 'any']),
		...answersOf('favoriteValues', ['boolean', 'boolean-or-number']),
	])(
		'Master Task Create and Update send a hex colour, existing positions and favorite as a boolean, taken either way (%s)',
		async (_answer, options) => {
			answering(options);
			const { positionId } = seed();

			const created = await humanity({
				resource: 'masterTask',
				operation: 'create',
				name: 'Wipe the tables',
				positionIds: [positionId],
				additionalFields: { color: '#1565c0' },
			});
			const id = String(created.items[0]?.json.id);
			const updated = await humanity({
				resource: 'masterTask',
				operation: 'update',
				masterTaskId: byId(id),
				updateFields: { favorite: true },
			});

			expect([created.error, updated.error]).toEqual([undefined, undefined]);
			expect(apiCalls().map((request) => request.body)).toEqual([
				{ name: 'Wipe the tables', positionIds: [positionId], color: '#1565c0' },
				{ favorite: true },
			]);
			expect(fake.masterTasks.get(id)).toMatchObject({
				color: '#1565c0',
				positionIds: [positionId],
				favorite: true,
			});
		},
	);

	it.each([
		['reject', false],
		['allow', true],
	] as const)(
		"Master Task Update of a deleted master task is Humanity's error, or done: never a success that did nothing (deletedMasterTaskChanges %s)",
		async (deletedMasterTaskChanges, done) => {
			answering({ deletedMasterTaskChanges });
			const { masters } = seed();
			masters[3].deletedAt = '2026-11-01T00:00:00+00:00';

			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'update',
				masterTaskId: byId(masters[3].id),
				updateFields: { name: 'Fridge log' },
			});

			if (done) {
				expect(error).toBeUndefined();
				expect(items[0].json).toMatchObject({ id: masters[3].id, name: 'Fridge log' });
			} else {
				expect(items).toEqual([]);
				expect(error?.message).toMatch(/is deleted/);
			}
			expect(fake.masterTasks.get(masters[3].id)!.name).toBe(done ? 'Fridge log' : masters[3].name);
		},
	);

	it.each(['lower', 'any'] as const)(
		'Shift Task Update with IDs typed in upper case sends them in lower case and keeps every task (ulidCase %s)',
		async (ulidCase) => {
			answering({ ulidCase });
			const { shift, tasks } = seed();

			const { error } = await updateThird(
				shift.id,
				tasks[2].id.toUpperCase(),
				'Restock the muffins',
			);

			expect(error).toBeUndefined();
			expect(putBodies()[0].map((entry) => entry.id)).toEqual(tasks.slice(0, 3).map((t) => t.id));
			expect(live(shift.id).map((task) => task.name)).toEqual([
				'Open the register',
				'Clean the espresso machine',
				'Restock the muffins',
			]);
		},
	);

	it.each([
		['unassigned', ['nobody']],
		['short-staffed', ['nobody', 'one of two']],
	] as const)(
		'Shift Get Many in Mode Open sends mode open and outputs the shifts Humanity calls open, as answered (openShifts %s)',
		async (openShifts, titles) => {
			answering({ openShifts });
			const { shift } = seed();
			const day = {
				start: '2026-11-23 16:00',
				end: '2026-11-23 20:00',
				positionId: shift.positionId,
			};
			fake.addShift({ ...day, title: 'nobody', needed: 2 });
			fake.addShift({ ...day, title: 'one of two', needed: 2, employeeIds: shift.employeeIds });

			const { items, error } = await humanity({
				resource: 'shift',
				operation: 'getAll',
				startDate: '2026-11-23',
				endDate: '2026-11-23',
				returnAll: true,
				filters: { mode: 'open' },
			});

			expect(error).toBeUndefined();
			expect(apiCalls()[0].query.mode).toBe('open');
			expect(items.map((item) => item.json.title)).toEqual(titles);
		},
	);

	it.each(['name-and-parts', 'parts-only'] as const)(
		'the employee dropdown names each employee whether Humanity answers a name or only its parts (employeeName %s)',
		async (employeeName) => {
			answering({ employeeName });
			seed();
			fake.addEmployee({ firstname: 'Ana', lastname: 'Pérez', role: 'employee' });
			const spec = {
				type: 'humanity',
				credentialType: 'humanityApi',
				credentialId,
				parameters: { resource: 'shift', operation: 'getAll' },
			};

			const options = await loadOptions(engine, spec, 'getEmployees');

			expect(options.map((option) => option.name)).toEqual(
				[...fake.employees.values()]
					.map((employee) => `${employee.firstname} ${employee.lastname}`)
					.sort((a, b) => a.localeCompare(b)),
			);
			expect(options.map((option) => option.name)).toContain('Ana Pérez');
		},
	);
});
