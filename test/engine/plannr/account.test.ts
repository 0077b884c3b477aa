/**
 * Accounts: Get Many, and the assignee picker.
 */
import { loadOptions } from '../harness';
import {
	calls,
	emma,
	engine,
	fake,
	james,
	ok,
	pages,
	priya,
	queryOf,
	spec,
	tom,
	usePlannr,
	v1,
	withOptions,
} from './setup';

usePlannr();

describe('task status and account', () => {
	it('Account: Get Many with Return All pages at 500; with a Limit asks only for it', async () => {
		for (let i = 0; i < 515; i++)
			fake.addAccount({ first_name: `Adviser ${i}`, last_name: 'Test' });

		const all = await ok({ resource: 'account', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(fake.accounts.size);
		expect(fake.accounts.size).toBe(520);
		expect(new Set(all.map((account) => account.uuid)).size).toBe(520);
		expect(calls()).toEqual([`GET ${v1('/account')}`, `GET ${v1('/account')}`]);
		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
		]);

		fake.server.clearRequests();
		const three = await ok({
			resource: 'account',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		// Plannr's default order, first_name (get-api-v1-account).
		expect(three.map((account) => account.name)).toEqual([
			'Adviser 0 Test',
			'Adviser 1 Test',
			'Adviser 10 Test',
		]);
		expect(pages()).toEqual([['1', '3']]);
	});
});

describe('account: get many by type', () => {
	it.each([
		['employee', () => [james.uuid, priya.uuid, fake.options.accountUuid]],
		['client', () => [emma.uuid, tom.uuid]],
	])('Type %s sends filter[type] and lists only those accounts', async (type, expected) => {
		const items = await ok({
			resource: 'account',
			operation: 'getAll',
			returnAll: true,
			filters: { type },
		});

		expect(queryOf(fake.requests[0])).toEqual({ 'filter[type]': type, page: '1', per_page: '500' });
		expect(items.map((account) => account.uuid)).toEqual(expected());
	});
});

describe('pickers', () => {
	it('assignees: the firm’s employees only (filter[type]=employee), across pages of 500, by first name; no client is offered', async () => {
		for (let i = 0; i < 500; i++)
			fake.addAccount({ first_name: `Zed ${String(i).padStart(3, '0')}`, last_name: 'Adviser' });

		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'create' }),
			'getAccounts',
		);

		expect(options).toHaveLength(503);
		expect(options.slice(0, 4)).toEqual([
			{ name: 'James Carter', value: james.uuid },
			{ name: 'Priya Shah', value: priya.uuid },
			{ name: 'Sarah Mitchell', value: fake.options.accountUuid },
			{ name: 'Zed 000 Adviser', value: expect.any(String) },
		]);
		const offered = options.map((option) => option.value);
		expect(offered).not.toContain(tom.uuid);
		expect(offered).not.toContain(emma.uuid);
		expect(fake.requests.map(queryOf)).toEqual([
			{ 'filter[type]': 'employee', sort: 'first_name', page: '1', per_page: '500' },
			{ 'filter[type]': 'employee', sort: 'first_name', page: '2', per_page: '500' },
		]);
	});

	it('assignees: a Plannr that ignores the page parameter ([inferred]) fails loudly instead of offering page 1 twice', async () => {
		for (let i = 0; i < 500; i++) fake.addAccount({ first_name: `Zed ${i}`, last_name: 'Adviser' });

		const failure = await withOptions({ pageParameter: 'ignored' }, async () =>
			loadOptions(engine, spec({ resource: 'task', operation: 'create' }), 'getAccounts').then(
				() => undefined,
				(error: Error) => error,
			),
		);

		expect(failure?.message).toMatch(/answered page 1 when page 2 was asked for/);
		expect(fake.requests.map((request) => request.query.page)).toEqual(['1', '2']);
	});
});
