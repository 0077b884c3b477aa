import { defineOperation } from '../../../shared/operation';
import { taskUuidField, taskUuidRules, toTask } from './fields';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a task',
	fields: [taskUuidField],
	rules: taskUuidRules,
	request: { method: 'GET', build: toTask() },
	outputsTasks: true,
});
