import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

/** The longest reach either side of today: keeps each poll's reads, and what is remembered, bounded. */
export const MAX_DAYS = 31;

/** The first and last day of the shifts the trigger watches, as `yyyy-MM-dd`. */
export interface Window {
	from: string;
	to: string;
}

/** A number of days the user set, refused before any request unless whole and within reach. */
export function readDays(context: IPollFunctions, name: string, label: string): number {
	const value = context.getNodeParameter(name, 0) as unknown;
	const days = Number(value);
	if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
		const message = `"${label}" must be a whole number from 0 to ${MAX_DAYS} (got "${String(value)}")`;
		const description = `Check the "${label}" field. Nothing was sent.`;
		throw new NodeOperationError(context.getNode(), message, { description });
	}
	return days;
}

/** The days of the window, in the workflow's time zone, as Humanity's shift filter takes them. */
export function windowOf(context: IPollFunctions, daysBefore: number, daysAfter: number): Window {
	const today = DateTime.now().setZone(context.getTimezone()).startOf('day');
	return {
		from: today.minus({ days: daysBefore }).toFormat('yyyy-MM-dd'),
		to: today.plus({ days: daysAfter }).toFormat('yyyy-MM-dd'),
	};
}

export const within = (day: string | undefined, window: Window) =>
	day !== undefined && day >= window.from && day <= window.to;

/** A shift's first day (yyyy-MM-dd) as Humanity lists it. */
export function dayOf(shift: IDataObject): string {
	return String(shift.start_timestamp ?? '').slice(0, 10);
}
