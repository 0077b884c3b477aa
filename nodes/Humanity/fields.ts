import type { INodeProperties } from 'n8n-workflow';

type Show = { resource: string[]; operation: string[] };

/** Shifts are whole numbers in Humanity. */
const SHIFT_ID_PATTERN = '^\\s*\\d+\\s*$';
/** Task and master-task ids are ULIDs (seed 004). */
export const ULID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/i;
const ULID_REGEX = '^\\s*[0-9a-hjkmnp-tv-zA-HJKMNP-TV-Z]{26}\\s*$';

export function shiftLocator(show: Show, description = 'The shift'): INodeProperties {
	return {
		displayName: 'Shift',
		name: 'shiftId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a shift of the coming two weeks…',
				typeOptions: { searchListMethod: 'searchShifts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 2401',
				validation: [
					{
						type: 'regex',
						properties: { regex: SHIFT_ID_PATTERN, errorMessage: 'A shift ID is a whole number' },
					},
				],
			},
		],
	};
}

/** Several shifts by ID, as the tasks endpoints take them (`/shifts/{ids}/tasks`). */
export function shiftIdsField(show: Show): INodeProperties {
	return {
		displayName: 'Shift IDs',
		name: 'shiftIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2401, 2402',
		description: 'One or more shift IDs, separated by commas (or a list from an expression)',
		displayOptions: { show },
	};
}

export function masterTaskLocator(
	show: Show,
	name = 'masterTaskId',
	required = true,
): INodeProperties {
	return {
		displayName: 'Master Task',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description: 'A task from the company task list (Humanity: Tasks)',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a master task…',
				typeOptions: { searchListMethod: 'searchMasterTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 01k6k3y2c3yq0f3v8w9x7z5a4b',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: ULID_REGEX,
							errorMessage: 'A master task ID is a 26-character ULID',
						},
					},
				],
			},
		],
	};
}

export function shiftTaskLocator(show: Show): INodeProperties {
	return {
		displayName: 'Shift Task',
		name: 'shiftTaskId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A task on the shift above',
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a task of the shift…',
				typeOptions: { searchListMethod: 'searchShiftTasks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 01k6k3y2c3yq0f3v8w9x7z5a4b',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: ULID_REGEX,
							errorMessage: 'A shift task ID is a 26-character ULID',
						},
					},
				],
			},
		],
	};
}

/** Regular or time-boxed, as the vendor numbers them (seed 004). */
export const SHIFT_TASK_TYPE = { regular: 1, timeBoxed: 2 } as const;

export const shiftTaskTypeOptions = [
	{ name: 'Regular', value: 'regular', description: 'Done any time during the shift' },
	{ name: 'Time-Boxed', value: 'timeBoxed', description: 'Has a start time and a due time' },
];
export const SHIFT_TASK_TYPES = ['regular', 'timeBoxed'] as const;

/** The start and due time of a time-boxed task, shown when the type is Time-Boxed. */
export function timeBoxFields(show: Show & { type: string[] }): INodeProperties[] {
	return [
		{
			displayName: 'Start Time',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				"When the task starts; without a time zone it is read in the workflow's time zone",
			displayOptions: { show },
		},
		{
			displayName: 'Due Time',
			name: 'dueTime',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'When the task is due; must be after the start time',
			displayOptions: { show },
		},
	];
}
