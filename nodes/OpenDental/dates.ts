import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { parseDate } from '../shared/dates';

/** How Open Dental writes times and dates: the office's local time, with no zone. */
const OFFICE_DATE_TIME = 'yyyy-MM-dd HH:mm:ss';
const OFFICE_DATE = 'yyyy-MM-dd';
/** Open Dental's "never": an unset date. */
const UNSET_YEAR = 1;

/** Every date field of the records the Open Dental nodes output (tasks, task lists, task notes). */
const DATE_TIME_FIELDS = [
	'DateTimeEntry',
	'DateTimeFinished',
	'DateTimeOriginal',
	'SecDateTEdit',
	'DateTimeNote',
];
const DATE_FIELDS = ['DateTask', 'DateTL'];

/** `yyyy-MM-dd HH:mm:ss` in the office's zone, from any n8n date; a date without a zone is read in `inputZone`. */
export function toOfficeDateTime(
	value: unknown,
	officeZone: string,
	inputZone: string,
): string | undefined {
	return parseDate(value, inputZone)?.setZone(officeZone).toFormat(OFFICE_DATE_TIME);
}

/** ISO 8601 with the office's offset, or null for Open Dental's unset date. */
function officeTimeToIso(
	value: unknown,
	officeZone: string,
	format: string,
): string | null | undefined {
	if (typeof value !== 'string') return undefined;
	const parsed = DateTime.fromFormat(value, format, { zone: officeZone });
	if (!parsed.isValid) return undefined;
	if (parsed.year <= UNSET_YEAR) return null;
	return format === OFFICE_DATE ? parsed.toISODate() : parsed.toISO({ suppressMilliseconds: true });
}

/** The record as Open Dental sent it, with `<Field>Iso` beside each date: ISO 8601 with offset, or null when unset. */
export function withIsoDates(record: IDataObject, officeZone: string): IDataObject {
	const result: IDataObject = { ...record };
	for (const [fields, format] of [
		[DATE_TIME_FIELDS, OFFICE_DATE_TIME],
		[DATE_FIELDS, OFFICE_DATE],
	] as const) {
		for (const field of fields) {
			const iso = officeTimeToIso(record[field], officeZone, format);
			if (iso !== undefined) result[`${field}Iso`] = iso;
		}
	}
	return result;
}

/** The office's zone from the credential; empty means the workflow's. */
export function officeZoneOf(credentialZone: unknown, workflowZone: string): string {
	const zone = typeof credentialZone === 'string' ? credentialZone.trim() : '';
	return zone === '' ? workflowZone : zone;
}

/** Whether luxon knows the zone, so a typo in the credential is reported rather than read as UTC. */
export function isKnownZone(zone: string): boolean {
	return DateTime.local().setZone(zone).isValid;
}
