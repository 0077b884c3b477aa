import { optionsNamedByValue } from '../shared/vocabulary';

/** The records a task can belong to (`taskable_type`). */
export const LINKED_RECORD_TYPES = optionsNamedByValue(['client', 'case', 'plan']);

export const PRIORITIES = optionsNamedByValue(['low', 'medium', 'high', 'highest']);

/** The task list's `include` values (basics/query-parameters); Plannr refuses others. */
export const TASK_INCLUDES = optionsNamedByValue([
	'author',
	'completed_by',
	'custom_fields',
	'parent_task',
	'related_tasks',
]);

/** The task list's `sort` values; Plannr refuses others. */
export const TASK_SORTS = optionsNamedByValue([
	'completed_last',
	'created_at',
	'due_at',
	'name',
	'priority',
	'updated_at',
]);

/** Plannr refuses a longer task name (422, "must not be greater than 255 characters"). */
export const MAX_TASK_NAME_LENGTH = 255;

/** getapiv1task: filter[subtask_visibility] and filter[unassigned_subtask_visibility] (show_child_tasks is deprecated). */
export const SUBTASK_VISIBILITIES = [
	{ name: 'Include', value: 'include', description: 'List them with the other tasks' },
	{ name: 'Exclude', value: 'exclude', description: 'Leave them out' },
	{ name: 'Only', value: 'only', description: 'List only them' },
];

/** get-api-v1-account: "Valid types are [client,employee,external]". */
export const ACCOUNT_TYPES = optionsNamedByValue(['client', 'employee', 'external']);
