import { defineOperation } from '../../../shared/operation';
import { taskNoteNumFields, taskNoteNumRules, toTaskNote } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task note',
	fields: taskNoteNumFields,
	rules: taskNoteNumRules,
	request: { method: 'GET', build: toTaskNote() },
});
