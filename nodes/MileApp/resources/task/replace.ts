import type { INodeProperties } from 'n8n-workflow';
import {
	additionalTaskFields,
	flowField,
	flowFieldsMapper,
	hubField,
	taskIdField,
} from '../../fields';

const show = { show: { resource: ['task'], operation: ['replace'] } };

export const replaceDescription: INodeProperties[] = [
	{
		displayName:
			"Replace sends the whole task: every flow field not given here is lost, and start and end time go back to the flow's defaults unless given. To change some fields only, use Update.",
		name: 'replaceNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{ ...taskIdField, displayOptions: show },
	{ ...flowField, displayOptions: show },
	{ ...hubField, displayOptions: show },
	{
		...flowFieldsMapper('Every field the task should have after the replacement'),
		displayOptions: show,
	},
	additionalTaskFields(show),
];
