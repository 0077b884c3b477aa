import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { OPEN_DENTAL_PATHS } from './api';
import { openDentalListAll } from './requests';

/** Pickers for the task list and user fields. Open Dental cannot search these by name, so the filter applies here. */

function matching(
	filter: string | undefined,
	entries: Array<{ name: string; value: string }>,
): INodeListSearchResult {
	const wanted = filter?.trim().toLowerCase();
	return {
		results: wanted
			? entries.filter((entry) => entry.name.toLowerCase().includes(wanted))
			: entries,
	};
}

/** A task list's name with its parents', as the Open Dental tree shows it: "Front Desk › Insurance". */
function pathOf(list: IDataObject, byNum: Map<number, IDataObject>): string {
	const names = [String(list.Descript)];
	const visited = new Set<number>([Number(list.TaskListNum)]);
	for (
		let parent = byNum.get(Number(list.Parent));
		parent && !visited.has(Number(parent.TaskListNum));
		parent = byNum.get(Number(parent.Parent))
	) {
		visited.add(Number(parent.TaskListNum));
		names.unshift(String(parent.Descript));
	}
	return names.join(' › ');
}

export async function searchTaskLists(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const lists = await openDentalListAll.call(this, OPEN_DENTAL_PATHS.taskLists, {
		TaskListStatus: 'Active',
	});
	const byNum = new Map(lists.map((list) => [Number(list.TaskListNum), list]));
	return matching(
		filter,
		lists.map((list) => ({ name: pathOf(list, byNum), value: String(list.TaskListNum) })),
	);
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const users = await openDentalListAll.call(this, OPEN_DENTAL_PATHS.users);
	return matching(
		filter,
		users.map((user) => ({ name: String(user.UserName), value: String(user.UserNum) })),
	);
}
