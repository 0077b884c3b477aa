import type { FieldType, INodePropertyOptions } from 'n8n-workflow';
import { optionsNamedByValue } from '../shared/vocabulary';

/** A task's statuses, as MileApp writes them. */
export const TASK_STATUS = { unassigned: 'UNASSIGNED', ongoing: 'ONGOING', done: 'DONE' } as const;

/** The statuses in the order a task goes through them. */
export const TASK_STATUSES: INodePropertyOptions[] = [
	{ name: 'Unassigned', value: TASK_STATUS.unassigned },
	{ name: 'Ongoing', value: TASK_STATUS.ongoing },
	{ name: 'Done', value: TASK_STATUS.done },
];

/** MileApp's task events (Automation → Webhook) and the status a task has when each fires. */
export const TASK_EVENTS = [
	{ name: 'Task Created (onCreate)', value: 'onCreate', status: TASK_STATUS.unassigned },
	{ name: 'Task Assigned (onAssign)', value: 'onAssign', status: TASK_STATUS.ongoing },
	{ name: 'Task Finished (onFinish)', value: 'onFinish', status: TASK_STATUS.done },
] as const;

/** The times of a task the task list filters by (`timeBy`): openapi lists these three only (no `endTime`). */
export const TASK_TIMES = optionsNamedByValue(['createdTime', 'doneTime', 'startTime']);

/** What the task list sorts by (`sortBy`). */
export const TASK_SORTS: INodePropertyOptions[] = [
	{ name: 'Created Time', value: 'createdTime' },
	{ name: 'Done Time', value: 'doneTime' },
	{ name: 'Order', value: 'orderIndex' },
	{ name: 'Start Time', value: 'startTime' },
];

export const SORT_ORDERS: INodePropertyOptions[] = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Descending', value: 'desc' },
];

/** A flow field's MileApp type as n8n's mapper shows it; a location is typed as "lat,lng" text. */
export const FLOW_FIELD_TYPES: Record<string, FieldType> = {
	string: 'string',
	number: 'number',
	date: 'dateTime',
	datetime: 'dateTime',
	select: 'options',
	location: 'string',
};
