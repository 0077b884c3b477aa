/** Definitions: `GET /definitions`; only task priorities (Category 33) are modelled, hidden ones left out unless asked for. */
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded } from './gates';
import { integer, isResponse, ok } from './input';
import { paged } from './paging';
import type { OpenDentalStore } from './store';
import { OPEN_DENTAL_API_PREFIX, type OpenDentalDefinition, TASK_PRIORITY_CATEGORY } from './types';

function listDefinitions(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	let rows: OpenDentalDefinition[] = [...fake.priorities.values()];
	if (request.query.Category !== undefined) {
		const category = integer(fake, 'Category', request.query.Category, true);
		if (isResponse(category)) return category;
		// Only task priorities are modelled: any other category answers an empty list.
		if (category !== TASK_PRIORITY_CATEGORY) rows = [];
	}
	// Documented: "includeHidden is an optional parameter that defaults to false" (apidefinitions.html).
	const includeHidden = request.query.includeHidden;
	if (includeHidden !== undefined && includeHidden !== 'true' && includeHidden !== 'false')
		return fake.fail(400, 'includeHidden is invalid: use "true" or "false".');
	if (includeHidden !== 'true') rows = rows.filter((def) => def.isHidden === 'false');
	// The office's own order (the documented example is not sorted by DefNum): the order they were added.
	const page = paged(fake, request, rows);
	return isResponse(page) ? page : ok(page);
}

export function definitionRoutes(fake: OpenDentalStore): void {
	const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
	// No version is documented for it (nor for /userods): never refused.
	fake.server.on(
		'GET',
		api('/definitions'),
		guarded(fake, null, (r) => listDefinitions(fake, r)),
	);
}
