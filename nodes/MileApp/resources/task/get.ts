import { defineOperation } from '../../../shared/operation';
import { taskIdFields, taskIdRules, toTask } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task',
	fields: taskIdFields,
	rules: taskIdRules,
	request: { method: 'GET', build: toTask },
	outputsTasks: true,
});
