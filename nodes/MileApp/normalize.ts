import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type TaskMapper,
} from '../shared/normalizedTask';
import { taskSubject } from '../shared/taskSubject';
import { TASK_STATUS } from './vocabulary';

const STATUSES: Record<string, NormalizedStatus> = {
	[TASK_STATUS.unassigned]: 'open',
	[TASK_STATUS.ongoing]: 'in progress',
	[TASK_STATUS.done]: 'done',
};

/** The hub the task belongs to. */
function hubOf(task: IDataObject) {
	const hub = (task.hub ?? {}) as IDataObject;
	return taskSubject('hub', textOrNull(task.hubId) ?? textOrNull(hub._id), hub.name);
}

/**
 * A MileApp task. Its title and content are the flow fields the flow's configuration shows (the flow's name
 * when it shows none); `endTime` is its deadline (MileApp refuses to finish a task after it); assignees are
 * emails, MileApp's own way of naming them.
 */
export const normalizeMileAppTask: TaskMapper = (task, zone) => {
	const emails = Array.isArray(task.assignee)
		? (task.assignee as unknown[])
				.map(textOrNull)
				.filter((email): email is string => email !== null)
		: [];
	return normalizedTask('mileApp', task, {
		id: String(task._id),
		title: textOrNull(task.title) ?? textOrNull(task.flow),
		description: textOrNull(task.content),
		status: STATUSES[String(task.status)] ?? 'open',
		dueAt: isoOrNull(task.endTime, zone),
		createdAt: isoOrNull(task.createdTime, zone),
		updatedAt: isoOrNull(task.updatedTime, zone),
		completedAt: isoOrNull(task.doneTime, zone),
		assignees: emails.map((email) => ({ id: email, email })),
		subject: hubOf(task),
	});
};
