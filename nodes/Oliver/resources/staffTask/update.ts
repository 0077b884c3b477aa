import type { INodeProperties } from 'n8n-workflow';
import { unrouted } from '../../../shared/collectionBody';
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

/** Sent by the Update's preSend (sendCollection), which reads them once with the input checks. */
export const updateFieldOptions = [
	clientField,
	descriptionField,
	patientField,
	referenceTimeField,
	statusField,
	taskTypeField,
	titleField,
];

export const updateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; everything else on the task stays as it is',
		displayOptions: show,
		options: unrouted(updateFieldOptions),
	},
];
