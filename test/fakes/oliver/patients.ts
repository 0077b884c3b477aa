/** Patients: `GET /patients` (a client's patients) and `GET /patients/{id}`. */
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded } from './auth';
import { matches } from './clients';
import { fail, ok } from './envelope';
import type { OliverStore } from './store';
import { OLIVER_API_PREFIX } from './types';

function listPatients(fake: OliverStore, request: FakeRequest): FakeResponse {
	const clientId = request.query.client_id;
	if (!clientId) return fail(400, 'client_id is required', { field: 'client_id' });
	const name = request.query.name;
	// [inferred] a client_id naming nothing: option unknownClientPatients (no sheet line decides).
	if (fake.options.unknownClientPatients === 'reject' && !fake.clients.has(clientId))
		return fail(400, `client_id: client ${clientId} not found`, { field: 'client_id' });
	const found = [...fake.patients.values()].filter(
		(patient) => patient.client_id === clientId && (!name || matches(fake, patient.name, name)),
	);
	return ok(found);
}

function getPatient(fake: OliverStore, request: FakeRequest): FakeResponse {
	const patient = fake.patients.get(request.params.id);
	if (!patient)
		return fail(fake.options.lookupNotFoundStatus, `Patient ${request.params.id} not found`);
	return ok(patient);
}

export function patientRoutes(fake: OliverStore): void {
	const api = (path: string) => `${OLIVER_API_PREFIX}${path}`;
	fake.server
		.on(
			'GET',
			api('/patients'),
			guarded(fake, (request) => listPatients(fake, request)),
		)
		.on(
			'GET',
			api('/patients/:id'),
			guarded(fake, (request) => getPatient(fake, request)),
		);
}
