import type { IDataObject } from 'n8n-workflow';
import {
	isoOrNull,
	normalizedTask,
	textOrNull,
	type NormalizedTask,
} from '../shared/normalizedTask';
import { taskSubject } from '../shared/taskSubject';
import { NUMBERED_OBJECT_TYPES } from './vocabulary';

/** The patient or appointment the task is about: its object type as the subject's type ('patient'…). */
function subjectOf(task: IDataObject) {
	const objectType = String(task.ObjectType);
	const id = textOrNull(task.KeyNum);
	return NUMBERED_OBJECT_TYPES.includes(objectType) && id !== '0'
		? taskSubject(objectType.toLowerCase(), id)
		: null;
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
