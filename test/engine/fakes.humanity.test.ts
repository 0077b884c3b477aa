/**
 * The fake Humanity, driven over real HTTP with node's fetch: if it drifts from the documents
 * (shared/vendors/humanity.md, seed 004), every node test built on it would pass for the wrong reason.
 */
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
} from '../fakes/humanity';
import { serveFake } from './serveFake';

/** Wednesday 4 March 2026, 12:00 in New York (EST, UTC-5). */
const T0 = Date.parse('2026-03-04T17:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
const fake = new HumanityFake({ clock });
serveFake(fake);

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

interface CallOptions {
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

let token: string;

async function call(
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

const api = (method: string, path: string, options?: CallOptions) =>
	call(fake, method, path, options);

/** A second fake with other options, stopped afterwards; `token` is the primary user's there. */
async function withFake(
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

const passwordGrant = (target: HumanityFake, overrides: Record<string, string> = {}) =>
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
function expectCode(answer: Answer, code: number, detail?: RegExp, httpStatus = 200): void {
	expect([answer.status, answer.body?.status]).toEqual([httpStatus, code]);
	expect(answer.body.data).toBeNull();
	expect(answer.body.error).toEqual(expect.stringContaining(RESPONSE_CODES[code]));
	if (detail) expect(answer.body.error).toMatch(detail);
}

/** Expect status 1 and return data. */
function ok(answer: Answer): any {
	expect([answer.status, answer.body?.status, answer.body?.error]).toEqual([200, 1, null]);
	return answer.body.data;
}

let main: HumanityLocation;
let kiosk: HumanityLocation;
let barista: HumanityPosition;
let kitchen: HumanityPosition;
let kioskCrew: HumanityPosition;
let sam: HumanityEmployee;
let lee: HumanityEmployee;
let maria: HumanityEmployee;
let shift: HumanityShift;
let openRegister: HumanityMasterTask;
let cleanMachine: HumanityMasterTask;
let restock: HumanityMasterTask;

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

const shiftTask = (
	partial: Partial<HumanityShiftTask> & { taskId: string },
	on: HumanityShift = shift,
) => fake.addShiftTask({ shiftId: on.id, ...partial });

describe('token endpoint (oauth2/token.php)', () => {
	it('the password grant (form body) answers the documented token; it works as ?access_token= and as a Bearer header', async () => {
		const answer = await passwordGrant(fake);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
			expires_in: 3600,
			token_type: 'bearer',
			scope: null,
			refresh_token: expect.any(String),
		});
		expect(fake.tokenGrants).toBe(1);
		const issued = answer.body.access_token;
		expect(ok(await api('GET', '/me', { token: issued }))).toMatchObject({
			id: fake.primaryUser.id,
			name: 'Dana Whitfield',
			role: 'manager',
		});
		expect(ok(await api('GET', '/me', { token: null, bearer: issued })).id).toBe(
			fake.primaryUser.id,
		);
		// Another employee signs in as themselves; the username is read case-insensitively.
		const samToken = (
			await passwordGrant(fake, { username: sam.username.toUpperCase(), password: sam.password })
		).body.access_token;
		expect(ok(await api('GET', '/me', { token: samToken })).id).toBe(sam.id);
		// JSON bodies and HTTP Basic client authentication are accepted too ([inferred]).
		const json = await call(fake, 'POST', HUMANITY_TOKEN_PATH, {
			token: null,
			headers: {
				Authorization: `Basic ${Buffer.from(`${fake.options.appId}:${fake.options.appSecret}`).toString('base64')}`,
			},
			body: {
				grant_type: 'password',
				username: fake.options.username,
				password: fake.options.password,
			},
		});
		expect(json.body.access_token).toEqual(expect.any(String));
	});

	it('refuses a wrong app, a wrong password, an unknown or missing grant type, missing fields, and GET, in OAuth2 error shape', async () => {
		const cases: [Record<string, string>, number, string][] = [
			[{ client_secret: 'wrong' }, 400, 'invalid_client'],
			[{ client_id: 'other-app' }, 400, 'invalid_client'],
			[{ client_id: '' }, 400, 'invalid_client'],
			[{ password: 'wrong' }, 401, 'invalid_grant'],
			[{ username: 'nobody@example.com' }, 401, 'invalid_grant'],
			[{ grant_type: 'client_credentials' }, 400, 'unsupported_grant_type'],
			[{ grant_type: '' }, 400, 'invalid_request'],
			[{ password: '' }, 400, 'invalid_request'],
		];
		for (const [overrides, status, error] of cases) {
			const answer = await passwordGrant(fake, overrides);
			expect([answer.status, answer.body.error]).toEqual([status, error]);
			expect(answer.body.error_description).toEqual(expect.any(String));
			expect(JSON.stringify(answer.body)).not.toContain(fake.options.appSecret);
		}
		const get = await call(fake, 'GET', HUMANITY_TOKEN_PATH, { token: null });
		expect([get.status, get.body.error]).toEqual([405, 'invalid_request']);
		expect(fake.tokenGrants).toBe(0);
	});

	it('access tokens expire after expires_in (then code 3 under HTTP 200); expireAccessTokens() expires them now; the lifetime is an option', async () => {
		const issued = (await passwordGrant(fake)).body.access_token;
		now = T0 + 3599_000;
		ok(await api('GET', '/me', { token: issued }));
		now = T0 + 3600_000;
		expectCode(await api('GET', '/me', { token: issued }), 3, /expired/);

		now = T0;
		const fresh = (await passwordGrant(fake)).body.access_token;
		ok(await api('GET', '/me', { token: fresh }));
		fake.expireAccessTokens();
		expectCode(await api('GET', '/me', { token: fresh }), 3);
		expectCode(await api('GET', '/me'), 3);

		await withFake({ accessTokenTtlSeconds: 60 }, async (other) => {
			const grant = await passwordGrant(other);
			expect(grant.body.expires_in).toBe(60);
			now = T0 + 60_000;
			expectCode(await call(other, 'GET', '/me', { token: grant.body.access_token }), 3);
		});
	});

	it('grant_type=refresh_token gives a new access token; the refresh token used is revoked (rotateRefreshTokens); revokeRefreshTokens()', async () => {
		const first = (await passwordGrant(fake)).body;
		fake.expireAccessTokens();
		const refresh = (refreshToken: string, target = fake) =>
			call(target, 'POST', HUMANITY_TOKEN_PATH, {
				token: null,
				form: {
					client_id: target.options.appId,
					client_secret: target.options.appSecret,
					grant_type: 'refresh_token',
					refresh_token: refreshToken,
				},
			});
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.body.refresh_token).not.toBe(first.refresh_token);
		ok(await api('GET', '/me', { token: second.body.access_token }));
		const reused = await refresh(first.refresh_token);
		expect([reused.status, reused.body.error]).toEqual([400, 'invalid_grant']);
		fake.revokeRefreshTokens();
		expect((await refresh(second.body.refresh_token)).body.error).toBe('invalid_grant');
		expect((await refresh('')).body.error).toBe('invalid_request');

		await withFake({ rotateRefreshTokens: false, refreshTokenTtlSeconds: 100 }, async (other) => {
			const grant = (await passwordGrant(other)).body;
			const again = await refresh(grant.refresh_token, other);
			expect(again.body.refresh_token).toBe(grant.refresh_token);
			expect((await refresh(grant.refresh_token, other)).status).toBe(200);
			now = T0 + 100_000;
			expect((await refresh(grant.refresh_token, other)).body.error_description).toBe(
				'Refresh token has expired',
			);
		});
	});

	it('no token or an unknown one is code 3; the Bearer header is refused when acceptBearerHeader is off', async () => {
		expectCode(await api('GET', '/shifts', { token: null }), 3, /no access token/);
		expectCode(await api('GET', '/shifts', { token: 'not-a-token' }), 3, /invalid/);
		await withFake({ acceptBearerHeader: false }, async (other, otherToken) => {
			expectCode(await call(other, 'GET', '/me', { token: null, bearer: otherToken }), 3);
			ok(await call(other, 'GET', '/me', { token: otherToken }));
		});
	});
});

describe('envelope', () => {
	it('success is {status: 1, data, metadata: [], token, error: null}; the token is echoed unless envelopeToken is null', async () => {
		const answer = await api('GET', '/positions');
		expect(answer.body).toEqual({
			status: 1,
			data: [
				{
					id: barista.id,
					name: 'Barista',
					color: expect.any(String),
					location: { id: main.id, name: 'Main Street' },
				},
				{
					id: kitchen.id,
					name: 'Kitchen',
					color: expect.any(String),
					location: { id: main.id, name: 'Main Street' },
				},
				{
					id: kioskCrew.id,
					name: 'Kiosk Crew',
					color: expect.any(String),
					location: { id: kiosk.id, name: 'Station Kiosk' },
				},
			],
			metadata: [],
			token,
			error: null,
		});
		expect(ok(await api('GET', '/locations')).map((l: HumanityLocation) => l.name)).toEqual([
			'Main Street',
			'Station Kiosk',
		]);
		const employees = ok(await api('GET', '/employees'));
		expect(employees.map((e: { id: number }) => e.id)).toEqual([
			fake.primaryUser.id,
			sam.id,
			lee.id,
			maria.id,
		]);
		expect(JSON.stringify(employees)).not.toContain('password');
		expect(ok(await api('GET', `/employees/${sam.id}`))).toMatchObject({
			id: sam.id,
			firstname: 'Sam',
			positions: [{ id: barista.id, name: 'Barista' }],
		});
		expectCode(await api('GET', '/employees/999'), 15);
		await withFake({ envelopeToken: 'null' }, async (other, otherToken) => {
			expect((await call(other, 'GET', '/me', { token: otherToken })).body.token).toBeNull();
		});
	});

	it('errors carry the code and the v1 message under HTTP 200; errorHttpStatus by-code maps them; errorBody reshapes them', async () => {
		const answer = await api('GET', '/shifts/abc');
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			status: 9,
			data: null,
			metadata: [],
			token,
			error: `${RESPONSE_CODES[9]}: id must be a whole number`,
		});
		await withFake({ errorHttpStatus: 'by-code' }, async (other, otherToken) => {
			expectCode(await call(other, 'GET', '/me', { token: null }), 3, undefined, 401);
			expectCode(
				await call(other, 'GET', '/shifts/999', { token: otherToken }),
				15,
				undefined,
				404,
			);
			expectCode(
				await call(other, 'PUT', '/shifts/999/tasks', { token: otherToken, body: { tasks: [] } }),
				13,
				undefined,
				400,
			);
			other.throttleNext();
			expectCode(await call(other, 'GET', '/me', { token: otherToken }), 91, undefined, 429);
		});
		await withFake(
			{ errorBody: (code, message) => ({ status: code, error: { code, message } }) },
			async (other) => {
				const reshaped = await call(other, 'GET', '/me', { token: null });
				expect(reshaped.body).toEqual({
					status: 3,
					error: { code: 3, message: expect.stringContaining('Invalid token key') },
				});
			},
		);
	});

	it('an unknown path is code 5, a known path with another method code 4 (before the token is checked)', async () => {
		expectCode(await api('GET', '/nothing', { token: null }), 5);
		expectCode(await api('DELETE', `/shifts/${shift.id}/tasks`, { token: null }), 4);
		expectCode(await api('PUT', `/master-tasks/${openRegister.id}`, { body: { name: 'x' } }), 4);
	});

	it('code 91: throttleNext(n) answers it for the next n matching calls, whatever the token; every attempt is recorded; answerCodeNext(99)', async () => {
		fake.throttleNext(2);
		expectCode(await api('GET', '/me'), 91);
		expectCode(await api('GET', '/me', { token: null }), 91);
		ok(await api('GET', '/me'));
		expect(fake.requests.filter((r) => r.path === `${HUMANITY_API_PREFIX}/me`)).toHaveLength(3);

		fake.throttleNext(1, { method: 'PUT', path: `${HUMANITY_API_PREFIX}/shifts/:shiftId/tasks` });
		ok(await api('GET', `/shifts/${shift.id}/tasks`));
		expectCode(await api('PUT', `/shifts/${shift.id}/tasks`, { body: { tasks: [] } }), 91);
		// The throttled PUT changed nothing; the token endpoint is never throttled.
		fake.throttleNext(5);
		expect((await passwordGrant(fake)).status).toBe(200);
		fake.clearForcedCodes();
		ok(await api('GET', '/me'));

		fake.answerCodeNext(99, 1, { path: /\/shifts/, detail: 'maintenance' });
		ok(await api('GET', '/me'));
		expectCode(await api('GET', '/shifts'), 99, /maintenance/);
	});

	it('code 91 at a configured rate: a fixed window on the fake clock; refused calls do not count; the window resets', async () => {
		await withFake({ throttle: { limit: 3, windowMs: 1000 } }, async (other, otherToken) => {
			const me = () => call(other, 'GET', '/me', { token: otherToken });
			for (let i = 0; i < 3; i++) ok(await me());
			expectCode(await me(), 91);
			now = T0 + 999;
			expectCode(await me(), 91);
			now = T0 + 1000;
			for (let i = 0; i < 3; i++) ok(await me());
			expectCode(await me(), 91);
			other.resetThrottle();
			ok(await me());
		});
	});
});

describe('shifts', () => {
	let lateKiosk: HumanityShift;
	let kitchenTomorrow: HumanityShift;
	let openShift: HumanityShift;
	let nextWeek: HumanityShift;

	beforeEach(() => {
		lateKiosk = fake.addShift({
			start: '2026-03-04 14:00',
			end: '2026-03-04 22:00',
			positionId: kioskCrew.id,
			employeeIds: [lee.id],
		});
		kitchenTomorrow = fake.addShift({
			start: '2026-03-05 06:00',
			end: '2026-03-05 14:00',
			positionId: kitchen.id,
			employeeIds: [maria.id, fake.primaryUser.id],
		});
		openShift = fake.addShift({
			start: '2026-03-06 07:00',
			end: '2026-03-06 15:00',
			positionId: barista.id,
		});
		nextWeek = fake.addShift({
			start: '2026-03-11 07:00',
			end: '2026-03-11 15:00',
			positionId: barista.id,
			employeeIds: [sam.id],
		});
	});

	const ids = (data: { id: number }[]) => data.map((s) => s.id);

	it('GET /shifts defaults to mode employee: the token user’s own shifts, today when no dates are given', async () => {
		expect(
			ids(
				ok(
					await api('GET', '/shifts', {
						query: { start_date: '2026-03-01', end_date: '2026-03-31' },
					}),
				),
			),
		).toEqual([kitchenTomorrow.id]);
		const samToken = fake.issueAccessToken(sam.id);
		expect(
			ids(
				ok(
					await api('GET', '/shifts', {
						token: samToken,
						query: { start_date: '2026-03-01', end_date: '2026-03-31' },
					}),
				),
			),
		).toEqual([shift.id, nextWeek.id]);
		expect(ids(ok(await api('GET', '/shifts', { token: samToken })))).toEqual([shift.id]);
		// mode employee with one employee id filters by that employee; several are refused.
		expect(
			ids(ok(await api('GET', '/shifts', { query: { mode: 'employee', employees: lee.id } }))),
		).toEqual([shift.id, lateKiosk.id]);
		expectCode(
			await api('GET', '/shifts', {
				query: { mode: 'employee', employees: `${sam.id},${lee.id}` },
			}),
			9,
		);
	});

	it('mode overview: shifts whose local start day is in start_date..end_date, both inclusive, by start; overlapping by option', async () => {
		const overview = (query: Record<string, string>, target = fake, tok = token) =>
			call(target, 'GET', '/shifts', { token: tok, query: { mode: 'overview', ...query } });
		expect(ids(ok(await overview({ start_date: '2026-03-04', end_date: '2026-03-05' })))).toEqual([
			shift.id,
			lateKiosk.id,
			kitchenTomorrow.id,
		]);
		expect(ids(ok(await overview({ start_date: '2026-03-05', end_date: '2026-03-11' })))).toEqual([
			kitchenTomorrow.id,
			openShift.id,
			nextWeek.id,
		]);
		expect(ids(ok(await overview({ start_date: 'today' })))).toEqual([shift.id, lateKiosk.id]);
		expect(ids(ok(await overview({})))).toEqual([shift.id, lateKiosk.id]);

		await withFake({ shiftRangeMatch: 'overlaps' }, async (other, otherToken) => {
			const p = other.addPosition({ name: 'Night' });
			const night = other.addShift({
				start: '2026-03-03 22:00',
				end: '2026-03-04 06:00',
				positionId: p.id,
			});
			expect(
				ids(
					ok(
						await overview({ start_date: '2026-03-04', end_date: '2026-03-04' }, other, otherToken),
					),
				),
			).toEqual([night.id]);
		});
	});

	it('filters in their documented modes: schedule (positions), location, employees; open shifts with start_limit/end_limit', async () => {
		const range = { start_date: '2026-03-01', end_date: '2026-03-31' };
		const list = async (query: Record<string, string | number>) =>
			ids(ok(await api('GET', '/shifts', { query: { ...range, ...query } })));
		expect(await list({ mode: 'schedule', schedule: `${barista.id},${kitchen.id}` })).toEqual([
			shift.id,
			kitchenTomorrow.id,
			openShift.id,
			nextWeek.id,
		]);
		expect(await list({ mode: 'location', location: kiosk.id })).toEqual([lateKiosk.id]);
		expect(await list({ mode: 'employees', employees: `${lee.id},${maria.id}` })).toEqual([
			shift.id,
			lateKiosk.id,
			kitchenTomorrow.id,
		]);
		expect(await list({ mode: 'employees', employees: lee.id, location: main.id })).toEqual([
			shift.id,
		]);
		expect(await list({ mode: 'employees', schedule: kioskCrew.id })).toEqual([lateKiosk.id]);
		// schedule does not filter in overview (documented: only confirm, location, schedule, employees).
		expect(await list({ mode: 'overview', schedule: kioskCrew.id })).toHaveLength(5);
		const extraOpen = fake.addShift({
			start: '2026-03-07 07:00',
			end: '2026-03-07 15:00',
			positionId: barista.id,
		});
		expect(await list({ mode: 'open' })).toEqual([openShift.id, extraOpen.id]);
		expect(await list({ mode: 'open', start_limit: 1, end_limit: 1 })).toEqual([extraOpen.id]);
		expectCode(
			await api('GET', '/shifts', { query: { ...range, mode: 'schedule', schedule: 'barista' } }),
			9,
		);
	});

	it('bad dates, reversed ranges, unknown and unmodelled modes are code 9; missing dates can be refused (code 8)', async () => {
		const queries: Record<string, string>[] = [
			{ start_date: '04/03/2026' },
			{ start_date: '2026-03-05', end_date: '2026-03-04' },
			{ mode: 'everything' },
			{ mode: 'onnow' },
		];
		for (const query of queries) {
			expectCode(await api('GET', '/shifts', { query }), 9);
		}
		await withFake({ missingShiftDates: 'reject' }, async (other, otherToken) => {
			expectCode(
				await call(other, 'GET', '/shifts', {
					token: otherToken,
					query: { start_date: '2026-03-04' },
				}),
				8,
			);
		});
	});

	it('GET /shifts/{id} answers one shift (local times, position as schedule, employees); an unknown id is code 15', async () => {
		expect(ok(await api('GET', `/shifts/${shift.id}`))).toEqual({
			id: shift.id,
			title: 'Morning bar',
			notes: '',
			start_timestamp: '2026-03-04 07:00:00',
			end_timestamp: '2026-03-04 15:00:00',
			start_date: expect.objectContaining({
				formatted: '2026-03-04',
				time: '7:00am',
				iso8601: '2026-03-04T07:00:00-05:00',
			}),
			end_date: expect.objectContaining({
				formatted: '2026-03-04',
				time: '3:00pm',
				iso8601: '2026-03-04T15:00:00-05:00',
			}),
			length: { hours: 8, mins: 0, total_hours: 8 },
			schedule: barista.id,
			schedule_name: 'Barista',
			schedule_location_id: main.id,
			location: { id: main.id, name: 'Main Street' },
			employees: [
				{ id: sam.id, name: 'Sam Okafor' },
				{ id: lee.id, name: 'Lee Nguyen' },
			],
			working: 2,
			published: 1,
		});
		expectCode(await api('GET', '/shifts/999'), 15, /Shift 999 not found/);
	});
});

describe('shift tasks', () => {
	let regular: HumanityShiftTask;
	let timed: HumanityShiftTask;
	let third: HumanityShiftTask;

	beforeEach(() => {
		regular = shiftTask({
			taskId: cleanMachine.id,
			name: 'Regular task',
			description: 'Backflush',
		});
		timed = shiftTask({
			taskId: openRegister.id,
			name: 'Open up',
			type: 2,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		third = shiftTask({ taskId: restock.id, name: 'Restock' });
	});

	const put = (tasks: unknown, shiftId: number = shift.id, options: CallOptions = {}) =>
		api('PUT', `/shifts/${shiftId}/tasks`, { body: { tasks }, ...options });
	const listed = async (shiftIds: string | number = shift.id) =>
		ok(await api('GET', `/shifts/${shiftIds}/tasks`));

	it('GET /shifts/{ids}/tasks lists the live tasks of one or several shifts in list order with seed 004’s fields; unknown ids ignored (or code 15)', async () => {
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: barista.id,
		});
		const elsewhere = shiftTask({ taskId: restock.id }, other);
		const data = await listed(shift.id);
		expect(data).toEqual([
			{
				id: regular.id,
				taskId: cleanMachine.id,
				shiftId: shift.id,
				name: 'Regular task',
				description: 'Backflush',
				type: 1,
				options: null,
				createdBy: fake.primaryUser.id,
				createdAt: '2026-03-04T17:00:00+00:00',
				updatedBy: null,
				updatedAt: null,
				deletedBy: null,
				deletedAt: null,
			},
			expect.objectContaining({
				id: timed.id,
				type: 2,
				options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
			}),
			expect.objectContaining({ id: third.id }),
		]);
		expect(regular.id).toMatch(/^[0-9a-hjkmnp-tv-z]{26}$/);
		expect((await listed(`${shift.id},${other.id},999`)).map((t: { id: string }) => t.id)).toEqual([
			regular.id,
			timed.id,
			third.id,
			elsewhere.id,
		]);
		expect(await listed(999)).toEqual([]);
		expectCode(await api('GET', '/shifts/1,x/tasks'), 9);
		await withFake({ unknownShiftInList: 'reject' }, async (target, otherToken) => {
			expectCode(await call(target, 'GET', '/shifts/999/tasks', { token: otherToken }), 15);
		});
	});

	it('PUT does what seed 004’s example does: the entry with id is edited, the one without is created, the answer is the whole list', async () => {
		now = T0 + 60_000;
		const answer = await put([
			{
				id: regular.id,
				taskId: cleanMachine.id,
				name: 'Regular task - edited',
				description: 'Backflush',
				type: 1,
			},
			{
				id: timed.id,
				taskId: openRegister.id,
				name: 'Open up',
				type: 2,
				options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
			},
			{ id: third.id, taskId: restock.id, name: 'Restock', type: 1 },
			{
				taskId: openRegister.id,
				name: 'Time-boxed task',
				type: 2,
				options: { startTime: '2026-03-04T13:00:00+00:00', dueTime: '2026-03-04T13:30:00+00:00' },
			},
		]);
		const data = ok(answer);
		expect(data).toHaveLength(4);
		expect(data[0]).toMatchObject({
			id: regular.id,
			name: 'Regular task - edited',
			updatedBy: fake.primaryUser.id,
			updatedAt: '2026-03-04T17:01:00+00:00',
			deletedAt: null,
		});
		expect(data[1]).toMatchObject({ id: timed.id, updatedAt: null });
		expect(data[3]).toEqual({
			id: expect.stringMatching(/^[0-9a-hjkmnp-tv-z]{26}$/),
			taskId: openRegister.id,
			shiftId: shift.id,
			name: 'Time-boxed task',
			description: '',
			type: 2,
			options: { startTime: '2026-03-04T13:00:00+00:00', dueTime: '2026-03-04T13:30:00+00:00' },
			createdBy: fake.primaryUser.id,
			createdAt: '2026-03-04T17:01:00+00:00',
			updatedBy: null,
			updatedAt: null,
			deletedBy: null,
			deletedAt: null,
		});
		expect(await listed()).toEqual(data);
		// The new task got an employee task for each employee on the shift.
		expect(fake.employeeTasksOf(data[3].id).map((t) => t.employeeId)).toEqual([sam.id, lee.id]);
	});

	it('PUT deletes every live task left out: sending one task "to update it" deletes the others, with their employee tasks', async () => {
		const employeeTask = fake.employeeTasksOf(third.id)[0];
		expect(employeeTask).toBeDefined();
		now = T0 + 5_000;
		const data = ok(
			await put([
				{ id: regular.id, taskId: cleanMachine.id, name: 'Only this one changed', type: 1 },
			]),
		);
		expect(data.map((t: { id: string }) => t.id)).toEqual([regular.id]);
		expect((await listed()).map((t: { id: string }) => t.id)).toEqual([regular.id]);
		// Soft-deleted, as the deletedBy/deletedAt fields suggest; gone from every list.
		for (const gone of [timed, third]) {
			expect(fake.shiftTasks.get(gone.id)).toMatchObject({
				deletedBy: fake.primaryUser.id,
				deletedAt: '2026-03-04T17:00:05+00:00',
			});
		}
		expect(fake.employeeTasks.get(employeeTask.id)!.deletedAt).toBe('2026-03-04T17:00:05+00:00');
		expect(
			ok(await api('GET', `/shifts/${shift.id}/employee-tasks`)).map(
				(t: { shiftTaskId: string }) => t.shiftTaskId,
			),
		).toEqual([regular.id, regular.id]);
		// A deleted id cannot be sent back: it is no longer a task of the shift.
		expectCode(
			await put([{ id: third.id, taskId: restock.id, name: 'Restock', type: 1 }]),
			9,
			/not a task of shift/,
		);
	});

	it('PUT {tasks: []} deletes every task of the shift (or is code 8 with emptyListDeletesAll off); other shifts are untouched', async () => {
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: barista.id,
		});
		shiftTask({ taskId: restock.id }, other);
		expect(ok(await put([]))).toEqual([]);
		expect(await listed()).toEqual([]);
		expect(await listed(other.id)).toHaveLength(1);
		await withFake({ emptyListDeletesAll: false }, async (target, otherToken) => {
			const p = target.addPosition({ name: 'P' });
			const s = target.addShift({
				start: '2026-03-04 07:00',
				end: '2026-03-04 15:00',
				positionId: p.id,
			});
			target.addShiftTask({ shiftId: s.id, taskId: target.addMasterTask({ name: 'M' }).id });
			expectCode(
				await call(target, 'PUT', `/shifts/${s.id}/tasks`, {
					token: otherToken,
					body: { tasks: [] },
				}),
				8,
			);
			expect(target.liveShiftTasks(s.id)).toHaveLength(1);
		});
	});

	it('updatedAt/updatedBy move only when an entry changes something; an omitted description is cleared (kept by option); the order sent is kept', async () => {
		now = T0 + 60_000;
		const unchanged = {
			id: timed.id,
			taskId: openRegister.id,
			name: 'Open up',
			type: 2,
			options: { startTime: '2026-03-04T07:00:00-05:00', dueTime: '2026-03-04T12:15:00Z' },
		};
		const data = ok(
			await put([
				{ id: third.id, taskId: restock.id, name: 'Restock', type: 1 },
				unchanged,
				{ id: regular.id, taskId: cleanMachine.id, name: 'Regular task', type: 1 },
			]),
		);
		expect(data.map((t: { id: string }) => t.id)).toEqual([third.id, timed.id, regular.id]);
		// Times sent with other offsets are the same instants: no change; answered in UTC.
		expect(data[1]).toMatchObject({
			updatedAt: null,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		expect(data[0].updatedAt).toBeNull();
		expect(data[2]).toMatchObject({ description: '', updatedAt: '2026-03-04T17:01:00+00:00' });

		await withFake(
			{ omittedDescriptionOnUpdate: 'keep', stampOnlyChanges: false },
			async (target, otherToken) => {
				const p = target.addPosition({ name: 'P' });
				const s = target.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
				});
				const m = target.addMasterTask({ name: 'M' });
				const t = target.addShiftTask({
					shiftId: s.id,
					taskId: m.id,
					name: 'T',
					description: 'Keep me',
				});
				const answer = ok(
					await call(target, 'PUT', `/shifts/${s.id}/tasks`, {
						token: otherToken,
						body: { tasks: [{ id: t.id, taskId: m.id, name: 'T', type: 1 }] },
					}),
				);
				expect(answer[0]).toMatchObject({
					description: 'Keep me',
					updatedAt: '2026-03-04T17:01:00+00:00',
				});
			},
		);
	});

	it('PUT refuses missing (code 8) and invalid (code 9) input, naming the entry, and changes nothing', async () => {
		const before = await listed();
		const good = { taskId: restock.id, name: 'New', type: 1 };
		const cases: [unknown, number, RegExp][] = [
			[undefined, 8, /tasks is required/],
			['all of them', 9, /tasks must be an array/],
			[[good, { name: 'x', type: 1 }], 8, /tasks\[1\]\.taskId is required/],
			[[{ taskId: restock.id, type: 1 }], 8, /tasks\[0\]\.name is required/],
			[[{ taskId: restock.id, name: 'x' }], 8, /tasks\[0\]\.type is required/],
			[[{ taskId: restock.id, name: 'x', type: 3 }], 9, /type must be 1/],
			[[{ taskId: restock.id, name: 'x', type: '1' }], 9, /type must be 1/],
			[[{ taskId: restock.id, name: '  ', type: 1 }], 9, /name must be a non-empty string/],
			[
				[{ taskId: restock.id, name: 'x', description: 5, type: 1 }],
				9,
				/description must be a string/,
			],
			[[{ taskId: 'not-a-ulid', name: 'x', type: 1 }], 9, /taskId must be a ULID/],
			[[{ taskId: '01ht07sr1e36pw203eyy7nhn0b', name: 'x', type: 1 }], 9, /not a master task/],
			[['task'], 9, /tasks\[0\] must be an object/],
			[[good, { id: 42, ...good }], 9, /tasks\[1\]\.id must be a ULID/],
			[
				[
					{ id: regular.id, ...good },
					{ id: regular.id, ...good },
				],
				9,
				/appears twice/,
			],
		];
		for (const [tasks, code, detail] of cases) {
			const answer =
				tasks === undefined
					? await api('PUT', `/shifts/${shift.id}/tasks`, { body: {} })
					: await put(tasks);
			expectCode(answer, code, detail);
		}
		expectCode(await api('PUT', `/shifts/${shift.id}/tasks`, { body: [good] }), 9, /JSON object/);
		expect(await listed()).toEqual(before);
		expect(fake.shiftTasks.size).toBe(3);
	});

	it('time-boxed tasks need startTime and dueTime (ISO 8601 with an offset), due after start; regular tasks’ options are dropped; options tighten or loosen this', async () => {
		const timedEntry = (options: unknown) => [
			{ taskId: openRegister.id, name: 'T', type: 2, options },
		];
		expectCode(await put(timedEntry(undefined)), 8, /options \(startTime, dueTime\) is required/);
		expectCode(
			await put(timedEntry({ startTime: '2026-03-04T12:00:00+00:00' })),
			8,
			/options\.dueTime is required/,
		);
		expectCode(
			await put(timedEntry({ startTime: 'seven', dueTime: '2026-03-04T12:30:00+00:00' })),
			9,
			/startTime must be an ISO 8601/,
		);
		expectCode(
			await put(timedEntry({ startTime: '2026-03-04T12:00:00', dueTime: '2026-03-04T12:30:00' })),
			9,
			/with an offset/,
		);
		expectCode(
			await put(
				timedEntry({
					startTime: '2026-03-04T12:30:00+00:00',
					dueTime: '2026-03-04T12:30:00+00:00',
				}),
			),
			9,
			/dueTime must be after startTime/,
		);
		expectCode(await put(timedEntry('07:00-07:30')), 9, /options must be an object/);
		// A time-boxed task outside its shift is accepted unless timeBoxWithinShift.
		ok(
			await put(
				timedEntry({
					startTime: '2026-03-05T02:00:00+00:00',
					dueTime: '2026-03-05T02:30:00+00:00',
				}),
			),
		);
		const regularWithOptions = ok(
			await put([
				{
					taskId: restock.id,
					name: 'R',
					type: 1,
					options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:30:00+00:00' },
				},
			]),
		);
		expect(regularWithOptions[0].options).toBeNull();

		await withFake(
			{
				timeBoxWithinShift: true,
				regularTaskOptions: 'reject',
				dateTimeOffset: 'lenient',
				requireOrderedTimes: false,
			},
			async (target, otherToken) => {
				const p = target.addPosition({ name: 'P' });
				const s = target.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
				});
				const m = target.addMasterTask({ name: 'M' });
				const send = (tasks: unknown) =>
					call(target, 'PUT', `/shifts/${s.id}/tasks`, { token: otherToken, body: { tasks } });
				expectCode(
					await send([
						{
							taskId: m.id,
							name: 'T',
							type: 2,
							options: { startTime: '2026-03-04T06:00:00', dueTime: '2026-03-04T07:30:00' },
						},
					]),
					9,
					/within shift/,
				);
				expectCode(
					await send([{ taskId: m.id, name: 'R', type: 1, options: {} }]),
					9,
					/must be null for a regular task/,
				);
				// Without an offset the company's zone is used; a due time before the start passes with requireOrderedTimes off.
				const data = ok(
					await send([
						{
							taskId: m.id,
							name: 'T',
							type: 2,
							options: { startTime: '2026-03-04T08:00:00', dueTime: '2026-03-04T07:30:00' },
						},
					]),
				);
				expect(data[0].options).toEqual({
					startTime: '2026-03-04T13:00:00+00:00',
					dueTime: '2026-03-04T12:30:00+00:00',
				});
			},
		);
	});

	it('bulkFailure partial: the entries before a bad one are applied and nothing is deleted', async () => {
		await withFake({ bulkFailure: 'partial' }, async (target, otherToken) => {
			const p = target.addPosition({ name: 'P' });
			const s = target.addShift({
				start: '2026-03-04 07:00',
				end: '2026-03-04 15:00',
				positionId: p.id,
			});
			const m = target.addMasterTask({ name: 'M' });
			const a = target.addShiftTask({ shiftId: s.id, taskId: m.id, name: 'A' });
			target.addShiftTask({ shiftId: s.id, taskId: m.id, name: 'B' });
			const answer = await call(target, 'PUT', `/shifts/${s.id}/tasks`, {
				token: otherToken,
				body: {
					tasks: [
						{ id: a.id, taskId: m.id, name: 'A2', type: 1 },
						{ taskId: m.id, name: 'C', type: 1 },
						{ taskId: m.id, type: 1 },
					],
				},
			});
			expectCode(answer, 8);
			expect(target.liveShiftTasks(s.id).map((t) => t.name)).toEqual(['A2', 'B', 'C']);
		});
	});

	it('ids and master tasks: an unknown id is code 9 (or created with unknownShiftTaskId create); a deleted master task passes only for a task that already had it', async () => {
		const foreign = '01k6mj6wmesfx9az1s615jdd0y';
		expectCode(
			await put([{ id: foreign, taskId: restock.id, name: 'X', type: 1 }]),
			9,
			/is not a task of shift/,
		);
		// Ids are read case-insensitively (ULIDs).
		ok(
			await put([
				{
					id: regular.id.toUpperCase(),
					taskId: cleanMachine.id.toUpperCase(),
					name: 'Regular task',
					type: 1,
				},
			]),
		);

		const sameShiftTasks = [
			{ id: regular.id, taskId: cleanMachine.id, name: 'Regular task', type: 1 },
		];
		cleanMachine.deletedAt = '2026-03-01T00:00:00+00:00';
		ok(await put(sameShiftTasks));
		expectCode(
			await put([...sameShiftTasks, { taskId: cleanMachine.id, name: 'again', type: 1 }]),
			9,
			/deleted master task/,
		);
		expectCode(
			await put([
				{ id: regular.id, taskId: restock.id, name: 'x', type: 1 },
				{ taskId: cleanMachine.id, name: 'y', type: 1 },
			]),
			9,
			/deleted master task/,
		);

		await withFake(
			{ unknownShiftTaskId: 'create', deletedMasterTaskInPut: 'reject' },
			async (target, otherToken) => {
				const p = target.addPosition({ name: 'P' });
				const s = target.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
				});
				const m = target.addMasterTask({ name: 'M' });
				const t = target.addShiftTask({ shiftId: s.id, taskId: m.id, name: 'T' });
				const send = (tasks: unknown) =>
					call(target, 'PUT', `/shifts/${s.id}/tasks`, { token: otherToken, body: { tasks } });
				const data = ok(await send([{ id: foreign, taskId: m.id, name: 'N', type: 1 }]));
				expect(data).toEqual([expect.objectContaining({ name: 'N' })]);
				expect(data[0].id).not.toBe(foreign);
				m.deletedAt = '2026-03-01T00:00:00+00:00';
				expectCode(
					await send([{ id: data[0].id, taskId: m.id, name: 'N', type: 1 }]),
					9,
					/deleted master task/,
				);
				expect(t.deletedAt).not.toBeNull();
			},
		);
	});

	it('PUT on an unknown shift is code 13; an Employee without edit rights gets code 20 and changes nothing', async () => {
		expectCode(await put([], 999), 13, /Shift 999 not found/);
		expectCode(await put([], Number.NaN), 9);
		const samToken = fake.issueAccessToken(sam.id);
		expectCode(await put([], shift.id, { token: samToken }), 20);
		expect(fake.liveShiftTasks(shift.id)).toHaveLength(3);
		// A supervisor has edit rights (shiftEditRoles), and reads are open to every role.
		const tom = fake.addEmployee({ firstname: 'Tom', lastname: 'Becker', role: 'supervisor' });
		ok(await put([], shift.id, { token: fake.issueAccessToken(tom.id) }));
		expect(ok(await api('GET', `/shifts/${shift.id}/tasks`, { token: samToken }))).toEqual([]);
	});

	it('request counts: shiftTaskCalls(shift) counts reads and writes of one shift’s tasks; requestCounts() by route', async () => {
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: barista.id,
		});
		const current = await listed();
		ok(
			await put(
				current.map((t: Record<string, unknown>) => ({
					id: t.id,
					taskId: t.taskId,
					name: t.name,
					description: t.description,
					type: t.type,
					options: t.options,
				})),
			),
		);
		await listed(`${other.id},${shift.id}`);
		await listed(other.id);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 2, writes: 1 });
		expect(fake.shiftTaskCalls(other.id)).toEqual({ reads: 2, writes: 0 });
		await passwordGrant(fake);
		await api('GET', '/nope');
		expect(fake.requestCounts()).toEqual({
			'GET /api/v2/shifts/:shiftIds/tasks': 3,
			'PUT /api/v2/shifts/:shiftId/tasks': 1,
			'POST /oauth2/token.php': 1,
			UNKNOWN: 1,
		});
		expect(fake.requestsTo('PUT /api/v2/shifts/:shiftId/tasks')[0].body).toEqual({
			tasks: expect.any(Array),
		});
		// The read-modify-write kept every task unchanged.
		expect(fake.liveShiftTasks(shift.id).every((t) => t.updatedAt === null)).toBe(true);
	});
});

describe('master tasks', () => {
	it('POST creates (name and positionIds required; positions must exist); PATCH changes only what is sent; DELETE soft-deletes', async () => {
		now = T0 + 1000;
		const created = ok(
			await api('POST', '/master-tasks', {
				body: {
					name: 'Mop the floor',
					positionIds: [barista.id, kitchen.id],
					description: 'Back room too',
					color: '#123ABC',
				},
			}),
		);
		expect(created).toEqual({
			id: expect.stringMatching(/^[0-9a-hjkmnp-tv-z]{26}$/),
			name: 'Mop the floor',
			description: 'Back room too',
			color: '#123ABC',
			favorite: false,
			positionIds: [barista.id, kitchen.id],
			createdBy: fake.primaryUser.id,
			createdAt: '2026-03-04T17:00:01+00:00',
			updatedBy: null,
			updatedAt: null,
			deletedBy: null,
			deletedAt: null,
		});
		expectCode(
			await api('POST', '/master-tasks', { body: { positionIds: [barista.id] } }),
			8,
			/name is required/,
		);
		expectCode(
			await api('POST', '/master-tasks', { body: { name: 'x' } }),
			8,
			/positionIds is required/,
		);
		expectCode(
			await api('POST', '/master-tasks', { body: { name: 'x', positionIds: [999] } }),
			9,
			/position 999 not found/,
		);
		expectCode(await api('POST', '/master-tasks', { body: { name: 'x', positionIds: [] } }), 9);
		expectCode(
			await api('POST', '/master-tasks', {
				body: { name: 'x', positionIds: [barista.id], color: 'red' },
			}),
			9,
			/color/,
		);

		now = T0 + 2000;
		const patched = ok(
			await api('PATCH', `/master-tasks/${created.id}`, {
				body: { favorite: true, name: 'Mop floors' },
			}),
		);
		expect(patched).toMatchObject({
			name: 'Mop floors',
			description: 'Back room too',
			favorite: true,
			positionIds: [barista.id, kitchen.id],
			updatedAt: '2026-03-04T17:00:02+00:00',
		});
		expectCode(
			await api('PATCH', `/master-tasks/${created.id}`, { body: { favorite: 'maybe' } }),
			9,
		);
		expectCode(
			await api('PATCH', '/master-tasks/01k6mj6wmesfx9az1s615jdd0y', { body: { name: 'x' } }),
			13,
		);

		const deleted = ok(await api('DELETE', `/master-tasks/${created.id}`));
		expect(deleted).toMatchObject({
			id: created.id,
			deletedBy: fake.primaryUser.id,
			deletedAt: '2026-03-04T17:00:02+00:00',
		});
		expectCode(await api('DELETE', `/master-tasks/${created.id}`), 14);
		expectCode(await api('PATCH', `/master-tasks/${created.id}`, { body: { name: 'x' } }), 13);
		expect(fake.masterTasks.has(created.id)).toBe(true);
		await withFake({ masterTaskDeleteAnswer: 'empty' }, async (other, otherToken) => {
			const m = other.addMasterTask({ name: 'M' });
			expect(
				ok(await call(other, 'DELETE', `/master-tasks/${m.id}`, { token: otherToken })),
			).toEqual([]);
		});
	});

	it('search: searchTerm (3+ chars) in name or description, case-insensitive; positionIds[] (any of them); includeDeleted', async () => {
		const grill = fake.addMasterTask({ name: 'Deep clean the grill', positionIds: [kitchen.id] });
		const old = fake.addMasterTask({
			name: 'Old menu clean-up',
			positionIds: [barista.id],
			deletedAt: '2026-03-01T00:00:00+00:00',
			deletedBy: 1,
		});
		const names = async (query: CallOptions['query']) =>
			ok(await api('GET', '/master-tasks', { query })).map((t: { name: string }) => t.name);
		expect(await names({})).toEqual([
			'Open the register',
			'Clean the espresso machine',
			'Restock pastries',
			'Deep clean the grill',
		]);
		expect(await names({ searchTerm: 'CLEAN' })).toEqual([
			'Clean the espresso machine',
			grill.name,
		]);
		expect(await names({ searchTerm: 'float' })).toEqual(['Open the register']);
		expect(await names({ searchTerm: 'clean', includeDeleted: 'true' })).toEqual([
			'Clean the espresso machine',
			grill.name,
			old.name,
		]);
		expect(await names({ 'positionIds[]': [String(kitchen.id), String(kioskCrew.id)] })).toEqual([
			'Restock pastries',
			grill.name,
		]);
		expect(await names({ positionIds: `${kitchen.id}` })).toEqual([grill.name]);
		expectCode(
			await api('GET', '/master-tasks', { query: { searchTerm: 'cl' } }),
			9,
			/at least 3 characters/,
		);
		expectCode(await api('GET', '/master-tasks', { query: { includeDeleted: 'yes' } }), 9);
		expectCode(await api('GET', '/master-tasks', { query: { 'positionIds[]': 'barista' } }), 9);
		await withFake({ shortSearchTerm: 'ignore' }, async (other, otherToken) => {
			other.addMasterTask({ name: 'A' });
			expect(
				ok(
					await call(other, 'GET', '/master-tasks', {
						token: otherToken,
						query: { searchTerm: 'zz' },
					}),
				),
			).toHaveLength(1);
		});
	});

	it('cursor paging: limit 30 by default, the next cursor in metadata.cursor, null on the last page; a larger limit is clamped (or code 9); a bad cursor is code 9', async () => {
		for (let i = 0; i < 62; i++)
			fake.addMasterTask({ name: `Task ${String(i).padStart(2, '0')}`, positionIds: [kitchen.id] });
		const seen: string[] = [];
		let cursor: string | null | undefined;
		const pages: number[] = [];
		do {
			const answer = await api('GET', '/master-tasks', { query: cursor ? { cursor } : {} });
			const data = ok(answer);
			pages.push(data.length);
			seen.push(...data.map((t: { id: string }) => t.id));
			expect(Object.keys(answer.body.metadata)).toEqual(['cursor']);
			cursor = answer.body.metadata.cursor;
		} while (cursor);
		expect(pages).toEqual([30, 30, 5]);
		expect(seen).toEqual([...fake.masterTasks.keys()]);
		expect(new Set(seen).size).toBe(65);

		// The cursor goes with the same filters; a task deleted between pages does not break it.
		const first = await api('GET', '/master-tasks', {
			query: { limit: 10, 'positionIds[]': String(kitchen.id) },
		});
		expect(ok(first)).toHaveLength(10);
		fake.masterTasks.get(ok(first)[9].id)!.deletedAt = '2026-03-04T17:00:00+00:00';
		const second = ok(
			await api('GET', '/master-tasks', {
				query: {
					limit: 10,
					'positionIds[]': String(kitchen.id),
					cursor: first.body.metadata.cursor,
				},
			}),
		);
		expect(second[0].name).toBe('Task 10');

		expect(ok(await api('GET', '/master-tasks', { query: { limit: 100 } }))).toHaveLength(64);
		expectCode(await api('GET', '/master-tasks', { query: { limit: 0 } }), 9);
		expectCode(
			await api('GET', '/master-tasks', { query: { cursor: 'garbage' } }),
			9,
			/cursor is invalid/,
		);
		await withFake({ masterTaskMaxLimit: 2 }, async (other, otherToken) => {
			for (const name of ['a', 'b', 'c']) other.addMasterTask({ name });
			const clamped = await call(other, 'GET', '/master-tasks', {
				token: otherToken,
				query: { limit: 3 },
			});
			expect(ok(clamped)).toHaveLength(2);
			expect(clamped.body.metadata.cursor).toEqual(expect.any(String));
		});
		await withFake(
			{ limitAboveMax: 'reject', masterTaskMaxLimit: 50 },
			async (other, otherToken) => {
				expectCode(
					await call(other, 'GET', '/master-tasks', { token: otherToken, query: { limit: 51 } }),
					9,
				);
			},
		);
	});

	it('by option: order by name, another cursor key, and `metadata: []` on the last page', async () => {
		await withFake(
			{ masterTaskOrder: 'name', cursorKey: 'nextCursor', lastPageMetadata: 'empty-array' },
			async (other, otherToken) => {
				for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'])
					other.addMasterTask({ name });
				const first = await call(other, 'GET', '/master-tasks', {
					token: otherToken,
					query: { limit: 3 },
				});
				expect(ok(first).map((t: { name: string }) => t.name)).toEqual([
					'Alpha',
					'Bravo',
					'charlie',
				]);
				const second = await call(other, 'GET', '/master-tasks', {
					token: otherToken,
					query: { limit: 3, cursor: first.body.metadata.nextCursor },
				});
				expect(ok(second).map((t: { name: string }) => t.name)).toEqual(['delta', 'echo']);
				expect(second.body.metadata).toEqual([]);
			},
		);
	});

	it('only admins and managers change master tasks (code 20); every role reads them', async () => {
		const samToken = fake.issueAccessToken(sam.id);
		expectCode(
			await api('POST', '/master-tasks', {
				token: samToken,
				body: { name: 'x', positionIds: [barista.id] },
			}),
			20,
		);
		expectCode(
			await api('PATCH', `/master-tasks/${restock.id}`, { token: samToken, body: { name: 'x' } }),
			20,
		);
		expectCode(await api('DELETE', `/master-tasks/${restock.id}`, { token: samToken }), 20);
		expect(ok(await api('GET', '/master-tasks', { token: samToken }))).toHaveLength(3);
	});
});

describe('employee tasks', () => {
	let regular: HumanityShiftTask;
	let timed: HumanityShiftTask;
	let samToken: string;

	beforeEach(() => {
		regular = shiftTask({ taskId: cleanMachine.id, name: 'Clean' });
		timed = shiftTask({
			taskId: openRegister.id,
			name: 'Open',
			type: 2,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		samToken = fake.issueAccessToken(sam.id);
	});

	const samsTask = (shiftTaskId: string) =>
		fake.employeeTasksOf(shiftTaskId).find((t) => t.employeeId === sam.id)!;
	const leesTask = (shiftTaskId: string) =>
		fake.employeeTasksOf(shiftTaskId).find((t) => t.employeeId === lee.id)!;
	const post = (id: string, status: unknown, tok = samToken) =>
		api('POST', `/employee-tasks/${id}/activity`, { token: tok, body: { status } });

	it('GET /shifts/{ids}/employee-tasks lists one per employee per shift task, with the sheet’s fields and a not-started activity', async () => {
		const data = ok(await api('GET', `/shifts/${shift.id}/employee-tasks`));
		expect(data).toHaveLength(4);
		expect(data[0]).toEqual({
			id: samsTask(regular.id).id,
			employeeId: sam.id,
			taskId: cleanMachine.id,
			shiftId: shift.id,
			shiftTaskId: regular.id,
			type: 1,
			options: null,
			activity: { startedAt: null, endedAt: null, startedBy: null, endedBy: null, status: 0 },
		});
		expect(data[3]).toMatchObject({
			employeeId: lee.id,
			shiftTaskId: timed.id,
			type: 2,
			options: { startTime: '2026-03-04T12:00:00+00:00', dueTime: '2026-03-04T12:15:00+00:00' },
		});
		const other = fake.addShift({
			start: '2026-03-05 07:00',
			end: '2026-03-05 15:00',
			positionId: kitchen.id,
			employeeIds: [maria.id],
		});
		shiftTask({ taskId: restock.id }, other);
		expect(ok(await api('GET', `/shifts/${shift.id},${other.id}/employee-tasks`))).toHaveLength(5);
		await withFake(
			{ employeeTasks: 'manual', employeesSeeOnlyOwnTasks: true },
			async (target, otherToken) => {
				const p = target.addPosition({ name: 'P' });
				const a = target.addEmployee({ firstname: 'A', lastname: 'A' });
				const b = target.addEmployee({ firstname: 'B', lastname: 'B' });
				const s = target.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
					employeeIds: [a.id, b.id],
				});
				const t = target.addShiftTask({
					shiftId: s.id,
					taskId: target.addMasterTask({ name: 'M' }).id,
				});
				expect(target.employeeTasksOf(t.id)).toEqual([]);
				target.addEmployeeTask({ shiftTaskId: t.id, employeeId: a.id });
				target.addEmployeeTask({ shiftTaskId: t.id, employeeId: b.id });
				expect(
					ok(await call(target, 'GET', `/shifts/${s.id}/employee-tasks`, { token: otherToken })),
				).toHaveLength(2);
				const own = ok(
					await call(target, 'GET', `/shifts/${s.id}/employee-tasks`, {
						token: target.issueAccessToken(a.id),
					}),
				);
				expect(own.map((x: { employeeId: number }) => x.employeeId)).toEqual([a.id]);
			},
		);
	});

	it('POST activity {status: 1} starts now, {status: 2} finishes now; employees act on their own tasks, editors on anyone’s', async () => {
		const mine = samsTask(timed.id);
		now = T0 + 60_000;
		expect(ok(await post(mine.id, 1))).toEqual({
			activity: {
				startedAt: '2026-03-04T17:01:00+00:00',
				endedAt: null,
				startedBy: sam.id,
				endedBy: null,
				status: 1,
			},
		});
		now = T0 + 600_000;
		expect(ok(await post(mine.id, 2))).toEqual({
			activity: {
				startedAt: '2026-03-04T17:01:00+00:00',
				endedAt: '2026-03-04T17:10:00+00:00',
				startedBy: sam.id,
				endedBy: sam.id,
				status: 2,
			},
		});
		const listed = ok(await api('GET', `/shifts/${shift.id}/employee-tasks`)).find(
			(t: { id: string }) => t.id === mine.id,
		);
		expect(listed.activity.status).toBe(2);

		expectCode(await post(leesTask(timed.id).id, 1), 20);
		// The manager (edit rights) starts Lee's task for them.
		expect(ok(await post(leesTask(timed.id).id, 1, token)).activity).toMatchObject({
			status: 1,
			startedBy: fake.primaryUser.id,
		});
		expectCode(await post(mine.id, undefined), 8, /status is required/);
		expectCode(await post(samsTask(regular.id).id, 3), 9);
		expectCode(await post('01k6mj6wmesfx9az1s615jdd0y', 1), 13);
		expectCode(await post('nope', 1), 9);
	});

	it('finishing a task never started starts and finishes it (or code 9); starting twice or finishing twice is code 9 (restart allowed by option)', async () => {
		expect(ok(await post(samsTask(regular.id).id, 2)).activity).toMatchObject({
			startedAt: '2026-03-04T17:00:00+00:00',
			endedAt: '2026-03-04T17:00:00+00:00',
			status: 2,
		});
		expectCode(await post(samsTask(regular.id).id, 2), 9, /already finished/);
		expectCode(await post(samsTask(regular.id).id, 1), 9, /already finished/);
		ok(await post(samsTask(timed.id).id, 1));
		expectCode(await post(samsTask(timed.id).id, 1), 9, /already started/);
		await withFake(
			{ finishUnstarted: 'reject', restartStarted: 'allow' },
			async (target, otherToken) => {
				const p = target.addPosition({ name: 'P' });
				const s = target.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
					employeeIds: [target.primaryUser.id],
				});
				const t = target.addShiftTask({
					shiftId: s.id,
					taskId: target.addMasterTask({ name: 'M' }).id,
				});
				const id = target.employeeTasksOf(t.id)[0].id;
				const send = (status: number) =>
					call(target, 'POST', `/employee-tasks/${id}/activity`, {
						token: otherToken,
						body: { status },
					});
				expectCode(await send(2), 9, /has not been started/);
				ok(await send(1));
				now = T0 + 1000;
				expect(ok(await send(1)).activity).toMatchObject({
					startedAt: '2026-03-04T17:00:01+00:00',
					status: 1,
				});
			},
		);
	});

	it('PUT activity sets both times and completes the task; both are required (8), ordered (9), and it needs edit rights (20)', async () => {
		const task = leesTask(regular.id);
		const put = (body: unknown, tok = token) =>
			api('PUT', `/employee-tasks/${task.id}/activity`, { token: tok, body });
		expect(
			ok(
				await put({ startedAt: '2026-03-04T07:30:00-05:00', endedAt: '2026-03-04T13:00:00+00:00' }),
			),
		).toEqual({
			activity: {
				startedAt: '2026-03-04T12:30:00+00:00',
				endedAt: '2026-03-04T13:00:00+00:00',
				startedBy: fake.primaryUser.id,
				endedBy: fake.primaryUser.id,
				status: 2,
			},
		});
		expect(fake.employeeTasks.get(task.id)!.activity.status).toBe(2);
		expectCode(await put({ startedAt: '2026-03-04T12:30:00+00:00' }), 8, /endedAt is required/);
		expectCode(
			await put({ startedAt: '2026-03-04T13:30:00+00:00', endedAt: '2026-03-04T13:00:00+00:00' }),
			9,
			/must not be before/,
		);
		expectCode(await put({ startedAt: 'later', endedAt: '2026-03-04T13:00:00+00:00' }), 9);
		// Lee cannot edit times, not even of his own task (documented: edit permissions over the shift).
		expectCode(
			await put(
				{ startedAt: '2026-03-04T12:30:00+00:00', endedAt: '2026-03-04T13:00:00+00:00' },
				fake.issueAccessToken(lee.id),
			),
			20,
		);
	});

	it('ownTaskWindow shift: an employee starts or finishes their own task only during the shift', async () => {
		await withFake({ ownTaskWindow: 'shift' }, async (target) => {
			const p = target.addPosition({ name: 'P' });
			const e = target.addEmployee({ firstname: 'E', lastname: 'E' });
			const s = target.addShift({
				start: '2026-03-04 13:00',
				end: '2026-03-04 15:00',
				positionId: p.id,
				employeeIds: [e.id],
			});
			const t = target.addShiftTask({
				shiftId: s.id,
				taskId: target.addMasterTask({ name: 'M' }).id,
			});
			const id = target.employeeTasksOf(t.id)[0].id;
			const eToken = target.issueAccessToken(e.id, T0 + 10 * 3600_000);
			const send = () =>
				call(target, 'POST', `/employee-tasks/${id}/activity`, {
					token: eToken,
					body: { status: 1 },
				});
			expectCode(await send(), 20, /during the shift/);
			now = Date.parse('2026-03-04T18:30:00Z'); // 13:30 in New York
			ok(await send());
		});
	});
});

describe('state helpers', () => {
	it('credentialData() is what a credential holds; a password grant with it works as is', async () => {
		const credentials = fake.credentialData();
		expect(credentials).toEqual({
			baseUrl: fake.url,
			tokenUrl: `${fake.url}/oauth2/token.php`,
			appId: 'humanity-app-id',
			appSecret: 'humanity-app-secret',
			username: 'dana.whitfield@example.com',
			password: 'humanity-password',
		});
		const grant = await fetch(credentials.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: credentials.appId,
				client_secret: credentials.appSecret,
				grant_type: 'password',
				username: credentials.username,
				password: credentials.password,
			}),
		});
		const { access_token } = (await grant.json()) as { access_token: string };
		const me = await fetch(`${credentials.baseUrl}/api/v2/me?access_token=${access_token}`);
		expect(((await me.json()) as { status: number }).status).toBe(1);
	});

	it('reset() keeps only the primary user; seedSandbox() builds a small café around today', async () => {
		fake.reset();
		expect([
			fake.employees.size,
			fake.shifts.size,
			fake.masterTasks.size,
			fake.shiftTasks.size,
			fake.requests.length,
		]).toEqual([1, 0, 0, 0, 0]);
		fake.seedSandbox();
		token = fake.issueAccessToken();
		// The café, then the vet clinic's pharmacy: a location, a position, an employee, 7 shifts, a master task.
		expect(fake.locations.size).toBe(3);
		expect(fake.positions.size).toBe(4);
		expect(fake.employees.size).toBe(6);
		expect(fake.shifts.size).toBe(28);
		const week = ok(
			await api('GET', '/shifts', {
				query: { mode: 'overview', start_date: '2026-03-01', end_date: '2026-03-07' },
			}),
		);
		expect(week).toHaveLength(28);
		expect(
			week.filter((shift: { schedule_name: string }) => shift.schedule_name === 'Pharmacy'),
		).toHaveLength(7);
		expect(
			ok(
				await api('GET', '/shifts', {
					query: { mode: 'open', start_date: '2026-03-01', end_date: '2026-03-07' },
				}),
			),
		).toHaveLength(1);
		const masters = ok(await api('GET', '/master-tasks'));
		expect(masters).toHaveLength(7);
		expect(ok(await api('GET', '/master-tasks', { query: { includeDeleted: 1 } }))).toHaveLength(8);
		const tasks = [...fake.shiftTasks.values()];
		expect(new Set(tasks.map((t) => t.type))).toEqual(new Set([1, 2]));
		const employeeTasks = ok(
			await api('GET', `/shifts/${week.map((s: { id: number }) => s.id).join(',')}/employee-tasks`),
		);
		const done = employeeTasks.filter(
			(t: { activity: { status: number } }) => t.activity.status === 2,
		);
		expect(done.length).toBeGreaterThan(0);
		expect(done.length).toBeLessThan(employeeTasks.length);
		// The seeded employees can sign in.
		const sam = [...fake.employees.values()].find((e) => e.firstname === 'Sam')!;
		expect(
			(await passwordGrant(fake, { username: sam.username, password: 'sam-password' })).status,
		).toBe(200);
	});

	it('the kit’s faults still apply before the fake (a dropped connection, a raw status) and are recorded', async () => {
		fake.server.fault({
			fault: { drop: true },
			path: `${HUMANITY_API_PREFIX}/shifts/:shiftId/tasks`,
			method: 'PUT',
		});
		await expect(
			api('PUT', `/shifts/${shift.id}/tasks`, { body: { tasks: [] } }),
		).rejects.toThrow();
		fake.server.fault({ fault: { status: 502, body: 'Bad Gateway' } });
		const answer = await api('GET', '/me');
		expect([answer.status, answer.body]).toEqual([502, 'Bad Gateway']);
		expect(fake.requests).toHaveLength(2);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 0, writes: 1 });
	});
});
