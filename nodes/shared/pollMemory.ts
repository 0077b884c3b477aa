import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

/**
 * One poll of a trigger that compares what the vendor shows now with what it remembered at the last poll.
 * The trigger says what it remembers and how it tells a change; pollWithMemory keeps that memory in the
 * workflow's static data, and decides when there is nothing to compare with yet.
 */
interface RememberingPoll<Memory extends object, Change> {
	/** The settings the memory belongs to, as text: after the user changes them, a new baseline is taken. */
	watching: string;
	/** Where the settings are kept; `watching` unless the trigger kept them under another name before. */
	settingsKey?: string;
	/** Every part of the memory: one missing (never stored, or cut short) means a new baseline. */
	memoryKeys: ReadonlyArray<keyof Memory & string>;
	/** The memory of what exists now, all of it counted as seen: the first poll's baseline. */
	baseline(): Memory;
	/** The changes since the remembered poll, and the memory to keep for the next poll. */
	changesSince(remembered: Memory): { changes: Change[]; memory: Memory };
	/** A manual run's sample (the editor's "Fetch Test Event"): the newest matching record, if any. */
	sample(): Change | undefined;
	/** Changes (or the sample) as the trigger's items. */
	itemsOf(changes: Change[]): INodeExecutionData[];
}

/**
 * The trigger's output for this poll. A manual run returns a real sample and leaves the memory as it is;
 * the first poll, and the first after a change of settings, only remembers: what existed before the
 * workflow was activated is not emitted.
 */
export function pollWithMemory<Memory extends object, Change>(
	context: IPollFunctions,
	poll: RememberingPoll<Memory, Change>,
): INodeExecutionData[][] | null {
	if (context.getMode() === 'manual') {
		const sample = poll.sample();
		return sample === undefined ? null : [poll.itemsOf([sample])];
	}

	const stored = context.getWorkflowStaticData('node');
	const settingsKey = poll.settingsKey ?? 'watching';
	const remembers =
		stored[settingsKey] === poll.watching &&
		poll.memoryKeys.every((key) => stored[key] !== undefined);
	if (!remembers) {
		Object.assign(stored, { [settingsKey]: poll.watching, ...poll.baseline() });
		return null;
	}

	const { changes, memory } = poll.changesSince(stored as unknown as Memory);
	// Kept before the items are made: a record whose item cannot be made is skipped, not retried at every poll.
	Object.assign(stored, memory);
	return changes.length === 0 ? null : [poll.itemsOf(changes)];
}
