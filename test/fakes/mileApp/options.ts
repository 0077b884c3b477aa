/** What can be changed about the fake MileApp (every [inferred] behaviour among them), and the defaults. */
import type { MileAppEvent, MileAppWebhookTarget, TaskSort, TimeBy } from './types';

export interface MileAppFakeOptions {
	/** The primary user's personal token (web app → Profile → Personal Token). */
	token?: string;
	organizationId?: string;
	/** All times come from it. */
	clock?: () => Date;
	/** [inferred] the organization's zone: `Y-m-d H:i:s` inputs are read in it and answers carry its offset (the documents' examples show +00:00). */
	timeZone?: string;

	/**
	 * [inferred] a date in an ISO 8601 form data-formats.mdx does not list (`Z` for `+00:00`, `+0700`, a fraction
	 * other than milliseconds): a 400 like any unreadable date, or read as ISO 8601.
	 */
	undocumentedDateForms?: 'reject' | 'accept';

	/** Documented: 20. */
	defaultLimit?: number;
	/** Documented (openapi `/tasks`): the largest `limit`, 1000. */
	maxLimit?: number;
	/** [inferred] a limit above the maximum: clamped, or a 400. */
	limitAboveMax?: 'clamp' | 'reject';
	/** [inferred] page/limit that are not whole numbers >= 1: the default used (Laravel's paginator does), or a 400. */
	invalidPaging?: 'default' | 'reject';
	/** [inferred] the sortBy used when none is sent. */
	defaultSortBy?: TaskSort;
	/** Documented: desc. */
	defaultSortOrder?: 'asc' | 'desc';
	/** [inferred] a status/sortBy/sortOrder/timeBy value not in the documented lists: a 400, or ignored. */
	unknownQueryValues?: 'reject' | 'ignore';
	/** [inferred] the filters flow, flowId, status, hubId, assignee, doneBy take comma-separated lists. */
	commaListFilters?: boolean;
	/** [inferred] the time a range applies to when timeFrom/timeTo come without timeBy. */
	defaultTimeBy?: TimeBy;
	/** [inferred] timeFrom/timeTo include their bound. */
	timeRangeInclusive?: boolean;
	/** [inferred] where a missing doneTime goes: 'mongo' (lowest: first ascending, last descending) or always last. */
	nullsSort?: 'mongo' | 'last';
	/** [inferred] `fields=` always keeps `_id` in each row. */
	fieldsKeepId?: boolean;
	/** [inferred] the paginator carries Laravel 8's `links` array. */
	paginatorLinks?: boolean;
	/** [inferred] with lazyLoad=1 the paginator is Laravel's simple one (no total/last_page); true adds them. */
	lazyLoadTotals?: boolean;
	/** [inferred] a cursor naming no task of the list: an empty page, or a 400. */
	unknownCursor?: 'empty' | 'reject';
	/** [inferred] GET /hubs: page size when no limit is sent. */
	hubsDefaultLimit?: number;
	/** [inferred] GET /hubs?name= matches part of the name (case-insensitive), or the whole name. */
	hubNameMatch?: 'partial' | 'exact';

	/** Documented: 100 requests per second per organization. null turns the limit off. */
	rateLimitPerSecond?: number | null;
	/** ms the window is measured with; by default the fake's clock. */
	rateLimitClock?: () => number;
	/**
	 * [inferred] answers carry X-RateLimit-Limit/-Remaining, and a 429 Retry-After (Laravel's throttle does). None is
	 * documented (introduction.mdx only says to wait 60 s after a 429), so by default there are none.
	 */
	rateLimitHeaders?: boolean;

	/**
	 * [inferred] which HTTP status an error goes out under. The fact sheet lists real codes; apidoc.mile.app
	 * says "Response from POST data will return json data which contain status with HTTP status code = 200".
	 * 'real': the error's code; 'post-200': errors of POST requests under 200; 'always-200': every error under 200.
	 */
	errorHttpStatus?: 'real' | 'post-200' | 'always-200';
	/** [inferred] the Accept check (406) runs before the token check (401), or after it. */
	acceptCheck?: 'before-auth' | 'after-auth';
	/** [inferred] a request without an Accept header: taken as `*\/*` (HTTP's rule), or a 406. */
	missingAccept?: 'accept' | 'reject';
	/** [inferred] the 401 message. */
	unauthorizedMessage?: string;
	/** [inferred] a body over this many bytes is a 413 (the limit is undocumented). */
	maxBodyBytes?: number;

	/** Documented by example: a missing `flow` on create is a 400. [inferred] every validation failure uses it. */
	validationStatus?: 400 | 422;
	/** [inferred] several validation failures: the first message, or all joined with a space. */
	validationMessage?: 'first' | 'all';
	/** [inferred] body keys that are neither the task's nor the flow's fields: dropped, kept on the task, or a 400. */
	unknownBodyFields?: 'ignore' | 'keep' | 'reject';
	/** [inferred] false: a number field takes a numeric string (stored as a number), a string field a number (stored as text); true: a 400. */
	strictFieldTypes?: boolean;
	/** [inferred] a PUT (a full replacement) must carry the flow's required fields too, as a create does. */
	putRequiresFlowFields?: boolean;
	/** [inferred] a PUT without `assignee` keeps the assignment (status and assignee are not form fields), or unassigns. */
	putWithoutAssignee?: 'keep' | 'unassign';
	/** [inferred] a PUT without startTime/endTime: the flow's defaults again (what "fields not sent are lost" implies), or the task's own. */
	putWithoutTimes?: 'flow-default' | 'keep';
	/** [inferred] an endTime before the startTime: a 400, or stored as sent. */
	endBeforeStart?: 'reject' | 'accept';
	/** [inferred] how a task is finished through the API (no finish call is documented): `status: "DONE"` in a PUT/PATCH. false: `status` is ignored. */
	statusWritable?: boolean;
	/** [inferred] the HTTP status and message of finishing a task after its endTime (the rule is documented, its error is not). */
	finishAfterEndStatus?: 400 | 409 | 422;
	finishAfterEndMessage?: string;
	/** [inferred] finishing an UNASSIGNED task: a 409, or allowed. */
	finishUnassigned?: 'reject' | 'allow';
	/** Documented ("assign tasks using user email according to their task hub"): an assignee must belong to the task's hub. */
	assignChecksHub?: boolean;
	/** [inferred] PUT .../assign with no emails: a 400, or the task is unassigned. */
	emptyAssign?: 'reject' | 'unassign';
	/** [inferred] assigning a DONE task: a 409, or allowed (it stays DONE). */
	assignDoneTask?: 'reject' | 'allow';
	/** [inferred] PUT/PATCH of a DONE task: allowed, or a 409. */
	editDoneTask?: 'allow' | 'reject';
	/** [inferred] a task created with assignees fires onCreate then onAssign, or only onCreate. */
	createWithAssigneeEvents?: 'create-and-assign' | 'create-only';
	/** [inferred] orderIndex of a new task: the last one's plus this (seed 003's task has 10). */
	orderIndexStep?: number;

	/** The webhooks configured in the web app. `addWebhook()` adds more. */
	webhooks?: MileAppWebhookTarget[];
	/**
	 * Not MileApp's own: the secret set by hand on the sandbox's webhooks as a custom header
	 * (`webhookSecretHeaders()`), which the sandbox's MileApp Webhook credential holds (`webhookCredentialData()`).
	 */
	webhookSecret?: string;
	/**
	 * The delivery body. Documented (webhooks/task-events.mdx): the task with a nested `hub` (with `deleteAccess`),
	 * `assignee` (empty on onCreate), and on onAssign/onFinish `assignedBy`, `assignedTo` (the worker), `assignedTime`;
	 * on onFinish `doneBy`, `doneTime` (see `webhookPayloadOf`). A test may send another shape.
	 */
	deliveryBody?: (event: MileAppEvent, task: Record<string, unknown>) => unknown;
	/** [inferred] a header naming the event (none is documented: null sends none). */
	eventHeader?: string | null;
	/** [inferred] the User-Agent of deliveries. */
	deliveryUserAgent?: string;
	/** Deliveries start this long after the API answers. */
	deliveryDelayMs?: number;
	/** Documented: retried 3 times after a failed attempt. */
	deliveryRetries?: number;
	/** Documented: 2 minutes apart. */
	deliveryRetryDelayMs?: number;
	/** Documented: the receiver must answer within 30 s. */
	deliveryTimeoutMs?: number;
	/** Documented: an HTTP status that is not 200 is a failure. '2xx' counts any 2xx as delivered. */
	deliverySuccess?: 'exactly-200' | '2xx';
}

export type Options = Required<Omit<MileAppFakeOptions, 'rateLimitClock' | 'webhooks'>> & {
	rateLimitClock: () => number;
	webhooks: MileAppWebhookTarget[];
};

/** The defaults of every option not given (a fresh object each time: some are arrays). */
export function defaultOptions(): Omit<Options, 'rateLimitClock'> {
	return {
		token: 'mileapp-personal-token',
		organizationId: '634e98098ce07d29474a7e22',
		clock: () => new Date(),
		timeZone: 'UTC',
		undocumentedDateForms: 'reject',
		defaultLimit: 20,
		maxLimit: 1000,
		limitAboveMax: 'clamp',
		invalidPaging: 'default',
		defaultSortBy: 'createdTime',
		defaultSortOrder: 'desc',
		unknownQueryValues: 'reject',
		commaListFilters: true,
		defaultTimeBy: 'createdTime',
		timeRangeInclusive: true,
		nullsSort: 'mongo',
		fieldsKeepId: true,
		paginatorLinks: true,
		lazyLoadTotals: false,
		unknownCursor: 'empty',
		hubsDefaultLimit: 20,
		hubNameMatch: 'partial',
		rateLimitPerSecond: 100,
		rateLimitHeaders: false,
		errorHttpStatus: 'real',
		acceptCheck: 'before-auth',
		missingAccept: 'accept',
		unauthorizedMessage: 'Unauthenticated.',
		maxBodyBytes: 2 * 1024 * 1024,
		validationStatus: 400,
		validationMessage: 'first',
		unknownBodyFields: 'ignore',
		strictFieldTypes: false,
		putRequiresFlowFields: true,
		putWithoutAssignee: 'keep',
		putWithoutTimes: 'flow-default',
		endBeforeStart: 'reject',
		statusWritable: true,
		finishAfterEndStatus: 400,
		finishAfterEndMessage: 'Task cannot be finished because it has passed its end time.',
		finishUnassigned: 'reject',
		assignChecksHub: true,
		emptyAssign: 'reject',
		assignDoneTask: 'reject',
		editDoneTask: 'allow',
		createWithAssigneeEvents: 'create-and-assign',
		orderIndexStep: 10,
		webhooks: [],
		webhookSecret: 'mileapp-sandbox-webhook-secret-5d1e',
		deliveryBody: (_event, task) => task,
		eventHeader: null,
		deliveryUserAgent: 'MileApp-Webhook/1.0',
		deliveryDelayMs: 0,
		deliveryRetries: 3,
		deliveryRetryDelayMs: 120_000,
		deliveryTimeoutMs: 30_000,
		deliverySuccess: 'exactly-200',
	};
}
