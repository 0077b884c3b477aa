/** Oliver's answer envelope (`success`, `data`, `message`) and the JSON body every write reads. */
import type { FakeRequest, FakeResponse } from '../kit';
import type { OliverStore } from './store';

export const ok = (data: unknown, status = 200, message?: string): FakeResponse => ({
	status,
	body: message === undefined ? { success: true, data } : { success: true, data, message },
});

export const fail = (status: number, message: string, data?: unknown): FakeResponse => ({
	status,
	body: data === undefined ? { success: false, message } : { success: false, message, data },
});

export const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number' &&
	'body' in value;

/** The request's JSON object body, or a 400. An empty body reads as {}. */
export function jsonBody(
	fake: OliverStore,
	request: FakeRequest,
): Record<string, unknown> | FakeResponse {
	if (request.rawBody === '') return {};
	const type = request.headers['content-type'] ?? '';
	if (fake.options.requireJsonContentType && !/^application\/(.+\+)?json\b/i.test(type)) {
		return fail(400, `Content-Type must be application/json, got "${type}"`);
	}
	if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
		// [inferred] a body that is not a JSON object is a 400.
		return fail(400, 'The request body must be a JSON object');
	}
	return request.body as Record<string, unknown>;
}
