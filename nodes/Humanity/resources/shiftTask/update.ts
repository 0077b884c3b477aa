import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	SHIFT_TASK_TYPE,
	SHIFT_TASK_TYPES,
	shiftLocator,
	shiftTaskLocator,
	shiftTaskTypeOptions,
} from '../../fields';
import { readChoice, readDateTime, readShiftId, readUlid, refuseField } from '../../input';
import { changeShiftTasks } from './batch';
import type { ShiftTaskChange, TaskPatch } from './changes';

const show = { resource: ['shiftTask'], operation: ['update'] };

export const updateDescription: INodeProperties[] = [
	shiftLocator(show, 'The shift the task is on'),
	shiftTaskLocator(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only these change; the task keeps everything else, and the shift keeps its other tasks',
		displayOptions: { show },
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
			},
			{
				displayName: 'Due Time',
				name: 'dueTime',
				type: 'dateTime',
				default: '',
				description: "For a time-boxed task; without a time zone it is read in the workflow's",
			},
			{
				displayName: 'Master Task ID',
				name: 'masterTaskId',
				type: 'string',
				default: '',
				description: 'Link the task to another master task (a 26-character ULID)',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: "For a time-boxed task; without a time zone it is read in the workflow's",
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: shiftTaskTypeOptions,
				default: 'regular',
				description:
					'Time-Boxed needs a start and a due time (set both here when the task was regular)',
			},
		],
	},
];

function readUpdate(this: IExecuteFunctions, itemIndex: number): ShiftTaskChange {
	const shiftId = readShiftId(this, itemIndex);
	const id = readUlid(
		this,
		itemIndex,
		this.getNodeParameter('shiftTaskId', itemIndex, undefined, { extractValue: true }),
		'Shift Task',
	);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0)
		throw refuseField(
			this,
			itemIndex,
			'Add at least one field under "Update Fields"',
			'Update Fields',
		);
	const patch: TaskPatch = {};
	if (fields.name !== undefined) {
		if (String(fields.name).trim() === '')
			throw refuseField(this, itemIndex, '"Name" cannot be empty', 'Name');
		patch.name = String(fields.name);
	}
	if (fields.description !== undefined) patch.description = String(fields.description);
	if (fields.masterTaskId !== undefined)
		patch.taskId = readUlid(this, itemIndex, fields.masterTaskId, 'Master Task ID');
	if (fields.type !== undefined) {
		patch.type =
			readChoice(this, itemIndex, fields.type, SHIFT_TASK_TYPES, 'Type') === 'timeBoxed'
				? SHIFT_TASK_TYPE.timeBoxed
				: SHIFT_TASK_TYPE.regular;
	}
	if (fields.startTime !== undefined)
		patch.startTime = readDateTime(this, itemIndex, fields.startTime, 'Start Time');
	if (fields.dueTime !== undefined)
		patch.dueTime = readDateTime(this, itemIndex, fields.dueTime, 'Due Time');
	if (patch.type === SHIFT_TASK_TYPE.regular && (patch.startTime || patch.dueTime)) {
		throw refuseField(
			this,
			itemIndex,
			'A regular task has no start or due time: remove them, or set "Type" to Time-Boxed',
			'Type',
		);
	}
	if (patch.type === SHIFT_TASK_TYPE.timeBoxed) {
		if (!patch.startTime)
			throw refuseField(
				this,
				itemIndex,
				'"Start Time" is required for a time-boxed task',
				'Start Time',
			);
		if (!patch.dueTime)
			throw refuseField(
				this,
				itemIndex,
				'"Due Time" is required for a time-boxed task',
				'Due Time',
			);
	}
	if (
		patch.startTime &&
		patch.dueTime &&
		Date.parse(patch.dueTime) <= Date.parse(patch.startTime)
	) {
		throw refuseField(
			this,
			itemIndex,
			`"Due Time" (${patch.dueTime}) must be after "Start Time" (${patch.startTime})`,
			'Due Time',
		);
	}
	return { kind: 'update', shiftId, id, patch };
}

export async function update(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await changeShiftTasks.call(this, (itemIndex) => readUpdate.call(this, itemIndex));
}
