/**
 * What every Open Dental engine test shares: the stateful fake on loopback (its clock at 12:00 office time,
 * America/Chicago), an engine with a credential holding the developer and customer keys, the Front Desk task
 * list, the user Maria and two priorities, and the Open Dental action node run through it.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	OPEN_DENTAL_API_PREFIX,
	OpenDentalFake,
	type OpenDentalFakeOptions,
	type OpenDentalTask,
} from '../../fakes/openDental';
import type { RecordedRequest } from '../../fakes/kit';
import { Engine, runNode, type NodeRun, type NodeSpec } from '../harness';
import { serveFake } from '../serveFake';

/** Keys a test can search every output and error for. */
export const DEVELOPER_KEY = 'DevKey-Secret-4471';
export const CUSTOMER_KEY = 'CustKey-Secret-9303';
export const AUTHORIZATION = `ODFHIR ${DEVELOPER_KEY}/${CUSTOMER_KEY}`;

/** 12:00:00 in the office (America/Chicago, CST = UTC-6): every date the fake writes comes from it. */
const T0 = Date.parse('2026-03-01T18:00:00.000Z');
let now = T0;
export const clock = () => new Date(now);
/** Moves the office's clock: what the fake writes as times from now on. */
export const setNow = (at: number) => (now = at);

export const fake = new OpenDentalFake({
	developerKey: DEVELOPER_KEY,
	customerKey: CUSTOMER_KEY,
	clock,
	throttle: null,
});
export let engine: Engine;
export let credentialId: string;
/** The stored credential the node uses for the rest of the test. */
export const setCredentialId = (id: string) => (credentialId = id);
let list: number;
export let user: number;

export const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
export const calls = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => `${request.method} ${request.path}`);
export const pages = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => [request.query.Offset, request.query.Limit]);
export const rl = (value: string | number, mode: 'list' | 'id' = 'list') => ({
	__rl: true,
	mode,
	value: String(value),
});
export const addTask = (partial: Partial<OpenDentalTask> = {}) =>
	fake.addTask({ TaskListNum: list, Descript: 'A task', UserNum: user, ...partial });

/** Open Dental's raw dates: `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-dd`, office time, no zone. */
const RAW_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

/** Every raw date field of an output item has its `<Field>Iso` beside it; returns the date fields found. */
export function expectIsoBesideEveryDate(item: IDataObject): string[] {
	const dateFields = Object.keys(item).filter(
		(key) =>
			!key.endsWith('Iso') && typeof item[key] === 'string' && RAW_DATE.test(item[key] as string),
	);
	for (const field of dateFields) expect(item).toHaveProperty(`${field}Iso`);
	return dateFields;
}

/** A credential for `target` with the given rate limit ('none' unless a test is about pacing). */
export function credentialFor(target: OpenDentalFake, overrides: IDataObject = {}): string {
	return engine.credentials.add('openDentalApi', {
		...target.credentialData(),
		rateLimit: 'none',
		...overrides,
	}).id!;
}

export function spec(parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		type: 'openDental',
		credentialType: 'openDentalApi',
		credentialId,
		parameters,
		...extra,
	};
}

export function openDental(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: Partial<NodeSpec> = {},
): Promise<NodeRun> {
	return runNode(engine, spec(parameters, extra), input);
}

/** Runs and expects no error, returning the output items' JSON. */
export async function ok(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: Partial<NodeSpec> = {},
): Promise<IDataObject[]> {
	const { items, error } = await openDental(parameters, input, extra);
	expect(error).toBeUndefined();
	return items.map((item) => item.json);
}

/** Another fake for one test (another office version, error shape or throttle), with its own credential. */
export async function withFake(
	options: OpenDentalFakeOptions,
	body: (other: OpenDentalFake, otherCredentialId: string) => Promise<void>,
): Promise<void> {
	const other = new OpenDentalFake({
		developerKey: DEVELOPER_KEY,
		customerKey: CUSTOMER_KEY,
		clock,
		throttle: null,
		...options,
	});
	await other.start();
	try {
		await body(other, credentialFor(other));
	} finally {
		await other.stop();
	}
}

/** In a test file: the fake listens for the whole file; each test starts at T0 with the Front Desk list, Maria and two priorities. */
export function useOpenDental(): void {
	serveFake(fake);
	beforeEach(() => {
		now = T0;
		fake.reset();
		engine = new Engine();
		credentialId = credentialFor(fake);
		list = fake.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' }).TaskListNum;
		user = fake.addUser({ UserNum: 3, UserName: 'Maria' }).UserNum;
		fake.addPriority({ DefNum: 10, ItemName: 'Normal', ItemValue: 'D' });
		fake.addPriority({ DefNum: 11, ItemName: 'High' });
	});
}
