import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type TaskMapper,
} from '../shared/normalizedTask';
import { taskSubject } from '../shared/taskSubject';
import type { OliverTaskStatus } from './vocabulary';

const STATUSES: Record<OliverTaskStatus, NormalizedStatus> = {
	pending: 'open',
	completed: 'done',
	canceled: 'canceled',
};

/** The patient when there is one, else the client: the most precise record the task is about. */
function subjectOf(task: IDataObject) {
	return (
		taskSubject('patient', textOrNull(task.patient_id)) ??
		taskSubject('client', textOrNull(task.client_id))
	);
}

/** An Oliver staff task. Oliver tasks have no assignee; `finalized_at` is the completion time only when completed. */
export const normalizeOliverTask: TaskMapper = (task, zone) => {
	const status = STATUSES[task.status as OliverTaskStatus] ?? 'open';
	return normalizedTask('oliver', task, {
		id: String(task.id),
		title: textOrNull(task.title),
		description: textOrNull(task.description),
		status,
		dueAt: isoOrNull(task.reference_time_at, zone),
		createdAt: isoOrNull(task.created_at, zone),
		updatedAt: isoOrNull(task.updated_at, zone),
		completedAt: status === 'done' ? isoOrNull(task.finalized_at, zone) : null,
		assignees: [],
		subject: subjectOf(task),
	});
};
