/**
 * The two headers Oliver's and Open Dental's documents ask of every request, GETs included: each fake
 * refuses a request without its own, and these checks say which request went without.
 */
import type { RecordedRequest } from '../fakes/kit';

/** Every request given (at least one) carried `Content-Type` and `Accept`, both `application/json`. */
export function expectJsonHeadersOnEvery(requests: RecordedRequest[]): void {
	expect(requests.length).toBeGreaterThan(0);
	const headersOf = (request: RecordedRequest) => ({
		call: `${request.method} ${request.path}`,
		contentType: request.headers['content-type'],
		accept: request.headers.accept,
	});
	expect(requests.map(headersOf)).toEqual(
		requests.map((request) => ({
			call: `${request.method} ${request.path}`,
			contentType: 'application/json',
			accept: 'application/json',
		})),
	);
}
