import { HumanityFake, HUMANITY_API_PREFIX, HUMANITY_TOKEN_PATH } from '../fakes/humanity';
import { Engine, testCredential } from './harness';
import { serveFake } from './serveFake';

const fake = new HumanityFake();
let engine: Engine;

serveFake(fake);
beforeEach(() => {
	fake.reset();
	engine = new Engine();
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
