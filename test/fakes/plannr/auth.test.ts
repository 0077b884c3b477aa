/** The fake Plannr: OAuth2 authorization code and tokens (auth.ts). */
import { PlannrFake } from '.';
import { Answer, api, call, fake, setNow, T0, useFake, withFake } from './testing';

useFake();

describe('OAuth2 authorization code', () => {
	const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

	async function authorize(
		target: PlannrFake,
		query: Record<string, string> = {},
	): Promise<Answer> {
		return await call(target, 'GET', target.options.oauthAuthorizePath, {
			token: null,
			account: null,
			redirect: 'manual',
			query: {
				client_id: target.options.oauthClientId,
				redirect_uri: redirectUri,
				response_type: 'code',
				state: 'xyz',
				...query,
			},
		});
	}

	async function codeFrom(target: PlannrFake): Promise<string> {
		const answer = await authorize(target);
		expect(answer.status).toBe(302);
		const location = new URL(answer.headers.get('location')!);
		expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
		expect(location.searchParams.get('state')).toBe('xyz');
		return location.searchParams.get('code')!;
	}

	const tokenCall = (form: Record<string, string>, headers?: Record<string, string>) =>
		api('POST', fake.options.oauthTokenPath, { token: null, account: null, form, headers });

	it('authorize redirects with a code; the code (form body) gives tokens that act for the user; refresh rotates them', async () => {
		const code = await codeFrom(fake);
		const exchanged = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect(exchanged.status).toBe(200);
		expect(exchanged.body).toEqual({
			token_type: 'Bearer',
			expires_in: 3600,
			access_token: expect.any(String),
			refresh_token: expect.any(String),
		});
		const { access_token: access, refresh_token: refresh } = exchanged.body;
		expect((await api('GET', '/api/v1/task-status', { token: access })).status).toBe(200);

		// A code is used once.
		const again = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([again.status, again.body.error]).toEqual([400, 'invalid_grant']);

		// Refresh with a JSON body and the client in a Basic header.
		const basic = Buffer.from(
			`${fake.options.oauthClientId}:${fake.options.oauthClientSecret}`,
		).toString('base64');
		const refreshed = await api('POST', fake.options.oauthTokenPath, {
			token: null,
			account: null,
			body: { grant_type: 'refresh_token', refresh_token: refresh },
			headers: { Authorization: `Basic ${basic}` },
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(access);
		expect(
			(await api('GET', '/api/v1/task-status', { token: refreshed.body.access_token })).status,
		).toBe(200);
		// The old pair is revoked.
		expect((await api('GET', '/api/v1/task-status', { token: access })).status).toBe(401);
		const stale = await tokenCall({
			grant_type: 'refresh_token',
			refresh_token: refresh,
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([stale.status, stale.body.error]).toEqual([400, 'invalid_grant']);

		// Access tokens expire on the fake's clock.
		setNow(T0 + 3_600_000);
		expect(
			(await api('GET', '/api/v1/task-status', { token: refreshed.body.access_token })).status,
		).toBe(401);
	});

	it('refuses a wrong client, an unknown grant, a mismatched redirect and a wrong response type', async () => {
		const code = await codeFrom(fake);
		const wrongSecret = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: fake.options.oauthClientId,
			client_secret: 'nope',
		});
		expect([wrongSecret.status, wrongSecret.body.error]).toEqual([401, 'invalid_client']);
		const password = await tokenCall({
			grant_type: 'password',
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([password.status, password.body.error]).toEqual([400, 'unsupported_grant_type']);
		const otherRedirect = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: 'http://elsewhere/cb',
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([otherRedirect.status, otherRedirect.body.error]).toEqual([400, 'invalid_grant']);

		expect((await authorize(fake, { client_id: 'unknown' })).status).toBe(401);
		expect((await authorize(fake, { response_type: 'token' })).body.error).toBe(
			'unsupported_response_type',
		);
		await withFake(
			{ oauthRedirectUri: redirectUri, oauthAuthorizePath: '/oauth2/authorize' },
			async (other) => {
				expect((await authorize(other)).status).toBe(302);
				expect((await authorize(other, { redirect_uri: 'http://evil/cb' })).status).toBe(401);
			},
		);
	});
});
