import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type TaskAssignee,
	type TaskMapper,
} from '../shared/normalizedTask';
import { taskSubject } from '../shared/taskSubject';

/** Completed-type statuses are done, not-started ones open, the firm's other statuses work in progress. */
function statusOf(task: IDataObject): NormalizedStatus {
	const status = (task.status ?? {}) as IDataObject;
	if (status.is_type_completed === true || textOrNull(task.completed_at)) return 'done';
	return status.is_not_started === false ? 'in progress' : 'open';
}

function assigneesOf(task: IDataObject): TaskAssignee[] {
	const accounts = Array.isArray(task.assigned_to) ? (task.assigned_to as IDataObject[]) : [];
	return accounts
		.filter((account) => textOrNull(account?.uuid))
		.map((account) => ({
			id: String(account.uuid),
			...(textOrNull(account.name) ? { name: String(account.name) } : {}),
			...(textOrNull(account.email) ? { email: String(account.email) } : {}),
		}));
}

/** The client, case or plan the task hangs on. */
function subjectOf(task: IDataObject) {
	const taskable = (task.taskable ?? {}) as IDataObject;
	const id = textOrNull(taskable.uuid) ?? textOrNull(task.taskable_uuid);
	return taskSubject(textOrNull(task.taskable_type), id, taskable.name);
}

/** A Plannr task. `due_at` and `completed_at` carry no zone: they are read in the workflow's, as the node writes them. */
export const normalizePlannrTask: TaskMapper = (task, zone) =>
	normalizedTask('plannr', task, {
		id: String(task.uuid),
		title: textOrNull(task.name),
		description: textOrNull(task.description),
		status: statusOf(task),
		dueAt: isoOrNull(task.due_at, zone),
		createdAt: isoOrNull(task.created_at, zone),
		updatedAt: isoOrNull(task.updated_at, zone),
		completedAt: isoOrNull(task.completed_at, zone),
		assignees: assigneesOf(task),
		subject: subjectOf(task),
	});
