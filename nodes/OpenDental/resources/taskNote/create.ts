import { defineOperation } from '../../../shared/operation';
import { OPEN_DENTAL_PATHS } from '../../api';
import { authorField, requiredNumber, sentAsNumber, taskNumField } from '../../fields';
import { noteField } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task note',
	fields: [
		{ ...taskNumField, routing: sentAsNumber('TaskNum') },
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
