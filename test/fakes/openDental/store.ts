/**
 * The fake Open Dental's state: options, records and counters, the office clock, the error shape (fail), and
 * the helpers tests use to build any state. Members the route files read (lastAccepted, parseDateTime,
 * defaultPriority) are public here; they were private when the fake was one file.
 */
import { DateTime } from 'luxon';
import { type FakeResponse, type FakeSecret, VendorFake } from '../kit';
import { fillSandbox } from './sandbox';
import {
	DATE_FORMAT,
	DATE_TIME_FORMAT,
	OPEN_DENTAL_API_PREFIX,
	type OpenDentalDefinition,
	type OpenDentalFakeOptions,
	type OpenDentalTask,
	type OpenDentalTaskList,
	type OpenDentalTaskNote,
	type OpenDentalUser,
	TASK_PRIORITY_CATEGORY,
	TASK_PRIORITY_CATEGORY_NAME,
	UNSET_DATE,
	UNSET_DATE_TIME,
} from './types';

/** Documented: 100 rows per call on Remote; the Local API and the API Service allow 1000 (forum t=8333). */
const REMOTE_MAX_ROWS = 100;

const LOCAL_MAX_ROWS = 1000;

export class OpenDentalStore extends VendorFake {
	readonly options: Required<Omit<OpenDentalFakeOptions, 'throttle'>> & {
		throttle: { perSecond: number } | null;
	};
	tasks = new Map<number, OpenDentalTask>();
	taskLists = new Map<number, OpenDentalTaskList>();
	notes = new Map<number, OpenDentalTaskNote>();
	users = new Map<number, OpenDentalUser>();
	priorities = new Map<number, OpenDentalDefinition>();

	private counters = { task: 0, list: 0, note: 0, user: 0, def: 0 };
	/** customer key -> when (throttleClock ms) the last request the throttle counts arrived */
	lastAccepted = new Map<string, number>();

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
			throttleStatus: 400,
			throttleClock: () => Date.now(),
			errorBodyShape: 'text',
			unknownReferenceStatus: 404,
			strictNumbers: false,
			doneToViewedOn: 'any-descript',
			explicitStatusWins: true,
			reopenClearsFinished: true,
			createdAfterInclusive: false,
			limitAboveMax: 'clamp',
			listOrder: 'task-num',
			blankDescript: 'refuse',
			secDateTEditOn: 'every-put',
			dateOnlyDateTime: 'refuse',
			gateOrder: 'content-type-first',
			throttledCallsCount: true,
			unknownTaskListFilter: 'not-found',
			requireJsonContentType: true,
			// An option given as undefined keeps its default.
			...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
		};
		if (!DateTime.local().setZone(this.options.officeTimeZone).isValid) {
			throw new Error(`Unknown officeTimeZone ${this.options.officeTimeZone}`);
		}
	}

	/** The most rows one list call answers. */
	get maxRows(): number {
		return this.options.connection === 'remote' ? REMOTE_MAX_ROWS : LOCAL_MAX_ROWS;
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

	parseDateTime(value: string): DateTime | undefined {
		const zone = this.options.officeTimeZone;
		const full = DateTime.fromFormat(value, DATE_TIME_FORMAT, { zone });
		if (full.isValid) return full;
		// [inferred] a date alone for a date-time: option dateOnlyDateTime (no sheet line decides).
		if (this.options.dateOnlyDateTime === 'refuse') return undefined;
		const date = DateTime.fromFormat(value, DATE_FORMAT, { zone });
		return date.isValid ? date : undefined;
	}

	// ---- state helpers ----
	private next(kind: keyof OpenDentalStore['counters'], given?: number): number {
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

	/** A task priority: a definition of Category 33, listed in the order added (the office's order). */
	addPriority(partial: Partial<OpenDentalDefinition> & { ItemName: string }): OpenDentalDefinition {
		const priority: OpenDentalDefinition = {
			ItemValue: '',
			isHidden: 'false',
			...partial,
			Category: TASK_PRIORITY_CATEGORY,
			category: TASK_PRIORITY_CATEGORY_NAME,
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

	/**
	 * What a POST without PriorityDefNum gets. The sheet says nothing and no node reads it, so the simplest
	 * stand-in: the first definition of Category 33 in the office's order (no office default is modelled).
	 */
	defaultPriority(): number | undefined {
		return this.priorities.keys().next().value;
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

	/** A small dental office for the sandbox behind `npm start`: dates are relative to the clock. */
	seedSandbox(): void {
		fillSandbox(this);
	}
}
