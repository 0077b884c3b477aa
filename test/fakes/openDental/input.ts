/**
 * Reading a request: the JSON body, whole numbers, strings, dates, enums, KeyNum with ObjectType; the plain
 * answer.
 */
import type { FakeRequest, FakeResponse } from '../kit';
import type { OpenDentalStore } from './store';
import { DATE_TIME_FORMAT, OBJECT_TYPES, type OpenDentalTask } from './types';

export type Body = Record<string, unknown>;

export const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number';

export function ok(body: unknown, status = 200): FakeResponse {
	return { status, body };
}

export function jsonBody(fake: OpenDentalStore, request: FakeRequest): Body | FakeResponse {
	if (request.rawBody === '') return {};
	// Documented: 400 for bad input (sheet, status codes); a body that is not a JSON object is bad input.
	if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
		return fake.fail(400, 'The request body must be a JSON object.');
	}
	return request.body as Body;
}

/** A non-negative integer from JSON or the query string, or a 400 naming the field. */
export function integer(
	fake: OpenDentalStore,
	name: string,
	value: unknown,
	fromQuery = false,
): number | FakeResponse {
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
	if (
		typeof value === 'string' &&
		/^\d+$/.test(value.trim()) &&
		(fromQuery || !fake.options.strictNumbers)
	)
		return Number(value);
	return fake.fail(400, `${name} is invalid: it must be a whole number.`);
}

export function text(fake: OpenDentalStore, name: string, value: unknown): string | FakeResponse {
	return typeof value === 'string' ? value : fake.fail(400, `${name} must be a string.`);
}

export function dateTime(
	fake: OpenDentalStore,
	name: string,
	value: unknown,
): string | FakeResponse {
	if (typeof value !== 'string' || !fake.parseDateTime(value)) {
		return fake.fail(400, `${name} is invalid: use the format yyyy-MM-dd HH:mm:ss.`);
	}
	return fake.parseDateTime(value)!.toFormat(DATE_TIME_FORMAT);
}

export function enumValue<T extends string>(
	fake: OpenDentalStore,
	name: string,
	value: unknown,
	allowed: readonly T[],
): T | FakeResponse {
	if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
	return fake.fail(
		400,
		`${name} is invalid: use one of ${allowed.map((v) => `"${v}"`).join(', ')}.`,
	);
}

export function missing(fake: OpenDentalStore, what: string, num: number): FakeResponse {
	return fake.fail(fake.options.unknownReferenceStatus, `${what} ${num} not found.`);
}

/** KeyNum and ObjectType as sent; KeyNum needs ObjectType (documented). Patients/appointments are not modelled: KeyNum is not checked. */
export function keyAndType(
	fake: OpenDentalStore,
	body: Body,
	fields: Partial<OpenDentalTask>,
	fromQuery = false,
): FakeResponse | undefined {
	if (body.ObjectType !== undefined) {
		const type = enumValue(fake, 'ObjectType', body.ObjectType, OBJECT_TYPES);
		if (isResponse(type)) return type;
		fields.ObjectType = type;
	}
	if (body.KeyNum !== undefined) {
		if (body.ObjectType === undefined)
			return fake.fail(400, 'ObjectType is required when KeyNum is specified.');
		const key = integer(fake, 'KeyNum', body.KeyNum, fromQuery);
		if (isResponse(key)) return key;
		fields.KeyNum = key;
	}
	return undefined;
}
