/** The fake Plannr: accounts (accounts.ts). */
import { api, call, client, fake, james, useFake, withFake } from './testing';

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

	it('get-api-v1-account: filter[type] (client, employee, external); the documented sorts, first_name by default; `name` is not a sort', async () => {
		const uuids = async (query: Record<string, string>) =>
			(await api('GET', '/api/v1/account', { query })).body.data.map(
				(a: { uuid: string }) => a.uuid,
			);
		expect(await uuids({ 'filter[type]': 'employee' })).toEqual([
			james.account,
			fake.options.accountUuid,
		]);
		expect(await uuids({ 'filter[type]': 'client' })).toEqual([client]);
		expect(await uuids({ 'filter[type]': 'external' })).toEqual([]);
		// Documented: "Valid types are [client,employee,external]"; another is a validation error.
		const other = await api('GET', '/api/v1/account', { query: { 'filter[type]': 'adviser' } });
		expect([other.status, Object.keys(other.body.errors)]).toEqual([422, ['filter.type']]);
		// Default first_name: James, Sarah, Tom.
		expect(await uuids({})).toEqual([james.account, fake.options.accountUuid, client]);
		for (const sort of [
			'created_at',
			'updated_at',
			'first_name',
			'last_name',
			'email',
			'next_review_date',
			'previous_review_date',
			'anniversary_review_date',
		])
			expect((await api('GET', '/api/v1/account', { query: { sort: `-${sort}` } })).status).toBe(
				200,
			);
		const byName = await api('GET', '/api/v1/account', { query: { sort: 'name' } });
		expect([byName.status, byName.body.message]).toEqual([
			400,
			expect.stringContaining('Requested sort(s) `name` is not allowed'),
		]);
		// [inferred] unknownQueryParams 'ignore': the unknown sort is dropped, Plannr's default order kept.
		await withFake({ unknownQueryParams: 'ignore' }, async (lenient) => {
			lenient.addEmployee({ first_name: 'Zara', last_name: 'Adams' });
			lenient.addEmployee({ first_name: 'Adam', last_name: 'Zane' });
			const answer = await call(lenient, 'GET', '/api/v1/account', { query: { sort: 'name' } });
			expect(answer.status).toBe(200);
			expect(answer.body.data.map((a: { first_name: string }) => a.first_name)).toEqual([
				'Adam',
				'Sarah',
				'Zara',
			]);
		});
	});
});
