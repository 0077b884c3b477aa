/**
 * The Oliver credential as the node uses it (sign-in, the token kept and renewed, a pasted token) and its Test
 * button as n8n's credential tester runs it.
 */
import { OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH } from '../../fakes/oliver';
import { testCredential } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import {
	apiCalls,
	credentialData,
	credentialId,
	engine,
	fake,
	oliver,
	signIns,
	useOliver,
} from './setup';

useOliver();

describe('credential', () => {
	it('without a stored token, many items at once share one sign-in', async () => {
		const tasks = Array.from({ length: 50 }, (_, i) => fake.addTask({ title: `Task ${i}` }));

		const { items, error } = await oliver(
			{
				resource: 'staffTask',
				operation: 'update',
				taskId: '={{ $json.id }}',
				updateFields: { title: '={{ $json.title }}' },
			},
			tasks.map((task) => ({ id: task.id, title: `${task.title} (checked)` })),
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(50);
		expect(signIns()).toHaveLength(1);
		expect(tasks.map((task) => fake.tasks.get(task.id)?.title)).toEqual(
			tasks.map((_, i) => `Task ${i} (checked)`),
		);
	});

	it('signs in as an API user and sends the token and location on every call', async () => {
		fake.addTask({ title: 'Call owner' });
		await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });

		expect(signIns()).toHaveLength(1);
		expect(signIns()[0].body).toEqual({
			username: fake.options.username,
			password: fake.options.password,
			role: 'ROLE_API',
		});
		const [call] = apiCalls();
		expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(call.headers['x-client-id']).toBe(fake.options.locationId);
	});

	it('the sign-in a run starts with carries Content-Type and Accept application/json, as every Oliver request must', async () => {
		await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });

		expect(signIns()).toHaveLength(1);
		expectJsonHeadersOnEvery(signIns());
	});

	it('keeps the token between executions instead of signing in each time', async () => {
		await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });
		await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });
		expect(signIns()).toHaveLength(1);
		expect(engine.credentials.data(credentialId).sessionToken).not.toBe('');
	});

	it('signs in again once when Oliver rejects an expired token, and the call succeeds', async () => {
		const task = fake.addTask({ title: 'Refill' });
		await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id });
		fake.expireTokens();

		const { items, error } = await oliver({
			resource: 'staffTask',
			operation: 'get',
			taskId: task.id,
		});

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(task.id);
		expect(signIns()).toHaveLength(2);
		expect(apiCalls().map((call) => call.headers.authorization)).toHaveLength(3);
	});

	it('fails with a clear error when a wrong location is configured', async () => {
		engine.credentials.update(credentialId, credentialData({ locationId: 'some-other-practice' }));
		const { error } = await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });
		expect(error?.httpCode).toBe('401');
	});

	it('uses a pasted access token without signing in', async () => {
		const token = fake.issueToken();
		engine.credentials.update(
			credentialId,
			credentialData({
				authentication: 'accessToken',
				accessToken: token,
				username: '',
				password: '',
			}),
		);
		fake.addTask({ title: 'x' });

		const { items } = await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });

		expect(items).toHaveLength(1);
		expect(signIns()).toHaveLength(0);
		expect(apiCalls()[0].headers.authorization).toBe(`Bearer ${token}`);
	});

	it('Test button: succeeds with good credentials and fails with a wrong password or location', async () => {
		expect(await testCredential(engine, 'oliverApi', credentialData())).toEqual(
			expect.objectContaining({ status: 'OK' }),
		);
		expect(apiCalls()).toHaveLength(1);

		const wrongPassword = await testCredential(
			engine,
			'oliverApi',
			credentialData({ password: 'nope' }),
		);
		expect(wrongPassword.status).toBe('Error');
		expect(wrongPassword.message).not.toContain('nope');

		const wrongLocation = await testCredential(
			engine,
			'oliverApi',
			credentialData({ locationId: 'elsewhere' }),
		);
		expect(wrongLocation.status).toBe('Error');
	});

	it('never puts the password or token into an error', async () => {
		engine.credentials.update(credentialId, credentialData({ password: 'S3cret-pass' }));
		const { error, run } = await oliver({
			resource: 'staffTask',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeDefined();
		expect(JSON.stringify(run)).not.toContain('S3cret-pass');
	});
});

describe('Oliver credential', () => {
	it('Test button: signs in as the API user, then asks for one staff task with the token and the location', async () => {
		const verdict = await testCredential(engine, 'oliverApi', credentialData());

		expect(verdict.status).toBe('OK');
		expect(fake.requests.map((request) => [request.method, request.path])).toEqual([
			['POST', OLIVER_SIGN_IN_PATH],
			['GET', `${OLIVER_API_PREFIX}/staff_tasks`],
		]);
		expect(signIns()[0].body).toMatchObject({
			username: fake.options.username,
			role: 'ROLE_API',
		});
		const [call] = apiCalls();
		expect(call.query).toEqual({ per_page: '1' });
		expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(call.headers['x-client-id']).toBe(fake.options.locationId);
	});

	it('Test button: its sign-in and its call both carry Content-Type and Accept application/json, with a pasted token too', async () => {
		expect((await testCredential(engine, 'oliverApi', credentialData())).status).toBe('OK');
		expect(signIns()).toHaveLength(1);
		expect(apiCalls()).toHaveLength(1);
		expectJsonHeadersOnEvery(fake.requests);

		fake.server.clearRequests();
		const pasted = credentialData({
			authentication: 'accessToken',
			accessToken: fake.issueToken(),
			username: '',
			password: '',
		});
		expect((await testCredential(engine, 'oliverApi', pasted)).status).toBe('OK');
		expect(signIns()).toHaveLength(0);
		expectJsonHeadersOnEvery(fake.requests);
	});

	it("Test button: a wrong password fails with Oliver's reason, without the password in it, and nothing else is called", async () => {
		const verdict = await testCredential(
			engine,
			'oliverApi',
			credentialData({ password: 'Wrong-Pass-3318' }),
		);

		expect(verdict).toEqual({
			status: 'Error',
			message: 'Oliver sign-in failed (HTTP 401): Incorrect username, password or role',
		});
		expect(verdict.message).not.toContain('Wrong-Pass-3318');
		expect(apiCalls()).toHaveLength(0);
	});

	it('Test button: a location the API user may not use fails naming the Location ID', async () => {
		const verdict = await testCredential(
			engine,
			'oliverApi',
			credentialData({ locationId: 'some-other-practice' }),
		);

		// n8n's tester shows the credential's message for a 401; Oliver's own words stay in its answer.
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/^Oliver refused the call: check the Location ID/);
		expect(apiCalls().map((call) => call.headers['x-client-id'])).toContain('some-other-practice');
	});

	it('Test button: a pasted access token is used as it is, without signing in; a stale one fails', async () => {
		const token = fake.issueToken();
		const pasted = (accessToken: string) =>
			credentialData({ authentication: 'accessToken', accessToken, username: '', password: '' });

		expect((await testCredential(engine, 'oliverApi', pasted(token))).status).toBe('OK');
		expect(signIns()).toHaveLength(0);
		expect(apiCalls()[0].headers.authorization).toBe(`Bearer ${token}`);

		fake.expireTokens();
		const stale = await testCredential(engine, 'oliverApi', pasted(token));
		expect(stale.status).toBe('Error');
		expect(stale.message).toContain('Access Token');
		expect(stale.message).not.toContain(token);
		expect(signIns()).toHaveLength(0);
	});

	it('Test button: a 200 answer saying `success: false` fails with the credential’s own message', async () => {
		fake.server.fault({
			path: `${OLIVER_API_PREFIX}/staff_tasks`,
			fault: { status: 200, body: { success: false, message: 'Location suspended' } },
		});

		const verdict = await testCredential(engine, 'oliverApi', credentialData());

		expect(verdict).toEqual({
			status: 'Error',
			message: 'Oliver refused the call: check the Location ID and the API user’s access to it',
		});
	});
});
