import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type NormalizedTask,
	type TaskSubject,
} from '../shared/normalizedTask';

/** Humanity's activity status of an employee's task: 0 not started, 1 started, 2 completed. */
const ACTIVITY_STATUSES: Record<string, NormalizedStatus> = {
	'0': 'open',
	'1': 'in progress',
	'2': 'done',
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

/** A task on a shift; a time-boxed one is due at its due time. */
export function normalizeShiftTask(task: IDataObject, zone: string): NormalizedTask {
	return normalizedTask('humanity', task, {
		id: String(task.id),
		title: textOrNull(task.name),
		description: textOrNull(task.description),
		status: liveStatusOf(task),
		dueAt: isoOrNull(timeBoxOf(task).dueTime, zone),
		createdAt: isoOrNull(task.createdAt, zone),
		updatedAt: isoOrNull(task.updatedAt, zone),
		completedAt: null,
		assignees: [],
		subject: shiftSubjectOf(task),
	});
}

/** One employee's copy of a shift task, with its progress. Humanity's record has no name of its own. */
export function normalizeEmployeeTask(task: IDataObject, zone: string): NormalizedTask {
	const activity = (task.activity ?? {}) as IDataObject;
	const status = ACTIVITY_STATUSES[String(activity.status ?? 0)] ?? 'open';
	const employee = textOrNull(task.employeeId);
	return normalizedTask('humanity', task, {
		id: String(task.id),
		title: textOrNull(task.name),
		description: textOrNull(task.description),
		status,
		dueAt: isoOrNull(timeBoxOf(task).dueTime, zone),
		createdAt: null,
		updatedAt: isoOrNull(activity.endedAt ?? activity.startedAt, zone),
		completedAt: status === 'done' ? isoOrNull(activity.endedAt, zone) : null,
		assignees: employee ? [{ id: employee }] : [],
		subject: shiftSubjectOf(task),
	});
}

/** A task of the company's task list, the template shift tasks are made from. */
export function normalizeMasterTask(task: IDataObject, zone: string): NormalizedTask {
	return normalizedTask('humanity', task, {
		id: String(task.id),
		title: textOrNull(task.name),
		description: textOrNull(task.description),
		status: liveStatusOf(task),
		dueAt: null,
		createdAt: isoOrNull(task.createdAt, zone),
		updatedAt: isoOrNull(task.updatedAt, zone),
		completedAt: null,
		assignees: [],
		subject: null,
	});
}
