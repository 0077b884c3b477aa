import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';
import { adjustedInBody, sentInBody } from '../shared/fieldRouting';
import { recordPicker, typedMode, versionedIdFields } from '../shared/recordPicker';
import { optionalAs, requiredAs, type FieldRule } from '../shared/validation';

/** Fields and checks several resources share, and the shapes every Open Dental field follows. */

/**
 * Sent in the body as `property`, a JSON number: Open Dental's record numbers. The checks have refused
 * anything that is not a whole number.
 */
export function sentAsNumber(property: string): INodePropertyRouting {
	const send = sentInBody(property).send!;
	return {
		send: {
			...send,
			preSend: [adjustedInBody(property, (value) => (value === undefined ? value : Number(value)))],
		},
	};
}

/**
 * Sent in the body as `property` when not blank: an optional text left empty is left out, since Open Dental
 * documents no empty value as "clear" (and a field left out of a PUT stays as it is).
 */
export function sentWhenNotEmpty(property: string): INodePropertyRouting {
	const send = sentInBody(property).send!;
	const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';
	return {
		send: {
			...send,
			preSend: [adjustedInBody(property, (value) => (blank(value) ? undefined : value))],
		},
	};
}

/** A record number the operation cannot do without. */
export function requiredNumber(path: string, label: string): FieldRule[] {
	return requiredAs('wholeNumber', path, label);
}

/** A record number that may be left out; added but left empty, it would be sent empty, which Open Dental refuses. */
export function optionalNumber(path: string, label: string): FieldRule[] {
	return optionalAs('wholeNumber', path, label);
}

/** A record the user types by its number: version 1's box (from version 2 a picker takes its place). */
export function recordNumberField(
	displayName: string,
	name: string,
	example: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${example}`,
		description,
	};
}

export const taskNumField = recordNumberField(
	'Task Number',
	'taskNum',
	'9004',
	'The task’s TaskNum',
);

/**
 * A picker's typed mode: the record's number, digits only, checked as the editor types (n8n then refuses to run
 * the workflow) and again on run, for a number from an expression. `label` is the field's.
 */
export function byNumber(example: string, label: string) {
	return {
		...typedMode('By Number', `e.g. ${example}`),
		validation: [
			{
				type: 'regex' as const,
				properties: {
					regex: '^\\s*\\d+\\s*$',
					errorMessage: `"${label}" must be a whole number (digits only)`,
				},
			},
		],
	};
}

/** The task picker (Open Dental's tasks, searchable, or By Number), under version 1's label, which the checks name. */
export const taskPickerField = recordPicker({
	displayName: 'Task Number',
	name: 'taskNum',
	required: true,
	description: 'The task, picked from Open Dental’s tasks (type to narrow them) or by its TaskNum',
	searchListMethod: 'searchTasks',
	listPlaceholder: 'Pick a task…',
	typed: byNumber('9004', 'Task Number'),
});

/**
 * The task of the operations on one task, in one form per node version under one name: version 1's typed
 * Task Number, kept for the workflows saved with it; from version 2 the task picker.
 */
export const taskNumFields: INodeProperties[] = versionedIdFields(taskNumField, taskPickerField);

/** A record picked from a searchable list, or typed as its number; sent as a JSON number. */
export function numberLocator(field: {
	displayName: string;
	name: string;
	searchListMethod: string;
	placeholder: string;
	example: string;
	property: string;
}): INodeProperties {
	return recordPicker({
		displayName: field.displayName,
		name: field.name,
		searchListMethod: field.searchListMethod,
		listPlaceholder: field.placeholder,
		typed: typedMode('By Number', `e.g. ${field.example}`),
		routing: sentAsNumber(field.property),
	});
}

export const userField = numberLocator({
	displayName: 'User',
	name: 'userNum',
	searchListMethod: 'searchUsers',
	placeholder: 'Pick a user…',
	example: '1',
	property: 'UserNum',
});

/** The user a new record is from (Open Dental's UserNum is its author). */
export function authorField(displayName: string, record: string): INodeProperties {
	return {
		...userField,
		displayName,
		required: true,
		description: `The user the ${record} is from`,
	};
}

/** A multi-line text, sent as `property`. */
export function textField(displayName: string, name: string, property: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		routing: sentInBody(property),
	};
}

/** A time, sent as `property` (the operation's sendInOfficeTime step writes it in the office's time). */
export function timeField(
	displayName: string,
	name: string,
	property: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		description,
		routing: sentInBody(property),
	};
}
