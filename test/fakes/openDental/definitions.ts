/** Definitions: `GET /definitions`; only task priorities (Category 33) are modelled. */
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
	// [inferred] hidden definitions are included unless includeHidden=false.
	if (request.query.includeHidden === 'false')
		rows = rows.filter((def) => def.isHidden === 'false');
	rows.sort((a, b) => a.ItemOrder - b.ItemOrder);
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
