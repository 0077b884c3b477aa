/**
 * The fake Open Dental, driven over real HTTP with axios: if it drifts from the documents
 * (shared/vendors/open-dental.md, seed 001), every node test built on it would pass for the wrong reason.
 *
 * What the fake's own tests share: the fake on a clock the tests move (no throttle), a client with the keys, a
 * second fake with other options, and the task list and user every test starts with.
 */
/// <reference types="jest" />
import axios, { type AxiosInstance } from 'axios';
import { OPEN_DENTAL_API_PREFIX, OpenDentalFake, type OpenDentalFakeOptions } from '.';

/** 12:00:00 in Chicago (CST, UTC-6). */
export const T0 = Date.parse('2026-03-01T18:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
export const fake = new OpenDentalFake({ clock, throttle: null });

const client = (target: OpenDentalFake, headers: Record<string, string> = {}): AxiosInstance =>
	axios.create({
		baseURL: `${target.url}${OPEN_DENTAL_API_PREFIX}`,
		validateStatus: () => true,
		timeout: 3000,
		headers: {
			Authorization: `ODFHIR ${target.options.developerKey}/${target.options.customerKey}`,
			'Content-Type': 'application/json',
			...headers,
		},
	});

export async function withFake(
	options: OpenDentalFakeOptions,
	body: (other: OpenDentalFake, api: AxiosInstance) => Promise<void>,
): Promise<void> {
	const other = new OpenDentalFake({ clock, throttle: null, ...options });
	await other.start();
	try {
		await body(other, client(other));
	} finally {
		await other.stop();
	}
}

export let api: AxiosInstance;
export let list: number;
export let user: number;

/** Tests move now with this (an imported binding cannot be assigned). */
export function setNow(value: number): void {
	now = value;
}

/** Serves the fake for the test file and resets it before each test, as the single test file did. */
export function useFake(): void {
	beforeAll(async () => {
		await fake.start();
		api = client(fake);
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		now = T0;
		fake.reset();
		list = fake.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
		user = fake.addUser({ UserName: 'Admin' }).UserNum;
		fake.addPriority({ ItemName: 'Normal', ItemValue: 'D' });
	});
}
