import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/listFields';
import { openDentalRouting } from '../../transport';

const show = { show: { resource: ['taskList'], operation: ['getAll'] } };

export const taskListDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taskList'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many task lists',
				routing: openDentalRouting({ method: 'GET', url: '/tasklists' }, { paged: true }),
			},
		],
		default: 'getAll',
	},
	{
		displayName: 'Status',
		name: 'taskListStatus',
		type: 'options',
		options: [
			{ name: 'Active', value: 'Active' },
			{ name: 'Archived', value: 'Archived' },
		],
		default: 'Active',
		description: 'Open Dental lists active and archived task lists separately',
		displayOptions: show,
		routing: { send: { type: 'query', property: 'TaskListStatus' } },
	},
	...returnAllAndLimit(show.show),
];
