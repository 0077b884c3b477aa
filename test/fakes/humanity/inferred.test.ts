/**
 * The fake Humanity's `[inferred]` options that no other fake test turns both ways: each answer on its own fake
 * (withFake), over HTTP. What no sheet line decides is an option, so that node tests can run against each answer.
 */
import type { HumanityFake, HumanityFakeOptions } from '.';
import { call, expectCode, ok, passwordGrant, useFake, withFake } from './testing';

useFake();

/** A fake with these options, one shift (07:00–15:00 on the test day) with one employee and one task of a master task. */
async function withShift(
	options: HumanityFakeOptions,
	body: (world: {
		target: HumanityFake;
		token: string;
		shiftId: number;
		shiftTaskId: string;
		employeeTaskId: string;
	}) => Promise<void>,
): Promise<void> {
	await withFake(options, async (target, token) => {
		const position = target.addPosition({ name: 'Bar' });
		const shift = target.addShift({
			start: '2026-03-04 07:00',
			end: '2026-03-04 15:00',
			positionId: position.id,
			employeeIds: [target.primaryUser.id],
		});
		const task = target.addShiftTask({
			shiftId: shift.id,
			taskId: target.addMasterTask({ name: 'Count the float' }).id,
		});
		const employeeTaskId = target.employeeTasksOf(task.id)[0].id;
		await body({ target, token, shiftId: shift.id, shiftTaskId: task.id, employeeTaskId });
	});
}

describe('options with no other fake test', () => {
	it.each([
		['default', undefined, { get: 15, update: 13, delete: 14 }],
		['another table', { get: 5, update: 9, delete: 4 }, { get: 5, update: 9, delete: 4 }],
	])(
		'[inferred] notFoundCodes: an id that names nothing is the code of its kind (%s)',
		async (_table, notFoundCodes, codes) => {
			await withFake(notFoundCodes ? { notFoundCodes } : {}, async (target, token) => {
				expectCode(await call(target, 'GET', '/shifts/999', { token }), codes.get, /not found/);
				expectCode(
					await call(target, 'PUT', '/shifts/999/tasks', { token, body: { tasks: [] } }),
					codes.update,
					/Shift 999 not found/,
				);
				expectCode(
					await call(target, 'DELETE', '/master-tasks/01k6mj6wmesfx9az1s615jdd0y', { token }),
					codes.delete,
					/not found/,
				);
			});
		},
	);

	it.each([
		[true, false],
		[false, true],
	])(
		'[inferred] deleteCascadesToEmployeeTasks %s: a removed shift task’s employee tasks leave every list; starting one afterwards works: %s',
		async (deleteCascadesToEmployeeTasks, startable) => {
			await withShift(
				{ deleteCascadesToEmployeeTasks },
				async ({ target, token, shiftId, employeeTaskId }) => {
					ok(await call(target, 'PUT', `/shifts/${shiftId}/tasks`, { token, body: { tasks: [] } }));
					expect(
						ok(await call(target, 'GET', `/shifts/${shiftId}/employee-tasks`, { token })),
					).toEqual([]);
					const start = await call(target, 'POST', `/employee-tasks/${employeeTaskId}/activity`, {
						token,
						body: { status: 1 },
					});
					if (startable) expect(ok(start).activity.status).toBe(1);
					else expectCode(start, 13, /not found/);
					expect(target.employeeTasks.get(employeeTaskId)!.deletedAt !== null).toBe(
						deleteCascadesToEmployeeTasks,
					);
				},
			);
		},
	);

	it.each([
		['the default', 1, undefined],
		['admins and managers only', 20, ['admin', 'manager'] as const],
	])(
		'[inferred] shiftEditRoles (%s): a supervisor’s PUT of shift tasks is status %s',
		async (_roles, status, shiftEditRoles) => {
			await withShift(
				shiftEditRoles ? { shiftEditRoles: [...shiftEditRoles] } : {},
				async ({ target, shiftId, shiftTaskId }) => {
					const tom = target.addEmployee({ firstname: 'Tom', lastname: 'B', role: 'supervisor' });
					const answer = await call(target, 'PUT', `/shifts/${shiftId}/tasks`, {
						token: target.issueAccessToken(tom.id),
						body: { tasks: [] },
					});
					if (status === 1) expect(ok(answer)).toEqual([]);
					else expectCode(answer, 20);
					expect(target.liveShiftTasks(shiftId).map((task) => task.id)).toEqual(
						status === 1 ? [] : [shiftTaskId],
					);
				},
			);
		},
	);

	it.each([
		[30, 30],
		[2, 2],
	])(
		'masterTaskDefaultLimit %s (documented: 30; smaller only to show paging): GET /master-tasks without a limit answers %s, with a cursor to the rest',
		async (masterTaskDefaultLimit, count) => {
			await withFake({ masterTaskDefaultLimit }, async (target, token) => {
				for (let i = 0; i < 35; i++) target.addMasterTask({ name: `Task ${i}` });
				const answer = await call(target, 'GET', '/master-tasks', { token });
				expect(ok(answer)).toHaveLength(count);
				expect(answer.body.metadata.cursor).toEqual(expect.any(String));
			});
		},
	);
});

describe('options that settle a format or a match no sheet line gives', () => {
	it.each([
		[
			'oauth2',
			401,
			{ error: 'invalid_grant', error_description: expect.stringMatching(/Invalid/) },
		],
		[
			'envelope',
			200,
			{ status: 7, data: null, error: expect.stringMatching(/Authentication Failed/) },
		],
	] as const)(
		'[inferred] tokenErrors %s: a wrong password is HTTP %s with no access_token, in that shape',
		async (tokenErrors, status, body) => {
			await withFake({ tokenErrors }, async (target) => {
				const answer = await passwordGrant(target, { password: 'wrong' });
				expect(answer.status).toBe(status);
				expect(answer.body).toMatchObject(body);
				expect(answer.body.access_token).toBeUndefined();
			});
		},
	);

	it.each([
		[
			'searchTermCase insensitive',
			{ searchTermCase: 'insensitive' },
			['Count the float', 'count the tills'],
		],
		['searchTermCase sensitive', { searchTermCase: 'sensitive' }, ['count the tills']],
		['positionIdsMatch any', { positionIdsMatch: 'any' }, ['Count the float', 'count the tills']],
		['positionIdsMatch all', { positionIdsMatch: 'all' }, ['count the tills']],
	] as Array<[string, HumanityFakeOptions, string[]]>)(
		'[inferred] %s (%j): searchTerm "count" with positionIds[] of two positions lists %j',
		async (_answer, options, names) => {
			await withFake(options, async (target, token) => {
				const bar = target.addPosition({ name: 'Bar' }).id;
				const kitchen = target.addPosition({ name: 'Kitchen' }).id;
				target.addMasterTask({ name: 'Count the float', positionIds: [bar] });
				target.addMasterTask({ name: 'count the tills', positionIds: [bar, kitchen] });
				target.addMasterTask({ name: 'Mop the floor', positionIds: [kitchen] });
				const query = { searchTerm: 'count', 'positionIds[]': [String(bar), String(kitchen)] };
				const found = ok(await call(target, 'GET', '/master-tasks', { token, query }));
				expect(found.map((task: { name: string }) => task.name)).toEqual(names);
			});
		},
	);

	/** POST /master-tasks with these extra fields on a fake with these options: the answer and what was stored. */
	async function createMasterTask(options: HumanityFakeOptions, fields: Record<string, unknown>) {
		let result: { answer: Awaited<ReturnType<typeof call>>; stored: number } | undefined;
		await withFake(options, async (target, token) => {
			const bar = target.addPosition({ name: 'Bar' }).id;
			const answer = await call(target, 'POST', '/master-tasks', {
				token,
				body: { name: 'Wipe the tables', positionIds: [bar], ...fields },
			});
			result = { answer, stored: target.masterTasks.size };
		});
		return result!;
	}

	it.each([
		['reject', false],
		['keep', true],
	] as const)(
		'[inferred] unknownPositionIds %s: a positionIds entry naming no position is code 9, or stored as sent: %s',
		async (unknownPositionIds, kept) => {
			const { answer, stored } = await createMasterTask(
				{ unknownPositionIds },
				{
					positionIds: [999],
				},
			);
			if (kept) expect(ok(answer).positionIds).toEqual([999]);
			else expectCode(answer, 9, /position 999 not found/);
			expect(stored).toBe(kept ? 1 : 0);
		},
	);

	it.each([
		['hex', false],
		['any', true],
	] as const)(
		'[inferred] masterTaskColor %s: color "red" is code 9, or stored: %s; "#1565C0" is taken either way',
		async (masterTaskColor, taken) => {
			const named = await createMasterTask({ masterTaskColor }, { color: 'red' });
			if (taken) expect(ok(named.answer).color).toBe('red');
			else expectCode(named.answer, 9, /hex colour/);
			const hex = await createMasterTask({ masterTaskColor }, { color: '#1565C0' });
			expect(ok(hex.answer).color).toBe('#1565C0');
		},
	);

	it.each([
		['boolean', false],
		['boolean-or-number', true],
	] as const)(
		'[inferred] favoriteValues %s: PATCH favorite 1 is code 9, or true: %s; favorite true is taken either way',
		async (favoriteValues, taken) => {
			await withFake({ favoriteValues }, async (target, token) => {
				const task = target.addMasterTask({ name: 'Mop' });
				const patch = (favorite: unknown) =>
					call(target, 'PATCH', `/master-tasks/${task.id}`, { token, body: { favorite } });
				const one = await patch(1);
				if (taken) expect(ok(one).favorite).toBe(true);
				else expectCode(one, 9, /favorite must be true or false/);
				expect(ok(await patch(false)).favorite).toBe(false);
				expect(ok(await patch(true)).favorite).toBe(true);
			});
		},
	);

	it.each([
		['reject', false],
		['allow', true],
	] as const)(
		'[inferred] deletedMasterTaskChanges %s: a deleted master task’s PATCH and second DELETE succeed: %s',
		async (deletedMasterTaskChanges, allowed) => {
			await withFake({ deletedMasterTaskChanges }, async (target, token) => {
				const task = target.addMasterTask({ name: 'Mop' });
				const path = `/master-tasks/${task.id}`;
				ok(await call(target, 'DELETE', path, { token }));
				const patch = await call(target, 'PATCH', path, { token, body: { name: 'Mop again' } });
				const again = await call(target, 'DELETE', path, { token });
				if (allowed) {
					expect(ok(patch).name).toBe('Mop again');
					ok(again);
				} else {
					expectCode(patch, 13, /is deleted/);
					expectCode(again, 14, /is deleted/);
				}
			});
		},
	);

	it.each([
		['lower', false],
		['any', true],
	] as const)(
		'[inferred] ulidCase %s: ids in upper case (shift task, master task, employee task) are read: %s; lower case always',
		async (ulidCase, read) => {
			await withShift(
				{ ulidCase },
				async ({ target, token, shiftId, shiftTaskId, employeeTaskId }) => {
					const task = target.shiftTasks.get(shiftTaskId)!;
					const put = (id: string, taskId: string) =>
						call(target, 'PUT', `/shifts/${shiftId}/tasks`, {
							token,
							body: { tasks: [{ id, taskId, name: 'Count the float', type: 1 }] },
						});
					const start = (id: string) =>
						call(target, 'POST', `/employee-tasks/${id}/activity`, { token, body: { status: 1 } });
					const upper = [
						await put(shiftTaskId.toUpperCase(), task.taskId.toUpperCase()),
						await call(target, 'PATCH', `/master-tasks/${task.taskId.toUpperCase()}`, {
							token,
							body: { name: 'Count the float' },
						}),
						await start(employeeTaskId.toUpperCase()),
					];
					for (const answer of upper) {
						if (read) ok(answer);
						else expectCode(answer, 9, /must be a ULID/);
					}
					expect(ok(await put(shiftTaskId, task.taskId))[0].id).toBe(shiftTaskId);
					if (!read) expect(ok(await start(employeeTaskId)).activity.status).toBe(1);
				},
			);
		},
	);

	it.each([
		['as-sent', ['Second', 'First', 'New']],
		['kept', ['First', 'Second', 'New']],
	] as const)(
		'[inferred] shiftTaskOrder %s: a PUT listing the two tasks swapped, then a new one, answers %j',
		async (shiftTaskOrder, order) => {
			await withShift({ shiftTaskOrder }, async ({ target, token, shiftId, shiftTaskId }) => {
				const first = target.shiftTasks.get(shiftTaskId)!;
				first.name = 'First';
				const second = target.addShiftTask({ shiftId, taskId: first.taskId, name: 'Second' });
				const entry = (task: { id?: string; name: string }) => ({
					...task,
					taskId: first.taskId,
					type: 1,
				});
				const answer = ok(
					await call(target, 'PUT', `/shifts/${shiftId}/tasks`, {
						token,
						body: { tasks: [entry(second), entry(first), entry({ name: 'New' })] },
					}),
				);
				expect(answer.map((task: { name: string }) => task.name)).toEqual(order);
				expect(target.liveShiftTasks(shiftId).map((task) => task.name)).toEqual(order);
			});
		},
	);

	it.each([
		['date', false],
		['lenient', true],
	] as const)(
		'[inferred] shiftDayFormat %s: start_date/end_date as ISO datetimes are read as their days: %s; yyyy-MM-dd always',
		async (shiftDayFormat, read) => {
			await withShift({ shiftDayFormat }, async ({ target, token, shiftId }) => {
				const list = (start_date: string, end_date: string) =>
					call(target, 'GET', '/shifts', {
						token,
						query: { mode: 'overview', start_date, end_date },
					});
				const iso = await list('2026-03-04T00:00:00-05:00', '2026-03-04T23:00:00-05:00');
				if (read) expect(ok(iso).map((shift: { id: number }) => shift.id)).toEqual([shiftId]);
				else expectCode(iso, 9, /yyyy-MM-dd/);
				expect(ok(await list('2026-03-04', '2026-03-04')).map((s: { id: number }) => s.id)).toEqual(
					[shiftId],
				);
			});
		},
	);

	it.each([
		['editor', 'the manager'],
		['employee', 'the task’s employee'],
	] as const)(
		'[inferred] activityEditedBy %s: after a PUT of both times, startedBy and endedBy are %s',
		async (activityEditedBy, _who) => {
			await withShift({ activityEditedBy }, async ({ target, token, employeeTaskId }) => {
				const employee = target.addEmployee({ firstname: 'Ana', lastname: 'P', role: 'employee' });
				const task = target.employeeTasks.get(employeeTaskId)!;
				task.employeeId = employee.id;
				const activity = ok(
					await call(target, 'PUT', `/employee-tasks/${employeeTaskId}/activity`, {
						token,
						body: {
							startedAt: '2026-03-04T12:00:00+00:00',
							endedAt: '2026-03-04T12:20:00+00:00',
						},
					}),
				).activity;
				const by = activityEditedBy === 'editor' ? target.primaryUser.id : employee.id;
				expect([activity.startedBy, activity.endedBy]).toEqual([by, by]);
			});
		},
	);

	it.each([
		['unassigned', ['nobody']],
		['short-staffed', ['nobody', 'one of two']],
	] as const)('[inferred] openShifts %s: mode open lists %j', async (openShifts, titles) => {
		await withShift({ openShifts }, async ({ target, token }) => {
			const positionId = target.addPosition({ name: 'Kitchen' }).id;
			const day = { start: '2026-03-04 16:00', end: '2026-03-04 20:00', positionId };
			target.addShift({ ...day, title: 'nobody', needed: 2 });
			target.addShift({
				...day,
				title: 'one of two',
				needed: 2,
				employeeIds: [target.primaryUser.id],
			});
			target.addShift({ ...day, title: 'full', employeeIds: [target.primaryUser.id] });
			const open = ok(
				await call(target, 'GET', '/shifts', {
					token,
					query: { mode: 'open', start_date: '2026-03-04', end_date: '2026-03-04' },
				}),
			);
			expect(open.map((shift: { title: string }) => shift.title)).toEqual(titles);
		});
	});

	it.each([
		['name-and-parts', { name: 'Ana Pérez', firstname: 'Ana', lastname: 'Pérez' }],
		['parts-only', { firstname: 'Ana', lastname: 'Pérez' }],
	] as const)(
		'[inferred] employeeName %s: GET /employees/{id} answers %j with the id, never the password',
		async (employeeName, names) => {
			await withFake({ employeeName }, async (target, token) => {
				const ana = target.addEmployee({ firstname: 'Ana', lastname: 'Pérez', role: 'employee' });
				const answer = ok(await call(target, 'GET', `/employees/${ana.id}`, { token }));
				expect(answer).toMatchObject({ id: ana.id, ...names });
				expect('name' in answer).toBe('name' in names);
				expect(JSON.stringify(answer)).not.toContain(ana.password);
			});
		},
	);
});
