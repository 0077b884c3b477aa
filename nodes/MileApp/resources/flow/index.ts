import type { INodeProperties } from 'n8n-workflow';
import { limitRule, returnAllAndLimit } from '../../../shared/listFields';
import { validateFields } from '../../../shared/validation';
import { flowField } from '../../fields';
import { mileAppRouting } from '../../transport';
import { requireFlow } from '../task/body';

export const flowDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flow'] } },
		options: [
			{
				name: 'Get Fields',
				value: 'getFields',
				action: 'Get the fields of a flow',
				description: 'The fields a task of this flow has: name, type, whether required',
				routing: mileAppRouting(
					{
						method: 'GET',
						url: '=/flow/{{encodeURIComponent(String($parameter.flow).trim())}}/task',
					},
					{ preSend: [requireFlow] },
				),
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many flows',
				routing: mileAppRouting(
					{ method: 'GET', url: '/flows' },
					{ paged: true, preSend: [validateFields([limitRule])] },
				),
			},
		],
		default: 'getMany',
	},
	{ ...flowField, displayOptions: { show: { resource: ['flow'], operation: ['getFields'] } } },
	...returnAllAndLimit({ resource: ['flow'], operation: ['getMany'] }),
];
