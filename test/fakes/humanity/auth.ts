/**
 * The OAuth2 token endpoint (`/oauth2/token.php`): the password and refresh-token grants. How it refuses is
 * the option tokenErrors: the OAuth2 PHP server's errors it is named after, or the API's envelope.
 */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../kit';
import { nowMs } from './clock';
import { envelopeError } from './envelope';
import { on } from './gates';
import { isObject } from './input';
import type { HumanityStore } from './store';
import { HUMANITY_TOKEN_PATH } from './types';

export interface AccessToken {
	employeeId: number;
	/** ms on the fake's clock */
	expiresAt: number;
}

export interface RefreshToken {
	employeeId: number;
	expiresAt: number;
	revoked: boolean;
}

type OAuthError = (status: number, error: string, description: string) => FakeResponse;

/** [inferred] tokenErrors: no sheet line decides how token.php refuses; OAuth2's shape, or the envelope's code 7 under HTTP 200. */
function oauthErrorOf(fake: HumanityStore): OAuthError {
	if (fake.options.tokenErrors === 'envelope')
		return (_status, _error, description) => ({
			status: 200,
			body: envelopeError(fake, 7, description, null),
		});
	return (status, error, description) => ({
		status,
		body: { error, error_description: description },
	});
}

function tokenEndpoint(fake: HumanityStore, request: FakeRequest): FakeResponse {
	const oauthError = oauthErrorOf(fake);
	if (request.method !== 'POST')
		return oauthError(
			405,
			'invalid_request',
			'The request method must be POST when requesting an access token',
		);
	// Documented (getting-started: "x-www-form-urlencoded"): only a form body is read, the client in it.
	const form = (request.headers['content-type'] ?? '').startsWith(
		'application/x-www-form-urlencoded',
	);
	const body = (form && isObject(request.body) ? request.body : {}) as Record<string, unknown>;
	const field = (name: string) =>
		typeof body[name] === 'string' ? (body[name] as string) : undefined;
	const clientId = field('client_id');
	const clientSecret = field('client_secret');
	const grant = field('grant_type');
	if (!grant)
		return oauthError(400, 'invalid_request', 'The grant type was not specified in the request');
	if (grant !== 'password' && grant !== 'refresh_token')
		return oauthError(400, 'unsupported_grant_type', `Grant type "${grant}" not supported`);
	if (!clientId)
		return oauthError(
			400,
			'invalid_client',
			'Client credentials were not found in the headers or body',
		);
	if (clientId !== fake.options.appId || clientSecret !== fake.options.appSecret) {
		return oauthError(400, 'invalid_client', 'The client credentials are invalid');
	}
	if (grant === 'password') {
		const username = field('username');
		const password = field('password');
		if (!username || !password)
			return oauthError(
				400,
				'invalid_request',
				'Missing parameters: "username" and "password" required',
			);
		const user = [...fake.employees.values()].find(
			(employee) =>
				employee.username.toLowerCase() === username.toLowerCase() &&
				employee.password === password,
		);
		if (!user) return oauthError(401, 'invalid_grant', 'Invalid username and password combination');
		return issueGrant(fake, user.id);
	}
	// Documented: "change grant_type to refresh_token and send the refresh token in that request".
	const refreshToken = field('refresh_token');
	if (!refreshToken)
		return oauthError(400, 'invalid_request', 'Missing parameter: "refresh_token" is required');
	const refresh = fake.refreshTokens.get(refreshToken);
	if (!refresh || refresh.revoked) return oauthError(400, 'invalid_grant', 'Invalid refresh token');
	if (refresh.expiresAt <= nowMs(fake))
		return oauthError(400, 'invalid_grant', 'Refresh token has expired');
	if (fake.options.rotateRefreshTokens) refresh.revoked = true;
	return issueGrant(
		fake,
		refresh.employeeId,
		fake.options.rotateRefreshTokens ? undefined : refreshToken,
	);
}

/** Documented answer: `{access_token, expires_in, token_type: "bearer", scope: null, refresh_token}`. */
function issueGrant(
	fake: HumanityStore,
	employeeId: number,
	keepRefreshToken?: string,
): FakeResponse {
	fake.tokenGrants++;
	const accessToken = fake.issueAccessToken(employeeId);
	let refreshToken = keepRefreshToken;
	if (!refreshToken) {
		refreshToken = randomBytes(20).toString('hex');
		fake.refreshTokens.set(refreshToken, {
			employeeId,
			expiresAt: nowMs(fake) + fake.options.refreshTokenTtlSeconds * 1000,
			revoked: false,
		});
		fake.noteIssued('issued refresh token', refreshToken);
	}
	return {
		status: 200,
		headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
		body: {
			access_token: accessToken,
			expires_in: fake.options.accessTokenTtlSeconds,
			token_type: 'bearer',
			scope: null,
			refresh_token: refreshToken,
		},
	};
}

export function authRoutes(fake: HumanityStore): void {
	on(fake, 'POST', HUMANITY_TOKEN_PATH, (r) => tokenEndpoint(fake, r));
	on(fake, 'GET', HUMANITY_TOKEN_PATH, (r) => tokenEndpoint(fake, r));
}
