/**
 * Routing (404, 405) and the api middleware in Laravel's order: rate limit, token, account header; Accept.
 */
import type { FakeRequest, FakeResponse, Handler } from '../kit';
import { nowMs } from './clock';
import { message } from './errors';
import type { PlannrStore } from './store';
import type { PlannrAccount, PlannrToken, PlannrUser } from './types';

export interface Context {
	request: FakeRequest;
	user: PlannrUser;
	/** The account X-PLANNR-ACCOUNT-UUID names; undefined on routes that need none. */
	account?: PlannrAccount;
}

export function on(fake: PlannrStore, method: string, path: string, handler: Handler): void {
	fake.server.on(method, path, handler);
	const source = path
		.split('/')
		.map((segment) =>
			segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('/');
	fake.known.push({ method, matcher: new RegExp(`^${source}/?$`) });
}

/** Laravel: a path no route has is 404; a path with routes for other methods is 405 (before any middleware). */
export function routeMissing(fake: PlannrStore, request: FakeRequest): FakeResponse {
	const route = request.path.replace(/^\/+/, '');
	const methods = fake.known
		.filter((known) => known.matcher.test(request.path))
		.map((known) => known.method);
	if (methods.length > 0 && fake.options.unknownMethodStatus === 405) {
		const supported = [
			...new Set(methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]))),
		];
		return message(
			405,
			`The ${request.method} method is not supported for route ${route}. Supported methods: ${supported.join(', ')}.`,
			{
				allow: supported.join(', '),
			},
		);
	}
	return message(404, `The route ${route} could not be found.`);
}

function tokenOf(fake: PlannrStore, request: FakeRequest): PlannrToken | undefined {
	const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
	const found = token === undefined ? undefined : fake.tokens.get(token);
	if (!found || found.expiresAt <= nowMs(fake) || !fake.users.has(found.userUuid)) return undefined;
	return found;
}

/**
 * The api middleware, in Laravel's order: the rate limit (every answer carries its headers), the token
 * (401), the account header (403 by default), then the handler.
 */
export function api(
	fake: PlannrStore,
	handler: (context: Context) => FakeResponse,
	needsAccount = true,
): Handler {
	return (request) => {
		const token = tokenOf(fake, request);
		const limit = rateLimit(fake, token ? `user:${token.userUuid}` : 'guest');
		let response: FakeResponse;
		if (limit.refused) {
			response = limit.refused;
		} else if (!token) {
			response = message(401, 'Unauthenticated.');
		} else {
			const user = fake.users.get(token.userUuid)!;
			const header = request.headers['x-plannr-account-uuid']?.trim();
			const account = header ? fake.accounts.get(header) : undefined;
			const mine =
				account !== undefined && user.logins.some((login) => login.account_uuid === account.uuid);
			if (needsAccount && !mine) {
				response =
					fake.options.accountHeaderFailureStatus === 401
						? message(401, 'Unauthenticated.')
						: message(
								403,
								header
									? 'This action is unauthorized.'
									: 'The X-PLANNR-ACCOUNT-UUID header is required.',
							);
			} else {
				response = handler({ request, user, account: mine ? account : undefined });
			}
		}
		response = {
			...reshapedValidation(fake, response),
			headers: { ...response.headers, ...limit.headers },
		};
		return withoutJson(fake, request, response);
	};
}

/** [inferred] validationBody: a 422 as Laravel words it, its `message` alone, or the message as plain text. */
function reshapedValidation(fake: PlannrStore, response: FakeResponse): FakeResponse {
	const shape = fake.options.validationBody;
	if (response.status !== 422 || shape === 'laravel') return response;
	const text = String((response.body as { message?: unknown } | undefined)?.message ?? '');
	return shape === 'message'
		? { ...response, body: { message: text } }
		: { ...response, body: text, headers: { ...response.headers, 'content-type': 'text/plain' } };
}

/** [inferred] requireAcceptJson: what Laravel does for a client that does not ask for JSON. */
function withoutJson(
	fake: PlannrStore,
	request: FakeRequest,
	response: FakeResponse,
): FakeResponse {
	if (!fake.options.requireAcceptJson || /json/i.test(request.headers.accept ?? ''))
		return response;
	if (response.status === 401)
		return { status: 302, headers: { ...response.headers, location: `${fake.url}/login` } };
	if (response.status === 422)
		return {
			status: 302,
			headers: { ...response.headers, location: request.headers.referer ?? `${fake.url}/` },
		};
	return response;
}

/**
 * Laravel's limiter: a fixed window from the bucket's first request; refused requests do not count. Documented:
 * `X-Ratelimit-Remaining` in every answer, so an answer with no valid token counts too, in one guest bucket.
 */
function rateLimit(
	fake: PlannrStore,
	key: string,
): { headers: Record<string, string>; refused?: FakeResponse } {
	const limit = fake.options.rateLimitPerMinute;
	if (limit === null) return { headers: {} };
	const now = fake.options.rateLimitClock();
	let window = fake.windows.get(key);
	if (!window || now - window.start >= fake.options.rateLimitWindowMs) {
		window = { start: now, count: 0 };
		fake.windows.set(key, window);
	}
	if (window.count >= limit) {
		const retryAfter = Math.max(
			1,
			Math.ceil((window.start + fake.options.rateLimitWindowMs - now) / 1000),
		);
		const headers: Record<string, string> = {
			'x-ratelimit-limit': String(limit),
			'x-ratelimit-remaining': '0',
		};
		// [inferred] rateLimitRetryAfter: Laravel's ThrottleRequests sends Retry-After (seconds) and X-RateLimit-Reset (epoch seconds).
		if (fake.options.rateLimitRetryAfter) {
			headers['retry-after'] = String(retryAfter);
			headers['x-ratelimit-reset'] = String(Math.ceil(now / 1000) + retryAfter);
		}
		return { headers, refused: message(429, 'Too Many Attempts.', headers) };
	}
	window.count++;
	return {
		headers: {
			'x-ratelimit-limit': String(limit),
			'x-ratelimit-remaining': String(limit - window.count),
		},
	};
}
