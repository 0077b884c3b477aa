/**
 * The employee task of Start and Complete from node version 2: picked from the employee tasks of a shift picked
 * above it (that shift is not sent), or typed By ID. Version 1 keeps its typed Employee Task ID
 * (employeeTask.test.ts runs it).
 */
import type { IDataObject } from 'n8n-workflow';
import { searchListPage } from '../harness';
import {
	fieldOrderByVersion,
	idFieldByVersion,
	PICKER_BY_VERSION,
	refusalMessage,
} from '../pickerChecks';
import {
	API,
	apiCalls,
	byId,
	credentialId,
	engine,
	fake,
	humanity,
	seed,
	useHumanity,
} from './setup';

useHumanity();

const V2 = { typeVersion: 2 };

/** One load of Start's employee-task picker, with `shift` picked in the shift field above it. */
const employeeTaskList = (shift: IDataObject, filter = '') =>
	searchListPage(
		engine,
		{
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId,
			parameters: { resource: 'employeeTask', operation: 'start', shiftId: shift },
			...V2,
		},
		'searchEmployeeTasks',
		filter,
	);

/** The world's Morning bar shift, Sam's employee task of each of its three shift tasks, and the other shift. */
function world() {
	const { shift, other, tasks } = seed();
	const [register, espresso, pastries] = tasks.map((task) => fake.employeeTasksOf(task.id)[0]);
	return { shift, other, tasks, register, espresso, pastries };
}

describe('Employee task picker (node version 2)', () => {
	it.each(['start', 'complete'])(
		'%s: the editor shows a picker, list first, or By ID; version 1 its typed Employee Task ID',
		(operation) => {
			expect(idFieldByVersion('humanity', 'employeeTask', operation, 'employeeTaskId')).toEqual(
				PICKER_BY_VERSION,
			);
		},
	);

	it.each(['start', 'complete'])(
		'%s: a shift picker comes above the employee-task picker from version 2 only',
		(operation) => {
			expect(
				fieldOrderByVersion('humanity', 'employeeTask', operation, ['shiftId', 'employeeTaskId']),
			).toEqual({
				version2: ['shiftId', 'employeeTaskId'],
				version1: ['employeeTaskId'],
			});
		},
	);

	it('lists the employee tasks of the shift picked above, and only those, by shift task, employee and status', async () => {
		const { shift, other, tasks, register, espresso, pastries } = world();
		fake.addEmployeeTask({ shiftTaskId: tasks[3].id, employeeId: register.employeeId });
		fake.employeeTasks.get(espresso.id)!.activity.status = 1;
		fake.employeeTasks.get(pastries.id)!.activity.status = 2;
		fake.server.clearRequests();

		const page = await employeeTaskList(byId(String(shift.id)));

		const sam = register.employeeId;
		expect(page.results).toEqual([
			{ name: `Open the register (employee ${sam}, not started)`, value: register.id },
			{ name: `Clean the espresso machine (employee ${sam}, started)`, value: espresso.id },
			{ name: `Restock pastries (employee ${sam}, completed)`, value: pastries.id },
		]);
		expect(apiCalls().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET ${API}/shifts/${shift.id}/employee-tasks`,
			`GET ${API}/shifts/${shift.id}/tasks`,
		]);
		expect(apiCalls().some((request) => request.path.includes(String(other.id)))).toBe(false);
	});

	it('what is typed narrows the list, by task name or status', async () => {
		const { shift, espresso } = world();
		fake.employeeTasks.get(espresso.id)!.activity.status = 1;

		const byName = await employeeTaskList(byId(String(shift.id)), 'ESPRESSO');
		const byStatus = await employeeTaskList(byId(String(shift.id)), 'started');

		expect(byName.results.map((result) => result.value)).toEqual([espresso.id]);
		// "not started" holds "started" too: every task of the shift.
		expect(byStatus.results).toHaveLength(3);
	});

	it.each([
		['no shift picked', { __rl: true, mode: 'list', value: '' }],
		['a shift that is not a number', byId('morning')],
	])('with %s above, the list is empty and asks Humanity nothing', async (_, shift) => {
		world();
		fake.server.clearRequests();

		const page = await employeeTaskList(shift);

		expect(page.results).toEqual([]);
		expect(apiCalls()).toEqual([]);
	});

	it.each([
		['picked from the list', 'list'],
		['typed By ID', 'id'],
	] as const)(
		'Start and Complete with the task %s write that task’s activity; the shift above is not sent',
		async (_, mode) => {
			const { shift, register, espresso } = world();
			const picked = {
				shiftId: byId(String(shift.id)),
				employeeTaskId: { __rl: true, mode, value: register.id },
			};
			fake.server.clearRequests();

			await humanity({ resource: 'employeeTask', operation: 'start', ...picked }, undefined, V2);
			await humanity({ resource: 'employeeTask', operation: 'complete', ...picked }, undefined, V2);

			expect(apiCalls().map((request) => [request.method, request.path, request.body])).toEqual([
				['POST', `${API}/employee-tasks/${register.id}/activity`, { status: 1 }],
				['POST', `${API}/employee-tasks/${register.id}/activity`, { status: 2 }],
			]);
			expect(fake.employeeTasks.get(register.id)?.activity.status).toBe(2);
			expect(fake.employeeTasks.get(espresso.id)?.activity.status).toBe(0);
		},
	);

	it('a workflow saved with version 1 still starts the task its typed Employee Task ID names', async () => {
		const { register } = world();
		fake.server.clearRequests();

		const { error } = await humanity({
			resource: 'employeeTask',
			operation: 'start',
			employeeTaskId: register.id,
		});

		expect(error).toBeUndefined();
		expect(apiCalls().map((request) => request.path)).toEqual([
			`${API}/employee-tasks/${register.id}/activity`,
		]);
		expect(fake.employeeTasks.get(register.id)?.activity.status).toBe(1);
	});

	/** Why a run was refused: n8n's own check of the workflow (it throws), or the node's (the run's error). */
	const refusal = (parameters: IDataObject) =>
		refusalMessage(() => humanity({ resource: 'employeeTask', ...parameters }, undefined, V2));

	it.each([
		// n8n checks a typed value against the mode's rule before it runs the node at all.
		['start', 'typed', byId('42')],
		['complete', 'typed', byId('not-a-ulid')],
		// An expression's value is only known on run: the node's own check refuses it.
		['start', 'from an expression', byId('={{ "42" }}')],
		['complete', 'from an expression', byId('={{ "not-a-ulid" }}')],
	])(
		'%s refuses a By ID value that is no ULID (%s) before any request, naming the field',
		async (operation, _how, employeeTaskId) => {
			fake.server.clearRequests();

			expect(await refusal({ operation, employeeTaskId })).toContain(
				'"Employee Task ID" must be a 26-character ULID',
			);
			expect(fake.requests).toEqual([]);
		},
	);
});
