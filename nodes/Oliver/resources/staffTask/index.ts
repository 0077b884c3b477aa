import type { INodeProperties } from 'n8n-workflow';
import { limitRule } from '../../../shared/listFields';
import { sendCollection } from '../../../shared/collectionBody';
import {
	requiredText,
	validateFields,
	type BuildFromValues,
	type FieldRule,
	type ParameterReader,
} from '../../../shared/validation';
import { taskIdField } from '../../fields';
import {
	OLIVER_TASK_STATUSES,
	OLIVER_TASK_TYPES,
	checkOliverSuccess,
	oliverTaskRouting,
} from '../../transport';
import { createDescription } from './create';
import { getManyDescription } from './getMany';
import { updateDescription, updateFieldOptions } from './update';
import { taskOutputProperty } from '../../../shared/normalizedTask';

const taskId = requiredText('taskId', 'Task ID');
/** The operations on one task, which all take its ID: declared once, since n8n resolves every declaration per item. */
const ONE_TASK_OPERATIONS = ['cancel', 'complete', 'delete', 'get', 'reopen', 'update'];
/** Oliver's ids are strings: a whole client or patient record mapped in would be sent as an object. */
const idRules = (collection: string): FieldRule[] => [
	{ path: `${collection}.clientId`, label: 'Client', kind: 'text' },
	{ path: `${collection}.patientId`, label: 'Patient', kind: 'text' },
];
const dateRule = (path: string): FieldRule => ({ path, label: 'Reference Time', kind: 'date' });
const typeRule = (path: string): FieldRule => ({
	path,
	label: 'Task Type',
	kind: 'oneOf',
	allowed: OLIVER_TASK_TYPES,
});
const statusRule = (path: string): FieldRule => ({
	path,
	label: 'Status',
	kind: 'oneOf',
	allowed: OLIVER_TASK_STATUSES,
});
/** The task's URL, from the Task ID the checks read (no URL expression: it would resolve the ID again). */
const taskUrl = (valueOf: ParameterReader) =>
	`/staff_tasks/${encodeURIComponent(String(valueOf('taskId')).trim())}`;
const toTask: BuildFromValues = (valueOf, requestOptions) => ({
	...requestOptions,
	url: taskUrl(valueOf),
});
/** Update's fields too, from the one read of Update Fields the checks made (no field routing: it would read them twice more). */
const updateTask: BuildFromValues = async function (valueOf, requestOptions) {
	return await sendCollection.call(this, updateFieldOptions, valueOf('updateFields'), {
		...requestOptions,
		url: taskUrl(valueOf),
	});
};

const setStatus = (status: string) =>
	oliverTaskRouting(
		{ method: 'PUT', body: { status } },
		{ preSend: [validateFields(taskId, toTask)] },
	);

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
				routing: oliverTaskRouting(
					{ method: 'POST', url: '/staff_tasks' },
					{
						preSend: [
							validateFields([
								{ path: 'title', label: 'Title', kind: 'required' },
								typeRule('additionalFields.taskType'),
								dateRule('additionalFields.referenceTimeAt'),
								...idRules('additionalFields'),
							]),
						],
					},
				),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a staff task',
				description:
					'Oliver does not erase tasks: the task stays, with status canceled and its finalized time set',
				routing: oliverTaskRouting(
					{ method: 'DELETE' },
					{
						preSend: [validateFields(taskId, toTask)],
						postReceive: [
							checkOliverSuccess,
							{
								type: 'set',
								properties: { value: '={{ { "id": $parameter.taskId, "success": true } }}' },
							},
						],
					},
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a staff task',
				routing: oliverTaskRouting(
					{ method: 'GET' },
					{ preSend: [validateFields(taskId, toTask)] },
				),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many staff tasks',
				routing: oliverTaskRouting(
					{ method: 'GET', url: '/staff_tasks' },
					{
						paged: true,
						preSend: [validateFields([limitRule, statusRule('filters.status')])],
					},
				),
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
				routing: oliverTaskRouting(
					{ method: 'PUT' },
					{
						preSend: [
							validateFields(
								[
									...taskId,
									{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
									{ path: 'updateFields.title', label: 'Title', kind: 'notBlankWhenGiven' },
									typeRule('updateFields.taskType'),
									statusRule('updateFields.status'),
									dateRule('updateFields.referenceTimeAt'),
									...idRules('updateFields'),
								],
								updateTask,
							),
						],
					},
				),
			},
		],
		default: 'get',
	},
	{
		...taskIdField,
		displayOptions: { show: { resource: ['staffTask'], operation: ONE_TASK_OPERATIONS } },
	},
	...createDescription,
	...getManyDescription,
	...updateDescription,
	taskOutputProperty('Oliver', {
		resource: ['staffTask'],
		operation: ['cancel', 'complete', 'create', 'get', 'getAll', 'reopen', 'update'],
	}),
];
