/** Logins: `GET /logins`, the accounts the token's user may act in (no account header needed). */
import type { FakeResponse } from '../kit';
import { type Context, api, on } from './gates';
import type { PlannrStore } from './store';
import { PLANNR_API_V1 } from './types';
import { accountViewOf } from './views';

function listLogins(fake: PlannrStore, context: Context): FakeResponse {
	const { user } = context;
	const placement = fake.options.preferredAccountPlacement;
	const data = user.logins
		.filter((login) => fake.accounts.has(login.account_uuid))
		.map((login) => ({
			uuid: login.uuid,
			created_at: login.created_at,
			updated_at: login.created_at,
			expires_at: null,
			has_write_permission: true,
			has_delete_permission: true,
			primary: login.primary,
			first_name: user.first_name,
			last_name: user.last_name,
			email: user.email,
			account: accountViewOf(fake.accounts.get(login.account_uuid)!),
			firm: { ...fake.firm },
			...(placement === 'each-login'
				? { preferred_account_uuid: user.preferred_account_uuid }
				: {}),
		}));
	return {
		status: 200,
		body:
			placement === 'top-level'
				? { data, preferred_account_uuid: user.preferred_account_uuid }
				: { data },
	};
}

export function loginRoutes(fake: PlannrStore): void {
	const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
	on(
		fake,
		'GET',
		v1('/logins'),
		api(fake, (c) => listLogins(fake, c), false),
	);
}
