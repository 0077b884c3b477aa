import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';
import { descriptionField } from '../../../shared/commonFields';
import { sendBodyDatesAsIso } from '../../../shared/dates';
import { adjustedInBody, sentInBody } from '../../../shared/fieldRouting';
import { OLIVER_PATHS } from '../../api';
import { recordPicker, typedMode, versionedIdFields } from '../../../shared/recordPicker';
import { idField, idRules, toRecord } from '../../recordById';
import { TASK_STATUS_OPTIONS, TASK_TYPE_OPTIONS } from '../../vocabulary';

/** Fields several staff-task operations share, each with the body property it is sent as */

const typedTaskIdField = idField('Task ID', 'taskId', {
	placeholder: 'e.g. st_123',
	description: 'The ID of the staff task',
});

/** The task of every operation on one task: typed (node version 1), or picked from Oliver's list (version 2). */
export const taskIdFields = versionedIdFields(
	typedTaskIdField,
	recordPicker({
		displayName: 'Task ID',
		name: 'taskId',
		description:
			'The staff task, picked from Oliver’s list (type to narrow it by title) or by its ID',
		searchListMethod: 'searchStaffTasks',
		listPlaceholder: 'Pick a staff task…',
		typed: typedMode('By ID', 'e.g. st_123'),
	}),
);

export const taskIdRules = idRules(typedTaskIdField);

/** The task's URL, from the Task ID the checks read. */
export const toTask = toRecord(OLIVER_PATHS.staffTasks, typedTaskIdField);

/**
 * Oliver's schema types the text fields as strings, and whether it takes a number for one is not documented:
 * an expression that comes out a number or boolean is sent as its text.
 */
function sentAsText(property: string): INodePropertyRouting {
	const asText = (value: unknown) =>
		typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
	return { send: { type: 'body', property, preSend: [adjustedInBody(property, asText)] } };
}

export const titleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	routing: sentAsText('title'),
};

export const taskDescriptionField: INodeProperties = {
	...descriptionField,
	routing: sentAsText('description'),
};

export const taskTypeField: INodeProperties = {
	displayName: 'Task Type',
	name: 'taskType',
	type: 'options',
	options: TASK_TYPE_OPTIONS,
	default: 'task',
	routing: sentInBody('task_type'),
};

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [...TASK_STATUS_OPTIONS],
	default: 'pending',
	description: 'Completed or canceled sets the finalized time; pending clears it',
	routing: sentInBody('status'),
};

export const referenceTimeField: INodeProperties = {
	displayName: 'Reference Time',
	name: 'referenceTimeAt',
	type: 'dateTime',
	default: '',
	description:
		'A time the task refers to, such as when a refill is due. Read in the workflow’s time zone.',
	routing: {
		send: {
			type: 'body',
			property: 'reference_time_at',
			preSend: [sendBodyDatesAsIso('reference_time_at')],
		},
	},
};
