import type { INodeProperties } from 'n8n-workflow';
import { limitRule } from '../../../shared/listFields';
import { validateFields, type FieldRule } from '../../../shared/validation';
import {
	OPEN_DENTAL_TASK_STATUSES,
	openDentalTaskRouting,
	sendInOfficeTime,
} from '../../transport';
import { OPEN_DENTAL_OBJECT_TYPES } from '../../fields';
import { changeStatusDescription } from './changeStatus';
import { createDescription } from './create';
import { getDescription } from './get';
import { getManyDescription } from './getMany';
import { keepDoneStatus } from './keepDoneStatus';
import { updateDescription } from './update';
import { taskOutputProperty } from '../../../shared/normalizedTask';

const taskNum: FieldRule[] = [
	{ path: 'taskNum', label: 'Task Number', kind: 'required' },
	{ path: 'taskNum', label: 'Task Number', kind: 'wholeNumber' },
];
const taskUrl = '=/tasks/{{encodeURIComponent(String($parameter.taskNum).trim())}}';

/** Open Dental needs ObjectType with a KeyNum, and reads KeyNum as a patient or an appointment. */
function attachmentRules(collection: string): FieldRule[] {
	const label = 'Patient or Appointment Number';
	return [
		{
			path: `${collection}.objectType`,
			label: 'Attached To',
			kind: 'oneOf',
			allowed: OPEN_DENTAL_OBJECT_TYPES,
		},
		{ path: `${collection}.keyNum`, label, kind: 'wholeNumber' },
		{
			path: `${collection}.keyNum`,
			label,
			kind: 'needs',
			otherPath: `${collection}.objectType`,
			otherLabel: 'Attached To',
			allowed: ['Patient', 'Appointment'],
		},
	];
}

/** The optional task fields Create and Update share, checked where each operation keeps them. */
function optionalTaskFieldRules(collection: string): FieldRule[] {
	return [
		...attachmentRules(collection),
		{ path: `${collection}.dateTimeEntry`, label: 'Entry Time', kind: 'date' },
		// Added but left unchosen, it would be sent as PriorityDefNum 0, which names no priority.
		{ path: `${collection}.priorityDefNum`, label: 'Priority', kind: 'notBlankWhenGiven' },
		{ path: `${collection}.priorityDefNum`, label: 'Priority', kind: 'wholeNumber' },
		{
			path: `${collection}.descriptOverride`,
			label: 'Short Description',
			kind: 'maxLength',
			max: 256,
		},
	];
}

const setStatus = (status: (typeof OPEN_DENTAL_TASK_STATUSES)[number]) =>
	openDentalTaskRouting(
		{ method: 'PUT', url: taskUrl, body: { TaskStatus: status } },
		{ preSend: [validateFields(taskNum)] },
	);

export const taskDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a task',
				routing: openDentalTaskRouting(
					{ method: 'POST', url: '/tasks' },
					{
						preSend: [
							validateFields([
								{ path: 'taskListNum', label: 'Task List', kind: 'required' },
								{ path: 'taskListNum', label: 'Task List', kind: 'wholeNumber' },
								{ path: 'descript', label: 'Description', kind: 'required' },
								{ path: 'userNum', label: 'Created By', kind: 'required' },
								{ path: 'userNum', label: 'Created By', kind: 'wholeNumber' },
								...optionalTaskFieldRules('additionalFields'),
							]),
							sendInOfficeTime('body', 'DateTimeEntry'),
						],
					},
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task',
				description: 'Needs Open Dental 24.4.13 or later',
				routing: openDentalTaskRouting(
					{ method: 'GET', url: taskUrl },
					{ preSend: [validateFields(taskNum)] },
				),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tasks',
				description: 'Tasks created in the previous 14 days, unless filtered by creation time',
				routing: openDentalTaskRouting(
					{ method: 'GET', url: '/tasks' },
					{
						paged: true,
						preSend: [
							validateFields([
								limitRule,
								// Added but left unchosen, it would be sent as an empty TaskListNum, which Open Dental refuses.
								{ path: 'filters.taskListNum', label: 'Task List', kind: 'notBlankWhenGiven' },
								{ path: 'filters.taskListNum', label: 'Task List', kind: 'wholeNumber' },
								{
									path: 'filters.taskStatus',
									label: 'Status',
									kind: 'oneOf',
									allowed: OPEN_DENTAL_TASK_STATUSES,
								},
								...attachmentRules('filters'),
								{ path: 'filters.dateTimeOriginal', label: 'Created After', kind: 'date' },
							]),
							sendInOfficeTime('qs', 'DateTimeOriginal'),
						],
					},
				),
			},
			{
				name: 'Mark Done',
				value: 'markDone',
				action: 'Mark a task as done',
				description:
					'Set the status to Done; Open Dental records when it finished. Needs Open Dental 24.2.10 or later.',
				routing: setStatus('Done'),
			},
			{
				name: 'Mark New',
				value: 'markNew',
				action: 'Mark a task as new',
				description: 'Set the status to New. Needs Open Dental 24.2.10 or later.',
				routing: setStatus('New'),
			},
			{
				name: 'Mark Viewed',
				value: 'markViewed',
				action: 'Mark a task as viewed',
				description: 'Set the status to Viewed. Needs Open Dental 24.2.10 or later.',
				routing: setStatus('Viewed'),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task',
				description: 'Change only the fields you add; the others stay as they are',
				routing: openDentalTaskRouting(
					{ method: 'PUT', url: taskUrl },
					{
						preSend: [
							validateFields([
								...taskNum,
								{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
								{ path: 'updateFields.descript', label: 'Description', kind: 'notBlankWhenGiven' },
								// An empty time is not sent, so on its own it would be an update that changes nothing.
								{
									path: 'updateFields.dateTimeEntry',
									label: 'Entry Time',
									kind: 'notBlankWhenGiven',
								},
								{
									path: 'updateFields.taskStatus',
									label: 'Status',
									kind: 'oneOf',
									allowed: OPEN_DENTAL_TASK_STATUSES,
								},
								...optionalTaskFieldRules('updateFields'),
							]),
							sendInOfficeTime('body', 'DateTimeEntry'),
							keepDoneStatus,
						],
					},
				),
			},
		],
		default: 'getAll',
	},
	...createDescription,
	...getDescription,
	...getManyDescription,
	...updateDescription,
	...changeStatusDescription,
	taskOutputProperty('Open Dental', {
		resource: ['task'],
		operation: ['create', 'get', 'getAll', 'markDone', 'markNew', 'markViewed', 'update'],
	}),
];
