/** The fake Humanity's records, vocabulary and response codes (what importers of the fake use). */

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

/** [inferred] errorHttpStatus: sheet Unknown: "Whether v2 answers errors with HTTP 200 or 4xx is not documented"; the status of each code under 'by-code'. */
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

export const UTC_FORMAT = "yyyy-MM-dd'T'HH:mm:ssZZ";

export const ULID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/i;
/** A ULID as seed 004 writes them: lower case. */
export const LOWER_ULID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/;

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
	/** How many employees the shift needs (1 unless set); used by openShifts 'short-staffed'. */
	needed: number;
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

/** The fields POST/PATCH take (create-/update-master-tasks), with an id and the shift task's audit fields; no sheet line gives more. */
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
	/** Set when its shift task is deleted (the option deleteCascadesToEmployeeTasks). */
	deletedAt: string | null;
}

/** What addMorningBar made. */
export interface MorningBar {
	location: HumanityLocation;
	position: HumanityPosition;
	sam: HumanityEmployee;
	shift: HumanityShift;
	masters: HumanityMasterTask[];
	tasks: HumanityShiftTask[];
}
