/** Accounts: `GET /account`. */
import type { FakeResponse } from '../kit';
import { isResponse, Validation } from './errors';
import { type Context, api, on } from './gates';
import { paginate } from './paging';
import { comparator, queryNames } from './query';
import type { PlannrStore } from './store';
import { ACCOUNT_SORTS, ACCOUNT_TYPES, PLANNR_API_V1, type PlannrAccount } from './types';
import { accountViewOf } from './views';

function listAccounts(fake: PlannrStore, context: Context): FakeResponse {
	const names = queryNames(
		fake,
		context.request,
		{ filters: ['type'], sorts: ACCOUNT_SORTS, includes: [] },
		'first_name',
	);
	if (isResponse(names)) return names;
	const types = (names.filters.get('type') ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	// Documented (get-api-v1-account): "Valid types are [client,employee,external]"; another is a validation error (validationBody's shape).
	const validation = new Validation(fake.messages);
	if (types.some((type) => !(ACCOUNT_TYPES as readonly string[]).includes(type)))
		validation.add('filter.type', 'in');
	if (validation.failed) return validation.response();
	const order = [...fake.accounts.keys()];
	const rows = [...fake.accounts.values()]
		.filter((account) => types.length === 0 || types.includes(account.type))
		.sort(
			comparator<PlannrAccount>(
				fake,
				names.sorts,
				(account, field) =>
					field === 'created_at' || field === 'updated_at'
						? Date.parse(account[field])
						: ((
								(account[field as 'first_name' | 'last_name' | 'email'] ?? null) as string | null
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
