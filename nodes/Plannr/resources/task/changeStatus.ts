import type { INodeProperties } from 'n8n-workflow';
import { statusField, taskUuidField } from '../../fields';

/** Get and Complete need the task; Uncomplete also the status the task goes back to. */
export const changeStatusDescription: INodeProperties[] = [
	{
		...taskUuidField,
		displayOptions: { show: { resource: ['task'], operation: ['get', 'complete', 'uncomplete'] } },
	},
	{
		...statusField,
		displayName: 'Back to Status Name or ID',
		name: 'reopenStatusUuid',
		required: true,
		typeOptions: { loadOptionsMethod: 'getOpenStatuses' },
		description:
			'The status the task returns to: one that is not a completed type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: undefined,
		displayOptions: { show: { resource: ['task'], operation: ['uncomplete'] } },
	},
];
