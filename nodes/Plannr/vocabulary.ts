import type { INodePropertyOptions } from 'n8n-workflow';

/** The records a task can belong to (`taskable_type`). */
export const LINKED_RECORD_TYPES: INodePropertyOptions[] = [
	{ name: 'Client', value: 'client' },
	{ name: 'Case', value: 'case' },
	{ name: 'Plan', value: 'plan' },
];

export const PRIORITIES: INodePropertyOptions[] = [
	{ name: 'Low', value: 'low' },
	{ name: 'Medium', value: 'medium' },
	{ name: 'High', value: 'high' },
	{ name: 'Highest', value: 'highest' },
];

/** The task list's `include` values (basics/query-parameters); Plannr refuses others. */
export const TASK_INCLUDES: INodePropertyOptions[] = [
	{ name: 'Author', value: 'author' },
	{ name: 'Completed By', value: 'completed_by' },
	{ name: 'Custom Fields', value: 'custom_fields' },
	{ name: 'Parent Task', value: 'parent_task' },
	{ name: 'Related Tasks', value: 'related_tasks' },
];

/** The task list's `sort` values; Plannr refuses others. */
export const TASK_SORTS: INodePropertyOptions[] = [
	{ name: 'Completed Last', value: 'completed_last' },
	{ name: 'Created At', value: 'created_at' },
	{ name: 'Due At', value: 'due_at' },
	{ name: 'Name', value: 'name' },
	{ name: 'Priority', value: 'priority' },
	{ name: 'Updated At', value: 'updated_at' },
];

/** Plannr refuses a longer task name (422, "must not be greater than 255 characters"). */
export const MAX_TASK_NAME_LENGTH = 255;
