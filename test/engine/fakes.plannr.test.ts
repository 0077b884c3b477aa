/**
 * The fake Plannr, driven over real HTTP with node's fetch: if it drifts from the documents
 * (shared/vendors/plannr.md, seed 002), every node test built on it would pass for the wrong reason.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	PlannrFake,
	plannrSignature,
	type PlannrFakeOptions,
	type PlannrStatus,
	type PlannrTaskRecord,
} from '../fakes/plannr';
import { serveFake } from './serveFake';

/** 12:00:00 in London (GMT, +00:00). */
const T0 = Date.parse('2026-03-01T12:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
const fake = new PlannrFake({ clock, rateLimitPerMinute: null });
serveFake(fake);

interface Answer {
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

async function call(
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

const api = (method: string, path: string, options?: CallOptions) =>
	call(fake, method, path, options);

/** A second fake with other options, stopped afterwards. */
async function withFake(
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

/** A local HTTP server standing in for a webhook receiver. */
interface Receiver {
	url: string;
	received: { headers: http.IncomingHttpHeaders; body: string }[];
	status: number;
	/** Each request is answered this long after it arrives. */
	delayMs: number;
	close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
	const receiver: Receiver = {
		url: '',
		received: [],
		status: 200,
		delayMs: 0,
		close: async () => undefined,
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			receiver.received.push({
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			setTimeout(
				() => res.writeHead(receiver.status, { 'content-type': 'text/plain' }).end('ok'),
				receiver.delayMs,
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	receiver.close = () =>
		new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return receiver;
}

let todo: PlannrStatus;
let doing: PlannrStatus;
let done: PlannrStatus;
let client: string;
let james: { account: string; token: string };

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

const task = (partial: Partial<PlannrTaskRecord> & { name: string }) =>
	fake.addTask({
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: client,
		...partial,
	});

describe('auth', () => {
	it('answers 401 {"message":"Unauthenticated."} without a valid bearer token', async () => {
		expect((await api('GET', '/api/v1/task-status')).status).toBe(200);
		fake.issuePersonalAccessToken(fake.primaryUser.uuid, 'expired-token', T0 - 1);
		for (const headers of [
			{} as Record<string, string>,
			{ Authorization: 'Bearer nope' },
			{ Authorization: `Basic ${fake.options.personalAccessToken}` },
			{ Authorization: 'Bearer expired-token' },
		]) {
			const answer = await api('GET', '/api/v1/task-status', { token: null, headers });
			expect([answer.status, answer.body]).toEqual([401, { message: 'Unauthenticated.' }]);
		}
		// The scheme name is case-insensitive; a revoked token stops working.
		expect(
			(
				await api('GET', '/api/v1/task-status', {
					token: null,
					headers: { Authorization: `bearer ${fake.options.personalAccessToken}` },
				})
			).status,
		).toBe(200);
		fake.revokeToken(fake.options.personalAccessToken);
		expect((await api('GET', '/api/v1/task-status')).status).toBe(401);
	});

	it('X-PLANNR-ACCOUNT-UUID must name one of the token user’s accounts: 403, or 401 by option', async () => {
		for (const account of [null, 'not-an-account', james.account]) {
			const answer = await api('GET', '/api/v1/task', { account });
			expect(answer.status).toBe(403);
			expect(answer.body).toEqual({ message: expect.any(String) });
		}
		// James's token acts for James's account, not the primary one.
		expect(
			(await api('GET', '/api/v1/task', { token: james.token, account: james.account })).status,
		).toBe(200);
		expect((await api('GET', '/api/v1/task', { token: james.token })).status).toBe(403);
		await withFake({ accountHeaderFailureStatus: 401 }, async (other) => {
			const answer = await call(other, 'GET', '/api/v1/task', { account: null });
			expect([answer.status, answer.body]).toEqual([401, { message: 'Unauthenticated.' }]);
		});
	});

	it('GET /api/v1/logins needs no account header and lists the logins with preferred_account_uuid', async () => {
		const answer = await api('GET', '/api/v1/logins', { account: null });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			data: [
				expect.objectContaining({
					uuid: expect.any(String),
					primary: true,
					email: 'sarah.mitchell@example.com',
					account: expect.objectContaining({
						uuid: fake.options.accountUuid,
						type: 'employee',
						role: 'owner',
						first_name: 'Sarah',
						last_name: 'Mitchell',
					}),
					firm: expect.objectContaining({ uuid: fake.firm.uuid, name: fake.firm.name }),
				}),
			],
			preferred_account_uuid: fake.options.accountUuid,
		});
		// A user with an admin and a client account: two logins, either works as the header.
		const clientAccount = fake.addClient({ first_name: 'Dual', last_name: 'Role' });
		const dual = fake.addAccount({ first_name: 'Dual', last_name: 'Role', role: 'admin' });
		fake.addUser({ email: 'dual@example.com' }, [dual.uuid, clientAccount.uuid], 'dual-token');
		const logins = await api('GET', '/api/v1/logins', { token: 'dual-token', account: null });
		expect(
			logins.body.data.map((login: { account: { uuid: string } }) => login.account.uuid),
		).toEqual([dual.uuid, clientAccount.uuid]);
		expect(logins.body.preferred_account_uuid).toBe(dual.uuid);
		expect(
			(await api('GET', '/api/v1/task', { token: 'dual-token', account: clientAccount.uuid }))
				.status,
		).toBe(200);

		await withFake({ preferredAccountPlacement: 'each-login' }, async (other) => {
			const body = (await call(other, 'GET', '/api/v1/logins')).body;
			expect(body.preferred_account_uuid).toBeUndefined();
			expect(body.data[0].preferred_account_uuid).toBe(other.options.accountUuid);
		});
	});

	it('an unknown route is a 404 in Laravel’s words, before auth', async () => {
		const answer = await api('GET', '/api/v1/nothing', { token: null });
		expect([answer.status, answer.body]).toEqual([
			404,
			{ message: 'The route api/v1/nothing could not be found.' },
		]);
	});
});

describe('OAuth2 authorization code', () => {
	const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

	async function authorize(
		target: PlannrFake,
		query: Record<string, string> = {},
	): Promise<Answer> {
		return await call(target, 'GET', target.options.oauthAuthorizePath, {
			token: null,
			account: null,
			redirect: 'manual',
			query: {
				client_id: target.options.oauthClientId,
				redirect_uri: redirectUri,
				response_type: 'code',
				state: 'xyz',
				...query,
			},
		});
	}

	async function codeFrom(target: PlannrFake): Promise<string> {
		const answer = await authorize(target);
		expect(answer.status).toBe(302);
		const location = new URL(answer.headers.get('location')!);
		expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
		expect(location.searchParams.get('state')).toBe('xyz');
		return location.searchParams.get('code')!;
	}

	const tokenCall = (form: Record<string, string>, headers?: Record<string, string>) =>
		api('POST', fake.options.oauthTokenPath, { token: null, account: null, form, headers });

	it('authorize redirects with a code; the code (form body) gives tokens that act for the user; refresh rotates them', async () => {
		const code = await codeFrom(fake);
		const exchanged = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect(exchanged.status).toBe(200);
		expect(exchanged.body).toEqual({
			token_type: 'Bearer',
			expires_in: 3600,
			access_token: expect.any(String),
			refresh_token: expect.any(String),
		});
		const { access_token: access, refresh_token: refresh } = exchanged.body;
		expect((await api('GET', '/api/v1/task-status', { token: access })).status).toBe(200);

		// A code is used once.
		const again = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([again.status, again.body.error]).toEqual([400, 'invalid_grant']);

		// Refresh with a JSON body and the client in a Basic header.
		const basic = Buffer.from(
			`${fake.options.oauthClientId}:${fake.options.oauthClientSecret}`,
		).toString('base64');
		const refreshed = await api('POST', fake.options.oauthTokenPath, {
			token: null,
			account: null,
			body: { grant_type: 'refresh_token', refresh_token: refresh },
			headers: { Authorization: `Basic ${basic}` },
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(access);
		expect(
			(await api('GET', '/api/v1/task-status', { token: refreshed.body.access_token })).status,
		).toBe(200);
		// The old pair is revoked.
		expect((await api('GET', '/api/v1/task-status', { token: access })).status).toBe(401);
		const stale = await tokenCall({
			grant_type: 'refresh_token',
			refresh_token: refresh,
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([stale.status, stale.body.error]).toEqual([400, 'invalid_grant']);

		// Access tokens expire on the fake's clock.
		now = T0 + 3_600_000;
		expect(
			(await api('GET', '/api/v1/task-status', { token: refreshed.body.access_token })).status,
		).toBe(401);
	});

	it('refuses a wrong client, an unknown grant, a mismatched redirect and a wrong response type', async () => {
		const code = await codeFrom(fake);
		const wrongSecret = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: fake.options.oauthClientId,
			client_secret: 'nope',
		});
		expect([wrongSecret.status, wrongSecret.body.error]).toEqual([401, 'invalid_client']);
		const password = await tokenCall({
			grant_type: 'password',
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([password.status, password.body.error]).toEqual([400, 'unsupported_grant_type']);
		const otherRedirect = await tokenCall({
			grant_type: 'authorization_code',
			code,
			redirect_uri: 'http://elsewhere/cb',
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect([otherRedirect.status, otherRedirect.body.error]).toEqual([400, 'invalid_grant']);

		expect((await authorize(fake, { client_id: 'unknown' })).status).toBe(401);
		expect((await authorize(fake, { response_type: 'token' })).body.error).toBe(
			'unsupported_response_type',
		);
		await withFake(
			{ oauthRedirectUri: redirectUri, oauthAuthorizePath: '/oauth2/authorize' },
			async (other) => {
				expect((await authorize(other)).status).toBe(302);
				expect((await authorize(other, { redirect_uri: 'http://evil/cb' })).status).toBe(401);
			},
		);
		// A code expires.
		const late = await codeFrom(fake);
		now = T0 + 600_000;
		const expired = await tokenCall({
			grant_type: 'authorization_code',
			code: late,
			redirect_uri: redirectUri,
			client_id: fake.options.oauthClientId,
			client_secret: fake.options.oauthClientSecret,
		});
		expect(expired.body.error).toBe('invalid_grant');
	});
});

describe('tasks', () => {
	it('POST creates (201) a task shaped as seed 002, authored by the header account', async () => {
		fake.addCustomField({ name: 'Favourite Pet', reference: 'favourite_pet' });
		const group = fake.addGroup('Advisers');
		const answer = await api('POST', '/api/v1/task', {
			body: {
				name: 'Check details',
				description: 'Check details',
				priority: 'low',
				due_at: '2026-03-10 09:30:00',
				taskable_type: 'client',
				taskable_uuid: client,
				task_status_uuid: todo.uuid,
				assigned_to_uuids: [james.account],
				custom_fields: [{ favourite_pet: 'Dog' }],
				group_uuids: [group.uuid],
			},
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({
			uuid: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
			),
			name: 'Check details',
			description: 'Check details',
			priority: 'low',
			position: 1,
			due_at: '2026-03-10 09:30:00',
			status: { ...todo },
			taskable_type: 'client',
			taskable: expect.objectContaining({
				uuid: client,
				type: 'client',
				first_name: 'Tom',
				last_name: 'Hughes',
				name: 'Tom Hughes',
			}),
			author: expect.objectContaining({ uuid: fake.options.accountUuid, name: 'Sarah Mitchell' }),
			assigned_to: [expect.objectContaining({ uuid: james.account, name: 'James Carter' })],
			completed_at: null,
			completed_by: null,
			custom_fields: [
				expect.objectContaining({
					name: 'Favourite Pet',
					reference: 'favourite_pet',
					value: 'Dog',
				}),
			],
			created_at: '2026-03-01T12:00:00+00:00',
			updated_at: '2026-03-01T12:00:00+00:00',
		});
		expect(fake.tasks.get(answer.body.uuid)).toMatchObject({
			group_uuids: [group.uuid],
			custom_fields: { favourite_pet: 'Dog' },
		});
		// Optional fields left out; a case and a plan are taskables too.
		const kase = fake.addCase({ name: 'Pension transfer', client_uuid: client });
		const bare = await api('POST', '/api/v1/task', {
			body: {
				name: 'x',
				taskable_type: 'case',
				taskable_uuid: kase.uuid,
				task_status_uuid: todo.uuid,
			},
		});
		expect(bare.status).toBe(201);
		expect(bare.body).toMatchObject({
			description: null,
			priority: null,
			due_at: null,
			position: 2,
			assigned_to: [],
			custom_fields: [],
			taskable: expect.objectContaining({ uuid: kase.uuid, name: 'Pension transfer' }),
		});
	});

	it('POST refuses missing fields with a Laravel 422 naming each one', async () => {
		const answer = await api('POST', '/api/v1/task', { body: { description: 'no name' } });
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({
			message: 'The name field is required. (and 3 more errors)',
			errors: {
				name: ['The name field is required.'],
				taskable_type: ['The taskable type field is required.'],
				taskable_uuid: ['The taskable uuid field is required.'],
				task_status_uuid: ['The task status uuid field is required.'],
			},
		});
		// Blank strings are null to Laravel; a body not sent as JSON is not read.
		const blank = await api('POST', '/api/v1/task', {
			body: {
				name: '   ',
				taskable_type: 'client',
				taskable_uuid: client,
				task_status_uuid: todo.uuid,
			},
		});
		expect([blank.status, blank.body.message]).toEqual([422, 'The name field is required.']);
		const untyped = await api('POST', '/api/v1/task', {
			headers: { 'Content-Type': 'text/plain' },
			body: undefined,
		});
		expect(untyped.status).toBe(422);
		expect(fake.tasks.size).toBe(0);
	});

	it('POST refuses bad values: enums, due_at format, and references that do not exist', async () => {
		const base = {
			name: 'x',
			taskable_type: 'client',
			taskable_uuid: client,
			task_status_uuid: todo.uuid,
		};
		const errors = async (body: Record<string, unknown>) => {
			const answer = await api('POST', '/api/v1/task', { body: { ...base, ...body } });
			expect(answer.status).toBe(422);
			return answer.body.errors;
		};
		expect(await errors({ taskable_type: 'person' })).toEqual({
			taskable_type: ['The selected taskable type is invalid.'],
		});
		expect(await errors({ priority: 'urgent' })).toEqual({
			priority: ['The selected priority is invalid.'],
		});
		expect(await errors({ due_at: '2026-03-10T09:30:00Z' })).toEqual({
			due_at: ['The due at field must match the format Y-m-d H:i:s.'],
		});
		expect(await errors({ due_at: '2026-02-30 09:30:00' })).toEqual({
			due_at: [expect.any(String)],
		});
		expect(await errors({ taskable_uuid: 'nope' })).toEqual({
			taskable_uuid: ['The selected taskable uuid is invalid.'],
		});
		expect(await errors({ taskable_type: 'plan' })).toEqual({
			taskable_uuid: ['The selected taskable uuid is invalid.'],
		});
		expect(await errors({ task_status_uuid: 'nope' })).toEqual({
			task_status_uuid: ['The selected task status uuid is invalid.'],
		});
		expect(await errors({ parent_task_uuid: 'nope' })).toEqual({
			parent_task_uuid: ['The selected parent task uuid is invalid.'],
		});
		expect(await errors({ assigned_to_uuids: [james.account, 'nope'] })).toEqual({
			'assigned_to_uuids.1': ['The selected assigned to uuids.1 is invalid.'],
		});
		expect(await errors({ assigned_to_uuids: 'nope' })).toEqual({
			assigned_to_uuids: ['The assigned to uuids field must be an array.'],
		});
		expect(await errors({ group_uuids: ['nope'] })).toEqual({
			'group_uuids.0': [expect.any(String)],
		});
		expect(await errors({ custom_fields: [{ unknown_field: 1 }] })).toEqual({
			'custom_fields.0': [expect.any(String)],
		});
		expect(await errors({ name: 'x'.repeat(256) })).toEqual({
			name: ['The name field must not be greater than 255 characters.'],
		});
		expect(fake.tasks.size).toBe(0);

		await withFake(
			{
				dueAtFormat: 'lenient',
				unknownCustomFields: 'ignore',
				validationMessages: { required: ':attribute is missing' },
			},
			async (other) => {
				const status = other.addStatus({ name: 'To do' });
				const owner = other.addClient({ first_name: 'A', last_name: 'B' });
				const created = await call(other, 'POST', '/api/v1/task', {
					body: {
						name: 'x',
						taskable_type: 'client',
						taskable_uuid: owner.uuid,
						task_status_uuid: status.uuid,
						due_at: '2026-07-01T09:30:00Z',
						custom_fields: [{ unknown_field: 1 }],
					},
				});
				// 09:30 UTC is 10:30 in London in July.
				expect([created.status, created.body.due_at]).toEqual([201, '2026-07-01 10:30:00']);
				expect((await call(other, 'POST', '/api/v1/task', { body: {} })).body.errors.name).toEqual([
					'name is missing',
				]);
			},
		);
	});

	it('GET one answers the task, or 404; include adds parent_task and related_tasks', async () => {
		const parent = task({ name: 'Parent' });
		const child = task({ name: 'Child', parent_task_uuid: parent.uuid });
		const one = await api('GET', `/api/v1/task/${parent.uuid}`);
		expect([one.status, one.body]).toEqual([200, fake.taskView(parent)]);
		expect(one.body.parent_task).toBeUndefined();
		const included = await api('GET', `/api/v1/task/${child.uuid}`, {
			query: { include: 'parent_task,related_tasks' },
		});
		expect(included.body.parent_task).toMatchObject({ uuid: parent.uuid, name: 'Parent' });
		expect(included.body.related_tasks).toEqual([]);
		expect(
			(await api('GET', `/api/v1/task/${parent.uuid}`, { query: { include: 'related_tasks' } }))
				.body.related_tasks,
		).toEqual([expect.objectContaining({ uuid: child.uuid })]);
		const missing = await api('GET', '/api/v1/task/nope');
		expect([missing.status, missing.body]).toEqual([
			404,
			{ message: expect.stringContaining('No query results') },
		]);
		const badInclude = await api('GET', `/api/v1/task/${parent.uuid}`, {
			query: { include: 'notes' },
		});
		expect([badInclude.status, badInclude.body.message]).toEqual([
			400,
			expect.stringContaining('Requested include(s) `notes` are not allowed'),
		]);

		await withFake({ relationsWithoutInclude: 'only-when-included' }, async (other) => {
			const status = other.addStatus({ name: 'To do' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const t = other.addTask({
				name: 'x',
				status_uuid: status.uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
			});
			const plain = (await call(other, 'GET', `/api/v1/task/${t.uuid}`)).body;
			expect([plain.author, plain.completed_by, plain.custom_fields]).toEqual([
				undefined,
				undefined,
				undefined,
			]);
			expect(
				(await call(other, 'GET', `/api/v1/task/${t.uuid}`, { query: { include: 'author' } })).body
					.author,
			).toMatchObject({ uuid: other.options.accountUuid });
		});
	});

	it('PUT changes only the fields sent (null clears), validates what it gets, and moves updated_at', async () => {
		fake.addCustomField({ name: 'A', reference: 'a' });
		fake.addCustomField({ name: 'B', reference: 'b' });
		const original = task({
			name: 'Old',
			description: 'keep',
			priority: 'high',
			due_at: '2026-03-05 10:00:00',
			assigned_to_uuids: [james.account],
			custom_fields: { a: 1, b: 2 },
		});
		now = T0 + 60_000;
		const answer = await api('PUT', `/api/v1/task/${original.uuid}`, {
			body: { name: 'New', due_at: null, custom_fields: [{ b: 3 }] },
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({
			name: 'New',
			description: 'keep',
			priority: 'high',
			due_at: null,
			updated_at: '2026-03-01T12:01:00+00:00',
			created_at: '2026-03-01T12:00:00+00:00',
		});
		expect(answer.body.assigned_to).toEqual([expect.objectContaining({ uuid: james.account })]);
		expect(fake.tasks.get(original.uuid)!.custom_fields).toEqual({ a: 1, b: 3 });
		// Lists are replaced; PATCH is taken as an update too.
		expect(
			(await api('PATCH', `/api/v1/task/${original.uuid}`, { body: { assigned_to_uuids: [] } }))
				.body.assigned_to,
		).toEqual([]);

		const refused = async (body: Record<string, unknown>) =>
			(await api('PUT', `/api/v1/task/${original.uuid}`, { body })).body.errors;
		expect(await refused({ name: '' })).toEqual({ name: ['The name field is required.'] });
		expect(await refused({ taskable_type: 'case' })).toEqual({
			taskable_uuid: ['The taskable uuid field is required when taskable type is present.'],
		});
		expect(await refused({ priority: 'urgent', task_status_uuid: 'nope' })).toEqual({
			priority: [expect.any(String)],
			task_status_uuid: [expect.any(String)],
		});
		expect(await refused({ parent_task_uuid: original.uuid })).toEqual({
			parent_task_uuid: [expect.any(String)],
		});
		expect((await api('PUT', '/api/v1/task/nope', { body: { name: 'x' } })).status).toBe(404);
		expect(fake.tasks.get(original.uuid)).toMatchObject({ name: 'New', priority: 'high' });
	});

	it('PUT to a completed-type status completes the task; away from it uncompletes', async () => {
		const t = task({ name: 'x' });
		const completed = await api('PUT', `/api/v1/task/${t.uuid}`, {
			body: { task_status_uuid: done.uuid },
		});
		expect(completed.body).toMatchObject({
			status: { uuid: done.uuid },
			completed_at: '2026-03-01 12:00:00',
			completed_by: { uuid: fake.options.accountUuid },
		});
		const reopened = await api('PUT', `/api/v1/task/${t.uuid}`, {
			body: { task_status_uuid: doing.uuid },
		});
		expect(reopened.body).toMatchObject({
			status: { uuid: doing.uuid },
			completed_at: null,
			completed_by: null,
			position: 1,
		});
		await withFake({ statusChangeCompletes: false }, async (other) => {
			const s = other.addStatus({ name: 'Done', is_type_completed: true });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const open = other.addTask({
				name: 'x',
				status_uuid: other.addStatus({ name: 'Open' }).uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
			});
			expect(
				(
					await call(other, 'PUT', `/api/v1/task/${open.uuid}`, {
						body: { task_status_uuid: s.uuid },
					})
				).body.completed_at,
			).toBeNull();
		});
	});

	it('there is no DELETE: 405 as Laravel answers a method the route lacks (404 by option)', async () => {
		const t = task({ name: 'x' });
		const answer = await api('DELETE', `/api/v1/task/${t.uuid}`);
		expect(answer.status).toBe(405);
		expect(answer.body.message).toBe(
			`The DELETE method is not supported for route api/v1/task/${t.uuid}. Supported methods: GET, HEAD, PUT, PATCH.`,
		);
		expect(answer.headers.get('allow')).toBe('GET, HEAD, PUT, PATCH');
		expect(fake.tasks.has(t.uuid)).toBe(true);
		await withFake({ unknownMethodStatus: 404 }, async (other) => {
			expect((await call(other, 'DELETE', `/api/v1/task/${t.uuid}`)).status).toBe(404);
		});
	});

	it('PATCH complete moves to the first completed-type status and records who and when; again keeps them', async () => {
		const later = fake.addStatus({ name: 'Signed off', is_type_completed: true, position: 9 });
		const t = task({ name: 'x' });
		now = T0 + 5_000;
		const answer = await api('PATCH', `/api/v1/task/${t.uuid}/complete`, {
			token: james.token,
			account: james.account,
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({
			status: { uuid: done.uuid, is_type_completed: true },
			completed_at: '2026-03-01 12:00:05',
			completed_by: { uuid: james.account },
		});
		now = T0 + 10_000;
		expect((await api('PATCH', `/api/v1/task/${t.uuid}/complete`)).body).toMatchObject({
			completed_at: '2026-03-01 12:00:05',
			completed_by: { uuid: james.account },
		});
		expect((await api('PATCH', '/api/v1/task/nope/complete')).status).toBe(404);
		expect((await api('GET', `/api/v1/task/${t.uuid}/complete`)).status).toBe(405);

		await withFake(
			{ completeToStatusUuid: 'chosen', recompleteKeepsCompletion: false },
			async (other) => {
				other.addStatus({ name: 'Done', is_type_completed: true });
				const chosen = other.addStatus({ uuid: 'chosen', name: 'Chosen', is_type_completed: true });
				const owner = other.addClient({ first_name: 'A', last_name: 'B' });
				const o = other.addTask({
					name: 'x',
					status_uuid: other.addStatus({ name: 'Open' }).uuid,
					taskable_type: 'client',
					taskable_uuid: owner.uuid,
				});
				expect(
					(await call(other, 'PATCH', `/api/v1/task/${o.uuid}/complete`)).body.status.uuid,
				).toBe(chosen.uuid);
			},
		);
		await withFake({}, async (other) => {
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const o = other.addTask({
				name: 'x',
				status_uuid: other.addStatus({ name: 'Open' }).uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
			});
			expect((await call(other, 'PATCH', `/api/v1/task/${o.uuid}/complete`)).status).toBe(422);
		});
		expect(later.uuid).toBeDefined();
	});

	it('PATCH uncomplete/{status} moves to the status and clears completion; unknown status 404, completed-type 422', async () => {
		const t = task({ name: 'x', status_uuid: done.uuid });
		expect(t.completed_at).not.toBeNull();
		const answer = await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${doing.uuid}`);
		expect([
			answer.status,
			answer.body.status.uuid,
			answer.body.completed_at,
			answer.body.completed_by,
		]).toEqual([200, doing.uuid, null, null]);
		expect((await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/nope`)).status).toBe(404);
		const toDone = await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${done.uuid}`);
		expect([toDone.status, Object.keys(toDone.body.errors)]).toEqual([422, ['task_status_uuid']]);
		// An open task may be "uncompleted" to another status (by default).
		expect((await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${todo.uuid}`)).status).toBe(200);
		await withFake(
			{ uncompleteOpenTask: 'reject', uncompleteToCompletedStatus: 'allow' },
			async (other) => {
				const owner = other.addClient({ first_name: 'A', last_name: 'B' });
				const open = other.addStatus({ name: 'Open' });
				const o = other.addTask({
					name: 'x',
					status_uuid: open.uuid,
					taskable_type: 'client',
					taskable_uuid: owner.uuid,
				});
				expect(
					(await call(other, 'PATCH', `/api/v1/task/${o.uuid}/uncomplete/${open.uuid}`)).status,
				).toBe(422);
			},
		);
	});
});

describe('task list', () => {
	it('pages as Laravel does: per_page 15 by default, meta and links, the query kept in links', async () => {
		for (let i = 1; i <= 20; i++) task({ name: `t${i}` });
		const first = await api('GET', '/api/v1/task', { query: { 'filter[open_tasks]': 'true' } });
		expect(first.status).toBe(200);
		expect(first.body.data).toHaveLength(15);
		const path = `${fake.url}/api/v1/task`;
		expect(first.body.links).toEqual({
			first: `${path}?filter%5Bopen_tasks%5D=true&page=1`,
			last: `${path}?filter%5Bopen_tasks%5D=true&page=2`,
			prev: null,
			next: `${path}?filter%5Bopen_tasks%5D=true&page=2`,
		});
		expect(first.body.meta).toEqual({
			current_page: 1,
			from: 1,
			last_page: 2,
			links: expect.any(Array),
			path,
			per_page: 15,
			to: 15,
			total: 20,
		});
		expect(first.body.meta.links.map((link: { label: string }) => link.label)).toEqual([
			'&laquo; Previous',
			'1',
			'2',
			'Next &raquo;',
		]);

		const second = await api('GET', '/api/v1/task', { query: { page: 2 } });
		expect(second.body.data.map((t: { name: string }) => t.name)).toEqual([
			't16',
			't17',
			't18',
			't19',
			't20',
		]);
		expect(second.body.meta).toMatchObject({ current_page: 2, from: 16, to: 20, last_page: 2 });
		expect(second.body.links).toMatchObject({ prev: `${path}?page=1`, next: null });
		const past = await api('GET', '/api/v1/task', { query: { page: 9 } });
		expect([
			past.body.data,
			past.body.meta.from,
			past.body.meta.to,
			past.body.meta.current_page,
		]).toEqual([[], null, null, 9]);
		expect(
			(await api('GET', '/api/v1/task', { query: { per_page: 7, page: 3 } })).body.meta,
		).toMatchObject({ per_page: 7, last_page: 3, from: 15, to: 20 });
		// Above the maximum: clamped; nonsense: the default and page 1.
		expect(
			(await api('GET', '/api/v1/task', { query: { per_page: 501 } })).body.meta.per_page,
		).toBe(500);
		expect(
			(await api('GET', '/api/v1/task', { query: { per_page: 'ten', page: 'x' } })).body.meta,
		).toMatchObject({ per_page: 15, current_page: 1 });

		await withFake(
			{ perPageAboveMax: 'reject', invalidPaging: 'reject', linksKeepQuery: false },
			async (other) => {
				expect(
					(await call(other, 'GET', '/api/v1/task', { query: { per_page: 501 } })).body.errors,
				).toEqual({ per_page: [expect.any(String)] });
				expect((await call(other, 'GET', '/api/v1/task', { query: { page: 0 } })).status).toBe(422);
				expect(
					(await call(other, 'GET', '/api/v1/task', { query: { 'filter[name]': 'x' } })).body.links
						.first,
				).toBe(`${other.url}/api/v1/task?page=1`);
			},
		);
		const empty = await withFakeBody({}, '/api/v1/task');
		expect(empty.meta).toMatchObject({ total: 0, last_page: 1, from: null, to: null });
	});

	it('sorts by every documented field, - for descending, created_at by default; several sorts chain', async () => {
		const mk = (name: string, extra: Partial<PlannrTaskRecord>, at: number) => {
			now = T0 + at * 1000;
			return task({ name, ...extra });
		};
		mk('bravo', { priority: 'highest', due_at: '2026-03-03 09:00:00' }, 3);
		mk('alpha', { priority: 'low', due_at: null, status_uuid: done.uuid }, 1);
		mk('Charlie', { priority: 'medium', due_at: '2026-03-02 09:00:00' }, 2);
		const delta = mk('delta', { priority: null, due_at: '2026-03-04 09:00:00' }, 4);
		now = T0 + 10_000;
		fake.updateTask(delta.uuid, { description: 'touched' });
		const names = async (sort?: string) =>
			(await api('GET', '/api/v1/task', { query: sort ? { sort } : {} })).body.data.map(
				(t: { name: string }) => t.name,
			);
		expect(await names()).toEqual(['alpha', 'Charlie', 'bravo', 'delta']); // created_at ascending
		expect(await names('created_at')).toEqual(['alpha', 'Charlie', 'bravo', 'delta']);
		expect(await names('-created_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		expect(await names('-updated_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		expect(await names('updated_at')).toEqual(['alpha', 'Charlie', 'bravo', 'delta']);
		expect(await names('name')).toEqual(['alpha', 'bravo', 'Charlie', 'delta']);
		expect(await names('-name')).toEqual(['delta', 'Charlie', 'bravo', 'alpha']);
		// Priority by rank, null first ascending (MySQL), last descending.
		expect(await names('priority')).toEqual(['delta', 'alpha', 'Charlie', 'bravo']);
		expect(await names('-priority')).toEqual(['bravo', 'Charlie', 'alpha', 'delta']);
		expect(await names('due_at')).toEqual(['alpha', 'Charlie', 'bravo', 'delta']);
		expect(await names('-due_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		expect(await names('completed_last')).toEqual(['bravo', 'Charlie', 'delta', 'alpha']);
		expect((await names('-completed_last'))[0]).toBe('alpha');
		expect(await names('completed_last,-due_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		const bad = await api('GET', '/api/v1/task', { query: { sort: 'colour' } });
		expect([bad.status, bad.body.message]).toEqual([
			400,
			expect.stringContaining('Requested sort(s) `colour` is not allowed'),
		]);

		await withFake({ prioritySort: 'alphabetical', nullsSort: 'last' }, async (other) => {
			const s = other.addStatus({ name: 'x' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			for (const priority of ['low', 'high', null, 'medium'] as const)
				other.addTask({
					name: String(priority),
					priority,
					status_uuid: s.uuid,
					taskable_type: 'client',
					taskable_uuid: owner.uuid,
				});
			const body = (await call(other, 'GET', '/api/v1/task', { query: { sort: 'priority' } })).body;
			expect(body.data.map((t: { priority: string | null }) => t.priority)).toEqual([
				'high',
				'low',
				'medium',
				null,
			]);
		});
	});

	it('filters by every documented filter; unknown filters are a 400', async () => {
		const kase = fake.addCase({ name: 'Transfer', client_uuid: client });
		const other = fake.addClient({ first_name: 'Emma', last_name: 'Clarke' });
		const plan = fake.addPlan({ name: 'Pension', client_uuid: other.uuid });
		const archived = fake.addStatus({ name: 'Archived', is_archived: true });
		task({
			name: 'Call Tom',
			priority: 'high',
			due_at: '2026-03-02 09:00:00',
			assigned_to_uuids: [james.account],
		});
		task({
			name: 'Case review',
			taskable_type: 'case',
			taskable_uuid: kase.uuid,
			status_uuid: doing.uuid,
			due_at: '2026-03-05 09:00:00',
			assigned_to_uuids: [james.account, fake.options.accountUuid],
		});
		task({
			name: 'Plan valuation',
			taskable_type: 'plan',
			taskable_uuid: plan.uuid,
			priority: 'low',
			assigned_to_uuids: [fake.options.accountUuid],
		});
		task({ name: 'Filed', status_uuid: done.uuid, due_at: '2026-02-20 09:00:00' });
		task({ name: 'Old idea', status_uuid: archived.uuid });
		const names = async (query: Record<string, string>) => {
			const answer = await api('GET', '/api/v1/task', { query });
			expect(answer.status).toBe(200);
			return answer.body.data.map((t: { name: string }) => t.name);
		};
		expect(await names({ 'filter[name]': 'CALL' })).toEqual(['Call Tom']);
		expect(await names({ 'filter[taskable_type]': 'case' })).toEqual(['Case review']);
		expect(await names({ 'filter[taskable_type]': 'case,plan' })).toEqual([
			'Case review',
			'Plan valuation',
		]);
		expect(await names({ 'filter[taskable_uuid]': plan.uuid })).toEqual(['Plan valuation']);
		expect(await names({ 'filter[client_uuid]': client })).toEqual([
			'Call Tom',
			'Case review',
			'Filed',
			'Old idea',
		]);
		expect(await names({ 'filter[client_uuid]': other.uuid })).toEqual(['Plan valuation']);
		expect(await names({ 'filter[priority]': 'high' })).toEqual(['Call Tom']);
		expect(await names({ 'filter[assigned_to_uuids]': james.account })).toEqual([
			'Call Tom',
			'Case review',
		]);
		expect(
			await names({ 'filter[assigned_to_uuids]': `${james.account},${fake.options.accountUuid}` }),
		).toEqual(['Call Tom', 'Case review', 'Plan valuation']);
		expect(await names({ 'filter[status_uuid]': doing.uuid })).toEqual(['Case review']);
		expect(await names({ 'filter[due_before]': '2026-03-05 09:00:00' })).toEqual([
			'Call Tom',
			'Filed',
		]);
		expect(await names({ 'filter[due_before]': '2026-03-05' })).toEqual(['Call Tom', 'Filed']);
		expect(await names({ 'filter[due_after]': '2026-03-02 09:00:00' })).toEqual(['Case review']);
		expect(await names({ 'filter[has_due_date]': 'false' })).toEqual([
			'Plan valuation',
			'Old idea',
		]);
		expect(await names({ 'filter[has_due_date]': '1' })).toEqual([
			'Call Tom',
			'Case review',
			'Filed',
		]);
		expect(await names({ 'filter[open_tasks]': 'true' })).toEqual([
			'Call Tom',
			'Case review',
			'Plan valuation',
		]);
		expect(await names({ 'filter[open_tasks]': 'false' })).toHaveLength(5);
		expect(await names({ 'filter[completed_status]': 'true' })).toEqual(['Filed']);
		expect(await names({ 'filter[archived_status]': 'true' })).toEqual(['Old idea']);
		expect(await names({ 'filter[not_started_status]': 'true' })).toEqual([
			'Call Tom',
			'Plan valuation',
		]);
		expect(await names({ 'filter[open_tasks]': 'true', 'filter[priority]': 'low' })).toEqual([
			'Plan valuation',
		]);

		// PHP-style arrays are read as lists.
		const raw = await fetch(
			`${fake.url}/api/v1/task?filter[priority][]=high&filter[priority][]=low`,
			{
				headers: {
					Authorization: `Bearer ${fake.options.personalAccessToken}`,
					'X-PLANNR-ACCOUNT-UUID': fake.options.accountUuid,
					Accept: 'application/json',
				},
			},
		);
		expect(((await raw.json()) as { data: { name: string }[] }).data.map((t) => t.name)).toEqual([
			'Call Tom',
			'Plan valuation',
		]);

		const unknown = await api('GET', '/api/v1/task', { query: { 'filter[colour]': 'red' } });
		expect([unknown.status, unknown.body.message]).toEqual([
			400,
			expect.stringContaining('Requested filter(s) `colour` are not allowed'),
		]);
		const badFlag = await api('GET', '/api/v1/task', {
			query: { 'filter[has_due_date]': 'maybe' },
		});
		expect([badFlag.status, Object.keys(badFlag.body.errors)]).toEqual([
			422,
			['filter.has_due_date'],
		]);
		expect(
			(await api('GET', '/api/v1/task', { query: { 'filter[due_before]': 'soon' } })).status,
		).toBe(422);

		await withFake(
			{
				unknownQueryParams: 'ignore',
				clientFilterScope: 'client-only',
				assignedFilterMatch: 'all',
				dueBoundsInclusive: true,
			},
			async (o) => {
				const s = o.addStatus({ name: 'x' });
				const c = o.addClient({ first_name: 'A', last_name: 'B' });
				const k = o.addCase({ name: 'K', client_uuid: c.uuid });
				const a = o.addAccount({ first_name: 'C', last_name: 'D' });
				o.addTask({
					name: 'on client',
					status_uuid: s.uuid,
					taskable_type: 'client',
					taskable_uuid: c.uuid,
					assigned_to_uuids: [a.uuid, o.options.accountUuid],
					due_at: '2026-03-05 09:00:00',
				});
				o.addTask({
					name: 'on case',
					status_uuid: s.uuid,
					taskable_type: 'case',
					taskable_uuid: k.uuid,
					assigned_to_uuids: [a.uuid],
				});
				const list = async (query: Record<string, string>) =>
					(await call(o, 'GET', '/api/v1/task', { query })).body.data.map(
						(t: { name: string }) => t.name,
					);
				expect(await list({ 'filter[colour]': 'red', sort: 'colour' })).toEqual([
					'on client',
					'on case',
				]);
				expect(await list({ 'filter[client_uuid]': c.uuid })).toEqual(['on client']);
				expect(
					await list({ 'filter[assigned_to_uuids]': `${a.uuid},${o.options.accountUuid}` }),
				).toEqual(['on client']);
				expect(await list({ 'filter[due_before]': '2026-03-05 09:00:00' })).toEqual(['on client']);
			},
		);
	});

	it('child tasks are left out of the list unless filter[show_child_tasks]=true; include works on lists', async () => {
		const parent = task({ name: 'Parent' });
		task({ name: 'Child', parent_task_uuid: parent.uuid });
		const names = async (query: Record<string, string> = {}) =>
			(await api('GET', '/api/v1/task', { query })).body.data.map((t: { name: string }) => t.name);
		expect(await names()).toEqual(['Parent']);
		expect(await names({ 'filter[show_child_tasks]': 'true' })).toEqual(['Parent', 'Child']);
		const included = await api('GET', '/api/v1/task', {
			query: { include: 'related_tasks,author' },
		});
		expect(included.body.data[0].related_tasks).toEqual([
			expect.objectContaining({ name: 'Child' }),
		]);
		expect((await api('GET', '/api/v1/task', { query: { include: 'notes' } })).status).toBe(400);
		await withFake({ listChildTasks: true }, async (o) => {
			const s = o.addStatus({ name: 'x' });
			const c = o.addClient({ first_name: 'A', last_name: 'B' });
			const p = o.addTask({
				name: 'P',
				status_uuid: s.uuid,
				taskable_type: 'client',
				taskable_uuid: c.uuid,
			});
			o.addTask({
				name: 'C',
				status_uuid: s.uuid,
				taskable_type: 'client',
				taskable_uuid: c.uuid,
				parent_task_uuid: p.uuid,
			});
			expect((await call(o, 'GET', '/api/v1/task')).body.data).toHaveLength(2);
		});
	});
});

/** The body of one GET on a fresh fake with these options. */
async function withFakeBody(options: PlannrFakeOptions, path: string) {
	let body: unknown;
	await withFake(options, async (other) => {
		body = (await call(other, 'GET', path)).body;
	});
	return body as any;
}

describe('task statuses and accounts', () => {
	it('GET /api/v1/task-status answers {data} by position (sort=position), with the documented fields', async () => {
		const first = fake.addStatus({ name: 'Backlog', position: 0 });
		const answer = await api('GET', '/api/v1/task-status', { query: { sort: 'position' } });
		expect(answer.status).toBe(200);
		expect(answer.body.data.map((s: PlannrStatus) => s.name)).toEqual([
			'Backlog',
			'To do',
			'In progress',
			'Completed',
		]);
		expect(answer.body.data[0]).toEqual({
			uuid: first.uuid,
			name: 'Backlog',
			colour: expect.stringMatching(/^#[0-9A-Fa-f]{6}$/),
			position: 0,
			is_type_completed: false,
			is_archived: false,
			is_not_started: false,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		expect(
			(await api('GET', '/api/v1/task-status', { query: { sort: '-position' } })).body.data[0].name,
		).toBe('Completed');
		expect((await api('GET', '/api/v1/task-status', { query: { sort: 'colour' } })).status).toBe(
			400,
		);
		expect(
			(await withFakeBody({ statusListPaginated: true }, '/api/v1/task-status')).meta,
		).toMatchObject({ total: 0 });
	});

	it('GET /api/v1/account pages the accounts and sorts them', async () => {
		fake.addAccount({ first_name: 'Anna', last_name: 'Zed' });
		const answer = await api('GET', '/api/v1/account', {
			query: { per_page: 2, sort: 'first_name' },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.data.map((a: { first_name: string }) => a.first_name)).toEqual([
			'Anna',
			'James',
		]);
		expect(answer.body.meta).toMatchObject({ per_page: 2, total: 4, last_page: 2 });
		expect(answer.body.data[0]).toMatchObject({
			uuid: expect.any(String),
			type: 'employee',
			role: 'member',
			name: 'Anna Zed',
			external_references: [],
		});
		const desc = await api('GET', '/api/v1/account', {
			query: { sort: '-last_name', per_page: 10 },
		});
		expect(desc.body.data.map((a: { last_name: string }) => a.last_name)).toEqual([
			'Zed',
			'Mitchell',
			'Hughes',
			'Carter',
		]);
		expect((await api('GET', '/api/v1/account', { query: { sort: 'shoe_size' } })).status).toBe(
			400,
		);
	});
});

describe('rate limit', () => {
	it('every answer carries X-Ratelimit-Limit/Remaining; over the limit a 429 with Retry-After; the window resets', async () => {
		let ms = 0;
		await withFake({ rateLimitPerMinute: 3, rateLimitClock: () => ms }, async (other) => {
			const remaining: (string | null)[] = [];
			for (let i = 0; i < 3; i++) {
				const answer = await call(other, 'GET', '/api/v1/task-status');
				expect(answer.status).toBe(200);
				expect(answer.headers.get('x-ratelimit-limit')).toBe('3');
				remaining.push(answer.headers.get('x-ratelimit-remaining'));
				ms += 1000;
			}
			expect(remaining).toEqual(['2', '1', '0']);
			const refused = await call(other, 'GET', '/api/v1/task-status');
			expect([refused.status, refused.body]).toEqual([429, { message: 'Too Many Attempts.' }]);
			expect(refused.headers.get('retry-after')).toBe('57');
			expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
			// Per user: another user's token has its own window; a 422 counts like any answer.
			const second = other.addEmployee(
				{ first_name: 'B', last_name: 'C' },
				{ token: 'second' },
			).account;
			const secondAnswer = await call(other, 'POST', '/api/v1/task', {
				token: 'second',
				account: second.uuid,
				body: {},
			});
			expect([secondAnswer.status, secondAnswer.headers.get('x-ratelimit-remaining')]).toEqual([
				422,
				'2',
			]);
			ms = 60_000;
			const after = await call(other, 'GET', '/api/v1/task-status');
			expect([after.status, after.headers.get('x-ratelimit-remaining')]).toEqual([200, '2']);
		});
	});

	it('unauthenticated requests share a guest window and carry the headers; the limit can be turned off', async () => {
		let ms = 0;
		await withFake({ rateLimitPerMinute: 1, rateLimitClock: () => ms }, async (other) => {
			const first = await call(other, 'GET', '/api/v1/task', { token: null });
			expect([first.status, first.headers.get('x-ratelimit-remaining')]).toEqual([401, '0']);
			expect((await call(other, 'GET', '/api/v1/task', { token: 'wrong' })).status).toBe(429);
			expect((await call(other, 'GET', '/api/v1/task')).status).toBe(200);
		});
		const unlimited = await api('GET', '/api/v1/task-status');
		expect(unlimited.headers.get('x-ratelimit-remaining')).toBeNull();
		await withFake({ rateLimitPerMinute: undefined }, async (other) => {
			expect(
				(await call(other, 'GET', '/api/v1/task-status')).headers.get('x-ratelimit-limit'),
			).toBe('500');
		});
	});
});

describe('webhook subscriptions', () => {
	const hooks = '/api/v2/webhook-subscriptions';

	it('POST creates (201) {uuid, url, events, signing_secret}; bad input is a 422', async () => {
		const answer = await api('POST', hooks, {
			body: { url: 'https://example.com/hook', events: ['task.created', 'task.completed'] },
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({
			uuid: expect.any(String),
			url: 'https://example.com/hook',
			events: ['task.created', 'task.completed'],
			signing_secret: expect.stringMatching(/^[A-Za-z0-9]{60}$/),
			created_at: '2026-03-01T12:00:00+00:00',
			updated_at: '2026-03-01T12:00:00+00:00',
			last_outgoing_webhook_call_at: null,
		});
		const errors = async (body: unknown) => (await api('POST', hooks, { body })).body.errors;
		expect(await errors({})).toEqual({ url: [expect.any(String)], events: [expect.any(String)] });
		expect(await errors({ url: 'not a url', events: ['task.created'] })).toEqual({
			url: ['The url field must be a valid URL.'],
		});
		expect(await errors({ url: 'https://x.test', events: ['task.exploded'] })).toEqual({
			'events.0': ['The selected events.0 is invalid.'],
		});
		expect(await errors({ url: 'https://x.test', events: [] })).toEqual({
			events: [expect.any(String)],
		});
		expect(fake.subscriptions.size).toBe(1);
	});

	it('GET lists (filter[uuid], filter[url], newest first) and GET/PUT/DELETE one; deleted is 404', async () => {
		const a = (
			await api('POST', hooks, { body: { url: 'https://a.test/hook', events: ['task.created'] } })
		).body;
		now = T0 + 1000;
		const b = (
			await api('POST', hooks, { body: { url: 'https://b.test/hook', events: ['task.updated'] } })
		).body;
		const list = async (query: Record<string, string> = {}) =>
			(await api('GET', hooks, { query })).body.data.map((s: { uuid: string }) => s.uuid);
		expect(await list()).toEqual([b.uuid, a.uuid]);
		expect(await list({ sort: 'created_at' })).toEqual([a.uuid, b.uuid]);
		expect(await list({ 'filter[url]': 'https://a.test/hook' })).toEqual([a.uuid]);
		expect(await list({ 'filter[uuid]': `${a.uuid},${b.uuid}` })).toHaveLength(2);
		expect((await api('GET', `${hooks}/${a.uuid}`)).body).toEqual(a);

		now = T0 + 2000;
		const updated = await api('PUT', `${hooks}/${a.uuid}`, {
			body: { events: ['task.created', 'task.deleted'] },
		});
		expect(updated.status).toBe(200);
		expect(updated.body).toEqual({
			...a,
			events: ['task.created', 'task.deleted'],
			updated_at: '2026-03-01T12:00:02+00:00',
		});
		expect((await api('PUT', `${hooks}/${a.uuid}`, { body: { url: 'nope' } })).status).toBe(422);

		const deleted = await api('DELETE', `${hooks}/${a.uuid}`);
		expect([deleted.status, deleted.body]).toEqual([204, undefined]);
		expect(
			(await api('PUT', `${hooks}/${a.uuid}`, { body: { url: 'https://c.test' } })).status,
		).toBe(404);
		expect((await api('DELETE', `${hooks}/${a.uuid}`)).status).toBe(404);
		expect(await list()).toEqual([b.uuid]);
		expect((await api('GET', hooks, { token: null })).status).toBe(401);
	});

	it('the list call can be switched off: then GET answers as a method the route lacks', async () => {
		await withFake({ webhookListRoute: false, webhookDeleteStatus: 200 }, async (other) => {
			const answer = await call(other, 'GET', hooks);
			expect([answer.status, answer.body.message]).toEqual([
				405,
				expect.stringContaining('Supported methods: POST'),
			]);
			const created = (
				await call(other, 'POST', hooks, {
					body: { url: 'https://a.test', events: ['task.created'] },
				})
			).body;
			expect((await call(other, 'DELETE', `${hooks}/${created.uuid}`)).status).toBe(200);
		});
		await withFake({ webhookListRoute: false, unknownMethodStatus: 404 }, async (other) => {
			expect((await call(other, 'GET', hooks)).status).toBe(404);
		});
	});
});

describe('webhook deliveries', () => {
	let receiver: Receiver;
	beforeEach(async () => {
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await fake.deliveriesSettled();
		await receiver.close();
	});

	const subscribe = async (events: string[], url = receiver.url) =>
		(await api('POST', '/api/v2/webhook-subscriptions', { body: { url, events } })).body;

	it('a task created through the API arrives at the subscribed URL, signed with the subscription’s secret, after the answer', async () => {
		const subscription = await subscribe(['task.created']);
		const other = await subscribe(['task.completed']);
		receiver.delayMs = 100;
		const created = await api('POST', '/api/v1/task', {
			body: {
				name: 'Call Tom',
				taskable_type: 'client',
				taskable_uuid: client,
				task_status_uuid: todo.uuid,
			},
		});
		expect(created.status).toBe(201);
		// The answer did not wait for the delivery.
		expect(fake.deliveries).toHaveLength(0);
		await fake.deliveriesSettled();

		expect(receiver.received).toHaveLength(1);
		const [{ headers, body }] = receiver.received;
		expect(headers['content-type']).toBe('application/json');
		// Checked here with node's crypto, not the fake's own function.
		const expected = createHmac('sha256', subscription.signing_secret).update(body).digest('hex');
		expect(headers['x-signature']).toBe(expected);
		expect(plannrSignature(body, subscription.signing_secret)).toBe(expected);
		expect(headers['x-signature']).not.toBe(
			createHmac('sha256', other.signing_secret).update(body).digest('hex'),
		);
		expect(JSON.parse(body)).toEqual({
			event: 'task.created',
			data: created.body,
			webhook_subscription_uuid: subscription.uuid,
			sent_at: '2026-03-01T12:00:00+00:00',
		});

		expect(fake.deliveries).toEqual([
			expect.objectContaining({
				subscriptionUuid: subscription.uuid,
				url: receiver.url,
				event: 'task.created',
				body,
				status: 200,
				responseBody: 'ok',
				forged: false,
				attempt: 1,
			}),
		]);
		expect(fake.subscriptions.get(subscription.uuid)!.last_outgoing_webhook_call_at).toBe(
			'2026-03-01T12:00:00+00:00',
		);
		expect(fake.subscriptions.get(other.uuid)!.last_outgoing_webhook_call_at).toBeNull();
	});

	it('each change sends its event to the subscriptions that name it: update, complete, uncomplete, delete', async () => {
		const all = await subscribe(['task.created', 'task.updated', 'task.completed', 'task.deleted']);
		const completedOnly = await subscribe(['task.completed']);
		const t = task({ name: 'x' });
		await api('PUT', `/api/v1/task/${t.uuid}`, { body: { name: 'y' } });
		await api('PATCH', `/api/v1/task/${t.uuid}/complete`);
		await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${todo.uuid}`);
		fake.completeTask(t.uuid);
		fake.deleteTask(t.uuid);
		await fake.deliveriesSettled();
		const events = (uuid: string) =>
			fake.deliveries.filter((d) => d.subscriptionUuid === uuid).map((d) => d.event);
		expect(events(all.uuid).sort()).toEqual(
			['task.completed', 'task.completed', 'task.deleted', 'task.updated', 'task.updated'].sort(),
		);
		expect(events(completedOnly.uuid)).toEqual(['task.completed', 'task.completed']);
		const deleted = fake.deliveries.find((d) => d.event === 'task.deleted')!;
		expect(JSON.parse(deleted.body).data).toMatchObject({ uuid: t.uuid, name: 'y' });
		expect(receiver.received).toHaveLength(7);
		// A delivery carries the task as it was when the change happened.
		const completions = fake.deliveries
			.filter((d) => d.subscriptionUuid === completedOnly.uuid)
			.map((d) => JSON.parse(d.body).data.status.uuid);
		expect(completions).toEqual([done.uuid, done.uuid]);
	});

	it('deliver() sends on demand, with a forged signature when asked; failures are recorded', async () => {
		const subscription = await subscribe(['task.created']);
		const t = task({ name: 'x' });
		const genuine = await fake.deliver(subscription.uuid, 'task.updated', t);
		expect(genuine.headers['x-signature']).toBe(
			plannrSignature(genuine.body, subscription.signing_secret),
		);
		const forged = await fake.deliver(subscription.uuid, 'task.created', t.uuid, {
			forgedSignature: true,
		});
		expect(forged.forged).toBe(true);
		expect(forged.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
		expect(forged.headers['x-signature']).not.toBe(
			plannrSignature(forged.body, subscription.signing_secret),
		);
		expect(receiver.received.map((r) => r.headers['x-signature'])).toEqual([
			genuine.headers['x-signature'],
			forged.headers['x-signature'],
		]);

		receiver.status = 500;
		const refused = await fake.deliver(subscription.uuid, 'task.created', {
			uuid: 'custom',
			name: 'shape',
		});
		expect([refused.status, JSON.parse(refused.body).data]).toEqual([
			500,
			{ uuid: 'custom', name: 'shape' },
		]);
		await expect(fake.deliver('nope', 'task.created', t)).rejects.toThrow('No subscription');

		const gone = await subscribe(['task.created'], 'http://127.0.0.1:9/unreachable');
		const unreachable = await fake.deliver(gone.uuid, 'task.created', t);
		expect([unreachable.status, unreachable.error]).toEqual([null, expect.any(String)]);
	});

	it('a failing receiver is retried when deliveryAttempts > 1; the body shape is an option', async () => {
		await withFake(
			{
				deliveryAttempts: 3,
				deliveryRetryDelayMs: 5,
				deliveryBody: (event, data) => ({ type: event, payload: data }),
			},
			async (other) => {
				receiver.status = 503;
				const subscription = (
					await call(other, 'POST', '/api/v2/webhook-subscriptions', {
						body: { url: receiver.url, events: ['task.created'] },
					})
				).body;
				const s = other.addStatus({ name: 'x' });
				const c = other.addClient({ first_name: 'A', last_name: 'B' });
				other.createTask({
					name: 'x',
					status_uuid: s.uuid,
					taskable_type: 'client',
					taskable_uuid: c.uuid,
				});
				await other.deliveriesSettled();
				expect(other.deliveries.map((d) => [d.attempt, d.status])).toEqual([
					[1, 503],
					[2, 503],
					[3, 503],
				]);
				expect(Object.keys(JSON.parse(other.deliveries[0].body))).toEqual(['type', 'payload']);
				expect(other.deliveries[0].subscriptionUuid).toBe(subscription.uuid);
			},
		);
	});
});

describe('state helpers', () => {
	it('credentialData() is what a personal-access-token credential holds; it works as is', async () => {
		const credentials = fake.credentialData();
		expect(credentials).toEqual({
			baseUrl: fake.url,
			accessToken: fake.options.personalAccessToken,
			accountUuid: fake.options.accountUuid,
		});
		const answer = await fetch(`${credentials.baseUrl}/api/v1/task-status`, {
			headers: {
				Authorization: `Bearer ${credentials.accessToken}`,
				'X-PLANNR-ACCOUNT-UUID': credentials.accountUuid,
				Accept: 'application/json',
			},
		});
		expect(answer.status).toBe(200);
		expect(fake.oauth2CredentialData()).toMatchObject({
			authUrl: `${fake.url}/oauth/authorize`,
			accessTokenUrl: `${fake.url}/oauth/token`,
			clientId: 'plannr-client-id',
		});
	});

	it('reset() keeps only the primary user; seedSandbox() builds a small adviser firm', async () => {
		fake.reset();
		expect([
			fake.tasks.size,
			fake.statuses.size,
			fake.accounts.size,
			fake.users.size,
			fake.requests.length,
		]).toEqual([0, 0, 1, 1, 0]);
		fake.seedSandbox();
		const clients = [...fake.accounts.values()].filter((a) => a.type === 'client');
		const employees = [...fake.accounts.values()].filter((a) => a.type === 'employee');
		expect(clients.length).toBeGreaterThanOrEqual(3);
		expect(employees.length).toBeGreaterThanOrEqual(3);
		expect([fake.cases.size, fake.plans.size]).toEqual([1, 2]);
		expect([...fake.statuses.values()].some((s) => s.is_type_completed)).toBe(true);
		expect(fake.tasks.size).toBe(6);
		const tasks = [...fake.tasks.values()];
		expect(new Set(tasks.map((t) => t.taskable_type))).toEqual(new Set(['client', 'case', 'plan']));
		expect(
			tasks
				.filter((t) => fake.statuses.get(t.status_uuid)!.is_type_completed)
				.every((t) => t.completed_at !== null),
		).toBe(true);
		const listed = await api('GET', '/api/v1/task', { query: { 'filter[open_tasks]': 'true' } });
		expect(listed.body.meta.total).toBe(4); // one completed, one child task left out
		expect(
			(
				await api('GET', '/api/v1/task', {
					token: 'plannr-james-token',
					account: employees[1].uuid,
				})
			).status,
		).toBe(200);
	});
});
