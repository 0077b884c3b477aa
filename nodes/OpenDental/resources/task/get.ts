import { defineOperation } from '../../../shared/operation';
import { taskNumFields } from '../../fields';
import { taskNumRules, toTask } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task',
	description: 'Needs Open Dental 24.4.13 or later',
	fields: taskNumFields,
	rules: taskNumRules,
	request: { method: 'GET', build: toTask() },
	outputsTasks: true,
});
