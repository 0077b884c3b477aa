/**
 * What every Plannr engine test shares: the stateful fake on loopback (its clock at 12:00 London time), a firm
 * with statuses, clients, advisers, a case, a plan and groups, an engine with a personal-access-token
 * credential, and the Plannr action node run through it. What Plannr receives (method, path, query, JSON body,
 * the bearer token and the account header) is in `fake.requests`.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RecordedRequest } from '../../fakes/kit';
import {
	PLANNR_API_V1,
	PlannrFake,
	type PlannrFakeOptions,
	type PlannrAccount,
	type PlannrCase,
	type PlannrGroup,
	type PlannrPlan,
	type PlannrStatus,
	type PlannrTaskRecord,
} from '../../fakes/plannr';
import { Engine, runNode, type NodeRun, type NodeSpec } from '../harness';
import { serveFake } from '../serveFake';

/** Searched for in every output and error. */
export const TOKEN = 'PAT-Secret-7731';
export const CLIENT_SECRET = 'OAuth-Client-Secret-5512';

/** 12:00:00 in London (GMT): every timestamp the fake writes comes from it. */
const T0 = Date.parse('2026-03-01T12:00:00.000Z');
let now = T0;
export const clock = () => new Date(now);
export const tick = (seconds = 1) => (now += seconds * 1000);

export const fake = new PlannrFake({
	clock,
	personalAccessToken: TOKEN,
	oauthClientSecret: CLIENT_SECRET,
});
export let engine: Engine;
export let credentialId: string;

export let todo: PlannrStatus;
export let doing: PlannrStatus;
export let done: PlannrStatus;
export let archived: PlannrStatus;
export let tom: PlannrAccount;
export let emma: PlannrAccount;
export let james: PlannrAccount;
export let priya: PlannrAccount;
export let transfer: PlannrCase;
export let pension: PlannrPlan;
export let advisers: PlannrGroup;
export let paraplanning: PlannrGroup;

export const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
export const rl = (value: string, mode: 'list' | 'id' = 'id') => ({ __rl: true, mode, value });
export const calls = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => `${request.method} ${request.path}`);
export const pages = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => [request.query.page, request.query.per_page]);
/** The query as Plannr reads it, `filter[...]` keys and all. */
export const queryOf = (request: RecordedRequest) =>
	Object.fromEntries(new URLSearchParams(request.rawQuery));
export const addTask = (partial: Partial<PlannrTaskRecord> & { name: string }) =>
	fake.addTask({
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: tom.uuid,
		...partial,
	});

/**
 * Runs `body` with some of the fake's [inferred] options changed (those it reads per request), then puts them
 * back: the same node run against each answer the sheet leaves open.
 */
export async function withOptions<T>(
	options: PlannrFakeOptions,
	body: () => Promise<T>,
	target: PlannrFake = fake,
): Promise<T> {
	const saved = { ...target.options };
	Object.assign(target.options, options);
	try {
		return await body();
	} finally {
		Object.assign(target.options, saved);
	}
}

export function spec(parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		type: 'plannr',
		credentialType: 'plannrApi',
		credentialId,
		parameters: { authentication: 'accessToken', ...parameters },
		...extra,
	};
}

export function plannr(
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
	const { items, error } = await plannr(parameters, input, extra);
	expect(error).toBeUndefined();
	return items.map((item) => item.json);
}

/** In a test file: the fake listens for the whole file; each test starts at T0 with the firm above, a new engine and credential. */
export function usePlannr(): void {
	serveFake(fake);
	beforeEach(() => {
		now = T0;
		fake.reset();
		todo = fake.addStatus({ name: 'To do', colour: '#9CA3AF', is_not_started: true });
		doing = fake.addStatus({ name: 'In progress' });
		done = fake.addStatus({ name: 'Completed', is_type_completed: true });
		archived = fake.addStatus({ name: 'Archived', is_archived: true });
		tom = fake.addClient({ first_name: 'Tom', last_name: 'Hughes' });
		emma = fake.addClient({ first_name: 'Emma', last_name: 'Clarke' });
		james = fake.addEmployee({ first_name: 'James', last_name: 'Carter' }).account;
		priya = fake.addEmployee({ first_name: 'Priya', last_name: 'Shah' }).account;
		transfer = fake.addCase({ name: 'Pension transfer review', client_uuid: tom.uuid });
		pension = fake.addPlan({ name: 'Aviva Personal Pension', client_uuid: emma.uuid });
		advisers = fake.addGroup('Advisers');
		paraplanning = fake.addGroup('Paraplanning');
		fake.addCustomField({ name: 'Compliance check', reference: 'compliance_check' });
		fake.addCustomField({ name: 'Provider reference', reference: 'provider_reference' });
		engine = new Engine();
		credentialId = engine.credentials.add('plannrApi', fake.credentialData()).id!;
	});
}
