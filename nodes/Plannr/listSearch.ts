import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { PLANNR_PATHS } from './api';
import { plannrApiRequest } from './requests';

/** The task picker: Plannr filters tasks by name itself, newest first, one page. */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { per_page: 100, sort: '-updated_at' };
	if (filter?.trim()) qs['filter[name]'] = filter.trim();
	const body = await plannrApiRequest.call(this, 'GET', PLANNR_PATHS.tasks, { qs });
	const tasks = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	return { results: tasks.map((task) => ({ name: String(task.name), value: String(task.uuid) })) };
}
