import type { INodeProperties } from 'n8n-workflow';
import {
	nameField,
	optionalTaskFields,
	statusField,
	taskUuidField,
	taskableTypeField,
	taskableUuidField,
} from '../../fields';

const show = { show: { resource: ['task'], operation: ['update'] } };

export const updateDescription: INodeProperties[] = [
	{ ...taskUuidField, displayOptions: show },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; everything else on the task stays as it is',
		displayOptions: show,
		options: [
			...optionalTaskFields,
			{
				...taskableTypeField,
				description: 'What kind of record the task belongs to. Set Linked Record UUID with it.',
			},
			{ ...taskableUuidField },
			nameField,
			statusField,
		],
	},
];
