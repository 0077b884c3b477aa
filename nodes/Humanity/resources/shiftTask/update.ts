import type { INodeProperties } from 'n8n-workflow';
import { bodyOf } from '../../../shared/collectionBody';
import { someUpdateField, updateFieldsCollection } from '../../../shared/collectionFields';
import { descriptionField, nameField } from '../../../shared/commonFields';
import { defineOperation } from '../../../shared/operation';
import { optionalVersionedIdFields } from '../../../shared/recordPicker';
import {
	locator,
	shiftIdOf,
	shiftIdRules,
	shiftTaskField,
	toBody,
	ULID_EXAMPLE,
	ULID_REGEX,
} from '../../fields';
import { SHIFT_TASK_TYPE, shiftTaskTypeOf } from '../../vocabulary';
import { shiftOfTaskField, typeField } from './fields';
import type { TaskPatch } from './taskList';
import { shiftTaskChanges } from './listWrite';

/**
 * Update's Master Task ID: version 1's typed box, kept for the workflows saved with it; from version 2 a picker
 * of the company task list, or By ID. Neither is required: n8n checks a required field of a collection in every
 * operation, shown or not, and left empty the field changes nothing, as in version 1.
 */
const masterTaskIdFields = optionalVersionedIdFields(
	{
		displayName: 'Master Task ID',
		name: 'masterTaskId',
		type: 'string',
		default: '',
		description: 'Link the task to another master task (a 26-character ULID)',
	},
	locator({
		displayName: 'Master Task ID',
		name: 'masterTaskId',
		description: 'Link the task to another master task, picked from the company task list or by ID',
		searchListMethod: 'searchMasterTasks',
		listPlaceholder: 'Select a master task…',
		idPlaceholder: ULID_EXAMPLE,
		idRegex: ULID_REGEX,
		idError: '"Master Task ID" must be a 26-character ULID',
	}),
);

const inWorkflowZone = "For a time-boxed task; without a time zone it is read in the workflow's";

/** Each under the TaskPatch key it sets; the patch is read by bodyOf from the values the checks read. */
const updateFieldOptions: INodeProperties[] = [
	descriptionField,
	toBody({
		displayName: 'Due Time',
		name: 'dueTime',
		type: 'dateTime',
		default: '',
		description: inWorkflowZone,
	}),
	...masterTaskIdFields.map((field) => toBody(field, 'taskId')),
	nameField,
	toBody({
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description: inWorkflowZone,
	}),
	toBody({
		...typeField,
		description:
			'Time-Boxed needs a start and a due time (set both here when the task was regular)',
	}),
];

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task of a shift',
	description: 'Change one task of a shift; the shift keeps its other tasks',
	fields: [
		shiftOfTaskField,
		shiftTaskField,
		updateFieldsCollection(
			updateFieldOptions,
			'Only these change; the task keeps everything else, and the shift keeps its other tasks',
		),
	],
	rules: [
		...shiftIdRules,
		someUpdateField,
		{ path: 'updateFields.name', label: 'Name', kind: 'notBlankWhenGiven' },
	],
	run: shiftTaskChanges(function (input) {
		const { valueOf } = input;
		const id = input.ulid('shiftTaskId', 'Shift Task');
		const patch = bodyOf(updateFieldOptions, valueOf('updateFields')) as TaskPatch;
		if (patch.name !== undefined) patch.name = String(patch.name);
		if (patch.description !== undefined) patch.description = String(patch.description);
		if (patch.taskId !== undefined)
			patch.taskId = input.ulid('updateFields.masterTaskId', 'Master Task ID');
		if (patch.type !== undefined) patch.type = shiftTaskTypeOf(patch.type);
		if (patch.startTime !== undefined)
			patch.startTime = input.dateTime('updateFields.startTime', 'Start Time');
		if (patch.dueTime !== undefined)
			patch.dueTime = input.dateTime('updateFields.dueTime', 'Due Time');
		if (patch.type === SHIFT_TASK_TYPE.regular && (patch.startTime || patch.dueTime)) {
			throw input.refuse(
				'A regular task has no start or due time: remove them, or set "Type" to Time-Boxed',
				'Type',
			);
		}
		if (patch.type === SHIFT_TASK_TYPE.timeBoxed)
			input.timesGiven('updateFields.startTime', 'updateFields.dueTime');
		if (patch.startTime && patch.dueTime)
			input.inOrder({ startTime: patch.startTime, dueTime: patch.dueTime });
		return { kind: 'update', shiftId: shiftIdOf(valueOf), id, patch };
	}),
	outputsTasks: true,
});
