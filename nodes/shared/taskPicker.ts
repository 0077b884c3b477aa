import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

/** Tasks per load of a task picker: the largest page Oliver and Open Dental's Remote API answer. */
export const TASK_PICKER_PAGE_SIZE = 100;

/** How a picker shows one task: its title, what follows it in brackets, and the value it picks. */
export interface ShownTask {
	title: string | null;
	detail: string;
	value: string;
}

/**
 * One load of a task picker: the tasks whose title holds what is typed (vendors search no title, so the
 * filter applies here), shown as "<title> (<detail>)"; with `next` when the page was full, so the list loads
 * on as it scrolls.
 */
export function taskPickerPage(
	tasks: IDataObject[],
	filter: string | undefined,
	show: (task: IDataObject) => ShownTask,
	next: () => string | undefined,
): INodeListSearchResult {
	const typed = filter?.trim().toLowerCase();
	const nextToken = tasks.length >= TASK_PICKER_PAGE_SIZE ? next() : undefined;
	return {
		results: tasks
			.map(show)
			.filter(({ title }) => !typed || (title ?? '').toLowerCase().includes(typed))
			.map(({ title, detail, value }) => ({ name: `${title ?? value} (${detail})`, value })),
		...(nextToken === undefined ? {} : { paginationToken: nextToken }),
	};
}
