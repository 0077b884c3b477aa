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
		expect(three.map((account) => account.name)).toEqual([
			'Sarah Mitchell',
			'Tom Hughes',
			'Emma Clarke',
		]);
		expect(pages()).toEqual([['1', '3']]);
	});
});

describe('pickers', () => {
	it('assignees: every account, across pages of 500, by first name', async () => {
		for (let i = 0; i < 500; i++)
			fake.addAccount({ first_name: `Zed ${String(i).padStart(3, '0')}`, last_name: 'Adviser' });

		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'create' }),
			'getAccounts',
		);

		expect(options).toHaveLength(505);
		expect(options.slice(0, 5)).toEqual([
			{ name: 'Emma Clarke', value: emma.uuid },
			{ name: 'James Carter', value: james.uuid },
			{ name: 'Priya Shah', value: priya.uuid },
			{ name: 'Sarah Mitchell', value: fake.options.accountUuid },
			{ name: 'Tom Hughes', value: tom.uuid },
		]);
		expect(fake.requests.map(queryOf)).toEqual([
			{ sort: 'first_name', page: '1', per_page: '500' },
			{ sort: 'first_name', page: '2', per_page: '500' },
		]);
	});
});
