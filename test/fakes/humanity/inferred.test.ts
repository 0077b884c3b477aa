/**
 * The fake Humanity's `[inferred]` options that no other fake test turns both ways: each answer on its own fake
 * (withFake), over HTTP. What no sheet line decides is an option, so that node tests can run against each answer.
 */
import type { HumanityFake, HumanityFakeOptions } from '.';
import { call, expectCode, ok, useFake, withFake } from './testing';

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
