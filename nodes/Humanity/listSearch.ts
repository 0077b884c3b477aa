import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { isBlank, locatorValue } from '../shared/validation';
import { nextCursorOf, recordsOf } from './api';
import { humanityApiRequest } from './requests';
import { shiftLabel, shiftsAround, type ShiftWindow } from './shiftChoices';
import { ACTIVITY, MIN_SEARCH_TERM } from './vocabulary';

/** The Shift picker's window: today and the coming two weeks. */
const SHIFT_PICKER_WINDOW: ShiftWindow = { daysBack: 0, daysAhead: 14 };

/** Shifts from today to two weeks ahead, every employee's (mode overview). */
export async function searchShifts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const shifts = await shiftsAround(this, SHIFT_PICKER_WINDOW);
	const needle = filter?.trim().toLowerCase() ?? '';
	return {
		results: shifts
			.map((shift) => ({ name: shiftLabel(shift), value: String(shift.id) }))
			.filter(
				(result) =>
					needle === '' || result.name.toLowerCase().includes(needle) || result.value === needle,
			),
	};
}

/** Master tasks, by Humanity's own search once the filter has three characters, a page at a time. */
export async function searchMasterTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 50 };
	if (filter && filter.trim().length >= MIN_SEARCH_TERM) qs.searchTerm = filter.trim();
	if (paginationToken) qs.cursor = paginationToken;
	const answer = await humanityApiRequest.call(this, 'GET', '/master-tasks', { qs });
	return {
		results: recordsOf(answer).map((task) => ({ name: String(task.name), value: String(task.id) })),
		paginationToken: nextCursorOf(answer),
	};
}

/** The shift picked above in the node, when it is a shift ID (a whole number): the lists below need one. */
function pickedShiftId(context: ILoadOptionsFunctions): string | undefined {
	const shiftId = locatorValue(context.getCurrentNodeParameter('shiftId')) ?? '';
	return /^\d+$/.test(shiftId) ? shiftId : undefined;
}

/** The entries whose name holds what is typed (Humanity searches none of these lists itself). */
function named(
	filter: string | undefined,
	entries: Array<{ name: string; value: string }>,
): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase() ?? '';
	return {
		results: entries.filter((entry) => needle === '' || entry.name.toLowerCase().includes(needle)),
	};
}

/** The tasks of the shift picked above. */
export async function searchShiftTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const shiftId = pickedShiftId(this);
	if (!shiftId) return { results: [] };
	const answer = await humanityApiRequest.call(this, 'GET', `/shifts/${shiftId}/tasks`);
	return named(
		filter,
		recordsOf(answer).map((task) => ({ name: String(task.name), value: String(task.id) })),
	);
}

/** How the employee-task picker names an activity status (update-employee-task: 0, 1, 2). */
const ACTIVITY_NAMES: Record<number, string> = {
	[ACTIVITY.notStarted]: 'not started',
	[ACTIVITY.started]: 'started',
	[ACTIVITY.completed]: 'completed',
};

/**
 * The employee tasks of the shift picked above. Their answer carries no name (get-employee-tasks), so each is
 * named by the shift task it copies (one more call, to that shift's tasks), with its employee and status.
 */
export async function searchEmployeeTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const shiftId = pickedShiftId(this);
	if (!shiftId) return { results: [] };
	const tasks = recordsOf(
		await humanityApiRequest.call(this, 'GET', `/shifts/${shiftId}/employee-tasks`),
	);
	const shiftTaskNames = new Map<string, string>();
	if (tasks.some((task) => isBlank(task.name))) {
		const shiftTasks = recordsOf(
			await humanityApiRequest.call(this, 'GET', `/shifts/${shiftId}/tasks`),
		);
		for (const shiftTask of shiftTasks)
			shiftTaskNames.set(String(shiftTask.id), String(shiftTask.name));
	}
	return named(
		filter,
		tasks.map((task) => {
			const name = isBlank(task.name)
				? (shiftTaskNames.get(String(task.shiftTaskId)) ?? `Shift task ${String(task.shiftTaskId)}`)
				: String(task.name);
			const status = (task.activity as IDataObject | undefined)?.status ?? ACTIVITY.notStarted;
			const shown = ACTIVITY_NAMES[Number(status)] ?? `status ${String(status)}`;
			return {
				name: `${name} (employee ${String(task.employeeId)}, ${shown})`,
				value: String(task.id),
			};
		}),
	);
}
