import { listedOptionsField } from '../../../shared/listedOptions';
import { defineOperation } from '../../../shared/operation';
import { requiredAs } from '../../../shared/validation';
import { taskUuidField, taskPath, taskUuidRules, urlSegment } from './fields';

const backToStatusField = listedOptionsField({
	thing: 'Back to Status',
	name: 'reopenStatusUuid',
	loadOptionsMethod: 'getOpenStatuses',
	required: true,
	purpose: 'The status the task returns to: one that is not a completed type.',
});

export const reopen = defineOperation({
	value: 'reopen',
	name: 'Reopen',
	action: 'Reopen a task',
	description: 'Reopen a completed task, back to the status you choose',
	fields: [taskUuidField, backToStatusField],
	rules: [...taskUuidRules, ...requiredAs('uuid', 'reopenStatusUuid', 'Back to Status')],
	// Plannr's own name for the call is uncomplete: `PATCH /api/v1/task/{uuid}/uncomplete/{status}`.
	request: {
		method: 'PATCH',
		build: (valueOf, requestOptions) => ({
			...requestOptions,
			url: taskPath(valueOf, `/uncomplete/${urlSegment(valueOf('reopenStatusUuid'))}`),
		}),
	},
	outputsTasks: true,
});
