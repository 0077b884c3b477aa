/** Laravel's paginator shape `{data, links, meta}`: page and per_page read, links built. */
import type { FakeRequest, FakeResponse } from '../kit';
import { Validation } from './errors';
import type { PlannrStore } from './store';

/** Laravel's LengthAwarePaginator as an API resource collection: `{data, links, meta}`. */
export function paginate<T>(
	fake: PlannrStore,
	request: FakeRequest,
	rows: T[],
	view: (row: T) => unknown,
): FakeResponse {
	const validation = new Validation(fake.messages);
	const reject = fake.options.invalidPaging === 'reject';
	let perPage = fake.options.defaultPerPage;
	const rawPerPage = request.query.per_page;
	if (rawPerPage !== undefined) {
		const value = Number(rawPerPage);
		if (/^\d+$/.test(rawPerPage.trim()) && value >= 1) {
			if (value > fake.options.maxPerPage) {
				if (fake.options.perPageAboveMax === 'reject')
					validation.add('per_page', 'max', { max: fake.options.maxPerPage });
				perPage = fake.options.maxPerPage;
			} else {
				perPage = value;
			}
		} else if (reject) {
			validation.add('per_page', 'integer');
		}
	}
	let page = 1;
	// [inferred] pageParameter 'ignored': a Plannr whose page parameter is not `page` answers page 1 to it.
	const rawPage = fake.options.pageParameter === 'page' ? request.query.page : undefined;
	if (rawPage !== undefined) {
		// Laravel's paginator: a page that is not a whole number >= 1 reads as page 1.
		if (/^\d+$/.test(rawPage.trim()) && Number(rawPage) >= 1) page = Number(rawPage);
		else if (reject) validation.add('page', 'integer');
	}
	if (validation.failed) return validation.response();

	const total = rows.length;
	const lastPage = Math.max(1, Math.ceil(total / perPage));
	const slice = rows.slice((page - 1) * perPage, page * perPage);
	const path = `${fake.url}${request.path.replace(/\/+$/, '')}`;
	const pageUrl = (n: number) => {
		const params = fake.options.linksKeepQuery
			? new URLSearchParams(request.rawQuery)
			: new URLSearchParams();
		params.set('page', String(n));
		return `${path}?${params.toString()}`;
	};
	const from = slice.length > 0 ? (page - 1) * perPage + 1 : null;
	return {
		status: 200,
		body: {
			data: slice.map(view),
			links: {
				first: pageUrl(1),
				last: pageUrl(lastPage),
				prev: page > 1 ? pageUrl(page - 1) : null,
				next: page < lastPage ? pageUrl(page + 1) : null,
			},
			meta: {
				current_page: page,
				from,
				last_page: lastPage,
				links: [
					{ url: page > 1 ? pageUrl(page - 1) : null, label: '&laquo; Previous', active: false },
					...Array.from({ length: lastPage }, (_, i) => ({
						url: pageUrl(i + 1),
						label: String(i + 1),
						active: i + 1 === page,
					})),
					{
						url: page < lastPage ? pageUrl(page + 1) : null,
						label: 'Next &raquo;',
						active: false,
					},
				],
				path,
				per_page: perPage,
				to: from === null ? null : from + slice.length - 1,
				total,
			},
		},
	};
}
