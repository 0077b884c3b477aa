import type { IDataObject } from 'n8n-workflow';

/**
 * What a polling trigger remembers between polls: the newest event time it has emitted, and the ids of
 * the records it emitted at exactly that time. Its size does not grow with the number of records.
 */
export interface Watermark {
	at: number;
	idsAtMark: string[];
}

export interface EventRecord {
	id: string;
	at: number;
	record: IDataObject;
}

/** The first poll's mark: everything that exists now counts as already seen. */
export function baselineOf(events: EventRecord[]): Watermark {
	return advance({ at: 0, idsAtMark: [] }, events);
}

/** Events after the mark (or at it, with an id not yet emitted), oldest first. */
export function eventsAfter(mark: Watermark, events: EventRecord[]): EventRecord[] {
	return events
		.filter(
			(event) => event.at > mark.at || (event.at === mark.at && !mark.idsAtMark.includes(event.id)),
		)
		.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

export function advance(mark: Watermark, emitted: EventRecord[]): Watermark {
	const at = Math.max(mark.at, ...emitted.map((event) => event.at));
	const carried = at === mark.at ? mark.idsAtMark : [];
	const fresh = emitted.filter((event) => event.at === at).map((event) => event.id);
	return { at, idsAtMark: [...new Set([...carried, ...fresh])] };
}

/** Epoch milliseconds of an ISO time, or undefined for a missing or unreadable one. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || value === '') return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}
