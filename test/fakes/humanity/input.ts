/**
 * Reading a request: the body, whole-number and id-list parameters, lookups that refuse unknown ids, dates,
 * flags.
 */
import { DateTime } from 'luxon';
import type { FakeRequest } from '../kit';
import { refuse } from './envelope';
import type { HumanityStore } from './store';
import { LOWER_ULID_PATTERN, ULID_PATTERN, UTC_FORMAT } from './types';

export type Body = Record<string, unknown>;

export const isObject = (value: unknown): value is Body =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body's fields; a body that is not an object has none (its required fields are then missing, code 8). */
export function readBody(request: FakeRequest): Body {
	return isObject(request.body) ? request.body : {};
}

/**
 * A ULID parameter (seed 004: "string (ULID format)"), answered in lower case as the seed writes them.
 * [inferred] ulidCase: no sheet line decides whether upper case (Crockford base32 allows it) is read too.
 */
export function readUlid(fake: HumanityStore, value: unknown, name: string): string {
	const pattern = fake.options.ulidCase === 'any' ? ULID_PATTERN : LOWER_ULID_PATTERN;
	if (typeof value !== 'string' || !pattern.test(value)) return refuse(9, `${name} must be a ULID`);
	return value.toLowerCase();
}

export function intParam(value: string | undefined, name: string): number {
	if (value === undefined || !/^\d+$/.test(value.trim()))
		return refuse(9, `${name} must be a whole number`);
	return Number(value);
}

/** Comma-separated ids, as the shift-task and employee-task lists take them. */
export function idList(value: string, name: string): number[] {
	return value.split(',').map((part) => intParam(part, name));
}

export function lookup<K, T>(
	fake: HumanityStore,
	map: Map<K, T>,
	id: K,
	kind: 'get' | 'update' | 'delete',
	what: string,
): T {
	const found = map.get(id);
	if (found === undefined)
		return refuse(fake.options.notFoundCodes[kind], `${what} ${id} not found`);
	return found;
}

/** A datetime as the API writes it (UTC, `+00:00`), or a code 9. */
export function dateTime(
	fake: HumanityStore,
	value: unknown,
	name: string,
): { text: string; ms: number } {
	if (typeof value !== 'string' || value.trim() === '')
		return refuse(9, `${name} must be a datetime`);
	const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
	if (!hasOffset && fake.options.dateTimeOffset === 'offset')
		return refuse(
			9,
			`${name} must be an ISO 8601 datetime with an offset, e.g. 2025-10-04T07:00:00+00:00`,
		);
	const parsed = DateTime.fromISO(value.trim(), { zone: fake.options.timeZone });
	if (!parsed.isValid) return refuse(9, `${name} must be an ISO 8601 datetime`);
	return { text: parsed.toUTC().toFormat(UTC_FORMAT), ms: parsed.toMillis() };
}

export function queryValues(request: FakeRequest, name: string): string[] {
	const values: string[] = [];
	for (const [key, value] of new URLSearchParams(request.rawQuery)) {
		if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key))
			values.push(...value.split(','));
	}
	return values.map((value) => value.trim()).filter((value) => value !== '');
}

export function flag(value: string | undefined, name: string): boolean {
	if (value === undefined || value === '') return false;
	if (['true', '1'].includes(value.toLowerCase())) return true;
	if (['false', '0'].includes(value.toLowerCase())) return false;
	return refuse(9, `${name} must be true or false`);
}
