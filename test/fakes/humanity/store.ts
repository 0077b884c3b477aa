/**
 * The fake Humanity's state: options, records and tokens, forced codes and the throttle window, and the
 * helpers tests use to build any state. Members the route files read (accessTokens, refreshTokens, forced,
 * window, endpoints, lastUlidTime, ulidSeq) are public here; they were private when the fake was one file.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { type FakeSecret, type RecordedRequest, VendorFake } from '../kit';
import type { AccessToken, RefreshToken } from './auth';
import { localMs, nowMs, ulid } from './clock';
import { countRequests, requestsToEndpoint, routeOf, shiftTaskCallsOf } from './counts';
import { compilePattern, type ForcedCode } from './gates';
import { defaultOptions, type HumanityFakeOptions, type Options } from './options';
import { fillSandbox, fillVetPharmacy, makeMorningBar } from './sandbox';
import {
	type Activity,
	HUMANITY_TOKEN_PATH,
	type HumanityEmployee,
	type HumanityEmployeeTask,
	type HumanityLocation,
	type HumanityMasterTask,
	type HumanityPosition,
	type HumanityShift,
	type HumanityShiftTask,
	type MorningBar,
	UTC_FORMAT,
} from './types';
import {
	employeeTaskViewOf,
	employeeViewOf,
	masterTaskViewOf,
	positionViewOf,
	shiftTaskViewOf,
	shiftViewOf,
} from './views';

export class HumanityStore extends VendorFake {
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

	accessTokens = new Map<string, AccessToken>();
	refreshTokens = new Map<string, RefreshToken>();
	private counters = { employee: 0, location: 0, position: 0, shift: 0 };
	lastUlidTime = 0;
	ulidSeq = 0;
	forced: ForcedCode[] = [];
	window: { start: number; count: number } | undefined;
	/** 'METHOD /pattern' of every route, for request counts. */
	endpoints: { key: string; method: string; matcher: RegExp }[] = [];

	constructor(options: HumanityFakeOptions = {}) {
		super('humanity');
		const given = Object.fromEntries(
			Object.entries(options).filter(([, value]) => value !== undefined),
		) as HumanityFakeOptions;
		const defaults: Omit<Options, 'throttle' | 'throttleClock'> = defaultOptions();
		const merged = { ...defaults, ...given };
		this.options = {
			...merged,
			throttle: given.throttle ?? null,
			throttleClock: given.throttleClock ?? (() => merged.clock().getTime()),
		};
		if (!DateTime.local().setZone(this.options.timeZone).isValid)
			throw new Error(`Unknown timeZone ${this.options.timeZone}`);
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
			expiresAt: expiresAt ?? nowMs(this) + this.options.accessTokenTtlSeconds * 1000,
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
		return routeOf(this, request);
	}

	/** How many requests each route received (token requests included; unknown paths under 'UNKNOWN'). */
	requestCounts(requests: RecordedRequest[] = this.requests): Record<string, number> {
		return countRequests(this, requests);
	}

	/** The recorded requests to one route, given as endpointOf names it. */
	requestsTo(endpoint: string): RecordedRequest[] {
		return requestsToEndpoint(this, endpoint);
	}

	/** Reads (GET /shifts/{ids}/tasks naming this shift) and writes (PUT /shifts/{id}/tasks) of one shift's tasks. */
	shiftTaskCalls(shiftId: number): { reads: number; writes: number } {
		return shiftTaskCallsOf(this, shiftId);
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
			needed: 1,
			...rest,
			id,
			startMs: localMs(this, start),
			endMs: localMs(this, end),
		};
		this.shifts.set(id, shift);
		return shift;
	}

	addMasterTask(partial: Partial<HumanityMasterTask> & { name: string }): HumanityMasterTask {
		const task: HumanityMasterTask = {
			id: ulid(this),
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
			id: ulid(this),
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
			id: ulid(this),
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
		return makeMorningBar(this);
	}

	/**
	 * A small café group for the sandbox behind `npm start`: two locations, three positions, five employees,
	 * three shifts a day from three days ago to three days ahead, master tasks, regular and time-boxed shift
	 * tasks, and the past shifts' employee tasks done; then a vet clinic's pharmacy.
	 */
	seedSandbox(): void {
		fillSandbox(this);
	}

	/**
	 * A veterinary practice's pharmacy beside the café, for the example that turns Oliver prescription refills
	 * into shift tasks: the position "Pharmacy", one 08:00–18:00 shift a day, the master task "Prescription refill".
	 */
	seedVetPharmacy(): void {
		fillVetPharmacy(this);
	}

	// ---- views ----

	employeeView(employee: HumanityEmployee): Record<string, unknown> {
		return employeeViewOf(this, employee);
	}

	positionView(position: HumanityPosition): Record<string, unknown> {
		return positionViewOf(this, position);
	}

	/** The shift as the API answers it (its shape is the option shiftObject). */
	shiftView(shift: HumanityShift): Record<string, unknown> {
		return shiftViewOf(this, shift);
	}

	/** Seed 004's fields, in its order. */
	shiftTaskView(task: HumanityShiftTask): Record<string, unknown> {
		return shiftTaskViewOf(task);
	}

	masterTaskView(task: HumanityMasterTask): Record<string, unknown> {
		return masterTaskViewOf(task);
	}

	/** The sheet's fields: taskId (the master task), shiftId, type and options come from the shift task. */
	employeeTaskView(task: HumanityEmployeeTask): Record<string, unknown> {
		return employeeTaskViewOf(this, task);
	}

	// ---- time and ids ----

	/** Now (or `ms`) in the company's zone. */
	zoned(ms = nowMs(this)): DateTime {
		return DateTime.fromMillis(ms, { zone: this.options.timeZone });
	}

	/** Now in UTC as the API writes timestamps: `2025-10-02T12:55:14+00:00`. */
	utcNow(): string {
		return DateTime.fromMillis(nowMs(this), { zone: 'utc' }).toFormat(UTC_FORMAT);
	}

	/** `yyyy-MM-dd HH:mm` in the company's zone (or ISO with an offset) as the API writes it, in UTC. */
	utc(local: string): string {
		return DateTime.fromMillis(localMs(this, local), { zone: 'utc' }).toFormat(UTC_FORMAT);
	}
}
