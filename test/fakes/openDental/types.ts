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

/** Documented: `TaskListNum, Descript, Parent, ...`; the other fields are [inferred] from the Task List table. */
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

/** Documented: `UserNum, UserName, ...`; the other fields are [inferred]. */
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
	/** [inferred] the error body's shape is undocumented: plain text, a JSON string, or `{ "message": ... }`. */
	errorBodyShape?: ErrorBodyShape;
	/** [inferred] a TaskListNum/UserNum/TaskNum/PriorityDefNum naming nothing: documented 404s name "not found" cases. */
	unknownReferenceStatus?: number;
	/** [inferred] numbers sent as digit strings are refused (true) or read as numbers (false). */
	strictNumbers?: boolean;
	/**
	 * [inferred] Done turns to Viewed when a PUT sends any Descript ('any-descript', the default: the page does
	 * not limit it to a changed one), or only a Descript that differs ('change').
	 */
	doneToViewedOn?: 'change' | 'any-descript';
	/** [inferred] a PUT sending both Descript and TaskStatus: the explicit TaskStatus wins (true) or Viewed does (false). */
	explicitStatusWins?: boolean;
	/** [inferred] a Done task moved to New/Viewed gets DateTimeFinished reset to 0001-01-01 00:00:00 (true) or keeps it. */
	reopenClearsFinished?: boolean;
	/** [inferred] DateTimeOriginal=X returns tasks created strictly after X (false) or at/after X (true). */
	createdAfterInclusive?: boolean;
	/**
	 * Documented: "All API requests require a Content-Type header of "application/json"", GETs included;
	 * missing or wrong, a 400 ("Missing request headers, invalid Content-Types", apiimplementation.html).
	 * [inferred] the explanation's words, and that it comes before the keys are checked. On by default; off
	 * only to show what a test would miss without it. Accept is not documented: never checked.
	 */
	requireJsonContentType?: boolean;
	/**
	 * [inferred] a Limit the documents do not cover (above the cap, or 0): read as the cap ('clamp') or refused
	 * with 400 ('reject').
	 */
	limitAboveMax?: 'clamp' | 'reject';
}
