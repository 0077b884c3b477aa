import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeListSearchItems,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { TASK_PICKER_PAGE_SIZE } from '../shared/taskPicker';
import { pageMismatch, recordsOf } from './answers';
import { PLANNR_PAGING, PLANNR_PATHS } from './api';
import { accountName } from './loadOptions';
import { plannrApiRequest } from './requests';

/**
 * One load of a Plannr picker: the page `paginationToken` names (the first without one), 100 records, checked
 * to be the page asked for (the page parameter's name is undocumented); the next page's number while
 * `meta.last_page` says more follow, so the list loads on as it scrolls.
 */
async function pickerPage(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	paginationToken: string | undefined,
): Promise<{ records: IDataObject[]; paginationToken?: string }> {
	const page = paginationToken ? Number(paginationToken) : PLANNR_PAGING.firstPage;
	const body = await plannrApiRequest.call(context, 'GET', path, {
		qs: {
			...qs,
			[PLANNR_PAGING.pageParam]: page,
			[PLANNR_PAGING.pageSizeParam]: TASK_PICKER_PAGE_SIZE,
		},
	});
	const mismatch = pageMismatch(page, body);
	if (mismatch) throw new NodeOperationError(context.getNode(), mismatch);
	const lastPage = (body.meta as IDataObject | undefined)?.last_page;
	return {
		records: recordsOf(body),
		...(typeof lastPage === 'number' && page < lastPage
			? { paginationToken: String(page + 1) }
			: {}),
	};
}

/**
 * The task picker (Task, Parent Task): Plannr filters tasks by name itself (`filter[name]`), most recently
 * updated first, a page at a time.
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { sort: '-updated_at' };
	if (filter?.trim()) qs['filter[name]'] = filter.trim();
	const { records, ...next } = await pickerPage(this, PLANNR_PATHS.tasks, qs, paginationToken);
	return {
		results: records.map((task) => ({ name: String(task.name), value: String(task.uuid) })),
		...next,
	};
}

/**
 * The client picker: the firm's clients (get-api-v1-account, filter[type]=client) by first name, a page at a
 * time. Plannr documents no name search for accounts, so what is typed narrows each page here.
 */
export async function searchClients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, ...next } = await pickerPage(
		this,
		PLANNR_PATHS.accounts,
		{ 'filter[type]': 'client', sort: 'first_name' },
		paginationToken,
	);
	const typed = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = records
		.map((account) => ({ name: accountName(account), value: String(account.uuid) }))
		.filter(({ name }) => !typed || name.toLowerCase().includes(typed));
	return { results, ...next };
}

/** Where each operation holds the Linked To its Linked Record UUID belongs with. */
const LINKED_TO_PATHS: Record<string, string> = {
	create: 'taskableType',
	update: 'updateFields.taskableType',
	getAll: 'filters.taskableType',
};

/**
 * The linked record picker: clients when Linked To is Client. Plannr has no list of cases or plans, so for them
 * (or with no Linked To added) the list is empty and asks Plannr nothing: their UUID is given By UUID.
 */
export async function searchLinkedRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const operation = String(this.getCurrentNodeParameter('operation') ?? '');
	const path = LINKED_TO_PATHS[operation];
	// Create's Linked To is always there, Client unless changed; in a collection it may not be added.
	const linkedTo =
		(path ? this.getCurrentNodeParameter(path) : undefined) ??
		(operation === 'create' ? 'client' : undefined);
	if (linkedTo !== 'client') return { results: [] };
	return await searchClients.call(this, filter, paginationToken);
}
