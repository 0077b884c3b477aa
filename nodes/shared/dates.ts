import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IDataObject,
	PreSendAction,
} from 'n8n-workflow';
import { DateTime } from 'luxon';

/** Reads what n8n users type or map into a date field: ISO strings, the picker's value, luxon or JS dates. */
export function parseDate(value: unknown, zone = 'UTC'): DateTime | undefined {
	if (value instanceof Date) return DateTime.fromJSDate(value);
	if (DateTime.isDateTime(value)) return value.isValid ? value : undefined;
	if (typeof value === 'number') return DateTime.fromMillis(value);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const attempts = [
		DateTime.fromISO(text, { zone, setZone: true }),
		DateTime.fromSQL(text, { zone }),
		DateTime.fromRFC2822(text, { zone }),
	];
	return attempts.find((parsed) => parsed.isValid);
}

/** ISO 8601 in UTC; a date written without a zone is read in the workflow's time zone. */
export function toIsoDateTime(value: unknown, zone: string): string | undefined {
	return parseDate(value, zone)?.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
}

/** A declarative preSend step: rewrites the named body fields as ISO 8601 (validation has already run). */
export function sendBodyDatesAsIso(...bodyKeys: string[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = requestOptions.body as IDataObject | undefined;
		for (const key of bodyKeys) {
			if (body && body[key] !== undefined) body[key] = toIsoDateTime(body[key], this.getTimezone());
		}
		return requestOptions;
	};
}
