import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/listFields';
import { attachedToField, keyNumField, statusField, taskListField } from '../../fields';

const show = { show: { resource: ['task'], operation: ['getAll'] } };

export const getManyDescription: INodeProperties[] = [
	{
		displayName:
			'Open Dental returns only tasks created in the previous 14 days unless you add the "Created After" filter',
		name: 'createdWindowNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
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
				...attachedToField,
				description: 'Only tasks about this kind of record',
				routing: { send: { type: 'query', property: 'ObjectType' } },
			},
			{
				displayName: 'Created After',
				name: 'dateTimeOriginal',
				type: 'dateTime',
				default: '',
				description:
					'Only tasks created after this time (DateTimeOriginal). Without it, the previous 14 days.',
				routing: { send: { type: 'query', property: 'DateTimeOriginal' } },
			},
			{
				...keyNumField,
				description:
					'Only tasks about this patient (PatNum) or appointment (AptNum). Needs "Attached To".',
				routing: { send: { type: 'query', property: 'KeyNum' } },
			},
			{
				...statusField,
				description: 'Only tasks with this status',
				routing: { send: { type: 'query', property: 'TaskStatus' } },
			},
			{
				...taskListField,
				description: 'Only tasks in this list',
				routing: { send: { type: 'query', property: 'TaskListNum' } },
			},
		],
	},
];
