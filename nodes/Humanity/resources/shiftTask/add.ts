import type { INodeProperties } from 'n8n-workflow';
import { descriptionField } from '../../../shared/commonFields';
import { defineOperation } from '../../../shared/operation';
import { isBlank } from '../../../shared/validation';
import {
	additionalFieldsField,
	masterTaskField,
	shiftField,
	shiftIdOf,
	shiftIdRules,
} from '../../fields';
import { SHIFT_TASK_TYPE, shiftTaskTypeOf } from '../../vocabulary';
import { typeField } from './fields';
import { shiftTaskChanges } from './listWrite';

const timeBoxed = { show: { type: ['timeBoxed'] } };

const timeBoxFields: INodeProperties[] = [
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: "When the task starts; without a time zone it is read in the workflow's time zone",
		displayOptions: timeBoxed,
	},
	{
		displayName: 'Due Time',
		name: 'dueTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the task is due; must be after the start time',
		displayOptions: timeBoxed,
	},
];

export const add = defineOperation({
	value: 'add',
	name: 'Add',
	action: 'Add a task to a shift',
	description: 'Add a task to a shift; the shift keeps its other tasks',
	fields: [
		shiftField('The shift to add the task to'),
		masterTaskField,
		typeField,
		...timeBoxFields,
		additionalFieldsField([
			descriptionField,
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description:
					"The task's name on this shift. Defaults to the master task's name (needed when the master task is given by ID).",
			},
		]),
	],
	rules: shiftIdRules,
	run: shiftTaskChanges(function (input) {
		const { valueOf } = input;
		const taskId = input.ulid('masterTaskId', 'Master Task');
		// A master task picked from the list carries its name: the task's name unless one is given.
		const given = valueOf('additionalFields.name');
		const picked = valueOf('masterTaskId.cachedResultName');
		const name = isBlank(given) ? (isBlank(picked) ? '' : String(picked)) : String(given).trim();
		if (!name) throw input.refuse('"Name" is required when the master task is given by ID', 'Name');
		const type = shiftTaskTypeOf(valueOf('type'));
		const options =
			type === SHIFT_TASK_TYPE.timeBoxed ? input.timeBox('startTime', 'dueTime') : null;
		const description = String(valueOf('additionalFields.description') ?? '');
		return {
			kind: 'add',
			shiftId: shiftIdOf(valueOf),
			fields: { taskId, name, description, type, options },
		};
	}),
	outputsTasks: true,
});
