import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';
import { sentInBody } from '../../../shared/fieldRouting';
import { listedOptionsField } from '../../../shared/listedOptions';
import type { FieldRule } from '../../../shared/validation';
import { OPEN_DENTAL_PATHS } from '../../api';
import {
	numberLocator,
	optionalNumber,
	requiredNumber,
	sentAsNumber,
	sentWhenNotEmpty,
	textField,
	timeField,
} from '../../fields';
import { toRecord } from '../../requests';
import {
	MAX_SHORT_DESCRIPTION_LENGTH,
	NUMBERED_OBJECT_TYPES,
	OBJECT_TYPES,
	TASK_PRIORITY_CATEGORY,
	TASK_STATUSES,
} from '../../vocabulary';

/** The fields and checks several task operations (and the trigger, which watches tasks) share. */

export const taskNumRules = requiredNumber('taskNum', 'Task Number');

/** Requests to the task the Task Number names. */
export const toTask = toRecord(OPEN_DENTAL_PATHS.tasks, 'taskNum');

/** KeyNum is a record's number, and needs ObjectType with it. */
export function attachmentRules(collection: string): FieldRule[] {
	return [
		// Attached To's own check (its options), stated so that it runs before KeyNum's, which reads it:
		// a wrong Attached To is then named as itself.
		{
			path: `${collection}.objectType`,
			label: attachedToField.displayName,
			kind: 'oneOf',
			allowed: OBJECT_TYPES.map((type) => String(type.value)),
		},
		{ path: `${collection}.keyNum`, label: keyNumField.displayName, kind: 'wholeNumber' },
		keyNumNeedsObjectType(collection),
	];
}

/** The optional task fields Create and Update share, checked where each operation keeps them. */
export function optionalTaskFieldRules(collection: string): FieldRule[] {
	return [
		...attachmentRules(collection),
		// Added but left unchosen, it would be sent as PriorityDefNum 0, which names no priority.
		...optionalNumber(`${collection}.priorityDefNum`, 'Priority'),
		{
			path: `${collection}.descriptOverride`,
			label: shortDescriptionField.displayName,
			kind: 'maxLength',
			max: MAX_SHORT_DESCRIPTION_LENGTH,
		},
	];
}

/** Open Dental reads KeyNum as a patient or an appointment, and needs ObjectType to say which. */
export function keyNumNeedsObjectType(collection: string): FieldRule {
	return {
		path: `${collection}.keyNum`,
		label: keyNumField.displayName,
		kind: 'needs',
		otherPath: `${collection}.objectType`,
		otherLabel: attachedToField.displayName,
		allowed: NUMBERED_OBJECT_TYPES,
	};
}

export const taskListField = numberLocator({
	displayName: 'Task List',
	name: 'taskListNum',
	searchListMethod: 'searchTaskLists',
	placeholder: 'Pick a task list…',
	example: '74',
	property: 'TaskListNum',
});

export const attachedToField: INodeProperties = {
	displayName: 'Attached To',
	name: 'objectType',
	type: 'options',
	options: OBJECT_TYPES,
	default: 'Patient',
	description: 'What kind of record the task is about (ObjectType)',
	routing: sentInBody('ObjectType'),
};

export const keyNumField: INodeProperties = {
	displayName: 'Patient or Appointment Number',
	name: 'keyNum',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 1,
	description:
		'The PatNum or AptNum the task is about (KeyNum). Needs "Attached To" set to Patient or Appointment.',
	routing: sentAsNumber('KeyNum'),
};

/**
 * The task filters Get Many and the trigger share; `send` says how each reaches Open Dental (the trigger
 * builds its query itself).
 */
export function taskFilterFields(send: (property: string) => INodePropertyRouting | undefined) {
	return {
		attachedTo: {
			...attachedToField,
			description: 'Only tasks about this kind of record',
			routing: send('ObjectType'),
		},
		keyNum: {
			...keyNumField,
			description:
				'Only tasks about this patient (PatNum) or appointment (AptNum). Needs "Attached To".',
			routing: send('KeyNum'),
		},
		taskList: {
			...taskListField,
			description: 'Only tasks in this list',
			routing: send('TaskListNum'),
		},
	};
}

export const descriptionField = textField('Description', 'descript', 'Descript');

export const shortDescriptionField: INodeProperties = {
	displayName: 'Short Description',
	name: 'descriptOverride',
	type: 'string',
	default: '',
	description: `Shown instead of the description in task lists (DescriptOverride). At most ${MAX_SHORT_DESCRIPTION_LENGTH} characters.`,
	routing: sentWhenNotEmpty('DescriptOverride'),
};

export const entryTimeField = timeField(
	'Entry Time',
	'dateTimeEntry',
	'DateTimeEntry',
	'When the task was added (DateTimeEntry). Sent in the office’s time zone; defaults to now.',
);

export const priorityField = listedOptionsField({
	thing: 'Priority',
	name: 'priorityDefNum',
	loadOptionsMethod: 'getPriorities',
	purpose: `The office’s task priorities (definitions of category ${TASK_PRIORITY_CATEGORY}).`,
	routing: sentAsNumber('PriorityDefNum'),
});

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'taskStatus',
	type: 'options',
	options: TASK_STATUSES,
	default: 'New',
	routing: sentInBody('TaskStatus'),
};

/** The optional task fields Create and Update share (optionalTaskFieldRules checks them). */
export const optionalTaskFields: INodeProperties[] = [
	attachedToField,
	entryTimeField,
	keyNumField,
	priorityField,
	shortDescriptionField,
];
