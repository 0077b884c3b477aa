/** Task statuses: `GET /task-status`. */
import type { FakeResponse } from '../kit';
import { isResponse } from './errors';
import { type Context, api, on } from './gates';
import { paginate } from './paging';
import { comparator, queryNames } from './query';
import type { PlannrStore } from './store';
import { PLANNR_API_V1, type PlannrStatus, STATUS_SORTS } from './types';

function listStatuses(fake: PlannrStore, context: Context): FakeResponse {
	const names = queryNames(
		fake,
		context.request,
		{ filters: [], sorts: STATUS_SORTS, includes: [] },
		'position',
	);
	if (isResponse(names)) return names;
	const rows = [...fake.statuses.values()].sort(
		comparator<PlannrStatus>(
			fake,
			names.sorts,
			(status, field) =>
				field === 'created_at'
					? Date.parse(status.created_at)
					: field === 'name'
						? status.name.toLowerCase()
						: status.position,
			(status) => status.position,
		),
	);
	if (fake.options.statusListPaginated)
		return paginate(fake, context.request, rows, (status) => status);
	return { status: 200, body: { data: rows } };
}

export function taskStatusRoutes(fake: PlannrStore): void {
	const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
	on(
		fake,
		'GET',
		v1('/task-status'),
		api(fake, (c) => listStatuses(fake, c)),
	);
}
