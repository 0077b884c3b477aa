import type { INodeProperties } from 'n8n-workflow';
import { unrouted } from '../../../shared/collectionBody';
import { additionalFieldsCollection } from '../../../shared/collectionFields';
import { sentInBody } from '../../../shared/fieldRouting';
import {
	requiredText,
	type BuildFromValues,
	type FieldRule,
	type ParameterReader,
} from '../../../shared/validation';
import { MILEAPP_PATHS } from '../../api';
import { recordPicker, typedMode } from '../../../shared/recordPicker';
import { flowRules } from '../../locators';

/**
 * Fields several task operations share; a field sent in a task body says the property it is sent as, and
 * sendCollection (not n8n) sends it.
 */

/** Node version 1's Task ID: typed text, kept for the workflows saved with it. */
const typedTaskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 64d1f0c2a9e7b3f1c2d4e5f6',
	description: "The task's _id, as Get Many or the MileApp web app shows it",
	displayOptions: { show: { '@version': [1] } },
};

/** From node version 2: the task picked from MileApp's tasks, or its _id typed. */
const pickedTaskIdField: INodeProperties = {
	...recordPicker({
		// The same label as version 1's, which the input checks name.
		displayName: 'Task ID',
		name: 'taskId',
		required: true,
		description:
			"The task, picked from MileApp's tasks (type to narrow them by title) or by its _id",
		searchListMethod: 'searchTasks',
		listPlaceholder: 'Pick a task…',
		typed: typedMode('By ID', 'e.g. 64d1f0c2a9e7b3f1c2d4e5f6'),
	}),
	displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
};

/** The task of every one-task operation: both versions' fields, under one name. */
export const taskIdFields = [typedTaskIdField, pickedTaskIdField];

/** The task every one-task operation names: given, and text (not a whole record mapped in). */
export const taskIdRules: FieldRule[] = requiredText('taskId', 'Task ID');

/** The task's URL (and what follows it), from the Task ID the checks read. */
export function taskPath(valueOf: ParameterReader, suffix = ''): string {
	return `${MILEAPP_PATHS.task}/${encodeURIComponent(String(valueOf('taskId')).trim())}${suffix}`;
}

/** Sends the request to the task the checks read; a URL expression would resolve the Task ID again. */
export const toTask: BuildFromValues = (valueOf, requestOptions) => ({
	...requestOptions,
	url: taskPath(valueOf),
});

export const startTimeField: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	default: '',
	description: "When the task starts; without it, the flow's default",
	routing: sentInBody('startTime'),
};

export const endTimeField: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	default: '',
	description: 'When the task must be done by; MileApp does not let a task be finished after it',
	routing: sentInBody('endTime'),
};

/** Assign's own field (its body is built from it); Create and Replace send it as `assignee`. */
export const assigneesField: INodeProperties = {
	displayName: 'Assignees',
	name: 'assignees',
	type: 'string',
	default: '',
	placeholder: 'e.g. dana@example.com, lee@example.com',
	description: "Emails of the workers, separated by commas; they must belong to the task's hub",
};

/** The optional fields of a whole task (Create, Replace), each with the body property it is sent as. */
export const wholeTaskOptions: INodeProperties[] = [
	{ ...assigneesField, routing: sentInBody('assignee') },
	endTimeField,
	startTimeField,
];

/** Sent by the operation's `build` (sendCollection), which reads them once with the input checks. */
export const additionalTaskFields = additionalFieldsCollection(unrouted(wholeTaskOptions));

/** A whole task names its flow and its hub (Create, Replace). */
export const wholeTaskRules: FieldRule[] = [...flowRules, ...requiredText('hubId', 'Hub')];
