import { defineOperation } from '../../../shared/operation';
import { taskIdField, taskIdRules, toTask } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task',
	fields: [taskIdField],
	rules: taskIdRules,
	request: { method: 'GET', build: toTask },
	outputsTasks: true,
});
