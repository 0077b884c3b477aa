/**
 * Sign-in (`POST /services/user/v1/auth/sign-in`) and the token and location checks every other call passes.
 */
import type { FakeRequest, FakeResponse } from '../kit';
import { fail, isResponse, jsonBody, ok } from './envelope';
import type { OliverStore } from './store';
import { OLIVER_SIGN_IN_PATH } from './types';

/** Every call but sign-in: a live token, then the practice's location. */
function refuse(fake: OliverStore, request: FakeRequest): FakeResponse | undefined {
	// The auth scheme name is case-insensitive (RFC 7235).
	const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
	const expiresAt = token === undefined ? undefined : fake.tokens.get(token);
	if (expiresAt === undefined || expiresAt <= fake.options.clock().getTime()) {
		return fail(401, 'Unauthorized: the token is missing, invalid or expired');
	}
	// [inferred] the token is checked before the location; both failures are 401 by default.
	if (request.headers['x-client-id'] !== fake.options.locationId) {
		return fail(fake.options.wrongLocationStatus, 'Unauthorized for this location (X-Client-Id)');
	}
	return undefined;
}

export function guarded(
	fake: OliverStore,
	handler: (request: FakeRequest) => FakeResponse,
): (request: FakeRequest) => FakeResponse {
	return (request) => refuse(fake, request) ?? handler(request);
}

function signIn(fake: OliverStore, request: FakeRequest): FakeResponse {
	const body = jsonBody(fake, request);
	if (isResponse(body)) return body;
	// [inferred] a missing role counts as a wrong one (401), like wrong credentials.
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
