/**
 * The Humanity credential: its Test button as n8n's credential tester runs it, and the token the node gets by the
 * password grant, reuses until it expires and renews once when refused.
 */
import { HUMANITY_API_PREFIX, HUMANITY_TOKEN_PATH } from '../../fakes/humanity';
import { testCredential } from '../harness';
import {
	apiCalls,
	byId,
	credentialId,
	engine,
	fake,
	humanity,
	seed,
	tokenRequests,
	useHumanity,
} from './setup';

useHumanity();
afterEach(() => {
	fake.options.tokenErrors = 'oauth2';
});

describe('Humanity credential', () => {
	it('Test button: gets a token by the password grant, then calls /me with it as access_token', async () => {
		const verdict = await testCredential(engine, 'humanityApi', fake.credentialData());

		expect(verdict).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		expect(fake.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', HUMANITY_TOKEN_PATH],
			['GET', `${HUMANITY_API_PREFIX}/me`],
		]);
		const grant = fake.requests[0].body as Record<string, string>;
		expect(grant).toMatchObject({
			grant_type: 'password',
			client_id: fake.options.appId,
			username: fake.options.username,
		});
		// getting-started: form-encoded, these five; "Redirect URI is not required", so none is sent.
		expect(fake.requests[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		expect(Object.keys(grant).sort()).toEqual([
			'client_id',
			'client_secret',
			'grant_type',
			'password',
			'username',
		]);
		expect(fake.requests[1].query.access_token).toMatch(/^[0-9a-f]{40}$/);
		expect(fake.tokenGrants).toBe(1);
	});

	it("Test button: a wrong password fails with Humanity's reason and no secret in the message", async () => {
		const verdict = await testCredential(engine, 'humanityApi', {
			...fake.credentialData(),
			password: 'wrong-password-123',
		});

		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain('Invalid username and password combination');
		for (const secret of ['wrong-password-123', fake.options.appSecret])
			expect(verdict.message).not.toContain(secret);
		expect(
			fake.requests.filter((request) => request.path.startsWith(HUMANITY_API_PREFIX)),
		).toHaveLength(0);
	});

	it('Test button: a wrong app secret fails without the secret in the message', async () => {
		const verdict = await testCredential(engine, 'humanityApi', {
			...fake.credentialData(),
			appSecret: 'not-the-secret-999',
		});

		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain('client credentials are invalid');
		expect(verdict.message).not.toContain('not-the-secret-999');
	});

	it('Test button: a refused call (envelope status 20 under HTTP 200) is an error', async () => {
		fake.answerCodeNext(20, 1, { path: `${HUMANITY_API_PREFIX}/me` });
		const verdict = await testCredential(engine, 'humanityApi', fake.credentialData());

		expect(verdict).toEqual({
			status: 'Error',
			message: 'The Humanity user lacks permission for this call',
		});
	});
});

describe('token: reused until it expires, renewed once when refused', () => {
	it('gets one token by the password grant and reuses it across executions, as access_token', async () => {
		const { shift } = seed();
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		expect(fake.tokenGrants).toBe(1);
		expect(tokenRequests()[0].body).toMatchObject({
			grant_type: 'password',
			client_id: fake.options.appId,
			client_secret: fake.options.appSecret,
			username: fake.options.username,
			password: fake.options.password,
		});
		const stored = engine.credentials.data(credentialId);
		expect(apiCalls().every((request) => request.query.access_token === stored.accessToken)).toBe(
			true,
		);
		expect(Date.parse(String(stored.accessTokenExpiresAt))).toBeGreaterThan(Date.now());
	});

	it('an expired token (status 3 under HTTP 200) is renewed exactly once and the call succeeds', async () => {
		const { shift } = seed();
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		fake.expireAccessTokens();

		const { items, error } = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(shift.id);
		expect(fake.tokenGrants).toBe(2);
		expect(apiCalls()).toHaveLength(3);
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		expect(fake.tokenGrants).toBe(2);
	});

	it("a token that ran out on Humanity's clock (expires_in) is renewed once and the call succeeds", async () => {
		const { shift } = seed();
		const realClock = fake.options.clock;
		try {
			await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
			const later = Date.now() + (fake.options.accessTokenTtlSeconds + 60) * 1000;
			fake.options.clock = () => new Date(later);
			const { items, error } = await humanity({
				resource: 'shift',
				operation: 'get',
				shiftId: byId(String(shift.id)),
			});
			expect(error).toBeUndefined();
			expect(items[0].json.id).toBe(shift.id);
			expect(fake.tokenGrants).toBe(2);
			expect(tokenRequests()).toHaveLength(2);
		} finally {
			fake.options.clock = realClock;
		}
	});

	it('a token refused again after renewal is an error after exactly one renewal', async () => {
		const { shift } = seed();
		fake.answerCodeNext(3, 5);
		const { error } = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		expect(error?.message).toBe('Humanity: Invalid token key - Please re-authenticate (code 3)');
		expect(fake.tokenGrants).toBe(2);
		expect(apiCalls()).toHaveLength(2);
	});

	it('a token past its expiry time is renewed before use, not sent to be refused', async () => {
		const { shift } = seed();
		const oldToken = fake.issueAccessToken();
		engine.credentials.update(credentialId, {
			...engine.credentials.data(credentialId),
			accessToken: oldToken,
			accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString(),
		});
		await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) });
		expect(fake.tokenGrants).toBe(1);
		expect(apiCalls()).toHaveLength(1);
		expect(apiCalls()[0].query.access_token).not.toBe(oldToken);
	});

	it.each([
		['oauth2', 'HTTP 401): Invalid username and password combination'],
		[
			'envelope',
			'HTTP 200): Authentication Failed - You do not have permissions to access the service: Invalid username and password combination',
		],
	] as const)(
		"a wrong password stops the node with Humanity's reason, without the password or app secret, whatever shape token.php refuses in (tokenErrors %s)",
		async (tokenErrors, reason) => {
			fake.options.tokenErrors = tokenErrors;
			const { shift } = seed();
			engine.credentials.update(credentialId, {
				...engine.credentials.data(credentialId),
				password: 'Wrong-Pass-4471',
			});
			const { items, error, run } = await humanity({
				resource: 'shift',
				operation: 'get',
				shiftId: byId(String(shift.id)),
			});
			expect(items).toEqual([]);
			expect(error?.message).toBe(`Humanity: Humanity sign-in failed (${reason}`);
			expect(apiCalls()).toHaveLength(0);
			const text = JSON.stringify(run.data.resultData);
			for (const secret of ['Wrong-Pass-4471', fake.options.appSecret])
				expect(text).not.toContain(secret);
		},
	);

	it('no secret (app secret, password, token) appears in output or errors', async () => {
		const { shift } = seed();
		fake.answerCodeNext(20, 1, { detail: 'not yours' });
		const failed = await humanity(
			{ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) },
			[{}],
			{ continueOnFail: true },
		);
		const ok = await humanity({
			resource: 'shift',
			operation: 'get',
			shiftId: byId(String(shift.id)),
		});
		const token = String(engine.credentials.data(credentialId).accessToken);
		const text = JSON.stringify([failed.items, ok.items, failed.run.data.resultData]);
		expect(failed.items[0].json.error).toBe(
			"Humanity: Incorrect Permissions - You don't have the proper permissions to access this: not yours (code 20)",
		);
		for (const secret of [token, fake.options.appSecret, fake.options.password])
			expect(text).not.toContain(secret);
	});
});
