import type { INodeProperties } from 'n8n-workflow';
import { additionalTaskFields, flowField, flowFieldsMapper, hubField } from '../../fields';

const show = { show: { resource: ['task'], operation: ['create'] } };

export const createDescription: INodeProperties[] = [
	{ ...flowField, displayOptions: show },
	{ ...hubField, displayOptions: show },
	{
		...flowFieldsMapper('The fields of the chosen flow; MileApp requires the ones marked required'),
		displayOptions: show,
	},
	additionalTaskFields(show),
];
