/**
 * A stateful fake of Oliver's partner API: sign-in, staff tasks, clients and patients. Sources:
 * shared/vendors/oliver.md, seed 000, and the OpenAPI file the docs are built from
 * (github.com/oliver-software/docs, api-reference/openapi.json). Every guess is marked [inferred] and
 * can be changed through OliverFakeOptions.
 *
 * This file builds the server: the state (store.ts), then each resource's routes (auth.ts, tasks.ts,
 * clients.ts, patients.ts); types.ts holds the records and options, envelope.ts the answers.
 */
import { authRoutes } from './auth';
import { clientRoutes } from './clients';
import { fail } from './envelope';
import { patientRoutes } from './patients';
import { OliverStore } from './store';
import { taskRoutes } from './tasks';
import type { OliverFakeOptions } from './types';

export { OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH } from './types';
export type { OliverTask, OliverPatient, OliverClient, OliverFakeOptions } from './types';

export class OliverFake extends OliverStore {
	constructor(options: OliverFakeOptions = {}) {
		super(options);
		// Documented: errors (404 among them) answer the GeneralError envelope {success: false, message}.
		this.server.notFound = (request) => fail(404, `No route for ${request.method} ${request.path}`);
		this.server.internalError = (error) => fail(500, `Internal server error: ${error.message}`);
		// Registered in the order the single-file fake had them.
		authRoutes(this);
		taskRoutes(this);
		clientRoutes(this);
		patientRoutes(this);
	}
}
