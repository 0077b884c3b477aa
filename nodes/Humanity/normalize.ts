import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type NormalizedTask,
	type TaskMapper,
	type TaskSubject,
} from '../shared/normalizedTask';
import { taskSubject } from '../shared/taskSubject';
import { ACTIVITY } from './vocabulary';

/** Humanity's activity status of an employee's task, as a normalized status. */
const ACTIVITY_STATUSES: Record<string, NormalizedStatus> = {
	[ACTIVITY.notStarted]: 'open',
	[ACTIVITY.started]: 'in progress',
	[ACTIVITY.completed]: 'done',
};

/** The shift the task is on. */
function shiftOf(task: IDataObject) {
	const shift = (task.shift ?? {}) as IDataObject;
	return taskSubject('shift', textOrNull(task.shiftId) ?? textOrNull(shift.id), shift.title);
}

/** A deleted or removed task is canceled; Humanity keeps no other status on shift and master tasks. */
function liveStatusOf(task: IDataObject): NormalizedStatus {
	return task.removed === true || textOrNull(task.deletedAt) ? 'canceled' : 'open';
}

const timeBoxOf = (task: IDataObject) => (task.options ?? {}) as IDataObject;

/** What every Humanity task record says alike: its ID, name and description. */
function namedOf(task: IDataObject) {
	return {
		id: String(task.id),
		title: textOrNull(task.name),
		description: textOrNull(task.description),
	};
}

/** A shift or master task: Humanity keeps no progress on them, only whether they are still there. */
function listedTask(
	task: IDataObject,
	zone: string,
	dueAt: string | null,
	subject: TaskSubject | null,
): NormalizedTask {
	return normalizedTask('humanity', task, {
		...namedOf(task),
		status: liveStatusOf(task),
		dueAt,
		createdAt: isoOrNull(task.createdAt, zone),
		updatedAt: isoOrNull(task.updatedAt, zone),
		completedAt: null,
		assignees: [],
		subject,
	});
}

/** A task on a shift; a time-boxed one is due at its due time. */
export const normalizeShiftTask: TaskMapper = (task, zone) =>
	listedTask(task, zone, isoOrNull(timeBoxOf(task).dueTime, zone), shiftOf(task));

/** A task of the company's task list, the template shift tasks are made from. */
export const normalizeMasterTask: TaskMapper = (task, zone) => listedTask(task, zone, null, null);

/** One employee's copy of a shift task, with its progress. Humanity's record has no name of its own. */
export const normalizeEmployeeTask: TaskMapper = (task, zone) => {
	const activity = (task.activity ?? {}) as IDataObject;
	const status = ACTIVITY_STATUSES[String(activity.status ?? ACTIVITY.notStarted)] ?? 'open';
	const employee = textOrNull(task.employeeId);
	return normalizedTask('humanity', task, {
		...namedOf(task),
		status,
		dueAt: isoOrNull(timeBoxOf(task).dueTime, zone),
		createdAt: null,
		updatedAt: isoOrNull(activity.endedAt ?? activity.startedAt, zone),
		completedAt: status === 'done' ? isoOrNull(activity.endedAt, zone) : null,
		assignees: employee ? [{ id: employee }] : [],
		subject: shiftOf(task),
	});
};
