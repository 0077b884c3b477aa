import { defineOperation } from '../../../shared/operation';
import { OPEN_DENTAL_PATHS } from '../../api';
import { versionedIdFields } from '../../../shared/recordPicker';
import {
	authorField,
	requiredNumber,
	sentAsNumber,
	taskNumField,
	taskPickerField,
} from '../../fields';
import { noteField } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task note',
	fields: [
		// Version 1's typed Task Number; from version 2 the task picker.
		...versionedIdFields(
			{ ...taskNumField, routing: sentAsNumber('TaskNum') },
			{ ...taskPickerField, routing: sentAsNumber('TaskNum') },
		),
		authorField('Written By', 'note'),
		{ ...noteField, required: true },
	],
	rules: [
		...requiredNumber('taskNum', 'Task Number'),
		...requiredNumber('userNum', 'Written By'),
		{ path: 'note', label: 'Note', kind: 'required' },
	],
	request: { method: 'POST', url: OPEN_DENTAL_PATHS.taskNotes },
});
