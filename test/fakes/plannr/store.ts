/**
 * The fake Plannr's state: options, the firm's records, tokens and subscriptions, the changes the Plannr app
 * makes (they fire webhook events), and the helpers tests use to build any state. Members the route files
 * read (counters, codes, refreshTokens, windows, known, pending, messages, mustTask) are public here; they
 * were private when the fake was one file.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { type FakeSecret, VendorFake } from '../kit';
import type { AuthCode, RefreshToken } from './auth';
import { localNow, nextPosition, nowMs, uuid, zoned } from './clock';
import { complete, completedStatus, uncomplete } from './completion';
import { defaultOptions, type Options, type PlannrFakeOptions } from './options';
import { fillSandbox } from './sandbox';
import { applyChanges } from './tasks';
import {
	LARAVEL_MESSAGES,
	LOCAL_FORMAT,
	type PlannrAccount,
	type PlannrCase,
	type PlannrCustomField,
	type PlannrDelivery,
	type PlannrGroup,
	type PlannrPlan,
	type PlannrStatus,
	type PlannrSubscription,
	type PlannrTaskRecord,
	type PlannrToken,
	type PlannrUser,
	type TaskableType,
	type ValidationRule,
} from './types';
import { accountViewOf, taskViewOf } from './views';
import { deliverEvent, emit, emitView } from './webhooks';

export class PlannrStore extends VendorFake {
	readonly options: Options;
	firm = {
		uuid: '',
		name: 'Harbour Wealth Partners',
		slug: 'harbour-wealth-partners',
		created_at: '',
		updated_at: '',
	};
	accounts = new Map<string, PlannrAccount>();
	users = new Map<string, PlannrUser>();
	statuses = new Map<string, PlannrStatus>();
	cases = new Map<string, PlannrCase>();
	plans = new Map<string, PlannrPlan>();
	groups = new Map<string, PlannrGroup>();
	customFields = new Map<string, PlannrCustomField>();
	tasks = new Map<string, PlannrTaskRecord>();
	subscriptions = new Map<string, PlannrSubscription>();
	tokens = new Map<string, PlannrToken>();
	/** Every delivery attempt, in the order they finished. */
	readonly deliveries: PlannrDelivery[] = [];
	/** The user the options' token and account belong to. */
	primaryUser!: PlannrUser;

	codes = new Map<string, AuthCode>();
	refreshTokens = new Map<string, RefreshToken>();
	counters = new Map<string, number>();
	private taskSeq = 0;
	/** bucket key -> window */
	windows = new Map<string, { start: number; count: number }>();
	pending = new Set<Promise<unknown>>();
	/** method + path patterns, to tell an unknown path (404) from a known one with another method (405). */
	known: { method: string; matcher: RegExp }[] = [];
	readonly messages: Record<ValidationRule, string>;

	constructor(options: PlannrFakeOptions = {}) {
		super('plannr');
		const given = Object.fromEntries(
			Object.entries(options).filter(([, value]) => value !== undefined),
		) as PlannrFakeOptions;
		const defaults: Omit<Options, 'rateLimitClock'> = defaultOptions();
		const merged = { ...defaults, ...given };
		this.options = {
			...merged,
			rateLimitClock: given.rateLimitClock ?? (() => merged.clock().getTime()),
		};
		if (!DateTime.local().setZone(this.options.timeZone).isValid)
			throw new Error(`Unknown timeZone ${this.options.timeZone}`);
		this.messages = { ...LARAVEL_MESSAGES, ...this.options.validationMessages };
	}

	// ---- credentials ----

	/** The fields of a `plannrApi` (personal access token) credential pointed at this fake. */
	credentialData(): { baseUrl: string; accessToken: string; accountUuid: string } {
		return {
			baseUrl: this.url,
			accessToken: this.options.personalAccessToken,
			accountUuid: this.options.accountUuid,
		};
	}

	/** The fields of a `plannrOAuth2Api` credential pointed at this fake (n8n adds oauthTokenData after the flow). */
	oauth2CredentialData(): Record<string, string> {
		return {
			baseUrl: this.url,
			accountUuid: this.options.accountUuid,
			grantType: 'authorizationCode',
			authUrl: `${this.url}${this.options.oauthAuthorizePath}`,
			accessTokenUrl: `${this.url}${this.options.oauthTokenPath}`,
			clientId: this.options.oauthClientId,
			clientSecret: this.options.oauthClientSecret,
			scope: '',
			authQueryParameters: '',
			authentication: 'body',
		};
	}

	/** Empties everything, then makes the firm, the primary user with their account, and their personal access token. */
	reset(): void {
		for (const map of [
			this.accounts,
			this.users,
			this.statuses,
			this.cases,
			this.plans,
			this.groups,
			this.customFields,
			this.tasks,
			this.subscriptions,
			this.tokens,
			this.codes,
			this.refreshTokens,
			this.counters,
			this.windows,
		]) {
			map.clear();
		}
		this.deliveries.length = 0;
		this.pending.clear();
		this.taskSeq = 0;
		this.server.clearRequests();
		this.server.clearFaults();
		const now = this.isoNow();
		Object.assign(this.firm, { uuid: uuid(this, 'firm'), created_at: now, updated_at: now });
		const { user } = this.addEmployee(
			{
				uuid: this.options.accountUuid,
				first_name: 'Sarah',
				last_name: 'Mitchell',
				email: 'sarah.mitchell@example.com',
				role: 'owner',
			},
			{ token: this.options.personalAccessToken },
		);
		this.primaryUser = user;
	}

	/** A valid personal access token for a user (documented: valid a year unless `expiresAt` says otherwise). */
	issuePersonalAccessToken(
		userUuid: string,
		token = `pat-${randomBytes(20).toString('hex')}`,
		expiresAt?: number,
	): string {
		this.tokens.set(token, {
			token,
			userUuid,
			kind: 'personal',
			expiresAt: expiresAt ?? nowMs(this) + this.options.personalAccessTokenTtlMs,
		});
		this.noteIssued('personal access token', token);
		return token;
	}

	/** The primary user's personal access token and the OAuth client secret (for the e2e secret scan). */
	override get configuredSecrets(): readonly FakeSecret[] {
		return [
			{ kind: 'personal access token', value: this.options.personalAccessToken },
			{ kind: 'OAuth client secret', value: this.options.oauthClientSecret },
		];
	}

	/** Every OAuth access token stops working (401), as if expired: refresh tokens still work. */
	expireOAuthAccessTokens(): void {
		for (const [key, token] of this.tokens) if (token.kind === 'oauth') this.tokens.delete(key);
	}

	revokeToken(token: string): void {
		this.tokens.delete(token);
	}

	/** Forget the rate-limit windows. */
	resetRateLimit(): void {
		this.windows.clear();
	}

	// ---- state helpers (no events, references not checked: tests build any state) ----

	addAccount(
		partial: Partial<PlannrAccount> & { first_name: string; last_name: string },
	): PlannrAccount {
		const now = this.isoNow();
		const name = `${partial.first_name} ${partial.last_name}`.trim();
		const account: PlannrAccount = {
			uuid: uuid(this, 'account'),
			type: 'employee',
			role: 'member',
			name,
			email: null,
			photo_url: `https://eu.ui-avatars.com/api/?name=${encodeURIComponent(name).replace(/%20/g, '+')}`,
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.accounts.set(account.uuid, account);
		return account;
	}

	/** A client: an account of type client (what taskable_type client names). */
	addClient(
		partial: Partial<PlannrAccount> & { first_name: string; last_name: string },
	): PlannrAccount {
		return this.addAccount({ type: 'client', role: 'client', ...partial });
	}

	/** A user who signs in, with a login to each of the accounts; the first is their preferred one. */
	addUser(
		partial: Partial<Omit<PlannrUser, 'logins'>> & { email: string },
		accountUuids: string[],
		token?: string,
	): PlannrUser {
		const now = this.isoNow();
		const user: PlannrUser = {
			uuid: uuid(this, 'user'),
			first_name: '',
			last_name: '',
			preferred_account_uuid: accountUuids[0] ?? null,
			...partial,
			logins: accountUuids.map((account_uuid, i) => ({
				uuid: uuid(this, 'login'),
				account_uuid,
				primary: i === 0,
				created_at: now,
			})),
		};
		this.users.set(user.uuid, user);
		if (token !== undefined) this.issuePersonalAccessToken(user.uuid, token);
		return user;
	}

	/** An employee account and the user who signs in as it, with a personal access token if given. */
	addEmployee(
		partial: Partial<PlannrAccount> & { first_name: string; last_name: string },
		options: { token?: string } = {},
	): { account: PlannrAccount; user: PlannrUser } {
		const account = this.addAccount({ type: 'employee', ...partial });
		const user = this.addUser(
			{
				email: account.email ?? `${account.uuid}@example.com`,
				first_name: account.first_name,
				last_name: account.last_name,
			},
			[account.uuid],
			options.token,
		);
		return { account, user };
	}

	addStatus(partial: Partial<PlannrStatus> & { name: string }): PlannrStatus {
		const now = this.isoNow();
		const status: PlannrStatus = {
			uuid: uuid(this, 'status'),
			colour: '#398898',
			position: this.statuses.size + 1,
			is_type_completed: false,
			is_archived: false,
			is_not_started: false,
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.statuses.set(status.uuid, status);
		return status;
	}

	addCase(partial: Partial<PlannrCase> & { name: string; client_uuid: string }): PlannrCase {
		const now = this.isoNow();
		const record: PlannrCase = {
			uuid: uuid(this, 'case'),
			slug: partial.name
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, ''),
			status: { name: 'Open' },
			value: { amount: '0', currency: 'GBP', formatted: '£0.00' },
			completed_at: null,
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.cases.set(record.uuid, record);
		return record;
	}

	addPlan(partial: Partial<PlannrPlan> & { name: string; client_uuid: string }): PlannrPlan {
		const now = this.isoNow();
		const plan: PlannrPlan = {
			uuid: uuid(this, 'plan'),
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.plans.set(plan.uuid, plan);
		return plan;
	}

	addGroup(name: string): PlannrGroup {
		const group = { uuid: uuid(this, 'group'), name };
		this.groups.set(group.uuid, group);
		return group;
	}

	addCustomField(
		partial: Partial<PlannrCustomField> & { name: string; reference: string },
	): PlannrCustomField {
		const now = this.isoNow();
		const field: PlannrCustomField = {
			uuid: uuid(this, 'field'),
			type: 'string',
			help_text: null,
			is_required: false,
			selection_options: [],
			created_at: now,
			updated_at: now,
			...partial,
		};
		this.customFields.set(field.uuid, field);
		return field;
	}

	/** Stored as given (no events). A task in a completed-type status gets completed_at/by unless given. */
	addTask(
		partial: Partial<PlannrTaskRecord> & {
			name: string;
			status_uuid: string;
			taskable_type: TaskableType;
			taskable_uuid: string;
		},
	): PlannrTaskRecord {
		const now = this.isoNow();
		const task: PlannrTaskRecord = {
			uuid: uuid(this, 'task'),
			description: null,
			priority: null,
			position: nextPosition(this, partial.status_uuid),
			due_at: null,
			parent_task_uuid: null,
			author_uuid: this.options.accountUuid,
			assigned_to_uuids: [],
			group_uuids: [],
			custom_fields: {},
			completed_at: null,
			completed_by_uuid: null,
			created_at: now,
			updated_at: partial.created_at ?? now,
			...partial,
			seq: ++this.taskSeq,
		};
		if (
			this.statuses.get(task.status_uuid)?.is_type_completed &&
			partial.completed_at === undefined
		) {
			task.completed_at = localNow(this);
			task.completed_by_uuid ??= task.author_uuid;
		}
		this.tasks.set(task.uuid, task);
		return task;
	}

	// ---- changes as the Plannr app would make them: these fire webhook events ----

	/** As POST /api/v1/task after validation: fires task.created. */
	createTask(partial: Parameters<PlannrStore['addTask']>[0]): PlannrTaskRecord {
		const task = this.addTask(partial);
		emit(this, 'task.created', task);
		return task;
	}

	/** Changes fields as a PUT would (status changes complete/uncomplete per statusChangeCompletes): fires task.updated. */
	updateTask(
		uuid: string,
		changes: Partial<Omit<PlannrTaskRecord, 'uuid' | 'seq'>>,
		byAccountUuid = this.options.accountUuid,
	): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		const completed = applyChanges(this, task, changes, byAccountUuid);
		emit(this, 'task.updated', task);
		if (completed) emit(this, 'task.completed', task);
		return task;
	}

	/** As PATCH .../complete: fires task.completed. */
	completeTask(uuid: string, byAccountUuid = this.options.accountUuid): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		const status = completedStatus(this);
		if (!status) throw new Error('The fake has no completed-type status');
		complete(this, task, status, byAccountUuid);
		emit(this, 'task.completed', task);
		return task;
	}

	/** As PATCH .../uncomplete/{status}: fires task.updated. */
	uncompleteTask(uuid: string, statusUuid: string): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		uncomplete(this, task, statusUuid);
		emit(this, 'task.updated', task);
		return task;
	}

	/** As deleting a task in the Plannr app (the API has no DELETE): fires task.deleted with the task as it was. */
	deleteTask(uuid: string): PlannrTaskRecord {
		const task = this.mustTask(uuid);
		const snapshot = taskViewOf(this, task);
		this.tasks.delete(uuid);
		for (const other of this.tasks.values())
			if (other.parent_task_uuid === uuid) other.parent_task_uuid = null;
		emitView(this, 'task.deleted', snapshot);
		return task;
	}

	/** A small financial-adviser firm for the sandbox behind `npm start`: dates are relative to the clock. */
	seedSandbox(): void {
		fillSandbox(this);
	}

	// ---- webhooks ----

	/** Waits until every delivery started so far (and any it led to) has finished. */
	async deliveriesSettled(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Sends one delivery now, as Plannr would, or with a forged signature; resolves with the recorded attempt. */
	deliver(
		subscriptionUuid: string,
		event: string,
		task: PlannrTaskRecord | Record<string, unknown> | string,
		options: { forgedSignature?: boolean } = {},
	): Promise<PlannrDelivery> {
		return deliverEvent(this, subscriptionUuid, event, task, options);
	}

	// ---- views ----

	accountView(account: PlannrAccount): Record<string, unknown> {
		return accountViewOf(account);
	}

	/** A task as the API answers it. */
	taskView(
		task: PlannrTaskRecord,
		includes: readonly string[] = [],
		nested = false,
	): Record<string, unknown> {
		return taskViewOf(this, task, includes, nested);
	}

	// ---- time and ids ----

	/** ISO 8601 with the firm's offset, no fraction: what created_at/updated_at look like. */
	isoNow(): string {
		return zoned(this).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
	}

	/** `yyyy-MM-dd HH:mm:ss` in the firm's zone, `offset` from now: what due_at/completed_at look like. */
	localTime(
		offset: { days?: number; hours?: number; minutes?: number; seconds?: number } = {},
	): string {
		return zoned(this, offset).toFormat(LOCAL_FORMAT);
	}

	mustTask(uuid: string): PlannrTaskRecord {
		const task = this.tasks.get(uuid);
		if (!task) throw new Error(`No task ${uuid}`);
		return task;
	}
}
