import type { IDataObject } from 'n8n-workflow';

/**
 * What a polling trigger remembers between polls. A list read page by page can miss a record that moves
 * to a page already read, while newer records further on move the mark past it; so each poll looks again
 * below the mark, down to `floor`, and knows by `seen` which of those records it has emitted already.
 * It holds the events of one poll interval or of RECHECK_MS, whichever is longer, never more.
 */
export interface Watermark {
	/** The newest event time emitted (epoch ms). */
	at: number;
	/** Events after this time are compared with `seen`: the mark of the poll before, at least RECHECK_MS down. */
	floor: number;
	/** id → event time, for every event after `floor` already emitted or counted as existing. */
	seen: Record<string, number>;
}

/** How far below its newest event a poll looks again, at the least. */
export const RECHECK_MS = 5 * 60_000;

/** A mark as workflows keep it: this version's, or the first version's (a time and the ids emitted at it). */
export type StoredWatermark = Watermark | { at: number; idsAtMark: string[] };

export interface EventRecord {
	id: string;
	at: number;
	record: IDataObject;
}

/**
 * A stored mark, as this version reads it. One kept by the first version becomes a mark that looks no
 * lower than it did, so the first poll after an update emits nothing twice.
 */
export function readWatermark(stored: StoredWatermark): Watermark {
	if ('seen' in stored) return stored;
	const seen = Object.fromEntries(stored.idsAtMark.map((id) => [id, stored.at]));
	return { at: stored.at, floor: stored.at - 1, seen };
}

/** The first poll's mark: everything that exists now counts as already seen. */
export function baselineOf(events: EventRecord[]): Watermark {
	const at = Math.max(0, ...events.map((event) => event.at));
	return advance({ at, floor: at - RECHECK_MS, seen: {} }, events);
}

/** Events after the floor not emitted before (a record's new event time is a new event), oldest first. */
export function eventsAfter(mark: Watermark, events: EventRecord[]): EventRecord[] {
	return events
		.filter((event) => event.at > mark.floor && mark.seen[event.id] !== event.at)
		.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** The mark after emitting `emitted`: the newest time, this poll's mark as the next floor, `seen` trimmed to it. */
export function advance(mark: Watermark, emitted: EventRecord[]): Watermark {
	const at = Math.max(mark.at, ...emitted.map((event) => event.at));
	const floor = Math.min(mark.at, at - RECHECK_MS);
	const seen: Record<string, number> = {};
	for (const [id, time] of Object.entries(mark.seen)) if (time > floor) seen[id] = time;
	for (const event of emitted) if (event.at > floor) seen[event.id] = event.at;
	return { at, floor, seen };
}

/** The newest event (the latest id among those at the same time), for a manual run's sample. */
export function newestEvent(events: EventRecord[]): EventRecord | undefined {
	return [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).pop();
}

/** Epoch milliseconds of an ISO time, or undefined for a missing or unreadable one. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}
