/** Oliver's answer envelope (`success`, `data`, `message`) and the JSON body every write reads. */
import type { FakeRequest, FakeResponse } from '../kit';

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
export function jsonBody(request: FakeRequest): Record<string, unknown> | FakeResponse {
	if (request.rawBody === '') return {};
	// Documented: request bodies are `application/json` objects (openapi.json), and POST and PUT answer 400
	// for bad input: a body sent as anything else, or not an object, is one.
	const type = request.headers['content-type'] ?? '';
	if (!/^application\/(.+\+)?json\b/i.test(type))
		return fail(400, `Content-Type must be application/json, got "${type}"`);
	if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
		return fail(400, 'The request body must be a JSON object');
	}
	return request.body as Record<string, unknown>;
}
