import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { OpenDentalApi } from '../../../credentials/OpenDentalApi.credentials';
import { openDentalBaseUrl } from '../../../nodes/OpenDental/api';
import { OpenDentalFake, OPEN_DENTAL_API_PREFIX } from '../../fakes/openDental';
import { Engine, testCredential } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import { serveFake } from '../serveFake';

// The throttle is the node's concern (issue 3), not the credential's: off here.
const fake = new OpenDentalFake({ throttle: null });
let engine: Engine;

serveFake(fake);
beforeEach(() => {
	fake.reset();
	engine = new Engine();
});

describe('Open Dental credential', () => {
	it('Test button: lists task lists with `Authorization: ODFHIR {developer}/{customer}`', async () => {
		const verdict = await testCredential(engine, 'openDentalApi', fake.credentialData());

		expect(verdict.status).toBe('OK');
		expect(fake.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', `${OPEN_DENTAL_API_PREFIX}/tasklists`],
		]);
		expect(fake.requests[0].headers.authorization).toBe(
			`ODFHIR ${fake.options.developerKey}/${fake.options.customerKey}`,
		);
	});

	it('Test button: its call carries Content-Type application/json, without which Open Dental answers 400', async () => {
		expect((await testCredential(engine, 'openDentalApi', fake.credentialData())).status).toBe(
			'OK',
		);
		expectJsonHeadersOnEvery(fake.requests);
	});

	it('Test button: a wrong customer key is reported as an error', async () => {
		const verdict = await testCredential(engine, 'openDentalApi', {
			...fake.credentialData(),
			customerApiKey: 'not-the-office',
		});
		expect(verdict.status).toBe('Error');
	});

	it('API Service connection: calls http://HOST:PORT/api/v1', async () => {
		const { port } = new URL(fake.url);
		const verdict = await testCredential(engine, 'openDentalApi', {
			...fake.credentialData(),
			connection: 'service',
			serviceHost: '127.0.0.1',
			servicePort: Number(port),
			baseUrl: 'http://unused.invalid',
		});
		expect(verdict.status).toBe('OK');
		expect(fake.requests).toHaveLength(1);
	});

	it('the three documented ways in: Remote, Local API on port 30222, API Service on port 30223 (the default port)', () => {
		const servicePort = Number(
			new OpenDentalApi().properties.find((property) => property.name === 'servicePort')?.default,
		);
		expect(servicePort).toBe(30223);
		expect(
			(
				[
					{ connection: 'remote' },
					{ connection: 'local' },
					{ connection: 'service', serviceHost: '192.168.1.20', servicePort },
				] as ICredentialDataDecryptedObject[]
			).map((credentials) => openDentalBaseUrl(credentials)),
		).toEqual([
			'https://api.opendental.com/api/v1',
			'http://localhost:30222/api/v1',
			'http://192.168.1.20:30223/api/v1',
		]);
	});
});
