/** Clients: `GET /clients` (search by name, email or phone) and `GET /clients/{id}`. */
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded } from './auth';
import { fail, ok } from './envelope';
import type { OliverStore } from './store';
import { OLIVER_API_PREFIX, type OliverClient } from './types';

/** Documented: at most 100 clients per search. */
const MAX_CLIENTS = 100;

export function matches(fake: OliverStore, value: string | null, filter: string): boolean {
	const have = (value ?? '').toLowerCase();
	const want = filter.toLowerCase();
	if (fake.options.lookupMatch === 'exact') return have === want;
	if (fake.options.lookupMatch === 'prefix') return have.startsWith(want);
	return have.includes(want);
}

function clientView(fake: OliverStore, client: OliverClient): OliverClient {
	const patients = [...fake.patients.values()].filter((patient) => patient.client_id === client.id);
	return { ...client, patients };
}

function searchClients(fake: OliverStore, request: FakeRequest): FakeResponse {
	// [inferred] an empty value: options emptySearchValue and searchFilters (no sheet line decides).
	const filters = (['name', 'email', 'phone'] as const).filter(
		(key) =>
			request.query[key] !== undefined &&
			(request.query[key] !== '' || fake.options.emptySearchValue === 'match-all'),
	);
	if (filters.length === 0) return fail(400, 'At least one of name, email or phone is required');
	const found = [...fake.clients.values()].filter((client) => {
		const match = (key: (typeof filters)[number]) => matches(fake, client[key], request.query[key]);
		return fake.options.searchFilters === 'any' ? filters.some(match) : filters.every(match);
	});
	return ok(found.slice(0, MAX_CLIENTS).map((client) => clientView(fake, client)));
}

function getClient(fake: OliverStore, request: FakeRequest): FakeResponse {
	const client = fake.clients.get(request.params.id);
	if (!client)
		return fail(fake.options.lookupNotFoundStatus, `Client ${request.params.id} not found`);
	return ok(clientView(fake, client));
}

export function clientRoutes(fake: OliverStore): void {
	const api = (path: string) => `${OLIVER_API_PREFIX}${path}`;
	fake.server
		.on(
			'GET',
			api('/clients'),
			guarded(fake, (request) => searchClients(fake, request)),
		)
		.on(
			'GET',
			api('/clients/:id'),
			guarded(fake, (request) => getClient(fake, request)),
		);
}
