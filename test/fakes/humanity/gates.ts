/**
 * Routing and the checks every API call passes: forced codes, the throttle (91), the access token (3), then
 * the envelope.
 */
import type { FakeRequest, FakeResponse, Handler } from '../kit';
import { nowMs } from './clock';
import { errorResponse, Refusal } from './envelope';
import type { HumanityStore } from './store';
import type { HumanityEmployee } from './types';

export interface ForcedCode {
	code: number;
	left: number;
	method?: string;
	matcher?: RegExp;
	detail?: string;
}

export interface Context {
	request: FakeRequest;
	user: HumanityEmployee;
	token: string;
}

export interface Answer {
	data: unknown;
	metadata?: unknown;
}

export function compilePattern(pattern: string): RegExp {
	const source = pattern
		.split('/')
		.map((segment) =>
			segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('/');
	return new RegExp(`^${source}/?$`);
}

export function on(fake: HumanityStore, method: string, pattern: string, handler: Handler): void {
	fake.server.on(method, pattern, handler);
	fake.endpoints.push({ key: `${method} ${pattern}`, method, matcher: compilePattern(pattern) });
}

/**
 * A known path with another method is code 4, an unknown path code 5 (codes of the v1 table the sheet lists). No
 * node calls a route the fake lacks; the one undocumented route a node calls is the option masterTaskDelete.
 */
export function routeMissing(fake: HumanityStore, request: FakeRequest): FakeResponse {
	const known = fake.endpoints.some((endpoint) => endpoint.matcher.test(request.path));
	const code = known ? 4 : 5;
	return errorResponse(fake, code, `${request.method} ${request.path}`, null);
}

function tokenOf(fake: HumanityStore, request: FakeRequest): string | undefined {
	if (request.query.access_token) return request.query.access_token;
	if (!fake.options.acceptBearerHeader) return undefined;
	return /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** The checks, in order: forced codes and the throttle (91), then the token (3), then the handler. */
export function api(fake: HumanityStore, handler: (context: Context) => Answer): Handler {
	return (request) => {
		const token = tokenOf(fake, request) ?? null;
		const forced = takeForced(fake, request);
		if (forced) return errorResponse(fake, forced.code, forced.detail, token);
		if (throttled(fake)) return errorResponse(fake, 91, undefined, token);
		const found = token === null ? undefined : fake.accessTokens.get(token);
		if (!found || found.expiresAt <= nowMs(fake)) {
			return errorResponse(
				fake,
				3,
				token === null
					? 'no access token'
					: found
						? 'the access token has expired'
						: 'the access token is invalid',
				token,
			);
		}
		const user = fake.employees.get(found.employeeId);
		if (!user) return errorResponse(fake, 3, 'the access token is invalid', token);
		try {
			const answer = handler({ request, user, token: token! });
			return {
				status: 200,
				body: {
					status: 1,
					data: answer.data,
					metadata: answer.metadata ?? [],
					token: fake.options.envelopeToken === 'echo' ? token : null,
					error: null,
				},
			};
		} catch (error) {
			if (error instanceof Refusal) return errorResponse(fake, error.code, error.detail, token);
			throw error;
		}
	};
}

function takeForced(fake: HumanityStore, request: FakeRequest): ForcedCode | undefined {
	const rule = fake.forced.find((candidate) => {
		if (candidate.left <= 0) return false;
		if (candidate.method && candidate.method !== request.method) return false;
		return candidate.matcher ? candidate.matcher.test(request.path) : true;
	});
	if (!rule) return undefined;
	rule.left--;
	fake.forced = fake.forced.filter((candidate) => candidate.left > 0);
	return rule;
}

/** A test-only limit (no v2 rate limit is documented): a fixed window from its first request; refused requests do not count. */
function throttled(fake: HumanityStore): boolean {
	const throttle = fake.options.throttle;
	if (!throttle) return false;
	const now = fake.options.throttleClock();
	if (!fake.window || now - fake.window.start >= throttle.windowMs)
		fake.window = { start: now, count: 0 };
	if (fake.window.count >= throttle.limit) return true;
	fake.window.count++;
	return false;
}
