/**
 * A stateful fake of the Plannr CRM API, the parts a task node uses: personal-access-token and OAuth2
 * (authorization-code) auth, logins, tasks, task statuses, accounts, webhook subscriptions, and webhook
 * deliveries that really arrive at the subscribed URL, signed. Sources: shared/vendors/plannr.md and seed 002
 * (the task update page of apidocs.plannrcrm.com). Every guess is marked [inferred] and can be changed
 * through PlannrFakeOptions.
 *
 * As the API does (a Laravel app with spatie/laravel-query-builder): `filter[...]`, `sort` (`-` descending)
 * and `include` on lists, Laravel's paginator shape `{data, links, meta}`, 422 validation errors
 * `{message, errors: {field: [text]}}`, 401 `{"message": "Unauthenticated."}`, timestamps ISO 8601 with an
 * offset, and due dates `yyyy-MM-dd HH:mm:ss` in the firm's local time.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import {
	VendorFake,
	postWebhook,
	type FakeRequest,
	type FakeSecret,
	type FakeResponse,
	type Handler,
} from './kit';

export const PLANNR_API_V1 = '/api/v1';
export const PLANNR_API_V2 = '/api/v2';
export const PLANNR_SUBSCRIPTIONS_PATH = `${PLANNR_API_V2}/webhook-subscriptions`;

export const PRIORITIES = ['low', 'medium', 'high', 'highest'] as const;
export const TASKABLE_TYPES = ['client', 'case', 'plan'] as const;
export const TASK_EVENTS = [
	'task.created',
	'task.updated',
	'task.deleted',
	'task.completed',
] as const;
/** Documented: every event a subscription may name (only the task events are ever sent by this fake). */
export const WEBHOOK_EVENTS = [
	'account.created',
	'account.updated',
	'account.deleted',
	'account.annual-review-date-occurred',
	'circle.created',
	'circle.updated',
	'circle.deleted',
	'plan.created',
	'plan.updated',
	'plan.deleted',
	'case.created',
	'case.updated',
	'case.deleted',
	...TASK_EVENTS,
	'fact-find.completed',
	'form-submission.completed',
] as const;
export const TASK_INCLUDES = [
	'author',
	'completed_by',
	'parent_task',
	'related_tasks',
	'custom_fields',
] as const;
export const TASK_SORTS = [
	'created_at',
	'updated_at',
	'name',
	'priority',
	'due_at',
	'completed_last',
] as const;
/** The fact sheet's filters, then those apidocs adds (completed/archived/not-started status, child tasks). */
export const TASK_FILTERS = [
	'name',
	'taskable_type',
	'taskable_uuid',
	'client_uuid',
	'priority',
	'assigned_to_uuids',
	'status_uuid',
	'due_before',
	'due_after',
	'has_due_date',
	'open_tasks',
	'completed_status',
	'archived_status',
	'not_started_status',
	'show_child_tasks',
] as const;
/** [inferred] the account list's sorts are undocumented. */
export const ACCOUNT_SORTS = [
	'first_name',
	'last_name',
	'name',
	'email',
	'created_at',
	'updated_at',
] as const;
/** [inferred] the status list documents only sort=position. */
export const STATUS_SORTS = ['position', 'name', 'created_at'] as const;

export type Priority = (typeof PRIORITIES)[number];
export type TaskableType = (typeof TASKABLE_TYPES)[number];
export type PlannrTaskEvent = (typeof TASK_EVENTS)[number];

/** `yyyy-MM-dd HH:mm:ss`, the firm's local time. */
const LOCAL_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const PRIORITY_RANK: Record<Priority, number> = { low: 1, medium: 2, high: 3, highest: 4 };

/**
 * How a delivery is signed: `X-Signature` is the hex HMAC-SHA256 of the raw body with the subscription's
 * signing secret. [inferred] Plannr documents the header and the secret, not the algorithm: change it here only.
 */
export function plannrSignature(rawBody: string | Buffer, signingSecret: string): string {
	return createHmac('sha256', signingSecret).update(rawBody).digest('hex');
}

// ---- records ----

export interface PlannrStatus {
	uuid: string;
	name: string;
	colour: string;
	position: number;
	is_type_completed: boolean;
	is_archived: boolean;
	is_not_started: boolean;
	created_at: string;
	updated_at: string;
}

/** An employee (adviser, administrator, ...) or a client of the firm. Clients are accounts in Plannr. */
export interface PlannrAccount {
	uuid: string;
	type: 'employee' | 'client';
	/** Employees: owner, admin or member; clients: client. */
	role: string;
	first_name: string;
	last_name: string;
	name: string;
	email: string | null;
	photo_url: string;
	created_at: string;
	updated_at: string;
}

/** A person who signs in; each login ties the user to one account. */
export interface PlannrUser {
	uuid: string;
	email: string;
	first_name: string;
	last_name: string;
	logins: PlannrLogin[];
	preferred_account_uuid: string | null;
}

export interface PlannrLogin {
	uuid: string;
	account_uuid: string;
	primary: boolean;
	created_at: string;
}

/** [inferred] shape: the seed's case example, cut down; `client_uuid` links it to its client. */
export interface PlannrCase {
	uuid: string;
	name: string;
	slug: string;
	client_uuid: string;
	status: { name: string };
	value: { amount: string; currency: string; formatted: string };
	completed_at: string | null;
	created_at: string;
	updated_at: string;
}

/** [inferred] shape. */
export interface PlannrPlan {
	uuid: string;
	name: string;
	provider: string;
	plan_type: string;
	policy_number: string | null;
	client_uuid: string;
	created_at: string;
	updated_at: string;
}

export interface PlannrGroup {
	uuid: string;
	name: string;
}

export interface PlannrCustomField {
	uuid: string;
	name: string;
	/** What a task body names it by: `custom_fields: [{reference: value}]`. */
	reference: string;
	type: string;
	help_text: string | null;
	is_required: boolean;
	selection_options: string[];
	created_at: string;
	updated_at: string;
}

/** What the fake stores; the API answers `taskView()` of it. */
export interface PlannrTaskRecord {
	uuid: string;
	name: string;
	description: string | null;
	priority: Priority | null;
	position: number;
	due_at: string | null;
	status_uuid: string;
	taskable_type: TaskableType;
	taskable_uuid: string;
	parent_task_uuid: string | null;
	author_uuid: string | null;
	assigned_to_uuids: string[];
	group_uuids: string[];
	/** reference -> value */
	custom_fields: Record<string, unknown>;
	completed_at: string | null;
	completed_by_uuid: string | null;
	created_at: string;
	updated_at: string;
	/** Creation order, the tie-breaker of every sort. */
	seq: number;
}

export interface PlannrSubscription {
	uuid: string;
	url: string;
	events: string[];
	signing_secret: string;
	created_at: string;
	updated_at: string;
	last_outgoing_webhook_call_at: string | null;
}

/** One attempt to deliver an event to a subscribed URL. */
export interface PlannrDelivery {
	subscriptionUuid: string;
	url: string;
	event: string;
	/** The raw JSON body sent. */
	body: string;
	headers: Record<string, string>;
	/** The receiver's status, or null when it could not be reached. */
	status: number | null;
	responseBody: string;
	error?: string;
	attempt: number;
	forged: boolean;
	/** Date.now() when sent. */
	at: number;
}

export interface PlannrToken {
	token: string;
	userUuid: string;
	kind: 'personal' | 'oauth';
	/** ms on the fake's clock */
	expiresAt: number;
	clientId?: string;
}

interface AuthCode {
	userUuid: string;
	clientId: string;
	redirectUri: string | null;
	expiresAt: number;
	used: boolean;
}

interface RefreshToken {
	userUuid: string;
	clientId: string;
	accessToken: string;
	revoked: boolean;
}

// ---- options ----

/** Laravel's English validation lines; `:attribute` and the rule's parameters are replaced. */
export const LARAVEL_MESSAGES = {
	required: 'The :attribute field is required.',
	required_with: 'The :attribute field is required when :values is present.',
	string: 'The :attribute field must be a string.',
	array: 'The :attribute field must be an array.',
	in: 'The selected :attribute is invalid.',
	exists: 'The selected :attribute is invalid.',
	date_format: 'The :attribute field must match the format :format.',
	date: 'The :attribute field must be a valid date.',
	max: 'The :attribute field must not be greater than :max characters.',
	min_items: 'The :attribute field must have at least :min items.',
	url: 'The :attribute field must be a valid URL.',
	integer: 'The :attribute field must be an integer.',
	boolean: 'The :attribute field must be true or false.',
	different: 'The :attribute field and :other must be different.',
	// [inferred] the fake's own rules, worded like Laravel's.
	no_completed_status: 'The firm has no task status of the completed type.',
	not_completed_status:
		'The selected :attribute is a completed status: a task is uncompleted to an open status.',
	not_completed: 'The task is not completed.',
	/** Laravel 10: the first message, and how many more. */
	more_errors: ' (and :count more :errors)',
};
export type ValidationRule = keyof typeof LARAVEL_MESSAGES;

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
	/** apidocs: child tasks are left out of the list unless filter[show_child_tasks]=true. */
	listChildTasks?: boolean;
	/** [inferred] filter[client_uuid] also finds tasks on the client's cases and plans, or only on the client. */
	clientFilterScope?: 'client-and-children' | 'client-only';
	/** [inferred] filter[assigned_to_uuids] with several: tasks assigned to any of them, or to all. */
	assignedFilterMatch?: 'any' | 'all';
	/** [inferred] filter[due_before]/[due_after] are strict (false) or include the bound (true). */
	dueBoundsInclusive?: boolean;
	/** [inferred] due_at must be exactly `yyyy-MM-dd HH:mm:ss` ('strict'), or any date Laravel's `date` rule takes ('lenient'). */
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
	/** [inferred] the status list answers `{data}` (false) or a paged list (true). */
	statusListPaginated?: boolean;
	/** [inferred] where GET /api/v1/logins puts preferred_account_uuid: beside data, or on each login. */
	preferredAccountPlacement?: 'top-level' | 'each-login';
	/** apidocs: 201. */
	webhookCreateStatus?: number;
	/** [inferred] DELETE of a subscription: 204 with no body, or 200. */
	webhookDeleteStatus?: 204 | 200;
	/** [inferred by the fact sheet; apidocs documents it] GET /api/v2/webhook-subscriptions exists. Off: answered as Laravel answers a method the path lacks. */
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

type Options = Required<Omit<PlannrFakeOptions, 'rateLimitClock'>> & {
	rateLimitClock: () => number;
};
type Body = Record<string, unknown>;

interface Context {
	request: FakeRequest;
	user: PlannrUser;
	/** The account X-PLANNR-ACCOUNT-UUID names; undefined on routes that need none. */
	account?: PlannrAccount;
}

const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number' &&
	!('uuid' in value);

const message = (status: number, text: string, headers?: Record<string, string>): FakeResponse => ({
	status,
	body: { message: text },
	headers,
});

/** A 400 as spatie/laravel-query-builder words it. */
const queryError = (
	kind: 'filter' | 'sort' | 'include',
	unknown: string[],
	allowed: readonly string[],
): FakeResponse =>
	message(
		400,
		`Requested ${kind}(s) \`${unknown.join(', ')}\` ${kind === 'sort' ? 'is' : 'are'} not allowed. Allowed ${kind}(s) are \`${allowed.join(', ')}\`.`,
	);

const uuidCodes = {
	firm: 'f1a00000',
	account: 'acc00000',
	user: '05e40000',
	login: '10a10000',
	status: '57a70000',
	case: 'ca5e0000',
	plan: '91a40000',
	group: '9a090000',
	field: 'f1e10000',
	task: '7a5c0000',
	webhook: '4eb00000',
} as const;

/** Laravel's validator, just enough of it: errors by field, in the order found. */
class Validation {
	readonly errors: Record<string, string[]> = {};

	constructor(private readonly messages: Record<ValidationRule, string>) {}

	add(field: string, rule: ValidationRule, params: Record<string, string | number> = {}): void {
		// Laravel shows a field as its name with spaces for underscores.
		let text = this.messages[rule].replace(/:attribute/g, field.replace(/_/g, ' '));
		for (const [key, value] of Object.entries(params))
			text = text.replace(new RegExp(`:${key}\\b`, 'g'), String(value));
		(this.errors[field] ??= []).push(text);
	}

	has(field: string): boolean {
		return field in this.errors;
	}

	get failed(): boolean {
		return Object.keys(this.errors).length > 0;
	}

	response(): FakeResponse {
		const all = Object.values(this.errors).flat();
		const more = all.length - 1;
		const summary =
			all[0] +
			(more > 0
				? this.messages.more_errors
						.replace(':count', String(more))
						.replace(':errors', more === 1 ? 'error' : 'errors')
				: '');
		return { status: 422, body: { message: summary, errors: this.errors } };
	}
}

/** Laravel's TrimStrings and ConvertEmptyStringsToNull middleware. */
function laravelInput(value: unknown): unknown {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return trimmed === '' ? null : trimmed;
	}
	if (Array.isArray(value)) return value.map(laravelInput);
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, laravelInput(v)]));
	return value;
}

function parseBoolean(value: string): boolean | undefined {
	const lower = value.toLowerCase();
	if (['true', '1', 'yes', 'on'].includes(lower)) return true;
	if (['false', '0', 'no', 'off', ''].includes(lower)) return false;
	return undefined;
}

function isUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

export class PlannrFake extends VendorFake {
	readonly options: Options;
	firm = {
		uuid: '',
		name: 'Harbour Wealth Partners',
		slug: 'harbour-wealth-partners',
		created_at: '',
		updated_at: '',
	};
	accounts = new Map<string, PlannrAccount>();
	users = new Map<string, PlannrUser>();
	statuses = new Map<string, PlannrStatus>();
	cases = new Map<string, PlannrCase>();
	plans = new Map<string, PlannrPlan>();
	groups = new Map<string, PlannrGroup>();
	customFields = new Map<string, PlannrCustomField>();
	tasks = new Map<string, PlannrTaskRecord>();
	subscriptions = new Map<string, PlannrSubscription>();
	tokens = new Map<string, PlannrToken>();
	/** Every delivery attempt, in the order they finished. */
	readonly deliveries: PlannrDelivery[] = [];
	/** The user the options' token and account belong to. */
	primaryUser!: PlannrUser;

	private codes = new Map<string, AuthCode>();
	private refreshTokens = new Map<string, RefreshToken>();
	private counters = new Map<string, number>();
	private taskSeq = 0;
	/** bucket key -> window */
	private windows = new Map<string, { start: number; count: number }>();
	private pending = new Set<Promise<unknown>>();
	/** method + path patterns, to tell an unknown path (404) from a known one with another method (405). */
	private known: { method: string; matcher: RegExp }[] = [];
	private readonly messages: Record<ValidationRule, string>;

	constructor(options: PlannrFakeOptions = {}) {
		super('plannr');
		const given = Object.fromEntries(
			Object.entries(options).filter(([, value]) => value !== undefined),
		) as PlannrFakeOptions;
		const defaults: Omit<Options, 'rateLimitClock'> = {
			personalAccessToken: 'plannr-personal-access-token',
			accountUuid: '93379910-564c-4d8a-838f-5a0a4a98111e',
			clock: () => new Date(),
			timeZone: 'Europe/London',
			defaultPerPage: 15,
			maxPerPage: 500,
			rateLimitPerMinute: 500,
			rateLimitWindowMs: 60_000,
			rateLimitGuests: true,
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
			statusListPaginated: false,
			preferredAccountPlacement: 'top-level',
			webhookCreateStatus: 201,
			webhookDeleteStatus: 204,
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
		const merged = { ...defaults, ...given };
		this.options = {
			...merged,
			rateLimitClock: given.rateLimitClock ?? (() => merged.clock().getTime()),
		};
		if (!DateTime.local().setZone(this.options.timeZone).isValid)
			throw new Error(`Unknown timeZone ${this.options.timeZone}`);
		this.messages = { ...LARAVEL_MESSAGES, ...this.options.validationMessages };
		this.server.notFound = (request) => this.routeMissing(request);
		this.server.internalError = (error) => message(500, `Server Error: ${error.message}`);
		this.routes();
		this.reset();
	}

	// ---- credentials ----

	/** The fields of a `plannrApi` (personal access token) credential pointed at this fake. */
	credentialData(): { baseUrl: string; accessToken: string; accountUuid: string } {
		return {
			baseUrl: this.url,
			accessToken: this.options.personalAccessToken,
			accountUuid: this.options.accountUuid,
		};
	}

	/** The fields of a `plannrOAuth2Api` credential pointed at this fake (n8n adds oauthTokenData after the flow). */
	oauth2CredentialData(): Record<string, string> {
		return {
			baseUrl: this.url,
			accountUuid: this.options.accountUuid,
			grantType: 'authorizationCode',
			authUrl: `${this.url}${this.options.oauthAuthorizePath}`,
			accessTokenUrl: `${this.url}${this.options.oauthTokenPath}`,
			clientId: this.options.oauthClientId,
			clientSecret: this.options.oauthClientSecret,
			scope: '',
			authQueryParameters: '',
			authentication: 'body',
		};
	}

	/** Empties everything, then makes the firm, the primary user with their account, and their personal access token. */
	reset(): void {
		for (const map of [
			this.accounts,
			this.users,
			this.statuses,
			this.cases,
			this.plans,
			this.groups,
			this.customFields,
			this.tasks,
			this.subscriptions,
			this.tokens,
			this.codes,
			this.refreshTokens,
			this.counters,
			this.windows,
		]) {
			map.clear();
		}
		this.deliveries.length = 0;
		this.pending.clear();
		this.taskSeq = 0;
		this.server.clearRequests();
		this.server.clearFaults();
		const now = this.isoNow();
		Object.assign(this.firm, { uuid: this.uuid('firm'), created_at: now, updated_at: now });
		const { user } = this.addEmployee(
			{
				uuid: this.options.accountUuid,
				first_name: 'Sarah',
				last_name: 'Mitchell',
				email: 'sarah.mitchell@example.com',
				role: 'owner',
			},
			{ token: this.options.personalAccessToken },
		);
		this.primaryUser = user;
	}

	/** A valid personal access token for a user (documented: valid a year unless `expiresAt` says otherwise). */
	issuePersonalAccessToken(
		userUuid: string,
		token = `pat-${randomBytes(20).toString('hex')}`,
		expiresAt?: number,
	): string {
		this.tokens.set(token, {
			token,
			userUuid,
			kind: 'personal',
			expiresAt: expiresAt ?? this.nowMs() + this.options.personalAccessTokenTtlMs,
		});
		this.noteIssued('personal access token', token);
		return token;
	}

	/** The primary user's personal access token and the OAuth client secret (for the e2e secret scan). */
	override get configuredSecrets(): readonly FakeSecret[] {
		return [
			{ kind: 'personal access token', value: this.options.personalAccessToken },
			{ kind: 'OAuth client secret', value: this.options.oauthClientSecret },
		];
	}

	/** Every OAuth access token stops working (401), as if expired: refresh tokens still work. */
	expireOAuthAccessTokens(): void {
		for (const [key, token] of this.tokens) if (token.kind === 'oauth') this.tokens.delete(key);
	}

	revokeToken(token: string): void {
		this.tokens.delete(token);
	}

	/** Forget the rate-limit windows. */
	resetRateLimit(): void {
		this.windows.clear();
	}

	// ---- state helpers (no events, references not checked: tests build any state) ----

	addAccount(
		partial: Partial<PlannrAccount> & { first_name: string; last_name: string },
	): PlannrAccount {
		const now = this.isoNow();
		const name = `${partial.first_name} ${partial.last_name}`.trim();
		const account: PlannrAccount = {
			uuid: this.uuid('account'),
			type: 'employee',
			role: 'member',
			name,
			email: null,
			photo_url: `https://eu.ui-avatars.com/api/?name=${encodeURIComponent(name).replace(/%20/g, '+')}`,
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.accounts.set(account.uuid, account);
		return account;
	}

	/** A client: an account of type client (what taskable_type client names). */
	addClient(
		partial: Partial<PlannrAccount> & { first_name: string; last_name: string },
	): PlannrAccount {
		return this.addAccount({ type: 'client', role: 'client', ...partial });
	}

	/** A user who signs in, with a login to each of the accounts; the first is their preferred one. */
	addUser(
		partial: Partial<Omit<PlannrUser, 'logins'>> & { email: string },
		accountUuids: string[],
		token?: string,
	): PlannrUser {
		const now = this.isoNow();
		const user: PlannrUser = {
			uuid: this.uuid('user'),
			first_name: '',
			last_name: '',
			preferred_account_uuid: accountUuids[0] ?? null,
			...partial,
			logins: accountUuids.map((account_uuid, i) => ({
				uuid: this.uuid('login'),
				account_uuid,
				primary: i === 0,
				created_at: now,
			})),
		};
		this.users.set(user.uuid, user);
		if (token !== undefined) this.issuePersonalAccessToken(user.uuid, token);
		return user;
	}

	/** An employee account and the user who signs in as it, with a personal access token if given. */
	addEmployee(
		partial: Partial<PlannrAccount> & { first_name: string; last_name: string },
		options: { token?: string } = {},
	): { account: PlannrAccount; user: PlannrUser } {
		const account = this.addAccount({ type: 'employee', ...partial });
		const user = this.addUser(
			{
				email: account.email ?? `${account.uuid}@example.com`,
				first_name: account.first_name,
				last_name: account.last_name,
			},
			[account.uuid],
			options.token,
		);
		return { account, user };
	}

	addStatus(partial: Partial<PlannrStatus> & { name: string }): PlannrStatus {
		const now = this.isoNow();
		const status: PlannrStatus = {
			uuid: this.uuid('status'),
			colour: '#398898',
			position: this.statuses.size + 1,
			is_type_completed: false,
			is_archived: false,
			is_not_started: false,
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.statuses.set(status.uuid, status);
		return status;
	}

	addCase(partial: Partial<PlannrCase> & { name: string; client_uuid: string }): PlannrCase {
		const now = this.isoNow();
		const record: PlannrCase = {
			uuid: this.uuid('case'),
			slug: partial.name
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, ''),
			status: { name: 'Open' },
			value: { amount: '0', currency: 'GBP', formatted: '£0.00' },
			completed_at: null,
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.cases.set(record.uuid, record);
		return record;
	}

	addPlan(partial: Partial<PlannrPlan> & { name: string; client_uuid: string }): PlannrPlan {
		const now = this.isoNow();
		const plan: PlannrPlan = {
			uuid: this.uuid('plan'),
			provider: 'Aviva',
			plan_type: 'Pension',
			policy_number: null,
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.plans.set(plan.uuid, plan);
		return plan;
	}

	addGroup(name: string): PlannrGroup {
		const group = { uuid: this.uuid('group'), name };
		this.groups.set(group.uuid, group);
		return group;
	}

	addCustomField(
		partial: Partial<PlannrCustomField> & { name: string; reference: string },
	): PlannrCustomField {
		const now = this.isoNow();
		const field: PlannrCustomField = {
			uuid: this.uuid('field'),
			type: 'string',
			help_text: null,
			is_required: false,
			selection_options: [],
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.customFields.set(field.uuid, field);
		return field;
	}

	/** Stored as given (no events). A task in a completed-type status gets completed_at/by unless given. */
	addTask(
		partial: Partial<PlannrTaskRecord> & {
			name: string;
			status_uuid: string;
			taskable_type: TaskableType;
			taskable_uuid: string;
		},
	): PlannrTaskRecord {
		const now = this.isoNow();
		const task: PlannrTaskRecord = {
			uuid: this.uuid('task'),
			description: null,
			priority: this.options.defaultPriority,
			position: this.nextPosition(partial.status_uuid),
			due_at: null,
			parent_task_uuid: null,
			author_uuid: this.options.accountUuid,
			assigned_to_uuids: [],
			group_uuids: [],
			custom_fields: {},
			completed_at: null,
			completed_by_uuid: null,
			created_at: now,
			updated_at: partial.created_at ?? now,
			...partial,
			seq: ++this.taskSeq,
		};
		if (
			this.statuses.get(task.status_uuid)?.is_type_completed &&
			partial.completed_at === undefined
		) {
			task.completed_at = this.localNow();
			task.completed_by_uuid ??= task.author_uuid;
		}
		this.tasks.set(task.uuid, task);
		return task;
	}

	// ---- changes as the Plannr app would make them: these fire webhook events ----

	/** As POST /api/v1/task after validation: fires task.created. */
	createTask(partial: Parameters<PlannrFake['addTask']>[0]): PlannrTaskRecord {
		const task = this.addTask(partial);
		this.emit('task.created', task);
		return task;
	}

	/** Changes fields as a PUT would (status changes complete/uncomplete per statusChangeCompletes): fires task.updated. */
	updateTask(
		uuid: string,
		changes: Partial<Omit<PlannrTaskRecord, 'uuid' | 'seq'>>,
		byAccountUuid = this.options.accountUuid,
	): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		const completed = this.applyChanges(task, changes, byAccountUuid);
		this.emit('task.updated', task);
		if (completed) this.emit('task.completed', task);
		return task;
	}

	/** As PATCH .../complete: fires task.completed. */
	completeTask(uuid: string, byAccountUuid = this.options.accountUuid): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		const status = this.completedStatus();
		if (!status) throw new Error('The fake has no completed-type status');
		this.complete(task, status, byAccountUuid);
		this.emit('task.completed', task);
		return task;
	}

	/** As PATCH .../uncomplete/{status}: fires task.updated. */
	uncompleteTask(uuid: string, statusUuid: string): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		this.uncomplete(task, statusUuid);
		this.emit('task.updated', task);
		return task;
	}

	/** As deleting a task in the Plannr app (the API has no DELETE): fires task.deleted with the task as it was. */
	deleteTask(uuid: string): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		const snapshot = this.taskView(task);
		this.tasks.delete(uuid);
		for (const other of this.tasks.values())
			if (other.parent_task_uuid === uuid) other.parent_task_uuid = null;
		this.emitView('task.deleted', snapshot);
		return task;
	}

	/** A small financial-adviser firm for the sandbox behind `npm start`: dates are relative to the clock. */
	seedSandbox(): void {
		const sarah = this.accounts.get(this.options.accountUuid)!;
		const james = this.addEmployee(
			{
				first_name: 'James',
				last_name: 'Carter',
				email: 'james.carter@example.com',
				role: 'member',
			},
			{ token: 'plannr-james-token' },
		).account;
		const priya = this.addEmployee({
			first_name: 'Priya',
			last_name: 'Shah',
			email: 'priya.shah@example.com',
			role: 'admin',
		}).account;

		const todo = this.addStatus({ name: 'To do', colour: '#9CA3AF', is_not_started: true });
		const doing = this.addStatus({ name: 'In progress', colour: '#398898' });
		const waiting = this.addStatus({ name: 'Waiting on client', colour: '#F59E0B' });
		const done = this.addStatus({ name: 'Completed', colour: '#10B981', is_type_completed: true });
		this.addStatus({ name: 'Archived', colour: '#6B7280', is_archived: true });

		const advisers = this.addGroup('Advisers');
		const paraplanning = this.addGroup('Paraplanning');
		this.addCustomField({
			name: 'Compliance check',
			reference: 'compliance_check',
			type: 'select',
			selection_options: ['Pending', 'Passed', 'Failed'],
		});
		this.addCustomField({
			name: 'Provider reference',
			reference: 'provider_reference',
			help_text: 'The reference the provider uses.',
		});

		const tom = this.addClient({
			first_name: 'Tom',
			last_name: 'Hughes',
			email: 'tom.hughes@example.com',
		});
		const emma = this.addClient({
			first_name: 'Emma',
			last_name: 'Clarke',
			email: 'emma.clarke@example.com',
		});
		const raj = this.addClient({
			first_name: 'Raj',
			last_name: 'Patel',
			email: 'raj.patel@example.com',
		});
		const transfer = this.addCase({
			name: 'Pension transfer review',
			client_uuid: tom.uuid,
			value: { amount: '25000000', currency: 'GBP', formatted: '£250,000.00' },
		});
		const pension = this.addPlan({
			name: 'Aviva Personal Pension',
			provider: 'Aviva',
			plan_type: 'Pension',
			policy_number: 'AV-118204',
			client_uuid: emma.uuid,
		});
		this.addPlan({
			name: 'Vanguard Stocks & Shares ISA',
			provider: 'Vanguard',
			plan_type: 'ISA',
			client_uuid: raj.uuid,
		});

		const at = (days: number, hours = 0) => this.localTime({ days, hours });
		const review = this.addTask({
			name: 'Annual review meeting',
			description: 'Book the annual review and send the pre-meeting pack.',
			priority: 'high',
			status_uuid: todo.uuid,
			taskable_type: 'client',
			taskable_uuid: tom.uuid,
			assigned_to_uuids: [james.uuid],
			group_uuids: [advisers.uuid],
			due_at: at(7),
		});
		this.addTask({
			name: 'Prepare suitability report',
			priority: 'highest',
			status_uuid: doing.uuid,
			taskable_type: 'case',
			taskable_uuid: transfer.uuid,
			assigned_to_uuids: [priya.uuid],
			group_uuids: [paraplanning.uuid],
			custom_fields: { compliance_check: 'Pending' },
			due_at: at(3),
		});
		this.addTask({
			name: 'Send review pack',
			priority: 'medium',
			status_uuid: todo.uuid,
			taskable_type: 'client',
			taskable_uuid: tom.uuid,
			parent_task_uuid: review.uuid,
			assigned_to_uuids: [sarah.uuid],
			due_at: at(5),
		});
		this.addTask({
			name: 'Request pension valuation',
			priority: 'medium',
			status_uuid: waiting.uuid,
			taskable_type: 'plan',
			taskable_uuid: pension.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
			custom_fields: { provider_reference: 'AV-118204' },
			due_at: at(-2),
		});
		this.addTask({
			name: 'Update ID documents',
			priority: 'low',
			status_uuid: todo.uuid,
			taskable_type: 'client',
			taskable_uuid: raj.uuid,
		});
		this.addTask({
			name: 'File signed letter of authority',
			priority: 'medium',
			status_uuid: done.uuid,
			taskable_type: 'client',
			taskable_uuid: emma.uuid,
			assigned_to_uuids: [sarah.uuid],
			due_at: at(-5),
			completed_at: at(-4),
			completed_by_uuid: sarah.uuid,
		});
	}

	// ---- webhooks ----

	/** Waits until every delivery started so far (and any it led to) has finished. */
	async deliveriesSettled(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Sends one delivery now, as Plannr would, or with a forged signature; resolves with the recorded attempt. */
	async deliver(
		subscriptionUuid: string,
		event: string,
		task: PlannrTaskRecord | Record<string, unknown> | string,
		options: { forgedSignature?: boolean } = {},
	): Promise<PlannrDelivery> {
		const subscription = this.subscriptions.get(subscriptionUuid);
		if (!subscription) throw new Error(`No subscription ${subscriptionUuid}`);
		const view =
			typeof task === 'string'
				? this.taskView(this.mustTask(task))
				: 'seq' in task
					? this.taskView(task as PlannrTaskRecord)
					: task;
		return await this.track(this.send(subscription, event, view, options.forgedSignature ?? false));
	}

	// ---- views ----

	accountView(account: PlannrAccount): Record<string, unknown> {
		return { ...account, external_references: [] };
	}

	/** A task as the API answers it. */
	taskView(
		task: PlannrTaskRecord,
		includes: readonly string[] = [],
		nested = false,
	): Record<string, unknown> {
		const account = (uuid: string | null) => {
			const found = uuid === null ? undefined : this.accounts.get(uuid);
			return found ? this.accountView(found) : null;
		};
		const always = this.options.relationsWithoutInclude === 'always';
		const shown = (relation: string) => always || includes.includes(relation);
		const view: Record<string, unknown> = {
			uuid: task.uuid,
			name: task.name,
			description: task.description,
			priority: task.priority,
			position: task.position,
			due_at: task.due_at,
			status: this.statuses.get(task.status_uuid) ?? null,
			taskable_type: task.taskable_type,
			taskable: this.taskableView(task.taskable_type, task.taskable_uuid),
		};
		if (shown('author')) view.author = account(task.author_uuid);
		view.assigned_to = task.assigned_to_uuids.map(account).filter(Boolean);
		view.completed_at = task.completed_at;
		if (shown('completed_by')) view.completed_by = account(task.completed_by_uuid);
		if (shown('custom_fields')) view.custom_fields = this.customFieldsView(task);
		view.created_at = task.created_at;
		view.updated_at = task.updated_at;
		if (!nested && includes.includes('parent_task')) {
			const parent =
				task.parent_task_uuid === null ? undefined : this.tasks.get(task.parent_task_uuid);
			view.parent_task = parent ? this.taskView(parent, [], true) : null;
		}
		if (!nested && includes.includes('related_tasks')) {
			// [inferred] the related tasks are the task's child tasks.
			view.related_tasks = [...this.tasks.values()]
				.filter((other) => other.parent_task_uuid === task.uuid)
				.map((child) => this.taskView(child, [], true));
		}
		return view;
	}

	private customFieldsView(task: PlannrTaskRecord): Record<string, unknown>[] {
		const fields = [...this.customFields.values()].filter(
			(field) => this.options.customFieldsShown === 'all' || field.reference in task.custom_fields,
		);
		return fields.map((field) => ({
			...field,
			value: task.custom_fields[field.reference] ?? null,
		}));
	}

	private taskableView(type: TaskableType, uuid: string): Record<string, unknown> | null {
		if (type === 'client') {
			const client = this.accounts.get(uuid);
			return client ? this.accountView(client) : null;
		}
		const record = type === 'case' ? this.cases.get(uuid) : this.plans.get(uuid);
		return record ? { ...record } : null;
	}

	// ---- time and ids ----

	private nowMs(): number {
		return this.options.clock().getTime();
	}

	private zoned(
		offset: { days?: number; hours?: number; minutes?: number; seconds?: number } = {},
	): DateTime {
		return DateTime.fromJSDate(this.options.clock()).setZone(this.options.timeZone).plus(offset);
	}

	/** ISO 8601 with the firm's offset, no fraction: what created_at/updated_at look like. */
	isoNow(): string {
		return this.zoned().toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	/** `yyyy-MM-dd HH:mm:ss` in the firm's zone, `offset` from now: what due_at/completed_at look like. */
	localTime(
		offset: { days?: number; hours?: number; minutes?: number; seconds?: number } = {},
	): string {
		return this.zoned(offset).toFormat(LOCAL_FORMAT);
	}

	private localNow(): string {
		return this.localTime();
	}

	private uuid(kind: keyof typeof uuidCodes): string {
		const n = (this.counters.get(kind) ?? 0) + 1;
		this.counters.set(kind, n);
		const code = uuidCodes[kind];
		return `${code}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
	}

	private nextPosition(statusUuid: string): number {
		return [...this.tasks.values()].filter((task) => task.status_uuid === statusUuid).length + 1;
	}

	private mustTask(uuid: string): PlannrTaskRecord {
		const task = this.tasks.get(uuid);
		if (!task) throw new Error(`No task ${uuid}`);
		return task;
	}

	// ---- routing, auth, rate limit ----

	private on(method: string, path: string, handler: Handler): void {
		this.server.on(method, path, handler);
		const source = path
			.split('/')
			.map((segment) =>
				segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
			)
			.join('/');
		this.known.push({ method, matcher: new RegExp(`^${source}/?$`) });
	}

	private routes(): void {
		const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
		const hooks = PLANNR_SUBSCRIPTIONS_PATH;
		this.on('GET', this.options.oauthAuthorizePath, (r) => this.authorize(r));
		this.on('POST', this.options.oauthTokenPath, (r) => this.token(r));
		this.on(
			'GET',
			v1('/logins'),
			this.api((c) => this.logins(c), false),
		);
		this.on(
			'GET',
			v1('/task'),
			this.api((c) => this.listTasks(c)),
		);
		this.on(
			'POST',
			v1('/task'),
			this.api((c) => this.postTask(c)),
		);
		this.on(
			'GET',
			v1('/task/:uuid'),
			this.api((c) => this.getTask(c)),
		);
		this.on(
			'PUT',
			v1('/task/:uuid'),
			this.api((c) => this.putTask(c)),
		);
		if (this.options.acceptPatchForUpdate)
			this.on(
				'PATCH',
				v1('/task/:uuid'),
				this.api((c) => this.putTask(c)),
			);
		this.on(
			'PATCH',
			v1('/task/:uuid/complete'),
			this.api((c) => this.patchComplete(c)),
		);
		this.on(
			'PATCH',
			v1('/task/:uuid/uncomplete/:status'),
			this.api((c) => this.patchUncomplete(c)),
		);
		this.on(
			'GET',
			v1('/task-status'),
			this.api((c) => this.listStatuses(c)),
		);
		this.on(
			'GET',
			v1('/account'),
			this.api((c) => this.listAccounts(c)),
		);
		this.on(
			'POST',
			hooks,
			this.api((c) => this.createSubscription(c)),
		);
		if (this.options.webhookListRoute)
			this.on(
				'GET',
				hooks,
				this.api((c) => this.listSubscriptions(c)),
			);
		this.on(
			'GET',
			`${hooks}/:uuid`,
			this.api((c) => this.getSubscription(c)),
		);
		this.on(
			'PUT',
			`${hooks}/:uuid`,
			this.api((c) => this.updateSubscription(c)),
		);
		this.on(
			'DELETE',
			`${hooks}/:uuid`,
			this.api((c) => this.deleteSubscription(c)),
		);
	}

	/** Laravel: a path no route has is 404; a path with routes for other methods is 405 (before any middleware). */
	private routeMissing(request: FakeRequest): FakeResponse {
		const route = request.path.replace(/^\/+/, '');
		const methods = this.known
			.filter((known) => known.matcher.test(request.path))
			.map((known) => known.method);
		if (methods.length > 0 && this.options.unknownMethodStatus === 405) {
			const supported = [
				...new Set(methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]))),
			];
			return message(
				405,
				`The ${request.method} method is not supported for route ${route}. Supported methods: ${supported.join(', ')}.`,
				{
					allow: supported.join(', '),
				},
			);
		}
		return message(404, `The route ${route} could not be found.`);
	}

	private tokenOf(request: FakeRequest): PlannrToken | undefined {
		const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
		const found = token === undefined ? undefined : this.tokens.get(token);
		if (!found || found.expiresAt <= this.nowMs() || !this.users.has(found.userUuid))
			return undefined;
		return found;
	}

	/**
	 * The api middleware, in Laravel's order: the rate limit (every answer carries its headers), the token
	 * (401), the account header (403 by default), then the handler.
	 */
	private api(handler: (context: Context) => FakeResponse, needsAccount = true): Handler {
		return (request) => {
			const token = this.tokenOf(request);
			const limit = this.rateLimit(token ? `user:${token.userUuid}` : 'guest');
			let response: FakeResponse;
			if (limit.refused) {
				response = limit.refused;
			} else if (!token) {
				response = message(401, 'Unauthenticated.');
			} else {
				const user = this.users.get(token.userUuid)!;
				const header = request.headers['x-plannr-account-uuid']?.trim();
				const account = header ? this.accounts.get(header) : undefined;
				const mine =
					account !== undefined && user.logins.some((login) => login.account_uuid === account.uuid);
				if (needsAccount && !mine) {
					response =
						this.options.accountHeaderFailureStatus === 401
							? message(401, 'Unauthenticated.')
							: message(
									403,
									header
										? 'This action is unauthorized.'
										: 'The X-PLANNR-ACCOUNT-UUID header is required.',
								);
				} else {
					response = handler({ request, user, account: mine ? account : undefined });
				}
			}
			response = { ...response, headers: { ...response.headers, ...limit.headers } };
			return this.withoutJson(request, response);
		};
	}

	/** [inferred] requireAcceptJson: what Laravel does for a client that does not ask for JSON. */
	private withoutJson(request: FakeRequest, response: FakeResponse): FakeResponse {
		if (!this.options.requireAcceptJson || /json/i.test(request.headers.accept ?? ''))
			return response;
		if (response.status === 401)
			return { status: 302, headers: { ...response.headers, location: `${this.url}/login` } };
		if (response.status === 422)
			return {
				status: 302,
				headers: { ...response.headers, location: request.headers.referer ?? `${this.url}/` },
			};
		return response;
	}

	/** Laravel's limiter: a fixed window from the bucket's first request; refused requests do not count. */
	private rateLimit(key: string): { headers: Record<string, string>; refused?: FakeResponse } {
		const limit = this.options.rateLimitPerMinute;
		if (limit === null || (key === 'guest' && !this.options.rateLimitGuests))
			return { headers: {} };
		const now = this.options.rateLimitClock();
		let window = this.windows.get(key);
		if (!window || now - window.start >= this.options.rateLimitWindowMs) {
			window = { start: now, count: 0 };
			this.windows.set(key, window);
		}
		if (window.count >= limit) {
			const retryAfter = Math.max(
				1,
				Math.ceil((window.start + this.options.rateLimitWindowMs - now) / 1000),
			);
			const headers = {
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': '0',
				// [inferred] Laravel's ThrottleRequests sends Retry-After (seconds) and X-RateLimit-Reset (epoch seconds).
				'retry-after': String(retryAfter),
				'x-ratelimit-reset': String(Math.ceil(now / 1000) + retryAfter),
			};
			return { headers, refused: message(429, 'Too Many Attempts.', headers) };
		}
		window.count++;
		return {
			headers: {
				'x-ratelimit-limit': String(limit),
				'x-ratelimit-remaining': String(limit - window.count),
			},
		};
	}

	// ---- OAuth2 (Laravel Passport's shapes) [inferred] ----

	private oauthError(status: number, error: string, description: string): FakeResponse {
		return { status, body: { error, error_description: description, message: description } };
	}

	private authorize(request: FakeRequest): FakeResponse {
		const q = request.query;
		if (q.client_id !== this.options.oauthClientId)
			return this.oauthError(401, 'invalid_client', 'Client authentication failed');
		const registered = this.options.oauthRedirectUri;
		const redirectUri = q.redirect_uri ?? registered;
		if (!redirectUri)
			return this.oauthError(400, 'invalid_request', 'Check the `redirect_uri` parameter');
		if (registered !== null && redirectUri !== registered)
			return this.oauthError(401, 'invalid_client', 'Client authentication failed');
		if (q.response_type !== 'code') {
			return this.oauthError(
				400,
				'unsupported_response_type',
				'The authorization server does not support obtaining an authorization code using this method.',
			);
		}
		const userUuid = this.options.oauthApprovingUserUuid ?? this.primaryUser.uuid;
		const code = randomBytes(24).toString('hex');
		this.codes.set(code, {
			userUuid,
			clientId: q.client_id,
			redirectUri: q.redirect_uri ?? null,
			expiresAt: this.nowMs() + this.options.oauthCodeTtlMs,
			used: false,
		});
		this.noteIssued('OAuth authorization code', code);
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		if (q.state !== undefined) target.searchParams.set('state', q.state);
		return { status: 302, headers: { location: target.toString() } };
	}

	private token(request: FakeRequest): FakeResponse {
		const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<
			string,
			string
		>;
		let clientId = body.client_id;
		let clientSecret = body.client_secret;
		const basic = /^basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
		if (basic) {
			const [id, ...secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
			clientId = decodeURIComponent(id);
			clientSecret = decodeURIComponent(secret.join(':'));
		}
		const grant = body.grant_type;
		if (grant !== 'authorization_code' && grant !== 'refresh_token') {
			return this.oauthError(
				400,
				'unsupported_grant_type',
				'The authorization grant type is not supported by the authorization server.',
			);
		}
		if (
			clientId !== this.options.oauthClientId ||
			clientSecret !== this.options.oauthClientSecret
		) {
			return this.oauthError(401, 'invalid_client', 'Client authentication failed');
		}
		const invalidGrant = (hint: string): FakeResponse => {
			const description =
				'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';
			return {
				status: 400,
				body: {
					error: 'invalid_grant',
					error_description: description,
					hint,
					message: description,
				},
			};
		};
		if (grant === 'authorization_code') {
			const code = body.code === undefined ? undefined : this.codes.get(body.code);
			if (!code || code.used || code.clientId !== clientId)
				return invalidGrant('Authorization code has been revoked');
			if (code.expiresAt <= this.nowMs()) return invalidGrant('Authorization code has expired');
			if (code.redirectUri !== null && body.redirect_uri !== code.redirectUri)
				return invalidGrant('Invalid redirect URI');
			code.used = true;
			return this.issueOAuthTokens(code.userUuid, clientId);
		}
		const refresh =
			body.refresh_token === undefined ? undefined : this.refreshTokens.get(body.refresh_token);
		if (!refresh || refresh.revoked || refresh.clientId !== clientId)
			return invalidGrant('Token has been revoked');
		if (this.options.rotateRefreshTokens) {
			refresh.revoked = true;
			this.tokens.delete(refresh.accessToken);
		}
		return this.issueOAuthTokens(refresh.userUuid, clientId);
	}

	private issueOAuthTokens(userUuid: string, clientId: string): FakeResponse {
		const accessToken = `oat-${randomBytes(24).toString('hex')}`;
		const refreshToken = `ort-${randomBytes(24).toString('hex')}`;
		this.tokens.set(accessToken, {
			token: accessToken,
			userUuid,
			kind: 'oauth',
			expiresAt: this.nowMs() + this.options.oauthAccessTokenTtlMs,
			clientId,
		});
		this.refreshTokens.set(refreshToken, { userUuid, clientId, accessToken, revoked: false });
		this.noteIssued('issued OAuth access token', accessToken);
		this.noteIssued('issued OAuth refresh token', refreshToken);
		return {
			status: 200,
			body: {
				token_type: 'Bearer',
				expires_in: Math.floor(this.options.oauthAccessTokenTtlMs / 1000),
				access_token: accessToken,
				refresh_token: refreshToken,
			},
		};
	}

	// ---- input ----

	/** The body as Laravel reads it: JSON (when sent as JSON) or a form, trimmed, '' as null. */
	private input(request: FakeRequest): Body {
		const type = request.headers['content-type'] ?? '';
		// Laravel reads a JSON body only when told it is JSON; a form body is parsed by the kit.
		if (request.rawBody === '' || !(/json/i.test(type) || /x-www-form-urlencoded/i.test(type)))
			return {};
		if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body))
			return {};
		return laravelInput(request.body) as Body;
	}

	/** `filter[x]` values from the raw query (`filter[x][]=a&filter[x][]=b` joined with commas, as PHP reads it). */
	private filters(request: FakeRequest): Map<string, string> {
		const filters = new Map<string, string>();
		const params = new URLSearchParams(request.rawQuery);
		for (const key of new Set(params.keys())) {
			const match = /^filter\[([^\]]+)\](\[\])?$/.exec(key);
			if (match) filters.set(match[1], params.getAll(key).join(','));
		}
		return filters;
	}

	/** Checks the filter/sort/include names of a list; a 400 as the query builder words it. */
	private queryNames(
		request: FakeRequest,
		allowed: { filters: readonly string[]; sorts: readonly string[]; includes: readonly string[] },
		defaultSort: string,
	):
		| {
				filters: Map<string, string>;
				sorts: { field: string; descending: boolean }[];
				includes: string[];
		  }
		| FakeResponse {
		const reject = this.options.unknownQueryParams === 'reject';
		const filters = this.filters(request);
		const badFilters = [...filters.keys()].filter((name) => !allowed.filters.includes(name));
		if (badFilters.length > 0) {
			if (reject) return queryError('filter', badFilters, allowed.filters);
			for (const name of badFilters) filters.delete(name);
		}
		const split = (value: string | undefined) =>
			(value ?? '')
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean);
		let sorts = split(request.query.sort ?? defaultSort).map((part) => ({
			field: part.replace(/^-/, ''),
			descending: part.startsWith('-'),
		}));
		const badSorts = sorts
			.filter((sort) => !allowed.sorts.includes(sort.field))
			.map((sort) => sort.field);
		if (badSorts.length > 0) {
			if (reject) return queryError('sort', badSorts, allowed.sorts);
			sorts = sorts.filter((sort) => allowed.sorts.includes(sort.field));
		}
		let includes = split(request.query.include);
		const badIncludes = includes.filter((name) => !allowed.includes.includes(name));
		if (badIncludes.length > 0) {
			if (reject) return queryError('include', badIncludes, allowed.includes);
			includes = includes.filter((name) => allowed.includes.includes(name));
		}
		return { filters, sorts, includes };
	}

	/** Laravel's LengthAwarePaginator as an API resource collection: `{data, links, meta}`. */
	private paginate<T>(request: FakeRequest, rows: T[], view: (row: T) => unknown): FakeResponse {
		const validation = new Validation(this.messages);
		const reject = this.options.invalidPaging === 'reject';
		let perPage = this.options.defaultPerPage;
		const rawPerPage = request.query.per_page;
		if (rawPerPage !== undefined) {
			const value = Number(rawPerPage);
			if (/^\d+$/.test(rawPerPage.trim()) && value >= 1) {
				if (value > this.options.maxPerPage) {
					if (this.options.perPageAboveMax === 'reject')
						validation.add('per_page', 'max', { max: this.options.maxPerPage });
					perPage = this.options.maxPerPage;
				} else {
					perPage = value;
				}
			} else if (reject) {
				validation.add('per_page', 'integer');
			}
		}
		let page = 1;
		const rawPage = request.query.page;
		if (rawPage !== undefined) {
			// Laravel's paginator: a page that is not a whole number >= 1 reads as page 1.
			if (/^\d+$/.test(rawPage.trim()) && Number(rawPage) >= 1) page = Number(rawPage);
			else if (reject) validation.add('page', 'integer');
		}
		if (validation.failed) return validation.response();

		const total = rows.length;
		const lastPage = Math.max(1, Math.ceil(total / perPage));
		const slice = rows.slice((page - 1) * perPage, page * perPage);
		const path = `${this.url}${request.path.replace(/\/+$/, '')}`;
		const pageUrl = (n: number) => {
			const params = this.options.linksKeepQuery
				? new URLSearchParams(request.rawQuery)
				: new URLSearchParams();
			params.set('page', String(n));
			return `${path}?${params.toString()}`;
		};
		const from = slice.length > 0 ? (page - 1) * perPage + 1 : null;
		return {
			status: 200,
			body: {
				data: slice.map(view),
				links: {
					first: pageUrl(1),
					last: pageUrl(lastPage),
					prev: page > 1 ? pageUrl(page - 1) : null,
					next: page < lastPage ? pageUrl(page + 1) : null,
				},
				meta: {
					current_page: page,
					from,
					last_page: lastPage,
					links: [
						{ url: page > 1 ? pageUrl(page - 1) : null, label: '&laquo; Previous', active: false },
						...Array.from({ length: lastPage }, (_, i) => ({
							url: pageUrl(i + 1),
							label: String(i + 1),
							active: i + 1 === page,
						})),
						{
							url: page < lastPage ? pageUrl(page + 1) : null,
							label: 'Next &raquo;',
							active: false,
						},
					],
					path,
					per_page: perPage,
					to: from === null ? null : from + slice.length - 1,
					total,
				},
			},
		};
	}

	/** A comparator for sort fields, ties broken by creation order in the same direction. */
	private comparator<T>(
		sorts: { field: string; descending: boolean }[],
		key: (row: T, field: string) => string | number | null,
		seq: (row: T) => number,
	) {
		const nullsFirst = this.options.nullsSort === 'first';
		return (a: T, b: T): number => {
			for (const { field, descending } of sorts) {
				const x = key(a, field);
				const y = key(b, field);
				let order = 0;
				if (x === null || y === null)
					order = x === y ? 0 : x === null ? (nullsFirst ? -1 : 1) : nullsFirst ? 1 : -1;
				else order = x < y ? -1 : x > y ? 1 : 0;
				if (order !== 0) return descending ? -order : order;
			}
			const last = sorts[sorts.length - 1];
			return (seq(a) - seq(b)) * (last?.descending ? -1 : 1);
		};
	}

	// ---- logins ----

	private logins(context: Context): FakeResponse {
		const { user } = context;
		const placement = this.options.preferredAccountPlacement;
		const data = user.logins
			.filter((login) => this.accounts.has(login.account_uuid))
			.map((login) => ({
				uuid: login.uuid,
				created_at: login.created_at,
				updated_at: login.created_at,
				expires_at: null,
				has_write_permission: true,
				has_delete_permission: true,
				primary: login.primary,
				first_name: user.first_name,
				last_name: user.last_name,
				email: user.email,
				account: this.accountView(this.accounts.get(login.account_uuid)!),
				firm: { ...this.firm },
				...(placement === 'each-login'
					? { preferred_account_uuid: user.preferred_account_uuid }
					: {}),
			}));
		return {
			status: 200,
			body:
				placement === 'top-level'
					? { data, preferred_account_uuid: user.preferred_account_uuid }
					: { data },
		};
	}

	// ---- tasks ----

	private taskByParam(request: FakeRequest): PlannrTaskRecord | FakeResponse {
		// Route model binding: an unknown uuid is Laravel's ModelNotFoundException, a 404.
		return (
			this.tasks.get(request.params.uuid) ??
			message(404, `No query results for model [App\\Models\\Task] ${request.params.uuid}`)
		);
	}

	private getTask(context: Context): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		const names = this.queryNames(
			context.request,
			{ filters: [], sorts: TASK_SORTS, includes: TASK_INCLUDES },
			'created_at',
		);
		if (isResponse(names)) return names;
		return { status: 200, body: this.taskView(task, names.includes) };
	}

	private listTasks(context: Context): FakeResponse {
		const { request } = context;
		const names = this.queryNames(
			request,
			{ filters: TASK_FILTERS, sorts: TASK_SORTS, includes: TASK_INCLUDES },
			'created_at',
		);
		if (isResponse(names)) return names;
		const { filters, sorts, includes } = names;
		const validation = new Validation(this.messages);
		const list = (name: string) =>
			(filters.get(name) ?? '')
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean);
		const flag = (name: string): boolean | undefined => {
			const raw = filters.get(name);
			if (raw === undefined) return undefined;
			const value = parseBoolean(raw.trim());
			if (value === undefined) validation.add(`filter.${name}`, 'boolean');
			return value;
		};
		const bound = (name: string): string | undefined => {
			const raw = filters.get(name)?.trim();
			if (raw === undefined || raw === '') return undefined;
			const local = this.toLocal(raw, 'lenient');
			if (local === undefined) validation.add(`filter.${name}`, 'date');
			return local;
		};
		const hasDue = flag('has_due_date');
		const open = flag('open_tasks');
		const completedStatus = flag('completed_status');
		const archivedStatus = flag('archived_status');
		const notStartedStatus = flag('not_started_status');
		const showChildren = flag('show_child_tasks') ?? this.options.listChildTasks;
		const before = bound('due_before');
		const after = bound('due_after');
		if (validation.failed) return validation.response();

		const statusOf = (task: PlannrTaskRecord) => this.statuses.get(task.status_uuid);
		const clientOf = (task: PlannrTaskRecord): string | undefined => {
			if (task.taskable_type === 'client') return task.taskable_uuid;
			if (this.options.clientFilterScope === 'client-only') return undefined;
			return (
				task.taskable_type === 'case'
					? this.cases.get(task.taskable_uuid)
					: this.plans.get(task.taskable_uuid)
			)?.client_uuid;
		};
		const inclusive = this.options.dueBoundsInclusive;
		let rows = [...this.tasks.values()];
		const keep = (test: (task: PlannrTaskRecord) => boolean) => {
			rows = rows.filter(test);
		};
		// [inferred] filter[name] matches part of the name, case-insensitively (the query builder's partial filter).
		const name = filters.get('name')?.trim().toLowerCase();
		if (name) keep((task) => task.name.toLowerCase().includes(name));
		// [inferred] the exact filters take comma-separated lists (the query builder's exact filter).
		for (const [filter, field] of [
			['taskable_type', 'taskable_type'],
			['taskable_uuid', 'taskable_uuid'],
			['priority', 'priority'],
			['status_uuid', 'status_uuid'],
		] as const) {
			const wanted = list(filter);
			if (wanted.length > 0) keep((task) => wanted.includes(String(task[field])));
		}
		const clients = list('client_uuid');
		if (clients.length > 0) keep((task) => clients.includes(clientOf(task) ?? ''));
		const assignees = list('assigned_to_uuids');
		if (assignees.length > 0) {
			const all = this.options.assignedFilterMatch === 'all';
			keep((task) =>
				all
					? assignees.every((uuid) => task.assigned_to_uuids.includes(uuid))
					: assignees.some((uuid) => task.assigned_to_uuids.includes(uuid)),
			);
		}
		if (before !== undefined)
			keep(
				(task) =>
					task.due_at !== null && (inclusive ? task.due_at <= before : task.due_at < before),
			);
		if (after !== undefined)
			keep(
				(task) => task.due_at !== null && (inclusive ? task.due_at >= after : task.due_at > after),
			);
		if (hasDue !== undefined) keep((task) => (task.due_at !== null) === hasDue);
		// Documented: open_tasks=true leaves out the Completed and Archived columns. [inferred] false filters nothing.
		if (open === true)
			keep((task) => !statusOf(task)?.is_type_completed && !statusOf(task)?.is_archived);
		if (completedStatus !== undefined)
			keep((task) => Boolean(statusOf(task)?.is_type_completed) === completedStatus);
		if (archivedStatus !== undefined)
			keep((task) => Boolean(statusOf(task)?.is_archived) === archivedStatus);
		if (notStartedStatus !== undefined)
			keep((task) => Boolean(statusOf(task)?.is_not_started) === notStartedStatus);
		// apidocs: child tasks are not in the top-level list unless asked for.
		if (!showChildren) keep((task) => task.parent_task_uuid === null);

		const priorityKey = (task: PlannrTaskRecord) =>
			task.priority === null
				? null
				: this.options.prioritySort === 'rank'
					? PRIORITY_RANK[task.priority]
					: task.priority;
		rows.sort(
			this.comparator<PlannrTaskRecord>(
				sorts,
				(task, field) => {
					switch (field) {
						case 'created_at':
						case 'updated_at':
							return Date.parse(task[field]);
						case 'name':
							return task.name.toLowerCase();
						case 'priority':
							return priorityKey(task);
						case 'due_at':
							return task.due_at;
						default: // completed_last: open tasks first
							return task.completed_at === null ? 0 : 1;
					}
				},
				(task) => task.seq,
			),
		);
		return this.paginate(request, rows, (task) => this.taskView(task, includes));
	}

	/** A date for due_at or a due filter, as the firm's local `yyyy-MM-dd HH:mm:ss`; undefined when unreadable. */
	private toLocal(value: string, format: 'strict' | 'lenient'): string | undefined {
		const zone = this.options.timeZone;
		if (LOCAL_DATE_TIME.test(value)) {
			const parsed = DateTime.fromFormat(value, LOCAL_FORMAT, { zone });
			return parsed.isValid ? value : undefined;
		}
		if (format === 'strict') return undefined;
		const date = DateTime.fromFormat(value, 'yyyy-MM-dd', { zone });
		if (date.isValid) return date.toFormat(LOCAL_FORMAT);
		const iso = DateTime.fromISO(value, { zone, setZone: false });
		return iso.isValid ? iso.setZone(zone).toFormat(LOCAL_FORMAT) : undefined;
	}

	/** Validates a task body (create: the four fields required; update: all optional) into the fields to set. */
	private readTask(
		body: Body,
		existing?: PlannrTaskRecord,
	): Partial<PlannrTaskRecord> | FakeResponse {
		const v = new Validation(this.messages);
		const fields: Partial<PlannrTaskRecord> = {};
		const creating = existing === undefined;
		const present = (key: string) => key in body;
		const required = (key: string) => {
			if ((creating || present(key)) && (body[key] === undefined || body[key] === null)) {
				v.add(key, 'required');
				return false;
			}
			return present(key);
		};

		if (required('name')) {
			if (typeof body.name !== 'string') v.add('name', 'string');
			else if (body.name.length > 255) v.add('name', 'max', { max: 255 });
			else fields.name = body.name;
		}
		if (present('description')) {
			if (body.description !== null && typeof body.description !== 'string')
				v.add('description', 'string');
			else fields.description = body.description as string | null;
		}
		if (present('priority') && body.priority !== null) {
			if (!PRIORITIES.includes(body.priority as Priority)) v.add('priority', 'in');
			else fields.priority = body.priority as Priority;
		} else if (present('priority')) {
			fields.priority = null;
		}
		if (present('due_at') && body.due_at !== null) {
			const local =
				typeof body.due_at === 'string'
					? this.toLocal(body.due_at, this.options.dueAtFormat)
					: undefined;
			if (local === undefined) {
				if (this.options.dueAtFormat === 'strict')
					v.add('due_at', 'date_format', { format: 'Y-m-d H:i:s' });
				else v.add('due_at', 'date');
			} else {
				fields.due_at = local;
			}
		} else if (present('due_at')) {
			fields.due_at = null;
		}

		// The taskable: type and uuid together; a uuid alone is read against the task's current type.
		let type: TaskableType | undefined = existing?.taskable_type;
		if (required('taskable_type')) {
			if (!TASKABLE_TYPES.includes(body.taskable_type as TaskableType))
				v.add('taskable_type', 'in');
			else type = fields.taskable_type = body.taskable_type as TaskableType;
		}
		if (!creating && present('taskable_type') && !present('taskable_uuid'))
			v.add('taskable_uuid', 'required_with', { values: 'taskable type' });
		if (required('taskable_uuid') && type !== undefined && !v.has('taskable_type')) {
			const uuid = String(body.taskable_uuid);
			const exists =
				type === 'client'
					? this.accounts.get(uuid)?.type === 'client'
					: type === 'case'
						? this.cases.has(uuid)
						: this.plans.has(uuid);
			if (!exists) v.add('taskable_uuid', 'exists');
			else fields.taskable_uuid = uuid;
		}
		if (required('task_status_uuid')) {
			const uuid = String(body.task_status_uuid);
			if (!this.statuses.has(uuid)) v.add('task_status_uuid', 'exists');
			else fields.status_uuid = uuid;
		}
		if (present('parent_task_uuid') && body.parent_task_uuid !== null) {
			const uuid = String(body.parent_task_uuid);
			if (!this.tasks.has(uuid)) v.add('parent_task_uuid', 'exists');
			else if (existing && uuid === existing.uuid)
				v.add('parent_task_uuid', 'different', { other: 'uuid' });
			else fields.parent_task_uuid = uuid;
		} else if (present('parent_task_uuid')) {
			fields.parent_task_uuid = null;
		}
		const uuids = (
			key: 'assigned_to_uuids' | 'group_uuids',
			exists: (uuid: string) => boolean,
		): string[] | undefined => {
			if (!present(key)) return undefined;
			const value = body[key];
			if (value === null) return [];
			if (!Array.isArray(value)) {
				v.add(key, 'array');
				return undefined;
			}
			value.forEach((uuid, i) => {
				if (typeof uuid !== 'string' || !exists(uuid)) v.add(`${key}.${i}`, 'exists');
			});
			return [...new Set(value.map(String))];
		};
		const assigned = uuids('assigned_to_uuids', (uuid) => this.accounts.has(uuid));
		if (assigned) fields.assigned_to_uuids = assigned;
		const groups = uuids('group_uuids', (uuid) => this.groups.has(uuid));
		if (groups) fields.group_uuids = groups;
		if (present('custom_fields') && body.custom_fields !== null) {
			const value = body.custom_fields;
			// Documented shape: [{reference: value}, ...]; [inferred] an object {reference: value} is taken too.
			const entries: [string, unknown, string][] = Array.isArray(value)
				? value.flatMap((item, i) =>
						item && typeof item === 'object' && !Array.isArray(item)
							? Object.entries(item).map(([k, x]): [string, unknown, string] => [
									k,
									x,
									`custom_fields.${i}`,
								])
							: [['', undefined, `custom_fields.${i}`] as [string, unknown, string]],
					)
				: value && typeof value === 'object'
					? Object.entries(value).map(([k, x]): [string, unknown, string] => [
							k,
							x,
							`custom_fields.${k}`,
						])
					: [];
			if (!Array.isArray(value) && (typeof value !== 'object' || value === null))
				v.add('custom_fields', 'array');
			const references = new Set([...this.customFields.values()].map((field) => field.reference));
			const set: Record<string, unknown> = {};
			for (const [reference, fieldValue, path] of entries) {
				if (
					reference === '' ||
					(!references.has(reference) && this.options.unknownCustomFields === 'reject')
				)
					v.add(path, 'exists');
				else if (references.has(reference)) set[reference] = fieldValue;
			}
			// [inferred] the fields sent are merged into those the task has; null clears one.
			fields.custom_fields = Object.fromEntries(
				Object.entries({ ...(existing?.custom_fields ?? {}), ...set }).filter(
					([, x]) => x !== null && x !== undefined,
				),
			);
		}
		return v.failed ? v.response() : fields;
	}

	private postTask(context: Context): FakeResponse {
		const fields = this.readTask(this.input(context.request));
		if (isResponse(fields)) return fields;
		const author = context.account!.uuid;
		const now = this.isoNow();
		const task = this.addTask({
			...(fields as Parameters<PlannrFake['addTask']>[0]),
			author_uuid: author,
			completed_at: null,
			completed_by_uuid: null,
			created_at: now,
			updated_at: now,
		});
		if (
			this.statuses.get(task.status_uuid)?.is_type_completed &&
			this.options.statusChangeCompletes
		) {
			task.completed_at = this.localNow();
			task.completed_by_uuid = author;
		}
		this.emit('task.created', task);
		return { status: 201, body: this.taskView(task) };
	}

	private putTask(context: Context): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		const fields = this.readTask(this.input(context.request), task);
		if (isResponse(fields)) return fields;
		const completed = this.applyChanges(task, fields, context.account!.uuid);
		this.emit('task.updated', task);
		if (completed) this.emit('task.completed', task);
		return { status: 200, body: this.taskView(task) };
	}

	/** Sets the fields; a status change moves the position and, by option, completes or uncompletes. Returns whether it completed the task. */
	private applyChanges(
		task: PlannrTaskRecord,
		changes: Partial<PlannrTaskRecord>,
		byAccountUuid: string,
	): boolean {
		const { seq: _seq, uuid: _uuid, ...rest } = changes;
		void _seq;
		void _uuid;
		let completed = false;
		if (rest.status_uuid !== undefined && rest.status_uuid !== task.status_uuid) {
			rest.position ??= this.nextPosition(rest.status_uuid);
			const completing = this.statuses.get(rest.status_uuid)?.is_type_completed ?? false;
			if (this.options.statusChangeCompletes && rest.completed_at === undefined) {
				if (completing && task.completed_at === null) {
					rest.completed_at = this.localNow();
					rest.completed_by_uuid = byAccountUuid;
					completed = true;
				} else if (!completing && task.completed_at !== null) {
					rest.completed_at = null;
					rest.completed_by_uuid = null;
				}
			}
		}
		// [inferred] updated_at moves on every accepted update, even one that changes nothing.
		Object.assign(task, rest, { updated_at: this.isoNow() });
		return completed;
	}

	/** [inferred] the completed-type status /complete moves a task to. */
	private completedStatus(): PlannrStatus | undefined {
		if (this.options.completeToStatusUuid !== null)
			return this.statuses.get(this.options.completeToStatusUuid);
		return [...this.statuses.values()]
			.filter((status) => status.is_type_completed && !status.is_archived)
			.sort((a, b) => a.position - b.position)[0];
	}

	private complete(task: PlannrTaskRecord, status: PlannrStatus, byAccountUuid: string): void {
		const keep = task.completed_at !== null && this.options.recompleteKeepsCompletion;
		if (task.status_uuid !== status.uuid) {
			task.position = this.nextPosition(status.uuid);
			task.status_uuid = status.uuid;
		}
		if (!keep) {
			task.completed_at = this.localNow();
			task.completed_by_uuid = byAccountUuid;
		}
		task.updated_at = this.isoNow();
	}

	private uncomplete(task: PlannrTaskRecord, statusUuid: string): void {
		if (task.status_uuid !== statusUuid) {
			task.position = this.nextPosition(statusUuid);
			task.status_uuid = statusUuid;
		}
		task.completed_at = null;
		task.completed_by_uuid = null;
		task.updated_at = this.isoNow();
	}

	private patchComplete(context: Context): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		const status = this.completedStatus();
		if (!status) {
			const v = new Validation(this.messages);
			v.add('task_status_uuid', 'no_completed_status');
			return v.response();
		}
		this.complete(task, status, context.account!.uuid);
		this.emit('task.completed', task);
		return { status: 200, body: this.taskView(task) };
	}

	private patchUncomplete(context: Context): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		const statusUuid = context.request.params.status;
		const status = this.statuses.get(statusUuid);
		// [inferred] the status is route-bound too: unknown is a 404.
		if (!status)
			return message(404, `No query results for model [App\\Models\\TaskStatus] ${statusUuid}`);
		const v = new Validation(this.messages);
		if (status.is_type_completed && this.options.uncompleteToCompletedStatus === 'reject')
			v.add('task_status_uuid', 'not_completed_status');
		if (task.completed_at === null && this.options.uncompleteOpenTask === 'reject')
			v.add('task', 'not_completed');
		if (v.failed) return v.response();
		this.uncomplete(task, statusUuid);
		this.emit('task.updated', task);
		return { status: 200, body: this.taskView(task) };
	}

	// ---- statuses and accounts ----

	private listStatuses(context: Context): FakeResponse {
		const names = this.queryNames(
			context.request,
			{ filters: [], sorts: STATUS_SORTS, includes: [] },
			'position',
		);
		if (isResponse(names)) return names;
		const rows = [...this.statuses.values()].sort(
			this.comparator<PlannrStatus>(
				names.sorts,
				(status, field) =>
					field === 'created_at'
						? Date.parse(status.created_at)
						: field === 'name'
							? status.name.toLowerCase()
							: status.position,
				(status) => status.position,
			),
		);
		if (this.options.statusListPaginated)
			return this.paginate(context.request, rows, (status) => status);
		return { status: 200, body: { data: rows } };
	}

	private listAccounts(context: Context): FakeResponse {
		const names = this.queryNames(
			context.request,
			{ filters: [], sorts: ACCOUNT_SORTS, includes: [] },
			'created_at',
		);
		if (isResponse(names)) return names;
		const order = [...this.accounts.keys()];
		const rows = [...this.accounts.values()].sort(
			this.comparator<PlannrAccount>(
				names.sorts,
				(account, field) =>
					field === 'created_at' || field === 'updated_at'
						? Date.parse(account[field])
						: ((
								(account[field as 'first_name' | 'last_name' | 'name' | 'email'] ?? null) as
									| string
									| null
							)?.toLowerCase() ?? null),
				(account) => order.indexOf(account.uuid),
			),
		);
		return this.paginate(context.request, rows, (account) => this.accountView(account));
	}

	// ---- webhook subscriptions ----

	private readSubscription(
		body: Body,
		creating: boolean,
	): Partial<PlannrSubscription> | FakeResponse {
		const v = new Validation(this.messages);
		const fields: Partial<PlannrSubscription> = {};
		if (creating || 'url' in body) {
			if (body.url === undefined || body.url === null) v.add('url', 'required');
			else if (typeof body.url !== 'string' || !isUrl(body.url)) v.add('url', 'url');
			else fields.url = body.url;
		}
		if (creating || 'events' in body) {
			const events = body.events;
			if (events === undefined || events === null) v.add('events', 'required');
			else if (!Array.isArray(events)) v.add('events', 'array');
			else if (events.length === 0) v.add('events', 'required');
			else {
				events.forEach((event, i) => {
					if (!WEBHOOK_EVENTS.includes(event as (typeof WEBHOOK_EVENTS)[number]))
						v.add(`events.${i}`, 'in');
				});
				fields.events = [...new Set(events.map(String))];
			}
		}
		return v.failed ? v.response() : fields;
	}

	private subscriptionByParam(request: FakeRequest): PlannrSubscription | FakeResponse {
		return (
			this.subscriptions.get(request.params.uuid) ??
			message(
				404,
				`No query results for model [App\\Models\\WebhookSubscription] ${request.params.uuid}`,
			)
		);
	}

	private createSubscription(context: Context): FakeResponse {
		const fields = this.readSubscription(this.input(context.request), true);
		if (isResponse(fields)) return fields;
		const now = this.isoNow();
		const subscription: PlannrSubscription = {
			uuid: this.uuid('webhook'),
			url: fields.url!,
			events: fields.events!,
			// Like the documented examples: 60 letters and digits.
			signing_secret: randomBytes(60)
				.toString('base64')
				.replace(/[^A-Za-z0-9]/g, '')
				.padEnd(60, 'x')
				.slice(0, 60),
			created_at: now,
			updated_at: now,
			last_outgoing_webhook_call_at: null,
		};
		this.subscriptions.set(subscription.uuid, subscription);
		this.noteIssued('webhook signing secret', subscription.signing_secret);
		return { status: this.options.webhookCreateStatus, body: { ...subscription } };
	}

	/** apidocs: filter[uuid], filter[url] (comma lists), sort created_at/updated_at, default -created_at; not paged. */
	private listSubscriptions(context: Context): FakeResponse {
		const names = this.queryNames(
			context.request,
			{ filters: ['uuid', 'url'], sorts: ['created_at', 'updated_at'], includes: [] },
			'-created_at',
		);
		if (isResponse(names)) return names;
		const order = [...this.subscriptions.keys()];
		const list = (name: string) =>
			(names.filters.get(name) ?? '')
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean);
		const uuids = list('uuid');
		const urls = list('url');
		const rows = [...this.subscriptions.values()]
			.filter(
				(s) =>
					(uuids.length === 0 || uuids.includes(s.uuid)) &&
					(urls.length === 0 || urls.includes(s.url)),
			)
			.sort(
				this.comparator<PlannrSubscription>(
					names.sorts,
					(s, field) => Date.parse(field === 'updated_at' ? s.updated_at : s.created_at),
					(s) => order.indexOf(s.uuid),
				),
			);
		return { status: 200, body: { data: rows.map((s) => ({ ...s })) } };
	}

	private getSubscription(context: Context): FakeResponse {
		const subscription = this.subscriptionByParam(context.request);
		return isResponse(subscription) ? subscription : { status: 200, body: { ...subscription } };
	}

	private updateSubscription(context: Context): FakeResponse {
		const subscription = this.subscriptionByParam(context.request);
		if (isResponse(subscription)) return subscription;
		const fields = this.readSubscription(this.input(context.request), false);
		if (isResponse(fields)) return fields;
		Object.assign(subscription, fields, { updated_at: this.isoNow() });
		return { status: 200, body: { ...subscription } };
	}

	private deleteSubscription(context: Context): FakeResponse {
		const subscription = this.subscriptionByParam(context.request);
		if (isResponse(subscription)) return subscription;
		this.subscriptions.delete(subscription.uuid);
		return this.options.webhookDeleteStatus === 204
			? { status: 204 }
			: { status: 200, body: { message: 'Webhook subscription deleted.' } };
	}

	// ---- deliveries ----

	private emit(event: PlannrTaskEvent, task: PlannrTaskRecord): void {
		this.emitView(event, this.taskView(task));
	}

	/** Schedules a delivery to every subscription naming the event, after the current answer has gone out. */
	private emitView(event: PlannrTaskEvent, view: Record<string, unknown>): void {
		for (const subscription of this.subscriptions.values()) {
			if (!subscription.events.includes(event)) continue;
			const later = new Promise<void>((resolve) =>
				setTimeout(resolve, this.options.deliveryDelayMs),
			).then(() => this.sendWithRetries(subscription, event, view));
			void this.track(later);
		}
	}

	private track<T>(promise: Promise<T>): Promise<T> {
		this.pending.add(promise);
		const done = () => this.pending.delete(promise);
		promise.then(done, done);
		return promise;
	}

	private async sendWithRetries(
		subscription: PlannrSubscription,
		event: string,
		view: Record<string, unknown>,
	): Promise<void> {
		for (let attempt = 1; attempt <= Math.max(1, this.options.deliveryAttempts); attempt++) {
			const delivery = await this.send(subscription, event, view, false, attempt);
			if (delivery.status !== null && delivery.status >= 200 && delivery.status < 300) return;
			if (attempt < this.options.deliveryAttempts)
				await new Promise((resolve) => setTimeout(resolve, this.options.deliveryRetryDelayMs));
		}
	}

	private async send(
		subscription: PlannrSubscription,
		event: string,
		view: Record<string, unknown>,
		forged: boolean,
		attempt = 1,
	): Promise<PlannrDelivery> {
		const sentAt = this.isoNow();
		const body = JSON.stringify(this.options.deliveryBody(event, view, subscription, sentAt));
		const secret = forged
			? `forged-${randomBytes(16).toString('hex')}`
			: subscription.signing_secret;
		const headers = {
			'content-type': 'application/json',
			accept: 'application/json',
			'user-agent': 'Plannr-Webhooks/1.0',
			'x-signature': plannrSignature(body, secret),
		};
		subscription.last_outgoing_webhook_call_at = sentAt;
		const at = Date.now();
		const answer = await postWebhook(subscription.url, body, headers, {
			timeoutMs: this.options.deliveryTimeoutMs,
		});
		const delivery: PlannrDelivery = {
			subscriptionUuid: subscription.uuid,
			url: subscription.url,
			event,
			body,
			headers,
			attempt,
			forged,
			at,
			...answer,
		};
		this.deliveries.push(delivery);
		return delivery;
	}
}
