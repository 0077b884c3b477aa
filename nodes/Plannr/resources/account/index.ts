import type { INodeProperties } from 'n8n-workflow';
import { limitRule, returnAllAndLimit } from '../../../shared/listFields';
import { plannrRouting } from '../../transport';
import { validateFields } from '../../../shared/validation';

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many accounts',
				description: 'The accounts tasks can be assigned to',
				routing: plannrRouting(
					{ method: 'GET', url: '/api/v1/account' },
					{ paged: true, preSend: [validateFields([limitRule])] },
				),
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit({ resource: ['account'], operation: ['getAll'] }),
];
