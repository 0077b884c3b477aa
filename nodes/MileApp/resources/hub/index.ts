import type { INodeProperties } from 'n8n-workflow';
import { limitRule, returnAllAndLimit } from '../../../shared/listFields';
import { validateFields } from '../../../shared/validation';
import { mileAppRouting } from '../../transport';

const show = { resource: ['hub'], operation: ['getMany'] };

export const hubDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['hub'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many hubs',
				routing: mileAppRouting(
					{ method: 'GET', url: '/hubs' },
					{ paged: true, preSend: [validateFields([limitRule])] },
				),
			},
		],
		default: 'getMany',
	},
	...returnAllAndLimit(show),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only hubs whose name or address contains this',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'q', value: '={{ $value.trim() || undefined }}' } },
	},
];
