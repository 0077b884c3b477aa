import type { INodeProperties } from 'n8n-workflow';
import { plannrRouting } from '../../transport';

export const taskStatusDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['taskStatus'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many task statuses',
				description: 'The firm’s task statuses, in their order',
				routing: plannrRouting({
					method: 'GET',
					url: '/api/v1/task-status',
					qs: { sort: 'position' },
				}),
			},
		],
		default: 'getAll',
	},
];
