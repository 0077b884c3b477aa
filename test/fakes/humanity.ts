/**
 * A stateful fake of the Humanity API v2, the parts a shift-task node uses: the OAuth2 password grant
 * (tokens that expire, refresh), the `{status, data, metadata, token, error}` envelope, shifts, shift tasks
 * with the bulk-replace PUT of seed 004, master tasks with cursor paging, and employee tasks with their
 * activity. Sources: shared/vendors/humanity.md, seed 004 (the update-shift-tasks page) and, where the sheet
 * is silent, the public pages it names (platform.humanity.com: getting-started-with-authentication,
 * get-shifts, update-employee-task, update-employee-tasks, v1.0 response-codes); each such fact says where it
 * came from. Every guess is marked [inferred] and can be changed through HumanityFakeOptions.
 *
 * As the API does: calls go to `/api/v2/...` with `?access_token=` (or a Bearer header), every answer is the
 * envelope and any `status` other than 1 is an error (HTTP 200 by default: [inferred]), shift-task and
 * master-task ids are ULIDs, timestamps are ISO 8601 in UTC with `+00:00` (seed 004's example), and the
 * shift-task PUT replaces the shift's whole list: tasks left out are deleted.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import {
	VendorFake,
	type FakeRequest,
	type FakeSecret,
	type FakeResponse,
	type Handler,
	type RecordedRequest,
} from './kit';

export const HUMANITY_API_PREFIX = '/api/v2';
/** Documented: `POST https://www.humanity.com/oauth2/token.php`, form-encoded. */
export const HUMANITY_TOKEN_PATH = '/oauth2/token.php';

/** The v1 response-code table (platform.humanity.com/v1.0/docs/response-codes): the message of each code. */
export const RESPONSE_CODES: Record<number, string> = {
	[-3]: 'Flagged API Key - Permanently Banned',
	[-2]: 'Flagged API Key - Too Many invalid access attempts - contact us',
	[-1]: 'Flagged API Key - Temporarily Disabled - contact us',
	1: 'Success',
	2: 'Invalid API key - App must be granted a valid key by Humanity',
	3: 'Invalid token key - Please re-authenticate',
	4: 'Invalid Method - No Method with that name exists in our API',
	5: 'Invalid Module - No Module with that name exists in our API',
	6: 'Invalid Action - No Action with that name exists in our API',
	7: 'Authentication Failed - You do not have permissions to access the service',
	8: 'Missing parameters - Your request is missing a required parameter',
	9: 'Invalid parameters - Your request has an invalid parameter type',
	10: 'Extra parameters - Your request has an extra/unallowed parameter type',
	12: 'Create Failed - Your CREATE request failed',
	13: 'Update Failed - Your UPDATE request failed',
	14: 'Delete Failed - Your DELETE request failed',
	15: 'Get Failed - Your GET request failed',
	20: "Incorrect Permissions - You don't have the proper permissions to access this",
	90: 'Suspended API key - Access for your account has been suspended, please contact Humanity',
	91: 'Throttle exceeded - You have exceeded the max allowed requests. Try again later.',
	98: 'Bad API Parameters - Invalid POST request. See Manual.',
	99: 'Service Offline - This service is temporarily offline. Try again later.',
};

/** [inferred] the HTTP status of each code when `errorHttpStatus` is 'by-code' (v2 documents no mapping). */
export const HTTP_STATUS_BY_CODE: Record<number, number> = {
	2: 401,
	3: 401,
	4: 405,
	5: 404,
	6: 404,
	7: 401,
	8: 400,
	9: 400,
	10: 400,
	12: 400,
	13: 400,
	14: 400,
	15: 404,
	20: 403,
	90: 403,
	91: 429,
	98: 400,
	99: 503,
};

/** Seed 004: 1 regular, 2 time-boxed. */
export const SHIFT_TASK_TYPES = { regular: 1, timeBoxed: 2 } as const;
/** Sheet: 0 not started, 2 completed; update-employee-tasks page: 1 started, 2 finished. */
export const ACTIVITY_STATUS = { notStarted: 0, started: 1, completed: 2 } as const;
/** Humanity's permission levels, most to least. */
export const ROLES = ['admin', 'manager', 'supervisor', 'scheduler', 'employee'] as const;
/** get-shifts: the modes the API takes (default 'employee'). */
export const SHIFT_MODES = [
	'overview',
	'location',
	'schedule',
	'incomplete',
	'employees',
	'employee',
	'open',
	'openapproval',
	'confirm',
	'onnow',
	'late',
	'upcoming',
	'recent',
	'multiple',
] as const;
/** The modes this fake models; the others answer code 9 (a limit of the fake, not of Humanity). */
export const MODELLED_SHIFT_MODES = [
	'overview',
	'location',
	'schedule',
	'employees',
	'employee',
	'open',
] as const;

export type Role = (typeof ROLES)[number];
export type ShiftTaskType = 1 | 2;
export type ActivityStatus = 0 | 1 | 2;

const UTC_FORMAT = "yyyy-MM-dd'T'HH:mm:ssZZ";
const ULID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ULID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/i;

// ---- records ----

export interface HumanityEmployee {
	id: number;
	firstname: string;
	lastname: string;
	email: string;
	username: string;
	password: string;
	role: Role;
	positionIds: number[];
}

export interface HumanityLocation {
	id: number;
	name: string;
	address: string;
}

/** A position ("schedule" in the shift API's words). */
export interface HumanityPosition {
	id: number;
	name: string;
	locationId: number | null;
	color: string;
}

export interface HumanityShift {
	id: number;
	/** ms since the epoch */
	startMs: number;
	endMs: number;
	positionId: number;
	locationId: number | null;
	employeeIds: number[];
	title: string;
	notes: string;
	published: boolean;
}

export interface TimeBox {
	startTime: string;
	dueTime: string;
}

/** Seed 004's shift task, plus `position` (its place in the shift's list). Deleted tasks stay, with deletedAt. */
export interface HumanityShiftTask {
	id: string;
	taskId: string;
	shiftId: number;
	name: string;
	description: string;
	type: ShiftTaskType;
	options: TimeBox | null;
	createdBy: number;
	createdAt: string;
	updatedBy: number | null;
	updatedAt: string | null;
	deletedBy: number | null;
	deletedAt: string | null;
	position: number;
}

/** [inferred] shape: the sheet names the fields POST/PATCH take; the audit fields mirror the shift task's. */
export interface HumanityMasterTask {
	id: string;
	name: string;
	description: string;
	color: string;
	favorite: boolean;
	positionIds: number[];
	createdBy: number;
	createdAt: string;
	updatedBy: number | null;
	updatedAt: string | null;
	deletedBy: number | null;
	deletedAt: string | null;
}

export interface Activity {
	startedAt: string | null;
	endedAt: string | null;
	startedBy: number | null;
	endedBy: number | null;
	status: ActivityStatus;
}

/** What the fake stores; the API answers `employeeTaskView()` (taskId, shiftId, type, options come from the shift task). */
export interface HumanityEmployeeTask {
	id: string;
	employeeId: number;
	shiftTaskId: string;
	activity: Activity;
	/** Set when its shift task is deleted ([inferred] cascade). */
	deletedAt: string | null;
}

interface AccessToken {
	employeeId: number;
	/** ms on the fake's clock */
	expiresAt: number;
}

interface RefreshToken {
	employeeId: number;
	expiresAt: number;
	revoked: boolean;
}

interface ForcedCode {
	code: number;
	left: number;
	method?: string;
	matcher?: RegExp;
	detail?: string;
}

interface Context {
	request: FakeRequest;
	user: HumanityEmployee;
	token: string;
}

interface Answer {
	data: unknown;
	metadata?: unknown;
}

type Body = Record<string, unknown>;

/** One entry of a shift-task PUT, checked: the live task it updates (none: a new task) and what it stores. */
interface EntryRead {
	existing?: HumanityShiftTask;
	fields: Pick<HumanityShiftTask, 'taskId' | 'name' | 'description' | 'type' | 'options'>;
}

// ---- options ----

export interface HumanityFakeOptions {
	/** The API v2 application's App ID and App Secret (Settings → API v2): `client_id`, `client_secret`. */
	appId?: string;
	appSecret?: string;
	/** The primary user's sign-in: the password grant's `username` and `password`. */
	username?: string;
	password?: string;
	/** The primary user's role (an admin/manager has edit rights on every shift). */
	userRole?: Role;
	/** Every timestamp and token expiry come from it. */
	clock?: () => Date;
	/** The company's zone: shifts' local times and the start_date/end_date days are read in it. */
	timeZone?: string;
	/** Documented: `expires_in: 3600`. Shorter in tests to exercise expiry. */
	accessTokenTtlSeconds?: number;
	/** [inferred] refresh-token lifetime (the OAuth2 PHP server behind token.php keeps them 14 days by default). */
	refreshTokenTtlSeconds?: number;
	/** [inferred] a refresh grant revokes the refresh token it used and returns a new one. */
	rotateRefreshTokens?: boolean;
	/** Documented (getting-started-with-authentication): the token may also travel as `Authorization: Bearer`. Off: only `?access_token=`. */
	acceptBearerHeader?: boolean;
	/** [inferred] the HTTP status of an envelope whose status is not 1: always 200, or HTTP_STATUS_BY_CODE. */
	errorHttpStatus?: 'always-200' | 'by-code';
	/** [inferred] the envelope of an error; by default `{status: code, data: null, metadata: [], token, error: "<table message>: <detail>"}`. */
	errorBody?: (code: number, message: string, token: string | null) => Record<string, unknown>;
	/** [inferred] the envelope's `token` echoes the access token the call used ('echo', as seed 004's example suggests) or is null. */
	envelopeToken?: 'echo' | 'null';
	/** No v2 rate limit is documented: null (default) turns it off. Over it: code 91 (v1 "throttle exceeded"). */
	throttle?: { limit: number; windowMs: number } | null;
	/** ms the throttle window is measured with; the fake's clock by default. */
	throttleClock?: () => number;
	/** [inferred] codes for ids that name nothing: the "failed" code of the request's kind (v1 table). */
	notFoundCodes?: { get: number; create: number; update: number; delete: number };
	/** [inferred] start_date/end_date absent: today and start_date (v1's defaults), or code 8. */
	missingShiftDates?: 'today' | 'reject';
	/** [inferred] a shift is in the start_date..end_date range when its local start day is in it, or when it overlaps it. */
	shiftRangeMatch?: 'starts-within' | 'overlaps';
	/** [inferred] GET /shifts/{ids}/tasks (and employee-tasks) with an id naming no shift: ignored, or a code 15. */
	unknownShiftInList?: 'ignore' | 'reject';
	/** [inferred] PUT shift tasks: an entry whose `id` is not a live task of the shift is refused (code 9) or added as new. */
	unknownShiftTaskId?: 'reject' | 'create';
	/** [inferred] PUT shift tasks: an update entry without `description` clears it ('clear', the replace reading) or keeps it. */
	omittedDescriptionOnUpdate?: 'clear' | 'keep';
	/** [inferred] PUT shift tasks: `options` sent with a regular task (type 1) are dropped (stored null) or refused. */
	regularTaskOptions?: 'ignore' | 'reject';
	/** [inferred] a time-boxed task's dueTime must be after its startTime (and an activity's endedAt not before startedAt). */
	requireOrderedTimes?: boolean;
	/** [inferred] a time-boxed task's startTime and dueTime must fall inside its shift. */
	timeBoxWithinShift?: boolean;
	/** [inferred] datetimes must carry an offset ('offset'), or may omit it and are then read in timeZone ('lenient'). */
	dateTimeOffset?: 'offset' | 'lenient';
	/** [inferred] PUT `{tasks: []}` deletes every task of the shift (true), or is a code 8. */
	emptyListDeletesAll?: boolean;
	/** [inferred] a PUT with one bad entry changes nothing ('atomic'), or applies the entries before it and deletes nothing ('partial'). */
	bulkFailure?: 'atomic' | 'partial';
	/** [inferred] a shift-task entry naming a deleted master task: allowed only if the shift task already had it, always allowed, or refused. */
	deletedMasterTaskInPut?: 'allow-existing' | 'allow' | 'reject';
	/** [inferred] updatedAt/updatedBy move only when an update entry changes something (seed 004: "updated if any changes are requested"). */
	stampOnlyChanges?: boolean;
	/** [inferred] employee tasks: made for every employee on the shift when a shift task is created ('per-employee'), or only by addEmployeeTask. */
	employeeTasks?: 'per-employee' | 'manual';
	/** [inferred] deleting a shift task deletes its employee tasks (and their activity) too. */
	deleteCascadesToEmployeeTasks?: boolean;
	/** [inferred] the roles with edit rights on every shift (sheet: "Employee, with edit rights on the shift"). */
	shiftEditRoles?: Role[];
	/** [inferred] the roles that may create, update and delete master tasks. */
	masterTaskEditRoles?: Role[];
	/** [inferred] an employee without edit rights sees only their own employee tasks. */
	employeesSeeOnlyOwnTasks?: boolean;
	/** [inferred] "within the allowed timeframe" (update-employee-tasks): own tasks may be started/finished any time, or only during the shift. */
	ownTaskWindow?: 'any' | 'shift';
	/** [inferred] POST activity status 2 on a task never started: starts and finishes it at once, or code 9. */
	finishUnstarted?: 'start-and-finish' | 'reject';
	/** [inferred] POST activity status 1 on a started or finished task: code 9, or starts it again (clearing the end). */
	restartStarted?: 'reject' | 'allow';
	/** Documented: limit defaults to 30. [inferred] the most one page holds, and what a larger limit does. */
	masterTaskDefaultLimit?: number;
	masterTaskMaxLimit?: number;
	limitAboveMax?: 'clamp' | 'reject';
	/** [inferred] master-task order: creation (id, a ULID) or name. */
	masterTaskOrder?: 'created' | 'name';
	/** [inferred] where the next cursor sits in `metadata` (the sheet says only "from the previous answer's metadata"). */
	cursorKey?: string;
	/** [inferred] the last page's metadata: the cursor key with null, or an empty array (PHP's `[]`, as other answers show). */
	lastPageMetadata?: 'null-cursor' | 'empty-array';
	/** Documented "3+ chars". [inferred] a shorter searchTerm is a code 9, or ignored. */
	shortSearchTerm?: 'reject' | 'ignore';
	/** [inferred] DELETE master task answers the deleted task, or an empty data array. */
	masterTaskDeleteAnswer?: 'task' | 'empty';
}

type Options = Required<Omit<HumanityFakeOptions, 'throttle' | 'throttleClock'>> & {
	throttle: { limit: number; windowMs: number } | null;
	throttleClock: () => number;
};

/** A refusal in the vendor's words: a response code from the v1 table and what was wrong. */
class Refusal extends Error {
	constructor(
		readonly code: number,
		readonly detail?: string,
	) {
		super(detail ?? RESPONSE_CODES[code] ?? `code ${code}`);
	}
}

const refuse = (code: number, detail?: string): never => {
	throw new Refusal(code, detail);
};

function compilePattern(pattern: string): RegExp {
	const source = pattern
		.split('/')
		.map((segment) =>
			segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('/');
	return new RegExp(`^${source}/?$`);
}

const isObject = (value: unknown): value is Body =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What addMorningBar made. */
export interface MorningBar {
	location: HumanityLocation;
	position: HumanityPosition;
	sam: HumanityEmployee;
	shift: HumanityShift;
	masters: HumanityMasterTask[];
	tasks: HumanityShiftTask[];
}

export class HumanityFake extends VendorFake {
	readonly options: Options;
	employees = new Map<number, HumanityEmployee>();
	locations = new Map<number, HumanityLocation>();
	positions = new Map<number, HumanityPosition>();
	shifts = new Map<number, HumanityShift>();
	/** Every shift task ever made, deleted ones included (deletedAt set). */
	shiftTasks = new Map<string, HumanityShiftTask>();
	masterTasks = new Map<string, HumanityMasterTask>();
	employeeTasks = new Map<string, HumanityEmployeeTask>();
	/** The employee the options' username and password sign in as. */
	primaryUser!: HumanityEmployee;
	/** How many token requests were answered with tokens. */
	tokenGrants = 0;

	private accessTokens = new Map<string, AccessToken>();
	private refreshTokens = new Map<string, RefreshToken>();
	private counters = { employee: 0, location: 0, position: 0, shift: 0 };
	private lastUlidTime = 0;
	private ulidSeq = 0;
	private forced: ForcedCode[] = [];
	private window: { start: number; count: number } | undefined;
	/** 'METHOD /pattern' of every route, for request counts. */
	private endpoints: { key: string; method: string; matcher: RegExp }[] = [];

	constructor(options: HumanityFakeOptions = {}) {
		super('humanity');
		const given = Object.fromEntries(
			Object.entries(options).filter(([, value]) => value !== undefined),
		) as HumanityFakeOptions;
		const defaults: Omit<Options, 'throttle' | 'throttleClock'> = {
			appId: 'humanity-app-id',
			appSecret: 'humanity-app-secret',
			username: 'dana.whitfield@example.com',
			password: 'humanity-password',
			userRole: 'manager',
			clock: () => new Date(),
			timeZone: 'America/New_York',
			accessTokenTtlSeconds: 3600,
			refreshTokenTtlSeconds: 14 * 24 * 3600,
			rotateRefreshTokens: true,
			acceptBearerHeader: true,
			errorHttpStatus: 'always-200',
			errorBody: (code, message, token) => ({
				status: code,
				data: null,
				metadata: [],
				token,
				error: message,
			}),
			envelopeToken: 'echo',
			notFoundCodes: { get: 15, create: 12, update: 13, delete: 14 },
			missingShiftDates: 'today',
			shiftRangeMatch: 'starts-within',
			unknownShiftInList: 'ignore',
			unknownShiftTaskId: 'reject',
			omittedDescriptionOnUpdate: 'clear',
			regularTaskOptions: 'ignore',
			requireOrderedTimes: true,
			timeBoxWithinShift: false,
			dateTimeOffset: 'offset',
			emptyListDeletesAll: true,
			bulkFailure: 'atomic',
			deletedMasterTaskInPut: 'allow-existing',
			stampOnlyChanges: true,
			employeeTasks: 'per-employee',
			deleteCascadesToEmployeeTasks: true,
			shiftEditRoles: ['admin', 'manager', 'supervisor', 'scheduler'],
			masterTaskEditRoles: ['admin', 'manager'],
			employeesSeeOnlyOwnTasks: false,
			ownTaskWindow: 'any',
			finishUnstarted: 'start-and-finish',
			restartStarted: 'reject',
			masterTaskDefaultLimit: 30,
			masterTaskMaxLimit: 100,
			limitAboveMax: 'clamp',
			masterTaskOrder: 'created',
			cursorKey: 'cursor',
			lastPageMetadata: 'null-cursor',
			shortSearchTerm: 'reject',
			masterTaskDeleteAnswer: 'task',
		};
		const merged = { ...defaults, ...given };
		this.options = {
			...merged,
			throttle: given.throttle ?? null,
			throttleClock: given.throttleClock ?? (() => merged.clock().getTime()),
		};
		if (!DateTime.local().setZone(this.options.timeZone).isValid)
			throw new Error(`Unknown timeZone ${this.options.timeZone}`);
		this.server.notFound = (request) => this.routeMissing(request);
		this.server.internalError = (error) => ({
			status: 500,
			body: this.envelopeError(99, `fake humanity failed: ${error.message}`, null),
		});
		this.routes();
		this.reset();
	}

	// ---- credentials and lifecycle ----

	/** What a Humanity credential pointed at this fake holds: the host, the app's id and secret, the user's sign-in. */
	credentialData(): {
		baseUrl: string;
		tokenUrl: string;
		appId: string;
		appSecret: string;
		username: string;
		password: string;
	} {
		return {
			baseUrl: this.url,
			tokenUrl: `${this.url}${HUMANITY_TOKEN_PATH}`,
			appId: this.options.appId,
			appSecret: this.options.appSecret,
			username: this.options.username,
			password: this.options.password,
		};
	}

	/** Empties everything, then makes the primary user (the options' username and password). */
	reset(): void {
		for (const map of [
			this.employees,
			this.locations,
			this.positions,
			this.shifts,
			this.shiftTasks,
			this.masterTasks,
			this.employeeTasks,
			this.accessTokens,
			this.refreshTokens,
		]) {
			map.clear();
		}
		this.counters = { employee: 0, location: 0, position: 0, shift: 0 };
		this.lastUlidTime = 0;
		this.ulidSeq = 0;
		this.tokenGrants = 0;
		this.forced = [];
		this.window = undefined;
		this.server.clearRequests();
		this.server.clearFaults();
		this.primaryUser = this.addEmployee({
			firstname: 'Dana',
			lastname: 'Whitfield',
			email: this.options.username,
			username: this.options.username,
			password: this.options.password,
			role: this.options.userRole,
		});
	}

	/** A valid access token for an employee, as if the password grant had issued it (expiry: the TTL unless given). */
	issueAccessToken(employeeId = this.primaryUser.id, expiresAt?: number): string {
		const token = randomBytes(20).toString('hex');
		this.accessTokens.set(token, {
			employeeId,
			expiresAt: expiresAt ?? this.nowMs() + this.options.accessTokenTtlSeconds * 1000,
		});
		this.noteIssued('issued access token', token);
		return token;
	}

	/** The app secret and the primary user's password (for the e2e secret scan). */
	override get configuredSecrets(): readonly FakeSecret[] {
		return [
			{ kind: 'app secret', value: this.options.appSecret },
			{ kind: 'user password', value: this.options.password },
		];
	}

	/** Every access token issued so far stops working (code 3), as if expired; refresh tokens still work. */
	expireAccessTokens(): void {
		this.accessTokens.clear();
	}

	/** Every refresh token stops working: the next refresh grant is refused and a password grant is needed. */
	revokeRefreshTokens(): void {
		for (const refresh of this.refreshTokens.values()) refresh.revoked = true;
	}

	/**
	 * The next `times` API calls (matching `method` and `path`, a full path or a '/api/v2/shifts/:id/tasks'
	 * pattern or a RegExp) answer this code instead of running. The token endpoint is never affected.
	 */
	answerCodeNext(
		code: number,
		times = 1,
		match: { method?: string; path?: string | RegExp; detail?: string } = {},
	): void {
		const matcher =
			match.path === undefined
				? undefined
				: match.path instanceof RegExp
					? match.path
					: compilePattern(match.path);
		this.forced.push({
			code,
			left: times,
			method: match.method?.toUpperCase(),
			matcher,
			detail: match.detail,
		});
	}

	/** The next `times` API calls are throttled: code 91. */
	throttleNext(times = 1, match: { method?: string; path?: string | RegExp } = {}): void {
		this.answerCodeNext(91, times, match);
	}

	clearForcedCodes(): void {
		this.forced = [];
	}

	/** Forget the throttle window. */
	resetThrottle(): void {
		this.window = undefined;
	}

	// ---- request counts ----

	/** The route a recorded request hit, as 'METHOD /api/v2/pattern' (e.g. 'PUT /api/v2/shifts/:shiftId/tasks'). */
	endpointOf(request: RecordedRequest): string | undefined {
		return this.endpoints.find(
			(endpoint) => endpoint.method === request.method && endpoint.matcher.test(request.path),
		)?.key;
	}

	/** How many requests each route received (token requests included; unknown paths under 'UNKNOWN'). */
	requestCounts(requests: RecordedRequest[] = this.requests): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const request of requests) {
			const key = this.endpointOf(request) ?? 'UNKNOWN';
			counts[key] = (counts[key] ?? 0) + 1;
		}
		return counts;
	}

	/** The recorded requests to one route, given as endpointOf names it. */
	requestsTo(endpoint: string): RecordedRequest[] {
		return this.requests.filter((request) => this.endpointOf(request) === endpoint);
	}

	/** Reads (GET /shifts/{ids}/tasks naming this shift) and writes (PUT /shifts/{id}/tasks) of one shift's tasks. */
	shiftTaskCalls(shiftId: number): { reads: number; writes: number } {
		const prefix = `${HUMANITY_API_PREFIX}/shifts/`;
		let reads = 0;
		let writes = 0;
		for (const request of this.requests) {
			const match = new RegExp(`^${prefix}([^/]+)/tasks/?$`).exec(request.path);
			if (!match) continue;
			const ids = decodeURIComponent(match[1])
				.split(',')
				.map((id) => id.trim());
			if (!ids.includes(String(shiftId))) continue;
			if (request.method === 'GET') reads++;
			if (request.method === 'PUT') writes++;
		}
		return { reads, writes };
	}

	// ---- state helpers (references not checked: tests build any state) ----

	addEmployee(
		partial: Partial<HumanityEmployee> & { firstname: string; lastname: string },
	): HumanityEmployee {
		const id = partial.id ?? ++this.counters.employee;
		this.counters.employee = Math.max(this.counters.employee, id);
		const email =
			partial.email ?? `${partial.firstname}.${partial.lastname}@example.com`.toLowerCase();
		const employee: HumanityEmployee = {
			email,
			username: email,
			password: `${partial.firstname.toLowerCase()}-password`,
			role: 'employee',
			positionIds: [],
			...partial,
			id,
		};
		this.employees.set(id, employee);
		return employee;
	}

	addLocation(partial: Partial<HumanityLocation> & { name: string }): HumanityLocation {
		const id = partial.id ?? 10 + ++this.counters.location;
		const location: HumanityLocation = { address: '', ...partial, id };
		this.locations.set(id, location);
		return location;
	}

	addPosition(partial: Partial<HumanityPosition> & { name: string }): HumanityPosition {
		const id = partial.id ?? 100 + ++this.counters.position;
		const position: HumanityPosition = { locationId: null, color: '#4A90D9', ...partial, id };
		this.positions.set(id, position);
		return position;
	}

	/**
	 * A shift. `start` and `end` are ISO 8601 (with an offset) or `yyyy-MM-dd HH:mm` in the company's zone;
	 * the location defaults to the position's.
	 */
	addShift(
		partial: Partial<Omit<HumanityShift, 'startMs' | 'endMs'>> & {
			start: string;
			end: string;
			positionId: number;
		},
	): HumanityShift {
		const { start, end, ...rest } = partial;
		const id = rest.id ?? 2400 + ++this.counters.shift;
		const shift: HumanityShift = {
			locationId: this.positions.get(rest.positionId)?.locationId ?? null,
			employeeIds: [],
			title: '',
			notes: '',
			published: true,
			...rest,
			id,
			startMs: this.localMs(start),
			endMs: this.localMs(end),
		};
		this.shifts.set(id, shift);
		return shift;
	}

	addMasterTask(partial: Partial<HumanityMasterTask> & { name: string }): HumanityMasterTask {
		const task: HumanityMasterTask = {
			id: this.ulid(),
			description: '',
			color: '#2E7D32',
			favorite: false,
			positionIds: [],
			createdBy: this.primaryUser.id,
			createdAt: this.utcNow(),
			updatedBy: null,
			updatedAt: null,
			deletedBy: null,
			deletedAt: null,
			...partial,
		};
		this.masterTasks.set(task.id, task);
		return task;
	}

	/**
	 * A shift task at the end of the shift's list; name and taskId default from the master task. With
	 * employeeTasks 'per-employee' (and unless `withEmployeeTasks` is false) each employee on the shift gets one.
	 */
	addShiftTask(
		partial: Partial<HumanityShiftTask> & { shiftId: number; taskId: string },
		withEmployeeTasks = this.options.employeeTasks === 'per-employee',
	): HumanityShiftTask {
		const master = this.masterTasks.get(partial.taskId);
		const task: HumanityShiftTask = {
			id: this.ulid(),
			name: master?.name ?? 'Task',
			description: '',
			type: partial.options ? 2 : 1,
			options: null,
			createdBy: this.primaryUser.id,
			createdAt: this.utcNow(),
			updatedBy: null,
			updatedAt: null,
			deletedBy: null,
			deletedAt: null,
			position: this.liveShiftTasks(partial.shiftId).length,
			...partial,
		};
		this.shiftTasks.set(task.id, task);
		if (withEmployeeTasks) {
			for (const employeeId of this.shifts.get(task.shiftId)?.employeeIds ?? [])
				this.addEmployeeTask({ shiftTaskId: task.id, employeeId });
		}
		return task;
	}

	addEmployeeTask(
		partial: Partial<Omit<HumanityEmployeeTask, 'activity'>> & {
			shiftTaskId: string;
			employeeId: number;
			activity?: Partial<Activity>;
		},
	): HumanityEmployeeTask {
		const { activity, ...rest } = partial;
		const task: HumanityEmployeeTask = {
			id: this.ulid(),
			deletedAt: null,
			...rest,
			activity: {
				startedAt: null,
				endedAt: null,
				startedBy: null,
				endedBy: null,
				status: 0,
				...activity,
			},
		};
		this.employeeTasks.set(task.id, task);
		return task;
	}

	/** The live (not deleted) tasks of a shift, in list order. */
	liveShiftTasks(shiftId: number): HumanityShiftTask[] {
		return [...this.shiftTasks.values()]
			.filter((task) => task.shiftId === shiftId && task.deletedAt === null)
			.sort((a, b) => a.position - b.position);
	}

	/** The live employee tasks of a shift task. */
	employeeTasksOf(shiftTaskId: string): HumanityEmployeeTask[] {
		return [...this.employeeTasks.values()].filter(
			(task) => task.shiftTaskId === shiftTaskId && task.deletedAt === null,
		);
	}

	/**
	 * The tests' small world: a café's Barista position with four master tasks, and Sam on the "Morning bar"
	 * shift of 23 November 2026, which holds three tasks: "Open the register" (regular, "Count the float."),
	 * "Clean the espresso machine" (time-boxed 13:00–13:30 UTC) and "Restock pastries" (regular, "Before lunch.").
	 * The fourth master task, "Fridge temperature log", is on no shift.
	 */
	addMorningBar(): MorningBar {
		const location = this.addLocation({ name: 'Main Street Café' });
		const position = this.addPosition({ name: 'Barista', locationId: location.id });
		const sam = this.addEmployee({
			firstname: 'Sam',
			lastname: 'Okafor',
			positionIds: [position.id],
		});
		const shift = this.addShift({
			start: '2026-11-23 07:00',
			end: '2026-11-23 15:00',
			positionId: position.id,
			employeeIds: [sam.id],
			title: 'Morning bar',
		});
		const masters = [
			'Open the register',
			'Clean the espresso machine',
			'Restock pastries',
			'Fridge temperature log',
		].map((name) => this.addMasterTask({ name, positionIds: [position.id] }));
		const tasks = [
			this.addShiftTask({
				shiftId: shift.id,
				taskId: masters[0].id,
				name: 'Open the register',
				description: 'Count the float.',
			}),
			this.addShiftTask({
				shiftId: shift.id,
				taskId: masters[1].id,
				name: 'Clean the espresso machine',
				type: 2,
				options: { startTime: '2026-11-23T13:00:00+00:00', dueTime: '2026-11-23T13:30:00+00:00' },
			}),
			this.addShiftTask({
				shiftId: shift.id,
				taskId: masters[2].id,
				name: 'Restock pastries',
				description: 'Before lunch.',
			}),
		];
		return { location, position, sam, shift, masters, tasks };
	}

	/**
	 * A small café group for the sandbox behind `npm start`: two locations, three positions, five employees,
	 * three shifts a day from three days ago to three days ahead, master tasks, regular and time-boxed shift
	 * tasks, and the past shifts' employee tasks done; then a vet clinic's pharmacy.
	 */
	seedSandbox(): void {
		const dana = this.primaryUser;
		const main = this.addLocation({
			name: 'Main Street Café',
			address: '12 Main Street, Springfield',
		});
		const kiosk = this.addLocation({
			name: 'Station Kiosk',
			address: 'Central Station, Platform 1',
		});
		const barista = this.addPosition({ name: 'Barista', locationId: main.id, color: '#8D6E63' });
		const kitchen = this.addPosition({ name: 'Kitchen', locationId: main.id, color: '#EF6C00' });
		const kioskCrew = this.addPosition({
			name: 'Kiosk Crew',
			locationId: kiosk.id,
			color: '#00897B',
		});
		dana.positionIds = [barista.id, kitchen.id, kioskCrew.id];
		const sam = this.addEmployee({
			firstname: 'Sam',
			lastname: 'Okafor',
			positionIds: [barista.id],
			password: 'sam-password',
		});
		const lee = this.addEmployee({
			firstname: 'Lee',
			lastname: 'Nguyen',
			positionIds: [barista.id, kioskCrew.id],
			password: 'lee-password',
		});
		const maria = this.addEmployee({
			firstname: 'Maria',
			lastname: 'Rossi',
			positionIds: [kitchen.id],
			password: 'maria-password',
		});
		this.addEmployee({
			firstname: 'Tom',
			lastname: 'Becker',
			role: 'supervisor',
			positionIds: [kioskCrew.id],
			password: 'tom-password',
		});

		const open = this.addMasterTask({
			name: 'Open the register',
			description: 'Count the float and log it.',
			positionIds: [barista.id, kioskCrew.id],
			favorite: true,
		});
		const clean = this.addMasterTask({
			name: 'Clean the espresso machine',
			description: 'Backflush and wipe the steam wands.',
			positionIds: [barista.id],
		});
		const fridge = this.addMasterTask({
			name: 'Fridge temperature log',
			description: 'Record every fridge temperature.',
			positionIds: [kitchen.id],
			color: '#1565C0',
		});
		const pastries = this.addMasterTask({
			name: 'Restock pastries',
			positionIds: [barista.id, kioskCrew.id],
		});
		const cashUp = this.addMasterTask({
			name: 'Cash-up and close',
			description: 'Count the till and lock the safe.',
			positionIds: [barista.id, kioskCrew.id],
		});
		this.addMasterTask({ name: 'Deep clean the grill', positionIds: [kitchen.id] });
		const old = this.addMasterTask({ name: 'Old menu board swap', positionIds: [barista.id] });
		old.deletedAt = this.utcNow();
		old.deletedBy = dana.id;

		const today = this.zoned().startOf('day');
		for (let offset = -3; offset <= 3; offset++) {
			const day = today.plus({ days: offset }).toFormat('yyyy-MM-dd');
			const morning = this.addShift({
				start: `${day} 07:00`,
				end: `${day} 15:00`,
				positionId: barista.id,
				employeeIds: [sam.id, lee.id],
				title: 'Morning bar',
			});
			const kitchenShift = this.addShift({
				start: `${day} 06:00`,
				end: `${day} 14:00`,
				positionId: kitchen.id,
				employeeIds: [maria.id],
				title: 'Kitchen prep',
			});
			this.addShift({
				start: `${day} 14:00`,
				end: `${day} 22:00`,
				positionId: kioskCrew.id,
				employeeIds: offset === 2 ? [] : [lee.id],
				title: 'Kiosk late',
			});
			const at = (time: string) => this.utc(`${day} ${time}`);
			const tasks = [
				this.addShiftTask({
					shiftId: morning.id,
					taskId: open.id,
					name: open.name,
					type: 2,
					options: { startTime: at('07:00'), dueTime: at('07:15') },
				}),
				this.addShiftTask({
					shiftId: morning.id,
					taskId: clean.id,
					name: clean.name,
					description: clean.description,
				}),
				this.addShiftTask({
					shiftId: morning.id,
					taskId: pastries.id,
					name: 'Restock pastries before lunch',
					type: 2,
					options: { startTime: at('11:00'), dueTime: at('11:30') },
				}),
				this.addShiftTask({
					shiftId: kitchenShift.id,
					taskId: fridge.id,
					name: fridge.name,
					type: 2,
					options: { startTime: at('06:00'), dueTime: at('06:30') },
				}),
			];
			if (offset < 0) {
				// Past shifts: their employee tasks are done, started and finished by the employee.
				for (const task of tasks) {
					for (const employeeTask of this.employeeTasksOf(task.id)) {
						const startedAt = task.options?.startTime ?? at('09:00');
						const endedAt = DateTime.fromISO(startedAt)
							.plus({ minutes: 10 })
							.toUTC()
							.toFormat(UTC_FORMAT);
						employeeTask.activity = {
							startedAt,
							endedAt,
							startedBy: employeeTask.employeeId,
							endedBy: employeeTask.employeeId,
							status: 2,
						};
					}
				}
			}
			if (offset === 3)
				this.addShiftTask({
					shiftId: morning.id,
					taskId: cashUp.id,
					name: cashUp.name,
					description: 'Handover to the late shift.',
				});
		}
		this.seedVetPharmacy();
	}

	/**
	 * A veterinary practice's pharmacy beside the café, for the example that turns Oliver prescription refills
	 * into shift tasks: the position "Pharmacy", one 08:00–18:00 shift a day, the master task "Prescription refill".
	 */
	seedVetPharmacy(): void {
		const clinic = this.addLocation({
			name: 'Riverside Vet Clinic',
			address: '4 River Road, Springfield',
		});
		const pharmacy = this.addPosition({
			name: 'Pharmacy',
			locationId: clinic.id,
			color: '#6A1B9A',
		});
		const priya = this.addEmployee({
			firstname: 'Priya',
			lastname: 'Shah',
			positionIds: [pharmacy.id],
			password: 'priya-password',
		});
		this.addMasterTask({
			name: 'Prescription refill',
			description: 'Prepare and label the refill; call the owner.',
			positionIds: [pharmacy.id],
		});
		const today = this.zoned().startOf('day');
		for (let offset = -3; offset <= 3; offset++) {
			const day = today.plus({ days: offset }).toFormat('yyyy-MM-dd');
			this.addShift({
				start: `${day} 08:00`,
				end: `${day} 18:00`,
				positionId: pharmacy.id,
				employeeIds: [priya.id],
				title: 'Pharmacy counter',
			});
		}
	}

	// ---- views ----

	employeeView(employee: HumanityEmployee): Record<string, unknown> {
		// [inferred] shape; the password and username never appear.
		return {
			id: employee.id,
			name: `${employee.firstname} ${employee.lastname}`.trim(),
			firstname: employee.firstname,
			lastname: employee.lastname,
			email: employee.email,
			role: employee.role,
			group: ROLES.indexOf(employee.role) + 1,
			positions: employee.positionIds.map((id) => ({
				id,
				name: this.positions.get(id)?.name ?? '',
			})),
		};
	}

	positionView(position: HumanityPosition): Record<string, unknown> {
		const location =
			position.locationId === null ? undefined : this.locations.get(position.locationId);
		return {
			id: position.id,
			name: position.name,
			color: position.color,
			location: location ? { id: location.id, name: location.name } : null,
		};
	}

	/** [inferred] shape, after v1's shift object: local start/end with their ISO copies, the position as `schedule`. */
	shiftView(shift: HumanityShift): Record<string, unknown> {
		const start = this.zoned(shift.startMs);
		const end = this.zoned(shift.endMs);
		const minutes = Math.round((shift.endMs - shift.startMs) / 60_000);
		const dateView = (d: DateTime) => ({
			month: d.month,
			day: d.day,
			year: d.year,
			formatted: d.toFormat('yyyy-MM-dd'),
			time: d.toFormat('h:mma').toLowerCase(),
			hours: d.hour,
			mins: d.minute,
			timestamp: Math.floor(d.toSeconds()),
			iso8601: d.toISO({ suppressMilliseconds: true }),
		});
		const position = this.positions.get(shift.positionId);
		const location = shift.locationId === null ? undefined : this.locations.get(shift.locationId);
		return {
			id: shift.id,
			title: shift.title,
			notes: shift.notes,
			start_timestamp: start.toFormat('yyyy-MM-dd HH:mm:ss'),
			end_timestamp: end.toFormat('yyyy-MM-dd HH:mm:ss'),
			start_date: dateView(start),
			end_date: dateView(end),
			length: {
				hours: Math.floor(minutes / 60),
				mins: minutes % 60,
				total_hours: Math.round((minutes / 60) * 100) / 100,
			},
			schedule: shift.positionId,
			schedule_name: position?.name ?? '',
			schedule_location_id: shift.locationId,
			location: location ? { id: location.id, name: location.name } : null,
			employees: shift.employeeIds.map((id) => {
				const employee = this.employees.get(id);
				return { id, name: employee ? `${employee.firstname} ${employee.lastname}` : '' };
			}),
			working: shift.employeeIds.length,
			published: shift.published ? 1 : 0,
		};
	}

	/** Seed 004's fields, in its order. */
	shiftTaskView(task: HumanityShiftTask): Record<string, unknown> {
		return {
			id: task.id,
			taskId: task.taskId,
			shiftId: task.shiftId,
			name: task.name,
			description: task.description,
			type: task.type,
			options: task.options ? { ...task.options } : null,
			createdBy: task.createdBy,
			createdAt: task.createdAt,
			updatedBy: task.updatedBy,
			updatedAt: task.updatedAt,
			deletedBy: task.deletedBy,
			deletedAt: task.deletedAt,
		};
	}

	masterTaskView(task: HumanityMasterTask): Record<string, unknown> {
		return { ...task, positionIds: [...task.positionIds] };
	}

	/** The sheet's fields: taskId (the master task), shiftId, type and options come from the shift task. */
	employeeTaskView(task: HumanityEmployeeTask): Record<string, unknown> {
		const shiftTask = this.shiftTasks.get(task.shiftTaskId);
		return {
			id: task.id,
			employeeId: task.employeeId,
			taskId: shiftTask?.taskId ?? null,
			shiftId: shiftTask?.shiftId ?? null,
			shiftTaskId: task.shiftTaskId,
			type: shiftTask?.type ?? null,
			options: shiftTask?.options ? { ...shiftTask.options } : null,
			activity: { ...task.activity },
		};
	}

	// ---- time and ids ----

	private nowMs(): number {
		return this.options.clock().getTime();
	}

	/** Now (or `ms`) in the company's zone. */
	zoned(ms = this.nowMs()): DateTime {
		return DateTime.fromMillis(ms, { zone: this.options.timeZone });
	}

	/** Now in UTC as the API writes timestamps: `2025-10-02T12:55:14+00:00`. */
	utcNow(): string {
		return DateTime.fromMillis(this.nowMs(), { zone: 'utc' }).toFormat(UTC_FORMAT);
	}

	/** `yyyy-MM-dd HH:mm` in the company's zone (or ISO with an offset) as the API writes it, in UTC. */
	utc(local: string): string {
		return DateTime.fromMillis(this.localMs(local), { zone: 'utc' }).toFormat(UTC_FORMAT);
	}

	private localMs(value: string): number {
		const zone = this.options.timeZone;
		const parsed = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(value)
			? DateTime.fromFormat(value.length === 16 ? `${value}:00` : value, 'yyyy-MM-dd HH:mm:ss', {
					zone,
				})
			: DateTime.fromISO(value, { zone });
		if (!parsed.isValid) throw new Error(`Not a date-time: ${value}`);
		return parsed.toMillis();
	}

	/** A lowercase ULID (as seed 004's ids), monotonic: ids sort in creation order even with a frozen clock. */
	private ulid(): string {
		const now = Math.max(this.nowMs(), this.lastUlidTime);
		if (now === this.lastUlidTime) this.ulidSeq++;
		else this.ulidSeq = 0;
		this.lastUlidTime = now;
		let time = '';
		let t = now;
		for (let i = 0; i < 10; i++) {
			time = ULID_ALPHABET[t % 32] + time;
			t = Math.floor(t / 32);
		}
		// The random part: 6 random characters, then the sequence (10 characters) so that order holds.
		const random = [...randomBytes(6)].map((byte) => ULID_ALPHABET[byte % 32]).join('');
		let seq = '';
		let s = this.ulidSeq;
		for (let i = 0; i < 10; i++) {
			seq = ULID_ALPHABET[s % 32] + seq;
			s = Math.floor(s / 32);
		}
		return time + seq + random;
	}

	// ---- routing, envelope, auth, throttle ----

	private on(method: string, pattern: string, handler: Handler): void {
		this.server.on(method, pattern, handler);
		this.endpoints.push({ key: `${method} ${pattern}`, method, matcher: compilePattern(pattern) });
	}

	private routes(): void {
		const v2 = (path: string) => `${HUMANITY_API_PREFIX}${path}`;
		this.on('POST', HUMANITY_TOKEN_PATH, (r) => this.token(r));
		this.on('GET', HUMANITY_TOKEN_PATH, (r) => this.token(r));
		this.on(
			'GET',
			v2('/me'),
			this.api((c) => ({ data: this.employeeView(c.user) })),
		);
		this.on(
			'GET',
			v2('/employees'),
			this.api(() => ({
				data: [...this.employees.values()]
					.sort((a, b) => a.id - b.id)
					.map((e) => this.employeeView(e)),
			})),
		);
		this.on(
			'GET',
			v2('/employees/:id'),
			this.api((c) => ({
				data: this.employeeView(
					this.lookup(this.employees, this.intParam(c.request.params.id, 'id'), 'get', 'Employee'),
				),
			})),
		);
		this.on(
			'GET',
			v2('/positions'),
			this.api(() => ({
				data: [...this.positions.values()]
					.sort((a, b) => a.id - b.id)
					.map((p) => this.positionView(p)),
			})),
		);
		this.on(
			'GET',
			v2('/locations'),
			this.api(() => ({
				data: [...this.locations.values()].sort((a, b) => a.id - b.id).map((l) => ({ ...l })),
			})),
		);
		this.on(
			'GET',
			v2('/shifts'),
			this.api((c) => this.listShifts(c)),
		);
		this.on(
			'GET',
			v2('/shifts/:id'),
			this.api((c) => ({
				data: this.shiftView(
					this.lookup(this.shifts, this.intParam(c.request.params.id, 'id'), 'get', 'Shift'),
				),
			})),
		);
		this.on(
			'GET',
			v2('/shifts/:shiftIds/tasks'),
			this.api((c) => this.listShiftTasks(c)),
		);
		this.on(
			'PUT',
			v2('/shifts/:shiftId/tasks'),
			this.api((c) => this.putShiftTasks(c)),
		);
		this.on(
			'GET',
			v2('/shifts/:shiftIds/employee-tasks'),
			this.api((c) => this.listEmployeeTasks(c)),
		);
		this.on(
			'GET',
			v2('/master-tasks'),
			this.api((c) => this.listMasterTasks(c)),
		);
		this.on(
			'POST',
			v2('/master-tasks'),
			this.api((c) => this.createMasterTask(c)),
		);
		this.on(
			'PATCH',
			v2('/master-tasks/:taskId'),
			this.api((c) => this.updateMasterTask(c)),
		);
		this.on(
			'DELETE',
			v2('/master-tasks/:taskId'),
			this.api((c) => this.deleteMasterTask(c)),
		);
		this.on(
			'PUT',
			v2('/employee-tasks/:id/activity'),
			this.api((c) => this.editActivity(c)),
		);
		this.on(
			'POST',
			v2('/employee-tasks/:id/activity'),
			this.api((c) => this.changeActivityStatus(c)),
		);
	}

	/** [inferred] a known path with another method is code 4 (Invalid Method); an unknown path code 5 (Invalid Module). */
	private routeMissing(request: FakeRequest): FakeResponse {
		const known = this.endpoints.some((endpoint) => endpoint.matcher.test(request.path));
		const code = known ? 4 : 5;
		return this.errorResponse(code, `${request.method} ${request.path}`, null);
	}

	private envelopeError(
		code: number,
		detail: string | undefined,
		token: string | null,
	): Record<string, unknown> {
		const table = RESPONSE_CODES[code] ?? `Error ${code}`;
		return this.options.errorBody(
			code,
			detail ? `${table}: ${detail}` : table,
			this.options.envelopeToken === 'echo' ? token : null,
		);
	}

	private errorResponse(
		code: number,
		detail: string | undefined,
		token: string | null,
	): FakeResponse {
		const status =
			this.options.errorHttpStatus === 'by-code' ? (HTTP_STATUS_BY_CODE[code] ?? 400) : 200;
		return { status, body: this.envelopeError(code, detail, token) };
	}

	private tokenOf(request: FakeRequest): string | undefined {
		if (request.query.access_token) return request.query.access_token;
		if (!this.options.acceptBearerHeader) return undefined;
		return /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
	}

	/** [inferred] order of checks: forced codes and the throttle (91), then the token (3), then the handler. */
	private api(handler: (context: Context) => Answer): Handler {
		return (request) => {
			const token = this.tokenOf(request) ?? null;
			const forced = this.takeForced(request);
			if (forced) return this.errorResponse(forced.code, forced.detail, token);
			if (this.throttled()) return this.errorResponse(91, undefined, token);
			const found = token === null ? undefined : this.accessTokens.get(token);
			if (!found || found.expiresAt <= this.nowMs()) {
				return this.errorResponse(
					3,
					token === null
						? 'no access token'
						: found
							? 'the access token has expired'
							: 'the access token is invalid',
					token,
				);
			}
			const user = this.employees.get(found.employeeId);
			if (!user) return this.errorResponse(3, 'the access token is invalid', token);
			try {
				const answer = handler({ request, user, token: token! });
				return {
					status: 200,
					body: {
						status: 1,
						data: answer.data,
						metadata: answer.metadata ?? [],
						token: this.options.envelopeToken === 'echo' ? token : null,
						error: null,
					},
				};
			} catch (error) {
				if (error instanceof Refusal) return this.errorResponse(error.code, error.detail, token);
				throw error;
			}
		};
	}

	private takeForced(request: FakeRequest): ForcedCode | undefined {
		const rule = this.forced.find((candidate) => {
			if (candidate.left <= 0) return false;
			if (candidate.method && candidate.method !== request.method) return false;
			return candidate.matcher ? candidate.matcher.test(request.path) : true;
		});
		if (!rule) return undefined;
		rule.left--;
		this.forced = this.forced.filter((candidate) => candidate.left > 0);
		return rule;
	}

	/** A fixed window from its first request; [inferred] refused requests do not count. */
	private throttled(): boolean {
		const throttle = this.options.throttle;
		if (!throttle) return false;
		const now = this.options.throttleClock();
		if (!this.window || now - this.window.start >= throttle.windowMs)
			this.window = { start: now, count: 0 };
		if (this.window.count >= throttle.limit) return true;
		this.window.count++;
		return false;
	}

	// ---- OAuth2 (token.php): [inferred] error shapes and statuses of the OAuth2 PHP server it is named after ----

	private oauthError(status: number, error: string, description: string): FakeResponse {
		return { status, body: { error, error_description: description } };
	}

	private token(request: FakeRequest): FakeResponse {
		if (request.method !== 'POST')
			return this.oauthError(
				405,
				'invalid_request',
				'The request method must be POST when requesting an access token',
			);
		const body = (isObject(request.body) ? request.body : {}) as Record<string, unknown>;
		const field = (name: string) =>
			typeof body[name] === 'string' ? (body[name] as string) : undefined;
		let clientId = field('client_id');
		let clientSecret = field('client_secret');
		// [inferred] HTTP Basic client authentication is accepted as well (the documented way is the body).
		const basic = /^basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
		if (basic) {
			const [id, ...secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
			clientId = decodeURIComponent(id);
			clientSecret = decodeURIComponent(secret.join(':'));
		}
		const grant = field('grant_type');
		if (!grant)
			return this.oauthError(
				400,
				'invalid_request',
				'The grant type was not specified in the request',
			);
		if (grant !== 'password' && grant !== 'refresh_token')
			return this.oauthError(400, 'unsupported_grant_type', `Grant type "${grant}" not supported`);
		if (!clientId)
			return this.oauthError(
				400,
				'invalid_client',
				'Client credentials were not found in the headers or body',
			);
		if (clientId !== this.options.appId || clientSecret !== this.options.appSecret) {
			return this.oauthError(400, 'invalid_client', 'The client credentials are invalid');
		}
		if (grant === 'password') {
			const username = field('username');
			const password = field('password');
			if (!username || !password)
				return this.oauthError(
					400,
					'invalid_request',
					'Missing parameters: "username" and "password" required',
				);
			const user = [...this.employees.values()].find(
				(employee) =>
					employee.username.toLowerCase() === username.toLowerCase() &&
					employee.password === password,
			);
			if (!user)
				return this.oauthError(401, 'invalid_grant', 'Invalid username and password combination');
			return this.grant(user.id);
		}
		// Documented: "change grant_type to refresh_token and send the refresh token in that request".
		const refreshToken = field('refresh_token');
		if (!refreshToken)
			return this.oauthError(
				400,
				'invalid_request',
				'Missing parameter: "refresh_token" is required',
			);
		const refresh = this.refreshTokens.get(refreshToken);
		if (!refresh || refresh.revoked)
			return this.oauthError(400, 'invalid_grant', 'Invalid refresh token');
		if (refresh.expiresAt <= this.nowMs())
			return this.oauthError(400, 'invalid_grant', 'Refresh token has expired');
		if (this.options.rotateRefreshTokens) refresh.revoked = true;
		return this.grant(
			refresh.employeeId,
			this.options.rotateRefreshTokens ? undefined : refreshToken,
		);
	}

	/** Documented answer: `{access_token, expires_in, token_type: "bearer", scope: null, refresh_token}`. */
	private grant(employeeId: number, keepRefreshToken?: string): FakeResponse {
		this.tokenGrants++;
		const accessToken = this.issueAccessToken(employeeId);
		let refreshToken = keepRefreshToken;
		if (!refreshToken) {
			refreshToken = randomBytes(20).toString('hex');
			this.refreshTokens.set(refreshToken, {
				employeeId,
				expiresAt: this.nowMs() + this.options.refreshTokenTtlSeconds * 1000,
				revoked: false,
			});
			this.noteIssued('issued refresh token', refreshToken);
		}
		return {
			status: 200,
			headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
			body: {
				access_token: accessToken,
				expires_in: this.options.accessTokenTtlSeconds,
				token_type: 'bearer',
				scope: null,
				refresh_token: refreshToken,
			},
		};
	}

	// ---- input ----

	private body(request: FakeRequest): Body {
		if (request.rawBody === '') return {};
		// [inferred] a body that is not a JSON (or form) object is a code 9.
		if (!isObject(request.body)) return refuse(9, 'the request body must be a JSON object');
		return request.body;
	}

	private intParam(value: string | undefined, name: string): number {
		if (value === undefined || !/^\d+$/.test(value.trim()))
			return refuse(9, `${name} must be a whole number`);
		return Number(value);
	}

	/** Comma-separated ids, as the shift-task and employee-task lists take them. */
	private idList(value: string, name: string): number[] {
		return value.split(',').map((part) => this.intParam(part, name));
	}

	private lookup<K, T>(
		map: Map<K, T>,
		id: K,
		kind: 'get' | 'create' | 'update' | 'delete',
		what: string,
	): T {
		const found = map.get(id);
		if (found === undefined)
			return refuse(this.options.notFoundCodes[kind], `${what} ${id} not found`);
		return found;
	}

	/** A datetime as the API writes it (UTC, `+00:00`), or a code 9. */
	private dateTime(value: unknown, name: string): { text: string; ms: number } {
		if (typeof value !== 'string' || value.trim() === '')
			return refuse(9, `${name} must be a datetime`);
		const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
		if (!hasOffset && this.options.dateTimeOffset === 'offset')
			return refuse(
				9,
				`${name} must be an ISO 8601 datetime with an offset, e.g. 2025-10-04T07:00:00+00:00`,
			);
		const parsed = DateTime.fromISO(value.trim(), { zone: this.options.timeZone });
		if (!parsed.isValid) return refuse(9, `${name} must be an ISO 8601 datetime`);
		return { text: parsed.toUTC().toFormat(UTC_FORMAT), ms: parsed.toMillis() };
	}

	private canEditShift(user: HumanityEmployee): boolean {
		return this.options.shiftEditRoles.includes(user.role);
	}

	// ---- shifts ----

	private day(value: string, name: string): DateTime {
		// [inferred] yyyy-MM-dd (the sheet names the parameters, not their format); 'today' as in v1.
		const parsed =
			value === 'today'
				? this.zoned().startOf('day')
				: DateTime.fromFormat(value, 'yyyy-MM-dd', { zone: this.options.timeZone });
		if (!parsed.isValid) return refuse(9, `${name} must be a date (yyyy-MM-dd)`);
		return parsed;
	}

	private listShifts({ request, user }: Context): Answer {
		const q = request.query;
		const mode = q.mode ?? 'employee';
		if (!(SHIFT_MODES as readonly string[]).includes(mode))
			return refuse(9, `mode must be one of ${SHIFT_MODES.join(', ')}`);
		if (!(MODELLED_SHIFT_MODES as readonly string[]).includes(mode))
			return refuse(9, `mode ${mode} is not modelled by this fake`);
		if (
			(q.start_date === undefined || q.end_date === undefined) &&
			this.options.missingShiftDates === 'reject'
		) {
			return refuse(8, 'start_date and end_date are required');
		}
		const from = this.day(q.start_date ?? 'today', 'start_date');
		const to = q.end_date === undefined ? from : this.day(q.end_date, 'end_date');
		if (to < from) return refuse(9, 'end_date must not be before start_date');
		const fromMs = from.toMillis();
		const toMs = to.plus({ days: 1 }).toMillis();

		let rows = [...this.shifts.values()].filter((shift) =>
			this.options.shiftRangeMatch === 'overlaps'
				? shift.startMs < toMs && shift.endMs > fromMs
				: shift.startMs >= fromMs && shift.startMs < toMs,
		);
		const positions =
			q.schedule === undefined || q.schedule === ''
				? undefined
				: this.idList(q.schedule, 'schedule');
		const employees =
			q.employees === undefined || q.employees === ''
				? undefined
				: this.idList(q.employees, 'employees');
		const location =
			q.location === undefined || q.location === ''
				? undefined
				: this.intParam(q.location, 'location');
		// Documented: `schedule` filters in modes confirm, location, schedule, employees; `location` in confirm,
		// employees ([inferred] and location); `employees` in employees (several) and employee (one).
		if (positions && ['location', 'schedule', 'employees'].includes(mode))
			rows = rows.filter((shift) => positions.includes(shift.positionId));
		if (location !== undefined && ['location', 'employees'].includes(mode))
			rows = rows.filter((shift) => shift.locationId === location);
		if (mode === 'employees' && employees)
			rows = rows.filter((shift) => shift.employeeIds.some((id) => employees.includes(id)));
		if (mode === 'employee') {
			if (employees && employees.length > 1)
				return refuse(9, 'employees takes one employee id in mode employee');
			const who = employees?.[0] ?? user.id;
			rows = rows.filter((shift) => shift.employeeIds.includes(who));
		}
		// [inferred] open shifts are those with nobody on them.
		if (mode === 'open') rows = rows.filter((shift) => shift.employeeIds.length === 0);
		rows.sort((a, b) => a.startMs - b.startMs || a.id - b.id);
		if (mode === 'open' && (q.start_limit !== undefined || q.end_limit !== undefined)) {
			// Documented: in mode open, start_limit behaves as an offset and end_limit as a limit.
			const offset = q.start_limit === undefined ? 0 : this.intParam(q.start_limit, 'start_limit');
			const limit =
				q.end_limit === undefined ? rows.length : this.intParam(q.end_limit, 'end_limit');
			rows = rows.slice(offset, offset + limit);
		}
		return { data: rows.map((shift) => this.shiftView(shift)) };
	}

	/** The shifts an id list names; unknown ids are skipped or refused (unknownShiftInList). */
	private shiftsNamed(value: string): HumanityShift[] {
		const found: HumanityShift[] = [];
		for (const id of this.idList(value, 'shiftIds')) {
			const shift = this.shifts.get(id);
			if (shift) found.push(shift);
			else if (this.options.unknownShiftInList === 'reject')
				refuse(this.options.notFoundCodes.get, `Shift ${id} not found`);
		}
		return found;
	}

	// ---- shift tasks ----

	private listShiftTasks({ request }: Context): Answer {
		const shifts = this.shiftsNamed(request.params.shiftIds);
		return {
			data: shifts
				.flatMap((shift) => this.liveShiftTasks(shift.id))
				.map((task) => this.shiftTaskView(task)),
		};
	}

	/** One entry of a PUT's list, checked; what it would store. */
	private readEntry(
		entry: unknown,
		index: number,
		shift: HumanityShift,
		live: Map<string, HumanityShiftTask>,
		seen: Set<string>,
	): EntryRead {
		const at = `tasks[${index}]`;
		if (!isObject(entry)) return refuse(9, `${at} must be an object`);
		let existing: HumanityShiftTask | undefined;
		// [inferred] ULIDs are read case-insensitively (Crockford base32) and answered in lower case, as seed 004 writes them.
		if (entry.id !== undefined && entry.id !== null) {
			if (typeof entry.id !== 'string' || !ULID_PATTERN.test(entry.id))
				return refuse(9, `${at}.id must be a ULID`);
			const id = entry.id.toLowerCase();
			if (seen.has(id)) return refuse(9, `${at}.id ${id} appears twice`);
			seen.add(id);
			existing = live.get(id);
			if (!existing && this.options.unknownShiftTaskId === 'reject')
				return refuse(9, `${at}.id ${id} is not a task of shift ${shift.id}`);
		}
		for (const name of ['taskId', 'name', 'type']) {
			if (entry[name] === undefined || entry[name] === null)
				return refuse(8, `${at}.${name} is required`);
		}
		if (typeof entry.taskId !== 'string' || !ULID_PATTERN.test(entry.taskId))
			return refuse(9, `${at}.taskId must be a ULID`);
		const taskId = entry.taskId.toLowerCase();
		const master = this.masterTasks.get(taskId);
		if (!master) return refuse(9, `${at}.taskId ${taskId} is not a master task`);
		if (master.deletedAt !== null) {
			const allowed =
				this.options.deletedMasterTaskInPut === 'allow' ||
				(this.options.deletedMasterTaskInPut === 'allow-existing' && existing?.taskId === taskId);
			if (!allowed) return refuse(9, `${at}.taskId ${taskId} is a deleted master task`);
		}
		if (typeof entry.name !== 'string' || entry.name.trim() === '')
			return refuse(9, `${at}.name must be a non-empty string`);
		let description: string;
		if (entry.description === undefined || entry.description === null) {
			description =
				existing && this.options.omittedDescriptionOnUpdate === 'keep' ? existing.description : '';
		} else if (typeof entry.description !== 'string') {
			return refuse(9, `${at}.description must be a string`);
		} else {
			description = entry.description;
		}
		// [inferred] type is a JSON integer: "1" as a string is refused.
		if (entry.type !== 1 && entry.type !== 2)
			return refuse(9, `${at}.type must be 1 (regular) or 2 (time-boxed)`);
		let options: TimeBox | null = null;
		if (entry.type === 1) {
			if (
				entry.options !== undefined &&
				entry.options !== null &&
				this.options.regularTaskOptions === 'reject'
			)
				return refuse(9, `${at}.options must be null for a regular task`);
		} else {
			if (entry.options === undefined || entry.options === null)
				return refuse(8, `${at}.options (startTime, dueTime) is required for a time-boxed task`);
			if (!isObject(entry.options)) return refuse(9, `${at}.options must be an object`);
			for (const name of ['startTime', 'dueTime']) {
				if (entry.options[name] === undefined || entry.options[name] === null)
					return refuse(8, `${at}.options.${name} is required`);
			}
			const start = this.dateTime(entry.options.startTime, `${at}.options.startTime`);
			const due = this.dateTime(entry.options.dueTime, `${at}.options.dueTime`);
			if (this.options.requireOrderedTimes && due.ms <= start.ms)
				return refuse(9, `${at}.options.dueTime must be after startTime`);
			if (this.options.timeBoxWithinShift && (start.ms < shift.startMs || due.ms > shift.endMs))
				return refuse(9, `${at}.options must fall within shift ${shift.id}`);
			options = { startTime: start.text, dueTime: due.text };
		}
		return {
			existing,
			fields: { taskId, name: entry.name, description, type: entry.type, options },
		};
	}

	/**
	 * Seed 004: entries without id are created, with id updated, and every live task left out is deleted.
	 * [inferred] the list sent sets the order of the shift's tasks; the answer is the shift's live tasks in that order.
	 */
	private putShiftTasks({ request, user }: Context): Answer {
		const shift = this.lookup(
			this.shifts,
			this.intParam(request.params.shiftId, 'shiftId'),
			'update',
			'Shift',
		);
		if (!this.canEditShift(user)) return refuse(20, `no edit permissions on shift ${shift.id}`);
		const body = this.body(request);
		if (body.tasks === undefined || body.tasks === null) return refuse(8, 'tasks is required');
		if (!Array.isArray(body.tasks)) return refuse(9, 'tasks must be an array');
		if (body.tasks.length === 0 && !this.options.emptyListDeletesAll)
			return refuse(8, 'tasks must not be empty');
		const live = new Map(this.liveShiftTasks(shift.id).map((task) => [task.id, task]));
		const seen = new Set<string>();
		const now = this.utcNow();
		const apply = (read: EntryRead, position: number): HumanityShiftTask => {
			const { existing, fields } = read;
			if (existing) {
				const changed =
					existing.taskId !== fields.taskId ||
					existing.name !== fields.name ||
					existing.description !== fields.description ||
					existing.type !== fields.type ||
					JSON.stringify(existing.options) !== JSON.stringify(fields.options);
				Object.assign(existing, fields, { position });
				if (changed || !this.options.stampOnlyChanges)
					Object.assign(existing, { updatedBy: user.id, updatedAt: now });
				return existing;
			}
			return this.addShiftTask({
				...fields,
				shiftId: shift.id,
				position,
				createdBy: user.id,
				createdAt: now,
			});
		};

		const kept: HumanityShiftTask[] = [];
		if (this.options.bulkFailure === 'partial') {
			body.tasks.forEach((entry, index) =>
				kept.push(apply(this.readEntry(entry, index, shift, live, seen), index)),
			);
		} else {
			const reads = body.tasks.map((entry, index) =>
				this.readEntry(entry, index, shift, live, seen),
			);
			reads.forEach((read, index) => kept.push(apply(read, index)));
		}
		const keptIds = new Set(kept.map((task) => task.id));
		for (const task of live.values()) {
			if (keptIds.has(task.id)) continue;
			Object.assign(task, { deletedBy: user.id, deletedAt: now });
			if (this.options.deleteCascadesToEmployeeTasks)
				for (const employeeTask of this.employeeTasksOf(task.id)) employeeTask.deletedAt = now;
		}
		return { data: this.liveShiftTasks(shift.id).map((task) => this.shiftTaskView(task)) };
	}

	// ---- master tasks ----

	private sortKey(task: HumanityMasterTask): string {
		return this.options.masterTaskOrder === 'name'
			? `${task.name.toLowerCase()}\u0000${task.id}`
			: task.id;
	}

	private queryValues(request: FakeRequest, name: string): string[] {
		const values: string[] = [];
		for (const [key, value] of new URLSearchParams(request.rawQuery)) {
			if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key))
				values.push(...value.split(','));
		}
		return values.map((value) => value.trim()).filter((value) => value !== '');
	}

	private flag(value: string | undefined, name: string): boolean {
		if (value === undefined || value === '') return false;
		if (['true', '1'].includes(value.toLowerCase())) return true;
		if (['false', '0'].includes(value.toLowerCase())) return false;
		return refuse(9, `${name} must be true or false`);
	}

	private listMasterTasks({ request }: Context): Answer {
		const q = request.query;
		let rows = [...this.masterTasks.values()];
		if (!this.flag(q.includeDeleted, 'includeDeleted'))
			rows = rows.filter((task) => task.deletedAt === null);
		const term = q.searchTerm?.trim() ?? '';
		if (term !== '') {
			if (term.length < 3 && this.options.shortSearchTerm === 'reject')
				return refuse(9, 'searchTerm must be at least 3 characters');
			if (term.length >= 3) {
				// Documented: by name or description. [inferred] a case-insensitive substring.
				const needle = term.toLowerCase();
				rows = rows.filter(
					(task) =>
						task.name.toLowerCase().includes(needle) ||
						task.description.toLowerCase().includes(needle),
				);
			}
		}
		const positionIds = this.queryValues(request, 'positionIds').map((value) =>
			this.intParam(value, 'positionIds'),
		);
		// [inferred] a task matches when it has any of the positions.
		if (positionIds.length > 0)
			rows = rows.filter((task) => task.positionIds.some((id) => positionIds.includes(id)));

		let limit = this.options.masterTaskDefaultLimit;
		if (q.limit !== undefined && q.limit !== '') {
			limit = this.intParam(q.limit, 'limit');
			if (limit < 1) return refuse(9, 'limit must be at least 1');
			if (limit > this.options.masterTaskMaxLimit) {
				if (this.options.limitAboveMax === 'reject')
					return refuse(9, `limit must not be more than ${this.options.masterTaskMaxLimit}`);
				limit = this.options.masterTaskMaxLimit;
			}
		}
		rows.sort((a, b) =>
			this.sortKey(a) < this.sortKey(b) ? -1 : this.sortKey(a) > this.sortKey(b) ? 1 : 0,
		);
		if (q.cursor !== undefined && q.cursor !== '') {
			const after = this.readCursor(q.cursor);
			rows = rows.filter((task) => this.sortKey(task) > after);
		}
		const page = rows.slice(0, limit);
		const more = rows.length > limit;
		const next = more
			? Buffer.from(JSON.stringify({ after: this.sortKey(page[page.length - 1]) })).toString(
					'base64url',
				)
			: null;
		const metadata =
			next === null && this.options.lastPageMetadata === 'empty-array'
				? []
				: { [this.options.cursorKey]: next };
		return { data: page.map((task) => this.masterTaskView(task)), metadata };
	}

	/** The cursor is opaque to clients: base64url of the last row's sort key. */
	private readCursor(cursor: string): string {
		try {
			const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
			if (isObject(parsed) && typeof parsed.after === 'string') return parsed.after;
		} catch {
			// falls through to the refusal
		}
		return refuse(9, 'cursor is invalid');
	}

	private readPositionIds(value: unknown, name: string): number[] {
		if (!Array.isArray(value)) return refuse(9, `${name} must be an array of position ids`);
		const ids = value.map((id) =>
			typeof id === 'number' && Number.isInteger(id)
				? id
				: typeof id === 'string' && /^\d+$/.test(id)
					? Number(id)
					: refuse(9, `${name} must hold position ids`),
		);
		// [inferred] every position must exist, and at least one is needed.
		if (ids.length === 0) return refuse(9, `${name} must name at least one position`);
		for (const id of ids)
			if (!this.positions.has(id)) refuse(9, `${name}: position ${id} not found`);
		return [...new Set(ids)];
	}

	/** POST and PATCH share the optional fields. */
	private readMasterTaskFields(body: Body, fields: Partial<HumanityMasterTask>): void {
		if (body.name !== undefined) {
			if (typeof body.name !== 'string' || body.name.trim() === '')
				refuse(9, 'name must be a non-empty string');
			fields.name = body.name as string;
		}
		if (body.description !== undefined && body.description !== null) {
			if (typeof body.description !== 'string') refuse(9, 'description must be a string');
			fields.description = body.description as string;
		}
		if (body.color !== undefined && body.color !== null) {
			// [inferred] a CSS hex colour.
			if (typeof body.color !== 'string' || !/^#[0-9a-f]{6}$/i.test(body.color))
				refuse(9, 'color must be a hex colour like #2E7D32');
			fields.color = body.color as string;
		}
		if (body.positionIds !== undefined)
			fields.positionIds = this.readPositionIds(body.positionIds, 'positionIds');
		if (body.favorite !== undefined) {
			// [inferred] a boolean or 0/1.
			if (
				body.favorite === true ||
				body.favorite === 1 ||
				body.favorite === '1' ||
				body.favorite === 'true'
			)
				fields.favorite = true;
			else if (
				body.favorite === false ||
				body.favorite === 0 ||
				body.favorite === '0' ||
				body.favorite === 'false'
			)
				fields.favorite = false;
			else refuse(9, 'favorite must be true or false');
		}
	}

	private canEditMasterTasks(user: HumanityEmployee): void {
		if (!this.options.masterTaskEditRoles.includes(user.role))
			refuse(20, 'master tasks can only be changed by a manager');
	}

	private createMasterTask({ request, user }: Context): Answer {
		this.canEditMasterTasks(user);
		const body = this.body(request);
		for (const name of ['name', 'positionIds']) {
			if (body[name] === undefined || body[name] === null || body[name] === '')
				return refuse(8, `${name} is required`);
		}
		const fields: Partial<HumanityMasterTask> = {};
		this.readMasterTaskFields(body, fields);
		const task = this.addMasterTask({
			...fields,
			name: fields.name!,
			favorite: fields.favorite ?? false,
			createdBy: user.id,
			createdAt: this.utcNow(),
		});
		return { data: this.masterTaskView(task) };
	}

	private masterTaskByParam(request: FakeRequest, kind: 'update' | 'delete'): HumanityMasterTask {
		const id = request.params.taskId.toLowerCase();
		if (!ULID_PATTERN.test(id)) return refuse(9, 'taskId must be a ULID');
		const task = this.lookup(this.masterTasks, id, kind, 'Master task');
		// [inferred] a deleted master task cannot be changed or deleted again.
		if (task.deletedAt !== null)
			return refuse(this.options.notFoundCodes[kind], `Master task ${id} is deleted`);
		return task;
	}

	private updateMasterTask({ request, user }: Context): Answer {
		this.canEditMasterTasks(user);
		const task = this.masterTaskByParam(request, 'update');
		const fields: Partial<HumanityMasterTask> = {};
		this.readMasterTaskFields(this.body(request), fields);
		Object.assign(task, fields, { updatedBy: user.id, updatedAt: this.utcNow() });
		return { data: this.masterTaskView(task) };
	}

	/** [inferred] a soft delete (includeDeleted shows them); shift tasks made from it stay. */
	private deleteMasterTask({ request, user }: Context): Answer {
		this.canEditMasterTasks(user);
		const task = this.masterTaskByParam(request, 'delete');
		Object.assign(task, { deletedBy: user.id, deletedAt: this.utcNow() });
		return {
			data: this.options.masterTaskDeleteAnswer === 'task' ? this.masterTaskView(task) : [],
		};
	}

	// ---- employee tasks ----

	private listEmployeeTasks({ request, user }: Context): Answer {
		const shiftIds = new Set(this.shiftsNamed(request.params.shiftIds).map((shift) => shift.id));
		const own = this.options.employeesSeeOnlyOwnTasks && !this.canEditShift(user);
		const rows = [...this.employeeTasks.values()].filter((task) => {
			const shiftTask = this.shiftTasks.get(task.shiftTaskId);
			return (
				task.deletedAt === null &&
				shiftTask !== undefined &&
				shiftTask.deletedAt === null &&
				shiftIds.has(shiftTask.shiftId) &&
				(!own || task.employeeId === user.id)
			);
		});
		const order = (task: HumanityEmployeeTask) => {
			const shiftTask = this.shiftTasks.get(task.shiftTaskId)!;
			return [shiftTask.shiftId, shiftTask.position, task.employeeId];
		};
		rows.sort((a, b) => {
			const [x, y] = [order(a), order(b)];
			return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
		});
		return { data: rows.map((task) => this.employeeTaskView(task)) };
	}

	private employeeTaskByParam(request: FakeRequest): {
		task: HumanityEmployeeTask;
		shift: HumanityShift | undefined;
	} {
		const id = request.params.id.toLowerCase();
		if (!ULID_PATTERN.test(id)) return refuse(9, 'employeeTaskId must be a ULID');
		const task = this.employeeTasks.get(id);
		if (!task || task.deletedAt !== null)
			return refuse(this.options.notFoundCodes.update, `Employee task ${id} not found`);
		const shiftTask = this.shiftTasks.get(task.shiftTaskId);
		return { task, shift: shiftTask ? this.shifts.get(shiftTask.shiftId) : undefined };
	}

	/** update-employee-task: set both times (both mandatory); needs edit permissions over the shift. The task is then completed. */
	private editActivity({ request, user }: Context): Answer {
		const { task } = this.employeeTaskByParam(request);
		if (!this.canEditShift(user))
			return refuse(20, 'editing an employee task needs edit permissions on its shift');
		const body = this.body(request);
		for (const name of ['startedAt', 'endedAt']) {
			if (body[name] === undefined || body[name] === null || body[name] === '')
				return refuse(8, `${name} is required`);
		}
		const started = this.dateTime(body.startedAt, 'startedAt');
		const ended = this.dateTime(body.endedAt, 'endedAt');
		if (this.options.requireOrderedTimes && ended.ms < started.ms)
			return refuse(9, 'endedAt must not be before startedAt');
		// [inferred] the one editing becomes startedBy/endedBy (the example shows the same user in both).
		task.activity = {
			startedAt: started.text,
			endedAt: ended.text,
			startedBy: user.id,
			endedBy: user.id,
			status: 2,
		};
		return { data: { activity: { ...task.activity } } };
	}

	/** update-employee-tasks: `{status: 1}` starts, `{status: 2}` finishes, now. Own tasks, or others' with edit permissions. */
	private changeActivityStatus({ request, user }: Context): Answer {
		const { task, shift } = this.employeeTaskByParam(request);
		const editor = this.canEditShift(user);
		if (!editor && task.employeeId !== user.id)
			return refuse(20, "only the employee's own tasks, or with edit permissions on the shift");
		if (!editor && this.options.ownTaskWindow === 'shift' && shift) {
			const now = this.nowMs();
			if (now < shift.startMs || now > shift.endMs)
				return refuse(20, 'own tasks can only be started or finished during the shift');
		}
		const body = this.body(request);
		if (body.status === undefined || body.status === null) return refuse(8, 'status is required');
		if (body.status !== 1 && body.status !== 2)
			return refuse(9, 'status must be 1 (start) or 2 (finish)');
		const now = this.utcNow();
		const activity = task.activity;
		if (body.status === 1) {
			if (activity.status !== 0 && this.options.restartStarted === 'reject')
				return refuse(
					9,
					`employee task ${task.id} is already ${activity.status === 1 ? 'started' : 'finished'}`,
				);
			task.activity = {
				startedAt: now,
				endedAt: null,
				startedBy: user.id,
				endedBy: null,
				status: 1,
			};
		} else {
			if (activity.status === 2) return refuse(9, `employee task ${task.id} is already finished`);
			if (activity.status === 0) {
				if (this.options.finishUnstarted === 'reject')
					return refuse(9, `employee task ${task.id} has not been started`);
				task.activity = {
					startedAt: now,
					endedAt: now,
					startedBy: user.id,
					endedBy: user.id,
					status: 2,
				};
			} else {
				task.activity = { ...activity, endedAt: now, endedBy: user.id, status: 2 };
			}
		}
		return { data: { activity: { ...task.activity } } };
	}
}
