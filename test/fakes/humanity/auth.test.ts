/** The fake Humanity: the OAuth2 token endpoint (auth.ts). */
import { HUMANITY_TOKEN_PATH } from '.';
import {
	api,
	call,
	expectCode,
	fake,
	ok,
	passwordGrant,
	sam,
	setNow,
	T0,
	useFake,
	withFake,
} from './testing';

useFake();

describe('token endpoint (oauth2/token.php)', () => {
	it('the password grant (form body) answers the documented token; it works as ?access_token= and as a Bearer header', async () => {
		const answer = await passwordGrant(fake);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
			expires_in: 3600,
			token_type: 'bearer',
			scope: null,
			refresh_token: expect.any(String),
		});
		expect(fake.tokenGrants).toBe(1);
		const issued = answer.body.access_token;
		expect(ok(await api('GET', '/me', { token: issued }))).toMatchObject({
			id: fake.primaryUser.id,
			name: 'Dana Whitfield',
			role: 'manager',
		});
		expect(ok(await api('GET', '/me', { token: null, bearer: issued })).id).toBe(
			fake.primaryUser.id,
		);
		// Another employee signs in as themselves; the username is read case-insensitively.
		const samToken = (
			await passwordGrant(fake, { username: sam.username.toUpperCase(), password: sam.password })
		).body.access_token;
		expect(ok(await api('GET', '/me', { token: samToken })).id).toBe(sam.id);
		// Only the documented form body is read: the same fields as JSON, or the client as HTTP Basic, are refused.
		const basic = `Basic ${Buffer.from(`${fake.options.appId}:${fake.options.appSecret}`).toString('base64')}`;
		const grant = {
			grant_type: 'password',
			username: fake.options.username,
			password: fake.options.password,
		};
		const asJson = await call(fake, 'POST', HUMANITY_TOKEN_PATH, {
			token: null,
			body: { ...grant, client_id: fake.options.appId, client_secret: fake.options.appSecret },
		});
		expect([asJson.status, asJson.body.error]).toEqual([400, 'invalid_request']);
		const asBasic = await call(fake, 'POST', HUMANITY_TOKEN_PATH, {
			token: null,
			headers: { Authorization: basic },
			form: grant,
		});
		expect([asBasic.status, asBasic.body.error]).toEqual([400, 'invalid_client']);
	});

	it('refuses a wrong app, a wrong password, an unknown or missing grant type, missing fields, and GET, in OAuth2 error shape', async () => {
		const cases: [Record<string, string>, number, string][] = [
			[{ client_secret: 'wrong' }, 400, 'invalid_client'],
			[{ client_id: 'other-app' }, 400, 'invalid_client'],
			[{ client_id: '' }, 400, 'invalid_client'],
			[{ password: 'wrong' }, 401, 'invalid_grant'],
			[{ username: 'nobody@example.com' }, 401, 'invalid_grant'],
			[{ grant_type: 'client_credentials' }, 400, 'unsupported_grant_type'],
			[{ grant_type: '' }, 400, 'invalid_request'],
			[{ password: '' }, 400, 'invalid_request'],
		];
		for (const [overrides, status, error] of cases) {
			const answer = await passwordGrant(fake, overrides);
			expect([answer.status, answer.body.error]).toEqual([status, error]);
			expect(answer.body.error_description).toEqual(expect.any(String));
			expect(JSON.stringify(answer.body)).not.toContain(fake.options.appSecret);
		}
		const get = await call(fake, 'GET', HUMANITY_TOKEN_PATH, { token: null });
		expect([get.status, get.body.error]).toEqual([405, 'invalid_request']);
		expect(fake.tokenGrants).toBe(0);
	});

	it('access tokens expire after expires_in (then code 3 under HTTP 200); expireAccessTokens() expires them now; the lifetime is an option', async () => {
		const issued = (await passwordGrant(fake)).body.access_token;
		setNow(T0 + 3599_000);
		ok(await api('GET', '/me', { token: issued }));
		setNow(T0 + 3600_000);
		expectCode(await api('GET', '/me', { token: issued }), 3, /expired/);

		setNow(T0);
		const fresh = (await passwordGrant(fake)).body.access_token;
		ok(await api('GET', '/me', { token: fresh }));
		fake.expireAccessTokens();
		expectCode(await api('GET', '/me', { token: fresh }), 3);
		expectCode(await api('GET', '/me'), 3);

		await withFake({ accessTokenTtlSeconds: 60 }, async (other) => {
			const grant = await passwordGrant(other);
			expect(grant.body.expires_in).toBe(60);
			setNow(T0 + 60_000);
			expectCode(await call(other, 'GET', '/me', { token: grant.body.access_token }), 3);
		});
	});

	it('grant_type=refresh_token gives a new access token; the refresh token used is revoked (rotateRefreshTokens); revokeRefreshTokens()', async () => {
		const first = (await passwordGrant(fake)).body;
		fake.expireAccessTokens();
		const refresh = (refreshToken: string, target = fake) =>
			call(target, 'POST', HUMANITY_TOKEN_PATH, {
				token: null,
				form: {
					client_id: target.options.appId,
					client_secret: target.options.appSecret,
					grant_type: 'refresh_token',
					refresh_token: refreshToken,
				},
			});
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.body.refresh_token).not.toBe(first.refresh_token);
		ok(await api('GET', '/me', { token: second.body.access_token }));
		const reused = await refresh(first.refresh_token);
		expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
		fake.revokeRefreshTokens();
		expect((await refresh(second.body.refresh_token)).body.error).toBe('invalid_grant');
		expect((await refresh('')).body.error).toBe('invalid_request');

		await withFake({ rotateRefreshTokens: false, refreshTokenTtlSeconds: 100 }, async (other) => {
			const grant = (await passwordGrant(other)).body;
			const again = await refresh(grant.refresh_token, other);
			expect(again.body.refresh_token).toBe(grant.refresh_token);
			expect((await refresh(grant.refresh_token, other)).status).toBe(200);
			setNow(T0 + 100_000);
			expect((await refresh(grant.refresh_token, other)).body.error_description).toBe(
				'Refresh token has expired',
			);
		});
	});

	it('no token or an unknown one is code 3; the Bearer header is refused when acceptBearerHeader is off', async () => {
		expectCode(await api('GET', '/shifts', { token: null }), 3, /no access token/);
		expectCode(await api('GET', '/shifts', { token: 'not-a-token' }), 3, /invalid/);
		await withFake({ acceptBearerHeader: false }, async (other, otherToken) => {
			expectCode(await call(other, 'GET', '/me', { token: null, bearer: otherToken }), 3);
			ok(await call(other, 'GET', '/me', { token: otherToken }));
		});
	});
});
