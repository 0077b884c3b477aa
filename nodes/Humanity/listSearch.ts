import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { locatorValue } from '../shared/validation';
import { nextCursorOf, recordsOf } from './api';
import { humanityApiRequest } from './requests';
import { MIN_SEARCH_TERM } from './vocabulary';

const SHIFT_PICKER_DAYS = 14;

function shiftLabel(shift: IDataObject): string {
	const start = String(shift.start_timestamp ?? '');
	const when = DateTime.fromSQL(start);
	const day = when.isValid ? when.toFormat('ccc d LLL HH:mm') : start;
	return [day, shift.title, shift.schedule_name]
		.filter((part) => part !== undefined && part !== '')
		.join(' · ');
}

/** Shifts from today to two weeks ahead, every employee's (mode overview). */
export async function searchShifts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const today = DateTime.now().setZone(this.getTimezone());
	const answer = await humanityApiRequest.call(this, 'GET', '/shifts', {
		qs: {
			start_date: today.toFormat('yyyy-MM-dd'),
			end_date: today.plus({ days: SHIFT_PICKER_DAYS }).toFormat('yyyy-MM-dd'),
			mode: 'overview',
		},
	});
	const needle = filter?.trim().toLowerCase() ?? '';
	return {
		results: recordsOf(answer)
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

/** The tasks of the shift picked above. */
export async function searchShiftTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const shiftId = locatorValue(this.getCurrentNodeParameter('shiftId')) ?? '';
	if (!/^\d+$/.test(shiftId)) return { results: [] };
	const answer = await humanityApiRequest.call(this, 'GET', `/shifts/${shiftId}/tasks`);
	const needle = filter?.trim().toLowerCase() ?? '';
	return {
		results: recordsOf(answer)
			.map((task) => ({ name: String(task.name), value: String(task.id) }))
			.filter((result) => needle === '' || result.name.toLowerCase().includes(needle)),
	};
}
