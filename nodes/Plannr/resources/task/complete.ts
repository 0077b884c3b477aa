import { defineOperation } from '../../../shared/operation';
import { taskUuidField, taskUuidRules, toTask } from './fields';

export const complete = defineOperation({
	value: 'complete',
	name: 'Complete',
	action: 'Complete a task',
	description: 'Plannr records when and by whom',
	fields: [taskUuidField],
	rules: taskUuidRules,
	request: { method: 'PATCH', build: toTask('/complete') },
	outputsTasks: true,
});
