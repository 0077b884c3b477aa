import type { INodeProperties } from 'n8n-workflow';
import {
	attachedToField,
	descriptionField,
	entryTimeField,
	keyNumField,
	priorityField,
	shortDescriptionField,
	taskListField,
	userField,
} from '../../fields';

const show = { show: { resource: ['task'], operation: ['create'] } };

export const createDescription: INodeProperties[] = [
	{ ...taskListField, required: true, displayOptions: show },
	{
		...descriptionField,
		required: true,
		placeholder: 'Verify insurance before the next appointment',
		displayOptions: show,
	},
	{
		...userField,
		displayName: 'Created By',
		required: true,
		description: 'The user the task is from',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [attachedToField, entryTimeField, keyNumField, priorityField, shortDescriptionField],
	},
];
