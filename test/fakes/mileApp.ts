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
 */
import http from 'node:http';
import { DateTime } from 'luxon';
import {
	VendorFake,
	postWebhook,
	type FakeRequest,
	type FakeSecret,
	type FakeResponse,
	type Handler,
} from './kit';

export const MILEAPP_API = '/api/v3';

export const TASK_STATUSES = ['UNASSIGNED', 'ONGOING', 'DONE'] as const;
/** Documented sortBy values. */
export const TASK_SORTS = ['createdTime', 'orderIndex', 'startTime', 'doneTime'] as const;
/** [inferred] timeBy names the task's time the range applies to: the sheet documents timeBy, not its values. */
export const TIME_BY = [
	'createdTime',
	'updatedTime',
	'startTime',
	'endTime',
	'assignedTime',
	'doneTime',
] as const;
/** Documented task events (Automation): onCreate (UNASSIGNED), onAssign (ONGOING), onFinish (DONE). */
export const TASK_EVENTS = ['onCreate', 'onAssign', 'onFinish'] as const;
/**
 * The field types a flow's field may have. 'string' is MileApp's own word (a flow's input component has
 * `inputType: "string"`); [inferred] the others and how each is checked (see `checkField`).
 */
export const FIELD_TYPES = ['string', 'number', 'date', 'datetime', 'select', 'location'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskSort = (typeof TASK_SORTS)[number];
export type TimeBy = (typeof TIME_BY)[number];
export type MileAppEvent = (typeof TASK_EVENTS)[number];
export type FieldType = (typeof FIELD_TYPES)[number];

/** Keys of a task body that are not flow fields. */
const WRITABLE_KEYS = ['flow', 'hubId', 'startTime', 'endTime', 'assignee', 'status'] as const;
/** Keys an answer carries that a client may send back (read, then PUT the merged task): [inferred] ignored. */
const READ_ONLY_KEYS = [
	'_id',
	'flowId',
	'organizationId',
	'hub',
	'orderIndex',
	'createdFrom',
	'createdBy',
	'createdTime',
	'updatedTime',
	'assignedBy',
	'assignedTime',
	'doneBy',
	'doneTime',
	'title',
	'content',
] as const;
const RESERVED = new Set<string>([...WRITABLE_KEYS, ...READ_ONLY_KEYS]);

const LOCAL_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
/** `Y-m-d\TH:i:s`, `Y-m-d\TH:i:sP`, `Y-m-d\TH:i:s.vP` (apidoc.mile.app's Datetime formats). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// ---- records ----

export interface MileAppHub {
	_id: string;
	name: string;
	address: string;
	lat: number;
	lng: number;
	organizationId: string;
}

export interface MileAppFlowField {
	/** The key a task body names it by, e.g. `field1`, `invoice`. */
	field: string;
	type: FieldType;
	required: boolean;
	description: string;
	example: unknown;
	/** For 'select': the values allowed. */
	options?: string[];
}

export interface MileAppFlow {
	_id: string;
	name: string;
	/** The fields of the flow's Initial Page: what a task is created with. */
	fields: MileAppFlowField[];
	/** [inferred] the field a task's `title` and `content` show (the flow's Configuration tab sets them). */
	titleField: string | null;
	contentField: string | null;
	/** [inferred] "default from the flow": a task's startTime is now plus this, its endTime startTime plus the duration. */
	defaultStartOffsetMinutes: number;
	defaultDurationMinutes: number;
	organizationId: string;
	version: number;
	createdTime: string;
	updatedTime: string;
}

/** A user of the organization: assignees are named by email, and may take tasks of their hubs only. */
export interface MileAppUser {
	_id: string;
	name: string;
	email: string;
	/** 'all' for an admin who belongs to every hub. */
	hubIds: string[] | 'all';
}

/** What the fake stores; the API answers `taskView()` of it. */
export interface MileAppTaskRecord {
	_id: string;
	flow: string;
	flowId: string;
	hubId: string;
	status: TaskStatus;
	/** ISO 8601 with the organization's offset. */
	startTime: string;
	endTime: string;
	organizationId: string;
	orderIndex: number;
	/** The flow's fields: key -> value. */
	fields: Record<string, unknown>;
	/** Emails; empty while unassigned. */
	assignee: string[];
	assignedBy: string | null;
	assignedTime: string | null;
	/** The name of the worker who finished it. */
	doneBy: string | null;
	doneTime: string | null;
	createdFrom: string;
	createdBy: string;
	createdTime: string;
	updatedTime: string;
	/** Creation order, the tie-breaker of every sort. */
	seq: number;
}

/** A webhook as set up by hand in MileApp's web app (Automation): a URL, the events, custom headers. */
export interface MileAppWebhookTarget {
	url: string;
	events: MileAppEvent[];
	/** Documented: the Webhook automation takes custom headers. */
	headers?: Record<string, string>;
}

/** One attempt to deliver an event to a target. */
export interface MileAppDelivery {
	url: string;
	event: MileAppEvent;
	taskId: string;
	/** The raw JSON body sent. */
	body: string;
	headers: Record<string, string>;
	/** The receiver's status, or null when it could not be reached or did not answer in time. */
	status: number | null;
	responseBody: string;
	error?: string;
	/** 1 for the first try, 2.. for retries. */
	attempt: number;
	/** Date.now() when sent. */
	at: number;
}

// ---- options ----

export interface MileAppFakeOptions {
	/** The primary user's personal token (web app → Profile → Personal Token). */
	token?: string;
	organizationId?: string;
	/** All times come from it. */
	clock?: () => Date;
	/** [inferred] the organization's zone: `Y-m-d H:i:s` inputs are read in it and answers carry its offset (the documents' examples show +00:00). */
	timeZone?: string;

	/** Documented: 20. */
	defaultLimit?: number;
	/** [inferred] the largest `limit` taken (no maximum is documented). */
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
	/** [inferred] answers carry X-RateLimit-Limit/-Remaining, and a 429 Retry-After (Laravel's throttle does). */
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
	/** [inferred] the delivery body: documented as "the flat task"; by default the task as answered, without the nested hub. */
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

type Options = Required<Omit<MileAppFakeOptions, 'rateLimitClock' | 'webhooks'>> & {
	rateLimitClock: () => number;
	webhooks: MileAppWebhookTarget[];
};
type Body = Record<string, unknown>;

interface Context {
	request: FakeRequest;
	user: MileAppUser;
	body: Body;
}

const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number' &&
	!('_id' in value);

const failure = (
	status: number,
	message: string,
	headers?: Record<string, string>,
): FakeResponse => ({ status, body: { status: false, message }, headers });

/** 8 hex digits in front of every id, then a kind and a counter: 24 hex digits, as a MongoDB ObjectId. */
const ID_PREFIX = '6352736c';
const KIND_CODES = { organization: '00', hub: '01', flow: '02', task: '03', user: '04' } as const;

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Collects validation messages in the order found. */
class Problems {
	readonly messages: string[] = [];
	add(message: string): void {
		this.messages.push(message);
	}
	get failed(): boolean {
		return this.messages.length > 0;
	}
}

/** What a validated task body turns into. */
interface TaskInput {
	flow: MileAppFlow;
	hub: MileAppHub;
	fields: Record<string, unknown>;
	startTime: string;
	endTime: string;
	/** undefined: not sent. */
	assignee?: string[];
	finish: boolean;
}

export class MileAppFake extends VendorFake {
	readonly options: Options;
	hubs = new Map<string, MileAppHub>();
	flows = new Map<string, MileAppFlow>();
	users = new Map<string, MileAppUser>();
	tasks = new Map<string, MileAppTaskRecord>();
	/** token -> user id */
	tokens = new Map<string, string>();
	/** The webhooks configured in the web app. */
	webhooks: MileAppWebhookTarget[] = [];
	/** Every delivery attempt, in the order they finished. */
	readonly deliveries: MileAppDelivery[] = [];
	/** The user the options' token belongs to. */
	primaryUser!: MileAppUser;

	private counters = new Map<string, number>();
	private taskSeq = 0;
	private lastOrderIndex = 0;
	private window: { start: number; count: number } | undefined;
	private pending = new Set<Promise<unknown>>();
	/** Bumped by reset()/stop(): deliveries of an older generation stop where they are. */
	private generation = 0;
	private timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	private inFlight = new Set<http.ClientRequest>();
	private known: { method: string; matcher: RegExp }[] = [];

	constructor(options: MileAppFakeOptions = {}) {
		super('mileapp');
		const given = Object.fromEntries(
			Object.entries(options).filter(([, value]) => value !== undefined),
		) as MileAppFakeOptions;
		const defaults: Omit<Options, 'rateLimitClock'> = {
			token: 'mileapp-personal-token',
			organizationId: '634e98098ce07d29474a7e22',
			clock: () => new Date(),
			timeZone: 'UTC',
			defaultLimit: 20,
			maxLimit: 100,
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
			rateLimitHeaders: true,
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
			deliveryBody: (_event, task) => task,
			eventHeader: null,
			deliveryUserAgent: 'MileApp-Webhook/1.0',
			deliveryDelayMs: 0,
			deliveryRetries: 3,
			deliveryRetryDelayMs: 120_000,
			deliveryTimeoutMs: 30_000,
			deliverySuccess: 'exactly-200',
		};
		const merged = { ...defaults, ...given };
		this.options = {
			...merged,
			rateLimitClock: given.rateLimitClock ?? (() => merged.clock().getTime()),
		};
		if (!DateTime.local().setZone(this.options.timeZone).isValid)
			throw new Error(`Unknown timeZone ${this.options.timeZone}`);
		this.server.notFound = (request) => this.routeMissing(request);
		this.server.internalError = (error) =>
			failure(500, `Unexpected Server Error: ${error.message}`);
		this.routes();
		this.reset();
	}

	/** Cancels deliveries still waiting to retry, so nothing is left running after a test. */
	override async stop(): Promise<void> {
		this.cancelDeliveries();
		await super.stop();
	}

	// ---- credentials ----

	/** The fields of a MileApp credential pointed at this fake: the documented base URL ends in /api/v3. */
	credentialData(): { baseUrl: string; token: string } {
		return { baseUrl: `${this.url}${MILEAPP_API}`, token: this.options.token };
	}

	/** Empties everything, then makes the primary user (an admin of every hub) with the options' token, and the options' webhooks. */
	reset(): void {
		this.cancelDeliveries();
		for (const map of [this.hubs, this.flows, this.users, this.tasks, this.tokens, this.counters])
			map.clear();
		this.deliveries.length = 0;
		this.pending.clear();
		this.taskSeq = 0;
		this.lastOrderIndex = 0;
		this.window = undefined;
		this.webhooks = this.options.webhooks.map((target) => ({
			...target,
			events: [...target.events],
		}));
		this.server.clearRequests();
		this.server.clearFaults();
		this.primaryUser = this.addUser(
			{ name: 'Roger', email: 'roger@example.com', hubIds: 'all' },
			this.options.token,
		);
	}

	/** A token for a user; it works until revoked. */
	issueToken(userId: string, token: string): string {
		this.tokens.set(token, userId);
		this.noteIssued('personal token', token);
		return token;
	}

	/** The primary user's personal token (for the e2e secret scan). */
	override get configuredSecrets(): readonly FakeSecret[] {
		return [{ kind: 'personal token', value: this.options.token }];
	}

	revokeToken(token: string): void {
		this.tokens.delete(token);
	}

	/** Forget the rate-limit window. */
	resetRateLimit(): void {
		this.window = undefined;
	}

	/** As setting up a webhook by hand in the web app (Automation). */
	addWebhook(target: MileAppWebhookTarget): MileAppWebhookTarget {
		const copy = { ...target, events: [...target.events] };
		this.webhooks.push(copy);
		return copy;
	}

	clearWebhooks(): void {
		this.webhooks = [];
	}

	// ---- state helpers (no events, references not checked: tests build any state) ----

	addHub(partial: Partial<MileAppHub> & { name: string }): MileAppHub {
		const hub: MileAppHub = {
			_id: this.objectId('hub'),
			address: '',
			lat: 0,
			lng: 0,
			organizationId: this.options.organizationId,
			...partial,
		};
		this.hubs.set(hub._id, hub);
		return hub;
	}

	addUser(
		partial: Partial<MileAppUser> & { name: string; email: string },
		token?: string,
	): MileAppUser {
		const user: MileAppUser = { _id: this.objectId('user'), hubIds: [], ...partial };
		this.users.set(user._id, user);
		if (token !== undefined) this.issueToken(user._id, token);
		return user;
	}

	/** A flow with its Initial Page fields; field keys must not clash with a task's own keys. */
	addFlow(
		partial: Omit<Partial<MileAppFlow>, 'fields'> & {
			name: string;
			fields: (Partial<MileAppFlowField> & { field: string })[];
		},
	): MileAppFlow {
		const now = this.flowTime();
		const fields = partial.fields.map((field) => {
			if (RESERVED.has(field.field)) throw new Error(`A flow field cannot be named ${field.field}`);
			const type = field.type ?? 'string';
			return {
				field: field.field,
				type,
				required: field.required ?? false,
				description: field.description ?? field.field,
				example: field.example ?? exampleFor(type, field.options),
				...(type === 'select' ? { options: field.options ?? [] } : {}),
			} satisfies MileAppFlowField;
		});
		const flow: MileAppFlow = {
			_id: this.objectId('flow'),
			titleField: fields[0]?.field ?? null,
			contentField: fields[1]?.field ?? null,
			defaultStartOffsetMinutes: 0,
			defaultDurationMinutes: 24 * 60,
			organizationId: this.options.organizationId,
			version: 1,
			createdTime: now,
			updatedTime: now,
			...partial,
			fields,
		};
		this.flows.set(flow._id, flow);
		return flow;
	}

	/** Stored as given (no events, no validation); times default from the flow, status from the assignees. */
	addTask(
		partial: Partial<MileAppTaskRecord> & { flowId: string; hubId: string },
	): MileAppTaskRecord {
		const flow = this.flows.get(partial.flowId);
		const now = this.isoNow();
		const start = partial.startTime ?? this.defaultStart(flow);
		const assignee = partial.assignee ?? [];
		const task: MileAppTaskRecord = {
			_id: this.objectId('task'),
			flow: flow?.name ?? '',
			status: assignee.length > 0 ? 'ONGOING' : 'UNASSIGNED',
			startTime: start,
			endTime: this.defaultEnd(flow, start),
			organizationId: this.options.organizationId,
			orderIndex: (this.lastOrderIndex += this.options.orderIndexStep),
			fields: {},
			assignee,
			assignedBy: assignee.length > 0 ? this.primaryUser.name : null,
			assignedTime: assignee.length > 0 ? now : null,
			doneBy: null,
			doneTime: null,
			createdFrom: 'WEB',
			createdBy: this.primaryUser.name,
			createdTime: now,
			updatedTime: partial.createdTime ?? now,
			...partial,
			seq: ++this.taskSeq,
		};
		if (task.status === 'DONE') task.doneTime ??= now;
		this.lastOrderIndex = Math.max(this.lastOrderIndex, task.orderIndex);
		this.tasks.set(task._id, task);
		return task;
	}

	// ---- changes as the web or mobile app would make them: these fire webhook events ----

	/** As creating a task in the web app: fires onCreate (and onAssign when it has assignees). */
	createTask(partial: Parameters<MileAppFake['addTask']>[0]): MileAppTaskRecord {
		const task = this.addTask(partial);
		this.emit('onCreate', task);
		if (task.assignee.length > 0 && this.options.createWithAssigneeEvents === 'create-and-assign')
			this.emit('onAssign', task);
		return task;
	}

	/** As assigning in the web app: ONGOING, fires onAssign. */
	assignTask(
		taskId: string,
		emails: string[],
		by: MileAppUser = this.primaryUser,
	): MileAppTaskRecord {
		const task = this.mustTask(taskId);
		this.assign(task, emails, by);
		this.emit('onAssign', task);
		return task;
	}

	/** As a worker finishing the task on the mobile app: DONE, fires onFinish. Throws where the API refuses (after endTime; unassigned by option). */
	finishTask(taskId: string, byEmail?: string): MileAppTaskRecord {
		const task = this.mustTask(taskId);
		const refused = task.status === 'DONE' ? undefined : this.finishRefusal(task);
		if (refused) throw new Error((refused.body as { message: string }).message);
		const worker = [...this.users.values()].find(
			(user) => user.email === (byEmail ?? task.assignee[0]),
		);
		this.finish(task, worker?.name ?? byEmail ?? this.primaryUser.name);
		this.emit('onFinish', task);
		return task;
	}

	/**
	 * A small field-operations company for the sandbox: three hubs, four users, three flows with different
	 * field lists, six tasks in every status (one ONGOING task already past its end time). Dates follow the clock.
	 */
	seedSandbox(): void {
		const jakarta = this.addHub({
			name: 'Jakarta Central',
			address: 'Jl. MH Thamrin No. 1, Jakarta Pusat',
			lat: -6.195,
			lng: 106.823,
		});
		const bandung = this.addHub({
			name: 'Bandung',
			address: 'Jl. Asia Afrika No. 8, Bandung',
			lat: -6.9216,
			lng: 107.6071,
		});
		const surabaya = this.addHub({
			name: 'Surabaya',
			address: 'Jl. Pemuda No. 17, Surabaya',
			lat: -7.2654,
			lng: 112.7478,
		});
		const dewi = this.addUser(
			{ name: 'Dewi Lestari', email: 'dewi@example.com', hubIds: [jakarta._id] },
			'mileapp-dewi-token',
		);
		const budi = this.addUser({
			name: 'Budi Santoso',
			email: 'budi@example.com',
			hubIds: [jakarta._id, bandung._id],
		});
		const sari = this.addUser({
			name: 'Sari Wijaya',
			email: 'sari@example.com',
			hubIds: [surabaya._id],
		});

		const visit = this.addFlow({
			name: 'Visit',
			fields: [
				{
					field: 'customerName',
					type: 'string',
					required: true,
					description: 'Customer name',
					example: 'John Birdy',
				},
				{
					field: 'address',
					type: 'string',
					required: true,
					description: 'Visit address',
					example: 'Gambir Jakarta',
				},
				{
					field: 'coordinate',
					type: 'location',
					description: 'Latitude,longitude',
					example: '-6.230815251,106.75684387',
				},
				{
					field: 'visitDate',
					type: 'date',
					description: 'Planned visit date',
					example: '2022-11-02',
				},
				{ field: 'notes', type: 'string', description: 'Notes for the visitor' },
			],
		});
		const delivery = this.addFlow({
			name: 'Delivery',
			titleField: 'invoice',
			contentField: 'recipientName',
			defaultDurationMinutes: 8 * 60,
			fields: [
				{
					field: 'invoice',
					type: 'string',
					required: true,
					description: 'Invoice number',
					example: 'INV-2022-001',
				},
				{
					field: 'recipientName',
					type: 'string',
					required: true,
					description: 'Recipient',
					example: 'Jack Ward',
				},
				{
					field: 'packageCount',
					type: 'number',
					required: true,
					description: 'Packages to deliver',
					example: 2,
				},
				{
					field: 'priority',
					type: 'select',
					options: ['Low', 'Normal', 'Urgent'],
					description: 'Priority',
				},
				{ field: 'deliveryCoordinate', type: 'location', description: 'Where to deliver' },
			],
		});
		const inspection = this.addFlow({
			name: 'Inspection',
			titleField: 'assetTag',
			contentField: 'inspectionType',
			defaultDurationMinutes: 3 * 24 * 60,
			fields: [
				{
					field: 'assetTag',
					type: 'string',
					required: true,
					description: 'Asset tag',
					example: 'GEN-0042',
				},
				{
					field: 'inspectionType',
					type: 'select',
					required: true,
					options: ['Routine', 'Repair', 'Installation'],
					description: 'Inspection type',
				},
				{
					field: 'scheduledDate',
					type: 'date',
					required: true,
					description: 'Scheduled date',
					example: '2022-11-03',
				},
				{ field: 'meterReading', type: 'number', description: 'Meter reading' },
			],
		});

		const at = (hours: number) => this.isoAt(hours * 3_600_000);
		const day = (days: number) =>
			DateTime.fromJSDate(this.options.clock())
				.setZone(this.options.timeZone)
				.plus({ days })
				.toFormat('yyyy-MM-dd');
		this.addTask({
			flowId: visit._id,
			hubId: jakarta._id,
			createdFrom: 'API',
			startTime: at(2),
			endTime: at(26),
			fields: {
				customerName: 'Toko Sinar Jaya',
				address: 'Jl. Kebon Sirih 12, Jakarta',
				coordinate: '-6.1862,106.8305',
				visitDate: day(1),
			},
			createdTime: at(-5),
		});
		this.addTask({
			flowId: delivery._id,
			hubId: jakarta._id,
			assignee: [dewi.email],
			startTime: at(-1),
			endTime: at(7),
			fields: {
				invoice: 'INV-2026-0107',
				recipientName: 'Andi Pratama',
				packageCount: 3,
				priority: 'Urgent',
			},
			createdTime: at(-4),
		});
		this.addTask({
			flowId: delivery._id,
			hubId: bandung._id,
			assignee: [budi.email],
			startTime: at(-30),
			endTime: at(-6),
			fields: {
				invoice: 'INV-2026-0098',
				recipientName: 'Rina Kusuma',
				packageCount: 1,
				priority: 'Normal',
			},
			createdTime: at(-32),
		});
		this.addTask({
			flowId: inspection._id,
			hubId: surabaya._id,
			createdFrom: 'API',
			startTime: at(24),
			endTime: at(96),
			fields: { assetTag: 'GEN-0042', inspectionType: 'Routine', scheduledDate: day(2) },
			createdTime: at(-3),
		});
		this.addTask({
			flowId: inspection._id,
			hubId: surabaya._id,
			assignee: [sari.email],
			status: 'DONE',
			startTime: at(-50),
			endTime: at(-2),
			fields: {
				assetTag: 'PUMP-0007',
				inspectionType: 'Repair',
				scheduledDate: day(-2),
				meterReading: 1532.5,
			},
			doneBy: sari.name,
			doneTime: at(-20),
			createdTime: at(-72),
		});
		this.addTask({
			flowId: visit._id,
			hubId: bandung._id,
			assignee: [budi.email],
			status: 'DONE',
			startTime: at(-10),
			endTime: at(14),
			fields: {
				customerName: 'CV Maju Bersama',
				address: 'Jl. Braga 40, Bandung',
				notes: 'Ask for Pak Hendra.',
			},
			doneBy: budi.name,
			doneTime: at(-1),
			createdTime: at(-12),
		});
	}

	// ---- webhooks ----

	/** Waits until every delivery started so far (and its retries) has finished. */
	async deliveriesSettled(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Sends one event for a task to every target naming it (or to `url`), with MileApp's retries; resolves when done. */
	async deliver(
		event: MileAppEvent,
		task: MileAppTaskRecord | string | Record<string, unknown>,
		url?: string,
	): Promise<MileAppDelivery[]> {
		const record =
			typeof task === 'string'
				? this.mustTask(task)
				: 'seq' in task
					? (task as MileAppTaskRecord)
					: undefined;
		const flat = record ? this.flatTask(record) : (task as Record<string, unknown>);
		const targets =
			url !== undefined
				? [{ url, events: [event] }]
				: this.webhooks.filter((target) => target.events.includes(event));
		const before = this.deliveries.length;
		await Promise.all(
			targets.map((target) =>
				this.track(this.sendWithRetries(target, event, flat, this.generation)),
			),
		);
		return this.deliveries.slice(before);
	}

	// ---- views ----

	/** A task as the API answers it (seed 003's shape), plus assignment and completion once they exist. */
	taskView(task: MileAppTaskRecord): Record<string, unknown> {
		const hub = this.hubs.get(task.hubId);
		const flow = this.flows.get(task.flowId);
		const view: Record<string, unknown> = {
			_id: task._id,
			flow: task.flow,
			flowId: task.flowId,
			hubId: task.hubId,
			startTime: task.startTime,
			organizationId: task.organizationId,
			status: task.status,
			hub: hub ? { _id: hub._id, name: hub.name, lat: hub.lat, lng: hub.lng } : null,
			orderIndex: task.orderIndex,
			...task.fields,
		};
		if (flow?.titleField) view.title = task.fields[flow.titleField] ?? null;
		if (flow?.contentField) view.content = task.fields[flow.contentField] ?? null;
		Object.assign(view, {
			createdFrom: task.createdFrom,
			endTime: task.endTime,
			createdBy: task.createdBy,
		});
		// Seed 003's UNASSIGNED task has no assignee keys; the list example's ONGOING tasks have them.
		if (task.assignee.length > 0 || task.assignedTime !== null) {
			Object.assign(view, {
				assignee: [...task.assignee],
				assignedBy: task.assignedBy,
				assignedTime: task.assignedTime,
			});
		}
		if (task.status === 'DONE')
			Object.assign(view, { doneBy: task.doneBy, doneTime: task.doneTime });
		view.updatedTime = task.updatedTime;
		view.createdTime = task.createdTime;
		return view;
	}

	/** [inferred] "the flat task" a delivery carries: the answer's task without the nested hub. */
	flatTask(task: MileAppTaskRecord): Record<string, unknown> {
		const { hub: _hub, ...flat } = this.taskView(task);
		void _hub;
		return flat;
	}

	flowView(flow: MileAppFlow): Record<string, unknown> {
		return {
			_id: flow._id,
			name: flow.name,
			pages: [
				{ id: 'page0', enabled: true, components: flow.fields.map(componentOf) },
				{ id: 'page1', components: [] },
			],
			organizationId: flow.organizationId,
			version: flow.version,
			updatedTime: flow.updatedTime,
			createdTime: flow.createdTime,
		};
	}

	hubView(hub: MileAppHub): Record<string, unknown> {
		return { _id: hub._id, name: hub.name, address: hub.address, lat: hub.lat, lng: hub.lng };
	}

	// ---- time and ids ----

	/** ISO 8601 with the organization's offset, no fraction: what task times look like. */
	isoNow(): string {
		return this.isoAt(0);
	}

	/** ISO 8601 `ms` from the clock's now. */
	isoAt(ms: number): string {
		return DateTime.fromMillis(this.options.clock().getTime() + ms)
			.setZone(this.options.timeZone)
			.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	/** Flows' times look like `2022-05-25T06:49:36.308000Z` in the documents' flow example. */
	private flowTime(): string {
		return `${DateTime.fromJSDate(this.options.clock()).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}000Z`;
	}

	/** A date the API takes (`Y-m-d H:i:s` in the organization's zone, or ISO 8601), as ISO 8601 with the organization's offset. */
	parseTime(value: unknown): string | undefined {
		if (typeof value !== 'string') return undefined;
		const zone = this.options.timeZone;
		let parsed: DateTime | undefined;
		if (LOCAL_DATE_TIME.test(value)) parsed = DateTime.fromFormat(value, LOCAL_FORMAT, { zone });
		else if (ISO_DATE_TIME.test(value)) parsed = DateTime.fromISO(value, { zone });
		if (!parsed?.isValid) return undefined;
		return parsed.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	private objectId(kind: keyof typeof KIND_CODES): string {
		const n = (this.counters.get(kind) ?? 0) + 1;
		this.counters.set(kind, n);
		return `${ID_PREFIX}${KIND_CODES[kind]}${n.toString(16).padStart(14, '0')}`;
	}

	private defaultStart(flow: MileAppFlow | undefined): string {
		return this.isoAt((flow?.defaultStartOffsetMinutes ?? 0) * 60_000);
	}

	private defaultEnd(flow: MileAppFlow | undefined, start: string): string {
		const ms = Date.parse(start) + (flow?.defaultDurationMinutes ?? 24 * 60) * 60_000;
		return DateTime.fromMillis(ms)
			.setZone(this.options.timeZone)
			.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	private pastEnd(task: { endTime: string }): boolean {
		return this.options.clock().getTime() > Date.parse(task.endTime);
	}

	private mustTask(id: string): MileAppTaskRecord {
		const task = this.tasks.get(id);
		if (!task) throw new Error(`No task ${id}`);
		return task;
	}

	private flowByName(name: string): MileAppFlow | undefined {
		return [...this.flows.values()].find((flow) => flow.name === name);
	}

	// ---- routing, Accept, auth, rate limit ----

	private on(method: string, path: string, handler: Handler): void {
		const full = `${MILEAPP_API}${path}`;
		this.server.on(method, full, handler);
		const source = full
			.split('/')
			.map((segment) =>
				segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
			)
			.join('/');
		this.known.push({ method, matcher: new RegExp(`^${source}/?$`) });
	}

	private routes(): void {
		this.on(
			'GET',
			'/tasks',
			this.api((c) => this.listTasks(c)),
		);
		this.on(
			'POST',
			'/task',
			this.api((c) => this.postTask(c)),
		);
		this.on(
			'GET',
			'/task/:taskId',
			this.api((c) => this.getTask(c)),
		);
		this.on(
			'PUT',
			'/task/:taskId',
			this.api((c) => this.updateTask(c, 'put')),
		);
		this.on(
			'PATCH',
			'/task/:taskId',
			this.api((c) => this.updateTask(c, 'patch')),
		);
		this.on(
			'DELETE',
			'/task/:taskId',
			this.api((c) => this.deleteTask(c)),
		);
		this.on(
			'PUT',
			'/task/:taskId/assign',
			this.api((c) => this.putAssign(c)),
		);
		this.on(
			'GET',
			'/flows',
			this.api((c) => this.listFlows(c)),
		);
		this.on(
			'GET',
			'/flow/:flowName/task',
			this.api((c) => this.flowTaskPayload(c)),
		);
		this.on(
			'GET',
			'/hubs',
			this.api((c) => this.listHubs(c)),
		);
	}

	/** Documented: 404 for a wrong URL, 405 for a known URL with another method. [inferred] the messages. */
	private routeMissing(request: FakeRequest): FakeResponse {
		const methods = [
			...new Set(
				this.known.filter((known) => known.matcher.test(request.path)).map((known) => known.method),
			),
		];
		const response =
			methods.length > 0
				? failure(
						405,
						`The ${request.method} method is not supported for this route. Supported methods: ${methods.join(', ')}.`,
						{ allow: methods.join(', ') },
					)
				: failure(404, 'Not Found');
		return this.outgoing(request, response);
	}

	/** Documented: only application/json and *\/* are supported. */
	private acceptable(request: FakeRequest): boolean {
		const accept = request.headers.accept;
		if (accept === undefined || accept.trim() === '')
			return this.options.missingAccept === 'accept';
		return accept
			.split(',')
			.map((range) => range.split(';')[0].trim().toLowerCase())
			.some((range) => range === 'application/json' || range === '*/*');
	}

	private userOf(request: FakeRequest): MileAppUser | undefined {
		const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
		const userId = token === undefined ? undefined : this.tokens.get(token);
		return userId === undefined ? undefined : this.users.get(userId);
	}

	/** The checks every call passes, in order: Accept and token (order by option), rate limit, body size, JSON body. */
	private api(handler: (context: Context) => FakeResponse): Handler {
		return (request) => {
			let headers: Record<string, string> = {};
			const respond = (response: FakeResponse) =>
				this.outgoing(request, { ...response, headers: { ...response.headers, ...headers } });
			const notAcceptable = failure(
				406,
				'Unsupported Accept Header. Only application/json and */* are supported.',
			);
			const acceptFirst = this.options.acceptCheck === 'before-auth';
			if (acceptFirst && !this.acceptable(request)) return respond(notAcceptable);
			const user = this.userOf(request);
			if (!user) return respond(failure(401, this.options.unauthorizedMessage));
			if (!acceptFirst && !this.acceptable(request)) return respond(notAcceptable);
			const limit = this.rateLimit();
			headers = limit.headers;
			if (limit.refused) return respond(limit.refused);
			if (Buffer.byteLength(request.rawBody) > this.options.maxBodyBytes)
				return respond(failure(413, 'Payload Too Large'));
			let body: Body = {};
			if (request.rawBody.trim() !== '') {
				// [inferred] a body that is not a JSON object is a 400 (the kit has already tried to parse it).
				if (
					typeof request.body !== 'object' ||
					request.body === null ||
					Array.isArray(request.body)
				) {
					return respond(
						failure(this.options.validationStatus, 'The request body must be a JSON object.'),
					);
				}
				body = request.body as Body;
			}
			return respond(handler({ request, user, body }));
		};
	}

	/** [inferred] errorHttpStatus: an error's body always says `status: false`; its HTTP status may be 200. */
	private outgoing(request: FakeRequest, response: FakeResponse): FakeResponse {
		if (response.status < 400) return response;
		const mode = this.options.errorHttpStatus;
		if (mode === 'always-200' || (mode === 'post-200' && request.method === 'POST'))
			return { ...response, status: 200 };
		return response;
	}

	/** Documented: 100 requests a second per organization, 429 over it. [inferred] a fixed window from its first request; refused requests do not count. */
	private rateLimit(): { headers: Record<string, string>; refused?: FakeResponse } {
		const limit = this.options.rateLimitPerSecond;
		if (limit === null) return { headers: {} };
		const now = this.options.rateLimitClock();
		if (!this.window || now - this.window.start >= 1000) this.window = { start: now, count: 0 };
		const withHeaders = this.options.rateLimitHeaders;
		if (this.window.count >= limit) {
			const retryAfter = String(Math.max(1, Math.ceil((this.window.start + 1000 - now) / 1000)));
			const headers: Record<string, string> = withHeaders
				? {
						'x-ratelimit-limit': String(limit),
						'x-ratelimit-remaining': '0',
						'retry-after': retryAfter,
					}
				: {};
			return { headers, refused: failure(429, 'Too Many Requests', headers) };
		}
		this.window.count++;
		return {
			headers: withHeaders
				? {
						'x-ratelimit-limit': String(limit),
						'x-ratelimit-remaining': String(limit - this.window.count),
					}
				: {},
		};
	}

	private invalid(problems: Problems | string): FakeResponse {
		const messages = typeof problems === 'string' ? [problems] : problems.messages;
		return failure(
			this.options.validationStatus,
			this.options.validationMessage === 'all' ? messages.join(' ') : messages[0],
		);
	}

	// ---- paging ----

	/** [inferred] page and limit as Laravel reads them: not a whole number >= 1 falls back to the default (or 400 by option). */
	private paging(
		request: FakeRequest,
		defaultLimit: number,
	): { page: number; limit: number } | FakeResponse {
		const problems = new Problems();
		const whole = (raw: string | undefined) =>
			raw !== undefined && /^\d+$/.test(raw.trim()) && Number(raw) >= 1 ? Number(raw) : undefined;
		let limit = defaultLimit;
		const rawLimit = request.query.limit;
		if (rawLimit !== undefined) {
			const value = whole(rawLimit);
			if (value === undefined) {
				if (this.options.invalidPaging === 'reject')
					problems.add('The limit must be an integer of at least 1.');
			} else if (value > this.options.maxLimit) {
				if (this.options.limitAboveMax === 'reject')
					problems.add(`The limit may not be greater than ${this.options.maxLimit}.`);
				limit = this.options.maxLimit;
			} else {
				limit = value;
			}
		}
		let page = 1;
		if (request.query.page !== undefined) {
			const value = whole(request.query.page);
			if (value === undefined) {
				if (this.options.invalidPaging === 'reject')
					problems.add('The page must be an integer of at least 1.');
			} else {
				page = value;
			}
		}
		return problems.failed ? this.invalid(problems) : { page, limit };
	}

	/** Laravel's LengthAwarePaginator as an array: the URLs keep the request's query (documented by the list example). */
	private paginator<T>(
		request: FakeRequest,
		rows: T[],
		page: number,
		limit: number,
		view: (row: T) => unknown,
	): Record<string, unknown> {
		const total = rows.length;
		const lastPage = Math.max(1, Math.ceil(total / limit));
		const slice = rows.slice((page - 1) * limit, page * limit);
		const path = `${this.url}${request.path.replace(/\/+$/, '')}`;
		const pageUrl = (n: number) => {
			const params = new URLSearchParams(request.rawQuery);
			params.set('page', String(n));
			return `${path}?${params.toString()}`;
		};
		const from = slice.length > 0 ? (page - 1) * limit + 1 : null;
		const result: Record<string, unknown> = {
			current_page: page,
			data: slice.map(view),
			first_page_url: pageUrl(1),
			from,
			last_page: lastPage,
			last_page_url: pageUrl(lastPage),
		};
		if (this.options.paginatorLinks) {
			result.links = [
				{ url: page > 1 ? pageUrl(page - 1) : null, label: '&laquo; Previous', active: false },
				...Array.from({ length: lastPage }, (_, i) => ({
					url: pageUrl(i + 1),
					label: String(i + 1),
					active: i + 1 === page,
				})),
				{ url: page < lastPage ? pageUrl(page + 1) : null, label: 'Next &raquo;', active: false },
			];
		}
		Object.assign(result, {
			next_page_url: page < lastPage ? pageUrl(page + 1) : null,
			path,
			per_page: limit,
			prev_page_url: page > 1 ? pageUrl(page - 1) : null,
			to: from === null ? null : from + slice.length - 1,
			total,
		});
		return result;
	}

	// ---- tasks ----

	private taskByParam(request: FakeRequest): MileAppTaskRecord | FakeResponse {
		return this.tasks.get(request.params.taskId) ?? failure(404, 'Data not found');
	}

	private getTask(context: Context): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		return { status: 200, body: { status: true, message: 'Success', task: this.taskView(task) } };
	}

	private listTasks(context: Context): FakeResponse {
		const { request } = context;
		const q = request.query;
		const problems = new Problems();
		const reject = this.options.unknownQueryValues === 'reject';
		const list = (name: string): string[] => {
			const raw = q[name];
			if (raw === undefined || raw.trim() === '') return [];
			return this.options.commaListFilters
				? raw
						.split(',')
						.map((part) => part.trim())
						.filter(Boolean)
				: [raw.trim()];
		};
		const oneOf = <T extends string>(
			name: string,
			allowed: readonly T[],
			fallback: T,
			normalise: (raw: string) => string = (raw) => raw,
		): T => {
			const raw = q[name]?.trim();
			if (raw === undefined || raw === '') return fallback;
			const value = normalise(raw) as T;
			if (allowed.includes(value)) return value;
			if (reject) problems.add(`The selected ${name} is invalid.`);
			return fallback;
		};

		const statuses = list('status').map((status) => status.toUpperCase());
		const badStatuses = statuses.filter((status) => !TASK_STATUSES.includes(status as TaskStatus));
		if (badStatuses.length > 0 && reject) problems.add('The selected status is invalid.');
		const sortBy = oneOf<TaskSort>('sortBy', TASK_SORTS, this.options.defaultSortBy);
		const sortOrder = oneOf<'asc' | 'desc'>(
			'sortOrder',
			['asc', 'desc'],
			this.options.defaultSortOrder,
			(raw) => raw.toLowerCase(),
		);
		const timeBy = oneOf<TimeBy>('timeBy', TIME_BY, this.options.defaultTimeBy);
		const bound = (name: 'timeFrom' | 'timeTo'): number | undefined => {
			const raw = q[name]?.trim();
			if (raw === undefined || raw === '') return undefined;
			// Documented: `Y-m-d H:i:s`. [inferred] ISO 8601 too, and a bare date (the day's start, or its end for timeTo).
			const value = DATE_ONLY.test(raw)
				? `${raw} ${name === 'timeFrom' ? '00:00:00' : '23:59:59'}`
				: raw;
			const parsed = this.parseTime(value);
			if (parsed === undefined) {
				problems.add(`The ${name} does not match the format Y-m-d H:i:s.`);
				return undefined;
			}
			return Date.parse(parsed);
		};
		const from = bound('timeFrom');
		const to = bound('timeTo');
		const lazy = q.lazyLoad === '1' || q.lazyLoad === 'true';
		const paging = this.paging(request, this.options.defaultLimit);
		if (problems.failed) return this.invalid(problems);
		if (isResponse(paging)) return paging;

		let rows = [...this.tasks.values()];
		const keep = (test: (task: MileAppTaskRecord) => boolean) => {
			rows = rows.filter(test);
		};
		const flows = list('flow');
		if (flows.length > 0) keep((task) => flows.includes(task.flow));
		const flowIds = list('flowId');
		if (flowIds.length > 0) keep((task) => flowIds.includes(task.flowId));
		if (statuses.length > 0) keep((task) => statuses.includes(task.status));
		const hubIds = list('hubId');
		if (hubIds.length > 0) keep((task) => hubIds.includes(task.hubId));
		// [inferred] emails and names match case-insensitively; doneBy matches the worker's name or email.
		const assignees = list('assignee').map((email) => email.toLowerCase());
		if (assignees.length > 0)
			keep((task) => task.assignee.some((email) => assignees.includes(email.toLowerCase())));
		const doneBy = list('doneBy').map((who) => who.toLowerCase());
		if (doneBy.length > 0) {
			const emailOf = (name: string | null) =>
				[...this.users.values()].find((user) => user.name === name)?.email.toLowerCase();
			keep(
				(task) =>
					task.doneBy !== null &&
					(doneBy.includes(task.doneBy.toLowerCase()) ||
						doneBy.includes(emailOf(task.doneBy) ?? '')),
			);
		}
		if (from !== undefined || to !== undefined) {
			const inclusive = this.options.timeRangeInclusive;
			keep((task) => {
				const raw = task[timeBy];
				if (raw === null) return false;
				const at = Date.parse(raw);
				if (from !== undefined && (inclusive ? at < from : at <= from)) return false;
				if (to !== undefined && (inclusive ? at > to : at >= to)) return false;
				return true;
			});
		}

		const descending = sortOrder === 'desc';
		const key = (task: MileAppTaskRecord): number | null => {
			if (sortBy === 'orderIndex') return task.orderIndex;
			const raw = task[sortBy];
			return raw === null ? null : Date.parse(raw);
		};
		rows.sort((a, b) => {
			const x = key(a);
			const y = key(b);
			if (x === null || y === null) {
				if (x !== y) {
					// Where a missing value lands in the final order.
					const nullsFirst = this.options.nullsSort === 'mongo' ? !descending : false;
					return (x === null) === nullsFirst ? -1 : 1;
				}
			} else if (x !== y) {
				return descending ? y - x : x - y;
			}
			// [inferred] ties in creation order, in the sort's direction (MongoDB's _id order).
			return descending ? b.seq - a.seq : a.seq - b.seq;
		});

		const fields = (q.fields ?? '')
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean);
		const view = (task: MileAppTaskRecord) => {
			const full = this.taskView(task);
			if (fields.length === 0) return full;
			const wanted = this.options.fieldsKeepId ? new Set(['_id', ...fields]) : new Set(fields);
			return Object.fromEntries(Object.entries(full).filter(([name]) => wanted.has(name)));
		};
		if (lazy) return this.lazyPage(request, rows, paging.limit, view);
		return {
			status: 200,
			body: {
				status: true,
				message: 'Success.',
				tasks: this.paginator(request, rows, paging.page, paging.limit, view),
			},
		};
	}

	/**
	 * Documented: `lazyLoad=1` + `cursor=<last _id>` pages by cursor. [inferred] the answer is Laravel's simple
	 * paginator (no total, no last_page): the rows after the cursor's task in the list's order.
	 */
	private lazyPage(
		request: FakeRequest,
		rows: MileAppTaskRecord[],
		limit: number,
		view: (task: MileAppTaskRecord) => unknown,
	): FakeResponse {
		const cursor = request.query.cursor?.trim();
		let start = 0;
		if (cursor) {
			const index = rows.findIndex((task) => task._id === cursor);
			if (index === -1) {
				if (this.options.unknownCursor === 'reject')
					return this.invalid('The selected cursor is invalid.');
				start = rows.length;
			} else {
				start = index + 1;
			}
		}
		const slice = rows.slice(start, start + limit);
		const more = start + limit < rows.length;
		const path = `${this.url}${request.path.replace(/\/+$/, '')}`;
		const url = (next: string | undefined) => {
			const params = new URLSearchParams(request.rawQuery);
			params.delete('page');
			if (next === undefined) params.delete('cursor');
			else params.set('cursor', next);
			return `${path}?${params.toString()}`;
		};
		const tasks: Record<string, unknown> = {
			current_page: 1,
			data: slice.map(view),
			first_page_url: url(undefined),
			from: slice.length > 0 ? start + 1 : null,
			next_page_url: more && slice.length > 0 ? url(slice[slice.length - 1]._id) : null,
			path,
			per_page: limit,
			prev_page_url: null,
			to: slice.length > 0 ? start + slice.length : null,
		};
		if (this.options.lazyLoadTotals)
			Object.assign(tasks, {
				total: rows.length,
				last_page: Math.max(1, Math.ceil(rows.length / limit)),
			});
		return { status: 200, body: { status: true, message: 'Success.', tasks } };
	}

	/** The emails of an `assignee` value: a list, or [inferred] a comma-separated string (the docs speak of both). */
	private emails(value: unknown, problems: Problems): string[] | undefined {
		if (value === null) return [];
		const items = Array.isArray(value)
			? value
			: typeof value === 'string'
				? value.split(',')
				: undefined;
		if (!items || items.some((item) => typeof item !== 'string')) {
			problems.add('The assignee must be a list of emails.');
			return undefined;
		}
		return [...new Set((items as string[]).map((item) => item.trim()).filter(Boolean))];
	}

	/** Each email must be a user of the organization and, by option, of the hub. */
	private checkAssignees(emails: string[], hubId: string, problems: Problems): void {
		for (const email of emails) {
			const user = [...this.users.values()].find(
				(candidate) => candidate.email.toLowerCase() === email.toLowerCase(),
			);
			if (!user) problems.add(`User ${email} is not found.`);
			else if (
				this.options.assignChecksHub &&
				user.hubIds !== 'all' &&
				!user.hubIds.includes(hubId)
			)
				problems.add(`User ${email} does not belong to the task's hub.`);
		}
	}

	/**
	 * [inferred] how each field type is checked (the documents say only that fields follow the flow's setting):
	 * string text; number a finite number; date `Y-m-d`; datetime a date the API takes (stored ISO); select one
	 * of the options; location `lat,lng`. Returns the value to store, or undefined after adding a problem.
	 */
	private checkField(field: MileAppFlowField, value: unknown, problems: Problems): unknown {
		const strict = this.options.strictFieldTypes;
		const name = field.field;
		switch (field.type) {
			case 'string':
				if (typeof value === 'string') return value;
				if (!strict && (typeof value === 'number' || typeof value === 'boolean'))
					return String(value);
				problems.add(`The ${name} must be a string.`);
				return undefined;
			case 'number': {
				if (typeof value === 'number' && Number.isFinite(value)) return value;
				if (
					!strict &&
					typeof value === 'string' &&
					value.trim() !== '' &&
					Number.isFinite(Number(value))
				)
					return Number(value);
				problems.add(`The ${name} must be a number.`);
				return undefined;
			}
			case 'date':
				if (
					typeof value === 'string' &&
					DATE_ONLY.test(value) &&
					DateTime.fromFormat(value, 'yyyy-MM-dd').isValid
				)
					return value;
				problems.add(`The ${name} does not match the format Y-m-d.`);
				return undefined;
			case 'datetime': {
				const parsed = this.parseTime(value);
				if (parsed !== undefined) return parsed;
				problems.add(`The ${name} is not a valid date.`);
				return undefined;
			}
			case 'select':
				if (typeof value === 'string' && (field.options ?? []).includes(value)) return value;
				problems.add(`The selected ${name} is invalid.`);
				return undefined;
			case 'location': {
				const match =
					typeof value === 'string'
						? /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value)
						: null;
				if (match && Math.abs(Number(match[1])) <= 90 && Math.abs(Number(match[2])) <= 180)
					return value;
				problems.add(`The ${name} must be a location as latitude,longitude.`);
				return undefined;
			}
		}
	}

	/**
	 * Validates a task body. create: flow and hubId required, the flow's required fields too, times default from
	 * the flow. put: the same, as a full replacement (fields not sent are lost). patch: only what is sent.
	 */
	private readTask(
		body: Body,
		mode: 'create' | 'put' | 'patch',
		existing?: MileAppTaskRecord,
	): TaskInput | FakeResponse {
		const problems = new Problems();
		const full = mode !== 'patch';

		let flow = existing ? this.flows.get(existing.flowId) : undefined;
		if (full || 'flow' in body) {
			if (isEmpty(body.flow)) problems.add('The flow field is required.');
			else if (typeof body.flow !== 'string' || !(flow = this.flowByName(body.flow)))
				problems.add('The selected flow is invalid.');
		}
		let hub = existing ? this.hubs.get(existing.hubId) : undefined;
		if (full || 'hubId' in body) {
			if (isEmpty(body.hubId)) problems.add('The hubId field is required.');
			else if (typeof body.hubId !== 'string' || !(hub = this.hubs.get(body.hubId)))
				problems.add('The selected hubId is invalid.');
		}
		if (!flow || !hub) {
			if (!problems.failed)
				problems.add(!flow ? 'The selected flow is invalid.' : 'The selected hubId is invalid.');
			return this.invalid(problems);
		}

		// The flow's fields: a PATCH starts from the task's (those of its flow, if the flow changes [inferred]).
		const flowKeys = new Set(flow.fields.map((field) => field.field));
		const fields: Record<string, unknown> = {};
		if (mode === 'patch' && existing) {
			for (const [key, value] of Object.entries(existing.fields)) {
				if (
					flowKeys.has(key) ||
					(existing.flowId === flow._id && this.options.unknownBodyFields === 'keep')
				)
					fields[key] = value;
			}
		}
		const flowChanged = existing !== undefined && existing.flowId !== flow._id;
		for (const field of flow.fields) {
			if (field.field in body) {
				const value = body[field.field];
				// [inferred] null or '' clears a field.
				if (isEmpty(value)) delete fields[field.field];
				else {
					const checked = this.checkField(field, value, problems);
					if (checked !== undefined) fields[field.field] = checked;
				}
			}
			const mustHave =
				mode === 'create' ||
				(mode === 'put' && this.options.putRequiresFlowFields) ||
				(mode === 'patch' && (field.field in body || flowChanged));
			if (
				field.required &&
				mustHave &&
				!(field.field in fields) &&
				!(field.field in body && !isEmpty(body[field.field]))
			) {
				problems.add(`The ${field.field} field is required.`);
			}
		}
		for (const key of Object.keys(body)) {
			if (RESERVED.has(key) || flowKeys.has(key)) continue;
			if (this.options.unknownBodyFields === 'reject')
				problems.add(`The ${key} field is not in the flow ${flow.name}.`);
			else if (this.options.unknownBodyFields === 'keep') fields[key] = body[key];
		}

		const time = (name: 'startTime' | 'endTime', fallback: () => string): string => {
			if (name in body && !isEmpty(body[name])) {
				const parsed = this.parseTime(body[name]);
				if (parsed === undefined) problems.add(`The ${name} is not a valid date.`);
				return parsed ?? fallback();
			}
			return fallback();
		};
		const keepTimes =
			mode === 'patch' || (mode === 'put' && this.options.putWithoutTimes === 'keep');
		const startTime = time('startTime', () =>
			keepTimes && existing ? existing.startTime : this.defaultStart(flow),
		);
		const endTime = time('endTime', () =>
			keepTimes && existing ? existing.endTime : this.defaultEnd(flow, startTime),
		);
		// Checked when this request sets a time (a PATCH of other fields leaves stored times alone).
		const timesSet = mode !== 'patch' || 'startTime' in body || 'endTime' in body;
		if (
			timesSet &&
			this.options.endBeforeStart === 'reject' &&
			Date.parse(endTime) < Date.parse(startTime)
		)
			problems.add('The endTime must be a date after startTime.');

		let assignee: string[] | undefined;
		if ('assignee' in body) {
			assignee = this.emails(body.assignee, problems);
			if (assignee) this.checkAssignees(assignee, hub._id, problems);
		}

		let finish = false;
		if ('status' in body && this.options.statusWritable && mode !== 'create') {
			const status = typeof body.status === 'string' ? body.status.toUpperCase() : body.status;
			if (status === 'DONE') finish = existing?.status !== 'DONE';
			else if (status !== existing?.status) problems.add('The selected status is invalid.');
		}
		if (problems.failed) return this.invalid(problems);
		return { flow, hub, fields, startTime, endTime, assignee, finish };
	}

	private postTask(context: Context): FakeResponse {
		const input = this.readTask(context.body, 'create');
		if (isResponse(input)) return input;
		const now = this.isoNow();
		const task = this.addTask({
			flowId: input.flow._id,
			flow: input.flow.name,
			hubId: input.hub._id,
			startTime: input.startTime,
			endTime: input.endTime,
			fields: input.fields,
			assignee: [],
			createdFrom: 'API',
			createdBy: context.user.name,
			createdTime: now,
			updatedTime: now,
		});
		const assigned = (input.assignee ?? []).length > 0;
		if (assigned) this.assign(task, input.assignee!, context.user);
		this.emit('onCreate', task);
		if (assigned && this.options.createWithAssigneeEvents === 'create-and-assign')
			this.emit('onAssign', task);
		return {
			status: 201,
			body: { status: true, message: 'Task has been created', task: this.taskView(task) },
		};
	}

	private updateTask(context: Context, mode: 'put' | 'patch'): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		if (task.status === 'DONE' && this.options.editDoneTask === 'reject')
			return failure(409, 'Task has been done and cannot be changed.');
		const input = this.readTask(context.body, mode, task);
		if (isResponse(input)) return input;

		// What the task will be: checked before anything is stored, so a refused finish changes nothing.
		let assignee = task.assignee;
		if (input.assignee !== undefined) assignee = input.assignee;
		else if (mode === 'put' && this.options.putWithoutAssignee === 'unassign') assignee = [];
		const assigning =
			input.assignee !== undefined && assignee.length > 0 && !sameList(assignee, task.assignee);
		if (input.finish) {
			const refused = this.finishRefusal({
				endTime: input.endTime,
				status: assignee.length > 0 ? 'ONGOING' : task.status === 'DONE' ? 'DONE' : 'UNASSIGNED',
			});
			if (refused) return refused;
		}

		Object.assign(task, {
			flow: input.flow.name,
			flowId: input.flow._id,
			hubId: input.hub._id,
			fields: input.fields,
			startTime: input.startTime,
			endTime: input.endTime,
			updatedTime: this.isoNow(),
		});
		if (assigning) this.assign(task, assignee, context.user);
		else if (assignee.length === 0 && task.assignee.length > 0) this.unassign(task);
		if (input.finish) this.finish(task, context.user.name);
		if (assigning) this.emit('onAssign', task);
		if (input.finish) this.emit('onFinish', task);
		return { status: 200, body: { status: true, message: 'Success', task: this.taskView(task) } };
	}

	/** The documented rule (no finish after endTime), and [inferred] no finish while unassigned. */
	private finishRefusal(task: { endTime: string; status: TaskStatus }): FakeResponse | undefined {
		if (task.status === 'UNASSIGNED' && this.options.finishUnassigned === 'reject')
			return failure(409, 'Task has not been assigned yet.');
		if (this.pastEnd(task))
			return failure(this.options.finishAfterEndStatus, this.options.finishAfterEndMessage);
		return undefined;
	}

	private deleteTask(context: Context): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		// Documented: permanent. [inferred] the message.
		this.tasks.delete(task._id);
		return { status: 200, body: { status: true, message: 'Task has been deleted' } };
	}

	private putAssign(context: Context): FakeResponse {
		const task = this.taskByParam(context.request);
		if (isResponse(task)) return task;
		const problems = new Problems();
		if (!('assignee' in context.body)) problems.add('The assignee field is required.');
		const emails = problems.failed ? undefined : this.emails(context.body.assignee, problems);
		if (emails && emails.length === 0 && this.options.emptyAssign === 'reject')
			problems.add('The assignee field is required.');
		if (emails) this.checkAssignees(emails, task.hubId, problems);
		if (problems.failed || !emails) return this.invalid(problems);
		if (task.status === 'DONE' && this.options.assignDoneTask === 'reject')
			return failure(409, 'Task has been done and cannot be assigned.');
		if (emails.length === 0) {
			this.unassign(task);
			task.updatedTime = this.isoNow();
		} else {
			this.assign(task, emails, context.user);
			this.emit('onAssign', task);
		}
		return { status: 200, body: { status: true, message: 'Success', task: this.taskView(task) } };
	}

	private assign(task: MileAppTaskRecord, emails: string[], by: MileAppUser): void {
		const now = this.isoNow();
		task.assignee = [...emails];
		task.assignedBy = by.name;
		task.assignedTime = now;
		if (task.status === 'UNASSIGNED') task.status = 'ONGOING';
		task.updatedTime = now;
	}

	private unassign(task: MileAppTaskRecord): void {
		task.assignee = [];
		task.assignedBy = null;
		task.assignedTime = null;
		if (task.status === 'ONGOING') task.status = 'UNASSIGNED';
	}

	private finish(task: MileAppTaskRecord, doneBy: string): void {
		const now = this.isoNow();
		task.status = 'DONE';
		task.doneBy = doneBy;
		task.doneTime = now;
		task.updatedTime = now;
	}

	// ---- flows and hubs ----

	private listFlows(context: Context): FakeResponse {
		const paging = this.paging(context.request, this.options.defaultLimit);
		if (isResponse(paging)) return paging;
		const rows = [...this.flows.values()];
		return {
			status: 200,
			body: {
				status: true,
				message: 'Success',
				flows: this.paginator(context.request, rows, paging.page, paging.limit, (flow) =>
					this.flowView(flow),
				),
			},
		};
	}

	/** Documented: `{data: {flowName, flowFields, bodyRequest}}`. [inferred] select fields list their options; an unknown flow is a 404. */
	private flowTaskPayload(context: Context): FakeResponse {
		const flow = this.flowByName(context.request.params.flowName);
		if (!flow) return failure(404, 'Data not found');
		const firstHub = [...this.hubs.values()][0];
		const start = this.defaultStart(flow);
		const bodyRequest: Record<string, unknown> = {
			flow: flow.name,
			hubId: firstHub?._id ?? '',
			...Object.fromEntries(flow.fields.map((field) => [field.field, field.example])),
			startTime: start,
			endTime: this.defaultEnd(flow, start),
		};
		return {
			status: 200,
			body: {
				status: true,
				message: 'Success',
				data: {
					flowName: flow.name,
					flowFields: flow.fields.map((field) => ({
						...field,
						...(field.options ? { options: [...field.options] } : {}),
					})),
					bodyRequest,
				},
			},
		};
	}

	/** Documented: `{status, data: [{_id, name, address, lat, lng}]}` with page, limit, name, q. [inferred] q searches name and address. */
	private listHubs(context: Context): FakeResponse {
		const paging = this.paging(context.request, this.options.hubsDefaultLimit);
		if (isResponse(paging)) return paging;
		const name = context.request.query.name?.trim().toLowerCase();
		const q = context.request.query.q?.trim().toLowerCase();
		let rows = [...this.hubs.values()];
		if (name)
			rows = rows.filter((hub) =>
				this.options.hubNameMatch === 'exact'
					? hub.name.toLowerCase() === name
					: hub.name.toLowerCase().includes(name),
			);
		if (q)
			rows = rows.filter(
				(hub) => hub.name.toLowerCase().includes(q) || hub.address.toLowerCase().includes(q),
			);
		const slice = rows.slice((paging.page - 1) * paging.limit, paging.page * paging.limit);
		return { status: 200, body: { status: true, data: slice.map((hub) => this.hubView(hub)) } };
	}

	// ---- deliveries ----

	/** Schedules a delivery to every target naming the event, after the current answer has gone out. */
	private emit(event: MileAppEvent, task: MileAppTaskRecord): void {
		const flat = this.flatTask(task);
		const generation = this.generation;
		for (const target of this.webhooks) {
			if (!target.events.includes(event)) continue;
			const later = this.sleep(this.options.deliveryDelayMs, generation).then((live) =>
				live ? this.sendWithRetries(target, event, flat, generation) : undefined,
			);
			void this.track(later);
		}
	}

	private track<T>(promise: Promise<T>): Promise<T> {
		this.pending.add(promise);
		const done = () => this.pending.delete(promise);
		promise.then(done, done);
		return promise;
	}

	/** Resolves true after `ms`, or false at once if reset()/stop() cancels it (or already did). */
	private sleep(ms: number, generation: number): Promise<boolean> {
		if (generation !== this.generation) return Promise.resolve(false);
		return new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					this.timers.delete(entry);
					resolve(generation === this.generation);
				}, ms),
				resolve: () => resolve(false),
			};
			this.timers.add(entry);
		});
	}

	private cancelDeliveries(): void {
		this.generation++;
		for (const entry of this.timers) {
			clearTimeout(entry.timer);
			entry.resolve();
		}
		this.timers.clear();
		for (const request of this.inFlight)
			request.destroy(new Error('The fake was reset or stopped'));
		this.inFlight.clear();
	}

	/** Documented: a failure (not 200, or no answer in 30 s) is retried 3 times, 2 minutes apart. */
	private async sendWithRetries(
		target: MileAppWebhookTarget,
		event: MileAppEvent,
		flat: Record<string, unknown>,
		generation: number,
	): Promise<void> {
		const attempts = 1 + Math.max(0, this.options.deliveryRetries);
		for (let attempt = 1; attempt <= attempts; attempt++) {
			if (generation !== this.generation) return;
			const delivery = await this.send(target, event, flat, attempt);
			if (this.delivered(delivery.status)) return;
			if (attempt < attempts && !(await this.sleep(this.options.deliveryRetryDelayMs, generation)))
				return;
		}
	}

	private delivered(status: number | null): boolean {
		if (status === null) return false;
		return this.options.deliverySuccess === 'exactly-200'
			? status === 200
			: status >= 200 && status < 300;
	}

	private async send(
		target: MileAppWebhookTarget,
		event: MileAppEvent,
		flat: Record<string, unknown>,
		attempt: number,
	): Promise<MileAppDelivery> {
		const body = JSON.stringify(this.options.deliveryBody(event, flat));
		const headers: Record<string, string> = {
			'content-type': 'application/json',
			accept: 'application/json',
			'user-agent': this.options.deliveryUserAgent,
			...Object.fromEntries(
				Object.entries(target.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
			),
		};
		if (this.options.eventHeader) headers[this.options.eventHeader.toLowerCase()] = event;
		const at = Date.now();
		const answer = await postWebhook(target.url, body, headers, {
			timeoutMs: this.options.deliveryTimeoutMs,
			inFlight: this.inFlight,
		});
		const delivery: MileAppDelivery = {
			url: target.url,
			event,
			taskId: String(flat._id ?? ''),
			body,
			headers,
			attempt,
			at,
			...answer,
		};
		this.deliveries.push(delivery);
		return delivery;
	}
}

function sameList(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((item, i) => item === b[i]);
}

function exampleFor(type: FieldType, options?: string[]): unknown {
	switch (type) {
		case 'number':
			return 1;
		case 'date':
			return '2022-11-02';
		case 'datetime':
			return '2022-11-02T07:28:23+00:00';
		case 'select':
			return options?.[0] ?? '';
		case 'location':
			return '-6.230815251,106.75684387';
		default:
			return 'text';
	}
}

/** [inferred] a flow field as a component of the flow's Initial Page (shape from the documents' flow example). */
function componentOf(field: MileAppFlowField): Record<string, unknown> {
	if (field.type === 'select') {
		return {
			component: 'select',
			id: field.field,
			title: field.description,
			options: [...(field.options ?? [])],
			default: null,
			isRequired: field.required,
		};
	}
	return {
		component: 'input',
		id: field.field,
		title: field.description,
		inputType: field.type,
		default: null,
		routeAs: null,
		showAs: null,
		isRequired: field.required,
	};
}
