import type { INodeProperties } from 'n8n-workflow';
import {
	clientField,
	descriptionField,
	patientField,
	referenceTimeField,
	taskTypeField,
	titleField,
} from '../../fields';

const show = { show: { resource: ['staffTask'], operation: ['create'] } };

export const createDescription: INodeProperties[] = [
	{
		...titleField,
		required: true,
		placeholder: 'Call owner about lab results',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [clientField, descriptionField, patientField, referenceTimeField, taskTypeField],
	},
];
