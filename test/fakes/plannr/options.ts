/**
 * What can be changed about the fake Plannr, and the defaults. Every `[inferred]` option is a behaviour no sheet
 * line decides (shared/vendors/plannr.md): its default is the answer the sheet names as safe, else the one
 * stricter on what a node sends, and its fake tests (and engine tests where the node could depend on it) run
 * each answer.
 */
import type { PlannrSubscription, ValidationRule } from './types';

export interface PlannrFakeOptions {
	/** The primary user's personal access token (documented: valid a year). */
	personalAccessToken?: string;
	/** The primary user's account, what X-PLANNR-ACCOUNT-UUID names. */
	accountUuid?: string;
	/** All timestamps and token expiry come from it. */
	clock?: () => Date;
	/** The firm's zone: due_at and completed_at are local times in it; created_at carries its offset. */
	timeZone?: string;
	/** Documented: 15 and 500. */
	defaultPerPage?: number;
	maxPerPage?: number;
	/** Documented: 500 requests a minute per user. null turns the limit off. */
	rateLimitPerMinute?: number | null;
	/** The window the limit counts in (a fixed window from its first request, as Laravel's limiter does). */
	rateLimitWindowMs?: number;
	/** ms the window is measured with; by default the fake's clock. */
	rateLimitClock?: () => number;
	/**
	 * [inferred] sheet: "No `Retry-After` or reset header is documented: back off without depending on one".
	 * true: a 429 carries Retry-After and X-RateLimit-Reset (Laravel's ThrottleRequests sends them).
	 */
	rateLimitRetryAfter?: boolean;

	/** [inferred] sheet Unknown: "the OAuth2 authorize and token URLs (no page gives them)": Passport's paths. */
	oauthAuthorizePath?: string;
	oauthTokenPath?: string;
	oauthClientId?: string;
	oauthClientSecret?: string;
	/**
	 * Documented: redirect URLs are registered with Plannr (authorization); a registered one must match. null,
	 * a test setting, accepts any (n8n's callback URL varies).
	 */
	oauthRedirectUri?: string | null;
	/** A test setting, not a claim about Plannr: access tokens last an hour so that n8n's refresh is exercised. */
	oauthAccessTokenTtlMs?: number;
	/** [inferred] no sheet line decides: a refresh revokes the old refresh and access tokens (Passport does). */
	rotateRefreshTokens?: boolean;
	/** Documented: a personal access token is valid a year. */
	personalAccessTokenTtlMs?: number;

	/** [inferred] no sheet line decides: X-PLANNR-ACCOUNT-UUID missing or not one of the token's user's accounts: 403 or 401. */
	accountHeaderFailureStatus?: 401 | 403;
	/** [inferred] no sheet line decides: a known path with a method it lacks (e.g. DELETE /api/v1/task/{uuid}): 405 as Laravel, or 404. */
	unknownMethodStatus?: 404 | 405;
	/** [inferred] no sheet line decides: PATCH taken for update as well as PUT (Laravel's apiResource); off by default, PUT being the documented one. */
	acceptPatchForUpdate?: boolean;
	/**
	 * [inferred] no sheet line decides: without `Accept: application/json` (which the sheet requires on every call)
	 * a 401 or 422 is Laravel's 302 redirect rather than JSON. On by default: the stricter answer.
	 */
	requireAcceptJson?: boolean;
	/** [inferred] no sheet line decides: the wording of 422 messages, by rule (Laravel's English by default). */
	validationMessages?: Partial<Record<ValidationRule, string>>;
	/** [inferred] no sheet line decides: unknown filter/sort/include names are a 400 (spatie/laravel-query-builder), or ignored. */
	unknownQueryParams?: 'reject' | 'ignore';
	/** [inferred] sheet: "Max 500", not what a larger per_page does: a 422 (default, the stricter), or clamped. */
	perPageAboveMax?: 'clamp' | 'reject';
	/**
	 * [inferred] sheet Unknown: "the page parameter's name": `page` (Laravel's) read, or ignored, so that every
	 * answer is the first page with meta.current_page 1.
	 */
	pageParameter?: 'page' | 'ignored';
	/** [inferred] no sheet line decides: per_page below 1 or not a number, page not a number: a 422 (default, the stricter), or the default used (Laravel's paginator). */
	invalidPaging?: 'default' | 'reject';
	/**
	 * [inferred] no sheet line decides: links.first/last/prev/next keep the request's other query parameters
	 * (paginator->appends). Off by default: a node following links would then lose its filters.
	 */
	linksKeepQuery?: boolean;
	/**
	 * [inferred] author, completed_by and custom_fields in every task, or only when `include` names them. No
	 * sheet line decides for GET and POST; 'always' by default because seed 002's PUT answer has them unasked.
	 */
	relationsWithoutInclude?: 'always' | 'only-when-included';
	/** [inferred] no sheet line decides: sort=priority by rank (low < medium < high < highest) or alphabetically. */
	prioritySort?: 'rank' | 'alphabetical';
	/** [inferred] no sheet line decides: where null due_at/priority go in an ascending sort (MySQL: first); reversed when descending. */
	nullsSort?: 'first' | 'last';
	/**
	 * [inferred] no sheet line decides: whether child tasks are in the list when neither
	 * filter[subtask_visibility] nor the deprecated filter[show_child_tasks] is sent.
	 */
	listChildTasks?: boolean;
	/**
	 * [inferred] no sheet line decides: filter[name] matches the whole name ('exact', the stricter) or any part
	 * of it, case-insensitively ('partial', spatie/laravel-query-builder's default filter).
	 */
	nameFilterMatch?: 'exact' | 'partial';
	/**
	 * [inferred] no sheet line decides what filter[open_tasks]=false does: lists only the completed and archived
	 * tasks ('closed', the stricter), or filters nothing ('all').
	 */
	openTasksFalse?: 'closed' | 'all';
	/** [inferred] no sheet line decides: filter[client_uuid] also finds tasks on the client's cases and plans, or only on the client. */
	clientFilterScope?: 'client-and-children' | 'client-only';
	/**
	 * [inferred] no sheet line decides: whether the exact task filters (taskable_type, taskable_uuid, client_uuid,
	 * priority, assigned_to_uuids, status_uuid) split a comma-separated value into several ('comma', the query
	 * builder's exact filter) or take it whole as one value ('single', the stricter: only filter[url] is documented
	 * as "a comma separated list").
	 */
	exactFilterLists?: 'single' | 'comma';
	/** [inferred] no sheet line decides: filter[assigned_to_uuids] with several (exactFilterLists 'comma'): tasks assigned to any of them, or to all. */
	assignedFilterMatch?: 'any' | 'all';
	/** [inferred] no sheet line decides: filter[due_before]/[due_after] are strict (false) or include the bound (true). */
	dueBoundsInclusive?: boolean;
	/**
	 * due_at: the older page's `yyyy-MM-dd HH:mm:ss` and the current page's `yyyy-MM-dd` are both taken
	 * ('strict'); [inferred] no sheet line decides whether others are refused: 'lenient' also takes any date
	 * Laravel's `date` rule takes (ISO with an offset).
	 */
	dueAtFormat?: 'strict' | 'lenient';
	/** [inferred] no sheet line decides: the status /complete moves a task to; null: the first completed-type status by position. */
	completeToStatusUuid?: string | null;
	/** [inferred] no sheet line decides: a PUT to a completed-type status completes the task (and one away from it uncompletes it). */
	statusChangeCompletes?: boolean;
	/** [inferred] no sheet line decides: completing a completed task keeps its completed_at/completed_by (true) or sets them anew. */
	recompleteKeepsCompletion?: boolean;
	/** [inferred] no sheet line decides: /uncomplete/{status} to a completed-type status: 422, or allowed. */
	uncompleteToCompletedStatus?: 'reject' | 'allow';
	/** [inferred] no sheet line decides: /uncomplete on a task that is not completed: moves its status anyway, or 422. */
	uncompleteOpenTask?: 'allow' | 'reject';
	/** [inferred] no sheet line decides: a custom field reference the firm does not have: 422, or ignored. */
	unknownCustomFields?: 'reject' | 'ignore';
	/** [inferred] no sheet line decides: a task's custom_fields lists the fields set on it, or every field of the firm (value null when unset). */
	customFieldsShown?: 'set' | 'all';
	/**
	 * [inferred] sheet: "In answers, accept either shape": custom_fields in answers as a list of
	 * the fields, each with its value, or the request's object `{reference: value}`.
	 */
	customFieldsAnswer?: 'list' | 'object';
	/**
	 * [inferred] sheet Unknown: "whether PUT keeps or clears the fields it does not carry": merge, or replace (clears
	 * description, priority, due_at, parent, assignees, groups and custom fields; the four create fields stay).
	 */
	taskUpdate?: 'merge' | 'replace';
	/** [inferred] sheet: "For GET one and POST, accept a bare task or `{data: task}`": either answer. */
	singleTaskAnswer?: 'bare' | 'data';
	/** [inferred] sheet: "the older page shows `2020-01-01 00:00:00`, the current one `2025-12-29`": due_at answered as the one or the other. */
	dueAtAnswer?: 'date-time' | 'date';
	/** [inferred] sheet: "Laravel-style 422 `{message, errors}` [inferred]: fall back to `message`, then the raw body": each of the three. */
	validationBody?: 'laravel' | 'message' | 'text';
	/** [inferred] sheet: "The task-status list may be `{data}` or paged": `{data}` (false) or a paged list (true). */
	statusListPaginated?: boolean;
	/**
	 * [inferred] no sheet line decides: status fields beyond the documented request bodies (POST: name, colour; PUT: name, colour,
	 * position): `position` on POST, `is_type_completed` and `is_not_started` on both. Dropped, as Laravel's
	 * `validated()` drops what no rule names, or taken.
	 */
	statusBodyExtras?: 'ignore' | 'take';
	/** [inferred] no sheet line decides: colour `#RRGGBB` only (Laravel's hex_color; apidocs' examples are `#ff0000`, `#398898`), or any string. */
	statusColourFormat?: 'hex' | 'any';
	/**
	 * [inferred] no sheet line decides how "You cannot update a completed statuses details except it's position" is enforced: a 422
	 * naming each detail changed (nothing is saved), or the details silently kept and the position saved.
	 */
	completedStatusDetails?: 'reject' | 'ignore';
	/**
	 * [inferred] no sheet line decides: a completed-type status sent a detail with the value it already has: taken
	 * (nothing changes, 'allow') or refused like a change ('reject', the stricter).
	 */
	completedStatusSameDetails?: 'reject' | 'allow';
	/** [inferred] no sheet line decides: the longest status name taken (Laravel's usual max:255 for a string column); null: any. */
	statusNameMaxLength?: number | null;
	/** [inferred] no sheet line decides: the lowest status position taken (0, the stricter); null: any whole number. */
	statusPositionMin?: number | null;
	/** [inferred] no sheet line decides: a new status's colour when none is sent: apidocs' example answers' `#398898`, or null. */
	newStatusColour?: string | null;
	/**
	 * [inferred] no sheet line decides: a status uuid that does not exist, in PUT /task-status/{uuid} or
	 * /uncomplete/{status}: 404 (Laravel's route model binding, as for tasks) or a 422 naming task_status_uuid.
	 */
	unknownStatusAnswer?: 404 | 422;
	/** [inferred] no sheet line decides what include=related_tasks lists: the task's child tasks, or none. */
	relatedTasks?: 'children' | 'none';
	/** apidocs labels PUT's example answer 201 (the default); [inferred] no sheet line decides: 200, as Laravel answers for a model that already existed. */
	statusUpdateStatus?: 200 | 201;
	/** [inferred] no sheet line decides: where GET /api/v1/logins puts preferred_account_uuid: beside data, or on each login. */
	preferredAccountPlacement?: 'top-level' | 'each-login';
	/** apidocs: 201. */
	webhookCreateStatus?: number;
	/** [inferred] sheet: "no page documents it; accept 200 or 204": 204 with no body, or 200. */
	webhookDeleteStatus?: 204 | 200;
	/**
	 * putapiv2webhooksubscriptionsuuid: `events` is the only field. [inferred] no sheet line decides what a `url` sent anyway gets: a 422
	 * (Laravel's `prohibited`), or dropped as `validated()` drops what no rule names. Never applied either way.
	 */
	subscriptionPutUrl?: 'reject' | 'ignore';
	/** Documented: getapiv2webhooksubscriptions. Off (a test setting): answered as Laravel answers a method the path lacks. */
	webhookListRoute?: boolean;
	/** [inferred] sheet Unknown: "the delivery body (no example is published)": `{event, data, webhook_subscription_uuid, sent_at}` by default. */
	deliveryBody?: (
		event: string,
		task: Record<string, unknown>,
		subscription: PlannrSubscription,
		sentAt: string,
	) => Record<string, unknown>;
	/** Deliveries start this long after the API answers. */
	deliveryDelayMs?: number;
	/** [inferred] no sheet line decides: attempts per delivery while the receiver fails (non-2xx or unreachable); 1, so that no node relies on a retry. */
	deliveryAttempts?: number;
	deliveryRetryDelayMs?: number;
	deliveryTimeoutMs?: number;
}

export type Options = Required<Omit<PlannrFakeOptions, 'rateLimitClock'>> & {
	rateLimitClock: () => number;
};

/** The defaults of every option not given (a fresh object each time: some are arrays). */
export function defaultOptions(): Omit<Options, 'rateLimitClock'> {
	return {
		personalAccessToken: 'plannr-personal-access-token',
		accountUuid: '93379910-564c-4d8a-838f-5a0a4a98111e',
		clock: () => new Date(),
		timeZone: 'Europe/London',
		defaultPerPage: 15,
		maxPerPage: 500,
		rateLimitPerMinute: 500,
		rateLimitWindowMs: 60_000,
		rateLimitRetryAfter: false,
		oauthAuthorizePath: '/oauth/authorize',
		oauthTokenPath: '/oauth/token',
		oauthClientId: 'plannr-client-id',
		oauthClientSecret: 'plannr-client-secret',
		oauthRedirectUri: null,
		oauthAccessTokenTtlMs: 3_600_000,
		rotateRefreshTokens: true,
		personalAccessTokenTtlMs: 365 * 24 * 3_600_000,
		accountHeaderFailureStatus: 403,
		unknownMethodStatus: 405,
		acceptPatchForUpdate: false,
		requireAcceptJson: true,
		validationMessages: {},
		unknownQueryParams: 'reject',
		perPageAboveMax: 'reject',
		pageParameter: 'page',
		invalidPaging: 'reject',
		linksKeepQuery: false,
		relationsWithoutInclude: 'always',
		prioritySort: 'rank',
		nullsSort: 'first',
		listChildTasks: false,
		nameFilterMatch: 'exact',
		openTasksFalse: 'closed',
		clientFilterScope: 'client-and-children',
		exactFilterLists: 'single',
		assignedFilterMatch: 'any',
		dueBoundsInclusive: false,
		dueAtFormat: 'strict',
		completeToStatusUuid: null,
		statusChangeCompletes: true,
		recompleteKeepsCompletion: true,
		uncompleteToCompletedStatus: 'reject',
		uncompleteOpenTask: 'allow',
		unknownCustomFields: 'reject',
		customFieldsShown: 'set',
		customFieldsAnswer: 'list',
		taskUpdate: 'merge',
		singleTaskAnswer: 'bare',
		dueAtAnswer: 'date-time',
		validationBody: 'laravel',
		statusListPaginated: false,
		statusBodyExtras: 'ignore',
		statusColourFormat: 'hex',
		completedStatusDetails: 'reject',
		statusUpdateStatus: 201,
		completedStatusSameDetails: 'reject',
		statusNameMaxLength: 255,
		statusPositionMin: 0,
		newStatusColour: '#398898',
		unknownStatusAnswer: 404,
		relatedTasks: 'children',
		preferredAccountPlacement: 'top-level',
		webhookCreateStatus: 201,
		webhookDeleteStatus: 204,
		subscriptionPutUrl: 'reject',
		webhookListRoute: true,
		deliveryBody: (event, task, subscription, sentAt) => ({
			event,
			data: task,
			webhook_subscription_uuid: subscription.uuid,
			sent_at: sentAt,
		}),
		deliveryDelayMs: 0,
		deliveryAttempts: 1,
		deliveryRetryDelayMs: 10,
		deliveryTimeoutMs: 3000,
	};
}
