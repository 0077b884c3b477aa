import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorItem } from '../../../shared/itemRunner';
import type { OperationRun } from '../../../shared/operation';
import { humanityInput, type HumanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { planWrite, tasksOfShift, type ListEntry, type ListWrite, type Planned } from './listPlan';
import {
	describeEntries,
	describeTasks,
	entryOf,
	holdsFields,
	listCameBackWrong,
	type ShiftTaskChange,
} from './taskList';

/** Compares a list Humanity holds with the write: every task that should remain, every change, every removal. */
function compare(write: ListWrite, answer: IDataObject[]) {
	const { list, applied, before } = write;
	const byId = new Map(answer.map((task) => [String(task.id).toLowerCase(), task]));
	const existing = list.filter((entry) => entry.id !== undefined);
	const missing = existing.filter((entry) => !byId.has(entry.id!.toLowerCase()));
	const unchanged = existing.filter((entry) => {
		const held = byId.get(entry.id!.toLowerCase());
		return entry.updatedBy.length > 0 && held !== undefined && !holdsFields(held, entry.fields);
	});
	const leftOver = applied.filter(
		(planned) => planned.removed !== undefined && byId.has(planned.removed.id.toLowerCase()),
	);
	const fresh = answer.filter((task) => !before.has(String(task.id).toLowerCase()));
	const added = new Map<number, IDataObject>();
	const notAdded: ListEntry[] = [];
	for (const entry of list.filter((candidate) => candidate.id === undefined)) {
		const match = fresh.findIndex((task) => holdsFields(task, entry.fields));
		if (match < 0) notAdded.push(entry);
		else added.set(entry.addedBy!, fresh.splice(match, 1)[0]);
	}
	const problems = [
		missing.length ? `lost ${describeEntries(missing)}` : '',
		unchanged.length ? `did not take the change to ${describeEntries(unchanged)}` : '',
		leftOver.length
			? `still holds ${describeTasks(leftOver.map((planned) => planned.removed!))}`
			: '',
		notAdded.length
			? `did not add ${describeEntries(notAdded.map((entry) => ({ fields: entry.fields })))}`
			: '',
	].filter(Boolean);
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
		throw listCameBackWrong(context.getNode(), shiftId, problems, {
			description:
				'The whole list was sent, as Humanity requires. Check the shift in Humanity before running this again.',
		});
	}
	return { byId, added };
}

/** What an item outputs once its shift's list is written: the task added or updated, or the one removed. */
function outputOf(
	planned: Planned,
	shiftId: number,
	{ byId, added }: ReturnType<typeof verify>,
): IDataObject {
	const { change, itemIndex } = planned;
	if (change.kind === 'add') return added.get(itemIndex)!;
	if (change.kind === 'update') return byId.get(change.id)!;
	return { removed: true, id: planned.removed!.id, name: planned.removed!.name, shiftId };
}

/**
 * Add, Update and Remove of shift tasks. Humanity's PUT replaces a shift's whole list, so for every shift
 * named by the items: one read, every item's change applied to that list in input order, one write of the whole
 * list, then a check that the answer holds every task that should remain. Each item gets its own output.
 * When the write's outcome is unknown (a 5xx, a timeout, a lost answer), the shift is read again before any
 * second write: a write that arrived is not repeated, and one that did not is rebuilt on the new read, so a
 * task someone added meanwhile is kept.
 */
async function changeShiftTasks(
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
			const found = verify(this, shiftId, write, tasksOfShift(written, shiftId));
			for (const planned of write.applied) {
				const json = outputOf(planned, shiftId, found);
				outputs[planned.itemIndex] = [{ json, pairedItem: { item: planned.itemIndex } }];
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

/**
 * The run of Add, Update and Remove: `readChange` turns one item's checked values into its change; every
 * item's is read before anything is sent, then each shift's list is written once (see changeShiftTasks).
 */
export function shiftTaskChanges(
	readChange: (this: IExecuteFunctions, input: HumanityInput) => ShiftTaskChange,
): OperationRun {
	return async function (checkItem) {
		return await changeShiftTasks.call(this, (itemIndex) =>
			readChange.call(this, humanityInput(this, itemIndex, checkItem(itemIndex))),
		);
	};
}
