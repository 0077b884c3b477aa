/** The fake MileApp's records, vocabulary and date formats (what importers of the fake use). */

export const MILEAPP_API = '/api/v3';

export const TASK_STATUSES = ['UNASSIGNED', 'ONGOING', 'DONE'] as const;

/** Documented sortBy values. */
export const TASK_SORTS = ['createdTime', 'orderIndex', 'startTime', 'doneTime'] as const;

/** Documented (openapi `/tasks` enum): the times `timeBy` may name. There is no `endTime` among them. */
export const TIME_BY = ['createdTime', 'startTime', 'doneTime'] as const;

/** Documented task events (Automation): onCreate (UNASSIGNED), onAssign (ONGOING), onFinish (DONE). */
export const TASK_EVENTS = ['onCreate', 'onAssign', 'onFinish'] as const;

/**
 * The field types a flow's field may have. 'string' is MileApp's own word (a flow's input component has
 * `inputType: "string"`); the others are the fake's names for what seed 003 calls the "Flow's setting" (the node
 * reads a name it does not know as text). Whether a value is checked against them: [inferred] fieldTypeChecks.
 */
export const FIELD_TYPES = ['string', 'number', 'date', 'datetime', 'select', 'location'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

export type TaskSort = (typeof TASK_SORTS)[number];

export type TimeBy = (typeof TIME_BY)[number];

export type MileAppEvent = (typeof TASK_EVENTS)[number];

export type FieldType = (typeof FIELD_TYPES)[number];

export const LOCAL_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** Documented (data-formats.mdx): `Y-m-d\TH:i:s`, `Y-m-d\TH:i:sP` and `Y-m-d\TH:i:s.vP` (P: `+00:00`, v: milliseconds). */
export const DOCUMENTED_ISO_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3}[+-]\d{2}:\d{2}|[+-]\d{2}:\d{2})?$/;

/** ISO 8601 beyond the documented forms (`Z`, an offset without a colon, other fractions): the option undocumentedDateForms. */
export const ISO_DATE_TIME =
	/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})?$/;

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

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
	/**
	 * The field a task's `title` and `content` show (the flow's Configuration tab sets them). Documented by example
	 * (openapi `/flows` 200: components with `showAs: "title"` and `showAs: "content"`).
	 */
	titleField: string | null;
	contentField: string | null;
	/**
	 * "default from the flow" (sheet): a task's startTime is now plus this, its endTime startTime plus the duration. Documented
	 * by example (openapi `/flows` 200: `configurations: [{id: "startTime", adjustment: 0}, {id: "endTime", adjustment: 24}]`).
	 */
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
