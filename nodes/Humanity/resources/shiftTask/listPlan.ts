import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { recordsOf, type HumanityEnvelope } from '../../api';
import { SHIFT_TASK_TYPE } from '../../vocabulary';
import {
	describeTask,
	fieldsOf,
	type ShiftTaskChange,
	type TaskFields,
	type TaskPatch,
} from './taskList';

/** One task of the list being rebuilt: an existing one (with id) or a new one, and which items touched it. */
export interface ListEntry {
	id?: string;
	fields: TaskFields;
	addedBy?: number;
	updatedBy: number[];
}

/** One item's change, and what it removed once applied. */
export interface Planned {
	itemIndex: number;
	change: ShiftTaskChange;
	removed?: { id: string; name: string };
}

/** A shift's list as read, with the items' changes applied: what one PUT sends. */
export interface ListWrite {
	list: ListEntry[];
	/** The items whose change is in the list (an item that could not apply failed alone). */
	applied: Planned[];
	/** IDs of the tasks the shift held when read: a task the answer holds beyond them is one this write added. */
	before: Set<string>;
}

function itemFailure(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: 'This item changed nothing; the other items of the shift went ahead.',
	});
}

function definedOf(patch: TaskPatch): Partial<TaskFields> {
	const fields: Partial<TaskFields> = {};
	if (patch.taskId !== undefined) fields.taskId = patch.taskId;
	if (patch.name !== undefined) fields.name = patch.name;
	if (patch.description !== undefined) fields.description = patch.description;
	return fields;
}

/** A task's fields with an Update's patch on them: a time-boxed result needs both times, in order. */
function merged(
	context: IExecuteFunctions,
	itemIndex: number,
	current: ListEntry,
	patch: TaskPatch,
): TaskFields {
	const fields = current.fields;
	const type = patch.type ?? fields.type;
	const task = describeTask({ id: current.id, name: fields.name });
	if (type !== SHIFT_TASK_TYPE.timeBoxed) {
		if ((patch.startTime || patch.dueTime) && patch.type === undefined) {
			throw itemFailure(
				context,
				itemIndex,
				`Task ${task} is a regular task: set "Type" to Time-Boxed to give it a start and due time`,
			);
		}
		return { ...fields, ...definedOf(patch), type, options: null };
	}
	const startTime = patch.startTime ?? fields.options?.startTime;
	const dueTime = patch.dueTime ?? fields.options?.dueTime;
	if (!startTime || !dueTime) {
		throw itemFailure(
			context,
			itemIndex,
			`Task ${task} becomes time-boxed: set both "Start Time" and "Due Time"`,
		);
	}
	if (Date.parse(dueTime) <= Date.parse(startTime)) {
		throw itemFailure(
			context,
			itemIndex,
			`Task ${task}: "Due Time" (${dueTime}) must be after "Start Time" (${startTime})`,
		);
	}
	return { ...fields, ...definedOf(patch), type, options: { startTime, dueTime } };
}

/** Applies one item's change to the list being rebuilt; throws (for that item only) when it cannot. */
function apply(context: IExecuteFunctions, list: ListEntry[], planned: Planned): void {
	const { change, itemIndex } = planned;
	if (change.kind === 'add') {
		list.push({ fields: change.fields, addedBy: itemIndex, updatedBy: [] });
		return;
	}
	const position = list.findIndex((entry) => entry.id?.toLowerCase() === change.id);
	if (position < 0)
		throw itemFailure(
			context,
			itemIndex,
			`Shift task ${change.id} is not on shift ${change.shiftId}`,
		);
	const entry = list[position];
	if (change.kind === 'remove') {
		list.splice(position, 1);
		planned.removed = { id: entry.id!, name: entry.fields.name };
		return;
	}
	entry.fields = merged(context, itemIndex, entry, change.patch);
	entry.updatedBy.push(itemIndex);
}

/** The tasks of one shift in an answer: a record is dropped only when it names another shift, never for lacking the field. */
export function tasksOfShift(envelope: HumanityEnvelope, shiftId: number): IDataObject[] {
	return recordsOf(envelope).filter(
		(task) =>
			task.shiftId === undefined || task.shiftId === null || Number(task.shiftId) === shiftId,
	);
}

/** Applies every planned change, in input order, to the shift's list as read; an item that cannot apply fails alone. */
export function planWrite(
	context: IExecuteFunctions,
	current: IDataObject[],
	plans: Planned[],
	fail: (error: unknown, itemIndex: number) => void,
): ListWrite {
	const list: ListEntry[] = current.map((task) => ({
		id: String(task.id),
		fields: fieldsOf(task),
		updatedBy: [],
	}));
	const applied: Planned[] = [];
	for (const planned of plans) {
		try {
			apply(context, list, planned);
			applied.push(planned);
		} catch (error) {
			fail(error, planned.itemIndex);
		}
	}
	return { list, applied, before: new Set(current.map((task) => String(task.id).toLowerCase())) };
}
