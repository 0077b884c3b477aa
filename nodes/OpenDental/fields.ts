import type { INodeProperties } from 'n8n-workflow';

/**
 * Fields several Open Dental operations share, each with the property it is sent as. Numbers that name a
 * record are sent as JSON numbers; validation has refused anything that is not a whole number.
 */

const asNumber = '={{ Number($value) }}';

export const taskNumField: INodeProperties = {
	displayName: 'Task Number',
	name: 'taskNum',
	type: 'string',
	required: true,
	default: '',
	placeholder: '9004',
	description: 'The task’s TaskNum',
};

export const taskNoteNumField: INodeProperties = {
	displayName: 'Task Note Number',
	name: 'taskNoteNum',
	type: 'string',
	required: true,
	default: '',
	placeholder: '512',
	description: 'The note’s TaskNoteNum',
};

/** A record picked from a searchable list, or typed as its number; sent as a JSON number. */
function numberLocator(field: {
	displayName: string;
	name: string;
	searchListMethod: string;
	placeholder: string;
	example: string;
	property: string;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: field.placeholder,
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{ displayName: 'By Number', name: 'id', type: 'string', placeholder: field.example },
		],
		routing: { send: { type: 'body', property: field.property, value: asNumber } },
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

export const userField = numberLocator({
	displayName: 'User',
	name: 'userNum',
	searchListMethod: 'searchUsers',
	placeholder: 'Pick a user…',
	example: '1',
	property: 'UserNum',
});

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'descript',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	routing: { send: { type: 'body', property: 'Descript' } },
};

export const shortDescriptionField: INodeProperties = {
	displayName: 'Short Description',
	name: 'descriptOverride',
	type: 'string',
	default: '',
	description:
		'Shown instead of the description in task lists (DescriptOverride). At most 256 characters.',
	routing: { send: { type: 'body', property: 'DescriptOverride' } },
};

/** ObjectType: what a task's KeyNum names. */
export const OPEN_DENTAL_OBJECT_TYPES = ['None', 'Patient', 'Appointment'] as const;

export const attachedToField: INodeProperties = {
	displayName: 'Attached To',
	name: 'objectType',
	type: 'options',
	options: [
		{ name: 'Nothing', value: 'None' },
		{ name: 'Patient', value: 'Patient' },
		{ name: 'Appointment', value: 'Appointment' },
	],
	default: 'Patient',
	description: 'What kind of record the task is about (ObjectType)',
	routing: { send: { type: 'body', property: 'ObjectType' } },
};

export const keyNumField: INodeProperties = {
	displayName: 'Patient or Appointment Number',
	name: 'keyNum',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 1,
	description:
		'The PatNum or AptNum the task is about (KeyNum). Needs "Attached To" set to Patient or Appointment.',
	routing: { send: { type: 'body', property: 'KeyNum', value: asNumber } },
};

export const entryTimeField: INodeProperties = {
	displayName: 'Entry Time',
	name: 'dateTimeEntry',
	type: 'dateTime',
	default: '',
	description:
		'When the task was added (DateTimeEntry). Sent in the office’s time zone; defaults to now.',
	routing: { send: { type: 'body', property: 'DateTimeEntry' } },
};

export const priorityField: INodeProperties = {
	displayName: 'Priority Name or ID',
	name: 'priorityDefNum',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPriorities' },
	default: '',
	description:
		'The office’s task priorities (definitions of category 33). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	routing: { send: { type: 'body', property: 'PriorityDefNum', value: asNumber } },
};

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'taskStatus',
	type: 'options',
	options: [
		{ name: 'New', value: 'New' },
		{ name: 'Viewed', value: 'Viewed' },
		{ name: 'Done', value: 'Done' },
	],
	default: 'New',
	routing: { send: { type: 'body', property: 'TaskStatus' } },
};

export const noteField: INodeProperties = {
	displayName: 'Note',
	name: 'note',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	routing: { send: { type: 'body', property: 'Note' } },
};

export const noteTimeField: INodeProperties = {
	displayName: 'Note Time',
	name: 'dateTimeNote',
	type: 'dateTime',
	default: '',
	description: 'When the note was written (DateTimeNote). Sent in the office’s time zone.',
	routing: { send: { type: 'body', property: 'DateTimeNote' } },
};
