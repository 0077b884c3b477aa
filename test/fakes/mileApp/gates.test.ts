/** The fake MileApp: auth, Accept, routing (404, 405) and error answers (gates.ts, errors.ts). */
import { MileAppFake } from '.';
import { api, call, CallOptions, fake, useFake, withFake, withoutAccept } from './testing';

useFake();

describe('auth, Accept, routes, errors', () => {
	it('answers 401 {status: false, message} without a valid personal token; the scheme is case-insensitive', async () => {
		expect((await api('GET', '/hubs')).status).toBe(200);
		for (const options of [
			{ token: null },
			{ token: 'nope' },
			{ token: null, headers: { Authorization: `Basic ${fake.options.token}` } },
		] as CallOptions[]) {
			const answer = await api('GET', '/hubs', options);
			expect([answer.status, answer.body]).toEqual([
				401,
				{ status: false, message: 'Unauthenticated.' },
			]);
		}
		expect(
			(
				await api('GET', '/hubs', {
					token: null,
					headers: { Authorization: `bearer ${fake.options.token}` },
				})
			).status,
		).toBe(200);
		expect((await api('GET', '/hubs', { token: 'dewi-token' })).status).toBe(200);
		fake.revokeToken('dewi-token');
		expect((await api('GET', '/hubs', { token: 'dewi-token' })).status).toBe(401);
	});

	it('answers 406 unless Accept allows application/json or */*; a missing Accept is */* (or 406 by option)', async () => {
		for (const accept of [
			'text/html',
			'application/xml',
			'application/*',
			'text/plain, application/xml;q=0.9',
		]) {
			const answer = await api('GET', '/hubs', { accept });
			expect([answer.status, answer.body]).toEqual([
				406,
				{ status: false, message: expect.stringContaining('application/json') },
			]);
		}
		for (const accept of [
			'application/json',
			'*/*',
			'application/json, text/plain, */*',
			'text/html;q=0.9, application/json;q=0.8',
		]) {
			expect((await api('GET', '/hubs', { accept })).status).toBe(200);
		}
		expect((await withoutAccept(fake, '/hubs')).status).toBe(200);
		// By default the Accept check comes first: a bad Accept without a token is a 406.
		expect((await api('GET', '/hubs', { accept: 'text/html', token: null })).status).toBe(406);
		await withFake({ missingAccept: 'reject', acceptCheck: 'after-auth' }, async (other) => {
			expect((await withoutAccept(other, '/hubs')).status).toBe(406);
			expect((await call(other, 'GET', '/hubs', { accept: 'text/html', token: null })).status).toBe(
				401,
			);
		});
	});

	it('an unknown URL is a 404 and a known one with another method a 405, both {status: false, message}', async () => {
		const missing = await api('GET', '/nothing');
		expect([missing.status, missing.body]).toEqual([404, { status: false, message: 'Not Found' }]);
		const wrong = await api('POST', '/tasks');
		expect([wrong.status, wrong.body]).toEqual([
			405,
			{ status: false, message: 'Method Not Allowed' },
		]);
		expect(wrong.headers.get('allow')).toBe('GET');
		expect((await api('PATCH', '/task/x/assign')).status).toBe(405);
	});

	it('errors can go out under HTTP 200 with status: false, on POST only or always (option)', async () => {
		await withFake({ errorHttpStatus: 'post-200' }, async (other) => {
			const created = await call(other, 'POST', '/task', { body: {} });
			expect([created.status, created.body]).toEqual([
				200,
				{ status: false, message: 'The flow field is required.' },
			]);
			expect((await call(other, 'GET', '/task/nope')).status).toBe(404);
		});
		await withFake({ errorHttpStatus: 'always-200' }, async (other) => {
			const answer = await call(other, 'GET', '/task/nope');
			expect([answer.status, answer.body]).toEqual([
				200,
				{ status: false, message: 'Data not found' },
			]);
			expect((await call(other, 'GET', '/hubs', { token: 'bad' })).body).toEqual({
				status: false,
				message: 'Unauthenticated.',
			});
		});
	});

	it('429 over 100 requests a second per organization (a fixed window); no Retry-After or X-RateLimit headers by default', async () => {
		let ms = 0;
		await withFake({ rateLimitPerSecond: 3, rateLimitClock: () => ms }, async (other) => {
			other.addUser({ name: 'Second', email: 'second@example.com' }, 'second-token');
			for (let i = 0; i < 2; i++) {
				const answer = await call(other, 'GET', '/hubs');
				expect([answer.status, answer.headers.get('x-ratelimit-remaining')]).toEqual([200, null]);
			}
			// Per organization: another user's token counts in the same window.
			expect((await call(other, 'GET', '/hubs', { token: 'second-token' })).status).toBe(200);
			ms = 400;
			const refused = await call(other, 'GET', '/hubs');
			expect([refused.status, refused.body]).toEqual([
				429,
				{ status: false, message: 'Too Many Requests' },
			]);
			// Documented: "wait 60 seconds before retrying"; no Retry-After is documented.
			expect(refused.headers.get('retry-after')).toBeNull();
			ms = 1000;
			expect((await call(other, 'GET', '/hubs')).status).toBe(200);
		});
		expect(new MileAppFake().options).toMatchObject({
			rateLimitPerSecond: 100,
			rateLimitHeaders: false,
		});
	});

	it.each([
		['fixed', [200, 200, 200]],
		['sliding', [200, 200, 429]],
	] as const)(
		'[inferred] rateLimitWindow %s: 3 a second, 2 requests at 0 ms and 1 at 600 ms; at 1000 ms three more answer %j',
		async (rateLimitWindow, answers) => {
			let ms = 0;
			await withFake(
				{ rateLimitPerSecond: 3, rateLimitClock: () => ms, rateLimitWindow },
				async (other) => {
					const statuses = async (count: number) => {
						const seen: number[] = [];
						for (let i = 0; i < count; i++) seen.push((await call(other, 'GET', '/hubs')).status);
						return seen;
					};
					expect(await statuses(2)).toEqual([200, 200]);
					ms = 600;
					expect(await statuses(1)).toEqual([200]);
					ms = 1000;
					expect(await statuses(3)).toEqual(answers);
				},
			);
		},
	);

	it('[inferred] rateLimitHeaders: X-RateLimit-Limit/-Remaining on every answer and Retry-After on a 429', async () => {
		let ms = 0;
		await withFake(
			{ rateLimitPerSecond: 2, rateLimitClock: () => ms, rateLimitHeaders: true },
			async (other) => {
				const remaining = [];
				for (let i = 0; i < 2; i++)
					remaining.push((await call(other, 'GET', '/hubs')).headers.get('x-ratelimit-remaining'));
				expect(remaining).toEqual(['1', '0']);
				ms = 400;
				const refused = await call(other, 'GET', '/hubs');
				expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '1']);
			},
		);
	});

	it('a body that is not a JSON object is a 400; one over the size limit a 413', async () => {
		for (const raw of ['{"flow": "Vis', '[1,2]', '"text"']) {
			const answer = await api('POST', '/task', { raw });
			expect([answer.status, answer.body.status]).toEqual([400, false]);
		}
		await withFake({ maxBodyBytes: 100 }, async (other) => {
			const answer = await call(other, 'POST', '/task', { body: { flow: 'x'.repeat(200) } });
			expect([answer.status, answer.body]).toEqual([
				413,
				{ status: false, message: 'Payload Too Large' },
			]);
		});
		expect(fake.tasks.size).toBe(0);
	});

	it.each(['Unauthenticated.', 'Token expired'])(
		'[inferred] unauthorizedMessage %j: a request without a valid token is a 401 {status: false, message} with it',
		async (unauthorizedMessage) => {
			await withFake({ unauthorizedMessage }, async (other) => {
				const answer = await call(other, 'GET', '/hubs', { token: 'nope' });
				expect([answer.status, answer.body]).toEqual([
					401,
					{ status: false, message: unauthorizedMessage },
				]);
			});
		},
	);

	it.each([400, 422] as const)(
		'[inferred] validationStatus %i: a create without its flow and a body that is not a JSON object are refused with it',
		async (validationStatus) => {
			await withFake({ validationStatus }, async (other) => {
				const missingFlow = await call(other, 'POST', '/task', { body: {} });
				expect([missingFlow.status, missingFlow.body]).toEqual([
					validationStatus,
					{ status: false, message: 'The flow field is required.' },
				]);
				expect((await call(other, 'POST', '/task', { raw: '[1,2]' })).status).toBe(
					validationStatus,
				);
				expect(other.tasks.size).toBe(0);
			});
		},
	);
});
