/** What can be changed about the fake Humanity (every [inferred] behaviour among them), and the defaults. */
import type { Role } from './types';

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
	/** [inferred] no sheet line decides: refresh-token lifetime (the OAuth2 PHP server behind token.php keeps them 14 days by default). */
	refreshTokenTtlSeconds?: number;
	/** [inferred] no sheet line decides: a refresh grant revokes the refresh token it used and returns a new one. */
	rotateRefreshTokens?: boolean;
	/** Documented (getting-started-with-authentication): the token may also travel as `Authorization: Bearer`. Off: only `?access_token=`. */
	acceptBearerHeader?: boolean;
	/** [inferred] sheet Unknown: "Whether v2 answers errors with HTTP 200 or 4xx is not documented". Always 200, or HTTP_STATUS_BY_CODE. */
	errorHttpStatus?: 'always-200' | 'by-code';
	/** [inferred] no sheet line decides (the sheet shows only success envelopes): the envelope of an error; by default `{status: code, data: null, metadata: [], token, error: "<table message>: <detail>"}`. */
	errorBody?: (code: number, message: string, token: string | null) => Record<string, unknown>;
	/** [inferred] no sheet line decides (the envelope has a `token`): it echoes the access token the call used ('echo', as seed 004's example suggests) or is null. */
	envelopeToken?: 'echo' | 'null';
	/** No v2 rate limit is documented: null (default) turns it off. Over it: code 91 (v1 "throttle exceeded"). */
	throttle?: { limit: number; windowMs: number } | null;
	/** ms the throttle window is measured with; the fake's clock by default. */
	throttleClock?: () => number;
	/** [inferred] no sheet line decides which code an id naming nothing gets: by default the "failed" code of the request's kind (v1 table: 13 update, 14 delete, 15 get). */
	notFoundCodes?: { get: number; update: number; delete: number };
	/** [inferred] no sheet line decides: start_date/end_date absent is code 8 ('reject'), or today and start_date (v1's defaults). */
	missingShiftDates?: 'today' | 'reject';
	/** [inferred] no sheet line decides: a shift is in the start_date..end_date range when its local start day is in it, or when it overlaps it. */
	shiftRangeMatch?: 'starts-within' | 'overlaps';
	/** [inferred] no sheet line decides: GET /shifts/{ids}/tasks (and employee-tasks) with an id naming no shift is a code 15, or ignored. */
	unknownShiftInList?: 'ignore' | 'reject';
	/** [inferred] no sheet line decides: PUT shift tasks: an entry whose `id` is not a live task of the shift is refused (code 9) or added as new. */
	unknownShiftTaskId?: 'reject' | 'create';
	/** [inferred] sheet Unknown: "Whether an entry without `description` clears it is not documented". Clears it ('clear', the replace reading) or keeps it. */
	omittedDescriptionOnUpdate?: 'clear' | 'keep';
	/** [inferred] no sheet line decides ("`type` 1 is regular (`options` null)"): `options` sent with a regular task are refused (code 9) or dropped (stored null). */
	regularTaskOptions?: 'ignore' | 'reject';
	/** [inferred] no sheet line decides: a time-boxed task's dueTime must be after its startTime (and an activity's endedAt not before startedAt). */
	requireOrderedTimes?: boolean;
	/** [inferred] no sheet line decides: a time-boxed task's startTime and dueTime must fall inside its shift. */
	timeBoxWithinShift?: boolean;
	/** [inferred] no sheet line decides: datetimes must carry an offset ('offset'), or may omit it and are then read in timeZone ('lenient'). */
	dateTimeOffset?: 'offset' | 'lenient';
	/** [inferred] no sheet line decides: PUT `{tasks: []}` deletes every task of the shift (true), or is a code 8. */
	emptyListDeletesAll?: boolean;
	/** [inferred] no sheet line decides: a PUT with one bad entry changes nothing ('atomic'), or applies the entries before it and deletes nothing ('partial'). */
	bulkFailure?: 'atomic' | 'partial';
	/** [inferred] no sheet line decides: a shift-task entry naming a deleted master task: allowed only if the shift task already had it, always allowed, or refused. */
	deletedMasterTaskInPut?: 'allow-existing' | 'allow' | 'reject';
	/** [inferred] no sheet line decides: updatedAt/updatedBy move only when an update entry changes something (seed 004: "updated if any changes are requested"). */
	stampOnlyChanges?: boolean;
	/** [inferred] no sheet line decides: employee tasks are made for every employee on the shift when a shift task is created ('per-employee'), or only by addEmployeeTask. */
	employeeTasks?: 'per-employee' | 'manual';
	/** [inferred] no sheet line decides: deleting a shift task deletes its employee tasks (and their activity) too. */
	deleteCascadesToEmployeeTasks?: boolean;
	/** [inferred] no sheet line decides which roles have edit rights on every shift (sheet: "Employee, with edit rights on the shift"). */
	shiftEditRoles?: Role[];
	/**
	 * [inferred] no sheet line decides the roles that may create and delete master tasks (no page names them). Updating is documented
	 * (update-master-tasks: "Minimum Role Required: Supervisor"): Supervisor and above, whatever this says.
	 */
	masterTaskEditRoles?: Role[];
	/** [inferred] no sheet line decides: an employee without edit rights sees only their own employee tasks. */
	employeesSeeOnlyOwnTasks?: boolean;
	/** [inferred] no sheet line decides what "within the allowed timeframe" (update-employee-tasks) means: own tasks may be started/finished any time, or only during the shift. */
	ownTaskWindow?: 'any' | 'shift';
	/** [inferred] no sheet line decides: POST activity status 2 on a task never started starts and finishes it at once, or code 9. */
	finishUnstarted?: 'start-and-finish' | 'reject';
	/** [inferred] no sheet line decides: POST activity status 1 on a started or finished task is code 9, or starts it again (clearing the end). */
	restartStarted?: 'reject' | 'allow';
	/** Documented (get-master-tasks): `limit` defaults to 30. Smaller in tests to make paging visible. */
	masterTaskDefaultLimit?: number;
	/** [inferred] no sheet line decides the most one page holds, and whether a larger limit is refused (code 9) or clamped. */
	masterTaskMaxLimit?: number;
	limitAboveMax?: 'clamp' | 'reject';
	/** [inferred] no sheet line decides the master-task order: creation (id, a ULID) or name. */
	masterTaskOrder?: 'created' | 'name';
	/** [inferred] sheet Unknown: "the cursor key inside `metadata`" (key not named). Where the next cursor sits. */
	cursorKey?: string;
	/** [inferred] sheet Unknown: "`cursor`, null on the last page, is `[inferred]`". The last page's metadata: the cursor key with null, or an empty array (PHP's `[]`, as other answers show). */
	lastPageMetadata?: 'null-cursor' | 'empty-array';
	/** Documented "3+ chars". [inferred] no sheet line decides whether a shorter searchTerm is a code 9, or ignored. */
	shortSearchTerm?: 'reject' | 'ignore';
	/** [inferred] sheet: "`positionIds` (required `[inferred]`)". POST /master-tasks needs at least one position, or takes none. */
	masterTaskPositionsRequired?: boolean;
	/** [inferred] sheet Unknown: "`DELETE /master-tasks/{taskId}` has no page". It answers the deleted task, or an empty data array. */
	masterTaskDeleteAnswer?: 'task' | 'empty';
	/**
	 * [inferred] sheet Unknown: "`DELETE /master-tasks/{taskId}` has no page (soft delete `[inferred]`)": a soft delete ('soft'), or the call is not
	 * there: HTTP 404 with code 5 ('not-found') or HTTP 405 with code 4 ('method-not-allowed'), deleting nothing.
	 */
	masterTaskDelete?: 'soft' | 'not-found' | 'method-not-allowed';
	/**
	 * [inferred] sheet Unknown: "the v2 shift object. No v2 example is published": v1's fields ('v1': numeric ids, `schedule`,
	 * `schedule_location_id`, `location.id`, `employees[].id`), or another plausible shape ('other': ids as
	 * strings, the position as `position: {id, name}`, no `schedule` or `schedule_location_id`).
	 */
	shiftObject?: 'v1' | 'other';
	/** [inferred] sheet Unknown: "`GET /shifts/{id}`" (no page): an unknown id is a code 15 ('code'), or status 1 with `data: null` ('empty'). */
	unknownShiftGet?: 'code' | 'empty';
	/** [inferred] no sheet line decides how token.php refuses a sign-in: OAuth2 errors `{error, error_description}` with HTTP 400/401 ('oauth2'), or the API envelope with code 7 under HTTP 200 ('envelope'). */
	tokenErrors?: 'oauth2' | 'envelope';
	/** [inferred] no sheet line decides (get-master-tasks: "searchTerm"): the term matches case-insensitively, or only with the same case. */
	searchTermCase?: 'insensitive' | 'sensitive';
	/** [inferred] no sheet line decides (get-master-tasks: "positionIds[]"): a master task matches with any of the positions, or only with all of them. */
	positionIdsMatch?: 'any' | 'all';
	/** [inferred] no sheet line decides: a positionIds entry naming no position is code 9 ('reject'), or stored as sent ('keep'). */
	unknownPositionIds?: 'reject' | 'keep';
	/** [inferred] no sheet line decides the master-task `color` format: a CSS hex colour (#rrggbb, 'hex'), or any string ('any'). */
	masterTaskColor?: 'hex' | 'any';
	/** [inferred] no sheet line decides the `favorite` format (update-master-tasks): a JSON boolean ('boolean'), or also 0/1 and their strings ('boolean-or-number'). */
	favoriteValues?: 'boolean' | 'boolean-or-number';
	/** [inferred] no sheet line decides: a deleted master task cannot be changed or deleted again (the failed code of the kind, 'reject'), or can ('allow'). */
	deletedMasterTaskChanges?: 'reject' | 'allow';
	/** [inferred] no sheet line decides (seed 004: "string (ULID format)", written in lower case): ids sent in upper case are read too ('any', ULIDs are Crockford base32), or refused, code 9 ('lower'). */
	ulidCase?: 'lower' | 'any';
	/** [inferred] no sheet line decides: the list a PUT sends sets the order of the shift's tasks ('as-sent'), or kept tasks keep their place and new ones go last ('kept'). */
	shiftTaskOrder?: 'as-sent' | 'kept';
	/** [inferred] no sheet line decides (get-shifts names start_date/end_date, not their format): only yyyy-MM-dd ('date'), or also an ISO 8601 datetime, read as its day in the company zone ('lenient'). */
	shiftDayFormat?: 'date' | 'lenient';
	/** [inferred] no sheet line decides (update-employee-task's example shows one user): after a PUT of the times, startedBy/endedBy are the editor ('editor'), or the task's employee ('employee'). */
	activityEditedBy?: 'editor' | 'employee';
	/** [inferred] no sheet line decides which shifts get-shifts' mode open lists: those with nobody on them ('unassigned'), or those with fewer employees than they need ('short-staffed'). */
	openShifts?: 'unassigned' | 'short-staffed';
	/** [inferred] no sheet line covers /me or /employees: an employee has `name` and `firstname`/`lastname` ('name-and-parts'), or only the parts ('parts-only'). */
	employeeName?: 'name-and-parts' | 'parts-only';
}

export type Options = Required<Omit<HumanityFakeOptions, 'throttle' | 'throttleClock'>> & {
	throttle: { limit: number; windowMs: number } | null;
	throttleClock: () => number;
};

/** The defaults of every option not given (a fresh object each time: some are arrays). */
export function defaultOptions(): Omit<Options, 'throttle' | 'throttleClock'> {
	return {
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
		notFoundCodes: { get: 15, update: 13, delete: 14 },
		missingShiftDates: 'reject',
		shiftRangeMatch: 'starts-within',
		unknownShiftInList: 'reject',
		unknownShiftTaskId: 'reject',
		omittedDescriptionOnUpdate: 'clear',
		regularTaskOptions: 'reject',
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
		limitAboveMax: 'reject',
		masterTaskOrder: 'created',
		cursorKey: 'cursor',
		lastPageMetadata: 'null-cursor',
		shortSearchTerm: 'reject',
		masterTaskDeleteAnswer: 'task',
		masterTaskDelete: 'soft',
		masterTaskPositionsRequired: true,
		shiftObject: 'v1',
		unknownShiftGet: 'code',
		tokenErrors: 'oauth2',
		searchTermCase: 'insensitive',
		positionIdsMatch: 'any',
		unknownPositionIds: 'reject',
		masterTaskColor: 'hex',
		favoriteValues: 'boolean',
		deletedMasterTaskChanges: 'reject',
		ulidCase: 'lower',
		shiftTaskOrder: 'as-sent',
		shiftDayFormat: 'date',
		activityEditedBy: 'editor',
		openShifts: 'unassigned',
		employeeName: 'name-and-parts',
	};
}
