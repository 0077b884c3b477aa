import type { INodeProperties } from 'n8n-workflow';
import {
	nameField,
	optionalTaskFields,
	statusField,
	taskableTypeField,
	taskableUuidField,
} from '../../fields';

const show = { show: { resource: ['task'], operation: ['create'] } };

export const createDescription: INodeProperties[] = [
	{ ...nameField, required: true, placeholder: 'Check details', displayOptions: show },
	{ ...taskableTypeField, required: true, displayOptions: show },
	{ ...taskableUuidField, required: true, displayOptions: show },
	{ ...statusField, required: true, displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: optionalTaskFields,
	},
];
