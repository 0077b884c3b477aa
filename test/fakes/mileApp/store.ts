/**
 * The fake MileApp's state: options, records, tokens and webhook targets, the clock and ids, the changes the
 * web and mobile apps make (they fire webhook events), and the helpers tests use to build any state. Members
 * the route files read (mustTask, flowByName, defaultStart, defaultEnd, pastEnd, window, known, and the
 * delivery bookkeeping: generation, pending, timers, inFlight) are public here; they were private when the
 * fake was one file.
 */
import http from 'node:http';
import { DateTime } from 'luxon';
import { type FakeSecret, VendorFake } from '../kit';
import { assign, finish, finishRefusal } from './assignment';
import { exampleFor } from './flows';
import { defaultOptions, type MileAppFakeOptions, type Options } from './options';
import { fillSandbox } from './sandbox';
import { RESERVED } from './taskInput';
import {
	DOCUMENTED_ISO_DATE_TIME,
	ISO_DATE_TIME,
	LOCAL_DATE_TIME,
	LOCAL_FORMAT,
	MILEAPP_API,
	type MileAppDelivery,
	type MileAppEvent,
	type MileAppFlow,
	type MileAppFlowField,
	type MileAppHub,
	type MileAppTaskRecord,
	type MileAppUser,
	type MileAppWebhookTarget,
} from './types';
import { flowViewOf, hubViewOf, taskViewOf, webhookPayloadOf } from './views';
import { cancelDeliveries, deliverEvent, emit } from './webhooks';

/** 8 hex digits in front of every id, then a kind and a counter: 24 hex digits, as a MongoDB ObjectId. */
const ID_PREFIX = '6352736c';

/** The custom header the sandbox's webhooks carry their secret in (the MileApp Webhook credential's default name). */
const SANDBOX_WEBHOOK_HEADER = 'X-Webhook-Secret';

const KIND_CODES = { organization: '00', hub: '01', flow: '02', task: '03', user: '04' } as const;

export class MileAppStore extends VendorFake {
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
	window: { start: number; count: number } | undefined;
	/** rateLimitWindow 'sliding': when the requests of the last second came. */
	recentRequests: number[] = [];
	pending = new Set<Promise<unknown>>();
	/** Bumped by reset()/stop(): deliveries of an older generation stop where they are. */
	generation = 0;
	timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	inFlight = new Set<http.ClientRequest>();
	known: { method: string; matcher: RegExp }[] = [];

	constructor(options: MileAppFakeOptions = {}) {
		super('mileapp');
		const given = Object.fromEntries(
			Object.entries(options).filter(([, value]) => value !== undefined),
		) as MileAppFakeOptions;
		const defaults: Omit<Options, 'rateLimitClock'> = defaultOptions();
		const merged = { ...defaults, ...given };
		this.options = {
			...merged,
			rateLimitClock: given.rateLimitClock ?? (() => merged.clock().getTime()),
		};
		if (!DateTime.local().setZone(this.options.timeZone).isValid)
			throw new Error(`Unknown timeZone ${this.options.timeZone}`);
	}

	/** Cancels deliveries still waiting to retry, so nothing is left running after a test. */
	override async stop(): Promise<void> {
		cancelDeliveries(this);
		await super.stop();
	}

	// ---- credentials ----

	/** The fields of a MileApp credential pointed at this fake: the documented base URL ends in /api/v3. */
	credentialData(): { baseUrl: string; token: string } {
		return { baseUrl: `${this.url}${MILEAPP_API}`, token: this.options.token };
	}

	/** The fields of a MileApp Webhook credential that accepts the deliveries of a webhook set up with `webhookSecretHeaders()`. */
	webhookCredentialData(): { sentAs: 'header'; headerName: string; secret: string } {
		return {
			sentAs: 'header',
			headerName: SANDBOX_WEBHOOK_HEADER,
			secret: this.options.webhookSecret,
		};
	}

	/** The custom header (Automation → Webhook → Header and Value) the sandbox's webhooks carry. */
	webhookSecretHeaders(): Record<string, string> {
		return { [SANDBOX_WEBHOOK_HEADER]: this.options.webhookSecret };
	}

	/** Empties everything, then makes the primary user (an admin of every hub) with the options' token, and the options' webhooks. */
	reset(): void {
		cancelDeliveries(this);
		for (const map of [this.hubs, this.flows, this.users, this.tasks, this.tokens, this.counters])
			map.clear();
		this.deliveries.length = 0;
		this.pending.clear();
		this.taskSeq = 0;
		this.lastOrderIndex = 0;
		this.window = undefined;
		this.recentRequests = [];
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

	/** The primary user's personal token and the sandbox's webhook secret (for the e2e secret scan). */
	override get configuredSecrets(): readonly FakeSecret[] {
		return [
			{ kind: 'personal token', value: this.options.token },
			{ kind: 'webhook secret', value: this.options.webhookSecret },
		];
	}

	revokeToken(token: string): void {
		this.tokens.delete(token);
	}

	/** Forget the rate-limit window. */
	resetRateLimit(): void {
		this.window = undefined;
		this.recentRequests = [];
	}

	/** As setting up a webhook by hand in the web app (Automation). Its header values are secrets to the e2e scan. */
	addWebhook(target: MileAppWebhookTarget): MileAppWebhookTarget {
		for (const value of Object.values(target.headers ?? {}))
			this.noteIssued('webhook header', value);
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
	createTask(partial: Parameters<MileAppStore['addTask']>[0]): MileAppTaskRecord {
		const task = this.addTask(partial);
		emit(this, 'onCreate', task);
		if (task.assignee.length > 0 && this.options.createWithAssigneeEvents === 'create-and-assign')
			emit(this, 'onAssign', task);
		return task;
	}

	/** As assigning in the web app: ONGOING, fires onAssign. */
	assignTask(
		taskId: string,
		emails: string[],
		by: MileAppUser = this.primaryUser,
	): MileAppTaskRecord {
		const task = this.mustTask(taskId);
		assign(this, task, emails, by);
		emit(this, 'onAssign', task);
		return task;
	}

	/** As a worker finishing the task on the mobile app: DONE, fires onFinish. Throws where the API refuses (after endTime; unassigned by option). */
	finishTask(taskId: string, byEmail?: string): MileAppTaskRecord {
		const task = this.mustTask(taskId);
		const refused = task.status === 'DONE' ? undefined : finishRefusal(this, task);
		if (refused) throw new Error((refused.body as { message: string }).message);
		const worker = [...this.users.values()].find(
			(user) => user.email === (byEmail ?? task.assignee[0]),
		);
		finish(this, task, worker?.name ?? byEmail ?? this.primaryUser.name);
		emit(this, 'onFinish', task);
		return task;
	}

	/**
	 * A small field-operations company for the sandbox: three hubs, four users, three flows with different
	 * field lists, six tasks in every status (one ONGOING task already past its end time). Dates follow the clock.
	 */
	seedSandbox(): void {
		fillSandbox(this);
	}

	// ---- webhooks ----

	/** Waits until every delivery started so far (and its retries) has finished. */
	async deliveriesSettled(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Sends one event for a task to every target naming it (or to `url`), with MileApp's retries; resolves when done. */
	deliver(
		event: MileAppEvent,
		task: MileAppTaskRecord | string | Record<string, unknown>,
		url?: string,
	): Promise<MileAppDelivery[]> {
		return deliverEvent(this, event, task, url);
	}

	// ---- views ----

	/** A task as the API answers it (seed 003's shape), plus assignment and completion once they exist. */
	taskView(task: MileAppTaskRecord): Record<string, unknown> {
		return taskViewOf(this, task);
	}

	/** What a webhook delivery carries for the task as it now is (webhooks/task-events.mdx). */
	webhookPayload(task: MileAppTaskRecord): Record<string, unknown> {
		return webhookPayloadOf(this, task);
	}

	flowView(flow: MileAppFlow): Record<string, unknown> {
		return flowViewOf(flow);
	}

	hubView(hub: MileAppHub): Record<string, unknown> {
		return hubViewOf(hub);
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

	/** A date the API takes (`Y-m-d H:i:s` in the organization's zone, or a documented ISO 8601 form), as ISO 8601 with the organization's offset. */
	parseTime(value: unknown): string | undefined {
		if (typeof value !== 'string') return undefined;
		const zone = this.options.timeZone;
		let parsed: DateTime | undefined;
		if (LOCAL_DATE_TIME.test(value)) parsed = DateTime.fromFormat(value, LOCAL_FORMAT, { zone });
		else if (
			DOCUMENTED_ISO_DATE_TIME.test(value) ||
			(this.options.undocumentedDateForms === 'accept' && ISO_DATE_TIME.test(value))
		)
			parsed = DateTime.fromISO(value, { zone });
		if (!parsed?.isValid) return undefined;
		return parsed.setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	private objectId(kind: keyof typeof KIND_CODES): string {
		const n = (this.counters.get(kind) ?? 0) + 1;
		this.counters.set(kind, n);
		return `${ID_PREFIX}${KIND_CODES[kind]}${n.toString(16).padStart(14, '0')}`;
	}

	defaultStart(flow: MileAppFlow | undefined): string {
		return this.isoAt((flow?.defaultStartOffsetMinutes ?? 0) * 60_000);
	}

	defaultEnd(flow: MileAppFlow | undefined, start: string): string {
		const ms = Date.parse(start) + (flow?.defaultDurationMinutes ?? 24 * 60) * 60_000;
		return DateTime.fromMillis(ms)
			.setZone(this.options.timeZone)
			.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	pastEnd(task: { endTime: string }): boolean {
		return this.options.clock().getTime() > Date.parse(task.endTime);
	}

	mustTask(id: string): MileAppTaskRecord {
		const task = this.tasks.get(id);
		if (!task) throw new Error(`No task ${id}`);
		return task;
	}

	flowByName(name: string): MileAppFlow | undefined {
		return [...this.flows.values()].find((flow) => flow.name === name);
	}
}
