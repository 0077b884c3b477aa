/**
 * Sign-in (`POST /services/user/v1/auth/sign-in`), the two JSON headers every call carries, and the token
 * and location checks every other call passes.
 */
import { acceptNames, contentTypeIs, type FakeRequest, type FakeResponse } from '../kit';
import { fail, isResponse, jsonBody, ok } from './envelope';
import type { OliverStore } from './store';
import { OLIVER_SIGN_IN_PATH } from './types';

/** Every call, sign-in included: `Content-Type` and `Accept` both `application/json` (requireJsonHeaders). */
function refuseWithoutJsonHeaders(
	fake: OliverStore,
	request: FakeRequest,
): FakeResponse | undefined {
	if (!fake.options.requireJsonHeaders) return undefined;
	if (contentTypeIs(request, 'application/json') && acceptNames(request, 'application/json')) {
		return undefined;
	}
	const sent = `Content-Type "${request.headers['content-type'] ?? ''}", Accept "${request.headers.accept ?? ''}"`;
	return fail(
		400,
		`Every request must carry Content-Type: application/json and Accept: application/json (got ${sent})`,
	);
}

/** Every call but sign-in: the JSON headers, a live token, then the practice's location. */
function refuse(fake: OliverStore, request: FakeRequest): FakeResponse | undefined {
	const withoutJsonHeaders = refuseWithoutJsonHeaders(fake, request);
	if (withoutJsonHeaders) return withoutJsonHeaders;
	const tokenRefusal = (): FakeResponse | undefined => {
		// The auth scheme name is case-insensitive (RFC 7235).
		const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
		const expiresAt = token === undefined ? undefined : fake.tokens.get(token);
		if (expiresAt === undefined || expiresAt <= fake.options.clock().getTime())
			return fail(401, 'Unauthorized: the token is missing, invalid or expired');
		return undefined;
	};
	const locationRefusal = (): FakeResponse | undefined =>
		request.headers['x-client-id'] === fake.options.locationId
			? undefined
			: fail(fake.options.wrongLocationStatus, 'Unauthorized for this location (X-Client-Id)');
	// [inferred] which is checked first: option authOrder (no sheet line decides).
	return fake.options.authOrder === 'location-first'
		? (locationRefusal() ?? tokenRefusal())
		: (tokenRefusal() ?? locationRefusal());
}

export function guarded(
	fake: OliverStore,
	handler: (request: FakeRequest) => FakeResponse,
): (request: FakeRequest) => FakeResponse {
	return (request) => refuse(fake, request) ?? handler(request);
}

function signIn(fake: OliverStore, request: FakeRequest): FakeResponse {
	const withoutJsonHeaders = refuseWithoutJsonHeaders(fake, request);
	if (withoutJsonHeaders) return withoutJsonHeaders;
	const body = jsonBody(request);
	if (isResponse(body)) return body;
	// Documented: role is "Always set to ROLE_API"; without it the sign-in fails like wrong credentials.
	if (
		body.username !== fake.options.username ||
		body.password !== fake.options.password ||
		body.role !== 'ROLE_API'
	) {
		return fail(401, 'Incorrect username, password or role');
	}
	fake.signInCount++;
	return ok({ token: fake.issueToken() });
}

export function authRoutes(fake: OliverStore): void {
	// Sign-in needs no token and, per the OpenAPI file, no X-Client-Id.
	fake.server.on('POST', OLIVER_SIGN_IN_PATH, (request) => signIn(fake, request));
}
