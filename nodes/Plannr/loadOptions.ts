import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { PLANNR_PATHS } from './api';
import { plannrApiRequest, plannrListAll } from './requests';

async function statuses(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const body = await plannrApiRequest.call(context, 'GET', PLANNR_PATHS.taskStatuses, {
		qs: { sort: 'position' },
	});
	const all = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
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

/** The accounts tasks can be assigned to. */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const accounts = await plannrListAll.call(this, PLANNR_PATHS.accounts, { sort: 'first_name' });
	return accounts.map((account) => ({
		name:
			[account.first_name, account.last_name].filter(Boolean).join(' ') ||
			String(account.name ?? account.uuid),
		value: String(account.uuid),
	}));
}
