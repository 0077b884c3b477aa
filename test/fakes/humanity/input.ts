/**
 * Reading a request: the body, whole-number and id-list parameters, lookups that refuse unknown ids, dates,
 * flags.
 */
import { DateTime } from 'luxon';
import type { FakeRequest } from '../kit';
import { refuse } from './envelope';
import type { HumanityStore } from './store';
import { UTC_FORMAT } from './types';

export type Body = Record<string, unknown>;

export const isObject = (value: unknown): value is Body =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function readBody(request: FakeRequest): Body {
	if (request.rawBody === '') return {};
	// [inferred] a body that is not a JSON (or form) object is a code 9.
	if (!isObject(request.body)) return refuse(9, 'the request body must be a JSON object');
	return request.body;
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
