/**
 * Employee tasks: `GET /shifts/{ids}/employee-tasks` and the activity of one (`/employee-
 * tasks/{id}/activity`).
 */
import type { FakeRequest } from '../kit';
import { nowMs } from './clock';
import { refuse } from './envelope';
import { type Answer, type Context, api, on } from './gates';
import { dateTime, readBody, readUlid } from './input';
import { canEditShift, shiftsNamed } from './shifts';
import type { HumanityStore } from './store';
import { HUMANITY_API_PREFIX, type HumanityEmployeeTask, type HumanityShift } from './types';
import { employeeTaskViewOf } from './views';

function listEmployeeTasks(fake: HumanityStore, { request, user }: Context): Answer {
	const shiftIds = new Set(shiftsNamed(fake, request.params.shiftIds).map((shift) => shift.id));
	const own = fake.options.employeesSeeOnlyOwnTasks && !canEditShift(fake, user);
	const rows = [...fake.employeeTasks.values()].filter((task) => {
		const shiftTask = fake.shiftTasks.get(task.shiftTaskId);
		return (
			task.deletedAt === null &&
			shiftTask !== undefined &&
			shiftTask.deletedAt === null &&
			shiftIds.has(shiftTask.shiftId) &&
			(!own || task.employeeId === user.id)
		);
	});
	const order = (task: HumanityEmployeeTask) => {
		const shiftTask = fake.shiftTasks.get(task.shiftTaskId)!;
		return [shiftTask.shiftId, shiftTask.position, task.employeeId];
	};
	rows.sort((a, b) => {
		const [x, y] = [order(a), order(b)];
		return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
	});
	return { data: rows.map((task) => employeeTaskViewOf(fake, task)) };
}

function employeeTaskByParam(
	fake: HumanityStore,
	request: FakeRequest,
): {
	task: HumanityEmployeeTask;
	shift: HumanityShift | undefined;
} {
	const id = readUlid(fake, request.params.id, 'employeeTaskId');
	const task = fake.employeeTasks.get(id);
	if (!task || task.deletedAt !== null)
		return refuse(fake.options.notFoundCodes.update, `Employee task ${id} not found`);
	const shiftTask = fake.shiftTasks.get(task.shiftTaskId);
	return { task, shift: shiftTask ? fake.shifts.get(shiftTask.shiftId) : undefined };
}

/** update-employee-task: set both times (both mandatory); needs edit permissions over the shift. The task is then completed. */
function editActivity(fake: HumanityStore, { request, user }: Context): Answer {
	const { task } = employeeTaskByParam(fake, request);
	if (!canEditShift(fake, user))
		return refuse(20, 'editing an employee task needs edit permissions on its shift');
	const body = readBody(request);
	for (const name of ['startedAt', 'endedAt']) {
		if (body[name] === undefined || body[name] === null || body[name] === '')
			return refuse(8, `${name} is required`);
	}
	const started = dateTime(fake, body.startedAt, 'startedAt');
	const ended = dateTime(fake, body.endedAt, 'endedAt');
	if (fake.options.requireOrderedTimes && ended.ms < started.ms)
		return refuse(9, 'endedAt must not be before startedAt');
	// [inferred] activityEditedBy: no sheet line decides who startedBy/endedBy name after an edit.
	const by = fake.options.activityEditedBy === 'editor' ? user.id : task.employeeId;
	task.activity = {
		startedAt: started.text,
		endedAt: ended.text,
		startedBy: by,
		endedBy: by,
		status: 2,
	};
	return { data: { activity: { ...task.activity } } };
}

/** update-employee-tasks: `{status: 1}` starts, `{status: 2}` finishes, now. Own tasks, or others' with edit permissions. */
function changeActivityStatus(fake: HumanityStore, { request, user }: Context): Answer {
	const { task, shift } = employeeTaskByParam(fake, request);
	const editor = canEditShift(fake, user);
	if (!editor && task.employeeId !== user.id)
		return refuse(20, "only the employee's own tasks, or with edit permissions on the shift");
	if (!editor && fake.options.ownTaskWindow === 'shift' && shift) {
		const now = nowMs(fake);
		if (now < shift.startMs || now > shift.endMs)
			return refuse(20, 'own tasks can only be started or finished during the shift');
	}
	const body = readBody(request);
	if (body.status === undefined || body.status === null) return refuse(8, 'status is required');
	if (body.status !== 1 && body.status !== 2)
		return refuse(9, 'status must be 1 (start) or 2 (finish)');
	const now = fake.utcNow();
	const activity = task.activity;
	if (body.status === 1) {
		if (activity.status !== 0 && fake.options.restartStarted === 'reject')
			return refuse(
				9,
				`employee task ${task.id} is already ${activity.status === 1 ? 'started' : 'finished'}`,
			);
		task.activity = {
			startedAt: now,
			endedAt: null,
			startedBy: user.id,
			endedBy: null,
			status: 1,
		};
	} else {
		if (activity.status === 2) return refuse(9, `employee task ${task.id} is already finished`);
		if (activity.status === 0) {
			if (fake.options.finishUnstarted === 'reject')
				return refuse(9, `employee task ${task.id} has not been started`);
			task.activity = {
				startedAt: now,
				endedAt: now,
				startedBy: user.id,
				endedBy: user.id,
				status: 2,
			};
		} else {
			task.activity = { ...activity, endedAt: now, endedBy: user.id, status: 2 };
		}
	}
	return { data: { activity: { ...task.activity } } };
}

export function employeeTaskRoutes(fake: HumanityStore): void {
	const v2 = (path: string) => `${HUMANITY_API_PREFIX}${path}`;
	on(
		fake,
		'GET',
		v2('/shifts/:shiftIds/employee-tasks'),
		api(fake, (c) => listEmployeeTasks(fake, c)),
	);
	on(
		fake,
		'PUT',
		v2('/employee-tasks/:id/activity'),
		api(fake, (c) => editActivity(fake, c)),
	);
	on(
		fake,
		'POST',
		v2('/employee-tasks/:id/activity'),
		api(fake, (c) => changeActivityStatus(fake, c)),
	);
}
