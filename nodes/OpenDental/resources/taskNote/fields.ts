import { OPEN_DENTAL_PATHS } from '../../api';
import { recordNumberField, requiredNumber, textField, timeField } from '../../fields';
import { toRecord } from '../../requests';

/** The fields and checks several task note operations share. */

export const taskNoteNumField = recordNumberField(
	'Task Note Number',
	'taskNoteNum',
	'512',
	'The note’s TaskNoteNum',
);
export const taskNoteNumRules = requiredNumber('taskNoteNum', 'Task Note Number');

/** Requests to the note the Task Note Number names. */
export const toTaskNote = toRecord(OPEN_DENTAL_PATHS.taskNotes, 'taskNoteNum');

export const noteField = textField('Note', 'note', 'Note');

export const noteTimeField = timeField(
	'Note Time',
	'dateTimeNote',
	'DateTimeNote',
	'When the note was written (DateTimeNote). Sent in the office’s time zone.',
);
