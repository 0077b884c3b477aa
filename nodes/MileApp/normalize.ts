import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type NormalizedTask,
	type TaskSubject,
} from '../shared/normalizedTask';
import { TASK_STATUS } from './vocabulary';

const STATUSES: Record<string, NormalizedStatus> = {
	[TASK_STATUS.unassigned]: 'open',
	[TASK_STATUS.ongoing]: 'in progress',
	[TASK_STATUS.done]: 'done',
};

function subjectOf(task: IDataObject): TaskSubject | null {
	const hub = (task.hub ?? {}) as IDataObject;
	const id = textOrNull(task.hubId) ?? textOrNull(hub._id);
	return id
		? { type: 'hub', id, ...(textOrNull(hub.name) ? { name: String(hub.name) } : {}) }
		: null;
}

/**
 * A MileApp task. Its title and content are the flow fields the flow's configuration shows (the flow's name
 * when it shows none); `endTime` is its deadline (MileApp refuses to finish a task after it); assignees are
 * emails, MileApp's own way of naming them.
 */
export function normalizeMileAppTask(task: IDataObject, zone: string): NormalizedTask {
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
		subject: subjectOf(task),
	});
}
