import type { INodeProperties } from 'n8n-workflow';
import { assigneesField, endTimeField, flowField, flowFieldsMapper, hubField, startTimeField } from '../../fields';

const show = { show: { resource: ['task'], operation: ['create'] } };

export const createDescription: INodeProperties[] = [
	{ ...flowField, displayOptions: show },
	{ ...hubField, displayOptions: show },
	{ ...flowFieldsMapper('The fields of the chosen flow; MileApp requires the ones marked required'), displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [assigneesField, endTimeField, startTimeField],
	},
];
