/** The fake Plannr: tokens, the account header and the rate limit (gates.ts). */
import { api, call, fake, james, T0, useFake, withFake } from './testing';

useFake();

describe('auth', () => {
	it('answers 401 {"message":"Unauthenticated."} without a valid bearer token', async () => {
		expect((await api('GET', '/api/v1/task-status')).status).toBe(200);
		fake.issuePersonalAccessToken(fake.primaryUser.uuid, 'expired-token', T0 - 1);
		for (const headers of [
			{} as Record<string, string>,
			{ Authorization: 'Bearer nope' },
			{ Authorization: `Basic ${fake.options.personalAccessToken}` },
			{ Authorization: 'Bearer expired-token' },
		]) {
			const answer = await api('GET', '/api/v1/task-status', { token: null, headers });
			expect([answer.status, answer.body]).toEqual([401, { message: 'Unauthenticated.' }]);
		}
		// The scheme name is case-insensitive; a revoked token stops working.
		expect(
			(
				await api('GET', '/api/v1/task-status', {
					token: null,
					headers: { Authorization: `bearer ${fake.options.personalAccessToken}` },
				})
			).status,
		).toBe(200);
		fake.revokeToken(fake.options.personalAccessToken);
		expect((await api('GET', '/api/v1/task-status')).status).toBe(401);
	});

	it('X-PLANNR-ACCOUNT-UUID must name one of the token user’s accounts: 403, or 401 by option', async () => {
		for (const account of [null, 'not-an-account', james.account]) {
			const answer = await api('GET', '/api/v1/task', { account });
			expect(answer.status).toBe(403);
			expect(answer.body).toEqual({ message: expect.any(String) });
		}
		// James's token acts for James's account, not the primary one.
		expect(
			(await api('GET', '/api/v1/task', { token: james.token, account: james.account })).status,
		).toBe(200);
		expect((await api('GET', '/api/v1/task', { token: james.token })).status).toBe(403);
		await withFake({ accountHeaderFailureStatus: 401 }, async (other) => {
			const answer = await call(other, 'GET', '/api/v1/task', { account: null });
			expect([answer.status, answer.body]).toEqual([401, { message: 'Unauthenticated.' }]);
		});
	});

	it('GET /api/v1/logins needs no account header and lists the logins with preferred_account_uuid', async () => {
		const answer = await api('GET', '/api/v1/logins', { account: null });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			data: [
				expect.objectContaining({
					uuid: expect.any(String),
					primary: true,
					email: 'sarah.mitchell@example.com',
					account: expect.objectContaining({
						uuid: fake.options.accountUuid,
						type: 'employee',
						role: 'owner',
						first_name: 'Sarah',
						last_name: 'Mitchell',
					}),
					firm: expect.objectContaining({ uuid: fake.firm.uuid, name: fake.firm.name }),
				}),
			],
			preferred_account_uuid: fake.options.accountUuid,
		});
		// A user with an admin and a client account: two logins, either works as the header.
		const clientAccount = fake.addClient({ first_name: 'Dual', last_name: 'Role' });
		const dual = fake.addAccount({ first_name: 'Dual', last_name: 'Role', role: 'admin' });
		fake.addUser({ email: 'dual@example.com' }, [dual.uuid, clientAccount.uuid], 'dual-token');
		const logins = await api('GET', '/api/v1/logins', { token: 'dual-token', account: null });
		expect(
			logins.body.data.map((login: { account: { uuid: string } }) => login.account.uuid),
		).toEqual([dual.uuid, clientAccount.uuid]);
		expect(logins.body.preferred_account_uuid).toBe(dual.uuid);
		expect(
			(await api('GET', '/api/v1/task', { token: 'dual-token', account: clientAccount.uuid }))
				.status,
		).toBe(200);

		await withFake({ preferredAccountPlacement: 'each-login' }, async (other) => {
			const body = (await call(other, 'GET', '/api/v1/logins')).body;
			expect(body.preferred_account_uuid).toBeUndefined();
			expect(body.data[0].preferred_account_uuid).toBe(other.options.accountUuid);
		});
	});

	it('an unknown route is a 404 in Laravel’s words, before auth', async () => {
		const answer = await api('GET', '/api/v1/nothing', { token: null });
		expect([answer.status, answer.body]).toEqual([
			404,
			{ message: 'The route api/v1/nothing could not be found.' },
		]);
	});
});

describe('rate limit', () => {
	it('every answer carries X-Ratelimit-Limit/Remaining; over the limit a 429; the window resets', async () => {
		let ms = 0;
		await withFake({ rateLimitPerMinute: 3, rateLimitClock: () => ms }, async (other) => {
			const remaining: (string | null)[] = [];
			for (let i = 0; i < 3; i++) {
				const answer = await call(other, 'GET', '/api/v1/task-status');
				expect(answer.status).toBe(200);
				expect(answer.headers.get('x-ratelimit-limit')).toBe('3');
				remaining.push(answer.headers.get('x-ratelimit-remaining'));
				ms += 1000;
			}
			expect(remaining).toEqual(['2', '1', '0']);
			const refused = await call(other, 'GET', '/api/v1/task-status');
			expect([refused.status, refused.body]).toEqual([429, { message: 'Too Many Attempts.' }]);
			expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
			// Per user: another user's token has its own window; a 422 counts like any answer.
			const second = other.addEmployee(
				{ first_name: 'B', last_name: 'C' },
				{ token: 'second' },
			).account;
			const secondAnswer = await call(other, 'POST', '/api/v1/task', {
				token: 'second',
				account: second.uuid,
				body: {},
			});
			expect([secondAnswer.status, secondAnswer.headers.get('x-ratelimit-remaining')]).toEqual([
				422,
				'2',
			]);
			ms = 60_000;
			const after = await call(other, 'GET', '/api/v1/task-status');
			expect([after.status, after.headers.get('x-ratelimit-remaining')]).toEqual([200, '2']);
		});
	});

	it('unauthenticated requests share a guest window and carry the headers; the limit can be turned off', async () => {
		let ms = 0;
		await withFake({ rateLimitPerMinute: 1, rateLimitClock: () => ms }, async (other) => {
			const first = await call(other, 'GET', '/api/v1/task', { token: null });
			expect([first.status, first.headers.get('x-ratelimit-remaining')]).toEqual([401, '0']);
			expect((await call(other, 'GET', '/api/v1/task', { token: 'wrong' })).status).toBe(429);
			expect((await call(other, 'GET', '/api/v1/task')).status).toBe(200);
		});
		const unlimited = await api('GET', '/api/v1/task-status');
		expect(unlimited.headers.get('x-ratelimit-remaining')).toBeNull();
		await withFake({ rateLimitPerMinute: undefined }, async (other) => {
			expect(
				(await call(other, 'GET', '/api/v1/task-status')).headers.get('x-ratelimit-limit'),
			).toBe('500');
		});
	});

	// [inferred] sheet: "No `Retry-After` or reset header is documented": none by default, Laravel's both by option.
	it.each([
		[false, null, null],
		[true, '60', '60'],
	])(
		'[inferred] rateLimitRetryAfter %s: the 429 carries Retry-After %s and X-RateLimit-Reset %s (epoch seconds)',
		async (rateLimitRetryAfter, retryAfter, reset) => {
			await withFake(
				{ rateLimitPerMinute: 1, rateLimitRetryAfter, rateLimitClock: () => 0 },
				async (other) => {
					expect((await call(other, 'GET', '/api/v1/task-status')).status).toBe(200);
					const refused = await call(other, 'GET', '/api/v1/task-status');
					expect(refused.status).toBe(429);
					expect(refused.headers.get('retry-after')).toBe(retryAfter);
					expect(refused.headers.get('x-ratelimit-reset')).toBe(reset);
					expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
				},
			);
		},
	);
});
