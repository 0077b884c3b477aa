import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedTask,
	type TaskSubject,
} from '../shared/normalizedTask';

/** Open Dental's object types a task can be attached to, as subject types. */
const SUBJECT_TYPES: Record<string, string> = { Patient: 'patient', Appointment: 'appointment' };

function subjectOf(task: IDataObject): TaskSubject | null {
	const type = SUBJECT_TYPES[String(task.ObjectType)];
	const id = textOrNull(task.KeyNum);
	return type && id && id !== '0' ? { type, id } : null;
}

/** The short text Open Dental lists the task by: its override when set, else the first line of the description. */
function titleOf(task: IDataObject): string | null {
	return (
		textOrNull(task.DescriptOverride) ??
		textOrNull(
			String(task.Descript ?? '')
				.split(/\r?\n/)[0]
				?.trim(),
		)
	);
}

/**
 * An Open Dental task, read from the ISO copies of its dates the node adds (`DateTimeOriginalIso`…, in the
 * office's zone). Viewed only says someone opened the task, so it counts as open. Tasks have no assignee
 * (`UserNum` is the author); `DateTask` is a date without a time and stays one.
 */
export function normalizeOpenDentalTask(task: IDataObject): NormalizedTask {
	const done = task.TaskStatus === 'Done';
	return normalizedTask('openDental', task, {
		id: String(task.TaskNum),
		title: titleOf(task),
		description: textOrNull(task.Descript),
		status: done ? 'done' : 'open',
		dueAt: textOrNull(task.DateTaskIso),
		createdAt: isoOrNull(task.DateTimeOriginalIso, 'UTC'),
		updatedAt: isoOrNull(task.SecDateTEditIso, 'UTC'),
		completedAt: done ? isoOrNull(task.DateTimeFinishedIso, 'UTC') : null,
		assignees: [],
		subject: subjectOf(task),
	});
}
