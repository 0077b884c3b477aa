/** Hubs: `GET /hubs` with name and q. */
import type { FakeResponse } from '../kit';
import { isResponse } from './errors';
import { type Context, api, on } from './gates';
import { readPaging } from './paging';
import type { MileAppStore } from './store';
import { hubViewOf } from './views';

/**
 * Documented: `{status, data: [{_id, name, address, lat, lng}]}` with page, limit, name, q; `q` matches names only
 * (openapi `/hubs`: "according to similar value of name", read as part of the name, case-insensitively). How `name`
 * matches is the option hubNameMatch.
 */
function listHubs(fake: MileAppStore, context: Context): FakeResponse {
	const paging = readPaging(fake, context.request, fake.options.hubsDefaultLimit);
	if (isResponse(paging)) return paging;
	const name = context.request.query.name?.trim().toLowerCase();
	const q = context.request.query.q?.trim().toLowerCase();
	let rows = [...fake.hubs.values()];
	if (name)
		rows = rows.filter((hub) =>
			fake.options.hubNameMatch === 'exact'
				? hub.name.toLowerCase() === name
				: hub.name.toLowerCase().includes(name),
		);
	if (q) rows = rows.filter((hub) => hub.name.toLowerCase().includes(q));
	const slice = rows.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
	return { status: 200, body: { status: true, data: slice.map((hub) => hubViewOf(hub)) } };
}

export function hubRoutes(fake: MileAppStore): void {
	on(
		fake,
		'GET',
		'/hubs',
		api(fake, (c) => listHubs(fake, c)),
	);
}
