/**
 * Client → Get and Patient → Get from node version 2: the client picked from Oliver's search, the patient from
 * the patients of a client picked above it (Oliver lists patients only by client); or either typed By ID.
 * Version 1 keeps the typed Client ID and Patient ID.
 */
import { searchList, shownProperties } from '../harness';
import { apiCalls, credentialId, engine, fake, oliver, useOliver } from './setup';

useOliver();

const V2 = { typeVersion: 2 };
const picked = (value: string) => ({ __rl: true, mode: 'list', value });
const shown = (resource: string, typeVersion: number) =>
	shownProperties('oliver', { resource, operation: 'get' }, typeVersion)
		.filter((property) => ['clientId', 'patientId'].includes(property.name))
		.map((property) => [property.name, property.type]);

describe('Client and Patient pickers (node version 2)', () => {
	it('Client → Get shows a client picker; Patient → Get a client picker to list by, then the patient; version 1 typed IDs', () => {
		expect(shown('client', 2)).toEqual([['clientId', 'resourceLocator']]);
		expect(shown('patient', 2)).toEqual([
			['clientId', 'resourceLocator'],
			['patientId', 'resourceLocator'],
		]);
		expect(shown('client', 1)).toEqual([['clientId', 'string']]);
		expect(shown('patient', 1)).toEqual([['patientId', 'string']]);
	});

	it('Client → Get with a client picked from the search gets that client', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		fake.addClient({ name: 'Other Owner' });

		const run = await oliver(
			{ resource: 'client', operation: 'get', clientId: picked(client.id) },
			undefined,
			V2,
		);

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.id)).toEqual([client.id]);
		expect(apiCalls().map((call) => `${call.method} ${call.path}`)).toEqual([
			expect.stringMatching(new RegExp(`^GET .*/clients/${client.id}$`)),
		]);
	});

	it('Patient → Get lists the picked client’s patients, and gets the one picked without sending the client', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const rex = fake.addPatient({ name: 'Rex', client_id: client.id });
		fake.addPatient({ name: 'Milo', client_id: fake.addClient({ name: 'Other' }).id });
		const parameters = { resource: 'patient', operation: 'get', clientId: picked(client.id) };

		const listed = await searchList(
			engine,
			{ type: 'oliver', credentialId, parameters, ...V2 },
			'searchPatients',
		);
		expect(listed.map((patient) => patient.value)).toEqual([rex.id]);

		fake.requests.length = 0;
		const run = await oliver({ ...parameters, patientId: picked(rex.id) }, undefined, V2);

		expect(run.items.map((item) => item.json.id)).toEqual([rex.id]);
		const [call] = apiCalls();
		expect([call.method, call.path, call.query]).toEqual([
			'GET',
			expect.stringMatching(new RegExp(`/patients/${rex.id}$`)),
			{},
		]);
	});
});
