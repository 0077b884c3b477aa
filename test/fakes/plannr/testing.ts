/**
 * The fake Plannr, driven over real HTTP with node's fetch: if it drifts from the documents
 * (shared/vendors/plannr.md, seed 002), every node test built on it would pass for the wrong reason.
 *
 * What the fake's own tests share: the fake on a clock the tests move (no rate limit), a caller with the
 * personal access token and account header, a webhook receiver, a second fake with other options, and the
 * statuses, client and second user every test starts with.
 */
/// <reference types="jest" />
import { PlannrFake, type PlannrFakeOptions, type PlannrStatus, type PlannrTaskRecord } from '.';

/** 12:00:00 in London (GMT, +00:00). */
export const T0 = Date.parse('2026-03-01T12:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
export const fake = new PlannrFake({ clock, rateLimitPerMinute: null });

export interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

interface CallOptions {
	body?: unknown;
	form?: Record<string, string>;
	/** null sends no Authorization header. */
	token?: string | null;
	/** null sends no X-PLANNR-ACCOUNT-UUID header. */
	account?: string | null;
	headers?: Record<string, string>;
	query?: Record<string, string | number | boolean>;
	redirect?: 'manual' | 'follow';
}

export async function call(
	target: PlannrFake,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<Answer> {
	const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
	const token = options.token === undefined ? target.options.personalAccessToken : options.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	const account = options.account === undefined ? target.options.accountUuid : options.account;
	if (account !== null) headers['X-PLANNR-ACCOUNT-UUID'] = account;
	let body: string | URLSearchParams | undefined;
	if (options.form) body = new URLSearchParams(options.form);
	else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] = 'application/json';
	}
	const query = options.query
		? `?${new URLSearchParams(Object.entries(options.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
		: '';
	const response = await fetch(`${target.url}${path}${query}`, {
		method,
		headers,
		body,
		redirect: options.redirect ?? 'follow',
	});
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = text === '' ? undefined : JSON.parse(text);
	} catch {
		// not JSON: kept as text
	}
	return { status: response.status, headers: response.headers, body: parsed };
}

export const api = (method: string, path: string, options?: CallOptions) =>
	call(fake, method, path, options);

/** A second fake with other options, stopped afterwards. */
export async function withFake(
	options: PlannrFakeOptions,
	body: (other: PlannrFake) => Promise<void>,
): Promise<void> {
	const other = new PlannrFake({ clock, rateLimitPerMinute: null, ...options });
	await other.start();
	try {
		await body(other);
	} finally {
		await other.stop();
	}
}

export let todo: PlannrStatus;
export let doing: PlannrStatus;
export let done: PlannrStatus;
export let client: string;
export let james: { account: string; token: string };

export const task = (partial: Partial<PlannrTaskRecord> & { name: string }) =>
	fake.addTask({
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: client,
		...partial,
	});

/** The body of one GET on a fresh fake with these options. */
export async function withFakeBody(options: PlannrFakeOptions, path: string) {
	let body: unknown;
	await withFake(options, async (other) => {
		body = (await call(other, 'GET', path)).body;
	});
	return body as any;
}

/** Tests move now with this (an imported binding cannot be assigned). */
export function setNow(value: number): void {
	now = value;
}

/** Serves the fake for the test file and resets it before each test, as the single test file did. */
export function useFake(): void {
	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		now = T0;
		fake.reset();
		todo = fake.addStatus({ name: 'To do', is_not_started: true });
		doing = fake.addStatus({ name: 'In progress' });
		done = fake.addStatus({ name: 'Completed', is_type_completed: true });
		client = fake.addClient({ first_name: 'Tom', last_name: 'Hughes' }).uuid;
		const employee = fake.addEmployee(
			{ first_name: 'James', last_name: 'Carter' },
			{ token: 'james-token' },
		);
		james = { account: employee.account.uuid, token: 'james-token' };
	});
}

export { startReceiver, type Receiver } from '../webhookReceiver';
