import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { OPEN_DENTAL_PATHS } from './api';
import { openDentalApiRequest, openDentalListAll } from './requests';
import { TASK_PICKER_PAGE_SIZE, taskPickerPage } from '../shared/taskPicker';
import { normalizeOpenDentalTask } from './normalize';
import { locatorValue } from '../shared/validation';

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

/**
 * The task picker: a page of tasks at a time (the list loads more as it scrolls: one call each, so the office's
 * rate limit is kept), by title, each with its number and status.
 */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const tasks = await openDentalApiRequest.call(this, 'GET', OPEN_DENTAL_PATHS.tasks, {
		Offset: offset,
		Limit: TASK_PICKER_PAGE_SIZE,
	});
	return taskPickerPage(
		tasks,
		filter,
		(task) => {
			const { title, status } = normalizeOpenDentalTask(task);
			return { title, detail: `#${String(task.TaskNum)}, ${status}`, value: String(task.TaskNum) };
		},
		() => String(offset + tasks.length),
	);
}

/** How much of a note's text the note picker shows. */
const NOTE_START_LENGTH = 40;

/** A note's first line, cut short: what the note picker shows of it. */
function noteStart(note: unknown): string | null {
	const firstLine = String(note ?? '')
		.split('\n')[0]
		.trim();
	if (firstLine === '') return null;
	return firstLine.length > NOTE_START_LENGTH
		? `${firstLine.slice(0, NOTE_START_LENGTH).trimEnd()}…`
		: firstLine;
}

/**
 * The note picker: the notes of the task picked above it (Open Dental's documented note list, by TaskNum), a
 * page at a time, each shown by the start of its text and its date; nothing to list until a task is picked.
 */
export async function searchTaskNotes(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const taskNum = locatorValue(this.getCurrentNodeParameter('taskNum'));
	if (!taskNum || !/^\d+$/.test(taskNum)) return { results: [] };
	const offset = Number(paginationToken ?? 0);
	const notes = await openDentalApiRequest.call(this, 'GET', OPEN_DENTAL_PATHS.taskNotes, {
		TaskNum: taskNum,
		Offset: offset,
		Limit: TASK_PICKER_PAGE_SIZE,
	});
	return taskPickerPage(
		notes,
		filter,
		(note) => ({
			title: noteStart(note.Note),
			// Open Dental's `yyyy-MM-dd HH:mm:ss`, to the minute.
			detail: String(note.DateTimeNote ?? '').slice(0, 16),
			value: String(note.TaskNoteNum),
		}),
		() => String(offset + notes.length),
	);
}
