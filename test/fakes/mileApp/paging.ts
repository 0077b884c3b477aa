/**
 * Laravel's paging as MileApp answers it: page and limit, the LengthAwarePaginator, and cursor (lazyLoad)
 * pages.
 */
import type { FakeRequest, FakeResponse } from '../kit';
import { invalid, Problems } from './errors';
import type { MileAppStore } from './store';
import type { MileAppTaskRecord } from './types';

/** Page and limit: not a whole number >= 1 is a 400, or falls back to the default (the option invalidPaging). */
export function readPaging(
	fake: MileAppStore,
	request: FakeRequest,
	defaultLimit: number,
): { page: number; limit: number } | FakeResponse {
	const problems = new Problems();
	const whole = (raw: string | undefined) =>
		raw !== undefined && /^\d+$/.test(raw.trim()) && Number(raw) >= 1 ? Number(raw) : undefined;
	let limit = defaultLimit;
	const rawLimit = request.query.limit;
	if (rawLimit !== undefined) {
		const value = whole(rawLimit);
		if (value === undefined) {
			if (fake.options.invalidPaging === 'reject')
				problems.add('The limit must be an integer of at least 1.');
		} else if (value > fake.options.maxLimit) {
			if (fake.options.limitAboveMax === 'reject')
				problems.add(`The limit may not be greater than ${fake.options.maxLimit}.`);
			limit = fake.options.maxLimit;
		} else {
			limit = value;
		}
	}
	let page = 1;
	if (request.query.page !== undefined) {
		const value = whole(request.query.page);
		if (value === undefined) {
			if (fake.options.invalidPaging === 'reject')
				problems.add('The page must be an integer of at least 1.');
		} else {
			page = value;
		}
	}
	return problems.failed ? invalid(fake, problems) : { page, limit };
}

/** Laravel's LengthAwarePaginator as an array: the URLs keep the request's query (documented by the list example). */
export function paginator<T>(
	fake: MileAppStore,
	request: FakeRequest,
	rows: T[],
	page: number,
	limit: number,
	view: (row: T) => unknown,
): Record<string, unknown> {
	const total = rows.length;
	const lastPage = Math.max(1, Math.ceil(total / limit));
	const slice = rows.slice((page - 1) * limit, page * limit);
	const path = `${fake.url}${request.path.replace(/\/+$/, '')}`;
	const pageUrl = (n: number) => {
		const params = new URLSearchParams(request.rawQuery);
		params.set('page', String(n));
		return `${path}?${params.toString()}`;
	};
	const from = slice.length > 0 ? (page - 1) * limit + 1 : null;
	const result: Record<string, unknown> = {
		current_page: page,
		data: slice.map(view),
		first_page_url: pageUrl(1),
		from,
		last_page: lastPage,
		last_page_url: pageUrl(lastPage),
	};
	if (fake.options.paginatorLinks) {
		result.links = [
			{ url: page > 1 ? pageUrl(page - 1) : null, label: '&laquo; Previous', active: false },
			...Array.from({ length: lastPage }, (_, i) => ({
				url: pageUrl(i + 1),
				label: String(i + 1),
				active: i + 1 === page,
			})),
			{ url: page < lastPage ? pageUrl(page + 1) : null, label: 'Next &raquo;', active: false },
		];
	}
	Object.assign(result, {
		next_page_url: page < lastPage ? pageUrl(page + 1) : null,
		path,
		per_page: limit,
		prev_page_url: page > 1 ? pageUrl(page - 1) : null,
		to: from === null ? null : from + slice.length - 1,
		total,
	});
	return result;
}

/**
 * Documented: `lazyLoad=1` + `cursor=<last _id>` pages by cursor: the rows after the cursor's task in the
 * list's order. [inferred] lazyLoadTotals: Laravel's simple paginator (no total, no last_page), or with them.
 */
export function lazyPage(
	fake: MileAppStore,
	request: FakeRequest,
	rows: MileAppTaskRecord[],
	limit: number,
	view: (task: MileAppTaskRecord) => unknown,
): FakeResponse {
	const cursor = request.query.cursor?.trim();
	let start = 0;
	if (cursor) {
		const index = rows.findIndex((task) => task._id === cursor);
		if (index === -1) {
			if (fake.options.unknownCursor === 'reject')
				return invalid(fake, 'The selected cursor is invalid.');
			start = rows.length;
		} else {
			start = index + 1;
		}
	}
	const slice = rows.slice(start, start + limit);
	const more = start + limit < rows.length;
	const path = `${fake.url}${request.path.replace(/\/+$/, '')}`;
	const url = (next: string | undefined) => {
		const params = new URLSearchParams(request.rawQuery);
		params.delete('page');
		if (next === undefined) params.delete('cursor');
		else params.set('cursor', next);
		return `${path}?${params.toString()}`;
	};
	const tasks: Record<string, unknown> = {
		current_page: 1,
		data: slice.map(view),
		first_page_url: url(undefined),
		from: slice.length > 0 ? start + 1 : null,
		next_page_url: more && slice.length > 0 ? url(slice[slice.length - 1]._id) : null,
		path,
		per_page: limit,
		prev_page_url: null,
		to: slice.length > 0 ? start + slice.length : null,
	};
	if (fake.options.lazyLoadTotals)
		Object.assign(tasks, {
			total: rows.length,
			last_page: Math.max(1, Math.ceil(rows.length / limit)),
		});
	return { status: 200, body: { status: true, message: 'Success.', tasks } };
}
