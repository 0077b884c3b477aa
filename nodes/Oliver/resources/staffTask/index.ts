import type { INodeProperties } from 'n8n-workflow';
import { validateFields, type FieldRule } from '../../../shared/validation';
import { pageNumberPagination } from '../../../shared/paging';
import { OLIVER_MAX_PAGE_SIZE, OLIVER_TASK_STATUSES, OLIVER_TASK_TYPES, oliverOutput } from '../../transport';
import { createDescription } from './create';
import { getDescription } from './get';
import { getManyDescription } from './getMany';
import { updateDescription } from './update';
import { changeStatusDescription } from './changeStatus';

const taskId: FieldRule = { path: 'taskId', label: 'Task ID', kind: 'required' };
const dateRule = (path: string): FieldRule => ({ path, label: 'Reference Time', kind: 'date' });
const typeRule = (path: string): FieldRule => ({ path, label: 'Task Type', kind: 'oneOf', allowed: OLIVER_TASK_TYPES });
const statusRule = (path: string): FieldRule => ({ path, label: 'Status', kind: 'oneOf', allowed: OLIVER_TASK_STATUSES });
const taskUrl = '=/staff_tasks/{{encodeURIComponent(String($parameter.taskId).trim())}}';

function setStatus(status: string) {
	return {
		request: { method: 'PUT' as const, url: taskUrl, body: { status } },
		send: { preSend: [validateFields([taskId])] },
		output: { postReceive: oliverOutput },
	};
}

export const staffTaskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['staffTask'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a staff task',
				description: 'Set the status to canceled; the finalized time is set',
				routing: setStatus('canceled'),
			},
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete a staff task',
				description: 'Set the status to completed; the finalized time is set',
				routing: setStatus('completed'),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a staff task',
				routing: {
					request: { method: 'POST', url: '/staff_tasks' },
					send: {
						preSend: [
							validateFields([
								{ path: 'title', label: 'Title', kind: 'required' },
								typeRule('additionalFields.taskType'),
								dateRule('additionalFields.referenceTimeAt'),
							]),
						],
					},
					output: { postReceive: oliverOutput },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a staff task',
				description:
					'Oliver does not erase tasks: the task stays, with status canceled and its finalized time set',
				routing: {
					request: { method: 'DELETE', url: taskUrl },
					send: { preSend: [validateFields([taskId])] },
					output: {
						postReceive: [
							oliverOutput[0],
							{ type: 'set', properties: { value: '={{ { "id": $parameter.taskId, "success": true } }}' } },
						],
					},
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a staff task',
				routing: {
					request: { method: 'GET', url: taskUrl },
					send: { preSend: [validateFields([taskId])] },
					output: { postReceive: oliverOutput },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many staff tasks',
				routing: {
					request: { method: 'GET', url: '/staff_tasks' },
					send: { paginate: true, preSend: [validateFields([statusRule('filters.status')])] },
					operations: {
						pagination: pageNumberPagination({
							pageParam: 'page',
							pageSizeParam: 'per_page',
							firstPage: 0,
							maxPageSize: OLIVER_MAX_PAGE_SIZE,
						}),
					},
					output: { postReceive: oliverOutput },
				},
			},
			{
				name: 'Reopen',
				value: 'reopen',
				action: 'Reopen a staff task',
				description: 'Set the status back to pending; the finalized time is cleared',
				routing: setStatus('pending'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a staff task',
				description: 'Change only the fields you add; the others stay as they are',
				routing: {
					request: { method: 'PUT', url: taskUrl },
					send: {
						preSend: [
							validateFields([
								taskId,
								{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
								{ path: 'updateFields.title', label: 'Title', kind: 'notBlankWhenGiven' },
								typeRule('updateFields.taskType'),
								statusRule('updateFields.status'),
								dateRule('updateFields.referenceTimeAt'),
							]),
						],
					},
					output: { postReceive: oliverOutput },
				},
			},
		],
		default: 'get',
	},
	...createDescription,
	...getDescription,
	...getManyDescription,
	...updateDescription,
	...changeStatusDescription,
];
