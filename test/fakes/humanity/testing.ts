/**
 * The fake Humanity, driven over real HTTP with node's fetch: if it drifts from the documents
 * (shared/vendors/humanity.md, seed 004), every node test built on it would pass for the wrong reason.
 *
 * What the fake's own tests share: the fake on a clock the tests move, a caller with the test's token,
 * envelope checks, a second fake with other options, and the café every test starts with.
 */
/// <reference types="jest" />
import {
	HUMANITY_API_PREFIX,
	HUMANITY_TOKEN_PATH,
	HumanityFake,
	RESPONSE_CODES,
	type HumanityEmployee,
	type HumanityFakeOptions,
	type HumanityLocation,
	type HumanityMasterTask,
	type HumanityPosition,
	type HumanityShift,
	type HumanityShiftTask,
} from '.';

/** Wednesday 4 March 2026, 12:00 in New York (EST, UTC-5). */
export const T0 = Date.parse('2026-03-04T17:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
export const fake = new HumanityFake({ clock });

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

export interface CallOptions {
	body?: unknown;
	form?: Record<string, string>;
	/** Sent as ?access_token=; null sends none. Defaults to the test's token. */
	token?: string | null;
	/** Sent as Authorization: Bearer (instead of the query). */
	bearer?: string;
	headers?: Record<string, string>;
	/** Arrays repeat the key. */
	query?: Record<string, string | number | boolean | string[]>;
}

export let token: string;

export async function call(
	target: HumanityFake,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<Answer> {
	const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(options.query ?? {})) {
		for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
	}
	const accessToken = options.token === undefined ? token : options.token;
	if (accessToken !== null && options.bearer === undefined) params.set('access_token', accessToken);
	if (options.bearer !== undefined) headers.Authorization = `Bearer ${options.bearer}`;
	let body: string | URLSearchParams | undefined;
	if (options.form) body = new URLSearchParams(options.form);
	else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] = 'application/json';
	}
	const full = path.startsWith('/oauth2') ? path : `${HUMANITY_API_PREFIX}${path}`;
	const query = params.toString();
	const response = await fetch(`${target.url}${full}${query ? `?${query}` : ''}`, {
		method,
		headers,
		body,
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

/** A second fake with other options, stopped afterwards; `token` is the primary user's there. */
export async function withFake(
	options: HumanityFakeOptions,
	body: (other: HumanityFake, token: string) => Promise<void>,
): Promise<void> {
	const other = new HumanityFake({ clock, ...options });
	await other.start();
	try {
		await body(other, other.issueAccessToken());
	} finally {
		await other.stop();
	}
}

export const passwordGrant = (target: HumanityFake, overrides: Record<string, string> = {}) =>
	call(target, 'POST', HUMANITY_TOKEN_PATH, {
		token: null,
		form: {
			client_id: target.options.appId,
			client_secret: target.options.appSecret,
			grant_type: 'password',
			username: target.options.username,
			password: target.options.password,
			...overrides,
		},
	});

/** Expect an envelope error with this code (the table's message first), under HTTP 200 by default. */
export function expectCode(answer: Answer, code: number, detail?: RegExp, httpStatus = 200): void {
	expect([answer.status, answer.body?.status]).toEqual([httpStatus, code]);
	expect(answer.body.data).toBeNull();
	expect(answer.body.error).toEqual(expect.stringContaining(RESPONSE_CODES[code]));
	if (detail) expect(answer.body.error).toMatch(detail);
}

/** Expect status 1 and return data. */
export function ok(answer: Answer): any {
	expect([answer.status, answer.body?.status, answer.body?.error]).toEqual([200, 1, null]);
	return answer.body.data;
}

export let main: HumanityLocation;
export let kiosk: HumanityLocation;
export let barista: HumanityPosition;
export let kitchen: HumanityPosition;
export let kioskCrew: HumanityPosition;
export let sam: HumanityEmployee;
export let lee: HumanityEmployee;
export let maria: HumanityEmployee;
export let shift: HumanityShift;
export let openRegister: HumanityMasterTask;
export let cleanMachine: HumanityMasterTask;
export let restock: HumanityMasterTask;

export const shiftTask = (
	partial: Partial<HumanityShiftTask> & { taskId: string },
	on: HumanityShift = shift,
) => fake.addShiftTask({ shiftId: on.id, ...partial });

/** Tests move now with this (an imported binding cannot be assigned). */
export function setNow(value: number): void {
	now = value;
}

/** Tests move token with this (an imported binding cannot be assigned). */
export function setToken(value: string): void {
	token = value;
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
		main = fake.addLocation({ name: 'Main Street' });
		kiosk = fake.addLocation({ name: 'Station Kiosk' });
		barista = fake.addPosition({ name: 'Barista', locationId: main.id });
		kitchen = fake.addPosition({ name: 'Kitchen', locationId: main.id });
		kioskCrew = fake.addPosition({ name: 'Kiosk Crew', locationId: kiosk.id });
		sam = fake.addEmployee({ firstname: 'Sam', lastname: 'Okafor', positionIds: [barista.id] });
		lee = fake.addEmployee({ firstname: 'Lee', lastname: 'Nguyen', positionIds: [barista.id] });
		maria = fake.addEmployee({ firstname: 'Maria', lastname: 'Rossi', positionIds: [kitchen.id] });
		// 07:00–15:00 New York = 12:00–20:00 UTC.
		shift = fake.addShift({
			start: '2026-03-04 07:00',
			end: '2026-03-04 15:00',
			positionId: barista.id,
			employeeIds: [sam.id, lee.id],
			title: 'Morning bar',
		});
		openRegister = fake.addMasterTask({
			name: 'Open the register',
			description: 'Count the float.',
			positionIds: [barista.id],
		});
		cleanMachine = fake.addMasterTask({
			name: 'Clean the espresso machine',
			positionIds: [barista.id],
		});
		restock = fake.addMasterTask({
			name: 'Restock pastries',
			positionIds: [barista.id, kioskCrew.id],
		});
		token = fake.issueAccessToken();
	});
}
