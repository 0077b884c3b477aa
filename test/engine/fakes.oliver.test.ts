/**
 * The fake Oliver and the kit under it, driven over real HTTP with axios: if the fake drifts from the
 * documents, every node test built on it would pass for the wrong reason.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { FakeServer } from '../fakes/kit';
import {
	OLIVER_API_PREFIX,
	OLIVER_SIGN_IN_PATH,
	OliverFake,
	type OliverFakeOptions,
	type OliverTask,
} from '../fakes/oliver';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
const fake = new OliverFake({ clock });
const TASKS = `${OLIVER_API_PREFIX}/staff_tasks`;

// Answers of every status come back as values, so tests can look at 4xx bodies.
const http = axios.create({ validateStatus: () => true, timeout: 3000 });

/** A client that signs in once and sends the two documented headers. */
async function signedIn(
	target: OliverFake = fake,
	extra: AxiosRequestConfig = {},
): Promise<AxiosInstance> {
	const answer = await http.post(`${target.url}${OLIVER_SIGN_IN_PATH}`, {
		username: target.options.username,
		password: target.options.password,
		role: 'ROLE_API',
	});
	expect(answer.status).toBe(200);
	return axios.create({
		baseURL: `${target.url}${OLIVER_API_PREFIX}`,
		validateStatus: () => true,
		timeout: 3000,
		...extra,
		headers: {
			Authorization: `Bearer ${answer.data.data.token}`,
			'X-Client-Id': target.options.locationId,
			...extra.headers,
		},
	});
}

/** A second fake with other options, stopped afterwards. */
async function withFake(
	options: OliverFakeOptions,
	body: (other: OliverFake, api: AxiosInstance) => Promise<void>,
): Promise<void> {
	const other = new OliverFake({ clock, ...options });
	await other.start();
	try {
		await body(other, await signedIn(other));
	} finally {
		await other.stop();
	}
}

let api: AxiosInstance;

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => {
	await fake.stop();
});
beforeEach(async () => {
	now = T0;
	fake.reset();
	api = await signedIn();
	fake.server.clearRequests();
});

describe('sign-in and auth', () => {
	it('signs in with username, password and ROLE_API, answering a JWT-shaped token', async () => {
		fake.reset();
		const answer = await http.post(`${fake.url}${OLIVER_SIGN_IN_PATH}`, {
			username: 'api-user',
			password: 'api-pass',
			role: 'ROLE_API',
		});
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({
			success: true,
			data: { token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) },
		});
		const payload = JSON.parse(
			Buffer.from(answer.data.data.token.split('.')[1], 'base64url').toString(),
		);
		expect(payload.exp - payload.iat).toBe(3600);
		expect(fake.signInCount).toBe(1);
	});

	it.each([
		['a wrong password', { username: 'api-user', password: 'nope', role: 'ROLE_API' }],
		['a wrong role', { username: 'api-user', password: 'api-pass', role: 'ROLE_USER' }],
		['no role', { username: 'api-user', password: 'api-pass' }],
		['no body', undefined],
	])('refuses %s with 401 and the error envelope', async (_case, body) => {
		fake.reset();
		const answer = await http.post(`${fake.url}${OLIVER_SIGN_IN_PATH}`, body);
		expect(answer.status).toBe(401);
		expect(answer.data).toEqual({ success: false, message: expect.any(String) });
		expect(fake.signInCount).toBe(0);
	});

	it('refuses a sign-in body that is not JSON with 400', async () => {
		const answer = await http.post(
			`${fake.url}${OLIVER_SIGN_IN_PATH}`,
			'username=api-user&password=api-pass&role=ROLE_API',
		);
		expect(answer.status).toBe(400);
		expect(answer.data.success).toBe(false);
	});

	it('needs a live bearer token and the location id on every other call', async () => {
		const token = fake.issueToken();
		const call = (headers: Record<string, string>) => http.get(`${fake.url}${TASKS}`, { headers });

		expect((await call({ Authorization: `Bearer ${token}`, 'X-Client-Id': 'loc-1' })).status).toBe(
			200,
		);
		expect((await call({ Authorization: `bearer ${token}`, 'X-Client-Id': 'loc-1' })).status).toBe(
			200,
		);
		const refused: Array<Record<string, string>> = [
			{ 'X-Client-Id': 'loc-1' },
			{ Authorization: 'Bearer not-a-token', 'X-Client-Id': 'loc-1' },
			{ Authorization: token, 'X-Client-Id': 'loc-1' },
			{ Authorization: `Bearer ${token}` },
			{ Authorization: `Bearer ${token}`, 'X-Client-Id': 'loc-2' },
		];
		for (const headers of refused) {
			const answer = await call(headers);
			expect([answer.status, answer.data]).toEqual([
				401,
				{ success: false, message: expect.any(String) },
			]);
		}
		// The look-ups are guarded too.
		expect((await http.get(`${fake.url}${OLIVER_API_PREFIX}/clients?name=a`)).status).toBe(401);
	});

	it('expireTokens() and the token lifetime both lead to 401', async () => {
		expect((await api.get('/staff_tasks')).status).toBe(200);
		fake.expireTokens();
		expect((await api.get('/staff_tasks')).status).toBe(401);

		api = await signedIn();
		now = T0 + fake.options.tokenTtlMs - 1;
		expect((await api.get('/staff_tasks')).status).toBe(200);
		now = T0 + fake.options.tokenTtlMs;
		expect((await api.get('/staff_tasks')).status).toBe(401);
	});

	it('the status for a wrong X-Client-Id is an option', async () => {
		await withFake({ wrongLocationStatus: 403, locationId: 'clinic-9' }, async (other, good) => {
			expect((await good.get('/staff_tasks')).status).toBe(200);
			const answer = await good.get('/staff_tasks', { headers: { 'X-Client-Id': 'loc-1' } });
			expect([answer.status, answer.data.success]).toEqual([403, false]);
			expect(other.requests.at(-1)?.headers['x-client-id']).toBe('loc-1');
		});
	});
});

describe('staff task list', () => {
	const seed = (count: number, partial: Partial<OliverTask> = {}) =>
		Array.from({ length: count }, (_, i) => fake.addTask({ title: `Task ${i}`, ...partial }));

	it('pages from 0 with 50 per page by default, in creation order', async () => {
		const tasks = seed(120);
		const first = await api.get('/staff_tasks');
		expect(first.status).toBe(200);
		expect(first.data.success).toBe(true);
		expect(first.data.data).toMatchObject({
			page: 0,
			per_page: 50,
			total_pages: 3,
			total_count: 120,
		});
		expect(first.data.data.content.map((task: OliverTask) => task.id)).toEqual(
			tasks.slice(0, 50).map((task) => task.id),
		);

		const last = await api.get('/staff_tasks', { params: { page: 2, per_page: 50 } });
		expect(last.data.data.content.map((task: OliverTask) => task.id)).toEqual(
			tasks.slice(100).map((task) => task.id),
		);

		const past = await api.get('/staff_tasks', { params: { page: 7 } });
		expect(past.data.data).toMatchObject({ page: 7, total_count: 120, content: [] });
	});

	it('clamps per_page above 100, or refuses it when told to', async () => {
		seed(130);
		const clamped = await api.get('/staff_tasks', { params: { per_page: 500 } });
		expect(clamped.data.data).toMatchObject({ per_page: 100, total_pages: 2 });
		expect(clamped.data.data.content).toHaveLength(100);

		await withFake({ perPageAboveMax: 'reject' }, async (_other, strict) => {
			const answer = await strict.get('/staff_tasks', { params: { per_page: 101 } });
			expect([answer.status, answer.data.success]).toEqual([400, false]);
		});
	});

	it('filters by status and refuses unknown statuses or pages', async () => {
		fake.addTask({ title: 'open' });
		fake.addTask({ title: 'done', status: 'completed' });
		fake.addTask({ title: 'dropped', status: 'canceled' });
		const done = await api.get('/staff_tasks', { params: { status: 'completed' } });
		expect(done.data.data.content.map((task: OliverTask) => task.title)).toEqual(['done']);
		expect(done.data.data.total_count).toBe(1);

		for (const params of [{ status: 'archived' }, { page: -1 }, { page: 'x' }, { per_page: 0 }]) {
			const answer = await api.get('/staff_tasks', { params });
			expect([answer.status, answer.data.success]).toEqual([400, false]);
		}
	});

	it('ordering and leniency are options', async () => {
		await withFake(
			{ listOrder: 'newest-first', invalidListQuery: 'ignore' },
			async (other, lenient) => {
				other.addTask({ title: 'older' });
				other.addTask({ title: 'newer' });
				const answer = await lenient.get('/staff_tasks', {
					params: { status: 'archived', page: 'x' },
				});
				expect(answer.status).toBe(200);
				expect(answer.data.data.page).toBe(0);
				expect(answer.data.data.content.map((task: OliverTask) => task.title)).toEqual([
					'newer',
					'older',
				]);
			},
		);
	});
});

describe('staff task create, get, update, delete', () => {
	it('POST answers 201 with the new pending task and its defaults', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const answer = await api.post('/staff_tasks', {
			title: 'Call owner',
			client_id: client.id,
			reference_time_at: '2026-12-01T14:30:00Z',
		});
		expect(answer.status).toBe(201);
		expect(answer.data).toEqual({
			success: true,
			data: {
				id: expect.stringMatching(/^st_/),
				task_type: 'task',
				status: 'pending',
				title: 'Call owner',
				description: null,
				client_id: client.id,
				patient_id: null,
				cancellation_allowed: true,
				override_completion_action_text: null,
				reference_time_at: '2026-12-01T14:30:00Z',
				finalized_at: null,
				created_at: new Date(T0).toISOString(),
				updated_at: new Date(T0).toISOString(),
			},
		});
		expect(fake.tasks.get(answer.data.data.id)).toEqual(answer.data.data);

		const refill = await api.post('/staff_tasks', {
			title: 'Refill',
			task_type: 'rx_refill',
			status: 'completed',
		});
		expect(refill.data.data).toMatchObject({
			task_type: 'rx_refill',
			status: 'pending',
			finalized_at: null,
		});
	});

	it.each([
		['no title', {}, 'title'],
		['a blank title', { title: '   ' }, 'title'],
		['a numeric title', { title: 42 }, 'title'],
		['an unknown task_type', { title: 'x', task_type: 'chore' }, 'task_type'],
		[
			'a date that is not ISO 8601',
			{ title: 'x', reference_time_at: 'next tuesday' },
			'reference_time_at',
		],
		[
			'a date without an offset',
			{ title: 'x', reference_time_at: '2026-12-01T14:30:00' },
			'reference_time_at',
		],
		[
			'an impossible date',
			{ title: 'x', reference_time_at: '2026-02-30T10:00:00Z' },
			'reference_time_at',
		],
		['an unknown client', { title: 'x', client_id: 'cl_404' }, 'client_id'],
	])('POST refuses %s with 400 naming the field', async (_case, body, field) => {
		const answer = await api.post('/staff_tasks', body);
		expect(answer.status).toBe(400);
		expect(answer.data).toEqual({
			success: false,
			message: expect.stringContaining(field),
			data: { field },
		});
		expect(fake.tasks.size).toBe(0);
	});

	it('POST refuses a body not sent as JSON', async () => {
		const answer = await api.post('/staff_tasks', 'title=x', {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect([answer.status, answer.data.success]).toEqual([400, false]);
	});

	it('GET one answers the task, or 404 with the error envelope', async () => {
		const task = fake.addTask({ title: 'Vaccine reminder' });
		expect((await api.get(`/staff_tasks/${task.id}`)).data).toEqual({ success: true, data: task });
		const missing = await api.get('/staff_tasks/st_missing');
		expect([missing.status, missing.data]).toEqual([
			404,
			{ success: false, message: 'Staff task st_missing not found' },
		]);
	});

	it('PUT changes only the fields sent and moves updated_at', async () => {
		const task = fake.addTask({ title: 'Old', description: 'Keep me', task_type: 'rx_refill' });
		now = T0 + 60_000;
		const answer = await api.put(`/staff_tasks/${task.id}`, { title: 'New' });
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({
			success: true,
			data: expect.any(Object),
			message: expect.any(String),
		});
		expect(answer.data.data).toEqual({
			...task,
			title: 'New',
			updated_at: new Date(now).toISOString(),
		});
		expect(answer.data.data.created_at).toBe(new Date(T0).toISOString());

		for (const body of [
			{ status: 'done' },
			{ task_type: 'chore' },
			{ reference_time_at: 'soon' },
			{ title: '' },
		]) {
			expect((await api.put(`/staff_tasks/${task.id}`, body)).status).toBe(400);
		}
		expect((await api.put('/staff_tasks/st_missing', { title: 'x' })).status).toBe(404);
		expect(fake.tasks.get(task.id)?.title).toBe('New');
	});

	it('status completed or canceled sets finalized_at; pending clears it', async () => {
		const task = fake.addTask({ title: 'Lab results' });
		const put = async (status: string) =>
			(await api.put(`/staff_tasks/${task.id}`, { status })).data.data as OliverTask;

		now = T0 + 1000;
		expect(await put('completed')).toMatchObject({
			status: 'completed',
			finalized_at: new Date(T0 + 1000).toISOString(),
		});
		now = T0 + 2000;
		// [inferred] rule: the same status again keeps the first finalized_at.
		expect((await put('completed')).finalized_at).toBe(new Date(T0 + 1000).toISOString());
		now = T0 + 3000;
		expect(await put('pending')).toMatchObject({ status: 'pending', finalized_at: null });
		now = T0 + 4000;
		expect(await put('canceled')).toMatchObject({
			status: 'canceled',
			finalized_at: new Date(T0 + 4000).toISOString(),
		});
		now = T0 + 5000;
		expect(await put('completed')).toMatchObject({
			status: 'completed',
			finalized_at: new Date(T0 + 5000).toISOString(),
		});

		await withFake({ refinalizeOnSameStatus: true }, async (other, client) => {
			const done = other.addTask({
				title: 'x',
				status: 'completed',
				finalized_at: '2020-01-01T00:00:00.000Z',
			});
			const answer = await client.put(`/staff_tasks/${done.id}`, { status: 'completed' });
			expect(answer.data.data.finalized_at).toBe(new Date(now).toISOString());
		});
	});

	it('DELETE is a soft delete: canceled, finalized_at set, the record stays', async () => {
		const task = fake.addTask({ title: 'Duplicate' });
		now = T0 + 5000;
		const answer = await api.delete(`/staff_tasks/${task.id}`);
		expect([answer.status, answer.data]).toEqual([200, { success: true }]);
		const after = (await api.get(`/staff_tasks/${task.id}`)).data.data;
		expect(after).toMatchObject({
			status: 'canceled',
			finalized_at: new Date(now).toISOString(),
			title: 'Duplicate',
		});
		expect(
			(await api.get('/staff_tasks', { params: { status: 'canceled' } })).data.data.total_count,
		).toBe(1);
		expect((await api.delete('/staff_tasks/st_missing')).status).toBe(404);
	});

	it('cancellation_allowed is only enforced when told to', async () => {
		const locked = fake.addTask({ title: 'Locked', cancellation_allowed: false });
		expect((await api.delete(`/staff_tasks/${locked.id}`)).status).toBe(200);

		await withFake({ enforceCancellationAllowed: true }, async (other, client) => {
			const task = other.addTask({ title: 'Locked', cancellation_allowed: false });
			expect((await client.delete(`/staff_tasks/${task.id}`)).status).toBe(400);
			expect((await client.put(`/staff_tasks/${task.id}`, { status: 'canceled' })).status).toBe(
				400,
			);
			expect(other.tasks.get(task.id)?.status).toBe('pending');
		});
	});
});

describe('clients and patients', () => {
	beforeEach(() => {
		const dana = fake.addClient({
			name: 'Dana Smith',
			email: 'dana@example.com',
			phone: '555-0101',
		});
		fake.addPatient({ name: 'Rex', client_id: dana.id, species: 'Dog' });
		fake.addPatient({ name: 'Mittens', client_id: dana.id, species: 'Cat' });
		fake.addClient({ name: 'Lee Smithers', email: 'lee@example.com' });
	});

	it('search needs name, email or phone, matches case-insensitively and embeds patients', async () => {
		const none = await api.get('/clients');
		expect([none.status, none.data.success]).toEqual([400, false]);
		expect((await api.get('/clients', { params: { remote_id: 'x' } })).status).toBe(400);

		const smiths = await api.get('/clients', { params: { name: 'SMITH' } });
		expect(smiths.data.data.map((client: { name: string }) => client.name)).toEqual([
			'Dana Smith',
			'Lee Smithers',
		]);
		const dana = await api.get('/clients', { params: { email: 'dana@', name: 'smith' } });
		expect(dana.data.data).toEqual([
			expect.objectContaining({
				name: 'Dana Smith',
				remote_id: null,
				patients: [
					expect.objectContaining({ name: 'Rex' }),
					expect.objectContaining({ name: 'Mittens' }),
				],
			}),
		]);
		expect((await api.get('/clients', { params: { phone: '0101' } })).data.data).toHaveLength(1);
	});

	it('search answers at most 100 clients', async () => {
		for (let i = 0; i < 120; i++) fake.addClient({ name: `Pat ${i}` });
		expect((await api.get('/clients', { params: { name: 'pat' } })).data.data).toHaveLength(100);
	});

	it('patients need client_id and may filter by name; one client or patient by id', async () => {
		const [dana] = fake.clients.values();
		expect((await api.get('/patients')).status).toBe(400);
		const all = await api.get('/patients', { params: { client_id: dana.id } });
		expect(all.data.data.map((patient: { name: string }) => patient.name)).toEqual([
			'Rex',
			'Mittens',
		]);
		const rex = await api.get('/patients', { params: { client_id: dana.id, name: 're' } });
		expect(rex.data.data).toEqual([
			{ id: expect.any(String), name: 'Rex', client_id: dana.id, species: 'Dog', breed: null },
		]);

		expect((await api.get(`/clients/${dana.id}`)).data.data).toMatchObject({
			id: dana.id,
			patients: expect.any(Array),
		});
		expect((await api.get(`/patients/${rex.data.data[0].id}`)).data).toEqual({
			success: true,
			data: rex.data.data[0],
		});
		expect((await api.get('/clients/cl_404')).status).toBe(404);
		expect((await api.get('/patients/pt_404')).data.success).toBe(false);
	});
});

describe('state helpers', () => {
	it('reset() empties state, tokens, requests and faults; seedSandbox() builds a small practice', async () => {
		fake.addTask({ title: 'x' });
		fake.server.fault({ fault: { status: 500 }, times: Infinity });
		fake.reset();
		expect([fake.tasks.size, fake.requests.length, fake.signInCount]).toEqual([0, 0, 0]);
		expect((await api.get('/staff_tasks')).status).toBe(401);

		fake.seedSandbox();
		const tasks = [...fake.tasks.values()];
		expect(fake.clients.size).toBeGreaterThanOrEqual(3);
		expect(new Set(tasks.map((task) => task.status))).toEqual(
			new Set(['pending', 'completed', 'canceled']),
		);
		expect(tasks.some((task) => task.task_type === 'rx_refill')).toBe(true);
		expect(
			tasks.filter((task) => task.status !== 'pending').every((task) => task.finalized_at !== null),
		).toBe(true);
		for (const client of fake.clients.values()) expect(client.patients.length).toBeGreaterThan(0);
	});
});

describe('fault injection', () => {
	it('a status fault answers instead of the handler, for `times` matching requests, and is recorded', async () => {
		const task = fake.addTask({ title: 'x' });
		fake.server.fault({
			method: 'GET',
			path: `${TASKS}/:id`,
			times: 2,
			fault: {
				status: 503,
				body: { success: false, message: 'down' },
				headers: { 'Retry-After': '1' },
			},
		});

		expect((await api.get('/staff_tasks')).status).toBe(200); // another path
		const first = await api.get(`/staff_tasks/${task.id}`);
		expect([first.status, first.data, first.headers['retry-after']]).toEqual([
			503,
			{ success: false, message: 'down' },
			'1',
		]);
		expect((await api.get(`/staff_tasks/${task.id}`)).status).toBe(503);
		expect((await api.get(`/staff_tasks/${task.id}`)).status).toBe(200);
		expect(fake.requests.map((request) => request.path)).toEqual([
			TASKS,
			...Array(3).fill(`${TASKS}/${task.id}`),
		]);
	});

	it('a 200 that says success: false is served as given', async () => {
		fake.server.fault({
			path: TASKS,
			fault: { status: 200, body: { success: false, message: 'Task is locked' } },
		});
		const answer = await api.get('/staff_tasks');
		expect([answer.status, answer.data]).toEqual([
			200,
			{ success: false, message: 'Task is locked' },
		]);
	});

	it('Infinity lasts until cleared; a RegExp path and the first matching rule win', async () => {
		fake.server.fault({ path: /\/clients/, times: Infinity, fault: { status: 429 } });
		fake.server.fault({ times: Infinity, fault: { status: 502 } });
		for (let i = 0; i < 3; i++)
			expect((await api.get('/clients', { params: { name: 'a' } })).status).toBe(429);
		expect((await api.get('/staff_tasks')).status).toBe(502);
		fake.server.clearFaults();
		expect((await api.get('/staff_tasks')).status).toBe(200);
	});

	it('a delay waits, then answers normally', async () => {
		fake.server.fault({ fault: { delayMs: 150 } });
		const started = Date.now();
		const answer = await api.get('/staff_tasks');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		expect([answer.status, answer.data.success]).toEqual([200, true]);

		fake.server.fault({ fault: { delayMs: 500 } });
		await expect(api.get('/staff_tasks', { timeout: 100 })).rejects.toMatchObject({
			code: 'ECONNABORTED',
		});
	});

	it('a malformed body comes as application/json that does not parse', async () => {
		fake.server.fault({ fault: { malformedBody: '{"success": tr' } });
		const answer = await api.get('/staff_tasks', {
			responseType: 'text',
			transitional: { silentJSONParsing: false },
		});
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe('application/json');
		expect(answer.data).toBe('{"success": tr');

		fake.server.fault({ fault: { malformedBody: '<html>', status: 502 } });
		const bad = await api
			.get('/staff_tasks', { responseType: 'json', transitional: { silentJSONParsing: false } })
			.catch((error: Error) => error);
		expect(bad).toBeInstanceOf(Error);
		expect((bad as Error & { response?: { status: number } }).response?.status).toBe(502);
	});

	it('a drop closes the connection without an answer', async () => {
		fake.server.fault({ method: 'POST', fault: { drop: true } });
		await expect(api.post('/staff_tasks', { title: 'x' })).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		expect(fake.requests).toHaveLength(1);
		expect(fake.tasks.size).toBe(0);
		expect((await api.post('/staff_tasks', { title: 'x' })).status).toBe(201);
	});
});

describe('the kit itself', () => {
	const server = new FakeServer('kit');
	server
		.on('POST', '/echo/:id', (request) => ({
			status: 200,
			body: { params: request.params, query: request.query, body: request.body },
		}))
		.on('GET', '/boom', () => {
			throw new Error('handler broke');
		})
		.on('GET', '/text', () => ({ status: 202, body: 'plain', headers: { 'X-Extra': 'yes' } }));
	beforeAll(() => server.start());
	afterAll(() => server.stop());

	it('records method, path, query (last wins), lower-cased headers and parsed bodies', async () => {
		await http.post(`${server.url}/echo/a%20b?x=1&x=2&y=3`, 'k=v&n=1', {
			headers: { 'X-Trace': 't1', 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		const answer = await http.post(`${server.url}/echo/7`, { a: 1 });
		expect(answer.data).toEqual({ params: { id: '7' }, query: {}, body: { a: 1 } });

		const [form, json] = server.requests;
		expect(form).toMatchObject({
			method: 'POST',
			path: '/echo/a%20b',
			query: { x: '2', y: '3' },
			rawQuery: 'x=1&x=2&y=3',
			body: { k: 'v', n: '1' },
			rawBody: 'k=v&n=1',
		});
		expect(form.headers['x-trace']).toBe('t1');
		expect(json.at).toBeGreaterThan(0);
		expect(
			(
				await http.post(`${server.url}/echo/1`, 'not json', {
					headers: { 'Content-Type': 'text/plain' },
				})
			).data.body,
		).toBe('not json');
		expect(server.requests.at(-1)?.body).toBe('not json');
	});

	it('answers 404 for an unknown route, 500 for a throwing handler, and sends strings as is', async () => {
		expect((await http.get(`${server.url}/nowhere`)).status).toBe(404);
		expect((await http.post(`${server.url}/boom`)).status).toBe(404); // method matters
		const boom = await http.get(`${server.url}/boom`);
		expect([boom.status, boom.data.message]).toEqual([
			500,
			expect.stringContaining('handler broke'),
		]);
		const text = await http.get(`${server.url}/text`);
		expect([text.status, text.data, text.headers['x-extra']]).toEqual([202, 'plain', 'yes']);
	});

	it('the fake Oliver shapes its 404 like its other errors', async () => {
		const answer = await api.get('/no_such_thing');
		expect([answer.status, answer.data]).toEqual([
			404,
			{ success: false, message: expect.any(String) },
		]);
	});
});
