import type { INodeProperties } from 'n8n-workflow';
import { descriptionField } from '../../../shared/commonFields';
import { sentInBody } from '../../../shared/fieldRouting';
import { listedOptionsField } from '../../../shared/listedOptions';
import { optionalVersionedIdFields, recordPicker, typedMode } from '../../../shared/recordPicker';
import {
	requiredAs,
	type BuildFromValues,
	type FieldRule,
	type ParameterReader,
} from '../../../shared/validation';
import { PLANNR_PATHS } from '../../api';
import { LINKED_RECORD_TYPES, PRIORITIES } from '../../vocabulary';

/** Fields several task operations share, each with the body property it is sent as. */

export const taskUuidField = recordPicker({
	displayName: 'Task',
	name: 'taskUuid',
	required: true,
	searchListMethod: 'searchTasks',
	listPlaceholder: 'Search tasks by name…',
	typed: typedMode('By UUID', 'e.g. e0d257d7-5140-4a3c-a2a3-fff4f087b689'),
});

export const taskableTypeField: INodeProperties = {
	displayName: 'Linked To',
	name: 'taskableType',
	type: 'options',
	options: LINKED_RECORD_TYPES,
	default: 'client',
	description: 'What kind of record the task belongs to (taskable_type)',
	routing: sentInBody('taskable_type'),
};

const UUID_PLACEHOLDER = 'e.g. 5c1695df-0be1-48e2-9b01-71f8495a672f';

/** Node version 1's typed Linked Record UUID. */
export const taskableUuidField: INodeProperties = {
	displayName: 'Linked Record UUID',
	name: 'taskableUuid',
	type: 'string',
	default: '',
	placeholder: UUID_PLACEHOLDER,
	description: 'The UUID of the client, case or plan (taskable_uuid)',
	routing: sentInBody('taskable_uuid'),
};

/**
 * From node version 2: a client picked when Linked To is Client, or any linked record By UUID. Plannr lists
 * clients (accounts of type client) but documents no list of cases or plans, so for those the list stays empty.
 */
export const linkedRecordPicker = recordPicker({
	displayName: 'Linked Record UUID',
	name: 'taskableUuid',
	description:
		'The client, case or plan (taskable_uuid). From List offers the firm’s clients when Linked To is Client; Plannr has no list of cases or plans, so give their UUID By UUID.',
	searchListMethod: 'searchLinkedRecords',
	listPlaceholder: 'Pick a client (Linked To: Client)…',
	typed: typedMode('By UUID', UUID_PLACEHOLDER),
});

/** A client picked from the firm's clients, or its UUID typed (the Client UUID filter). */
export const clientPicker = recordPicker({
	displayName: 'Client UUID',
	name: 'clientUuid',
	description: 'Only tasks of this client, picked from the firm’s clients or given By UUID',
	searchListMethod: 'searchClients',
	listPlaceholder: 'Pick a client…',
	typed: typedMode('By UUID', UUID_PLACEHOLDER),
});

export const statusField = listedOptionsField({
	thing: 'Status',
	name: 'taskStatusUuid',
	loadOptionsMethod: 'getStatuses',
	purpose: 'One of the firm’s task statuses.',
	routing: sentInBody('task_status_uuid'),
});

export const priorityField: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'options',
	options: PRIORITIES,
	default: 'medium',
	routing: sentInBody('priority'),
};

/** Plannr states no zone for due_at (plannr.md, Unknown): the one the node assumes, said where dates are entered. */
export const DUE_DATE_ZONE_HELP =
	'Plannr’s due dates carry no time zone: the node assumes the firm’s local time is the workflow’s time zone (Workflow Settings → Timezone) and sends this date and time as it is in that zone, yyyy-MM-dd HH:mm:ss, without converting it';

const dueAtField: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueAt',
	type: 'dateTime',
	default: '',
	description: DUE_DATE_ZONE_HELP,
	routing: sentInBody('due_at'),
};

/** Version 1's typed Parent Task UUID; from version 2 a task picked from Plannr's tasks, or By UUID. */
const parentTaskFields = optionalVersionedIdFields(
	{
		displayName: 'Parent Task UUID',
		name: 'parentTaskUuid',
		type: 'string',
		default: '',
		description: 'Makes this task a sub-task of another',
		routing: sentInBody('parent_task_uuid'),
	},
	recordPicker({
		displayName: 'Parent Task UUID',
		name: 'parentTaskUuid',
		description:
			'Makes this task a sub-task of another: picked from Plannr’s tasks (type to search them by name) or given By UUID',
		searchListMethod: 'searchTasks',
		listPlaceholder: 'Search tasks by name…',
		typed: typedMode('By UUID', 'e.g. e0d257d7-5140-4a3c-a2a3-fff4f087b689'),
	}),
);

export const assigneesField = listedOptionsField({
	thing: 'Assignee',
	several: true,
	name: 'assignedToUuids',
	loadOptionsMethod: 'getAccounts',
	purpose: 'The accounts the task is assigned to.',
	routing: sentInBody('assigned_to_uuids'),
});

const groupsField: INodeProperties = {
	displayName: 'Group UUIDs',
	name: 'groupUuids',
	type: 'string',
	default: '',
	placeholder: 'e.g. 6098c485-20e6-41ec-9b52-972cdacc65aa, 698abada-35a7-4b21-ab51-ffc44aac9c33',
	description: 'Comma-separated UUIDs of the groups the task is shared with',
	routing: sentInBody('group_uuids'),
};

const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Custom Field',
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. favourite_pet',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
	routing: sentInBody('custom_fields'),
};

/** The task fields Create takes as additional fields and Update takes as update fields. */
export const optionalTaskFields: INodeProperties[] = [
	assigneesField,
	customFieldsField,
	descriptionField,
	dueAtField,
	groupsField,
	...parentTaskFields,
	priorityField,
];

/** The task every one-task operation names. */
export const taskUuidRules: FieldRule[] = requiredAs('uuid', 'taskUuid', 'Task');

/** The checks of the optional task fields that their options and types do not already carry. */
export function optionalTaskFieldRules(collection: string): FieldRule[] {
	return [
		{ path: `${collection}.parentTaskUuid`, label: 'Parent Task UUID', kind: 'uuid' },
		{ path: `${collection}.assignedToUuids`, label: 'Assignee Names or IDs', kind: 'uuidList' },
		{ path: `${collection}.groupUuids`, label: 'Group UUIDs', kind: 'uuidList' },
	];
}

/** A value as one segment of a URL path. */
export const urlSegment = (value: unknown) => encodeURIComponent(String(value).trim());

/** The task's URL (and what follows it), from the values the checks read. */
export function taskPath(valueOf: ParameterReader, suffix = ''): string {
	return `${PLANNR_PATHS.tasks}/${urlSegment(valueOf('taskUuid'))}${suffix}`;
}

/** Sends the request to the task the checks read; a URL expression would resolve the Task again. */
export const toTask =
	(suffix = ''): BuildFromValues =>
	(valueOf, requestOptions) => ({ ...requestOptions, url: taskPath(valueOf, suffix) });
