/**
 * What every route passes first: the JSON Content-Type, auth (ODFHIR keys), the throttle, the office's version
 * (in the order the option gateOrder gives).
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

/** Documented words (sheet, Connection): a missing or wrong Content-Type is a 400 with these. */
const CONTENT_TYPE_REFUSAL = 'Missing request headers, invalid Content-Types';

/** Documented words (sheet, Connection): a method newer than the office's version is a 400 with these. */
export const VERSION_REFUSAL = 'The version of the dental office is not high enough';

/** A check; auth writes the customer key the throttle counts by into `call`. */
type Gate = (request: FakeRequest, call: { customerKey: string }) => FakeResponse | undefined;

/**
 * [inferred] the order of the checks: option gateOrder (no sheet line decides). 'content-type-first':
 * Content-Type (400), auth (401), throttle, version (400); 'auth-first': auth, version, Content-Type, throttle.
 */
export function guarded(
	fake: OpenDentalStore,
	since: Since,
	handler: (request: FakeRequest) => FakeResponse,
): (request: FakeRequest) => FakeResponse {
	const contentType: Gate = (request) => {
		if (!fake.options.requireJsonContentType || contentTypeIs(request, 'application/json'))
			return undefined;
		return fake.fail(
			400,
			`${CONTENT_TYPE_REFUSAL}: every request needs Content-Type "application/json" (got "${request.headers['content-type'] ?? ''}").`,
		);
	};
	const auth: Gate = (request, call) => {
		// The scheme name is read case-insensitively (RFC 7235).
		const match = /^ODFHIR\s+([^/\s]+)\/(\S+)\s*$/i.exec(request.headers.authorization ?? '');
		if (!match)
			return fake.fail(
				401,
				'Authorization header is missing or not in the form "ODFHIR DeveloperKey/CustomerKey".',
			);
		if (match[1] !== fake.options.developerKey || match[2] !== fake.options.customerKey)
			return fake.fail(401, 'Invalid DeveloperKey or CustomerKey.');
		call.customerKey = match[2];
		return undefined;
	};
	const throttle: Gate = (_request, call) => throttleRefusal(fake, call.customerKey);
	const version: Gate = () =>
		since !== null && versionOlder(fake.options.version, since)
			? fake.fail(
					400,
					`${VERSION_REFUSAL}: this method needs version ${since} or later; the office database is on version ${fake.options.version}.`,
				)
			: undefined;
	const gates =
		fake.options.gateOrder === 'auth-first'
			? [auth, version, contentType, throttle]
			: [contentType, auth, throttle, version];
	return (request) => {
		const call = { customerKey: '' };
		for (const gate of gates) {
			const refused = gate(request, call);
			if (refused) return refused;
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
	if (last !== undefined && now - last < spacing) {
		const wait = Math.ceil(spacing - (now - last));
		// [inferred] whether a refused call restarts the wait: option throttledCallsCount (no sheet line decides).
		if (fake.options.throttledCallsCount) fake.lastAccepted.set(customerKey, now);
		return fake.fail(
			fake.options.throttleStatus,
			`Too many requests: at most ${throttle.perSecond} per second for this customer key. Try again in ${wait} ms.`,
		);
	}
	fake.lastAccepted.set(customerKey, now);
	return undefined;
}
