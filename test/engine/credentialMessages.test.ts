/**
 * What a failed Test button says, for every credential with a key a user can mistype: n8n's tester shows only
 * the status line's reason ("Unauthorized") unless the credential gives a message for the status, so each
 * message names the field to check, and never holds the wrong value typed.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { MileAppFake } from '../fakes/mileApp';
import { OliverFake } from '../fakes/oliver';
import { OpenDentalFake } from '../fakes/openDental';
import { PlannrFake } from '../fakes/plannr';
import { Engine, testCredential } from './harness';
import { serveFake } from './serveFake';

const oliver = new OliverFake();
const openDental = new OpenDentalFake({ throttle: null });
const plannr = new PlannrFake();
const mileApp = new MileAppFake();
for (const fake of [oliver, openDental, plannr, mileApp]) serveFake(fake);

interface Mistake {
	credential: string;
	/** The credential as the user saved it, with one field wrong. */
	data: () => ICredentialDataDecryptedObject;
	wrongValue: string;
	/** The fields the message must name. */
	names: string[];
}

const MISTAKES: Array<[string, Mistake]> = [
	[
		'Open Dental, a wrong Customer Key',
		{
			credential: 'openDentalApi',
			data: () => ({ ...openDental.credentialData(), customerApiKey: 'Office-Key-Wrong-77' }),
			wrongValue: 'Office-Key-Wrong-77',
			names: ['Developer Key', 'Customer Key'],
		},
	],
	[
		'Open Dental, a wrong Developer Key',
		{
			credential: 'openDentalApi',
			data: () => ({ ...openDental.credentialData(), developerApiKey: 'Dev-Key-Wrong-78' }),
			wrongValue: 'Dev-Key-Wrong-78',
			names: ['Developer Key', 'Customer Key'],
		},
	],
	[
		'Open Dental, a Base URL where no Open Dental answers',
		{
			credential: 'openDentalApi',
			data: () => ({ ...openDental.credentialData(), baseUrl: `${openDental.url}/nothing-here` }),
			wrongValue: 'nothing-here',
			names: ['Connection', 'Base URL'],
		},
	],
	[
		'MileApp, a wrong Personal Token',
		{
			credential: 'mileAppApi',
			data: () => ({ ...mileApp.credentialData(), token: 'mileapp-token-wrong-79' }),
			wrongValue: 'mileapp-token-wrong-79',
			names: ['Personal Token'],
		},
	],
	[
		'Plannr, a wrong Personal Access Token',
		{
			credential: 'plannrApi',
			data: () => ({ ...plannr.credentialData(), accessToken: 'PAT-Wrong-80' }),
			wrongValue: 'PAT-Wrong-80',
			names: ['Personal Access Token'],
		},
	],
	[
		'Oliver, a Location ID the API user may not use',
		{
			credential: 'oliverApi',
			data: () => ({ ...oliver.credentialData(), locationId: 'location-wrong-81' }),
			wrongValue: 'location-wrong-81',
			names: ['Location ID'],
		},
	],
];

let engine: Engine;
beforeEach(() => {
	engine = new Engine();
});

describe('a failed credential Test names the field to check', () => {
	it.each(MISTAKES)('%s', async (_, mistake) => {
		const verdict = await testCredential(engine, mistake.credential, mistake.data());

		expect(verdict.status).toBe('Error');
		for (const name of mistake.names) expect(verdict.message).toContain(name);
		expect(verdict.message).not.toContain(mistake.wrongValue);
	});

	it('Plannr, an account the token’s user has no login to: the Account UUID', async () => {
		const other = plannr.addClient({ first_name: 'No', last_name: 'Login' });
		const verdict = await testCredential(engine, 'plannrApi', {
			...plannr.credentialData(),
			accountUuid: other.uuid,
		});

		expect(verdict.status).toBe('Error');
		expect(verdict.message).toContain('Account UUID');
	});
});
