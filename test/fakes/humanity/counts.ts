/** Request counts: which route each recorded request hit, and a shift's task reads and writes. */
import type { RecordedRequest } from '../kit';
import type { HumanityStore } from './store';
import { HUMANITY_API_PREFIX } from './types';

/** The route a recorded request hit, as 'METHOD /api/v2/pattern' (e.g. 'PUT /api/v2/shifts/:shiftId/tasks'). */
export function routeOf(fake: HumanityStore, request: RecordedRequest): string | undefined {
	return fake.endpoints.find(
		(endpoint) => endpoint.method === request.method && endpoint.matcher.test(request.path),
	)?.key;
}

/** How many requests each route received (token requests included; unknown paths under 'UNKNOWN'). */
export function countRequests(
	fake: HumanityStore,
	requests: RecordedRequest[] = fake.requests,
): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of requests) {
		const key = routeOf(fake, request) ?? 'UNKNOWN';
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

/** The recorded requests to one route, given as endpointOf names it. */
export function requestsToEndpoint(fake: HumanityStore, endpoint: string): RecordedRequest[] {
	return fake.requests.filter((request) => routeOf(fake, request) === endpoint);
}

/** Reads (GET /shifts/{ids}/tasks naming this shift) and writes (PUT /shifts/{id}/tasks) of one shift's tasks. */
export function shiftTaskCallsOf(
	fake: HumanityStore,
	shiftId: number,
): { reads: number; writes: number } {
	const prefix = `${HUMANITY_API_PREFIX}/shifts/`;
	let reads = 0;
	let writes = 0;
	for (const request of fake.requests) {
		const match = new RegExp(`^${prefix}([^/]+)/tasks/?$`).exec(request.path);
		if (!match) continue;
		const ids = decodeURIComponent(match[1])
			.split(',')
			.map((id) => id.trim());
		if (!ids.includes(String(shiftId))) continue;
		if (request.method === 'GET') reads++;
		if (request.method === 'PUT') writes++;
	}
	return { reads, writes };
}
