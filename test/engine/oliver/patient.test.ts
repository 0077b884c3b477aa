/**
 * Patients: Get Many for a client and Get, and the patient picker.
 */
import { searchList } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import { apiCalls, credentialId, engine, fake, oliver, useOliver } from './setup';

useOliver();

describe('clients and patients', () => {
	it('Patient Get Many lists one client’s patients; Get fetches one patient', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const rex = fake.addPatient({ name: 'Rex', client_id: client.id });
		fake.addPatient({ name: 'Milo', client_id: fake.addClient({ name: 'Other' }).id });

		const many = await oliver({
			resource: 'patient',
			operation: 'getAll',
			clientId: { __rl: true, mode: 'id', value: client.id },
		});
		expect(apiCalls()[0].query).toEqual({ client_id: client.id });
		expect(many.items.map((item) => item.json.name)).toEqual(['Rex']);

		const one = await oliver({ resource: 'patient', operation: 'get', patientId: rex.id });
		expect(one.items[0].json).toMatchObject({ id: rex.id, client_id: client.id });
	});
});

describe('pickers', () => {
	it('the patient list shows the patients of the client chosen in the same node', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const rex = fake.addPatient({ name: 'Rex', client_id: client.id, species: 'Dog' });
		fake.addPatient({ name: 'Milo', client_id: fake.addClient({ name: 'Other' }).id });
		const spec = {
			type: 'oliver',
			credentialId,
			parameters: {
				resource: 'staffTask',
				operation: 'create',
				additionalFields: { clientId: { __rl: true, mode: 'list', value: client.id } },
			},
		};

		const results = await searchList(engine, spec, 'searchPatients');

		expect(apiCalls()[0].query).toEqual({ client_id: client.id });
		expect(results).toEqual([{ name: 'Rex · Dog', value: rex.id }]);
	});

	it('the patient list carries Content-Type and Accept application/json, like its sign-in', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		fake.addPatient({ name: 'Rex', client_id: client.id });
		const spec = {
			type: 'oliver',
			credentialId,
			parameters: {
				resource: 'staffTask',
				operation: 'create',
				additionalFields: { clientId: { __rl: true, mode: 'id', value: client.id } },
			},
		};

		expect(await searchList(engine, spec, 'searchPatients')).toHaveLength(1);

		expect(apiCalls()).toHaveLength(1);
		expectJsonHeadersOnEvery(fake.requests);
	});
});
