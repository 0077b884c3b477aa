import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedStatus,
	type NormalizedTask,
	type TaskSubject,
} from '../shared/normalizedTask';
import type { OliverTaskStatus } from './vocabulary';

const STATUSES: Record<OliverTaskStatus, NormalizedStatus> = {
	pending: 'open',
	completed: 'done',
	canceled: 'canceled',
};

/** The patient when there is one, else the client: the most precise record the task is about. */
function subjectOf(task: IDataObject): TaskSubject | null {
	const patient = textOrNull(task.patient_id);
	if (patient) return { type: 'patient', id: patient };
	const client = textOrNull(task.client_id);
	return client ? { type: 'client', id: client } : null;
}

/** An Oliver staff task. Oliver tasks have no assignee; `finalized_at` is the completion time only when completed. */
export function normalizeOliverTask(task: IDataObject, zone: string): NormalizedTask {
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
}
