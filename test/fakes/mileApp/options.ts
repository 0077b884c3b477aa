/** What can be changed about the fake MileApp (every [inferred] behaviour among them), and the defaults. */
import type { MileAppEvent, MileAppWebhookTarget, TimeBy } from './types';

export interface MileAppFakeOptions {
	/** The primary user's personal token (web app → Profile → Personal Token). */
	token?: string;
	organizationId?: string;
	/** All times come from it. */
	clock?: () => Date;
	/**
	 * [inferred] sheet Unknown: "the time zone of `timeFrom`/`timeTo`". The organization's zone: `Y-m-d H:i:s` inputs are
	 * read in it and answers carry its offset (the documents' examples show +00:00, hence UTC).
	 */
	timeZone?: string;

	/**
	 * [inferred] no sheet line decides (the sheet lists the accepted forms only): a date in an ISO 8601 form data-formats.mdx does not list (`Z` for `+00:00`, `+0700`, a fraction
	 * other than milliseconds): a 400 like any unreadable date, or read as ISO 8601.
	 */
	undocumentedDateForms?: 'reject' | 'accept';

	/** Documented: 20. */
	defaultLimit?: number;
	/** Documented (openapi `/tasks`): the largest `limit`, 1000. */
	maxLimit?: number;
	/** [inferred] no sheet line decides: a limit above the maximum is a 400 (the stricter, by default), or clamped. */
	limitAboveMax?: 'clamp' | 'reject';
	/** [inferred] no sheet line decides: page/limit that are not whole numbers >= 1 are a 400 (the stricter, by default), or the defaults are used (as Laravel's paginator does). */
	invalidPaging?: 'default' | 'reject';
	/** Documented: desc. */
	defaultSortOrder?: 'asc' | 'desc';
	/** [inferred] no sheet line decides: a status/sortBy/sortOrder/timeBy value not in the documented lists is a 400, or ignored. */
	unknownQueryValues?: 'reject' | 'ignore';
	/**
	 * [inferred] no sheet line decides (each filter is documented with one value: "`assignee` (email)"): true, the filters
	 * flow, flowId, status, hubId, assignee, doneBy take comma-separated lists; false, a value with a comma is one value.
	 * false by default: a node must not rely on lists.
	 */
	commaListFilters?: boolean;
	/** [inferred] no sheet line decides: the time a range applies to when timeFrom/timeTo come without timeBy. */
	defaultTimeBy?: TimeBy;
	/** [inferred] no sheet line decides: timeFrom/timeTo include their bound (true), or exclude it. */
	timeRangeInclusive?: boolean;
	/**
	 * [inferred] sortTies: no sheet line decides the order of tasks equal on the sort's key (MongoDB promises none):
	 * 'in-direction', creation order in the sort's direction (newest first when desc), or 'oldest-first' always.
	 */
	sortTies?: 'in-direction' | 'oldest-first';
	/** [inferred] no sheet line decides where a missing doneTime goes: 'mongo' (lowest: first ascending, last descending) or always last. */
	nullsSort?: 'mongo' | 'last';
	/** [inferred] no sheet line decides: `fields=` always keeps `_id` in each row (true), or only the fields named (false, the default: a client must name `_id`). */
	fieldsKeepId?: boolean;
	/** [inferred] no sheet line decides: the paginator carries Laravel 8's `links` array. */
	paginatorLinks?: boolean;
	/** [inferred] no sheet line decides: with lazyLoad=1 the paginator is Laravel's simple one (no total/last_page); true adds them. */
	lazyLoadTotals?: boolean;
	/** [inferred] no sheet line decides: a cursor naming no task of the list is an empty page, or a 400. */
	unknownCursor?: 'empty' | 'reject';
	/** [inferred] no sheet line decides (openapi documents `limit` for /hubs without a default): its page size when no limit is sent. */
	hubsDefaultLimit?: number;
	/** [inferred] no sheet line decides: GET /hubs?name= matches part of the name (case-insensitive), or the whole name. */
	hubNameMatch?: 'partial' | 'exact';

	/** Documented: 100 requests per second per organization. null turns the limit off. */
	rateLimitPerSecond?: number | null;
	/**
	 * [inferred] no sheet line decides how the second is counted ("Limit 100 requests, Time Window 1 second"): 'fixed',
	 * a window from its first request; 'sliding', the last 1000 ms. 'fixed' by default, which the e2e, queue and bench
	 * runs were written against; 'sliding' is the stricter (it refuses whatever 'fixed' refuses).
	 */
	rateLimitWindow?: 'fixed' | 'sliding';
	/** ms the window is measured with; by default the fake's clock. */
	rateLimitClock?: () => number;
	/**
	 * [inferred] no sheet line decides: answers carry X-RateLimit-Limit/-Remaining, and a 429 Retry-After (Laravel's throttle does). None is
	 * documented (introduction.mdx only says to wait 60 s after a 429), so by default there are none.
	 */
	rateLimitHeaders?: boolean;

	/**
	 * [inferred] no sheet line decides which HTTP status an error goes out under. The fact sheet lists real codes; apidoc.mile.app
	 * says "Response from POST data will return json data which contain status with HTTP status code = 200".
	 * 'real': the error's code; 'post-200': errors of POST requests under 200; 'always-200': every error under 200.
	 */
	errorHttpStatus?: 'real' | 'post-200' | 'always-200';
	/** [inferred] no sheet line decides: the Accept check (406) runs before the token check (401), or after it. */
	acceptCheck?: 'before-auth' | 'after-auth';
	/** [inferred] no sheet line decides: a request without an Accept header is taken as `*\/*` (HTTP's rule), or a 406. */
	missingAccept?: 'accept' | 'reject';
	/** [inferred] no sheet line decides the 401 message (Laravel's default by default). */
	unauthorizedMessage?: string;
	/** [inferred] no sheet line decides the size: a body over this many bytes is a 413 (the code is documented). */
	maxBodyBytes?: number;

	/**
	 * Documented by example: a missing `flow` on create is a 400. [inferred] no sheet line decides that every validation
	 * failure uses it (status-codes.mdx lists 400 and no 422, so 400 by default; 422 is Laravel's usual code).
	 */
	validationStatus?: 400 | 422;
	/** [inferred] no sheet line decides: several validation failures give the first message, or all joined with a space. */
	validationMessage?: 'first' | 'all';
	/** [inferred] no sheet line decides: body keys that are neither the task's nor the flow's fields: dropped, kept on the task, or a 400. */
	unknownBodyFields?: 'ignore' | 'keep' | 'reject';
	/**
	 * [inferred] answerKeysInBody: no sheet line decides what a task body's keys of an answer (`_id`, `hub`,
	 * `orderIndex`, `createdTime`, …) do. 'ignore' by default: the PUT "requires a complete representation of the task
	 * object" (openapi), which a client builds from a read; 'reject' makes them a 400.
	 */
	answerKeysInBody?: 'ignore' | 'reject';
	/**
	 * [inferred] emptyFieldValue: no sheet line decides what a flow field sent as null or '' does. 'reject' by default
	 * (the stricter: a 400), or 'clear' (the field is removed). A required field empty is "required" either way.
	 */
	emptyFieldValue?: 'reject' | 'clear';
	/**
	 * [inferred] fieldTypeChecks: no sheet line decides (seed 003: "This field's type & value is according to Flow's
	 * setting"): 'checked' by default (the stricter), a value must fit its field's type (date `Y-m-d`, datetime a
	 * documented date, select one of the choices, location `lat,lng`); 'unchecked' stores what is sent.
	 */
	fieldTypeChecks?: 'checked' | 'unchecked';
	/**
	 * [inferred] patchFlowChange: no sheet line decides a PATCH naming another flow. 'new-flow' by default (the sheet's
	 * PATCH takes "only the fields to change", the flow among them): the task takes that flow and needs its required
	 * fields; 'reject' makes it a 400 (a flow is changed by PUT only).
	 */
	patchFlowChange?: 'new-flow' | 'reject';
	/** [inferred] no sheet line decides: false, a number field takes a numeric string (stored as a number), a string field a number (stored as text); true: a 400. */
	strictFieldTypes?: boolean;
	/** [inferred] no sheet line decides: a PUT (a full replacement) must carry the flow's required fields too, as a create does. */
	putRequiresFlowFields?: boolean;
	/** [inferred] sheet Unknown: "whether a PUT without `assignee` unassigns the task". keep: it keeps the assignment (status and assignee are not form fields), or unassigns. */
	putWithoutAssignee?: 'keep' | 'unassign';
	/** [inferred] no sheet line decides: a PUT without startTime/endTime gets the flow's defaults again (what "fields not sent are lost" implies), or the task's own. */
	putWithoutTimes?: 'flow-default' | 'keep';
	/** [inferred] no sheet line decides: an endTime before the startTime is a 400, or stored as sent. */
	endBeforeStart?: 'reject' | 'accept';
	/** [inferred] sheet Unknown: "whether `status: \"DONE\"` in a PUT or PATCH finishes a task". How a task is finished through the API: `status: "DONE"` in a PUT/PATCH. false: `status` is ignored. */
	statusWritable?: boolean;
	/** [inferred] no sheet line decides the HTTP status and message of finishing a task after its endTime (the rule is documented, its error is not). */
	finishAfterEndStatus?: 400 | 409 | 422;
	finishAfterEndMessage?: string;
	/** [inferred] no sheet line decides: finishing an UNASSIGNED task is a 409, or allowed. */
	finishUnassigned?: 'reject' | 'allow';
	/** Documented ("assign tasks using user email according to their task hub"): an assignee must belong to the task's hub. */
	assignChecksHub?: boolean;
	/** [inferred] no sheet line decides (`assignee` is "required"): PUT .../assign with no emails is a 400, or unassigns. */
	emptyAssign?: 'reject' | 'unassign';
	/** [inferred] no sheet line decides: assigning a DONE task is a 409, or allowed (it stays DONE). */
	assignDoneTask?: 'reject' | 'allow';
	/** [inferred] no sheet line decides: a PUT/PATCH of a DONE task is allowed, or a 409. */
	editDoneTask?: 'allow' | 'reject';
	/** [inferred] no sheet line decides: a task created with assignees fires onCreate then onAssign, or only onCreate. */
	createWithAssigneeEvents?: 'create-and-assign' | 'create-only';
	/**
	 * [inferred] sheets silent (they list `flowFields: [{field, type, required, description, example}]`): where
	 * `GET /flow/{flowName}/task` puts a select field's choices. 'format': as openapi's example does, every field has
	 * `format` (null, or the choices) and a select field's type is "string"; 'options': its type is "select" and its
	 * choices are in `options` (as the flow's select components carry them in `GET /flows`).
	 */
	flowFieldChoices?: 'format' | 'options';
	/** [inferred] no sheet line decides: orderIndex of a new task is the last one's plus this (seed 003's task has 10). */
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
	/** [inferred] no sheet line decides: a header naming the event (none is documented: null sends none). */
	eventHeader?: string | null;
	/** [inferred] no sheet line decides the User-Agent of deliveries. */
	deliveryUserAgent?: string;
	/** Not MileApp's own (no delay is documented): a test's knob, deliveries start this long after the API answers. */
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
		limitAboveMax: 'reject',
		invalidPaging: 'reject',
		defaultSortOrder: 'desc',
		unknownQueryValues: 'reject',
		commaListFilters: false,
		defaultTimeBy: 'createdTime',
		timeRangeInclusive: true,
		sortTies: 'in-direction',
		nullsSort: 'mongo',
		fieldsKeepId: false,
		paginatorLinks: true,
		lazyLoadTotals: false,
		unknownCursor: 'empty',
		hubsDefaultLimit: 20,
		hubNameMatch: 'partial',
		rateLimitPerSecond: 100,
		rateLimitWindow: 'fixed',
		rateLimitHeaders: false,
		errorHttpStatus: 'real',
		acceptCheck: 'before-auth',
		missingAccept: 'accept',
		unauthorizedMessage: 'Unauthenticated.',
		maxBodyBytes: 2 * 1024 * 1024,
		validationStatus: 400,
		validationMessage: 'first',
		unknownBodyFields: 'ignore',
		answerKeysInBody: 'ignore',
		emptyFieldValue: 'reject',
		fieldTypeChecks: 'checked',
		patchFlowChange: 'new-flow',
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
		flowFieldChoices: 'format',
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
