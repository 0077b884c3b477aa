/**
 * The fake Oliver and the kit under it, driven over real HTTP with axios: if the fake drifts from the
 * documents, every node test built on it would pass for the wrong reason.
 *
 * What the fake's own tests share (test/fakes/kit.test.ts holds the kit's own tests): the fake on a clock the
 * tests move, a signed-in client, and a second fake with other options.
 */
/// <reference types="jest" />
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH, OliverFake, type OliverFakeOptions } from '.';

export const T0 = Date.parse('2026-03-01T12:00:00.000Z');
export let now = T0;
const clock = () => new Date(now);
export const fake = new OliverFake({ clock });
export const TASKS = `${OLIVER_API_PREFIX}/staff_tasks`;

/** What the documents say every request carries (introduction.mdx: "all requests must include"). */
export const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

// Answers of every status come back as values, so tests can look at 4xx bodies.
export const http = axios.create({
	validateStatus: () => true,
	timeout: 3000,
	headers: JSON_HEADERS,
});

/** A client that signs in once and sends the documented headers: the two JSON ones, the token and the location. */
export async function signedIn(
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
			...JSON_HEADERS,
			Authorization: `Bearer ${answer.data.data.token}`,
			'X-Client-Id': target.options.locationId,
			...extra.headers,
		},
	});
}

/** A second fake with other options, stopped afterwards. */
export async function withFake(
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

export let api: AxiosInstance;

/** Tests move now with this (an imported binding cannot be assigned). */
export function setNow(value: number): void {
	now = value;
}

/** Tests move api with this (an imported binding cannot be assigned). */
export function setApi(value: AxiosInstance): void {
	api = value;
}

/** Serves the fake for the test file and resets it before each test, as the single test file did. */
export function useFake(): void {
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
}
