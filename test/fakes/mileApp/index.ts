/**
 * A stateful fake of the MileApp API v3, the parts a task node uses: personal-token auth, tasks (the
 * nested Laravel paginator under `tasks`, cursor paging, filters, PUT as a full replacement and PATCH as a
 * partial one, assign, permanent delete), flows with their own field lists, hubs, and webhook deliveries
 * (with MileApp's retries) to targets configured here, as MileApp's web app (Automation) would have them.
 * Sources: shared/vendors/mileapp.md and seed 003 (the task update page of docs.mile.app); where a public
 * MileApp page adds a fact the sheet lacks, the comment names it. Every guess is marked [inferred] and can be
 * changed through MileAppFakeOptions.
 *
 * As the API does: base path `/api/v3`, `Authorization: Bearer <personal token>`, only `application/json`
 * or `*\/*` accepted (else 406), every error body `{status: false, message}`, answers' times ISO 8601 with an
 * offset, task ids 24-hex ObjectIds.
 *
 * This file builds the server: the state (store.ts), then each resource's routes (taskList.ts, tasks.ts,
 * assignment.ts, flows.ts, hubs.ts) behind the checks every call passes (gates.ts); deliveries are webhooks.ts.
 */
import { assignRoutes } from './assignment';
import { failure } from './errors';
import { flowRoutes } from './flows';
import { routeMissing } from './gates';
import { hubRoutes } from './hubs';
import type { MileAppFakeOptions } from './options';
import { MileAppStore } from './store';
import { taskListRoutes } from './taskList';
import { taskRoutes } from './tasks';

export { MILEAPP_API, TASK_STATUSES, TASK_SORTS, TIME_BY, TASK_EVENTS, FIELD_TYPES } from './types';
export type {
	TaskStatus,
	TaskSort,
	TimeBy,
	MileAppEvent,
	FieldType,
	MileAppHub,
	MileAppFlowField,
	MileAppFlow,
	MileAppUser,
	MileAppTaskRecord,
	MileAppWebhookTarget,
	MileAppDelivery,
} from './types';
export type { MileAppFakeOptions } from './options';

export class MileAppFake extends MileAppStore {
	constructor(options: MileAppFakeOptions = {}) {
		super(options);
		this.server.notFound = (request) => routeMissing(this, request);
		this.server.internalError = (error) =>
			failure(500, `Unexpected Server Error: ${error.message}`);
		// Registered in the order the single-file fake had them (405's Allow header lists methods in this order).
		taskListRoutes(this);
		taskRoutes(this);
		assignRoutes(this);
		flowRoutes(this);
		hubRoutes(this);
		this.reset();
	}
}
