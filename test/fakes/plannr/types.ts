/** The fake Plannr's records, vocabulary and validation messages (what importers of the fake use). */

export const PLANNR_API_V1 = '/api/v1';

export const PLANNR_API_V2 = '/api/v2';

export const PLANNR_SUBSCRIPTIONS_PATH = `${PLANNR_API_V2}/webhook-subscriptions`;

export const PRIORITIES = ['low', 'medium', 'high', 'highest'] as const;

export const TASKABLE_TYPES = ['client', 'case', 'plan'] as const;

export const TASK_EVENTS = [
	'task.created',
	'task.updated',
	'task.deleted',
	'task.completed',
] as const;

/** Documented: every event a subscription may name (only the task events are ever sent by this fake). */
export const WEBHOOK_EVENTS = [
	'account.created',
	'account.updated',
	'account.deleted',
	'account.annual-review-date-occurred',
	'circle.created',
	'circle.updated',
	'circle.deleted',
	'plan.created',
	'plan.updated',
	'plan.deleted',
	'case.created',
	'case.updated',
	'case.deleted',
	...TASK_EVENTS,
	'fact-find.completed',
	'form-submission.completed',
] as const;

export const TASK_INCLUDES = [
	'author',
	'completed_by',
	'parent_task',
	'related_tasks',
	'custom_fields',
] as const;

export const TASK_SORTS = [
	'created_at',
	'updated_at',
	'name',
	'priority',
	'due_at',
	'completed_last',
] as const;

/** The fact sheet's filters, then those apidocs adds (completed/archived/not-started status, sub-tasks; show_child_tasks deprecated). */
export const TASK_FILTERS = [
	'name',
	'taskable_type',
	'taskable_uuid',
	'client_uuid',
	'priority',
	'assigned_to_uuids',
	'status_uuid',
	'due_before',
	'due_after',
	'has_due_date',
	'open_tasks',
	'completed_status',
	'archived_status',
	'not_started_status',
	'subtask_visibility',
	'unassigned_subtask_visibility',
	'show_child_tasks',
] as const;

/** getapiv1task: filter[subtask_visibility] and filter[unassigned_subtask_visibility] take these. */
export const SUBTASK_VISIBILITIES = ['include', 'exclude', 'only'] as const;

/** get-api-v1-account: the account list's sorts (default first_name); `name` is not one. */
export const ACCOUNT_SORTS = [
	'created_at',
	'updated_at',
	'first_name',
	'last_name',
	'email',
	'next_review_date',
	'previous_review_date',
	'anniversary_review_date',
] as const;

/** get-api-v1-account: "Valid types are [client,employee,external]". */
export const ACCOUNT_TYPES = ['client', 'employee', 'external'] as const;

/** Documented: the status list's one sort is `position` (plannr.md, GET /api/v1/task-status); others are unknown names. */
export const STATUS_SORTS = ['position'] as const;

export type Priority = (typeof PRIORITIES)[number];

export type TaskableType = (typeof TASKABLE_TYPES)[number];

export type PlannrTaskEvent = (typeof TASK_EVENTS)[number];

/** `yyyy-MM-dd HH:mm:ss`, the firm's local time. */
export const LOCAL_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

// ---- records ----
export interface PlannrStatus {
	uuid: string;
	name: string;
	colour: string | null;
	position: number;
	is_type_completed: boolean;
	is_archived: boolean;
	is_not_started: boolean;
	created_at: string;
	updated_at: string;
}

/** An employee (adviser, administrator, ...) or a client of the firm. Clients are accounts in Plannr. */
export interface PlannrAccount {
	uuid: string;
	type: 'employee' | 'client';
	/** Employees: owner, admin or member; clients: client. */
	role: string;
	first_name: string;
	last_name: string;
	name: string;
	email: string | null;
	photo_url: string;
	created_at: string;
	updated_at: string;
}

/** A person who signs in; each login ties the user to one account. */
export interface PlannrUser {
	uuid: string;
	email: string;
	first_name: string;
	last_name: string;
	logins: PlannrLogin[];
	preferred_account_uuid: string | null;
}

export interface PlannrLogin {
	uuid: string;
	account_uuid: string;
	primary: boolean;
	created_at: string;
}

/** Documented (seed 002: a task's `taskable` for a case), cut down; `client_uuid` is the fake's own link to its client. */
export interface PlannrCase {
	uuid: string;
	name: string;
	slug: string;
	client_uuid: string;
	status: { name: string };
	value: { amount: string; currency: string; formatted: string };
	completed_at: string | null;
	created_at: string;
	updated_at: string;
}

/** No page shows a plan: the fields every taskable in seed 002 has (uuid, name, timestamps) and the fake's client link. */
export interface PlannrPlan {
	uuid: string;
	name: string;
	client_uuid: string;
	created_at: string;
	updated_at: string;
}

export interface PlannrGroup {
	uuid: string;
	name: string;
}

export interface PlannrCustomField {
	uuid: string;
	name: string;
	/** What a task body names it by: `custom_fields: {reference: value}`. */
	reference: string;
	type: string;
	help_text: string | null;
	is_required: boolean;
	selection_options: string[];
	created_at: string;
	updated_at: string;
}

/** What the fake stores; the API answers `taskView()` of it. */
export interface PlannrTaskRecord {
	uuid: string;
	name: string;
	description: string | null;
	priority: Priority | null;
	position: number;
	due_at: string | null;
	status_uuid: string;
	taskable_type: TaskableType;
	taskable_uuid: string;
	parent_task_uuid: string | null;
	author_uuid: string | null;
	assigned_to_uuids: string[];
	group_uuids: string[];
	/** reference -> value */
	custom_fields: Record<string, unknown>;
	completed_at: string | null;
	completed_by_uuid: string | null;
	created_at: string;
	updated_at: string;
	/** Creation order, the tie-breaker of every sort. */
	seq: number;
}

export interface PlannrSubscription {
	uuid: string;
	url: string;
	events: string[];
	signing_secret: string;
	created_at: string;
	updated_at: string;
	last_outgoing_webhook_call_at: string | null;
}

/** One attempt to deliver an event to a subscribed URL. */
export interface PlannrDelivery {
	subscriptionUuid: string;
	url: string;
	event: string;
	/** The raw JSON body sent. */
	body: string;
	headers: Record<string, string>;
	/** The receiver's status, or null when it could not be reached. */
	status: number | null;
	responseBody: string;
	error?: string;
	attempt: number;
	forged: boolean;
	/** Date.now() when sent. */
	at: number;
}

export interface PlannrToken {
	token: string;
	userUuid: string;
	kind: 'personal' | 'oauth';
	/** ms on the fake's clock */
	expiresAt: number;
	clientId?: string;
}

// ---- options ----
/** Laravel's English validation lines; `:attribute` and the rule's parameters are replaced. */
export const LARAVEL_MESSAGES = {
	required: 'The :attribute field is required.',
	required_with: 'The :attribute field is required when :values is present.',
	string: 'The :attribute field must be a string.',
	array: 'The :attribute field must be an array.',
	in: 'The selected :attribute is invalid.',
	exists: 'The selected :attribute is invalid.',
	date_format: 'The :attribute field must match the format :format.',
	date: 'The :attribute field must be a valid date.',
	max: 'The :attribute field must not be greater than :max characters.',
	min_items: 'The :attribute field must have at least :min items.',
	url: 'The :attribute field must be a valid URL.',
	integer: 'The :attribute field must be an integer.',
	boolean: 'The :attribute field must be true or false.',
	different: 'The :attribute field and :other must be different.',
	hex_color: 'The :attribute field must be a valid hexadecimal color.',
	min_numeric: 'The :attribute field must be at least :min.',
	prohibited: 'The :attribute field is prohibited.',
	// Documented (postapiv1task): custom_fields is an object; [inferred] validationMessages: the wording.
	custom_fields_object:
		'The :attribute field must be an object of custom field references and values, not a list.',
	// [inferred] validationMessages: the fake's own rules (completeToStatusUuid, uncomplete options), worded like Laravel's.
	no_completed_status: 'The firm has no task status of the completed type.',
	not_completed_status:
		'The selected :attribute is a completed status: a task is uncompleted to an open status.',
	not_completed: 'The task is not completed.',
	/** apidocs (put-api-v1-task-status-parameter): "You cannot update a completed statuses details except it's position". */
	completed_status_locked:
		'The :attribute of a completed status cannot be changed: only its position can.',
	/** Laravel 10: the first message, and how many more. */
	more_errors: ' (and :count more :errors)',
};

export type ValidationRule = keyof typeof LARAVEL_MESSAGES;
