import type { INodeProperties } from 'n8n-workflow';
import { get, getDescription } from './get';
import { getMany, getManyDescription } from './getMany';

export const shiftOperations = { get, getMany };

export const shiftDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['shift'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a shift', description: 'Get one shift by its ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many shifts',
				description: 'List the shifts of a date range',
			},
		],
		default: 'getMany',
	},
	...getDescription,
	...getManyDescription,
];
