/** The fake Oliver: sign-in, the JSON headers, the token and the location header (auth.ts). */
import axios from 'axios';
import { OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH } from '.';
import { api, fake, http, setApi, setNow, signedIn, T0, TASKS, useFake, withFake } from './testing';

useFake();

describe('sign-in and auth', () => {
	it('signs in with username, password and ROLE_API, answering a JWT-shaped token', async () => {
		fake.reset();
		const answer = await http.post(`${fake.url}${OLIVER_SIGN_IN_PATH}`, {
			username: 'api-user',
			password: 'api-pass',
			role: 'ROLE_API',
		});
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({
			success: true,
			data: { token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) },
		});
		const payload = JSON.parse(
			Buffer.from(answer.data.data.token.split('.')[1], 'base64url').toString(),
		);
		expect(payload.exp - payload.iat).toBe(3600);
		expect(fake.signInCount).toBe(1);
	});

	it.each([
		['a wrong password', { username: 'api-user', password: 'nope', role: 'ROLE_API' }],
		['a wrong role', { username: 'api-user', password: 'api-pass', role: 'ROLE_USER' }],
		['no role', { username: 'api-user', password: 'api-pass' }],
		['no body', undefined],
	])('refuses %s with 401 and the error envelope', async (_case, body) => {
		fake.reset();
		const answer = await http.post(`${fake.url}${OLIVER_SIGN_IN_PATH}`, body);
		expect(answer.status).toBe(401);
		expect(answer.data).toEqual({ success: false, message: expect.any(String) });
		expect(fake.signInCount).toBe(0);
	});

	it('refuses a sign-in body that is not JSON with 400', async () => {
		const answer = await http.post(
			`${fake.url}${OLIVER_SIGN_IN_PATH}`,
			'username=api-user&password=api-pass&role=ROLE_API',
		);
		expect(answer.status).toBe(400);
		expect(answer.data.success).toBe(false);
	});

	it('needs a live bearer token and the location id on every other call', async () => {
		const token = fake.issueToken();
		const call = (headers: Record<string, string>) => http.get(`${fake.url}${TASKS}`, { headers });

		expect((await call({ Authorization: `Bearer ${token}`, 'X-Client-Id': 'loc-1' })).status).toBe(
			200,
		);
		expect((await call({ Authorization: `bearer ${token}`, 'X-Client-Id': 'loc-1' })).status).toBe(
			200,
		);
		const refused: Array<Record<string, string>> = [
			{ 'X-Client-Id': 'loc-1' },
			{ Authorization: 'Bearer not-a-token', 'X-Client-Id': 'loc-1' },
			{ Authorization: token, 'X-Client-Id': 'loc-1' },
			{ Authorization: `Bearer ${token}` },
			{ Authorization: `Bearer ${token}`, 'X-Client-Id': 'loc-2' },
		];
		for (const headers of refused) {
			const answer = await call(headers);
			expect([answer.status, answer.data]).toEqual([
				401,
				{ success: false, message: expect.any(String) },
			]);
		}
		// The look-ups are guarded too.
		expect((await http.get(`${fake.url}${OLIVER_API_PREFIX}/clients?name=a`)).status).toBe(401);
	});

	it('every request, the sign-in and GETs included, needs Content-Type and Accept application/json, else 400 before the token is read', async () => {
		const token = fake.issueToken();
		const signInsBefore = fake.signInCount;
		const auth = { Authorization: `Bearer ${token}`, 'X-Client-Id': 'loc-1' };
		const bare = axios.create({ validateStatus: () => true, timeout: 3000 });
		const signIn = (headers: Record<string, string>) =>
			bare.post(
				`${fake.url}${OLIVER_SIGN_IN_PATH}`,
				JSON.stringify({ username: 'api-user', password: 'api-pass', role: 'ROLE_API' }),
				{ headers },
			);
		const refusals = [
			await signIn({ 'Content-Type': 'text/plain', Accept: 'application/json' }),
			await signIn({ 'Content-Type': 'application/json', Accept: 'text/html' }),
			// axios's own Accept names application/json: only the Content-Type is missing.
			await bare.get(`${fake.url}${TASKS}`, { headers: auth }),
			await bare.get(`${fake.url}${TASKS}`, {
				headers: { ...auth, 'Content-Type': 'application/json', Accept: '*/*' },
			}),
			// Before the token: no token and no headers is a 400, not a 401.
			await bare.get(`${fake.url}${TASKS}`),
		];
		for (const answer of refusals) {
			expect([answer.status, answer.data]).toEqual([
				400,
				{ success: false, message: expect.stringContaining('Content-Type: application/json') },
			]);
		}
		expect(fake.signInCount).toBe(signInsBefore);

		// Parameters and other listed types do not matter.
		const json = { 'Content-Type': 'application/json; charset=utf-8' };
		expect((await signIn({ ...json, Accept: 'application/json, text/plain, */*' })).status).toBe(
			200,
		);
		expect(
			(
				await bare.get(`${fake.url}${TASKS}`, {
					headers: { ...auth, ...json, Accept: 'application/json;q=0.9' },
				})
			).status,
		).toBe(200);
	});

	it('with requireJsonHeaders off, GETs and sign-ins without them are served; a body must still be JSON', async () => {
		await withFake({ requireJsonHeaders: false }, async (other, good) => {
			const bare = axios.create({ validateStatus: () => true, timeout: 3000 });
			const signIn = await bare.post(
				`${other.url}${OLIVER_SIGN_IN_PATH}`,
				{
					username: other.options.username,
					password: other.options.password,
					role: 'ROLE_API',
				},
				{ headers: { Accept: '*/*' } },
			);
			expect(signIn.status).toBe(200);
			const list = await bare.get(`${other.url}${TASKS}`, {
				headers: {
					Authorization: `Bearer ${signIn.data.data.token}`,
					'X-Client-Id': other.options.locationId,
					Accept: '*/*',
				},
			});
			expect([list.status, list.data.success]).toEqual([200, true]);
			expect(other.requests.at(-1)?.headers['content-type']).toBeUndefined();

			const form = await good.post('/staff_tasks', 'title=x', {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect([form.status, form.data.success]).toEqual([400, false]);
		});
	});

	it('expireTokens() and the token lifetime both lead to 401', async () => {
		expect((await api.get('/staff_tasks')).status).toBe(200);
		fake.expireTokens();
		expect((await api.get('/staff_tasks')).status).toBe(401);

		setApi(await signedIn());
		setNow(T0 + fake.options.tokenTtlMs - 1);
		expect((await api.get('/staff_tasks')).status).toBe(200);
		setNow(T0 + fake.options.tokenTtlMs);
		expect((await api.get('/staff_tasks')).status).toBe(401);
	});

	it('the status for a wrong X-Client-Id is an option', async () => {
		await withFake({ wrongLocationStatus: 403, locationId: 'clinic-9' }, async (other, good) => {
			expect((await good.get('/staff_tasks')).status).toBe(200);
			const answer = await good.get('/staff_tasks', { headers: { 'X-Client-Id': 'loc-1' } });
			expect([answer.status, answer.data.success]).toEqual([403, false]);
			expect(other.requests.at(-1)?.headers['x-client-id']).toBe('loc-1');
		});
	});
});
