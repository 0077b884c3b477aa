import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { failOnVendorError } from '../../../shared/errors';
import { limitRule } from '../../../shared/listFields';
import { validateFields } from '../../../shared/validation';
import { mileAppEnvelope, mileAppTaskRouting } from '../../transport';
import { taskIdField } from '../../fields';
import { assignDescription } from './assign';
import { assignBody, fullTaskBody, partialTaskBody, requireTaskId } from './body';
import { createDescription } from './create';
import { getManyDescription, taskQuery } from './getMany';
import { replaceDescription } from './replace';
import { updateDescription } from './update';
import { taskOutputProperty } from '../../../shared/normalizedTask';

const taskUrl = (suffix = '') =>
	`=/task/{{encodeURIComponent(String($parameter.taskId).trim())}}${suffix}`;

/** Delete answers no task: the item says which one is gone. */
async function deletedTask(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { id: String(this.getNodeParameter('taskId', '')).trim(), deleted: true } }];
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
				name: 'Assign',
				value: 'assign',
				action: 'Assign a task',
				description: 'Give the task to workers, by email',
				routing: mileAppTaskRouting(
					{ method: 'PUT', url: taskUrl('/assign') },
					{ preSend: [requireTaskId, assignBody] },
				),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a task',
				routing: mileAppTaskRouting({ method: 'POST', url: '/task' }, { preSend: [fullTaskBody] }),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a task',
				description: 'Permanently: MileApp keeps no copy',
				routing: mileAppTaskRouting(
					{ method: 'DELETE', url: taskUrl() },
					{
						preSend: [requireTaskId],
						postReceive: [failOnVendorError(mileAppEnvelope), deletedTask],
					},
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task',
				routing: mileAppTaskRouting(
					{ method: 'GET', url: taskUrl() },
					{ preSend: [requireTaskId] },
				),
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many tasks',
				routing: mileAppTaskRouting(
					{ method: 'GET', url: '/tasks' },
					{ preSend: [validateFields([limitRule]), taskQuery], paged: true },
				),
			},
			{
				name: 'Replace',
				value: 'replace',
				action: 'Replace a task',
				description: 'Send the whole task: fields not given are lost',
				routing: mileAppTaskRouting(
					{ method: 'PUT', url: taskUrl() },
					{ preSend: [requireTaskId, fullTaskBody] },
				),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task',
				description: 'Change only the fields given; the others stay',
				routing: mileAppTaskRouting(
					{ method: 'PATCH', url: taskUrl() },
					{ preSend: [requireTaskId, partialTaskBody] },
				),
			},
		],
		default: 'create',
	},
	{ ...taskIdField, displayOptions: { show: { resource: ['task'], operation: ['get'] } } },
	{
		displayName: 'Deleting a task is permanent: MileApp keeps no copy of it',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['task'], operation: ['delete'] } },
	},
	{ ...taskIdField, displayOptions: { show: { resource: ['task'], operation: ['delete'] } } },
	...createDescription,
	...getManyDescription,
	...updateDescription,
	...replaceDescription,
	...assignDescription,
	taskOutputProperty('MileApp', {
		resource: ['task'],
		operation: ['assign', 'create', 'get', 'getMany', 'replace', 'update'],
	}),
];
