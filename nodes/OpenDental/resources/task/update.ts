import type { INodeProperties } from 'n8n-workflow';
import {
	attachedToField,
	descriptionField,
	entryTimeField,
	keyNumField,
	priorityField,
	shortDescriptionField,
	statusField,
	taskNumField,
} from '../../fields';

const show = { show: { resource: ['task'], operation: ['update'] } };

export const updateDescription: INodeProperties[] = [
	{ ...taskNumField, displayOptions: show },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; everything else on the task stays as it is',
		displayOptions: show,
		options: [
			attachedToField,
			{
				...descriptionField,
				hint: 'Open Dental reopens a Done task as Viewed when its description changes, unless "Keep Done Status" is on',
			},
			entryTimeField,
			keyNumField,
			priorityField,
			shortDescriptionField,
			{ ...statusField, description: 'Needs Open Dental 24.2.10 or later' },
		],
	},
	{
		displayName: 'Keep Done Status',
		name: 'keepDoneStatus',
		type: 'boolean',
		default: true,
		description:
			'Whether a Done task stays Done when its description changes. Open Dental would reopen it as Viewed. The node reads the task first (one more request; Open Dental 24.4.13 or later).',
		displayOptions: show,
	},
];
