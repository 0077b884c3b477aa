import type { INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../../shared/listFields';
import { assigneesField, priorityField, statusField, taskableTypeField } from '../../fields';

const show = { resource: ['task'], operation: ['getAll'] };
const query = (property: string, value?: string) => ({
	send: { type: 'query' as const, property, ...(value ? { value } : {}) },
});

export const getManyDescription: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				...assigneesField,
				description: 'Only tasks assigned to any of these accounts',
				routing: query('filter[assigned_to_uuids]', '={{ $value.join(",") }}'),
			},
			{
				displayName: 'Client UUID',
				name: 'clientUuid',
				type: 'string',
				default: '',
				description: 'Only tasks of this client',
				routing: query('filter[client_uuid]'),
			},
			{
				displayName: 'Due After',
				name: 'dueAfter',
				type: 'dateTime',
				default: '',
				routing: query('filter[due_after]'),
			},
			{
				displayName: 'Due Before',
				name: 'dueBefore',
				type: 'dateTime',
				default: '',
				routing: query('filter[due_before]'),
			},
			{
				displayName: 'Has Due Date',
				name: 'hasDueDate',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only tasks with a due date (on) or only tasks without one (off)',
				routing: query('filter[has_due_date]', '={{ $value ? "true" : "false" }}'),
			},
			{
				...taskableTypeField,
				description: 'Only tasks linked to this kind of record',
				routing: query('filter[taskable_type]'),
			},
			{
				displayName: 'Linked Record UUID',
				name: 'taskableUuid',
				type: 'string',
				default: '',
				routing: query('filter[taskable_uuid]'),
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only tasks whose name contains this',
				routing: query('filter[name]'),
			},
			{
				displayName: 'Open Tasks Only',
				name: 'openTasks',
				type: 'boolean',
				default: true,
				description: 'Whether to return only tasks that are not completed',
				routing: query('filter[open_tasks]', '={{ $value ? "true" : "false" }}'),
			},
			{
				...priorityField,
				description: 'Only tasks with this priority',
				routing: query('filter[priority]'),
			},
			{
				...statusField,
				description:
					'Only tasks with this status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				routing: query('filter[status_uuid]'),
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include',
				name: 'include',
				type: 'multiOptions',
				options: [
					{ name: 'Author', value: 'author' },
					{ name: 'Completed By', value: 'completed_by' },
					{ name: 'Custom Fields', value: 'custom_fields' },
					{ name: 'Parent Task', value: 'parent_task' },
					{ name: 'Related Tasks', value: 'related_tasks' },
				],
				default: [],
				description: 'Related records to return with each task',
				routing: query('include', '={{ $value.join(",") }}'),
			},
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				options: [
					{ name: 'Completed Last', value: 'completed_last' },
					{ name: 'Created At', value: 'created_at' },
					{ name: 'Due At', value: 'due_at' },
					{ name: 'Name', value: 'name' },
					{ name: 'Priority', value: 'priority' },
					{ name: 'Updated At', value: 'updated_at' },
				],
				default: 'created_at',
				routing: query('sort', '={{ ($parameter.options.sortDescending ? "-" : "") + $value }}'),
			},
			{
				displayName: 'Sort Descending',
				name: 'sortDescending',
				type: 'boolean',
				default: false,
				description: 'Whether to sort from the highest value down (needs Sort By)',
			},
		],
	},
];
