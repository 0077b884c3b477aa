/**
 * A stateful fake of the Plannr CRM API, the parts a task node uses: personal-access-token and OAuth2
 * (authorization-code) auth, logins, tasks, task statuses, accounts, webhook subscriptions, and webhook
 * deliveries that really arrive at the subscribed URL, signed. Sources: shared/vendors/plannr.md and seed 002
 * (the task update page of apidocs.plannrcrm.com). Every guess is marked [inferred]; those a node could meet are
 * options (PlannrFakeOptions), each tested both ways.
 *
 * As the API does (a Laravel app with spatie/laravel-query-builder): `filter[...]`, `sort` (`-` descending)
 * and `include` on lists, Laravel's paginator shape `{data, links, meta}`, 422 validation errors
 * `{message, errors: {field: [text]}}`, 401 `{"message": "Unauthenticated."}`, timestamps ISO 8601 with an
 * offset, and due dates `yyyy-MM-dd HH:mm:ss` in the firm's local time.
 *
 * This file builds the server: the state (store.ts), then each resource's routes (auth.ts, logins.ts,
 * taskList.ts, tasks.ts, completion.ts, taskStatuses.ts, accounts.ts, subscriptions.ts) behind the api
 * middleware (gates.ts); deliveries are webhooks.ts.
 */
import { accountRoutes } from './accounts';
import { authRoutes } from './auth';
import { completionRoutes } from './completion';
import { message } from './errors';
import { routeMissing } from './gates';
import { loginRoutes } from './logins';
import type { PlannrFakeOptions } from './options';
import { PlannrStore } from './store';
import { subscriptionRoutes } from './subscriptions';
import { taskListRoutes } from './taskList';
import { taskStatusRoutes } from './taskStatuses';
import { taskRoutes } from './tasks';

export {
	PLANNR_API_V1,
	PLANNR_API_V2,
	PLANNR_SUBSCRIPTIONS_PATH,
	PRIORITIES,
	TASKABLE_TYPES,
	TASK_EVENTS,
	WEBHOOK_EVENTS,
	TASK_INCLUDES,
	TASK_SORTS,
	TASK_FILTERS,
	ACCOUNT_SORTS,
	STATUS_SORTS,
	LARAVEL_MESSAGES,
} from './types';
export type {
	Priority,
	TaskableType,
	PlannrTaskEvent,
	PlannrStatus,
	PlannrAccount,
	PlannrUser,
	PlannrLogin,
	PlannrCase,
	PlannrPlan,
	PlannrGroup,
	PlannrCustomField,
	PlannrTaskRecord,
	PlannrSubscription,
	PlannrDelivery,
	PlannrToken,
	ValidationRule,
} from './types';
export { plannrSignature } from './webhooks';
export type { PlannrFakeOptions } from './options';

export class PlannrFake extends PlannrStore {
	constructor(options: PlannrFakeOptions = {}) {
		super(options);
		this.server.notFound = (request) => routeMissing(this, request);
		this.server.internalError = (error) => message(500, `Server Error: ${error.message}`);
		// Registered in the order the single-file fake had them (405's Allow header lists methods in this order).
		authRoutes(this);
		loginRoutes(this);
		taskListRoutes(this);
		taskRoutes(this);
		completionRoutes(this);
		taskStatusRoutes(this);
		accountRoutes(this);
		subscriptionRoutes(this);
		this.reset();
	}
}
