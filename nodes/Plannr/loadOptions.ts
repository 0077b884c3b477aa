import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { PLANNR_PATHS } from './api';
import { plannrListAll } from './requests';

/** The status list may be `{data}` or paged [inferred]: read to its end either way. */
async function statuses(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const all = await plannrListAll.call(context, PLANNR_PATHS.taskStatuses, { sort: 'position' });
	return all.filter((status) => status.is_archived !== true);
}

const asOption = (status: IDataObject): INodePropertyOptions => ({
	name: String(status.name),
	value: String(status.uuid),
	description: status.is_type_completed === true ? 'A completed status' : undefined,
});

/** The firm's task statuses in its order, archived ones left out. */
export async function getStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await statuses(this)).map(asOption);
}

/** The statuses a completed task can go back to: those that are not a completed type. */
export async function getOpenStatuses(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await statuses(this)).filter((status) => status.is_type_completed !== true).map(asOption);
}

/**
 * The accounts tasks can be assigned to: the firm's employees (get-api-v1-account: filter[type] is client,
 * employee or external), not every client. `first_name` is a documented sort; `name` is not.
 */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = await plannrListAll.call(this, PLANNR_PATHS.accounts, {
		'filter[type]': 'employee',
		sort: 'first_name',
	});
	return accounts.map((account) => ({ name: accountName(account), value: String(account.uuid) }));
}

/** An account as a list shows it: its first and last name, else its name, else its UUID. */
export function accountName(account: IDataObject): string {
	return (
		[account.first_name, account.last_name].filter(Boolean).join(' ') ||
		String(account.name ?? account.uuid)
	);
}
