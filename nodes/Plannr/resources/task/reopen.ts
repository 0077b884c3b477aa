import type { INodeProperties } from 'n8n-workflow';
import { defineOperation } from '../../../shared/operation';
import { statusField, taskUuidField, taskPath, taskUuidRules, urlSegment } from './fields';

const backToStatusField: INodeProperties = {
	...statusField,
	displayName: 'Back to Status Name or ID',
	name: 'reopenStatusUuid',
	required: true,
	typeOptions: { loadOptionsMethod: 'getOpenStatuses' },
	description:
		'The status the task returns to: one that is not a completed type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: undefined,
};

export const reopen = defineOperation({
	value: 'reopen',
	name: 'Reopen',
	action: 'Reopen a task',
	description: 'Reopen a completed task, back to the status you choose',
	fields: [taskUuidField, backToStatusField],
	rules: [
		...taskUuidRules,
		{ path: 'reopenStatusUuid', label: 'Back to Status', kind: 'required' },
		{ path: 'reopenStatusUuid', label: 'Back to Status', kind: 'uuid' },
	],
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
