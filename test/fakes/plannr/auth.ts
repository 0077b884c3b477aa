/**
 * OAuth2 authorization code (documented: authorization). [inferred] sheet Unknown: "the OAuth2 authorize and
 * token URLs (no page gives them)": Laravel Passport's `/oauth/authorize` and `/oauth/token` by default,
 * both options (oauthAuthorizePath, oauthTokenPath), and Passport's answer shapes.
 */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../kit';
import { nowMs } from './clock';
import { on } from './gates';
import type { PlannrStore } from './store';

export interface AuthCode {
	userUuid: string;
	clientId: string;
	redirectUri: string | null;
	used: boolean;
}

export interface RefreshToken {
	userUuid: string;
	clientId: string;
	accessToken: string;
	revoked: boolean;
}

function oauthError(status: number, error: string, description: string): FakeResponse {
	return { status, body: { error, error_description: description, message: description } };
}

function authorize(fake: PlannrStore, request: FakeRequest): FakeResponse {
	const q = request.query;
	if (q.client_id !== fake.options.oauthClientId)
		return oauthError(401, 'invalid_client', 'Client authentication failed');
	const registered = fake.options.oauthRedirectUri;
	const redirectUri = q.redirect_uri ?? registered;
	if (!redirectUri) return oauthError(400, 'invalid_request', 'Check the `redirect_uri` parameter');
	if (registered !== null && redirectUri !== registered)
		return oauthError(401, 'invalid_client', 'Client authentication failed');
	if (q.response_type !== 'code') {
		return oauthError(
			400,
			'unsupported_response_type',
			'The authorization server does not support obtaining an authorization code using this method.',
		);
	}
	// No login page here: the primary user approves.
	const userUuid = fake.primaryUser.uuid;
	const code = randomBytes(24).toString('hex');
	fake.codes.set(code, {
		userUuid,
		clientId: q.client_id,
		redirectUri: q.redirect_uri ?? null,
		used: false,
	});
	fake.noteIssued('OAuth authorization code', code);
	const target = new URL(redirectUri);
	target.searchParams.set('code', code);
	if (q.state !== undefined) target.searchParams.set('state', q.state);
	return { status: 302, headers: { location: target.toString() } };
}

function tokenEndpoint(fake: PlannrStore, request: FakeRequest): FakeResponse {
	const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
		string,
		string
	>;
	let clientId = body.client_id;
	let clientSecret = body.client_secret;
	const basic = /^basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
	if (basic) {
		const [id, ...secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
		clientId = decodeURIComponent(id);
		clientSecret = decodeURIComponent(secret.join(':'));
	}
	const grant = body.grant_type;
	if (grant !== 'authorization_code' && grant !== 'refresh_token') {
		return oauthError(
			400,
			'unsupported_grant_type',
			'The authorization grant type is not supported by the authorization server.',
		);
	}
	if (clientId !== fake.options.oauthClientId || clientSecret !== fake.options.oauthClientSecret) {
		return oauthError(401, 'invalid_client', 'Client authentication failed');
	}
	const invalidGrant = (hint: string): FakeResponse => {
		const description =
			'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';
		return {
			status: 400,
			body: {
				error: 'invalid_grant',
				error_description: description,
				hint,
				message: description,
			},
		};
	};
	if (grant === 'authorization_code') {
		const code = body.code === undefined ? undefined : fake.codes.get(body.code);
		if (!code || code.used || code.clientId !== clientId)
			return invalidGrant('Authorization code has been revoked');
		if (code.redirectUri !== null && body.redirect_uri !== code.redirectUri)
			return invalidGrant('Invalid redirect URI');
		code.used = true;
		return issueOAuthTokens(fake, code.userUuid, clientId);
	}
	const refresh =
		body.refresh_token === undefined ? undefined : fake.refreshTokens.get(body.refresh_token);
	if (!refresh || refresh.revoked || refresh.clientId !== clientId)
		return invalidGrant('Token has been revoked');
	if (fake.options.rotateRefreshTokens) {
		refresh.revoked = true;
		fake.tokens.delete(refresh.accessToken);
	}
	return issueOAuthTokens(fake, refresh.userUuid, clientId);
}

function issueOAuthTokens(fake: PlannrStore, userUuid: string, clientId: string): FakeResponse {
	const accessToken = `oat-${randomBytes(24).toString('hex')}`;
	const refreshToken = `ort-${randomBytes(24).toString('hex')}`;
	fake.tokens.set(accessToken, {
		token: accessToken,
		userUuid,
		kind: 'oauth',
		expiresAt: nowMs(fake) + fake.options.oauthAccessTokenTtlMs,
		clientId,
	});
	fake.refreshTokens.set(refreshToken, { userUuid, clientId, accessToken, revoked: false });
	fake.noteIssued('issued OAuth access token', accessToken);
	fake.noteIssued('issued OAuth refresh token', refreshToken);
	return {
		status: 200,
		body: {
			token_type: 'Bearer',
			expires_in: Math.floor(fake.options.oauthAccessTokenTtlMs / 1000),
			access_token: accessToken,
			refresh_token: refreshToken,
		},
	};
}

export function authRoutes(fake: PlannrStore): void {
	on(fake, 'GET', fake.options.oauthAuthorizePath, (r) => authorize(fake, r));
	on(fake, 'POST', fake.options.oauthTokenPath, (r) => tokenEndpoint(fake, r));
}
