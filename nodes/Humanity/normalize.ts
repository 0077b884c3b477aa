import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type NormalizedTask,
	type TaskSubject,
} from '../shared/normalizedTask';
import { ACTIVITY } from './vocabulary';

/** Humanity's activity status of an employee's task, as a normalized status. */
const ACTIVITY_STATUSES: Record<string, NormalizedStatus> = {
	[ACTIVITY.notStarted]: 'open',
	[ACTIVITY.started]: 'in progress',
	[ACTIVITY.completed]: 'done',
};

function shiftSubjectOf(task: IDataObject): TaskSubject | null {
	const shift = (task.shift ?? {}) as IDataObject;
	const id = textOrNull(task.shiftId) ?? textOrNull(shift.id);
	return id
		? { type: 'shift', id, ...(textOrNull(shift.title) ? { name: String(shift.title) } : {}) }
		: null;
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
export function normalizeShiftTask(task: IDataObject, zone: string): NormalizedTask {
	return listedTask(task, zone, isoOrNull(timeBoxOf(task).dueTime, zone), shiftSubjectOf(task));
}

/** A task of the company's task list, the template shift tasks are made from. */
export function normalizeMasterTask(task: IDataObject, zone: string): NormalizedTask {
	return listedTask(task, zone, null, null);
}

/** One employee's copy of a shift task, with its progress. Humanity's record has no name of its own. */
export function normalizeEmployeeTask(task: IDataObject, zone: string): NormalizedTask {
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
		subject: shiftSubjectOf(task),
	});
}
