/** The fake Humanity: employee tasks and their activity (employeeTasks.ts). */
import type { HumanityShiftTask } from '.';
import {
	api,
	call,
	cleanMachine,
	expectCode,
	fake,
	kitchen,
	lee,
	maria,
	ok,
	openRegister,
	restock,
	sam,
	setNow,
	shift,
	shiftTask,
	T0,
	token,
	useFake,
	withFake,
} from './testing';

useFake();

describe('employee tasks', () => {
	let regular: HumanityShiftTask;
	let timed: HumanityShiftTask;
	let samToken: string;

	beforeEach(() => {
		regular = shiftTask({ taskId: cleanMachine.id, name: 'Clean' });
		timed = shiftTask({
			taskId: openRegister.id,
			name: 'Open',
			type: 2,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		samToken = fake.issueAccessToken(sam.id);
	});

	const samsTask = (shiftTaskId: string) =>
		fake.employeeTasksOf(shiftTaskId).find((t) => t.employeeId === sam.id)!;
	const leesTask = (shiftTaskId: string) =>
		fake.employeeTasksOf(shiftTaskId).find((t) => t.employeeId === lee.id)!;
	const post = (id: string, status: unknown, tok = samToken) =>
		api('POST', `/employee-tasks/${id}/activity`, { token: tok, body: { status } });

	it('GET /shifts/{ids}/employee-tasks lists one per employee per shift task, with the sheet’s fields and a not-started activity', async () => {
		const data = ok(await api('GET', `/shifts/${shift.id}/employee-tasks`));
		expect(data).toHaveLength(4);
		expect(data[0]).toEqual({
			id: samsTask(regular.id).id,
			employeeId: sam.id,
			taskId: cleanMachine.id,
			shiftId: shift.id,
			shiftTaskId: regular.id,
			type: 1,
			options: null,
			activity: { startedAt: null, endedAt: null, startedBy: null, endedBy: null, status: 0 },
		});
		expect(data[3]).toMatchObject({
			employeeId: lee.id,
			shiftTaskId: timed.id,
			type: 2,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: kitchen.id,
			employeeIds: [maria.id],
		});
		shiftTask({ taskId: restock.id }, other);
		expect(ok(await api('GET', `/shifts/${shift.id},${other.id}/employee-tasks`))).toHaveLength(5);
		await withFake(
			{ employeeTasks: 'manual', employeesSeeOnlyOwnTasks: true },
			async (target, otherToken) => {
				const p = target.addPosition({ name: 'P' });
				const a = target.addEmployee({ firstname: 'A', lastname: 'A' });
				const b = target.addEmployee({ firstname: 'B', lastname: 'B' });
				const s = target.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
					employeeIds: [a.id, b.id],
				});
				const t = target.addShiftTask({
					shiftId: s.id,
					taskId: target.addMasterTask({ name: 'M' }).id,
				});
				expect(target.employeeTasksOf(t.id)).toEqual([]);
				target.addEmployeeTask({ shiftTaskId: t.id, employeeId: a.id });
				target.addEmployeeTask({ shiftTaskId: t.id, employeeId: b.id });
				expect(
					ok(await call(target, 'GET', `/shifts/${s.id}/employee-tasks`, { token: otherToken })),
				).toHaveLength(2);
				const own = ok(
					await call(target, 'GET', `/shifts/${s.id}/employee-tasks`, {
						token: target.issueAccessToken(a.id),
					}),
				);
				expect(own.map((x: { employeeId: number }) => x.employeeId)).toEqual([a.id]);
			},
		);
	});

	it('POST activity {status: 1} starts now, {status: 2} finishes now; employees act on their own tasks, editors on anyone’s', async () => {
		const mine = samsTask(timed.id);
		setNow(T0 + 60_000);
		expect(ok(await post(mine.id, 1))).toEqual({
			activity: {
				startedAt: '2026-03-04T17:01:00+00:00',
				endedAt: null,
				startedBy: sam.id,
				endedBy: null,
				status: 1,
			},
		});
		setNow(T0 + 600_000);
		expect(ok(await post(mine.id, 2))).toEqual({
			activity: {
				startedAt: '2026-03-04T17:01:00+00:00',
				endedAt: '2026-03-04T17:10:00+00:00',
				startedBy: sam.id,
				endedBy: sam.id,
				status: 2,
			},
		});
		const listed = ok(await api('GET', `/shifts/${shift.id}/employee-tasks`)).find(
			(t: { id: string }) => t.id === mine.id,
		);
		expect(listed.activity.status).toBe(2);

		expectCode(await post(leesTask(timed.id).id, 1), 20);
		// The manager (edit rights) starts Lee's task for them.
		expect(ok(await post(leesTask(timed.id).id, 1, token)).activity).toMatchObject({
			status: 1,
			startedBy: fake.primaryUser.id,
		});
		expectCode(await post(mine.id, undefined), 8, /status is required/);
		expectCode(await post(samsTask(regular.id).id, 3), 9);
		expectCode(await post('01k6mj6wmesfx9az1s615jdd0y', 1), 13);
		expectCode(await post('nope', 1), 9);
	});

	it('finishing a task never started starts and finishes it (or code 9); starting twice or finishing twice is code 9 (restart allowed by option)', async () => {
		expect(ok(await post(samsTask(regular.id).id, 2)).activity).toMatchObject({
			startedAt: '2026-03-04T17:00:00+00:00',
			endedAt: '2026-03-04T17:00:00+00:00',
			status: 2,
		});
		expectCode(await post(samsTask(regular.id).id, 2), 9, /already finished/);
		expectCode(await post(samsTask(regular.id).id, 1), 9, /already finished/);
		ok(await post(samsTask(timed.id).id, 1));
		expectCode(await post(samsTask(timed.id).id, 1), 9, /already started/);
		await withFake(
			{ finishUnstarted: 'reject', restartStarted: 'allow' },
			async (target, otherToken) => {
				const p = target.addPosition({ name: 'P' });
				const s = target.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
					employeeIds: [target.primaryUser.id],
				});
				const t = target.addShiftTask({
					shiftId: s.id,
					taskId: target.addMasterTask({ name: 'M' }).id,
				});
				const id = target.employeeTasksOf(t.id)[0].id;
				const send = (status: number) =>
					call(target, 'POST', `/employee-tasks/${id}/activity`, {
						token: otherToken,
						body: { status },
					});
				expectCode(await send(2), 9, /has not been started/);
				ok(await send(1));
				setNow(T0 + 1000);
				expect(ok(await send(1)).activity).toMatchObject({
					startedAt: '2026-03-04T17:00:01+00:00',
					status: 1,
				});
			},
		);
	});

	it('PUT activity sets both times and completes the task; both are required (8), ordered (9), and it needs edit rights (20)', async () => {
		const task = leesTask(regular.id);
		const put = (body: unknown, tok = token) =>
			api('PUT', `/employee-tasks/${task.id}/activity`, { token: tok, body });
		expect(
			ok(
				await put({ startedAt: '2026-03-04T07:30:00-05:00', endedAt: '2026-03-04T13:00:00+00:00' }),
			),
		).toEqual({
			activity: {
				startedAt: '2026-03-04T12:30:00+00:00',
				endedAt: '2026-03-04T13:00:00+00:00',
				startedBy: fake.primaryUser.id,
				endedBy: fake.primaryUser.id,
				status: 2,
			},
		});
		expect(fake.employeeTasks.get(task.id)!.activity.status).toBe(2);
		expectCode(await put({ startedAt: '2026-03-04T12:30:00+00:00' }), 8, /endedAt is required/);
		expectCode(
			await put({ startedAt: '2026-03-04T13:30:00+00:00', endedAt: '2026-03-04T13:00:00+00:00' }),
			9,
			/must not be before/,
		);
		expectCode(await put({ startedAt: 'later', endedAt: '2026-03-04T13:00:00+00:00' }), 9);
		// Lee cannot edit times, not even of his own task (documented: edit permissions over the shift).
		expectCode(
			await put(
				{ startedAt: '2026-03-04T12:30:00+00:00', endedAt: '2026-03-04T13:00:00+00:00' },
				fake.issueAccessToken(lee.id),
			),
			20,
		);
	});

	it('ownTaskWindow shift: an employee starts or finishes their own task only during the shift', async () => {
		await withFake({ ownTaskWindow: 'shift' }, async (target) => {
			const p = target.addPosition({ name: 'P' });
			const e = target.addEmployee({ firstname: 'E', lastname: 'E' });
			const s = target.addShift({
				start: '2026-03-04 13:00',
				end: '2026-03-04 15:00',
				positionId: p.id,
				employeeIds: [e.id],
			});
			const t = target.addShiftTask({
				shiftId: s.id,
				taskId: target.addMasterTask({ name: 'M' }).id,
			});
			const id = target.employeeTasksOf(t.id)[0].id;
			const eToken = target.issueAccessToken(e.id, T0 + 10 * 3600_000);
			const send = () =>
				call(target, 'POST', `/employee-tasks/${id}/activity`, {
					token: eToken,
					body: { status: 1 },
				});
			expectCode(await send(), 20, /during the shift/);
			setNow(Date.parse('2026-03-04T18:30:00Z')); // 13:30 in New York
			ok(await send());
		});
	});
});
