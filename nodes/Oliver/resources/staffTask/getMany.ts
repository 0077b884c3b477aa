import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/listFields';
import { statusField } from '../../fields';

const show = { show: { resource: ['staffTask'], operation: ['getAll'] } };

export const getManyDescription: INodeProperties[] = [
	...returnAllAndLimit(show.show),
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
