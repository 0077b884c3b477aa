/** The fake Humanity: shift tasks and the PUT that replaces a shift's whole list (shiftTasks.ts). */
import type { HumanityFake, HumanityShiftTask } from '.';
import {
	api,
	barista,
	call,
	CallOptions,
	cleanMachine,
	expectCode,
	fake,
	lee,
	ok,
	openRegister,
	passwordGrant,
	restock,
	sam,
	setNow,
	shift,
	shiftTask,
	T0,
	useFake,
	withFake,
} from './testing';

useFake();

/** A shift of a new position on another fake, 07:00–15:00 on the test day. */
const shiftOn = (target: HumanityFake) =>
	target.addShift({
		start: '2026-03-04 07:00',
		end: '2026-03-04 15:00',
		positionId: target.addPosition({ name: 'P' }).id,
	});

describe('shift tasks', () => {
	let regular: HumanityShiftTask;
	let timed: HumanityShiftTask;
	let third: HumanityShiftTask;

	beforeEach(() => {
		regular = shiftTask({
			taskId: cleanMachine.id,
			name: 'Regular task',
			description: 'Backflush',
		});
		timed = shiftTask({
			taskId: openRegister.id,
			name: 'Open up',
			type: 2,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		third = shiftTask({ taskId: restock.id, name: 'Restock' });
	});

	const put = (tasks: unknown, shiftId: number = shift.id, options: CallOptions = {}) =>
		api('PUT', `/shifts/${shiftId}/tasks`, { body: { tasks }, ...options });
	const listed = async (shiftIds: string | number = shift.id) =>
		ok(await api('GET', `/shifts/${shiftIds}/tasks`));

	it('GET /shifts/{ids}/tasks lists the live tasks of one or several shifts in list order with seed 004’s fields', async () => {
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: barista.id,
		});
		const elsewhere = shiftTask({ taskId: restock.id }, other);
		const data = await listed(shift.id);
		expect(data).toEqual([
			{
				id: regular.id,
				taskId: cleanMachine.id,
				shiftId: shift.id,
				name: 'Regular task',
				description: 'Backflush',
				type: 1,
				options: null,
				createdBy: fake.primaryUser.id,
				createdAt: '2026-03-04T17:00:00+00:00',
				updatedBy: null,
				updatedAt: null,
				deletedBy: null,
				deletedAt: null,
			},
			expect.objectContaining({
				id: timed.id,
				type: 2,
				options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
			}),
			expect.objectContaining({ id: third.id }),
		]);
		expect(regular.id).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
		expect((await listed(`${shift.id},${other.id}`)).map((t: { id: string }) => t.id)).toEqual([
			regular.id,
			timed.id,
			third.id,
			elsewhere.id,
		]);
		expectCode(await api('GET', '/shifts/1,x/tasks'), 9);
	});

	it.each(['reject', 'ignore'] as const)(
		'[inferred] unknownShiftInList %s: GET /shifts/{ids}/tasks (and employee-tasks) with an id naming no shift is code 15, or lists the others',
		async (unknownShiftInList) => {
			await withFake({ unknownShiftInList }, async (target, otherToken) => {
				const s = shiftOn(target);
				target.addShiftTask({ shiftId: s.id, taskId: target.addMasterTask({ name: 'M' }).id });
				for (const what of ['tasks', 'employee-tasks']) {
					const answer = await call(target, 'GET', `/shifts/${s.id},999/${what}`, {
						token: otherToken,
					});
					if (unknownShiftInList === 'reject') expectCode(answer, 15, /Shift 999 not found/);
					else
						expect(ok(answer).map((x: { shiftId: number }) => x.shiftId)).toEqual(
							what === 'tasks' ? [s.id] : [],
						);
				}
			});
		},
	);

	it.each(['reject', 'ignore'] as const)(
		'[inferred] regularTaskOptions %s: options sent with a regular task are code 9, or dropped (stored null)',
		async (regularTaskOptions) => {
			await withFake({ regularTaskOptions }, async (target, otherToken) => {
				const s = shiftOn(target);
				const m = target.addMasterTask({ name: 'M' });
				const answer = await call(target, 'PUT', `/shifts/${s.id}/tasks`, {
					token: otherToken,
					body: {
						tasks: [
							{
								taskId: m.id,
								name: 'R',
								type: 1,
								options: {
									startTime: '2026-03-04T12:00:00+00:00',
									dueTime: '2026-03-04T12:30:00+00:00',
								},
							},
						],
					},
				});
				if (regularTaskOptions === 'reject') {
					expectCode(answer, 9, /must be null for a regular task/);
					expect(target.liveShiftTasks(s.id)).toEqual([]);
				} else expect(ok(answer)[0].options).toBeNull();
			});
		},
	);

	it('PUT does what seed 004’s example does: the entry with id is edited, the one without is created, the answer is the whole list', async () => {
		setNow(T0 + 60_000);
		const answer = await put([
			{
				id: regular.id,
				taskId: cleanMachine.id,
				name: 'Regular task - edited',
				description: 'Backflush',
				type: 1,
			},
			{
				id: timed.id,
				taskId: openRegister.id,
				name: 'Open up',
				type: 2,
				options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
			},
			{ id: third.id, taskId: restock.id, name: 'Restock', type: 1 },
			{
				taskId: openRegister.id,
				name: 'Time-boxed task',
				type: 2,
				options: { startTime: '2026-03-04T13:00:00+00:00', dueTime: '2026-03-04T13:30:00+00:00' },
			},
		]);
		const data = ok(answer);
		expect(data).toHaveLength(4);
		expect(data[0]).toMatchObject({
			id: regular.id,
			name: 'Regular task - edited',
			updatedBy: fake.primaryUser.id,
			updatedAt: '2026-03-04T17:01:00+00:00',
			deletedAt: null,
		});
		expect(data[1]).toMatchObject({ id: timed.id, updatedAt: null });
		expect(data[3]).toEqual({
			id: expect.stringMatching(/^[0-9a-hjkmnp-tv-z]{26}$/),
			taskId: openRegister.id,
			shiftId: shift.id,
			name: 'Time-boxed task',
			description: '',
			type: 2,
			options: { startTime: '2026-03-04T13:00:00+00:00', dueTime: '2026-03-04T13:30:00+00:00' },
			createdBy: fake.primaryUser.id,
			createdAt: '2026-03-04T17:01:00+00:00',
			updatedBy: null,
			updatedAt: null,
			deletedBy: null,
			deletedAt: null,
		});
		expect(await listed()).toEqual(data);
		// The new task got an employee task for each employee on the shift.
		expect(fake.employeeTasksOf(data[3].id).map((t) => t.employeeId)).toEqual([sam.id, lee.id]);
	});

	it('PUT deletes every live task left out: sending one task "to update it" deletes the others, with their employee tasks', async () => {
		const employeeTask = fake.employeeTasksOf(third.id)[0];
		expect(employeeTask).toBeDefined();
		setNow(T0 + 5_000);
		const data = ok(
			await put([
				{ id: regular.id, taskId: cleanMachine.id, name: 'Only this one changed', type: 1 },
			]),
		);
		expect(data.map((t: { id: string }) => t.id)).toEqual([regular.id]);
		expect((await listed()).map((t: { id: string }) => t.id)).toEqual([regular.id]);
		// Soft-deleted, as the deletedBy/deletedAt fields suggest; gone from every list.
		for (const gone of [timed, third]) {
			expect(fake.shiftTasks.get(gone.id)).toMatchObject({
				deletedBy: fake.primaryUser.id,
				deletedAt: '2026-03-04T17:00:05+00:00',
			});
		}
		expect(fake.employeeTasks.get(employeeTask.id)!.deletedAt).toBe('2026-03-04T17:00:05+00:00');
		expect(
			ok(await api('GET', `/shifts/${shift.id}/employee-tasks`)).map(
				(t: { shiftTaskId: string }) => t.shiftTaskId,
			),
		).toEqual([regular.id, regular.id]);
		// A deleted id cannot be sent back: it is no longer a task of the shift.
		expectCode(
			await put([{ id: third.id, taskId: restock.id, name: 'Restock', type: 1 }]),
			9,
			/not a task of shift/,
		);
	});

	it('PUT {tasks: []} deletes every task of the shift (or is code 8 with emptyListDeletesAll off); other shifts are untouched', async () => {
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: barista.id,
		});
		shiftTask({ taskId: restock.id }, other);
		expect(ok(await put([]))).toEqual([]);
		expect(await listed()).toEqual([]);
		expect(await listed(other.id)).toHaveLength(1);
		await withFake({ emptyListDeletesAll: false }, async (target, otherToken) => {
			const s = shiftOn(target);
			target.addShiftTask({ shiftId: s.id, taskId: target.addMasterTask({ name: 'M' }).id });
			expectCode(
				await call(target, 'PUT', `/shifts/${s.id}/tasks`, {
					token: otherToken,
					body: { tasks: [] },
				}),
				8,
			);
			expect(target.liveShiftTasks(s.id)).toHaveLength(1);
		});
	});

	it('updatedAt/updatedBy move only when an entry changes something; an omitted description is cleared (kept by option); the order sent is kept', async () => {
		setNow(T0 + 60_000);
		const unchanged = {
			id: timed.id,
			taskId: openRegister.id,
			name: 'Open up',
			type: 2,
			options: { startTime: '2026-03-04T07:00:00-05:00', dueTime: '2026-03-04T12:15:00Z' },
		};
		const data = ok(
			await put([
				{ id: third.id, taskId: restock.id, name: 'Restock', type: 1 },
				unchanged,
				{ id: regular.id, taskId: cleanMachine.id, name: 'Regular task', type: 1 },
			]),
		);
		expect(data.map((t: { id: string }) => t.id)).toEqual([third.id, timed.id, regular.id]);
		// Times sent with other offsets are the same instants: no change; answered in UTC.
		expect(data[1]).toMatchObject({
			updatedAt: null,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		expect(data[0].updatedAt).toBeNull();
		expect(data[2]).toMatchObject({ description: '', updatedAt: '2026-03-04T17:01:00+00:00' });

		await withFake(
			{ omittedDescriptionOnUpdate: 'keep', stampOnlyChanges: false },
			async (target, otherToken) => {
				const s = shiftOn(target);
				const m = target.addMasterTask({ name: 'M' });
				const t = target.addShiftTask({
					shiftId: s.id,
					taskId: m.id,
					name: 'T',
					description: 'Keep me',
				});
				const answer = ok(
					await call(target, 'PUT', `/shifts/${s.id}/tasks`, {
						token: otherToken,
						body: { tasks: [{ id: t.id, taskId: m.id, name: 'T', type: 1 }] },
					}),
				);
				expect(answer[0]).toMatchObject({
					description: 'Keep me',
					updatedAt: '2026-03-04T17:01:00+00:00',
				});
			},
		);
	});

	it('PUT refuses missing (code 8) and invalid (code 9) input, naming the entry, and changes nothing', async () => {
		const before = await listed();
		const good = { taskId: restock.id, name: 'New', type: 1 };
		const cases: [unknown, number, RegExp][] = [
			[undefined, 8, /tasks is required/],
			['all of them', 9, /tasks must be an array/],
			[[good, { name: 'x', type: 1 }], 8, /tasks\[1\]\.taskId is required/],
			[[{ taskId: restock.id, type: 1 }], 8, /tasks\[0\]\.name is required/],
			[[{ taskId: restock.id, name: 'x' }], 8, /tasks\[0\]\.type is required/],
			[[{ taskId: restock.id, name: 'x', type: 3 }], 9, /type must be 1/],
			[[{ taskId: restock.id, name: 'x', type: '1' }], 9, /type must be 1/],
			[[{ taskId: restock.id, name: '  ', type: 1 }], 9, /name must be a non-empty string/],
			[
				[{ taskId: restock.id, name: 'x', description: 5, type: 1 }],
				9,
				/description must be a string/,
			],
			[[{ taskId: 'not-a-ulid', name: 'x', type: 1 }], 9, /taskId must be a ULID/],
			[[{ taskId: '01ht07sr1e36pw203eyy7nhn0b', name: 'x', type: 1 }], 9, /not a master task/],
			[['task'], 9, /tasks\[0\] must be an object/],
			[[good, { id: 42, ...good }], 9, /tasks\[1\]\.id must be a ULID/],
			[
				[
					{ id: regular.id, ...good },
					{ id: regular.id, ...good },
				],
				9,
				/appears twice/,
			],
		];
		for (const [tasks, code, detail] of cases) {
			const answer =
				tasks === undefined
					? await api('PUT', `/shifts/${shift.id}/tasks`, { body: {} })
					: await put(tasks);
			expectCode(answer, code, detail);
		}
		// A body that is not an object has no fields: `tasks` is missing.
		expectCode(
			await api('PUT', `/shifts/${shift.id}/tasks`, { body: [good] }),
			8,
			/tasks is required/,
		);
		expect(await listed()).toEqual(before);
		expect(fake.shiftTasks.size).toBe(3);
	});

	it('time-boxed tasks need startTime and dueTime (ISO 8601 with an offset), due after start; options tighten or loosen this', async () => {
		const timedEntry = (options: unknown) => [
			{ taskId: openRegister.id, name: 'T', type: 2, options },
		];
		expectCode(await put(timedEntry(undefined)), 8, /options \(startTime, dueTime\) is required/);
		expectCode(
			await put(timedEntry({ startTime: '2026-03-04T12:00:00+00:00' })),
			8,
			/options\.dueTime is required/,
		);
		expectCode(
			await put(timedEntry({ startTime: 'seven', dueTime: '2026-03-04T12:30:00+00:00' })),
			9,
			/startTime must be an ISO 8601/,
		);
		expectCode(
			await put(timedEntry({ startTime: '2026-03-04T12:00:00', dueTime: '2026-03-04T12:30:00' })),
			9,
			/with an offset/,
		);
		expectCode(
			await put(
				timedEntry({
					startTime: '2026-03-04T12:30:00+00:00',
					dueTime: '2026-03-04T12:30:00+00:00',
				}),
			),
			9,
			/dueTime must be after startTime/,
		);
		expectCode(await put(timedEntry('07:00-07:30')), 9, /options must be an object/);
		// A time-boxed task outside its shift is accepted unless timeBoxWithinShift.
		ok(
			await put(
				timedEntry({
					startTime: '2026-03-05T02:00:00+00:00',
					dueTime: '2026-03-05T02:30:00+00:00',
				}),
			),
		);

		await withFake(
			{
				timeBoxWithinShift: true,
				dateTimeOffset: 'lenient',
				requireOrderedTimes: false,
			},
			async (target, otherToken) => {
				const s = shiftOn(target);
				const m = target.addMasterTask({ name: 'M' });
				const send = (tasks: unknown) =>
					call(target, 'PUT', `/shifts/${s.id}/tasks`, { token: otherToken, body: { tasks } });
				expectCode(
					await send([
						{
							taskId: m.id,
							name: 'T',
							type: 2,
							options: { startTime: '2026-03-04T06:00:00', dueTime: '2026-03-04T07:30:00' },
						},
					]),
					9,
					/within shift/,
				);
				// Without an offset the company's zone is used; a due time before the start passes with requireOrderedTimes off.
				const data = ok(
					await send([
						{
							taskId: m.id,
							name: 'T',
							type: 2,
							options: { startTime: '2026-03-04T08:00:00', dueTime: '2026-03-04T07:30:00' },
						},
					]),
				);
				expect(data[0].options).toEqual({
					startTime: '2026-03-04T13:00:00+00:00',
					dueTime: '2026-03-04T12:30:00+00:00',
				});
			},
		);
	});

	it('bulkFailure partial: the entries before a bad one are applied and nothing is deleted', async () => {
		await withFake({ bulkFailure: 'partial' }, async (target, otherToken) => {
			const s = shiftOn(target);
			const m = target.addMasterTask({ name: 'M' });
			const a = target.addShiftTask({ shiftId: s.id, taskId: m.id, name: 'A' });
			target.addShiftTask({ shiftId: s.id, taskId: m.id, name: 'B' });
			const answer = await call(target, 'PUT', `/shifts/${s.id}/tasks`, {
				token: otherToken,
				body: {
					tasks: [
						{ id: a.id, taskId: m.id, name: 'A2', type: 1 },
						{ taskId: m.id, name: 'C', type: 1 },
						{ taskId: m.id, type: 1 },
					],
				},
			});
			expectCode(answer, 8);
			expect(target.liveShiftTasks(s.id).map((t) => t.name)).toEqual(['A2', 'B', 'C']);
		});
	});

	it('ids and master tasks: an unknown id is code 9 (or created with unknownShiftTaskId create); a deleted master task passes only for a task that already had it', async () => {
		const foreign = '01k6mj6wmesfx9az1s615jdd0y';
		expectCode(
			await put([{ id: foreign, taskId: restock.id, name: 'X', type: 1 }]),
			9,
			/is not a task of shift/,
		);

		const sameShiftTasks = [
			{ id: regular.id, taskId: cleanMachine.id, name: 'Regular task', type: 1 },
		];
		cleanMachine.deletedAt = '2026-03-01T00:00:00+00:00';
		ok(await put(sameShiftTasks));
		expectCode(
			await put([...sameShiftTasks, { taskId: cleanMachine.id, name: 'again', type: 1 }]),
			9,
			/deleted master task/,
		);
		expectCode(
			await put([
				{ id: regular.id, taskId: restock.id, name: 'x', type: 1 },
				{ taskId: cleanMachine.id, name: 'y', type: 1 },
			]),
			9,
			/deleted master task/,
		);

		await withFake(
			{ unknownShiftTaskId: 'create', deletedMasterTaskInPut: 'reject' },
			async (target, otherToken) => {
				const s = shiftOn(target);
				const m = target.addMasterTask({ name: 'M' });
				const t = target.addShiftTask({ shiftId: s.id, taskId: m.id, name: 'T' });
				const send = (tasks: unknown) =>
					call(target, 'PUT', `/shifts/${s.id}/tasks`, { token: otherToken, body: { tasks } });
				const data = ok(await send([{ id: foreign, taskId: m.id, name: 'N', type: 1 }]));
				expect(data).toEqual([expect.objectContaining({ name: 'N' })]);
				expect(data[0].id).not.toBe(foreign);
				m.deletedAt = '2026-03-01T00:00:00+00:00';
				expectCode(
					await send([{ id: data[0].id, taskId: m.id, name: 'N', type: 1 }]),
					9,
					/deleted master task/,
				);
				expect(t.deletedAt).not.toBeNull();
			},
		);
	});

	it('PUT on an unknown shift is code 13; an Employee without edit rights gets code 20 and changes nothing', async () => {
		expectCode(await put([], 999), 13, /Shift 999 not found/);
		expectCode(await put([], Number.NaN), 9);
		const samToken = fake.issueAccessToken(sam.id);
		expectCode(await put([], shift.id, { token: samToken }), 20);
		expect(fake.liveShiftTasks(shift.id)).toHaveLength(3);
		// A supervisor has edit rights (shiftEditRoles), and reads are open to every role.
		const tom = fake.addEmployee({ firstname: 'Tom', lastname: 'Becker', role: 'supervisor' });
		ok(await put([], shift.id, { token: fake.issueAccessToken(tom.id) }));
		expect(ok(await api('GET', `/shifts/${shift.id}/tasks`, { token: samToken }))).toEqual([]);
	});

	it('request counts: shiftTaskCalls(shift) counts reads and writes of one shift’s tasks; requestCounts() by route', async () => {
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: barista.id,
		});
		const current = await listed();
		ok(
			await put(
				current.map((t: Record<string, unknown>) => ({
					id: t.id,
					taskId: t.taskId,
					name: t.name,
					description: t.description,
					type: t.type,
					options: t.options,
				})),
			),
		);
		await listed(`${other.id},${shift.id}`);
		await listed(other.id);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 2, writes: 1 });
		expect(fake.shiftTaskCalls(other.id)).toEqual({ reads: 2, writes: 0 });
		await passwordGrant(fake);
		await api('GET', '/nope');
		expect(fake.requestCounts()).toEqual({
			'GET /api/v2/shifts/:shiftIds/tasks': 3,
			'PUT /api/v2/shifts/:shiftId/tasks': 1,
			'POST /oauth2/token.php': 1,
			UNKNOWN: 1,
		});
		expect(fake.requestsTo('PUT /api/v2/shifts/:shiftId/tasks')[0].body).toEqual({
			tasks: expect.any(Array),
		});
		// The read-modify-write kept every task unchanged.
		expect(fake.liveShiftTasks(shift.id).every((t) => t.updatedAt === null)).toBe(true);
	});
});
