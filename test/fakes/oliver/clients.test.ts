/** The fake Oliver: clients and their patients (clients.ts, patients.ts). */
import { api, fake, useFake } from './testing';

useFake();

describe('clients and patients', () => {
	beforeEach(() => {
		const dana = fake.addClient({
			name: 'Dana Smith',
			email: 'dana@example.com',
			phone: '555-0101',
		});
		fake.addPatient({ name: 'Rex', client_id: dana.id, species: 'Dog' });
		fake.addPatient({ name: 'Mittens', client_id: dana.id, species: 'Cat' });
		fake.addClient({ name: 'Lee Smithers', email: 'lee@example.com' });
	});

	it('search needs name, email or phone, matches case-insensitively and embeds patients', async () => {
		const none = await api.get('/clients');
		expect([none.status, none.data.success]).toEqual([400, false]);
		expect((await api.get('/clients', { params: { remote_id: 'x' } })).status).toBe(400);

		const smiths = await api.get('/clients', { params: { name: 'SMITH' } });
		expect(smiths.data.data.map((client: { name: string }) => client.name)).toEqual([
			'Dana Smith',
			'Lee Smithers',
		]);
		const dana = await api.get('/clients', { params: { email: 'dana@', name: 'smith' } });
		expect(dana.data.data).toEqual([
			expect.objectContaining({
				name: 'Dana Smith',
				remote_id: null,
				patients: [
					expect.objectContaining({ name: 'Rex' }),
					expect.objectContaining({ name: 'Mittens' }),
				],
			}),
		]);
		expect((await api.get('/clients', { params: { phone: '0101' } })).data.data).toHaveLength(1);
	});

	it('search answers at most 100 clients', async () => {
		for (let i = 0; i < 120; i++) fake.addClient({ name: `Pat ${i}` });
		expect((await api.get('/clients', { params: { name: 'pat' } })).data.data).toHaveLength(100);
	});

	it('patients need client_id and may filter by name; one client or patient by id', async () => {
		const [dana] = fake.clients.values();
		expect((await api.get('/patients')).status).toBe(400);
		const all = await api.get('/patients', { params: { client_id: dana.id } });
		expect(all.data.data.map((patient: { name: string }) => patient.name)).toEqual([
			'Rex',
			'Mittens',
		]);
		const rex = await api.get('/patients', { params: { client_id: dana.id, name: 're' } });
		expect(rex.data.data).toEqual([
			{ id: expect.any(String), name: 'Rex', client_id: dana.id, species: 'Dog', breed: null },
		]);

		expect((await api.get(`/clients/${dana.id}`)).data.data).toMatchObject({
			id: dana.id,
			patients: expect.any(Array),
		});
		expect((await api.get(`/patients/${rex.data.data[0].id}`)).data).toEqual({
			success: true,
			data: rex.data.data[0],
		});
		expect((await api.get('/clients/cl_404')).status).toBe(404);
		expect((await api.get('/patients/pt_404')).data.success).toBe(false);
	});
});
