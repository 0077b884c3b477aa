import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { MILEAPP_PATHS } from './api';
import { TASK_PICKER_PAGE_SIZE, taskPickerPage } from '../shared/taskPicker';
import { normalizeMileAppTask } from './normalize';
import { mileAppApiRequest, recordsOf } from './requests';

/** The flow picker: the organization's flows by name (a flow is named in task bodies by its name). */
export async function searchFlows(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const flows = recordsOf(
		await mileAppApiRequest.call(this, 'GET', MILEAPP_PATHS.flows, { limit: 100 }),
	);
	const wanted = filter?.trim().toLowerCase();
	return {
		results: flows
			.filter((flow) => !wanted || String(flow.name).toLowerCase().includes(wanted))
			.map((flow) => ({ name: String(flow.name), value: String(flow.name) })),
	};
}

/** The hub picker: MileApp searches hubs by name itself (`q`, names only); the address is shown beside each. */
export async function searchHubs(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 100 };
	if (filter?.trim()) qs.q = filter.trim();
	const hubs = recordsOf(await mileAppApiRequest.call(this, 'GET', MILEAPP_PATHS.hubs, qs));
	return {
		results: hubs.map((hub) => ({
			name: String(hub.name),
			value: String(hub._id),
			description: hub.address ? String(hub.address) : undefined,
		})),
	};
}

/**
 * The task picker: a page of tasks at a time, by MileApp's cursor (the list loads more as it scrolls, after the
 * last task shown, so tasks added meanwhile cannot shift it), by title (the flow's title field, else its name).
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { lazyLoad: 1, limit: TASK_PICKER_PAGE_SIZE };
	if (paginationToken) qs.cursor = paginationToken;
	const tasks = recordsOf(await mileAppApiRequest.call(this, 'GET', MILEAPP_PATHS.tasks, qs));
	return taskPickerPage(
		tasks,
		filter,
		(task) => {
			const { title, status } = normalizeMileAppTask(task, 'UTC');
			return { title, detail: status, value: String(task._id) };
		},
		() => (tasks.at(-1)?._id ? String(tasks.at(-1)?._id) : undefined),
	);
}
