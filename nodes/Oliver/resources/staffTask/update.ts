import type { INodeProperties } from 'n8n-workflow';
import {
	clientField,
	descriptionField,
	patientField,
	referenceTimeField,
	statusField,
	taskTypeField,
	titleField,
} from '../../fields';

const show = { show: { resource: ['staffTask'], operation: ['update'] } };

export const updateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; everything else on the task stays as it is',
		displayOptions: show,
		options: [clientField, descriptionField, patientField, referenceTimeField, statusField, taskTypeField, titleField],
	},
];
