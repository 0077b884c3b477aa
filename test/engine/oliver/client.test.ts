/**
 * Clients: Search and Get, and the client picker.
 */
import { searchList } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import { apiCalls, credentialId, engine, fake, oliver, useOliver } from './setup';

useOliver();

describe('clients and patients', () => {
	it('Client Search sends exactly the chosen filter; Get fetches one client', async () => {
		const client = fake.addClient({ name: 'Dana Smith', email: 'dana@example.com' });
		fake.addClient({ name: 'Lee Wong' });

		const found = await oliver({
			resource: 'client',
			operation: 'search',
			searchBy: 'email',
			searchValue: 'dana@',
		});
		expect(apiCalls()[0].query).toEqual({ email: 'dana@' });
		expect(found.items.map((item) => item.json.id)).toEqual([client.id]);

		const one = await oliver({ resource: 'client', operation: 'get', clientId: client.id });
		expect(one.items[0].json).toMatchObject({ id: client.id, name: 'Dana Smith' });
	});
});

describe('an unknown client: Oliver documents no 404 for it', () => {
	afterEach(() => {
		fake.options.lookupNotFoundStatus = 404;
	});

	for (const status of [404, 400]) {
		it(`Client Get for an unknown id shows Oliver's message, answered ${status}`, async () => {
			fake.options.lookupNotFoundStatus = status;
			const { error } = await oliver({ resource: 'client', operation: 'get', clientId: 'cl_gone' });
			expect([error?.httpCode, error?.message]).toEqual([
				String(status),
				'Oliver: Client cl_gone not found',
			]);
		});
	}
});

describe('pickers', () => {
	it('the client list searches Oliver by name as the user types, and waits for a filter', async () => {
		const client = fake.addClient({ name: 'Dana Smith', email: 'dana@example.com' });
		fake.addClient({ name: 'Lee Wong' });
		const spec = {
			type: 'oliver',
			credentialId,
			parameters: { resource: 'staffTask', operation: 'create' },
		};

		expect(await searchList(engine, spec, 'searchClients', '')).toEqual([]);
		expect(fake.requests).toHaveLength(0);

		const results = await searchList(engine, spec, 'searchClients', 'smi');
		expect(apiCalls()[0].query).toEqual({ name: 'smi' });
		expect(results).toEqual([{ name: 'Dana Smith · dana@example.com', value: client.id }]);
	});

	it('the client search carries Content-Type and Accept application/json, like its sign-in', async () => {
		fake.addClient({ name: 'Dana Smith' });
		const spec = {
			type: 'oliver',
			credentialId,
			parameters: { resource: 'staffTask', operation: 'create' },
		};

		expect(await searchList(engine, spec, 'searchClients', 'dan')).toHaveLength(1);

		expect(apiCalls()).toHaveLength(1);
		expectJsonHeadersOnEvery(fake.requests);
	});
});
