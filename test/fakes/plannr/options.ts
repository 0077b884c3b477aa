/** What can be changed about the fake Plannr (every [inferred] behaviour among them), and the defaults. */
import type { PlannrSubscription, Priority, ValidationRule } from './types';

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
	 * [inferred] a 429 carries Retry-After and X-RateLimit-Reset (Laravel's ThrottleRequests sends them); the
	 * rate-limits page documents neither, so a node must back off without them (false).
	 */
	rateLimitRetryAfter?: boolean;
	/** [inferred] requests with no valid token also count, in one shared guest bucket (Laravel keys those by IP). */
	rateLimitGuests?: boolean;

	/** [inferred] Plannr documents the OAuth2 flow, not its endpoints: Laravel Passport's paths. */
	oauthAuthorizePath?: string;
	oauthTokenPath?: string;
	oauthClientId?: string;
	oauthClientSecret?: string;
	/** [inferred] the client's registered redirect URI; null accepts any (n8n's callback URL varies). */
	oauthRedirectUri?: string | null;
	/** [inferred] OAuth access-token lifetime (Passport's default is a year; short here so refresh is exercised). */
	oauthAccessTokenTtlMs?: number;
	/** [inferred] authorization-code lifetime (Passport: 10 minutes). */
	oauthCodeTtlMs?: number;
	/** [inferred] a refresh revokes the old refresh and access tokens (Passport does). */
	rotateRefreshTokens?: boolean;
	/** [inferred] the user who "approves" /oauth/authorize (no login page here); the primary user by default. */
	oauthApprovingUserUuid?: string | null;
	/** Documented: a personal access token is valid a year. */
	personalAccessTokenTtlMs?: number;

	/** [inferred] X-PLANNR-ACCOUNT-UUID missing or not one of the token's user's accounts: 403 or 401. */
	accountHeaderFailureStatus?: 401 | 403;
	/** [inferred] a known path with a method it lacks (e.g. DELETE /api/v1/task/{uuid}): Laravel answers 405. */
	unknownMethodStatus?: 404 | 405;
	/** [inferred] Laravel's apiResource takes PATCH for update as well as PUT. */
	acceptPatchForUpdate?: boolean;
	/** [inferred] without `Accept: application/json` Laravel redirects (302) instead of answering 401/422 JSON. */
	requireAcceptJson?: boolean;
	/** [inferred] the wording of 422 messages, by rule (Laravel's English by default). */
	validationMessages?: Partial<Record<ValidationRule, string>>;
	/** [inferred] unknown filter/sort/include names: spatie/laravel-query-builder answers 400; or ignore them. */
	unknownQueryParams?: 'reject' | 'ignore';
	/** [inferred] per_page above the maximum: clamped, or a 422. */
	perPageAboveMax?: 'clamp' | 'reject';
	/**
	 * [inferred] the page parameter's name is never documented (plannr.md, Unknown): `page` (Laravel's) read,
	 * or ignored, so that every answer is the first page with meta.current_page 1.
	 */
	pageParameter?: 'page' | 'ignored';
	/** [inferred] per_page below 1 or not a number, page not a number: the default used (Laravel's paginator), or a 422. */
	invalidPaging?: 'default' | 'reject';
	/** [inferred] links.first/last/prev/next keep the request's other query parameters (paginator->appends). */
	linksKeepQuery?: boolean;
	/** [inferred] author, completed_by and custom_fields are in every task (seed 002's PUT answer has them) or only when included. */
	relationsWithoutInclude?: 'always' | 'only-when-included';
	/** [inferred] a task created without a priority gets this. */
	defaultPriority?: Priority | null;
	/** [inferred] sort=priority by rank (low < medium < high < highest) or alphabetically. */
	prioritySort?: 'rank' | 'alphabetical';
	/** [inferred] where null due_at/priority go in an ascending sort (MySQL: first); reversed when descending. */
	nullsSort?: 'first' | 'last';
	/**
	 * [inferred] whether child tasks are in the list when neither filter[subtask_visibility] nor the deprecated
	 * filter[show_child_tasks] is sent (no page says the default).
	 */
	listChildTasks?: boolean;
	/** [inferred] filter[client_uuid] also finds tasks on the client's cases and plans, or only on the client. */
	clientFilterScope?: 'client-and-children' | 'client-only';
	/** [inferred] filter[assigned_to_uuids] with several: tasks assigned to any of them, or to all. */
	assignedFilterMatch?: 'any' | 'all';
	/** [inferred] filter[due_before]/[due_after] are strict (false) or include the bound (true). */
	dueBoundsInclusive?: boolean;
	/**
	 * due_at: the older page's `yyyy-MM-dd HH:mm:ss` and the current page's `yyyy-MM-dd` are both taken
	 * ('strict'); [inferred] 'lenient' also takes any date Laravel's `date` rule takes (ISO with an offset).
	 */
	dueAtFormat?: 'strict' | 'lenient';
	/** [inferred] the status /complete moves a task to; null: the first completed-type status by position. */
	completeToStatusUuid?: string | null;
	/** [inferred] a PUT to a completed-type status completes the task (and one away from it uncompletes it). */
	statusChangeCompletes?: boolean;
	/** [inferred] completing a completed task keeps its completed_at/completed_by (true) or sets them anew. */
	recompleteKeepsCompletion?: boolean;
	/** [inferred] /uncomplete/{status} to a completed-type status: 422, or allowed. */
	uncompleteToCompletedStatus?: 'reject' | 'allow';
	/** [inferred] /uncomplete on a task that is not completed: moves its status anyway, or 422. */
	uncompleteOpenTask?: 'allow' | 'reject';
	/** [inferred] a custom field reference the firm does not have: 422, or ignored. */
	unknownCustomFields?: 'reject' | 'ignore';
	/** [inferred] a task's custom_fields lists the fields set on it, or every field of the firm (value null when unset). */
	customFieldsShown?: 'set' | 'all';
	/**
	 * [inferred] the shape of custom_fields in answers (plannr.md: "In answers, accept either shape"): a list of
	 * the fields, each with its value, or the request's object `{reference: value}`.
	 */
	customFieldsAnswer?: 'list' | 'object';
	/**
	 * [inferred] whether PUT /task/{uuid} keeps the fields it does not carry (merge) or clears them (replace:
	 * description, priority, due_at, parent, assignees, groups and custom fields; the four create fields stay).
	 */
	taskUpdate?: 'merge' | 'replace';
	/** [inferred] GET /task/{uuid} and POST /task answer the bare task, or `{data: task}`. */
	singleTaskAnswer?: 'bare' | 'data';
	/** [inferred] due_at in answers as stored (`yyyy-MM-dd HH:mm:ss`), or the date only (`yyyy-MM-dd`, the current page's example). */
	dueAtAnswer?: 'date-time' | 'date';
	/** [inferred] a 422's body: Laravel's `{message, errors}`, `{message}` only, or plain text. */
	validationBody?: 'laravel' | 'message' | 'text';
	/** [inferred] the status list answers `{data}` (false) or a paged list (true). */
	statusListPaginated?: boolean;
	/**
	 * [inferred] status fields beyond the documented request bodies (POST: name, colour; PUT: name, colour,
	 * position): `position` on POST, `is_type_completed` and `is_not_started` on both. Dropped, as Laravel's
	 * `validated()` drops what no rule names, or taken.
	 */
	statusBodyExtras?: 'ignore' | 'take';
	/** [inferred] colour: `#RRGGBB` (Laravel's hex_color; apidocs' examples are `#ff0000`, `#398898`), or any string. */
	statusColourFormat?: 'hex' | 'any';
	/**
	 * [inferred] how "You cannot update a completed statuses details except it's position" is enforced: a 422
	 * naming each detail changed (nothing is saved), or the details silently kept and the position saved.
	 */
	completedStatusDetails?: 'reject' | 'ignore';
	/** apidocs labels PUT's example answer 201 (the default); 200, as Laravel answers for a model that already existed, is [inferred]. */
	statusUpdateStatus?: 200 | 201;
	/** [inferred] where GET /api/v1/logins puts preferred_account_uuid: beside data, or on each login. */
	preferredAccountPlacement?: 'top-level' | 'each-login';
	/** apidocs: 201. */
	webhookCreateStatus?: number;
	/** [inferred] DELETE of a subscription: 204 with no body, or 200. */
	webhookDeleteStatus?: 204 | 200;
	/**
	 * putapiv2webhooksubscriptionsuuid: `events` is the only field. [inferred] a `url` sent anyway: a 422
	 * (Laravel's `prohibited`), or dropped as `validated()` drops what no rule names. Never applied either way.
	 */
	subscriptionPutUrl?: 'reject' | 'ignore';
	/** getapiv2webhooksubscriptions documents the list. [inferred] off: answered as Laravel answers a method the path lacks. */
	webhookListRoute?: boolean;
	/** [inferred] a delivery's JSON body. */
	deliveryBody?: (
		event: string,
		task: Record<string, unknown>,
		subscription: PlannrSubscription,
		sentAt: string,
	) => Record<string, unknown>;
	/** Deliveries start this long after the API answers. */
	deliveryDelayMs?: number;
	/** [inferred] attempts per delivery while the receiver fails (non-2xx or unreachable). */
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
		rateLimitGuests: true,
		rateLimitRetryAfter: true,
		oauthAuthorizePath: '/oauth/authorize',
		oauthTokenPath: '/oauth/token',
		oauthClientId: 'plannr-client-id',
		oauthClientSecret: 'plannr-client-secret',
		oauthRedirectUri: null,
		oauthAccessTokenTtlMs: 3_600_000,
		oauthCodeTtlMs: 600_000,
		rotateRefreshTokens: true,
		oauthApprovingUserUuid: null,
		personalAccessTokenTtlMs: 365 * 24 * 3_600_000,
		accountHeaderFailureStatus: 403,
		unknownMethodStatus: 405,
		acceptPatchForUpdate: true,
		requireAcceptJson: false,
		validationMessages: {},
		unknownQueryParams: 'reject',
		perPageAboveMax: 'clamp',
		pageParameter: 'page',
		invalidPaging: 'default',
		linksKeepQuery: true,
		relationsWithoutInclude: 'always',
		defaultPriority: null,
		prioritySort: 'rank',
		nullsSort: 'first',
		listChildTasks: false,
		clientFilterScope: 'client-and-children',
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
