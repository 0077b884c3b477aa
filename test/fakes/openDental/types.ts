/** The fake Open Dental's records, vocabulary, date formats and options (what importers of the fake use). */

export const OPEN_DENTAL_API_PREFIX = '/api/v1';

export const TASK_STATUSES = ['New', 'Viewed', 'Done'] as const;

export const OBJECT_TYPES = ['None', 'Patient', 'Appointment'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

export type ObjectType = (typeof OBJECT_TYPES)[number];

export type OdBool = 'true' | 'false';

export const UNSET_DATE_TIME = '0001-01-01 00:00:00';

export const UNSET_DATE = '0001-01-01';

export const DATE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

export const DATE_FORMAT = 'yyyy-MM-dd';

/** Documented: task priorities are definitions of Category 33. */
export const TASK_PRIORITY_CATEGORY = 33;

export interface OpenDentalTask {
	TaskNum: number;
	TaskListNum: number;
	DateTask: string;
	KeyNum: number;
	Descript: string;
	TaskStatus: TaskStatus;
	IsRepeating: OdBool;
	DateType: string;
	FromNum: number;
	ObjectType: ObjectType;
	DateTimeEntry: string;
	UserNum: number;
	DateTimeFinished: string;
	PriorityDefNum: number;
	ReminderGroupId: string;
	ReminderType: string;
	ReminderFrequency: number;
	DateTimeOriginal: string;
	SecDateTEdit: string;
	DescriptOverride: string;
	IsReadOnly: OdBool;
}

/**
 * Documented: `[{TaskListNum, Descript, Parent, ...}]` (the sheet's "..." says more fields come). The others
 * stand for those; only TaskListStatus drives behaviour (the documented Active/Archived filter).
 */
export interface OpenDentalTaskList {
	TaskListNum: number;
	Descript: string;
	Parent: number;
	DateTL: string;
	IsRepeating: OdBool;
	DateType: string;
	FromNum: number;
	ObjectType: ObjectType;
	DateTimeEntry: string;
	GlobalTaskFilterType: string;
	TaskListStatus: 'Active' | 'Archived';
}

export interface OpenDentalTaskNote {
	TaskNoteNum: number;
	TaskNum: number;
	UserNum: number;
	DateTimeNote: string;
	Note: string;
}

/**
 * Documented: `[{UserNum, UserName, ...}]` (more fields come). The others stand for those; only IsHidden drives
 * behaviour (the documented "userods marked as hidden").
 */
export interface OpenDentalUser {
	UserNum: number;
	UserName: string;
	EmployeeNum: number;
	ProviderNum: number;
	ClinicNum: number;
	IsHidden: OdBool;
}

/**
 * Documented (apidefinitions.html): exactly `DefNum, ItemName, ItemValue, Category, category, isHidden`, the
 * list in the office's own order (the example is not sorted by DefNum). No ItemOrder, no ItemColor.
 */
export interface OpenDentalDefinition {
	DefNum: number;
	ItemName: string;
	ItemValue: string;
	Category: number;
	/** The category's name, read-only (apiimplementation.html "Foreign Keys"). */
	category: string;
	isHidden: OdBool;
}

/** The name `category` carries for Category 33. */
export const TASK_PRIORITY_CATEGORY_NAME = 'TaskPriorities';

export type OpenDentalConnection = 'remote' | 'local' | 'service';

export type ErrorBodyShape = 'text' | 'json-string' | 'json-object';

export interface OpenDentalFakeOptions {
	developerKey?: string;
	customerKey?: string;
	/** The office database version; methods added later are refused with 400. */
	version?: string;
	/** Remote (through the eConnector, throttled, 100 rows), Local API or API Service (1000 rows, not throttled). */
	connection?: OpenDentalConnection;
	/** Every date the fake writes comes from it, shown in officeTimeZone. */
	clock?: () => Date;
	/** IANA zone the office's local times are in. */
	officeTimeZone?: string;
	/**
	 * Requests per second allowed per customer key. Documented: 1/s on Remote (1 per 5 s, i.e. 0.2, with
	 * ReadAll permission only), none on Local API and API Service. Default follows `connection`.
	 */
	throttle?: { perSecond: number } | null;
	/**
	 * [inferred] what a throttled call gets is undocumented (the sheet's Unknown line): 429 is not among the
	 * documented statuses, so the default is a 400 with a text explanation; 429 is the other answer tested.
	 */
	throttleStatus?: 400 | 429;
	/** Milliseconds the throttle measures with (real time by default, like the kit's `at`). */
	throttleClock?: () => number;
	/**
	 * [inferred] sheet: "their shape is not documented `[inferred]`: accept plain text, a JSON string, or a JSON
	 * object with a message". Plain text by default.
	 */
	errorBodyShape?: ErrorBodyShape;
	/**
	 * [inferred] no sheet line decides what a TaskListNum/UserNum/TaskNum/PriorityDefNum naming nothing gets in
	 * a body: 404 (the default; POST documents 404) or another status such as 400.
	 */
	unknownReferenceStatus?: number;
	/** [inferred] no sheet line decides: numbers sent as digit strings are refused (true) or read as numbers (false, the default). */
	strictNumbers?: boolean;
	/**
	 * [inferred] sheet: "The page does not limit this to a changed Descript: assume any Descript in the PUT does
	 * it". Done turns to Viewed when a PUT sends any Descript ('any-descript', the default), or only a Descript
	 * that differs ('change').
	 */
	doneToViewedOn?: 'change' | 'any-descript';
	/**
	 * [inferred] sheet Unknown: "whether a TaskStatus sent in the same PUT beats that flip". The explicit
	 * TaskStatus wins (true, the default) or Viewed does (false).
	 */
	explicitStatusWins?: boolean;
	/**
	 * [inferred] sheet: "Whether leaving Done clears it is not documented: do not rely on it". A Done task moved
	 * to New/Viewed gets DateTimeFinished reset to 0001-01-01 00:00:00 (true, the default) or keeps it.
	 */
	reopenClearsFinished?: boolean;
	/**
	 * [inferred] sheet: '"after" vs "at or after" `[inferred]`: dedupe by TaskNum'. DateTimeOriginal=X returns
	 * tasks created strictly after X (false, the default) or at/after X (true).
	 */
	createdAfterInclusive?: boolean;
	/**
	 * Documented: "All API requests require a Content-Type header of "application/json"", GETs included;
	 * missing or wrong, a 400 ("Missing request headers, invalid Content-Types", apiimplementation.html).
	 * Where it comes among the other checks is the option gateOrder. On by default; off only to show what a
	 * test would miss without it. Accept is not documented: never checked.
	 */
	requireJsonContentType?: boolean;
	/**
	 * [inferred] no sheet line decides the order of a list of tasks: by TaskNum ('task-num', kept as the
	 * default so the other suites read as before) or newest first ('task-num-desc'). No node may rely on it.
	 */
	listOrder?: 'task-num' | 'task-num-desc';
	/**
	 * [inferred] no sheet line decides whether `Descript` may be blank (POST requires it, PUT overwrites it):
	 * refused with 400 ('refuse', the default: stricter on what a node sends) or stored ('accept').
	 */
	blankDescript?: 'refuse' | 'accept';
	/**
	 * [inferred] no sheet line decides when SecDateTEdit moves: on every accepted PUT ('every-put', the
	 * default: a node that reads it as "changed" sees a change) or only when a field changes ('change').
	 */
	secDateTEditOn?: 'every-put' | 'change';
	/**
	 * [inferred] sheet: date-times are `yyyy-MM-dd HH:mm:ss` ("date alone `yyyy-MM-dd`"); whether a date alone
	 * is taken for a date-time is not said: refused with 400 ('refuse', the default: stricter on what a node
	 * sends) or read as its midnight ('midnight').
	 */
	dateOnlyDateTime?: 'refuse' | 'midnight';
	/**
	 * [inferred] no sheet line decides the order of the gates: Content-Type (400), auth (401), throttle,
	 * version (400) ('content-type-first', the default: a refused call still counts toward the throttle), or
	 * auth, version, Content-Type, then throttle ('auth-first': only calls that pass everything else count).
	 */
	gateOrder?: 'content-type-first' | 'auth-first';
	/**
	 * [inferred] no sheet line decides whether a call refused by the throttle restarts the wait (true, the
	 * default: stricter, a node must leave a full second after any call) or only accepted calls count (false).
	 */
	throttledCallsCount?: boolean;
	/**
	 * [inferred] `GET /tasks` documents a 404 without saying when: a TaskListNum naming no list is a 404
	 * ('not-found', the default: stricter) or filters down to an empty list ('empty').
	 */
	unknownTaskListFilter?: 'not-found' | 'empty';
	/**
	 * [inferred] sheet: "A `Limit` above the cap or `Limit=0` is not documented". Read as the cap ('clamp', the
	 * default) or refused with 400 ('reject').
	 */
	limitAboveMax?: 'clamp' | 'reject';
}
