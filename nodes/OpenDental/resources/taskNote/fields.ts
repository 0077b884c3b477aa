import type { INodeProperties } from 'n8n-workflow';
import { recordPicker, versionedIdFields, withoutRouting } from '../../../shared/recordPicker';
import { OPEN_DENTAL_PATHS } from '../../api';
import {
	byNumber,
	recordNumberField,
	requiredNumber,
	taskPickerField,
	textField,
	timeField,
} from '../../fields';
import { toRecord } from '../../requests';

/** The fields and checks several task note operations share. */

export const taskNoteNumField = recordNumberField(
	'Task Note Number',
	'taskNoteNum',
	'512',
	'The note’s TaskNoteNum',
);
export const taskNoteNumRules = requiredNumber('taskNoteNum', 'Task Note Number');

/** Get and Update's task: only to list that task's notes in the picker below it; nothing is sent. */
const taskToListField: INodeProperties = withoutRouting({
	...taskPickerField,
	required: false,
	description: 'The task whose notes the Task Note Number list shows; it is not sent',
});

/**
 * The note of Get and Update: version 1's typed Task Note Number; from version 2 a picker of the notes of the
 * task picked above it, or By Number.
 */
export const taskNoteNumFields: INodeProperties[] = versionedIdFields(
	taskNoteNumField,
	recordPicker({
		displayName: 'Task Note Number',
		name: 'taskNoteNum',
		description:
			'The note, picked from the notes of the task above (type to narrow them) or by its TaskNoteNum',
		searchListMethod: 'searchTaskNotes',
		listPlaceholder: 'Pick a note of the task…',
		typed: byNumber('512', 'Task Note Number'),
	}),
	[taskToListField],
);

/** Requests to the note the Task Note Number names. */
export const toTaskNote = toRecord(OPEN_DENTAL_PATHS.taskNotes, 'taskNoteNum');

export const noteField = textField('Note', 'note', 'Note');

export const noteTimeField = timeField(
	'Note Time',
	'dateTimeNote',
	'DateTimeNote',
	'When the note was written (DateTimeNote). Sent in the office’s time zone.',
);
