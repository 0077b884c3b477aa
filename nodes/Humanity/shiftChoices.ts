import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { recordsOf } from './api';
import { humanityApiRequest } from './requests';

/** The days around today, in the workflow's time zone, whose shifts a list of the editor offers. */
export interface ShiftWindow {
	daysBack: number;
	daysAhead: number;
}

/** Humanity writes a shift's times in the company's zone (`2026-11-24 06:00:00`). */
const localTime = (value: unknown) => DateTime.fromSQL(String(value ?? ''));

/** How the editor names a shift: its day and hours, its title, and its position (Humanity: schedule). */
export function shiftLabel(shift: IDataObject): string {
	const start = localTime(shift.start_timestamp);
	const end = localTime(shift.end_timestamp);
	const hours = end.isValid ? `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}` : '';
	const when = start.isValid
		? `${start.toFormat('ccc d LLL')} ${hours || start.toFormat('HH:mm')}`
		: String(shift.start_timestamp ?? '');
	// The v2 shift object is undocumented: the position is `schedule_name` in v1's, or may be nested.
	const position = shift.schedule_name ?? (shift.position as IDataObject | null)?.name;
	return [when, shift.title, position]
		.filter((part) => part !== undefined && part !== null && part !== '')
		.join(' · ');
}

/** Every employee's shifts (mode overview) in the window, earliest first. */
export async function shiftsAround(
	context: ILoadOptionsFunctions,
	window: ShiftWindow,
): Promise<IDataObject[]> {
	const today = DateTime.now().setZone(context.getTimezone());
	const answer = await humanityApiRequest.call(context, 'GET', '/shifts', {
		qs: {
			start_date: today.minus({ days: window.daysBack }).toFormat('yyyy-MM-dd'),
			end_date: today.plus({ days: window.daysAhead }).toFormat('yyyy-MM-dd'),
			mode: 'overview',
		},
	});
	const startOf = (shift: IDataObject) => localTime(shift.start_timestamp).toMillis() || 0;
	return recordsOf(answer).sort((a, b) => startOf(a) - startOf(b));
}
