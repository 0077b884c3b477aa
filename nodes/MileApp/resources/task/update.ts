import type { INodeProperties } from 'n8n-workflow';
import {
	endTimeField,
	flowField,
	flowFieldsMapper,
	startTimeField,
	taskIdField,
} from '../../fields';

const show = { show: { resource: ['task'], operation: ['update'] } };

export const updateDescription: INodeProperties[] = [
	{ ...taskIdField, displayOptions: show },
	{
		...flowField,
		description: "The task's flow, to list its fields below; it is not changed",
		displayOptions: show,
	},
	{
		...flowFieldsMapper(
			'Only the fields given a value are sent; every other field of the task stays as it is',
		),
		displayOptions: show,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent',
		displayOptions: show,
		options: [
			endTimeField,
			{
				displayName: 'Hub ID',
				name: 'hubId',
				type: 'string',
				default: '',
				description: 'Move the task to this hub',
			},
			startTimeField,
		],
	},
];
