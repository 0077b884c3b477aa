import { MileAppFake, MILEAPP_API } from '../../fakes/mileApp';
import { Engine, testCredential } from '../harness';
import { serveFake } from '../serveFake';

const fake = new MileAppFake();
let engine: Engine;

serveFake(fake);
beforeEach(() => {
	fake.reset();
	engine = new Engine();
});

describe('MileApp credential', () => {
	it('Test button: lists one hub with `Authorization: Bearer <personal token>` and a JSON Accept header', async () => {
		const verdict = await testCredential(engine, 'mileAppApi', fake.credentialData());

		expect(verdict.status).toBe('OK');
		expect(
			fake.requests.map((request) => [request.method, request.path, request.query.limit]),
		).toEqual([['GET', `${MILEAPP_API}/hubs`, '1']]);
		expect(fake.requests[0].headers.authorization).toBe(`Bearer ${fake.options.token}`);
		expect(fake.requests[0].headers.accept).toContain('application/json');
	});

	it('Test button: a wrong token is reported as an error, without the token in it', async () => {
		const verdict = await testCredential(engine, 'mileAppApi', {
			...fake.credentialData(),
			token: 'not-a-mileapp-token',
		});

		expect(verdict.status).toBe('Error');
		expect(verdict.message).not.toContain('not-a-mileapp-token');
	});

	it('Test button: a base URL with a trailing slash still reaches /api/v3/hubs', async () => {
		const verdict = await testCredential(engine, 'mileAppApi', {
			...fake.credentialData(),
			baseUrl: `${fake.url}${MILEAPP_API}/`,
		});
		expect(verdict.status).toBe('OK');
		expect(fake.requests[0].path).toBe(`${MILEAPP_API}/hubs`);
	});
});
