import { defineOperation } from '../../../shared/operation';
import { assigneesField, taskIdFields, taskIdRules, taskPath } from './fields';
import { emailsIn } from './shapes';

export const assign = defineOperation({
	value: 'assign',
	name: 'Assign',
	action: 'Assign a task',
	description: 'Give the task to workers, by email',
	fields: [...taskIdFields, { ...assigneesField, required: true }],
	rules: taskIdRules,
	request: {
		method: 'PUT',
		build: function (valueOf, requestOptions) {
			return {
				...requestOptions,
				url: taskPath(valueOf, '/assign'),
				body: { assignee: emailsIn(this, valueOf('assignees'), 'Assignees') },
			};
		},
	},
	outputsTasks: true,
});
