import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	masterTaskLocator,
	SHIFT_TASK_TYPE,
	SHIFT_TASK_TYPES,
	shiftLocator,
	shiftTaskTypeOptions,
	timeBoxFields,
} from '../../fields';
import {
	locatorName,
	readChoice,
	readDateTime,
	readShiftId,
	readUlid,
	refuseField,
} from '../../input';
import { changeShiftTasks } from './batch';
import type { ShiftTaskChange, TimeBox } from './changes';

const show = { resource: ['shiftTask'], operation: ['add'] };

export const addDescription: INodeProperties[] = [
	shiftLocator(show, 'The shift to add the task to'),
	masterTaskLocator(show),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: shiftTaskTypeOptions,
		default: 'regular',
		displayOptions: { show },
	},
	...timeBoxFields({ ...show, type: ['timeBoxed'] }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
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
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description:
					"The task's name on this shift. Defaults to the master task's name (needed when the master task is given by ID).",
			},
		],
	},
];

/** Start and due time of a time-boxed task, both required and in order; `labelOf` names them as the editor shows them. */
export function readTimeBox(
	context: IExecuteFunctions,
	itemIndex: number,
	startValue: unknown,
	dueValue: unknown,
	labelOf: (field: string) => string = (field) => field,
): TimeBox {
	const [start, due] = [labelOf('Start Time'), labelOf('Due Time')];
	const startTime = readDateTime(context, itemIndex, startValue, start);
	const dueTime = readDateTime(context, itemIndex, dueValue, due);
	if (Date.parse(dueTime) <= Date.parse(startTime)) {
		throw refuseField(
			context,
			itemIndex,
			`"${due}" (${dueTime}) must be after "${start}" (${startTime})`,
			due,
		);
	}
	return { startTime, dueTime };
}

function readAdd(this: IExecuteFunctions, itemIndex: number): ShiftTaskChange {
	const shiftId = readShiftId(this, itemIndex);
	const master = this.getNodeParameter('masterTaskId', itemIndex, undefined, {
		extractValue: false,
	});
	const taskId = readUlid(this, itemIndex, master, 'Master Task');
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const name = String(extra.name ?? '').trim() || locatorName(master);
	if (!name)
		throw refuseField(
			this,
			itemIndex,
			'"Name" is required when the master task is given by ID',
			'Name',
		);
	const timeBoxed =
		readChoice(
			this,
			itemIndex,
			this.getNodeParameter('type', itemIndex, 'regular'),
			SHIFT_TASK_TYPES,
			'Type',
		) === 'timeBoxed';
	const options = timeBoxed
		? readTimeBox(
				this,
				itemIndex,
				this.getNodeParameter('startTime', itemIndex, ''),
				this.getNodeParameter('dueTime', itemIndex, ''),
			)
		: null;
	return {
		kind: 'add',
		shiftId,
		fields: {
			taskId,
			name,
			description: String(extra.description ?? ''),
			type: timeBoxed ? SHIFT_TASK_TYPE.timeBoxed : SHIFT_TASK_TYPE.regular,
			options,
		},
	};
}

export async function add(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await changeShiftTasks.call(this, (itemIndex) => readAdd.call(this, itemIndex));
}
