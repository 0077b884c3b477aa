import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { errorItem } from '../../../shared/itemRunner';
import { SHIFT_TASK_TYPE } from '../../fields';
import { humanityApiRequest, recordsOf, type HumanityEnvelope } from '../../transport';
import type { ShiftTaskChange, TaskPatch } from './changes';
import { describeTask, entryOf, fieldsOf, holdsFields, type TaskFields } from './taskFields';

/** One task of the list being rebuilt: an existing one (with id) or a new one, and which items touched it. */
interface ListEntry {
	id?: string;
	fields: TaskFields;
	addedBy?: number;
	updatedBy: number[];
}

interface Planned {
	itemIndex: number;
	change: ShiftTaskChange;
	removed?: { id: string; name: string };
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

function definedOf(patch: TaskPatch): Partial<TaskFields> {
	const fields: Partial<TaskFields> = {};
	if (patch.taskId !== undefined) fields.taskId = patch.taskId;
	if (patch.name !== undefined) fields.name = patch.name;
	if (patch.description !== undefined) fields.description = patch.description;
	return fields;
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

/** A shift's list as read, with the items' changes applied: what one PUT sends. */
interface ListWrite {
	list: ListEntry[];
	/** The items whose change is in the list (an item that could not apply failed alone). */
	applied: Planned[];
	/** IDs of the tasks the shift held when read: a task the answer holds beyond them is one this write added. */
	before: Set<string>;
}

/** The tasks of one shift in an answer: a record is dropped only when it names another shift, never for lacking the field. */
function tasksOfShift(envelope: HumanityEnvelope, shiftId: number): IDataObject[] {
	return recordsOf(envelope).filter(
		(task) =>
			task.shiftId === undefined || task.shiftId === null || Number(task.shiftId) === shiftId,
	);
}

/** Applies every planned change, in input order, to the shift's list as read; an item that cannot apply fails alone. */
function planWrite(
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

/** Compares a list Humanity holds with the write: every task that should remain, every change, every removal. */
function compare(write: ListWrite, answer: IDataObject[]) {
	const { list, applied, before } = write;
	const byId = new Map(answer.map((task) => [String(task.id).toLowerCase(), task]));
	const problems: string[] = [];
	const missing = list.filter(
		(entry) => entry.id !== undefined && !byId.has(entry.id.toLowerCase()),
	);
	if (missing.length)
		problems.push(
			`lost ${missing.map((entry) => describeTask({ id: entry.id, name: entry.fields.name })).join(', ')}`,
		);
	const unchanged = list.filter(
		(entry) =>
			entry.id !== undefined &&
			entry.updatedBy.length > 0 &&
			byId.has(entry.id.toLowerCase()) &&
			!holdsFields(byId.get(entry.id.toLowerCase())!, entry.fields),
	);
	if (unchanged.length)
		problems.push(
			`did not take the change to ${unchanged.map((entry) => describeTask({ id: entry.id, name: entry.fields.name })).join(', ')}`,
		);
	const leftOver = applied.filter(
		(planned) => planned.removed !== undefined && byId.has(planned.removed.id.toLowerCase()),
	);
	if (leftOver.length)
		problems.push(
			`still holds ${leftOver.map((planned) => describeTask(planned.removed!)).join(', ')}`,
		);

	const fresh = answer.filter((task) => !before.has(String(task.id).toLowerCase()));
	const added = new Map<number, IDataObject>();
	const notAdded: ListEntry[] = [];
	for (const entry of list.filter((candidate) => candidate.id === undefined)) {
		const match = fresh.findIndex((task) => holdsFields(task, entry.fields));
		if (match < 0) notAdded.push(entry);
		else added.set(entry.addedBy!, fresh.splice(match, 1)[0]);
	}
	if (notAdded.length)
		problems.push(
			`did not add ${notAdded.map((entry) => describeTask({ name: entry.fields.name })).join(', ')}`,
		);
	return { problems, byId, added };
}

/** The answer must hold every task that should remain, changed as asked; anything else is a loud failure for the shift. */
function verify(
	context: IExecuteFunctions,
	shiftId: number,
	write: ListWrite,
	answer: IDataObject[],
) {
	const { problems, byId, added } = compare(write, answer);
	if (problems.length) {
		throw new NodeOperationError(
			context.getNode(),
			`Humanity: the task list of shift ${shiftId} came back wrong: it ${problems.join('; ')}`,
			{
				description:
					'The whole list was sent, as Humanity requires. Check the shift in Humanity before running this again.',
			},
		);
	}
	return { byId, added };
}

/**
 * Add, Update and Remove of shift tasks. Humanity's PUT replaces a shift's whole list, so for every shift
 * named by the items: one read, every item's change applied to that list in input order, one write of the whole
 * list, then a check that the answer holds every task that should remain. Each item gets its own output.
 * When the write's outcome is unknown (a 5xx, a timeout, a lost answer), the shift is read again before any
 * second write: a write that arrived is not repeated, and one that did not is rebuilt on the new read, so a
 * task someone added meanwhile is kept.
 */
export async function changeShiftTasks(
	this: IExecuteFunctions,
	readChange: (itemIndex: number) => ShiftTaskChange,
): Promise<INodeExecutionData[]> {
	const count = this.getInputData().length;
	const outputs: INodeExecutionData[][] = Array.from({ length: count }, () => []);
	const fail = (error: unknown, itemIndex: number) => {
		if (!this.continueOnFail()) throw error;
		outputs[itemIndex] = [errorItem(error, itemIndex)];
	};

	// Every item is checked before the first request, so bad input sends nothing.
	const byShift = new Map<number, Planned[]>();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const change = readChange(itemIndex);
			byShift.set(change.shiftId, [...(byShift.get(change.shiftId) ?? []), { itemIndex, change }]);
		} catch (error) {
			fail(error, itemIndex);
		}
	}

	for (const [shiftId, plans] of byShift) {
		const path = `/shifts/${shiftId}/tasks`;
		const readShift = async () =>
			await humanityApiRequest.call(this, 'GET', path, { itemIndex: plans[0].itemIndex });
		let write: ListWrite | undefined;
		try {
			write = planWrite(this, tasksOfShift(await readShift(), shiftId), plans, fail);
			if (write.applied.length === 0) continue;
			const written = await humanityApiRequest.call(this, 'PUT', path, {
				body: () => ({ tasks: write!.list.map((entry) => entryOf(entry.fields, entry.id)) }),
				itemIndex: write.applied[0].itemIndex,
				checkBeforeResend: async () => {
					const readBack = await readShift();
					const tasks = tasksOfShift(readBack, shiftId);
					if (compare(write!, tasks).problems.length === 0) return readBack;
					write = planWrite(this, tasks, write!.applied, fail);
					return write.applied.length === 0 ? readBack : undefined;
				},
			});
			const { byId, added } = verify(this, shiftId, write, tasksOfShift(written, shiftId));
			for (const planned of write.applied) {
				const { change, itemIndex } = planned;
				const json: IDataObject =
					change.kind === 'add'
						? added.get(itemIndex)!
						: change.kind === 'update'
							? byId.get(change.id)!
							: { removed: true, id: planned.removed!.id, name: planned.removed!.name, shiftId };
				outputs[itemIndex] = [{ json, pairedItem: { item: itemIndex } }];
			}
		} catch (error) {
			// The read, the write or the check failed: every item of this shift failed with it.
			const pending = write?.applied.length
				? write.applied
				: plans.filter((planned) => outputs[planned.itemIndex].length === 0);
			for (const planned of pending) fail(error, planned.itemIndex);
		}
	}
	return outputs.flat();
}
