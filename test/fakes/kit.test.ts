/**
 * The kit every fake stands on (kit.ts): fault injection, shown through the fake Oliver, and the server
 * itself.
 */
import { FakeServer } from './kit';
import { api, fake, http, TASKS, useFake } from './oliver/testing';

useFake();

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
