import type { INodeProperties } from 'n8n-workflow';
import { limitRule } from '../../../shared/listFields';
import { validateFields, type FieldRule } from '../../../shared/validation';
import { plannrTaskRouting } from '../../transport';
import { changeStatusDescription } from './changeStatus';
import { createDescription } from './create';
import { getManyDescription } from './getMany';
import {
	refuseEmptyUpdate,
	requireLinkedRecordWithType,
	shapeTaskBody,
	shapeTaskQuery,
} from './body';
import { updateDescription } from './update';
import { taskOutputProperty } from '../../../shared/normalizedTask';

const TASKABLE_TYPES = ['client', 'case', 'plan'] as const;
const PRIORITIES = ['low', 'medium', 'high', 'highest'] as const;
/** The list's include and sort values (basics/query-parameters); others are refused by Plannr. */
const INCLUDES = [
	'author',
	'completed_by',
	'custom_fields',
	'parent_task',
	'related_tasks',
] as const;
const SORTS = ['completed_last', 'created_at', 'due_at', 'name', 'priority', 'updated_at'] as const;
/** Plannr refuses a longer task name (422, "must not be greater than 255 characters"). */
const MAX_NAME_LENGTH = 255;

const taskUuid: FieldRule[] = [
	{ path: 'taskUuid', label: 'Task', kind: 'required' },
	{ path: 'taskUuid', label: 'Task', kind: 'uuid' },
];
const taskUrl = (suffix = '') =>
	`=/api/v1/task/{{encodeURIComponent(String($parameter.taskUuid).trim())}}${suffix}`;

/** The optional task fields Create and Update share, checked where each operation keeps them. */
function optionalTaskFieldRules(collection: string): FieldRule[] {
	return [
		{ path: `${collection}.priority`, label: 'Priority', kind: 'oneOf', allowed: PRIORITIES },
		{ path: `${collection}.dueAt`, label: 'Due Date', kind: 'date' },
		{ path: `${collection}.parentTaskUuid`, label: 'Parent Task UUID', kind: 'uuid' },
		{ path: `${collection}.assignedToUuids`, label: 'Assignee Names or IDs', kind: 'uuidList' },
		{ path: `${collection}.groupUuids`, label: 'Group UUIDs', kind: 'uuidList' },
	];
}

export const taskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete a task',
				description: 'Plannr records when and by whom',
				routing: plannrTaskRouting(
					{ method: 'PATCH', url: taskUrl('/complete') },
					{ preSend: [validateFields(taskUuid)] },
				),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a task',
				routing: plannrTaskRouting(
					{ method: 'POST', url: '/api/v1/task' },
					{
						preSend: [
							validateFields([
								{ path: 'name', label: 'Name', kind: 'required' },
								{ path: 'name', label: 'Name', kind: 'maxLength', max: MAX_NAME_LENGTH },
								{ path: 'taskableType', label: 'Linked To', kind: 'required' },
								{
									path: 'taskableType',
									label: 'Linked To',
									kind: 'oneOf',
									allowed: TASKABLE_TYPES,
								},
								{ path: 'taskableUuid', label: 'Linked Record UUID', kind: 'required' },
								{ path: 'taskableUuid', label: 'Linked Record UUID', kind: 'uuid' },
								{ path: 'taskStatusUuid', label: 'Status', kind: 'required' },
								{ path: 'taskStatusUuid', label: 'Status', kind: 'uuid' },
								...optionalTaskFieldRules('additionalFields'),
							]),
							shapeTaskBody,
						],
					},
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task',
				routing: plannrTaskRouting(
					{ method: 'GET', url: taskUrl() },
					{ preSend: [validateFields(taskUuid)] },
				),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tasks',
				routing: plannrTaskRouting(
					{ method: 'GET', url: '/api/v1/task' },
					{
						paged: true,
						preSend: [
							validateFields([
								limitRule,
								{
									path: 'filters.assignedToUuids',
									label: 'Assignee Names or IDs',
									kind: 'uuidList',
								},
								{
									path: 'filters.taskableType',
									label: 'Linked To',
									kind: 'oneOf',
									allowed: TASKABLE_TYPES,
								},
								{ path: 'filters.priority', label: 'Priority', kind: 'oneOf', allowed: PRIORITIES },
								{ path: 'options.include', label: 'Include', kind: 'eachOneOf', allowed: INCLUDES },
								{ path: 'options.sort', label: 'Sort By', kind: 'oneOf', allowed: SORTS },
								{ path: 'filters.dueAfter', label: 'Due After', kind: 'date' },
								{ path: 'filters.dueBefore', label: 'Due Before', kind: 'date' },
								{ path: 'filters.clientUuid', label: 'Client UUID', kind: 'uuid' },
								{ path: 'filters.taskableUuid', label: 'Linked Record UUID', kind: 'uuid' },
								{ path: 'filters.taskStatusUuid', label: 'Status', kind: 'uuid' },
							]),
							shapeTaskQuery,
						],
					},
				),
			},
			{
				name: 'Uncomplete',
				value: 'uncomplete',
				action: 'Uncomplete a task',
				description: 'Reopen a completed task, back to the status you choose',
				routing: plannrTaskRouting(
					{
						method: 'PATCH',
						url: taskUrl(
							'/uncomplete/{{encodeURIComponent(String($parameter.reopenStatusUuid).trim())}}',
						),
					},
					{
						preSend: [
							validateFields([
								...taskUuid,
								{ path: 'reopenStatusUuid', label: 'Back to Status', kind: 'required' },
								{ path: 'reopenStatusUuid', label: 'Back to Status', kind: 'uuid' },
							]),
						],
					},
				),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task',
				description: 'Change only the fields you add; the others stay as they are',
				routing: plannrTaskRouting(
					{ method: 'PUT', url: taskUrl() },
					{
						preSend: [
							validateFields([
								...taskUuid,
								{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
								{ path: 'updateFields.name', label: 'Name', kind: 'notBlankWhenGiven' },
								{
									path: 'updateFields.name',
									label: 'Name',
									kind: 'maxLength',
									max: MAX_NAME_LENGTH,
								},
								{
									path: 'updateFields.taskableType',
									label: 'Linked To',
									kind: 'oneOf',
									allowed: TASKABLE_TYPES,
								},
								{
									path: 'updateFields.taskableUuid',
									label: 'Linked Record UUID',
									kind: 'notBlankWhenGiven',
								},
								{ path: 'updateFields.taskableUuid', label: 'Linked Record UUID', kind: 'uuid' },
								{ path: 'updateFields.taskStatusUuid', label: 'Status', kind: 'notBlankWhenGiven' },
								{ path: 'updateFields.taskStatusUuid', label: 'Status', kind: 'uuid' },
								...optionalTaskFieldRules('updateFields'),
							]),
							requireLinkedRecordWithType,
							shapeTaskBody,
							refuseEmptyUpdate,
						],
					},
				),
			},
		],
		default: 'getAll',
	},
	...createDescription,
	...getManyDescription,
	...updateDescription,
	...changeStatusDescription,
	taskOutputProperty('Plannr', {
		resource: ['task'],
		operation: ['complete', 'create', 'get', 'getAll', 'uncomplete', 'update'],
	}),
];
