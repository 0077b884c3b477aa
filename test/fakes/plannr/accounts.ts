/** Accounts: `GET /account`. */
import type { FakeResponse } from '../kit';
import { isResponse } from './errors';
import { type Context, api, on } from './gates';
import { paginate } from './paging';
import { comparator, queryNames } from './query';
import type { PlannrStore } from './store';
import { ACCOUNT_SORTS, PLANNR_API_V1, type PlannrAccount } from './types';
import { accountViewOf } from './views';

function listAccounts(fake: PlannrStore, context: Context): FakeResponse {
	const names = queryNames(
		fake,
		context.request,
		{ filters: [], sorts: ACCOUNT_SORTS, includes: [] },
		'created_at',
	);
	if (isResponse(names)) return names;
	const order = [...fake.accounts.keys()];
	const rows = [...fake.accounts.values()].sort(
		comparator<PlannrAccount>(
			fake,
			names.sorts,
			(account, field) =>
				field === 'created_at' || field === 'updated_at'
					? Date.parse(account[field])
					: ((
							(account[field as 'first_name' | 'last_name' | 'name' | 'email'] ?? null) as
								| string
								| null
						)?.toLowerCase() ?? null),
			(account) => order.indexOf(account.uuid),
		),
	);
	return paginate(fake, context.request, rows, (account) => accountViewOf(account));
}

export function accountRoutes(fake: PlannrStore): void {
	const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
	on(
		fake,
		'GET',
		v1('/account'),
		api(fake, (c) => listAccounts(fake, c)),
	);
}
