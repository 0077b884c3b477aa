/**
 * A stateful fake of the Open Dental REST API, the parts a task node uses: tasks, task lists, task notes,
 * task priorities (definitions, Category 33) and users. Sources: shared/vendors/open-dental.md and seed 001
 * (the Tasks page of opendental.com/site/apitasks.html). Every guess is marked [inferred] and can be changed
 * through OpenDentalFakeOptions.
 *
 * As the API does: dates are `yyyy-MM-dd HH:mm:ss` in the office's local time with no zone, booleans are the
 * strings "true"/"false", an unset date reads `0001-01-01 00:00:00`, and errors carry an explanation.
 */
import { DateTime } from 'luxon';
import { VendorFake, type FakeRequest, type FakeSecret, type FakeResponse } from './kit';

export const OPEN_DENTAL_API_PREFIX = '/api/v1';

export const TASK_STATUSES = ['New', 'Viewed', 'Done'] as const;
export const OBJECT_TYPES = ['None', 'Patient', 'Appointment'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type ObjectType = (typeof OBJECT_TYPES)[number];
export type OdBool = 'true' | 'false';

export const UNSET_DATE_TIME = '0001-01-01 00:00:00';
export const UNSET_DATE = '0001-01-01';
const DATE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const DATE_FORMAT = 'yyyy-MM-dd';
/** Documented: task priorities are definitions of Category 33. */
export const TASK_PRIORITY_CATEGORY = 33;
/** Documented: 100 rows per call; the Local API allows 1000. */
const REMOTE_MAX_ROWS = 100;
const LOCAL_MAX_ROWS = 1000;
/** Documented: the version that added TaskStatus to PUT /tasks/{TaskNum}. */
const PUT_TASK_STATUS_SINCE = '24.2.10';

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

/** Documented: `DefNum, ItemName, ItemValue, Category, isHidden`; ItemOrder and ItemColor are [inferred]. */
export interface OpenDentalDefinition {
	DefNum: number;
	Category: number;
	ItemOrder: number;
	ItemName: string;
	ItemValue: string;
	ItemColor: string;
	isHidden: OdBool;
}

export type OpenDentalConnection = 'remote' | 'local' | 'service';
export type ErrorBodyShape = 'text' | 'json-string' | 'json-object';

export interface OpenDentalFakeOptions {
	developerKey?: string;
	customerKey?: string;
	/** The office database version; methods added later are refused with 400. */
	version?: string;
	/** Remote (through the eConnector, throttled, 100 rows), Local API (1000 rows) or API Service (100 rows). */
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
	/** [inferred] no 429 is documented: the status of a request that arrives too soon. */
	throttleStatus?: number;
	/** Milliseconds the throttle measures with (real time by default, like the kit's `at`). */
	throttleClock?: () => number;
	/** [inferred] the error body's shape is undocumented: plain text, a JSON string, or `{ "message": ... }`. */
	errorBodyShape?: ErrorBodyShape;
	/** [inferred] a TaskListNum/UserNum/TaskNum/PriorityDefNum naming nothing: documented 404s name "not found" cases. */
	unknownReferenceStatus?: number;
	/** [inferred] numbers sent as digit strings are refused (true) or read as numbers (false). */
	strictNumbers?: boolean;
	/** [inferred] Done turns to Viewed when a PUT sends a Descript that differs ('change'), or any Descript ('any-descript'). */
	doneToViewedOn?: 'change' | 'any-descript';
	/** [inferred] a PUT sending both Descript and TaskStatus: the explicit TaskStatus wins (true) or Viewed does (false). */
	explicitStatusWins?: boolean;
	/** [inferred] a Done task moved to New/Viewed gets DateTimeFinished reset to 0001-01-01 00:00:00 (true) or keeps it. */
	reopenClearsFinished?: boolean;
	/** [inferred] DateTimeOriginal=X returns tasks created strictly after X (false) or at/after X (true). */
	createdAfterInclusive?: boolean;
	/** [inferred] Limit above the cap is clamped to it ('clamp') or refused with 400 ('reject'). */
	limitAboveMax?: 'clamp' | 'reject';
}

type Since = string | null;
type Body = Record<string, unknown>;

const isResponse = (value: unknown): value is FakeResponse =>
	typeof value === 'object' &&
	value !== null &&
	'status' in value &&
	typeof (value as FakeResponse).status === 'number';

function parseVersion(version: string): number[] {
	return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

/** a < b for dotted versions. */
export function versionOlder(a: string, b: string): boolean {
	const [x, y] = [parseVersion(a), parseVersion(b)];
	for (let i = 0; i < Math.max(x.length, y.length); i++) {
		if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
	}
	return false;
}

export class OpenDentalFake extends VendorFake {
	readonly options: Required<Omit<OpenDentalFakeOptions, 'throttle'>> & {
		throttle: { perSecond: number } | null;
	};
	tasks = new Map<number, OpenDentalTask>();
	taskLists = new Map<number, OpenDentalTaskList>();
	notes = new Map<number, OpenDentalTaskNote>();
	users = new Map<number, OpenDentalUser>();
	priorities = new Map<number, OpenDentalDefinition>();

	private counters = { task: 0, list: 0, note: 0, user: 0, def: 0 };
	/** customer key -> when (throttleClock ms) the last accepted request arrived */
	private lastAccepted = new Map<string, number>();

	constructor(options: OpenDentalFakeOptions = {}) {
		super('open-dental');
		const connection = options.connection ?? 'remote';
		this.options = {
			developerKey: 'dev-key',
			customerKey: 'cust-key',
			version: '25.1.0',
			connection,
			clock: () => new Date(),
			officeTimeZone: 'America/Chicago',
			throttle: connection === 'remote' ? { perSecond: 1 } : null,
			throttleStatus: 429,
			throttleClock: () => Date.now(),
			errorBodyShape: 'text',
			unknownReferenceStatus: 404,
			strictNumbers: false,
			doneToViewedOn: 'change',
			explicitStatusWins: true,
			reopenClearsFinished: true,
			createdAfterInclusive: false,
			limitAboveMax: 'clamp',
			// An option given as undefined keeps its default.
			...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
		};
		if (!DateTime.local().setZone(this.options.officeTimeZone).isValid) {
			throw new Error(`Unknown officeTimeZone ${this.options.officeTimeZone}`);
		}
		this.server.notFound = (request) =>
			this.fail(404, `The resource ${request.method} ${request.path} was not found.`);
		this.server.internalError = (error) =>
			this.fail(500, `Internal server error: ${error.message}`);
		this.routes();
	}

	/** The most rows one list call answers. */
	get maxRows(): number {
		return this.options.connection === 'local' ? LOCAL_MAX_ROWS : REMOTE_MAX_ROWS;
	}

	/** The developer and customer keys it accepts (for the e2e secret scan). */
	override get configuredSecrets(): readonly FakeSecret[] {
		return [
			{ kind: 'developer key', value: this.options.developerKey },
			{ kind: 'customer key', value: this.options.customerKey },
		];
	}

	/** The fields of an Open Dental credential pointed at this fake. */
	credentialData(): Record<string, string> {
		return {
			connection: 'custom',
			baseUrl: `${this.url}${OPEN_DENTAL_API_PREFIX}`,
			developerApiKey: this.options.developerKey,
			customerApiKey: this.options.customerKey,
			officeTimeZone: this.options.officeTimeZone,
		};
	}

	reset(): void {
		this.tasks.clear();
		this.taskLists.clear();
		this.notes.clear();
		this.users.clear();
		this.priorities.clear();
		this.counters = { task: 0, list: 0, note: 0, user: 0, def: 0 };
		this.lastAccepted.clear();
		this.server.clearRequests();
		this.server.clearFaults();
	}

	/** Forget when the last requests came, so the next one passes the throttle. */
	resetThrottle(): void {
		this.lastAccepted.clear();
	}

	// ---- time ----

	/** Now in the office's local time. */
	localNow(): DateTime {
		return DateTime.fromJSDate(this.options.clock()).setZone(this.options.officeTimeZone);
	}

	/** `yyyy-MM-dd HH:mm:ss` in the office's local time, `offset` (luxon duration) from now. */
	officeTime(
		offset: { days?: number; hours?: number; minutes?: number; seconds?: number } = {},
	): string {
		return this.localNow().plus(offset).toFormat(DATE_TIME_FORMAT);
	}

	private parseDateTime(value: string): DateTime | undefined {
		const zone = this.options.officeTimeZone;
		const full = DateTime.fromFormat(value, DATE_TIME_FORMAT, { zone });
		if (full.isValid) return full;
		// [inferred] a date alone (the API's date format) is read as its midnight.
		const date = DateTime.fromFormat(value, DATE_FORMAT, { zone });
		return date.isValid ? date : undefined;
	}

	// ---- state helpers ----

	private next(kind: keyof OpenDentalFake['counters'], given?: number): number {
		if (given !== undefined) {
			this.counters[kind] = Math.max(this.counters[kind], given);
			return given;
		}
		return ++this.counters[kind];
	}

	addTaskList(partial: Partial<OpenDentalTaskList> & { Descript: string }): OpenDentalTaskList {
		const list: OpenDentalTaskList = {
			Parent: 0,
			DateTL: UNSET_DATE,
			IsRepeating: 'false',
			DateType: 'None',
			FromNum: 0,
			ObjectType: 'None',
			DateTimeEntry: this.officeTime(),
			GlobalTaskFilterType: 'Default',
			TaskListStatus: 'Active',
			...partial,
			TaskListNum: this.next('list', partial.TaskListNum),
		};
		this.taskLists.set(list.TaskListNum, list);
		return list;
	}

	addUser(partial: Partial<OpenDentalUser> & { UserName: string }): OpenDentalUser {
		const user: OpenDentalUser = {
			EmployeeNum: 0,
			ProviderNum: 0,
			ClinicNum: 0,
			IsHidden: 'false',
			...partial,
			UserNum: this.next('user', partial.UserNum),
		};
		this.users.set(user.UserNum, user);
		return user;
	}

	/** A task priority: a definition of Category 33. ItemValue 'D' marks the office default ([inferred]). */
	addPriority(partial: Partial<OpenDentalDefinition> & { ItemName: string }): OpenDentalDefinition {
		const priority: OpenDentalDefinition = {
			ItemOrder: this.priorities.size,
			ItemValue: '',
			ItemColor: '',
			isHidden: 'false',
			...partial,
			Category: TASK_PRIORITY_CATEGORY,
			DefNum: this.next('def', partial.DefNum),
		};
		this.priorities.set(priority.DefNum, priority);
		return priority;
	}

	/** Stored as given: references are not checked, so tests can build any state. */
	addTask(
		partial: Partial<OpenDentalTask> & { TaskListNum: number; Descript: string },
	): OpenDentalTask {
		const now = this.officeTime();
		const task: OpenDentalTask = {
			DateTask: UNSET_DATE,
			KeyNum: 0,
			TaskStatus: 'New',
			IsRepeating: 'false',
			DateType: 'None',
			FromNum: 0,
			ObjectType: 'None',
			DateTimeEntry: partial.DateTimeOriginal ?? now,
			UserNum: this.users.keys().next().value ?? 1,
			DateTimeFinished: UNSET_DATE_TIME,
			PriorityDefNum: this.defaultPriority() ?? 0,
			ReminderGroupId: '',
			ReminderType: 'NoReminder',
			ReminderFrequency: 0,
			DateTimeOriginal: now,
			SecDateTEdit: partial.DateTimeOriginal ?? now,
			DescriptOverride: '',
			IsReadOnly: 'false',
			...partial,
			TaskNum: this.next('task', partial.TaskNum),
		};
		// A seeded Done task carries a DateTimeFinished, as the API would have set it.
		if (task.TaskStatus === 'Done' && partial.DateTimeFinished === undefined)
			task.DateTimeFinished = task.SecDateTEdit;
		this.tasks.set(task.TaskNum, task);
		return task;
	}

	addNote(
		partial: Partial<OpenDentalTaskNote> & { TaskNum: number; Note: string },
	): OpenDentalTaskNote {
		const note: OpenDentalTaskNote = {
			UserNum: this.users.keys().next().value ?? 1,
			DateTimeNote: this.officeTime(),
			...partial,
			TaskNoteNum: this.next('note', partial.TaskNoteNum),
		};
		this.notes.set(note.TaskNoteNum, note);
		return note;
	}

	/** A small dental office for the sandbox behind `npm start`: dates are relative to the clock. */
	seedSandbox(): void {
		const admin = this.addUser({ UserName: 'Admin' });
		const maria = this.addUser({ UserName: 'Maria (front desk)', EmployeeNum: 2 });
		this.addUser({ UserName: 'Former Hygienist', EmployeeNum: 3, IsHidden: 'true' });
		this.addPriority({ ItemName: 'Normal', ItemValue: 'D', ItemColor: '#FFFFFF' });
		const high = this.addPriority({ ItemName: 'High', ItemColor: '#FF0000' });
		this.addPriority({ ItemName: 'Low', ItemColor: '#C0C0C0' });
		this.addPriority({ ItemName: 'Obsolete', isHidden: 'true' });
		const front = this.addTaskList({
			Descript: 'Front Desk',
			DateTimeEntry: this.officeTime({ days: -400 }),
		});
		const hygiene = this.addTaskList({
			Descript: 'Hygiene',
			DateTimeEntry: this.officeTime({ days: -400 }),
		});
		this.addTaskList({
			Descript: 'Old Insurance Follow-ups',
			TaskListStatus: 'Archived',
			DateTimeEntry: this.officeTime({ days: -900 }),
		});

		const ago = (days: number, hours = 0) => this.officeTime({ days: -days, hours: -hours });
		this.addTask({
			TaskListNum: front.TaskListNum,
			Descript: 'Re-order general cleaning supplies by Friday.',
			UserNum: admin.UserNum,
			DateTimeOriginal: ago(2),
		});
		const verify = this.addTask({
			TaskListNum: front.TaskListNum,
			Descript: 'Verify insurance before the next appointment.',
			UserNum: maria.UserNum,
			ObjectType: 'Appointment',
			KeyNum: 755,
			PriorityDefNum: high.DefNum,
			DateTimeOriginal: ago(1, 3),
		});
		const contact = this.addTask({
			TaskListNum: front.TaskListNum,
			Descript: "Update Rebecca's contact information.",
			UserNum: maria.UserNum,
			ObjectType: 'Patient',
			KeyNum: 73,
			TaskStatus: 'Viewed',
			DateTimeOriginal: ago(3),
		});
		this.addTask({
			TaskListNum: hygiene.TaskListNum,
			Descript: 'Call patient about recall appointment.',
			UserNum: admin.UserNum,
			ObjectType: 'Patient',
			KeyNum: 73,
			TaskStatus: 'Done',
			DateTimeOriginal: ago(5),
			DateTimeFinished: ago(4),
			SecDateTEdit: ago(4),
		});
		this.addTask({
			TaskListNum: hygiene.TaskListNum,
			Descript: 'Sterilizer maintenance log.',
			UserNum: admin.UserNum,
			DescriptOverride: 'Sterilizer log',
			DateTimeOriginal: ago(0, 2),
		});
		// Older than the 14-day default window: only a DateTimeOriginal filter finds it.
		this.addTask({
			TaskListNum: front.TaskListNum,
			Descript: 'Annual OSHA training sign-off.',
			UserNum: admin.UserNum,
			TaskStatus: 'Done',
			DateTimeOriginal: ago(30),
			DateTimeFinished: ago(25),
			SecDateTEdit: ago(25),
		});

		this.addNote({
			TaskNum: verify.TaskNum,
			UserNum: maria.UserNum,
			Note: 'Left a voicemail with the carrier.',
			DateTimeNote: ago(1),
		});
		this.addNote({
			TaskNum: verify.TaskNum,
			UserNum: admin.UserNum,
			Note: 'Carrier called back: coverage active.',
			DateTimeNote: ago(0, 5),
		});
		this.addNote({
			TaskNum: contact.TaskNum,
			UserNum: maria.UserNum,
			Note: 'New phone number on the intake form.',
			DateTimeNote: ago(2),
		});
	}

	/** The office default priority ([inferred]: ItemValue 'D'), else the first in ItemOrder (documented). */
	private defaultPriority(): number | undefined {
		const all = [...this.priorities.values()].sort((a, b) => a.ItemOrder - b.ItemOrder);
		return (all.find((def) => def.ItemValue === 'D') ?? all[0])?.DefNum;
	}

	// ---- answers ----

	/** An error with an explanation, in the configured shape. */
	fail(status: number, message: string): FakeResponse {
		switch (this.options.errorBodyShape) {
			case 'json-string':
				return {
					status,
					body: JSON.stringify(message),
					headers: { 'content-type': 'application/json; charset=utf-8' },
				};
			case 'json-object':
				return { status, body: { message } };
			default:
				return { status, body: message };
		}
	}

	private ok(body: unknown, status = 200): FakeResponse {
		return { status, body };
	}

	// ---- gates: auth, throttle, version ----

	/** [inferred] order of checks: auth (401), then throttle, then version (400). */
	private guarded(
		since: Since,
		handler: (request: FakeRequest) => FakeResponse,
	): (request: FakeRequest) => FakeResponse {
		return (request) => {
			// The scheme name is read case-insensitively (RFC 7235).
			const match = /^ODFHIR\s+([^/\s]+)\/(\S+)\s*$/i.exec(request.headers.authorization ?? '');
			if (!match)
				return this.fail(
					401,
					'Authorization header is missing or not in the form "ODFHIR DeveloperKey/CustomerKey".',
				);
			if (match[1] !== this.options.developerKey || match[2] !== this.options.customerKey) {
				return this.fail(401, 'Invalid DeveloperKey or CustomerKey.');
			}
			const throttled = this.throttled(match[2]);
			if (throttled) return throttled;
			if (since !== null && versionOlder(this.options.version, since)) {
				// [inferred] wording; documented: 400 when the office's version is too old.
				return this.fail(
					400,
					`This method requires Open Dental version ${since} or later. The office database is on version ${this.options.version}.`,
				);
			}
			return handler(request);
		};
	}

	private throttled(customerKey: string): FakeResponse | undefined {
		const throttle = this.options.throttle;
		if (!throttle) return undefined;
		const now = this.options.throttleClock();
		const spacing = 1000 / throttle.perSecond;
		const last = this.lastAccepted.get(customerKey);
		// [inferred] a refused request does not restart the wait; only accepted ones count.
		if (last !== undefined && now - last < spacing) {
			const wait = Math.ceil(spacing - (now - last));
			return this.fail(
				this.options.throttleStatus,
				`Too many requests: at most ${throttle.perSecond} per second for this customer key. Try again in ${wait} ms.`,
			);
		}
		this.lastAccepted.set(customerKey, now);
		return undefined;
	}

	private routes(): void {
		const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
		this.server
			.on(
				'GET',
				api('/tasks'),
				this.guarded('22.3.16', (r) => this.listTasks(r)),
			)
			.on(
				'GET',
				api('/tasks/:TaskNum'),
				this.guarded('24.4.13', (r) => this.getTask(r)),
			)
			.on(
				'POST',
				api('/tasks'),
				this.guarded('22.3.17', (r) => this.createTask(r)),
			)
			.on(
				'PUT',
				api('/tasks/:TaskNum'),
				this.guarded('22.4.15', (r) => this.updateTask(r)),
			)
			.on(
				'GET',
				api('/tasklists'),
				this.guarded('22.3.15', (r) => this.listTaskLists(r)),
			)
			.on(
				'GET',
				api('/tasknotes'),
				this.guarded('24.4.22', (r) => this.listNotes(r)),
			)
			.on(
				'GET',
				api('/tasknotes/:TaskNoteNum'),
				this.guarded('24.4.22', (r) => this.getNote(r)),
			)
			.on(
				'POST',
				api('/tasknotes'),
				this.guarded('24.4.22', (r) => this.createNote(r)),
			)
			.on(
				'PUT',
				api('/tasknotes/:TaskNoteNum'),
				this.guarded('24.4.22', (r) => this.updateNote(r)),
			)
			// No version is documented for these two: never refused.
			.on(
				'GET',
				api('/definitions'),
				this.guarded(null, (r) => this.listDefinitions(r)),
			)
			.on(
				'GET',
				api('/userods'),
				this.guarded(null, (r) => this.listUsers(r)),
			);
	}

	// ---- input ----

	private jsonBody(request: FakeRequest): Body | FakeResponse {
		if (request.rawBody === '') return {};
		// [inferred] a body that is not a JSON object is a 400.
		if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
			return this.fail(400, 'The request body must be a JSON object.');
		}
		return request.body as Body;
	}

	/** A non-negative integer from JSON or the query string, or a 400 naming the field. */
	private integer(name: string, value: unknown, fromQuery = false): number | FakeResponse {
		if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
		if (
			typeof value === 'string' &&
			/^\d+$/.test(value.trim()) &&
			(fromQuery || !this.options.strictNumbers)
		)
			return Number(value);
		return this.fail(400, `${name} is invalid: it must be a whole number.`);
	}

	private text(name: string, value: unknown): string | FakeResponse {
		return typeof value === 'string' ? value : this.fail(400, `${name} must be a string.`);
	}

	private dateTime(name: string, value: unknown): string | FakeResponse {
		if (typeof value !== 'string' || !this.parseDateTime(value)) {
			return this.fail(400, `${name} is invalid: use the format yyyy-MM-dd HH:mm:ss.`);
		}
		return this.parseDateTime(value)!.toFormat(DATE_TIME_FORMAT);
	}

	private enumValue<T extends string>(
		name: string,
		value: unknown,
		allowed: readonly T[],
	): T | FakeResponse {
		if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
		return this.fail(
			400,
			`${name} is invalid: use one of ${allowed.map((v) => `"${v}"`).join(', ')}.`,
		);
	}

	private missing(what: string, num: number): FakeResponse {
		return this.fail(this.options.unknownReferenceStatus, `${what} ${num} not found.`);
	}

	/** Limit and Offset: at most maxRows rows per call, no total. */
	private page<T>(request: FakeRequest, rows: T[]): T[] | FakeResponse {
		let limit = this.maxRows;
		if (request.query.Limit !== undefined) {
			const value = this.integer('Limit', request.query.Limit, true);
			if (isResponse(value)) return value;
			if (value > this.maxRows && this.options.limitAboveMax === 'reject')
				return this.fail(400, `Limit cannot be more than ${this.maxRows}.`);
			// [inferred] Limit=0 means the default (the cap), not an empty page.
			limit = value === 0 ? this.maxRows : Math.min(value, this.maxRows);
		}
		let offset = 0;
		if (request.query.Offset !== undefined) {
			const value = this.integer('Offset', request.query.Offset, true);
			if (isResponse(value)) return value;
			offset = value;
		}
		return rows.slice(offset, offset + limit);
	}

	/** KeyNum and ObjectType as sent; KeyNum needs ObjectType (documented). Patients/appointments are not modelled: KeyNum is not checked. */
	private keyAndType(
		body: Body,
		fields: Partial<OpenDentalTask>,
		fromQuery = false,
	): FakeResponse | undefined {
		if (body.ObjectType !== undefined) {
			const type = this.enumValue('ObjectType', body.ObjectType, OBJECT_TYPES);
			if (isResponse(type)) return type;
			fields.ObjectType = type;
		}
		if (body.KeyNum !== undefined) {
			if (body.ObjectType === undefined)
				return this.fail(400, 'ObjectType is required when KeyNum is specified.');
			const key = this.integer('KeyNum', body.KeyNum, fromQuery);
			if (isResponse(key)) return key;
			fields.KeyNum = key;
		}
		return undefined;
	}

	/** The optional fields both POST and PUT take. */
	private optionalTaskFields(
		body: Body,
		fields: Partial<OpenDentalTask>,
	): FakeResponse | undefined {
		const keyed = this.keyAndType(body, fields);
		if (keyed) return keyed;
		if (body.DateTimeEntry !== undefined) {
			const value = this.dateTime('DateTimeEntry', body.DateTimeEntry);
			if (isResponse(value)) return value;
			fields.DateTimeEntry = value;
		}
		if (body.PriorityDefNum !== undefined) {
			const value = this.integer('PriorityDefNum', body.PriorityDefNum);
			if (isResponse(value)) return value;
			if (!this.priorities.has(value)) return this.missing('PriorityDefNum', value);
			fields.PriorityDefNum = value;
		}
		if (body.DescriptOverride !== undefined) {
			const value = this.text('DescriptOverride', body.DescriptOverride);
			if (isResponse(value)) return value;
			if (value.length > 256)
				return this.fail(400, 'DescriptOverride cannot be longer than 256 characters.');
			fields.DescriptOverride = value;
		}
		return undefined;
	}

	// ---- tasks ----

	private taskByParam(request: FakeRequest): OpenDentalTask | FakeResponse {
		const num = this.integer('TaskNum', request.params.TaskNum, true);
		if (isResponse(num)) return num;
		return this.tasks.get(num) ?? this.fail(404, `Task ${num} not found.`);
	}

	private getTask(request: FakeRequest): FakeResponse {
		const task = this.taskByParam(request);
		return isResponse(task) ? task : this.ok(task);
	}

	private listTasks(request: FakeRequest): FakeResponse {
		const q = request.query;
		let rows = [...this.tasks.values()];
		if (q.TaskListNum !== undefined) {
			const num = this.integer('TaskListNum', q.TaskListNum, true);
			if (isResponse(num)) return num;
			// [inferred] an unknown list is "not found" (GET documents a 404), not an empty answer.
			if (!this.taskLists.has(num)) return this.missing('TaskList', num);
			rows = rows.filter((task) => task.TaskListNum === num);
		}
		const keyed: Partial<OpenDentalTask> = {};
		const refused = this.keyAndType(q, keyed, true);
		if (refused) return refused;
		if (keyed.ObjectType !== undefined)
			rows = rows.filter((task) => task.ObjectType === keyed.ObjectType);
		if (keyed.KeyNum !== undefined) rows = rows.filter((task) => task.KeyNum === keyed.KeyNum);
		if (q.TaskStatus !== undefined) {
			const status = this.enumValue('TaskStatus', q.TaskStatus, TASK_STATUSES);
			if (isResponse(status)) return status;
			rows = rows.filter((task) => task.TaskStatus === status);
		}
		// Documented: tasks created after DateTimeOriginal; by default the previous 14 days.
		let after: DateTime;
		if (q.DateTimeOriginal !== undefined) {
			const parsed = this.parseDateTime(q.DateTimeOriginal);
			if (!parsed)
				return this.fail(400, 'DateTimeOriginal is invalid: use the format yyyy-MM-dd HH:mm:ss.');
			after = parsed;
		} else {
			after = this.localNow().minus({ days: 14 });
		}
		const bound = after.toFormat(DATE_TIME_FORMAT);
		// The fixed-width format sorts as text.
		rows = rows.filter((task) =>
			this.options.createdAfterInclusive
				? task.DateTimeOriginal >= bound
				: task.DateTimeOriginal > bound,
		);
		// [inferred] ordered by TaskNum.
		rows.sort((a, b) => a.TaskNum - b.TaskNum);
		const page = this.page(request, rows);
		return isResponse(page) ? page : this.ok(page);
	}

	private createTask(request: FakeRequest): FakeResponse {
		const body = this.jsonBody(request);
		if (isResponse(body)) return body;
		for (const name of ['TaskListNum', 'Descript', 'UserNum']) {
			if (body[name] === undefined || body[name] === null)
				return this.fail(400, `${name} is required.`);
		}
		const listNum = this.integer('TaskListNum', body.TaskListNum);
		if (isResponse(listNum)) return listNum;
		const userNum = this.integer('UserNum', body.UserNum);
		if (isResponse(userNum)) return userNum;
		const descript = this.text('Descript', body.Descript);
		if (isResponse(descript)) return descript;
		// [inferred] a blank Descript counts as a missing one.
		if (descript.trim() === '') return this.fail(400, 'Descript is required.');
		const fields: Partial<OpenDentalTask> = {};
		const refused = this.optionalTaskFields(body, fields);
		if (refused) return refused;
		// [inferred] references checked after the fields; an archived list is accepted.
		if (!this.taskLists.has(listNum)) return this.missing('TaskList', listNum);
		if (!this.users.has(userNum)) return this.missing('User', userNum);
		const now = this.officeTime();
		const task = this.addTask({
			...fields,
			TaskListNum: listNum,
			UserNum: userNum,
			Descript: descript,
			TaskStatus: 'New',
			DateTimeEntry: fields.DateTimeEntry ?? now,
			DateTimeOriginal: now,
			SecDateTEdit: now,
			DateTimeFinished: UNSET_DATE_TIME,
			PriorityDefNum: fields.PriorityDefNum ?? this.defaultPriority() ?? 0,
		});
		return this.ok(task, 201);
	}

	private updateTask(request: FakeRequest): FakeResponse {
		const task = this.taskByParam(request);
		if (isResponse(task)) return task;
		const body = this.jsonBody(request);
		if (isResponse(body)) return body;
		const fields: Partial<OpenDentalTask> = {};
		if (body.Descript !== undefined) {
			const descript = this.text('Descript', body.Descript);
			if (isResponse(descript)) return descript;
			// [inferred] a blank Descript is refused.
			if (descript.trim() === '') return this.fail(400, 'Descript cannot be blank.');
			fields.Descript = descript;
		}
		if (body.TaskStatus !== undefined) {
			if (versionOlder(this.options.version, PUT_TASK_STATUS_SINCE)) {
				return this.fail(
					400,
					`TaskStatus can only be updated on Open Dental version ${PUT_TASK_STATUS_SINCE} or later. The office database is on version ${this.options.version}.`,
				);
			}
			const status = this.enumValue('TaskStatus', body.TaskStatus, TASK_STATUSES);
			if (isResponse(status)) return status;
			fields.TaskStatus = status;
		}
		const refused = this.optionalTaskFields(body, fields);
		if (refused) return refused;

		// Documented (seed 001): a Descript on a Done task sets it to Viewed.
		const descriptTriggers =
			fields.Descript !== undefined &&
			(this.options.doneToViewedOn === 'any-descript' || fields.Descript !== task.Descript);
		let status = fields.TaskStatus ?? task.TaskStatus;
		if (
			task.TaskStatus === 'Done' &&
			descriptTriggers &&
			(fields.TaskStatus === undefined || !this.options.explicitStatusWins)
		) {
			status = 'Viewed';
		}
		const now = this.officeTime();
		if (status === 'Done' && task.TaskStatus !== 'Done') fields.DateTimeFinished = now;
		// [inferred] clearing rule: leaving Done resets DateTimeFinished to the unset date (reopenClearsFinished).
		if (status !== 'Done' && task.TaskStatus === 'Done' && this.options.reopenClearsFinished)
			fields.DateTimeFinished = UNSET_DATE_TIME;
		// [inferred] SecDateTEdit moves on every accepted PUT, even one that changes nothing.
		Object.assign(task, fields, { TaskStatus: status, SecDateTEdit: now });
		return this.ok(task);
	}

	// ---- task lists ----

	private listTaskLists(request: FakeRequest): FakeResponse {
		let status: 'Active' | 'Archived' = 'Active';
		if (request.query.TaskListStatus !== undefined) {
			const value = this.enumValue('TaskListStatus', request.query.TaskListStatus, [
				'Active',
				'Archived',
			] as const);
			if (isResponse(value)) return value;
			status = value;
		}
		const rows = [...this.taskLists.values()]
			.filter((list) => list.TaskListStatus === status)
			.sort((a, b) => a.TaskListNum - b.TaskListNum);
		const page = this.page(request, rows);
		return isResponse(page) ? page : this.ok(page);
	}

	// ---- task notes ----

	private listNotes(request: FakeRequest): FakeResponse {
		let rows = [...this.notes.values()];
		for (const name of ['TaskNum', 'UserNum'] as const) {
			if (request.query[name] === undefined) continue;
			const num = this.integer(name, request.query[name], true);
			if (isResponse(num)) return num;
			rows = rows.filter((note) => note[name] === num);
		}
		rows.sort((a, b) => a.TaskNoteNum - b.TaskNoteNum);
		const page = this.page(request, rows);
		return isResponse(page) ? page : this.ok(page);
	}

	private noteByParam(request: FakeRequest): OpenDentalTaskNote | FakeResponse {
		const num = this.integer('TaskNoteNum', request.params.TaskNoteNum, true);
		if (isResponse(num)) return num;
		return this.notes.get(num) ?? this.fail(404, `TaskNote ${num} not found.`);
	}

	private getNote(request: FakeRequest): FakeResponse {
		const note = this.noteByParam(request);
		return isResponse(note) ? note : this.ok(note);
	}

	private noteText(value: unknown): string | FakeResponse {
		if (value === undefined || value === null) return this.fail(400, 'Note is required.');
		const note = this.text('Note', value);
		if (isResponse(note)) return note;
		return note.trim() === '' ? this.fail(400, 'Note cannot be blank.') : note;
	}

	private createNote(request: FakeRequest): FakeResponse {
		const body = this.jsonBody(request);
		if (isResponse(body)) return body;
		for (const name of ['TaskNum', 'UserNum']) {
			if (body[name] === undefined || body[name] === null)
				return this.fail(400, `${name} is required.`);
		}
		const taskNum = this.integer('TaskNum', body.TaskNum);
		if (isResponse(taskNum)) return taskNum;
		const userNum = this.integer('UserNum', body.UserNum);
		if (isResponse(userNum)) return userNum;
		const note = this.noteText(body.Note);
		if (isResponse(note)) return note;
		if (!this.tasks.has(taskNum)) return this.missing('Task', taskNum);
		if (!this.users.has(userNum)) return this.missing('User', userNum);
		return this.ok(
			this.addNote({
				TaskNum: taskNum,
				UserNum: userNum,
				Note: note,
				DateTimeNote: this.officeTime(),
			}),
			201,
		);
	}

	private updateNote(request: FakeRequest): FakeResponse {
		const note = this.noteByParam(request);
		if (isResponse(note)) return note;
		const body = this.jsonBody(request);
		if (isResponse(body)) return body;
		const fields: Partial<OpenDentalTaskNote> = {};
		if (body.Note !== undefined) {
			const text = this.noteText(body.Note);
			if (isResponse(text)) return text;
			fields.Note = text;
		}
		if (body.DateTimeNote !== undefined) {
			const value = this.dateTime('DateTimeNote', body.DateTimeNote);
			if (isResponse(value)) return value;
			fields.DateTimeNote = value;
		}
		Object.assign(note, fields);
		return this.ok(note);
	}

	// ---- definitions and users ----

	private listDefinitions(request: FakeRequest): FakeResponse {
		let rows: OpenDentalDefinition[] = [...this.priorities.values()];
		if (request.query.Category !== undefined) {
			const category = this.integer('Category', request.query.Category, true);
			if (isResponse(category)) return category;
			// Only task priorities are modelled: any other category answers an empty list.
			if (category !== TASK_PRIORITY_CATEGORY) rows = [];
		}
		// [inferred] hidden definitions are included unless includeHidden=false.
		if (request.query.includeHidden === 'false')
			rows = rows.filter((def) => def.isHidden === 'false');
		rows.sort((a, b) => a.ItemOrder - b.ItemOrder);
		const page = this.page(request, rows);
		return isResponse(page) ? page : this.ok(page);
	}

	private listUsers(request: FakeRequest): FakeResponse {
		const includeHidden = request.query.includeHidden;
		if (includeHidden !== undefined && includeHidden !== 'true' && includeHidden !== 'false') {
			return this.fail(400, 'includeHidden is invalid: use "true" or "false".');
		}
		// [inferred] hidden users are left out unless includeHidden=true.
		const rows = [...this.users.values()]
			.filter((user) => includeHidden === 'true' || user.IsHidden === 'false')
			.sort((a, b) => a.UserNum - b.UserNum);
		const page = this.page(request, rows);
		return isResponse(page) ? page : this.ok(page);
	}
}
