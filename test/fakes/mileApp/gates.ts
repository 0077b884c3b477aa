/**
 * Routing and the checks every call passes: 404/405, Accept, the token, the rate limit, body size and JSON.
 */
import type { FakeRequest, FakeResponse, Handler } from '../kit';
import { failure } from './errors';
import type { MileAppStore } from './store';
import { MILEAPP_API, type MileAppUser } from './types';

export type Body = Record<string, unknown>;

export interface Context {
	request: FakeRequest;
	user: MileAppUser;
	body: Body;
}

export function on(fake: MileAppStore, method: string, path: string, handler: Handler): void {
	const full = `${MILEAPP_API}${path}`;
	fake.server.on(method, full, handler);
	const source = full
		.split('/')
		.map((segment) =>
			segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('/');
	fake.known.push({ method, matcher: new RegExp(`^${source}/?$`) });
}

/**
 * Documented: 404 for a wrong URL, 405 for a known URL with another method, as `{status: false, message}`. No wording
 * is documented: the message is the status's HTTP reason phrase; the 405's Allow header is HTTP's rule.
 */
export function routeMissing(fake: MileAppStore, request: FakeRequest): FakeResponse {
	const methods = [
		...new Set(
			fake.known.filter((known) => known.matcher.test(request.path)).map((known) => known.method),
		),
	];
	const response =
		methods.length > 0
			? failure(405, 'Method Not Allowed', { allow: methods.join(', ') })
			: failure(404, 'Not Found');
	return outgoing(fake, request, response);
}

/** Documented: only application/json and *\/* are supported. */
function acceptable(fake: MileAppStore, request: FakeRequest): boolean {
	const accept = request.headers.accept;
	if (accept === undefined || accept.trim() === '') return fake.options.missingAccept === 'accept';
	return accept
		.split(',')
		.map((range) => range.split(';')[0].trim().toLowerCase())
		.some((range) => range === 'application/json' || range === '*/*');
}

function userOf(fake: MileAppStore, request: FakeRequest): MileAppUser | undefined {
	const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
	const userId = token === undefined ? undefined : fake.tokens.get(token);
	return userId === undefined ? undefined : fake.users.get(userId);
}

/** The checks every call passes, in order: Accept and token (order by option), rate limit, body size, JSON body. */
export function api(fake: MileAppStore, handler: (context: Context) => FakeResponse): Handler {
	return (request) => {
		let headers: Record<string, string> = {};
		const respond = (response: FakeResponse) =>
			outgoing(fake, request, { ...response, headers: { ...response.headers, ...headers } });
		const notAcceptable = failure(
			406,
			'Unsupported Accept Header. Only application/json and */* are supported.',
		);
		const acceptFirst = fake.options.acceptCheck === 'before-auth';
		if (acceptFirst && !acceptable(fake, request)) return respond(notAcceptable);
		const user = userOf(fake, request);
		if (!user) return respond(failure(401, fake.options.unauthorizedMessage));
		if (!acceptFirst && !acceptable(fake, request)) return respond(notAcceptable);
		const limit = rateLimit(fake);
		headers = limit.headers;
		if (limit.refused) return respond(limit.refused);
		if (Buffer.byteLength(request.rawBody) > fake.options.maxBodyBytes)
			return respond(failure(413, 'Payload Too Large'));
		let body: Body = {};
		if (request.rawBody.trim() !== '') {
			// A body that is not a JSON object is refused as any invalid input (validationStatus; the kit has already tried to parse it).
			if (
				typeof request.body !== 'object' ||
				request.body === null ||
				Array.isArray(request.body)
			) {
				return respond(
					failure(fake.options.validationStatus, 'The request body must be a JSON object.'),
				);
			}
			body = request.body as Body;
		}
		return respond(handler({ request, user, body }));
	};
}

/** [inferred] errorHttpStatus: an error's body always says `status: false`; its HTTP status may be 200. */
function outgoing(fake: MileAppStore, request: FakeRequest, response: FakeResponse): FakeResponse {
	if (response.status < 400) return response;
	const mode = fake.options.errorHttpStatus;
	if (mode === 'always-200' || (mode === 'post-200' && request.method === 'POST'))
		return { ...response, status: 200 };
	return response;
}

/**
 * Documented: 100 requests a second per organization, 429 over it. How the second is counted is the option
 * rateLimitWindow; refused requests do not count.
 */
function rateLimit(fake: MileAppStore): {
	headers: Record<string, string>;
	refused?: FakeResponse;
} {
	const limit = fake.options.rateLimitPerSecond;
	if (limit === null) return { headers: {} };
	const now = fake.options.rateLimitClock();
	let used: number;
	let freesAt: number;
	if (fake.options.rateLimitWindow === 'sliding') {
		fake.recentRequests = fake.recentRequests.filter((at) => now - at < 1000);
		used = fake.recentRequests.length;
		freesAt = (fake.recentRequests[0] ?? now) + 1000;
	} else {
		if (!fake.window || now - fake.window.start >= 1000) fake.window = { start: now, count: 0 };
		used = fake.window.count;
		freesAt = fake.window.start + 1000;
	}
	const withHeaders = fake.options.rateLimitHeaders;
	if (used >= limit) {
		const retryAfter = String(Math.max(1, Math.ceil((freesAt - now) / 1000)));
		const headers: Record<string, string> = withHeaders
			? {
					'x-ratelimit-limit': String(limit),
					'x-ratelimit-remaining': '0',
					'retry-after': retryAfter,
				}
			: {};
		return { headers, refused: failure(429, 'Too Many Requests', headers) };
	}
	if (fake.options.rateLimitWindow === 'sliding') fake.recentRequests.push(now);
	else fake.window!.count++;
	return {
		headers: withHeaders
			? {
					'x-ratelimit-limit': String(limit),
					'x-ratelimit-remaining': String(limit - used - 1),
				}
			: {},
	};
}
