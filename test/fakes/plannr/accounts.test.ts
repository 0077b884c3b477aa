/** The fake Plannr: accounts (accounts.ts). */
import { api, fake, useFake } from './testing';

useFake();

describe('task statuses and accounts', () => {
	it('GET /api/v1/account pages the accounts and sorts them', async () => {
		fake.addAccount({ first_name: 'Anna', last_name: 'Zed' });
		const answer = await api('GET', '/api/v1/account', {
			query: { per_page: 2, sort: 'first_name' },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.data.map((a: { first_name: string }) => a.first_name)).toEqual([
			'Anna',
			'James',
		]);
		expect(answer.body.meta).toMatchObject({ per_page: 2, total: 4, last_page: 2 });
		expect(answer.body.data[0]).toMatchObject({
			uuid: expect.any(String),
			type: 'employee',
			role: 'member',
			name: 'Anna Zed',
			external_references: [],
		});
		const desc = await api('GET', '/api/v1/account', {
			query: { sort: '-last_name', per_page: 10 },
		});
		expect(desc.body.data.map((a: { last_name: string }) => a.last_name)).toEqual([
			'Zed',
			'Mitchell',
			'Hughes',
			'Carter',
		]);
		expect((await api('GET', '/api/v1/account', { query: { sort: 'shoe_size' } })).status).toBe(
			400,
		);
	});
});
