import type { INodeProperties } from 'n8n-workflow';
import { statusField } from '../../fields';

const show = { show: { resource: ['staffTask'], operation: ['getAll'] } };

export const getManyDescription: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: show,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show.show, returnAll: [false] } },
		routing: { output: { maxResults: '={{$value}}' } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{
				...statusField,
				description: 'Only tasks with this status',
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];
