/**
 * The fake MileApp, driven over real HTTP with node's fetch: if it drifts from the documents
 * (shared/vendors/mileapp.md, seed 003), every node test built on it would pass for the wrong reason.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	MILEAPP_API,
	MileAppFake,
	type MileAppFakeOptions,
	type MileAppFlow,
	type MileAppHub,
	type MileAppTaskRecord,
	type MileAppUser,
} from '../fakes/mileApp';
import { serveFake } from './serveFake';

/** 12:00:00 UTC. */
const T0 = Date.parse('2026-03-01T12:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const HOUR = 3_600_000;
const fake = new MileAppFake({ clock, rateLimitPerSecond: null, deliveryRetryDelayMs: 5 });
serveFake(fake);

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

interface CallOptions {
	body?: unknown;
	/** Sent as is, as application/json. */
	raw?: string;
	/** null sends no Authorization header. */
	token?: string | null;
	accept?: string;
	headers?: Record<string, string>;
	query?: Record<string, string | number>;
}

async function call(
	target: MileAppFake,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<Answer> {
	const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
	const token = options.token === undefined ? target.options.token : options.token;
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	Object.assign(headers, options.headers);
	let body: string | undefined;
	if (options.raw !== undefined || options.body !== undefined) {
		body = options.raw ?? JSON.stringify(options.body);
		headers['Content-Type'] = 'application/json';
	}
	const query = options.query
		? `?${new URLSearchParams(Object.entries(options.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`
		: '';
	const response = await fetch(`${target.url}${MILEAPP_API}${path}${query}`, {
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

/** fetch always sends an Accept header; this sends none. */
function withoutAccept(target: MileAppFake, path: string): Promise<{ status: number; body: any }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			`${target.url}${MILEAPP_API}${path}`,
			{ headers: { Authorization: `Bearer ${target.options.token}` }, agent: false },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
					}),
				);
			},
		);
		request.on('error', reject);
		request.end();
	});
}

/** A second fake with other options, stopped afterwards. */
async function withFake(
	options: MileAppFakeOptions,
	body: (other: MileAppFake) => Promise<void>,
): Promise<void> {
	const other = new MileAppFake({
		clock,
		rateLimitPerSecond: null,
		deliveryRetryDelayMs: 5,
		...options,
	});
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
	/** Answered in order, then `status`. */
	statuses: number[];
	status: number;
	delayMs: number;
	close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
	const receiver: Receiver = {
		url: '',
		received: [],
		statuses: [],
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
			const status = receiver.statuses.shift() ?? receiver.status;
			setTimeout(() => {
				if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
			}, receiver.delayMs);
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

async function waitFor(test: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
	expect(test()).toBe(true);
}

let jakarta: MileAppHub;
let bandung: MileAppHub;
let dewi: MileAppUser;
let budi: MileAppUser;
let visit: MileAppFlow;
let delivery: MileAppFlow;

beforeEach(() => {
	now = T0;
	fake.reset();
	jakarta = fake.addHub({
		name: 'Jakarta',
		address: 'Gambir, Jakarta Pusat',
		lat: -6.205154152722965,
		lng: 106.84667067970608,
	});
	bandung = fake.addHub({
		name: 'Bandung',
		address: 'Jl. Braga, Bandung',
		lat: -6.9216,
		lng: 107.6071,
	});
	dewi = fake.addUser(
		{ name: 'Dewi', email: 'dewi@example.com', hubIds: [jakarta._id] },
		'dewi-token',
	);
	budi = fake.addUser({ name: 'Budi', email: 'budi@example.com', hubIds: [bandung._id] });
	// Seed 003's flow: three fields, no title/content configured.
	visit = fake.addFlow({
		name: 'Visit',
		titleField: null,
		contentField: null,
		fields: [
			{ field: 'field1', type: 'string', required: true, example: 'John Birdy' },
			{ field: 'field2', type: 'string', required: true, example: 'Gambir Jakarta' },
			{ field: 'field3', type: 'location', example: '-6.230815251,106.75684387' },
		],
	});
	delivery = fake.addFlow({
		name: 'Delivery',
		defaultDurationMinutes: 8 * 60,
		fields: [
			{ field: 'invoice', type: 'string', required: true },
			{ field: 'packageCount', type: 'number', required: true },
			{ field: 'priority', type: 'select', options: ['Low', 'Normal', 'Urgent'] },
			{ field: 'dueDate', type: 'date' },
			{ field: 'pickupAt', type: 'datetime' },
		],
	});
});

const task = (partial: Partial<MileAppTaskRecord> = {}) =>
	fake.addTask({
		flowId: visit._id,
		hubId: jakarta._id,
		fields: { field1: 'John', field2: 'Gambir' },
		...partial,
	});

const seedBody = () => ({
	flow: 'Visit',
	hubId: jakarta._id,
	field1: 'John Birdy',
	field2: 'Gambir Jakarta',
	field3: '-6.230815251,106.75684387',
	startTime: '2022-11-02T07:28:23+00:00',
	endTime: '2022-11-05T07:28:23+00:00',
});

describe('auth, Accept, routes, errors', () => {
	it('answers 401 {status: false, message} without a valid personal token; the scheme is case-insensitive', async () => {
		expect((await api('GET', '/hubs')).status).toBe(200);
		for (const options of [
			{ token: null },
			{ token: 'nope' },
			{ token: null, headers: { Authorization: `Basic ${fake.options.token}` } },
		] as CallOptions[]) {
			const answer = await api('GET', '/hubs', options);
			expect([answer.status, answer.body]).toEqual([
				401,
				{ status: false, message: 'Unauthenticated.' },
			]);
		}
		expect(
			(
				await api('GET', '/hubs', {
					token: null,
					headers: { Authorization: `bearer ${fake.options.token}` },
				})
			).status,
		).toBe(200);
		expect((await api('GET', '/hubs', { token: 'dewi-token' })).status).toBe(200);
		fake.revokeToken('dewi-token');
		expect((await api('GET', '/hubs', { token: 'dewi-token' })).status).toBe(401);
	});

	it('answers 406 unless Accept allows application/json or */*; a missing Accept is */* (or 406 by option)', async () => {
		for (const accept of [
			'text/html',
			'application/xml',
			'application/*',
			'text/plain, application/xml;q=0.9',
		]) {
			const answer = await api('GET', '/hubs', { accept });
			expect([answer.status, answer.body]).toEqual([
				406,
				{ status: false, message: expect.stringContaining('application/json') },
			]);
		}
		for (const accept of [
			'application/json',
			'*/*',
			'application/json, text/plain, */*',
			'text/html;q=0.9, application/json;q=0.8',
		]) {
			expect((await api('GET', '/hubs', { accept })).status).toBe(200);
		}
		expect((await withoutAccept(fake, '/hubs')).status).toBe(200);
		// By default the Accept check comes first: a bad Accept without a token is a 406.
		expect((await api('GET', '/hubs', { accept: 'text/html', token: null })).status).toBe(406);
		await withFake({ missingAccept: 'reject', acceptCheck: 'after-auth' }, async (other) => {
			expect((await withoutAccept(other, '/hubs')).status).toBe(406);
			expect((await call(other, 'GET', '/hubs', { accept: 'text/html', token: null })).status).toBe(
				401,
			);
		});
	});

	it('an unknown URL is a 404 and a known one with another method a 405, both {status: false, message}', async () => {
		const missing = await api('GET', '/nothing');
		expect([missing.status, missing.body]).toEqual([404, { status: false, message: 'Not Found' }]);
		const wrong = await api('POST', '/tasks');
		expect([wrong.status, wrong.body.status]).toEqual([405, false]);
		expect(wrong.headers.get('allow')).toBe('GET');
		expect((await api('PATCH', '/task/x/assign')).status).toBe(405);
	});

	it('errors can go out under HTTP 200 with status: false, on POST only or always (option)', async () => {
		await withFake({ errorHttpStatus: 'post-200' }, async (other) => {
			const created = await call(other, 'POST', '/task', { body: {} });
			expect([created.status, created.body]).toEqual([
				200,
				{ status: false, message: 'The flow field is required.' },
			]);
			expect((await call(other, 'GET', '/task/nope')).status).toBe(404);
		});
		await withFake({ errorHttpStatus: 'always-200' }, async (other) => {
			const answer = await call(other, 'GET', '/task/nope');
			expect([answer.status, answer.body]).toEqual([
				200,
				{ status: false, message: 'Data not found' },
			]);
			expect((await call(other, 'GET', '/hubs', { token: 'bad' })).body).toEqual({
				status: false,
				message: 'Unauthenticated.',
			});
		});
	});

	it('429 over 100 requests a second per organization (a fixed window), with Retry-After', async () => {
		let ms = 0;
		await withFake({ rateLimitPerSecond: 3, rateLimitClock: () => ms }, async (other) => {
			other.addUser({ name: 'Second', email: 'second@example.com' }, 'second-token');
			for (let i = 0; i < 2; i++)
				expect((await call(other, 'GET', '/hubs')).headers.get('x-ratelimit-remaining')).toBe(
					String(2 - i),
				);
			// Per organization: another user's token counts in the same window.
			expect((await call(other, 'GET', '/hubs', { token: 'second-token' })).status).toBe(200);
			ms = 400;
			const refused = await call(other, 'GET', '/hubs');
			expect([refused.status, refused.body]).toEqual([
				429,
				{ status: false, message: 'Too Many Requests' },
			]);
			expect(refused.headers.get('retry-after')).toBe('1');
			ms = 1000;
			expect((await call(other, 'GET', '/hubs')).status).toBe(200);
		});
		expect(new MileAppFake().options.rateLimitPerSecond).toBe(100);
	});

	it('a body that is not a JSON object is a 400; one over the size limit a 413', async () => {
		for (const raw of ['{"flow": "Vis', '[1,2]', '"text"']) {
			const answer = await api('POST', '/task', { raw });
			expect([answer.status, answer.body.status]).toEqual([400, false]);
		}
		await withFake({ maxBodyBytes: 100 }, async (other) => {
			const answer = await call(other, 'POST', '/task', { body: { flow: 'x'.repeat(200) } });
			expect([answer.status, answer.body]).toEqual([
				413,
				{ status: false, message: 'Payload Too Large' },
			]);
		});
		expect(fake.tasks.size).toBe(0);
	});
});

describe('tasks: create', () => {
	it('POST /task creates (201) a task shaped as seed 003, created by the token’s user', async () => {
		const answer = await api('POST', '/task', { body: seedBody() });
		expect(answer.status).toBe(201);
		const created = {
			_id: expect.stringMatching(/^[0-9a-f]{24}$/),
			flow: 'Visit',
			flowId: visit._id,
			hubId: jakarta._id,
			startTime: '2022-11-02T07:28:23+00:00',
			organizationId: '634e98098ce07d29474a7e22',
			status: 'UNASSIGNED',
			hub: { _id: jakarta._id, name: 'Jakarta', lat: -6.205154152722965, lng: 106.84667067970608 },
			orderIndex: 10,
			field1: 'John Birdy',
			field2: 'Gambir Jakarta',
			field3: '-6.230815251,106.75684387',
			createdFrom: 'API',
			endTime: '2022-11-05T07:28:23+00:00',
			createdBy: 'Roger',
			updatedTime: '2026-03-01T12:00:00+00:00',
			createdTime: '2026-03-01T12:00:00+00:00',
		};
		expect(answer.body).toEqual({ status: true, message: 'Task has been created', task: created });
		// Seed 003's key order, with flowId after flow.
		expect(Object.keys(answer.body.task)).toEqual(Object.keys(created));

		// orderIndex goes up by 10; another user's token is its createdBy; times default from the flow.
		const second = await api('POST', '/task', {
			token: 'dewi-token',
			body: { flow: 'Delivery', hubId: jakarta._id, invoice: 'INV-1', packageCount: 2 },
		});
		expect(second.body.task).toMatchObject({
			orderIndex: 20,
			createdBy: 'Dewi',
			startTime: '2026-03-01T12:00:00+00:00',
			endTime: '2026-03-01T20:00:00+00:00',
			title: 'INV-1',
			content: 2,
		});
		// `Y-m-d H:i:s` is read in the organization's zone; ISO offsets are converted to it.
		const local = await api('POST', '/task', {
			body: {
				...seedBody(),
				startTime: '2026-03-02 08:00:00',
				endTime: '2026-03-02T17:00:00+07:00',
			},
		});
		expect(local.body.task).toMatchObject({
			startTime: '2026-03-02T08:00:00+00:00',
			endTime: '2026-03-02T10:00:00+00:00',
		});
	});

	it('POST refuses (400) what the flow does not allow, one message at a time (all by option); nothing is stored', async () => {
		const message = async (body: unknown) => {
			const answer = await api('POST', '/task', { body });
			expect([answer.status, answer.body.status]).toEqual([400, false]);
			return answer.body.message;
		};
		const base = { flow: 'Delivery', hubId: jakarta._id, invoice: 'INV-1', packageCount: 2 };
		expect(await message({})).toBe('The flow field is required.');
		expect(await message({ flow: 'Visit' })).toBe('The hubId field is required.');
		expect(await message({ ...base, flow: 'Nope' })).toBe('The selected flow is invalid.');
		expect(await message({ ...base, hubId: 'nope' })).toBe('The selected hubId is invalid.');
		expect(await message({ ...base, invoice: undefined })).toBe('The invoice field is required.');
		expect(await message({ ...base, invoice: '  ' })).toBe('The invoice field is required.');
		expect(await message({ ...base, packageCount: 'two' })).toBe(
			'The packageCount must be a number.',
		);
		expect(await message({ ...base, priority: 'Soon' })).toBe('The selected priority is invalid.');
		expect(await message({ ...base, dueDate: '02/03/2026' })).toBe(
			'The dueDate does not match the format Y-m-d.',
		);
		expect(await message({ ...base, dueDate: '2026-02-30' })).toBe(
			'The dueDate does not match the format Y-m-d.',
		);
		expect(await message({ ...base, pickupAt: 'tomorrow' })).toBe(
			'The pickupAt is not a valid date.',
		);
		expect(await message({ ...seedBody(), field3: 'Gambir' })).toBe(
			'The field3 must be a location as latitude,longitude.',
		);
		expect(await message({ ...base, startTime: '2026-03-02' })).toBe(
			'The startTime is not a valid date.',
		);
		expect(
			await message({ ...base, startTime: '2026-03-02 10:00:00', endTime: '2026-03-02 09:00:00' }),
		).toBe('The endTime must be a date after startTime.');
		expect(fake.tasks.size).toBe(0);

		// Loose types by default: numeric strings are numbers, numbers are text; strict by option.
		const loose = await api('POST', '/task', {
			body: { ...base, invoice: 1001, packageCount: '3', pickupAt: '2026-03-02 09:30:00' },
		});
		expect(loose.body.task).toMatchObject({
			invoice: '1001',
			packageCount: 3,
			pickupAt: '2026-03-02T09:30:00+00:00',
		});
		await withFake({ strictFieldTypes: true, validationMessage: 'all' }, async (other) => {
			const flow = other.addFlow({
				name: 'Delivery',
				fields: [
					{ field: 'invoice', required: true },
					{ field: 'packageCount', type: 'number', required: true },
				],
			});
			const hub = other.addHub({ name: 'Jakarta' });
			const answer = await call(other, 'POST', '/task', {
				body: { flow: flow.name, hubId: hub._id, invoice: 1001, packageCount: '3' },
			});
			expect([answer.status, answer.body.message]).toEqual([
				400,
				'The invoice must be a string. The packageCount must be a number.',
			]);
		});
	});

	it('body keys outside the flow are dropped (kept or refused by option); keys of an answer are ignored', async () => {
		const answer = await api('POST', '/task', {
			body: {
				...seedBody(),
				colour: 'red',
				_id: 'mine',
				status: 'DONE',
				orderIndex: 99,
				createdBy: 'Me',
				hub: { name: 'x' },
			},
		});
		expect(answer.status).toBe(201);
		expect(answer.body.task).not.toHaveProperty('colour');
		expect(answer.body.task).toMatchObject({
			status: 'UNASSIGNED',
			orderIndex: 10,
			createdBy: 'Roger',
			hub: { name: 'Jakarta' },
		});
		expect(answer.body.task._id).not.toBe('mine');
		await withFake({ unknownBodyFields: 'keep' }, async (other) => {
			const flow = other.addFlow({ name: 'Visit', fields: [{ field: 'field1' }] });
			const hub = other.addHub({ name: 'Jakarta' });
			expect(
				(
					await call(other, 'POST', '/task', {
						body: { flow: flow.name, hubId: hub._id, colour: 'red' },
					})
				).body.task.colour,
			).toBe('red');
		});
		await withFake({ unknownBodyFields: 'reject' }, async (other) => {
			const flow = other.addFlow({ name: 'Visit', fields: [{ field: 'field1' }] });
			const hub = other.addHub({ name: 'Jakarta' });
			const refused = await call(other, 'POST', '/task', {
				body: { flow: flow.name, hubId: hub._id, colour: 'red' },
			});
			expect([refused.status, refused.body.message]).toEqual([
				400,
				'The colour field is not in the flow Visit.',
			]);
		});
	});

	it('assignee[] on create takes emails of the task’s hub: the task starts ONGOING', async () => {
		const answer = await api('POST', '/task', {
			body: { ...seedBody(), assignee: ['Dewi@example.com'] },
		});
		expect(answer.status).toBe(201);
		expect(answer.body.task).toMatchObject({
			status: 'ONGOING',
			assignee: ['Dewi@example.com'],
			assignedBy: 'Roger',
			assignedTime: '2026-03-01T12:00:00+00:00',
		});
		// A comma-separated string works too.
		expect(
			(
				await api('POST', '/task', {
					body: { ...seedBody(), assignee: 'dewi@example.com, roger@example.com' },
				})
			).body.task.assignee,
		).toEqual(['dewi@example.com', 'roger@example.com']);
		const unknown = await api('POST', '/task', {
			body: { ...seedBody(), assignee: ['ghost@example.com'] },
		});
		expect([unknown.status, unknown.body.message]).toEqual([
			400,
			'User ghost@example.com is not found.',
		]);
		const otherHub = await api('POST', '/task', {
			body: { ...seedBody(), assignee: [budi.email] },
		});
		expect([otherHub.status, otherHub.body.message]).toEqual([
			400,
			"User budi@example.com does not belong to the task's hub.",
		]);
		expect((await api('POST', '/task', { body: { ...seedBody(), assignee: [1] } })).status).toBe(
			400,
		);
		await withFake({ assignChecksHub: false }, async (other) => {
			const hub = other.addHub({ name: 'Bandung' });
			other.addUser({ name: 'Budi', email: 'budi@example.com', hubIds: [] });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			expect(
				(
					await call(other, 'POST', '/task', {
						body: { flow: flow.name, hubId: hub._id, assignee: ['budi@example.com'] },
					})
				).status,
			).toBe(201);
		});
	});
});

describe('tasks: read, replace, change, assign, delete', () => {
	it('GET /task/{id} answers {status, message, task}; an unknown id is 404 "Data not found"', async () => {
		const t = task({ assignee: [dewi.email] });
		const answer = await api('GET', `/task/${t._id}`);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ status: true, message: 'Success', task: fake.taskView(t) });
		expect(answer.body.task).toMatchObject({
			status: 'ONGOING',
			assignee: [dewi.email],
			field1: 'John',
		});
		const missing = await api('GET', '/task/6352736c628401059b37a2e2');
		expect([missing.status, missing.body]).toEqual([
			404,
			{ status: false, message: 'Data not found' },
		]);
	});

	it('PUT is a full replacement: fields not sent are lost, times go back to the flow’s defaults; the assignment stays', async () => {
		const t = task({
			fields: { field1: 'John', field2: 'Gambir', field3: '-6.2,106.7' },
			assignee: [dewi.email],
			startTime: iso(T0 + 5 * HOUR),
			endTime: iso(T0 + 9 * HOUR),
		});
		now = T0 + 1000;
		const answer = await api('PUT', `/task/${t._id}`, {
			body: { flow: 'Visit', hubId: jakarta._id, field1: 'John Birdy', field2: 'Gambir Jakarta' },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.message).toBe('Success');
		expect(answer.body.task).not.toHaveProperty('field3');
		expect(answer.body.task).toMatchObject({
			field1: 'John Birdy',
			startTime: iso(T0 + 1000),
			endTime: iso(T0 + 1000 + 24 * HOUR),
			status: 'ONGOING',
			assignee: [dewi.email],
			createdTime: iso(T0),
			updatedTime: iso(T0 + 1000),
		});
		expect(fake.tasks.get(t._id)!.fields).toEqual({
			field1: 'John Birdy',
			field2: 'Gambir Jakarta',
		});

		// flow and hubId are required, and so are the flow's required fields.
		expect(
			(
				await api('PUT', `/task/${t._id}`, {
					body: { hubId: jakarta._id, field1: 'a', field2: 'b' },
				})
			).body.message,
		).toBe('The flow field is required.');
		expect(
			(await api('PUT', `/task/${t._id}`, { body: { flow: 'Visit', field1: 'a', field2: 'b' } }))
				.body.message,
		).toBe('The hubId field is required.');
		expect(
			(
				await api('PUT', `/task/${t._id}`, {
					body: { flow: 'Visit', hubId: jakarta._id, field1: 'a' },
				})
			).body.message,
		).toBe('The field2 field is required.');
		expect((await api('PUT', '/task/nope', { body: seedBody() })).status).toBe(404);

		// Read, then PUT the whole answer back: nothing changes but updatedTime.
		const before = (await api('GET', `/task/${t._id}`)).body.task;
		now = T0 + 2000;
		const echoed = await api('PUT', `/task/${t._id}`, { body: before });
		expect(echoed.status).toBe(200);
		expect(echoed.body.task).toEqual({ ...before, updatedTime: iso(T0 + 2000) });
	});

	it('PUT options: without assignee unassigns; without times keeps the task’s', async () => {
		await withFake(
			{ putWithoutAssignee: 'unassign', putWithoutTimes: 'keep', putRequiresFlowFields: false },
			async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({
					name: 'Visit',
					fields: [{ field: 'field1', required: true }],
				});
				other.addUser({ name: 'Dewi', email: 'dewi@example.com', hubIds: 'all' });
				const t = other.addTask({
					flowId: flow._id,
					hubId: hub._id,
					assignee: ['dewi@example.com'],
					startTime: iso(T0 + HOUR),
					endTime: iso(T0 + 2 * HOUR),
				});
				const answer = await call(other, 'PUT', `/task/${t._id}`, {
					body: { flow: 'Visit', hubId: hub._id },
				});
				expect(answer.status).toBe(200);
				expect(answer.body.task).toMatchObject({
					status: 'UNASSIGNED',
					startTime: iso(T0 + HOUR),
					endTime: iso(T0 + 2 * HOUR),
				});
				expect(answer.body.task).not.toHaveProperty('assignee');
			},
		);
	});

	it('PATCH changes only the fields sent; null clears an optional one; a flow change needs the new flow’s fields', async () => {
		const t = task({
			fields: { field1: 'John', field2: 'Gambir', field3: '-6.2,106.7' },
			startTime: iso(T0 + HOUR),
			endTime: iso(T0 + 2 * HOUR),
		});
		const patched = await api('PATCH', `/task/${t._id}`, { body: { field1: 'Jane' } });
		expect(patched.status).toBe(200);
		expect(patched.body.task).toMatchObject({
			field1: 'Jane',
			field2: 'Gambir',
			field3: '-6.2,106.7',
			startTime: iso(T0 + HOUR),
			endTime: iso(T0 + 2 * HOUR),
			flow: 'Visit',
		});
		expect(
			(await api('PATCH', `/task/${t._id}`, { body: { field3: null } })).body.task,
		).not.toHaveProperty('field3');
		expect(
			(await api('PATCH', `/task/${t._id}`, { body: { endTime: '2026-03-01 20:00:00' } })).body.task
				.endTime,
		).toBe('2026-03-01T20:00:00+00:00');

		const refused = await api('PATCH', `/task/${t._id}`, { body: { field1: null } });
		expect([refused.status, refused.body.message]).toEqual([400, 'The field1 field is required.']);
		expect((await api('PATCH', `/task/${t._id}`, { body: { field3: 'nowhere' } })).status).toBe(
			400,
		);
		expect((await api('PATCH', `/task/${t._id}`, { body: { hubId: 'nope' } })).body.message).toBe(
			'The selected hubId is invalid.',
		);
		expect(
			(await api('PATCH', `/task/${t._id}`, { body: { flow: 'Delivery' } })).body.message,
		).toBe('The invoice field is required.');
		expect(fake.tasks.get(t._id)!.fields).toEqual({ field1: 'Jane', field2: 'Gambir' });

		const moved = await api('PATCH', `/task/${t._id}`, {
			body: { flow: 'Delivery', hubId: bandung._id, invoice: 'INV-9', packageCount: 1 },
		});
		expect(moved.status).toBe(200);
		expect(moved.body.task).toMatchObject({
			flow: 'Delivery',
			flowId: delivery._id,
			hubId: bandung._id,
			hub: { name: 'Bandung' },
			invoice: 'INV-9',
			packageCount: 1,
		});
		expect(moved.body.task).not.toHaveProperty('field1');
		expect((await api('PATCH', '/task/nope', { body: {} })).status).toBe(404);
	});

	it('PUT /task/{id}/assign sets the assignees by email: ONGOING, assignedBy and assignedTime', async () => {
		const t = task();
		now = T0 + 1000;
		const answer = await api('PUT', `/task/${t._id}/assign`, {
			token: 'dewi-token',
			body: { assignee: [dewi.email, fake.primaryUser.email] },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.task).toMatchObject({
			status: 'ONGOING',
			assignee: [dewi.email, 'roger@example.com'],
			assignedBy: 'Dewi',
			assignedTime: iso(T0 + 1000),
		});
		const message = async (body: unknown, id = t._id) =>
			(await api('PUT', `/task/${id}/assign`, { body })).body.message;
		expect(await message({})).toBe('The assignee field is required.');
		expect(await message({ assignee: [] })).toBe('The assignee field is required.');
		expect(await message({ assignee: ['ghost@example.com'] })).toBe(
			'User ghost@example.com is not found.',
		);
		expect(await message({ assignee: [budi.email] })).toBe(
			"User budi@example.com does not belong to the task's hub.",
		);
		expect(
			(await api('PUT', '/task/nope/assign', { body: { assignee: [dewi.email] } })).status,
		).toBe(404);
		const done = task({ status: 'DONE', assignee: [dewi.email] });
		const conflict = await api('PUT', `/task/${done._id}/assign`, {
			body: { assignee: [dewi.email] },
		});
		expect([conflict.status, conflict.body.status]).toEqual([409, false]);

		await withFake({ emptyAssign: 'unassign', assignDoneTask: 'allow' }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			const assigned = other.addTask({
				flowId: flow._id,
				hubId: hub._id,
				assignee: ['roger@example.com'],
			});
			const cleared = await call(other, 'PUT', `/task/${assigned._id}/assign`, {
				body: { assignee: [] },
			});
			expect(cleared.body.task.status).toBe('UNASSIGNED');
			const finished = other.addTask({
				flowId: flow._id,
				hubId: hub._id,
				status: 'DONE',
				assignee: ['roger@example.com'],
			});
			expect(
				(
					await call(other, 'PUT', `/task/${finished._id}/assign`, {
						body: { assignee: ['roger@example.com'] },
					})
				).body.task.status,
			).toBe('DONE');
		});
	});

	it('DELETE is permanent: 200, then 404 for the task, and it leaves the list', async () => {
		const t = task();
		const kept = task();
		const answer = await api('DELETE', `/task/${t._id}`);
		expect([answer.status, answer.body]).toEqual([
			200,
			{ status: true, message: 'Task has been deleted' },
		]);
		expect((await api('GET', `/task/${t._id}`)).status).toBe(404);
		expect((await api('DELETE', `/task/${t._id}`)).status).toBe(404);
		expect((await api('PATCH', `/task/${t._id}`, { body: { field1: 'x' } })).status).toBe(404);
		expect(
			(await api('GET', '/tasks')).body.tasks.data.map((row: { _id: string }) => row._id),
		).toEqual([kept._id]);
	});
});

describe('finishing a task', () => {
	it('status DONE in a PATCH finishes an ONGOING task before its endTime; after it the answer is a 400 and nothing changes', async () => {
		const open = task({ assignee: [dewi.email], endTime: iso(T0 + HOUR) });
		const late = task({
			assignee: [dewi.email],
			startTime: iso(T0 - 2 * HOUR),
			endTime: iso(T0 - 1000),
		});
		now = T0 + 1000;
		const done = await api('PATCH', `/task/${open._id}`, { body: { status: 'DONE' } });
		expect(done.status).toBe(200);
		expect(done.body.task).toMatchObject({
			status: 'DONE',
			doneBy: 'Roger',
			doneTime: iso(T0 + 1000),
			assignee: [dewi.email],
		});
		// Finishing again changes nothing.
		expect(
			(await api('PATCH', `/task/${open._id}`, { body: { status: 'DONE' } })).body.task.doneTime,
		).toBe(iso(T0 + 1000));

		const refused = await api('PATCH', `/task/${late._id}`, {
			body: { status: 'DONE', field1: 'changed' },
		});
		expect([refused.status, refused.body]).toEqual([
			400,
			{ status: false, message: 'Task cannot be finished because it has passed its end time.' },
		]);
		expect(fake.tasks.get(late._id)).toMatchObject({
			status: 'ONGOING',
			doneTime: null,
			fields: { field1: 'John' },
		});
		// The same rule through PUT and through the mobile app.
		expect(
			(
				await api('PUT', `/task/${late._id}`, {
					body: { ...seedBody(), endTime: iso(T0), status: 'DONE' },
				})
			).status,
		).toBe(400);
		expect(() => fake.finishTask(late._id)).toThrow('passed its end time');

		// The clock matters: the same task can be finished before its end, not after.
		const soon = task({ assignee: [dewi.email], endTime: iso(T0 + 2 * HOUR) });
		now = T0 + 3 * HOUR;
		expect((await api('PATCH', `/task/${soon._id}`, { body: { status: 'DONE' } })).status).toBe(
			400,
		);
	});

	it('an UNASSIGNED task cannot be finished (409); other statuses cannot be set; options change both', async () => {
		const t = task();
		const unassigned = await api('PATCH', `/task/${t._id}`, { body: { status: 'DONE' } });
		expect([unassigned.status, unassigned.body.message]).toEqual([
			409,
			'Task has not been assigned yet.',
		]);
		expect(
			(await api('PATCH', `/task/${t._id}`, { body: { status: 'ONGOING' } })).body.message,
		).toBe('The selected status is invalid.');
		expect((await api('PATCH', `/task/${t._id}`, { body: { status: 'UNASSIGNED' } })).status).toBe(
			200,
		);
		// Assigning and finishing in one PATCH.
		const both = await api('PATCH', `/task/${t._id}`, {
			body: { assignee: [dewi.email], status: 'DONE' },
		});
		expect(both.body.task).toMatchObject({ status: 'DONE', assignee: [dewi.email] });

		await withFake(
			{ statusWritable: false, finishAfterEndStatus: 409, finishAfterEndMessage: 'Late.' },
			async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				const ongoing = other.addTask({
					flowId: flow._id,
					hubId: hub._id,
					assignee: ['roger@example.com'],
					startTime: iso(T0 - HOUR),
					endTime: iso(T0 - 1),
				});
				expect(
					(await call(other, 'PATCH', `/task/${ongoing._id}`, { body: { status: 'DONE' } })).body
						.task.status,
				).toBe('ONGOING');
				expect(() => other.finishTask(ongoing._id)).toThrow('Late.');
			},
		);
		await withFake({ editDoneTask: 'reject' }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			const finished = other.addTask({ flowId: flow._id, hubId: hub._id, status: 'DONE' });
			expect((await call(other, 'PATCH', `/task/${finished._id}`, { body: {} })).status).toBe(409);
		});
	});
});

describe('task list', () => {
	it('pages as Laravel: {status, message, tasks: {current_page, data, …, total}}, 20 by default, URLs keep the query', async () => {
		for (let i = 0; i < 25; i++) task({ createdTime: iso(T0 + i * 1000) });
		const first = await api('GET', '/tasks');
		expect([first.status, first.body.status, first.body.message]).toEqual([200, true, 'Success.']);
		const base = `${fake.url}${MILEAPP_API}/tasks`;
		const page = first.body.tasks;
		expect(Object.keys(page)).toEqual([
			'current_page',
			'data',
			'first_page_url',
			'from',
			'last_page',
			'last_page_url',
			'links',
			'next_page_url',
			'path',
			'per_page',
			'prev_page_url',
			'to',
			'total',
		]);
		expect(page).toMatchObject({
			current_page: 1,
			from: 1,
			to: 20,
			last_page: 2,
			per_page: 20,
			total: 25,
			path: base,
			prev_page_url: null,
			next_page_url: `${base}?page=2`,
		});
		expect(page.data).toHaveLength(20);
		expect(page.links.map((link: { label: string }) => link.label)).toEqual([
			'&laquo; Previous',
			'1',
			'2',
			'Next &raquo;',
		]);

		const second = (
			await api('GET', '/tasks', { query: { limit: 10, hubId: jakarta._id, page: 3 } })
		).body.tasks;
		expect(second).toMatchObject({
			current_page: 3,
			from: 21,
			to: 25,
			last_page: 3,
			per_page: 10,
			next_page_url: null,
		});
		expect(second.first_page_url).toBe(`${base}?limit=10&hubId=${jakarta._id}&page=1`);
		expect(second.prev_page_url).toBe(`${base}?limit=10&hubId=${jakarta._id}&page=2`);
		expect((await api('GET', '/tasks', { query: { page: 9 } })).body.tasks).toMatchObject({
			data: [],
			from: null,
			to: null,
			total: 25,
		});
		// [inferred] a limit above 100 is clamped; nonsense falls back to the defaults.
		expect((await api('GET', '/tasks', { query: { limit: 500 } })).body.tasks.per_page).toBe(100);
		expect(
			(await api('GET', '/tasks', { query: { limit: 'ten', page: '-1' } })).body.tasks,
		).toMatchObject({ per_page: 20, current_page: 1 });
		await withFake(
			{ limitAboveMax: 'reject', invalidPaging: 'reject', paginatorLinks: false },
			async (other) => {
				expect((await call(other, 'GET', '/tasks', { query: { limit: 500 } })).status).toBe(400);
				expect((await call(other, 'GET', '/tasks', { query: { page: 'x' } })).status).toBe(400);
				expect((await call(other, 'GET', '/tasks')).body.tasks).not.toHaveProperty('links');
			},
		);
	});

	it('sorts by createdTime, orderIndex, startTime, doneTime; desc by default; a missing doneTime is lowest', async () => {
		const a = task({
			createdTime: iso(T0 - 3000),
			startTime: iso(T0 + 2 * HOUR),
			orderIndex: 30,
			status: 'DONE',
			doneTime: iso(T0 - HOUR),
		});
		const b = task({ createdTime: iso(T0 - 1000), startTime: iso(T0 + 3 * HOUR), orderIndex: 10 });
		const c = task({
			createdTime: iso(T0 - 2000),
			startTime: iso(T0 + HOUR),
			orderIndex: 20,
			status: 'DONE',
			doneTime: iso(T0 - 2 * HOUR),
		});
		const ids = async (query: Record<string, string> = {}, target = fake) =>
			(await call(target, 'GET', '/tasks', { query })).body.tasks.data.map(
				(row: { _id: string }) => row._id,
			);
		expect(await ids()).toEqual([b._id, c._id, a._id]);
		expect(await ids({ sortOrder: 'asc' })).toEqual([a._id, c._id, b._id]);
		expect(await ids({ sortBy: 'orderIndex', sortOrder: 'asc' })).toEqual([b._id, c._id, a._id]);
		expect(await ids({ sortBy: 'startTime' })).toEqual([b._id, a._id, c._id]);
		expect(await ids({ sortBy: 'doneTime' })).toEqual([a._id, c._id, b._id]);
		expect(await ids({ sortBy: 'doneTime', sortOrder: 'asc' })).toEqual([b._id, c._id, a._id]);
		expect((await api('GET', '/tasks', { query: { sortBy: 'title' } })).body).toEqual({
			status: false,
			message: 'The selected sortBy is invalid.',
		});
		expect((await api('GET', '/tasks', { query: { sortOrder: 'up' } })).status).toBe(400);
		await withFake({ nullsSort: 'last', unknownQueryValues: 'ignore' }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			const open = other.addTask({ flowId: flow._id, hubId: hub._id });
			const done = other.addTask({
				flowId: flow._id,
				hubId: hub._id,
				status: 'DONE',
				doneTime: iso(T0),
			});
			expect(await ids({ sortBy: 'doneTime', sortOrder: 'asc' }, other)).toEqual([
				done._id,
				open._id,
			]);
			expect(
				(await call(other, 'GET', '/tasks', { query: { sortBy: 'title', status: 'LOST' } })).status,
			).toBe(200);
		});
	});

	it('filters by flow, flowId, status, hubId, assignee, doneBy (comma lists), together', async () => {
		const visitOpen = task();
		const visitOngoing = task({ assignee: [dewi.email], hubId: jakarta._id });
		const deliveryDone = task({
			flowId: delivery._id,
			flow: 'Delivery',
			hubId: bandung._id,
			assignee: [budi.email],
			status: 'DONE',
			doneBy: 'Budi',
			fields: { invoice: 'x', packageCount: 1 },
		});
		const ids = async (query: Record<string, string>) => {
			const answer = await api('GET', '/tasks', { query });
			expect(answer.status).toBe(200);
			return answer.body.tasks.data.map((row: { _id: string }) => row._id).sort();
		};
		const sorted = (...list: MileAppTaskRecord[]) => list.map((t) => t._id).sort();
		expect(await ids({ flow: 'Visit' })).toEqual(sorted(visitOpen, visitOngoing));
		expect(await ids({ flowId: delivery._id })).toEqual(sorted(deliveryDone));
		expect(await ids({ status: 'ONGOING' })).toEqual(sorted(visitOngoing));
		expect(await ids({ status: 'UNASSIGNED,DONE' })).toEqual(sorted(visitOpen, deliveryDone));
		expect(await ids({ hubId: bandung._id })).toEqual(sorted(deliveryDone));
		expect(await ids({ assignee: 'DEWI@example.com' })).toEqual(sorted(visitOngoing));
		expect(await ids({ doneBy: 'Budi' })).toEqual(sorted(deliveryDone));
		expect(await ids({ doneBy: budi.email })).toEqual(sorted(deliveryDone));
		expect(await ids({ flow: 'Visit', status: 'UNASSIGNED', hubId: jakarta._id })).toEqual(
			sorted(visitOpen),
		);
		expect(await ids({ flow: 'Visit', hubId: bandung._id })).toEqual([]);
		expect((await api('GET', '/tasks', { query: { status: 'LOST' } })).body).toEqual({
			status: false,
			message: 'The selected status is invalid.',
		});
	});

	it('timeBy + timeFrom/timeTo (Y-m-d H:i:s) bound a time of the task, inclusive; createdTime by default', async () => {
		const early = task({ startTime: iso(T0 + 24 * HOUR), createdTime: iso(T0 - 48 * HOUR) });
		const edge = task({
			startTime: iso(Date.parse('2026-03-03T00:00:00Z')),
			createdTime: iso(T0 - 24 * HOUR),
		});
		const late = task({ startTime: iso(T0 + 72 * HOUR), createdTime: iso(T0) });
		const ids = async (query: Record<string, string>) =>
			(await api('GET', '/tasks', { query })).body.tasks.data
				.map((row: { _id: string }) => row._id)
				.sort();
		const sorted = (...list: MileAppTaskRecord[]) => list.map((t) => t._id).sort();
		expect(
			await ids({
				timeBy: 'startTime',
				timeFrom: '2026-03-02 00:00:00',
				timeTo: '2026-03-03 00:00:00',
			}),
		).toEqual(sorted(early, edge));
		expect(await ids({ timeBy: 'startTime', timeFrom: '2026-03-03 00:00:01' })).toEqual(
			sorted(late),
		);
		expect(await ids({ timeTo: '2026-02-28 12:00:00' })).toEqual(sorted(early, edge));
		expect(await ids({ timeBy: 'doneTime', timeFrom: '2020-01-01 00:00:00' })).toEqual([]);
		expect((await api('GET', '/tasks', { query: { timeFrom: '03/02/2026' } })).body).toEqual({
			status: false,
			message: 'The timeFrom does not match the format Y-m-d H:i:s.',
		});
		expect(
			(
				await api('GET', '/tasks', {
					query: { timeBy: 'birthday', timeFrom: '2026-03-02 00:00:00' },
				})
			).status,
		).toBe(400);
		await withFake({ timeRangeInclusive: false }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			other.addTask({ flowId: flow._id, hubId: hub._id, createdTime: iso(T0) });
			expect(
				(await call(other, 'GET', '/tasks', { query: { timeFrom: '2026-03-01 12:00:00' } })).body
					.tasks.total,
			).toBe(0);
		});
	});

	it('fields= keeps only the fields named (and _id)', async () => {
		task({ assignee: [dewi.email] });
		const row = (await api('GET', '/tasks', { query: { fields: 'status,assignee,field1' } })).body
			.tasks.data[0];
		expect(Object.keys(row).sort()).toEqual(['_id', 'assignee', 'field1', 'status']);
	});

	it('lazyLoad=1 with cursor=<last _id> pages by cursor: no total, next_page_url carries the cursor', async () => {
		const created = Array.from({ length: 5 }, (_, i) => task({ createdTime: iso(T0 + i * 1000) }));
		const expected = created.map((t) => t._id).reverse();
		const seen: string[] = [];
		let query: Record<string, string> = { lazyLoad: '1', limit: '2' };
		for (let round = 0; round < 5; round++) {
			const page = (await api('GET', '/tasks', { query })).body.tasks;
			expect(page).not.toHaveProperty('total');
			expect(page).not.toHaveProperty('last_page');
			expect(page.per_page).toBe(2);
			const ids = page.data.map((row: { _id: string }) => row._id);
			seen.push(...ids);
			if (page.next_page_url === null) break;
			const next = new URL(page.next_page_url);
			expect(next.searchParams.get('cursor')).toBe(ids[ids.length - 1]);
			expect(next.searchParams.get('lazyLoad')).toBe('1');
			query = Object.fromEntries(next.searchParams);
		}
		expect(seen).toEqual(expected);
		// A filter applies to cursor pages too; an unknown cursor gives an empty page (or a 400 by option).
		expect(
			(
				await api('GET', '/tasks', {
					query: { lazyLoad: '1', cursor: expected[0], limit: '10', sortOrder: 'asc' },
				})
			).body.tasks.data,
		).toEqual([]);
		expect(
			(await api('GET', '/tasks', { query: { lazyLoad: '1', cursor: 'nope' } })).body.tasks.data,
		).toEqual([]);
		await withFake({ unknownCursor: 'reject', lazyLoadTotals: true }, async (other) => {
			expect(
				(await call(other, 'GET', '/tasks', { query: { lazyLoad: '1', cursor: 'nope' } })).status,
			).toBe(400);
			expect(
				(await call(other, 'GET', '/tasks', { query: { lazyLoad: '1' } })).body.tasks,
			).toMatchObject({ total: 0, last_page: 1 });
		});
	});
});

describe('flows and hubs', () => {
	it('GET /flows pages the flows under `flows`, each with its pages and components', async () => {
		const answer = await api('GET', '/flows', { query: { limit: 1 } });
		expect(answer.status).toBe(200);
		expect(answer.body.flows).toMatchObject({
			current_page: 1,
			last_page: 2,
			total: 2,
			per_page: 1,
		});
		const [flow] = answer.body.flows.data;
		expect(flow).toEqual({
			_id: visit._id,
			name: 'Visit',
			pages: [
				{
					id: 'page0',
					enabled: true,
					components: [
						{
							component: 'input',
							id: 'field1',
							title: 'field1',
							inputType: 'string',
							default: null,
							routeAs: null,
							showAs: null,
							isRequired: true,
						},
						{
							component: 'input',
							id: 'field2',
							title: 'field2',
							inputType: 'string',
							default: null,
							routeAs: null,
							showAs: null,
							isRequired: true,
						},
						{
							component: 'input',
							id: 'field3',
							title: 'field3',
							inputType: 'location',
							default: null,
							routeAs: null,
							showAs: null,
							isRequired: false,
						},
					],
				},
				{ id: 'page1', components: [] },
			],
			organizationId: fake.options.organizationId,
			version: 1,
			updatedTime: '2026-03-01T12:00:00.000000Z',
			createdTime: '2026-03-01T12:00:00.000000Z',
		});
		const second = (await api('GET', '/flows', { query: { limit: 1, page: 2 } })).body.flows
			.data[0];
		expect(second.pages[0].components[2]).toEqual({
			component: 'select',
			id: 'priority',
			title: 'priority',
			options: ['Low', 'Normal', 'Urgent'],
			default: null,
			isRequired: false,
		});
	});

	it('GET /flow/{flowName}/task answers the flow’s fields and a bodyRequest that creates a task as is', async () => {
		const answer = await api('GET', `/flow/${encodeURIComponent('Delivery')}/task`);
		expect(answer.status).toBe(200);
		expect(answer.body.data.flowName).toBe('Delivery');
		expect(answer.body.data.flowFields).toEqual([
			{ field: 'invoice', type: 'string', required: true, description: 'invoice', example: 'text' },
			{
				field: 'packageCount',
				type: 'number',
				required: true,
				description: 'packageCount',
				example: 1,
			},
			{
				field: 'priority',
				type: 'select',
				required: false,
				description: 'priority',
				example: 'Low',
				options: ['Low', 'Normal', 'Urgent'],
			},
			{
				field: 'dueDate',
				type: 'date',
				required: false,
				description: 'dueDate',
				example: '2022-11-02',
			},
			{
				field: 'pickupAt',
				type: 'datetime',
				required: false,
				description: 'pickupAt',
				example: '2022-11-02T07:28:23+00:00',
			},
		]);
		const { bodyRequest } = answer.body.data;
		expect(bodyRequest).toMatchObject({
			flow: 'Delivery',
			hubId: jakarta._id,
			invoice: 'text',
			startTime: iso(T0),
			endTime: iso(T0 + 8 * HOUR),
		});
		expect((await api('POST', '/task', { body: bodyRequest })).status).toBe(201);

		fake.addFlow({ name: 'House Inspection', fields: [{ field: 'assetTag', required: true }] });
		expect(
			(await api('GET', `/flow/${encodeURIComponent('House Inspection')}/task`)).body.data
				.flowFields,
		).toHaveLength(1);
		const missing = await api('GET', '/flow/Nope/task');
		expect([missing.status, missing.body]).toEqual([
			404,
			{ status: false, message: 'Data not found' },
		]);
	});

	it('GET /hubs answers {status, data: [{_id, name, address, lat, lng}]} with page, limit, name and q', async () => {
		const answer = await api('GET', '/hubs');
		expect(answer.body).toEqual({
			status: true,
			data: [
				{
					_id: jakarta._id,
					name: 'Jakarta',
					address: 'Gambir, Jakarta Pusat',
					lat: -6.205154152722965,
					lng: 106.84667067970608,
				},
				{
					_id: bandung._id,
					name: 'Bandung',
					address: 'Jl. Braga, Bandung',
					lat: -6.9216,
					lng: 107.6071,
				},
			],
		});
		const names = async (query: Record<string, string | number>) =>
			(await api('GET', '/hubs', { query })).body.data.map((hub: { name: string }) => hub.name);
		expect(await names({ name: 'jak' })).toEqual(['Jakarta']);
		expect(await names({ q: 'braga' })).toEqual(['Bandung']);
		expect(await names({ limit: 1, page: 2 })).toEqual(['Bandung']);
		expect(await names({ limit: 1, page: 3 })).toEqual([]);
		await withFake({ hubNameMatch: 'exact' }, async (other) => {
			other.addHub({ name: 'Jakarta' });
			expect((await call(other, 'GET', '/hubs', { query: { name: 'jak' } })).body.data).toEqual([]);
			expect(
				(await call(other, 'GET', '/hubs', { query: { name: 'jakarta' } })).body.data,
			).toHaveLength(1);
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

	it('a task created through the API reaches the configured URL after the answer: the flat task, JSON, with the custom headers', async () => {
		fake.addWebhook({
			url: receiver.url,
			events: ['onCreate'],
			headers: { 'X-Api-Key': 'receiver-secret' },
		});
		receiver.delayMs = 100;
		const created = await api('POST', '/task', { body: seedBody() });
		expect(created.status).toBe(201);
		// The answer did not wait for the delivery.
		expect(fake.deliveries).toHaveLength(0);
		await fake.deliveriesSettled();

		expect(receiver.received).toHaveLength(1);
		const [{ headers, body }] = receiver.received;
		expect(headers['content-type']).toBe('application/json');
		expect(headers['x-api-key']).toBe('receiver-secret');
		const { hub: _hub, ...flat } = created.body.task;
		void _hub;
		expect(JSON.parse(body)).toEqual(flat);
		expect(JSON.parse(body)).toMatchObject({
			status: 'UNASSIGNED',
			field1: 'John Birdy',
			flowId: visit._id,
		});
		expect(fake.deliveries).toEqual([
			expect.objectContaining({
				url: receiver.url,
				event: 'onCreate',
				taskId: created.body.task._id,
				body,
				status: 200,
				responseBody: 'ok',
				attempt: 1,
			}),
		]);
	});

	it('onCreate, onAssign and onFinish go to the targets that name them, carrying the task as it then was', async () => {
		fake.addWebhook({ url: receiver.url, events: ['onCreate', 'onAssign', 'onFinish'] });
		fake.addWebhook({ url: `${receiver.url}?finished`, events: ['onFinish'] });
		const plain = (await api('POST', '/task', { body: seedBody() })).body.task;
		await api('PUT', `/task/${plain._id}/assign`, { body: { assignee: [dewi.email] } });
		await api('PATCH', `/task/${plain._id}`, { body: { field1: 'no event' } });
		await api('PATCH', `/task/${plain._id}`, { body: { status: 'DONE', endTime: iso(T0 + HOUR) } });
		// Created with assignees: onCreate then onAssign.
		const withAssignee = (
			await api('POST', '/task', { body: { ...seedBody(), assignee: [dewi.email] } })
		).body.task;
		await fake.deliveriesSettled();
		const sent = (url: string) =>
			fake.deliveries
				.filter((d) => d.url === url)
				.map((d) => [d.event, d.taskId, JSON.parse(d.body).status]);
		expect(sent(receiver.url)).toEqual([
			['onCreate', plain._id, 'UNASSIGNED'],
			['onAssign', plain._id, 'ONGOING'],
			['onFinish', plain._id, 'DONE'],
			['onCreate', withAssignee._id, 'ONGOING'],
			['onAssign', withAssignee._id, 'ONGOING'],
		]);
		expect(sent(`${receiver.url}?finished`)).toEqual([['onFinish', plain._id, 'DONE']]);
		expect(JSON.parse(fake.deliveries.find((d) => d.event === 'onFinish')!.body)).toMatchObject({
			doneBy: 'Roger',
			doneTime: iso(T0),
			field1: 'no event',
		});
		expect(receiver.received).toHaveLength(6);

		await withFake(
			{
				createWithAssigneeEvents: 'create-only',
				webhooks: [{ url: receiver.url, events: ['onCreate', 'onAssign'] }],
			},
			async (other) => {
				const hub = other.addHub({ name: 'J' });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				await call(other, 'POST', '/task', {
					body: { flow: 'Visit', hubId: hub._id, assignee: ['roger@example.com'] },
				});
				other.createTask({ flowId: flow._id, hubId: hub._id, assignee: ['roger@example.com'] });
				await other.deliveriesSettled();
				expect(other.deliveries.map((d) => d.event)).toEqual(['onCreate', 'onCreate']);
				expect(() =>
					other.finishTask(other.addTask({ flowId: flow._id, hubId: hub._id })._id),
				).toThrow('not been assigned');
			},
		);
	});

	it('a receiver that does not answer 200 is retried 3 times, 2 minutes apart by default; each attempt is recorded', async () => {
		expect(new MileAppFake().options).toMatchObject({
			deliveryRetries: 3,
			deliveryRetryDelayMs: 120_000,
			deliveryTimeoutMs: 30_000,
			deliverySuccess: 'exactly-200',
		});
		fake.addWebhook({ url: receiver.url, events: ['onCreate'] });
		receiver.status = 500;
		const started = Date.now();
		await api('POST', '/task', { body: seedBody() });
		await fake.deliveriesSettled();
		expect(fake.deliveries.map((d) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 500],
			[3, 500],
			[4, 500],
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(15);
		expect(new Set(fake.deliveries.map((d) => d.body)).size).toBe(1);

		// Retries stop at the first 200; a 201 is not a 200 (any 2xx by option).
		fake.deliveries.length = 0;
		receiver.status = 200;
		receiver.statuses = [503, 201];
		fake.createTask({
			flowId: visit._id,
			hubId: jakarta._id,
			fields: { field1: 'a', field2: 'b' },
		});
		await fake.deliveriesSettled();
		expect(fake.deliveries.map((d) => d.status)).toEqual([503, 201, 200]);
		await withFake(
			{ deliverySuccess: '2xx', webhooks: [{ url: receiver.url, events: ['onCreate'] }] },
			async (other) => {
				receiver.statuses = [204];
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await other.deliveriesSettled();
				expect(other.deliveries.map((d) => d.status)).toEqual([204]);
			},
		);
	});

	it('no answer within the timeout, or no receiver at all, is a failure too (status null), and retried', async () => {
		await withFake(
			{
				deliveryTimeoutMs: 50,
				deliveryRetries: 1,
				webhooks: [
					{ url: receiver.url, events: ['onCreate'] },
					{ url: 'http://127.0.0.1:9/gone', events: ['onCreate'] },
				],
			},
			async (other) => {
				receiver.delayMs = 300;
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await other.deliveriesSettled();
				const outcome = (url: string) =>
					other.deliveries
						.filter((d) => d.url === url)
						.map((d) => [d.attempt, d.status, typeof d.error]);
				expect(outcome(receiver.url)).toEqual([
					[1, null, 'string'],
					[2, null, 'string'],
				]);
				expect(outcome('http://127.0.0.1:9/gone')).toEqual([
					[1, null, 'string'],
					[2, null, 'string'],
				]);
				expect(other.deliveries.find((d) => d.url === receiver.url)!.error).toContain('timed out');
			},
		);
	});

	it('reset() and stop() cancel retries still waiting, so nothing runs on after a test', async () => {
		await withFake(
			{ webhooks: [{ url: receiver.url, events: ['onCreate'] }], deliveryRetryDelayMs: 60_000 },
			async (other) => {
				receiver.status = 500;
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await waitFor(() => other.deliveries.length === 1);
				other.reset();
				await other.deliveriesSettled();
				expect(other.deliveries).toHaveLength(0);
				// reset() restores the configured webhooks.
				expect(other.webhooks).toEqual([{ url: receiver.url, events: ['onCreate'] }]);
				other.createTask({
					flowId: other.addFlow({ name: 'Visit', fields: [] })._id,
					hubId: other.addHub({ name: 'J' })._id,
				});
				await waitFor(() => other.deliveries.length === 1);
			},
		);
		expect(receiver.received).toHaveLength(2);
	});

	it('deliver() sends on demand; the app helpers fire their events; the body and an event header are options', async () => {
		fake.addWebhook({ url: receiver.url, events: ['onAssign', 'onFinish'] });
		const t = task();
		const [sent] = await fake.deliver('onCreate', t, receiver.url);
		expect([sent.event, sent.status, JSON.parse(sent.body)._id]).toEqual(['onCreate', 200, t._id]);
		fake.assignTask(t._id, [dewi.email]);
		fake.finishTask(t._id);
		await fake.deliveriesSettled();
		expect(fake.deliveries.map((d) => d.event).sort()).toEqual([
			'onAssign',
			'onCreate',
			'onFinish',
		]);
		expect(JSON.parse(fake.deliveries.find((d) => d.event === 'onFinish')!.body)).toMatchObject({
			status: 'DONE',
			doneBy: 'Dewi',
		});
		expect(await fake.deliver('onFinish', { _id: 'custom', status: 'DONE' })).toEqual([
			expect.objectContaining({ taskId: 'custom', status: 200 }),
		]);

		await withFake(
			{ deliveryBody: (event, flat) => ({ event, task: flat }), eventHeader: 'X-MileApp-Event' },
			async (other) => {
				other.addWebhook({ url: receiver.url, events: ['onCreate'] });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await other.deliveriesSettled();
				expect(Object.keys(JSON.parse(other.deliveries[0].body))).toEqual(['event', 'task']);
				expect(other.deliveries[0].headers['x-mileapp-event']).toBe('onCreate');
			},
		);
	});
});

describe('state helpers', () => {
	it('credentialData() is what a MileApp credential holds: the /api/v3 base URL and the token; it works as is', async () => {
		const credentials = fake.credentialData();
		expect(credentials).toEqual({ baseUrl: `${fake.url}/api/v3`, token: 'mileapp-personal-token' });
		const answer = await fetch(`${credentials.baseUrl}/hubs`, {
			headers: { Authorization: `Bearer ${credentials.token}`, Accept: 'application/json' },
		});
		expect(answer.status).toBe(200);
	});

	it('reset() keeps only the primary user; seedSandbox() builds a small field-operations company', async () => {
		fake.reset();
		expect([
			fake.tasks.size,
			fake.hubs.size,
			fake.flows.size,
			fake.users.size,
			fake.requests.length,
			fake.webhooks.length,
		]).toEqual([0, 0, 0, 1, 0, 0]);
		fake.seedSandbox();
		expect([fake.hubs.size, fake.flows.size, fake.tasks.size]).toEqual([3, 3, 6]);
		const types = new Set(
			[...fake.flows.values()].flatMap((flow) => flow.fields.map((field) => field.type)),
		);
		expect([...types].sort()).toEqual(['date', 'location', 'number', 'select', 'string']);
		for (const flow of fake.flows.values()) {
			expect(flow.fields.some((field) => field.required)).toBe(true);
			expect(flow.fields.some((field) => !field.required)).toBe(true);
		}
		const statuses = [...fake.tasks.values()].map((t) => t.status);
		expect(statuses.filter((s) => s === 'UNASSIGNED')).toHaveLength(2);
		expect(statuses.filter((s) => s === 'ONGOING')).toHaveLength(2);
		expect(statuses.filter((s) => s === 'DONE')).toHaveLength(2);

		const listed = await api('GET', '/tasks', {
			token: 'mileapp-dewi-token',
			query: { status: 'ONGOING' },
		});
		expect(listed.body.tasks.total).toBe(2);
		// One ONGOING task is already past its end time: it cannot be finished.
		const late = listed.body.tasks.data.find(
			(row: { endTime: string }) => Date.parse(row.endTime) < now,
		);
		expect((await api('PATCH', `/task/${late._id}`, { body: { status: 'DONE' } })).status).toBe(
			400,
		);
		const onTime = listed.body.tasks.data.find(
			(row: { endTime: string }) => Date.parse(row.endTime) > now,
		);
		expect(
			(await api('PATCH', `/task/${onTime._id}`, { body: { status: 'DONE' } })).body.task.status,
		).toBe('DONE');
		// Every seeded task satisfies its flow: PUT of the task as read back works.
		for (const seeded of [...fake.tasks.values()]) {
			const read = (await api('GET', `/task/${seeded._id}`)).body.task;
			expect((await api('PUT', `/task/${seeded._id}`, { body: read })).status).toBe(200);
		}
	});
});
