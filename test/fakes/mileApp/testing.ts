/**
 * The fake MileApp, driven over real HTTP with node's fetch: if it drifts from the documents
 * (shared/vendors/mileapp.md, seed 003), every node test built on it would pass for the wrong reason.
 *
 * What the fake's own tests share: the fake on a clock the tests move (no rate limit, quick delivery retries),
 * a caller with the primary token, a webhook receiver, a second fake with other options, and the hubs, users
 * and flows every test starts with.
 */
/// <reference types="jest" />
import http from 'node:http';
import {
	MILEAPP_API,
	MileAppFake,
	type MileAppFakeOptions,
	type MileAppFlow,
	type MileAppHub,
	type MileAppTaskRecord,
	type MileAppUser,
} from '.';

/** 12:00:00 UTC. */
export const T0 = Date.parse('2026-03-01T12:00:00.000Z');
export let now = T0;
const clock = () => new Date(now);
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
export const HOUR = 3_600_000;
export const fake = new MileAppFake({ clock, rateLimitPerSecond: null, deliveryRetryDelayMs: 5 });

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

export interface CallOptions {
	body?: unknown;
	/** Sent as is, as application/json. */
	raw?: string;
	/** null sends no Authorization header. */
	token?: string | null;
	accept?: string;
	headers?: Record<string, string>;
	query?: Record<string, string | number>;
}

export async function call(
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

export const api = (method: string, path: string, options?: CallOptions) =>
	call(fake, method, path, options);

/** fetch always sends an Accept header; this sends none. */
export function withoutAccept(
	target: MileAppFake,
	path: string,
): Promise<{ status: number; body: any }> {
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
export async function withFake(
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

export async function waitFor(test: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
	expect(test()).toBe(true);
}

export let jakarta: MileAppHub;
export let bandung: MileAppHub;
export let dewi: MileAppUser;
export let budi: MileAppUser;
export let visit: MileAppFlow;
export let delivery: MileAppFlow;

export const task = (partial: Partial<MileAppTaskRecord> = {}) =>
	fake.addTask({
		flowId: visit._id,
		hubId: jakarta._id,
		fields: { field1: 'John', field2: 'Gambir' },
		...partial,
	});

export const seedBody = () => ({
	flow: 'Visit',
	hubId: jakarta._id,
	field1: 'John Birdy',
	field2: 'Gambir Jakarta',
	field3: '-6.230815251,106.75684387',
	startTime: '2022-11-02T07:28:23+00:00',
	endTime: '2022-11-05T07:28:23+00:00',
});

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
}

export { startReceiver, type Receiver } from '../webhookReceiver';
