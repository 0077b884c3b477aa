/**
 * What every route passes first, in this order: the JSON Content-Type, auth (ODFHIR keys), the throttle, the
 * office's version.
 */
import { contentTypeIs, type FakeRequest, type FakeResponse } from '../kit';
import type { OpenDentalStore } from './store';

type Since = string | null;

function parseVersion(version: string): number[] {
	return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/** a < b for dotted versions. */
export function versionOlder(a: string, b: string): boolean {
	const [x, y] = [parseVersion(a), parseVersion(b)];
	for (let i = 0; i < Math.max(x.length, y.length); i++) {
		if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
	}
	return false;
}

/** [inferred] order of checks: Content-Type (400), auth (401), then throttle, then version (400). */
export function guarded(
	fake: OpenDentalStore,
	since: Since,
	handler: (request: FakeRequest) => FakeResponse,
): (request: FakeRequest) => FakeResponse {
	return (request) => {
		if (fake.options.requireJsonContentType && !contentTypeIs(request, 'application/json')) {
			// [inferred] wording; documented: 400 for "Missing request headers, invalid Content-Types".
			return fake.fail(
				400,
				`Missing request headers, invalid Content-Types: every request needs Content-Type "application/json" (got "${request.headers['content-type'] ?? ''}").`,
			);
		}
		// The scheme name is read case-insensitively (RFC 7235).
		const match = /^ODFHIR\s+([^/\s]+)\/(\S+)\s*$/i.exec(request.headers.authorization ?? '');
		if (!match)
			return fake.fail(
				401,
				'Authorization header is missing or not in the form "ODFHIR DeveloperKey/CustomerKey".',
			);
		if (match[1] !== fake.options.developerKey || match[2] !== fake.options.customerKey) {
			return fake.fail(401, 'Invalid DeveloperKey or CustomerKey.');
		}
		const throttled = throttleRefusal(fake, match[2]);
		if (throttled) return throttled;
		if (since !== null && versionOlder(fake.options.version, since)) {
			// [inferred] wording; documented: 400 when the office's version is too old.
			return fake.fail(
				400,
				`This method requires Open Dental version ${since} or later. The office database is on version ${fake.options.version}.`,
			);
		}
		return handler(request);
	};
}

function throttleRefusal(fake: OpenDentalStore, customerKey: string): FakeResponse | undefined {
	const throttle = fake.options.throttle;
	if (!throttle) return undefined;
	const now = fake.options.throttleClock();
	const spacing = 1000 / throttle.perSecond;
	const last = fake.lastAccepted.get(customerKey);
	// [inferred] a refused request does not restart the wait; only accepted ones count.
	if (last !== undefined && now - last < spacing) {
		const wait = Math.ceil(spacing - (now - last));
		return fake.fail(
			fake.options.throttleStatus,
			`Too many requests: at most ${throttle.perSecond} per second for this customer key. Try again in ${wait} ms.`,
		);
	}
	fake.lastAccepted.set(customerKey, now);
	return undefined;
}
