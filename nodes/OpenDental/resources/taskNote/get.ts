import { defineOperation } from '../../../shared/operation';
import { taskNoteNumField, taskNoteNumRules, toTaskNote } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task note',
	fields: [taskNoteNumField],
	rules: taskNoteNumRules,
	request: { method: 'GET', build: toTaskNote() },
});
