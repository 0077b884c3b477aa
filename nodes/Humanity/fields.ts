import type { INodeProperties } from 'n8n-workflow';
import { unrouted } from '../shared/collectionBody';
import { additionalFieldsCollection } from '../shared/collectionFields';
import { listedOptionsField } from '../shared/listedOptions';
import { sentInBody } from '../shared/fieldRouting';
import { recordPicker, typedMode } from '../shared/recordPicker';
import type { FieldRule, ParameterReader } from '../shared/validation';
import type { ShiftWindow } from './shiftChoices';

/** Shifts are whole numbers in Humanity. */
const SHIFT_ID_REGEX = '^\\s*\\d+\\s*$';
/** Task and master-task IDs are ULIDs (seed 004). */
export const ULID_REGEX = '^\\s*[0-9a-hjkmnp-tv-zA-HJKMNP-TV-Z]{26}\\s*$';
export const ULID_EXAMPLE = 'e.g. 01k6k3y2c3yq0f3v8w9x7z5a4b';

interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** The listSearch method behind "From List", and what its box says. */
	searchListMethod: string;
	listPlaceholder: string;
	idPlaceholder: string;
	idRegex: string;
	idError: string;
}

/** A required record picker: "From List" first, then "By ID" checked as the editor types. */
export function locator(spec: LocatorSpec): INodeProperties {
	const { idRegex: regex, idError: errorMessage } = spec;
	return recordPicker({
		displayName: spec.displayName,
		name: spec.name,
		required: true,
		description: spec.description,
		searchListMethod: spec.searchListMethod,
		listPlaceholder: spec.listPlaceholder,
		typed: {
			...typedMode('By ID', spec.idPlaceholder),
			validation: [{ type: 'regex', properties: { regex, errorMessage } }],
		},
	});
}

/** The Shift picker, described for the operation that shows it. */
export function shiftField(description: string): INodeProperties {
	return locator({
		displayName: 'Shift',
		name: 'shiftId',
		description,
		searchListMethod: 'searchShifts',
		listPlaceholder: 'Select a shift of the coming two weeks…',
		idPlaceholder: 'e.g. 2401',
		idRegex: SHIFT_ID_REGEX,
		idError: 'A shift ID is a whole number',
	});
}

/** The Shift picker's checks: given, and a whole number. */
export const shiftIdRules: FieldRule[] = [
	{ path: 'shiftId', label: 'Shift', kind: 'required' },
	{ path: 'shiftId', label: 'Shift', kind: 'wholeNumber' },
];

/** The picked shift's ID, once shiftIdRules have passed. */
export const shiftIdOf = (valueOf: ParameterReader): number => Number(valueOf('shiftId'));

export const masterTaskField = locator({
	displayName: 'Master Task',
	name: 'masterTaskId',
	description: 'A task from the company task list (Humanity: Tasks)',
	searchListMethod: 'searchMasterTasks',
	listPlaceholder: 'Select a master task…',
	idPlaceholder: ULID_EXAMPLE,
	idRegex: ULID_REGEX,
	idError: 'A master task ID is a 26-character ULID',
});

export const shiftTaskField = locator({
	displayName: 'Shift Task',
	name: 'shiftTaskId',
	description: 'A task on the shift above',
	searchListMethod: 'searchShiftTasks',
	listPlaceholder: 'Select a task of the shift…',
	idPlaceholder: ULID_EXAMPLE,
	idRegex: ULID_REGEX,
	idError: 'A shift task ID is a 26-character ULID',
});

/** The days around today (in the workflow's time zone) whose shifts the Shift Names or IDs list shows. */
export const SHIFT_LIST_WINDOW: ShiftWindow = { daysBack: 7, daysAhead: 30 };

/** Version 1's Shift IDs: several shifts by ID, typed, as the tasks endpoints take them (`/shifts/{ids}/tasks`). */
const typedShiftIdsField: INodeProperties = {
	displayName: 'Shift IDs',
	name: 'shiftIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 2401, 2402',
	description: 'One or more shift IDs, separated by commas (or a list from an expression)',
	displayOptions: { show: { '@version': [1] } },
};

/** From version 2: the shifts picked from Humanity's, sent as version 1 sends its typed IDs. */
const pickedShiftIdsField: INodeProperties = {
	...listedOptionsField({
		thing: 'Shift',
		name: 'shiftIds',
		loadOptionsMethod: 'getShifts',
		several: true,
		required: true,
		purpose: `One or more shifts. The list holds every shift from ${SHIFT_LIST_WINDOW.daysBack} days ago to ${SHIFT_LIST_WINDOW.daysAhead} days ahead, in the workflow's time zone; name any other by its ID.`,
	}),
	displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
};

/**
 * The Shift IDs of the Get Many operations, in both versions under one name. Version 1's box comes last: the
 * bad-input sweep runs version 1 and takes a field's label from the last field of that name.
 */
export const shiftIdsFields: INodeProperties[] = [pickedShiftIdsField, typedShiftIdsField];

/** The Shift IDs field's label in a node of `typeVersion`, as its refusals name it. */
export const shiftIdsLabel = (typeVersion: number): string =>
	typeVersion >= 2 ? pickedShiftIdsField.displayName : typedShiftIdsField.displayName;

/** A collection's field that bodyOf puts in the body, under `property` (its own name unless given). */
export function toBody(field: INodeProperties, property = field.name): INodeProperties {
	return { ...field, routing: sentInBody(property) };
}

/** A Create's optional fields, declared unrouted: a body property one carries (toBody) is for bodyOf. */
export function additionalFieldsField(options: INodeProperties[]): INodeProperties {
	return additionalFieldsCollection(unrouted(options));
}
