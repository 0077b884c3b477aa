/**
 * The Plannr action node run by n8n-core's engine (WorkflowExecute and RoutingNode) against the stateful
 * fake over loopback HTTP: what Plannr receives (method, path, query, JSON body, the bearer token and the
 * account header), and what n8n outputs. Both credentials, the pickers, errors, bad input and the rate limit.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RecordedRequest } from '../fakes/kit';
import {
	PLANNR_API_V1,
	PlannrFake,
	type PlannrAccount,
	type PlannrCase,
	type PlannrFakeOptions,
	type PlannrGroup,
	type PlannrPlan,
	type PlannrStatus,
	type PlannrTaskRecord,
} from '../fakes/plannr';
import {
	Engine,
	loadOptions,
	runNode,
	searchList,
	testCredential,
	testOAuth2Credential,
	type NodeRun,
	type NodeSpec,
} from './harness';
import { serveFake } from './serveFake';
import { quickRetries } from './quickRetries';

// The rate-limit tests wait out a Retry-After of a second and calls paced 300 ms apart.
jest.setTimeout(30_000);

/** Searched for in every output and error. */
const TOKEN = 'PAT-Secret-7731';
const CLIENT_SECRET = 'OAuth-Client-Secret-5512';

/** 12:00:00 in London (GMT): every timestamp the fake writes comes from it. */
const T0 = Date.parse('2026-03-01T12:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
const tick = (seconds = 1) => (now += seconds * 1000);

const fake = new PlannrFake({
	clock,
	personalAccessToken: TOKEN,
	oauthClientSecret: CLIENT_SECRET,
});
let engine: Engine;
let credentialId: string;

let todo: PlannrStatus;
let doing: PlannrStatus;
let done: PlannrStatus;
let archived: PlannrStatus;
let tom: PlannrAccount;
let emma: PlannrAccount;
let james: PlannrAccount;
let priya: PlannrAccount;
let transfer: PlannrCase;
let pension: PlannrPlan;
let advisers: PlannrGroup;
let paraplanning: PlannrGroup;

const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
const rl = (value: string, mode: 'list' | 'id' = 'id') => ({ __rl: true, mode, value });
const calls = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => `${request.method} ${request.path}`);
const pages = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => [request.query.page, request.query.per_page]);
/** The query as Plannr reads it, `filter[...]` keys and all. */
const queryOf = (request: RecordedRequest) =>
	Object.fromEntries(new URLSearchParams(request.rawQuery));
const addTask = (partial: Partial<PlannrTaskRecord> & { name: string }) =>
	fake.addTask({
		status_uuid: todo.uuid,
		taskable_type: 'client',
		taskable_uuid: tom.uuid,
		...partial,
	});

function spec(parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		type: 'plannr',
		credentialType: 'plannrApi',
		credentialId,
		parameters: { authentication: 'accessToken', ...parameters },
		...extra,
	};
}

function plannr(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: Partial<NodeSpec> = {},
): Promise<NodeRun> {
	return runNode(engine, spec(parameters, extra), input);
}

/** Runs and expects no error, returning the output items' JSON. */
async function ok(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: Partial<NodeSpec> = {},
): Promise<IDataObject[]> {
	const { items, error } = await plannr(parameters, input, extra);
	expect(error).toBeUndefined();
	return items.map((item) => item.json);
}

/** Another fake for one test (its own rate limit, account and port, so its own limit state in the node). */
async function withFake(
	options: PlannrFakeOptions,
	body: (other: PlannrFake, otherCredentialId: string) => Promise<void>,
): Promise<void> {
	const other = new PlannrFake({ clock, personalAccessToken: TOKEN, ...options });
	await other.start();
	try {
		await body(other, engine.credentials.add('plannrApi', other.credentialData()).id!);
	} finally {
		await other.stop();
	}
}

/** The status of every answer a fake sends, in order (instrumenting its server's send; the fake itself is untouched). */
function answersOf(target: PlannrFake): Array<{ status: number; at: number }> {
	const answers: Array<{ status: number; at: number }> = [];
	const server = target.server as unknown as {
		send: (res: unknown, response: { status: number }) => void;
	};
	const send = server.send.bind(target.server);
	server.send = (res, response) => {
		answers.push({ status: response.status, at: Date.now() });
		send(res, response);
	};
	return answers;
}

/** The fake's OAuth2 authorization-code flow, as n8n's callback runs it: the token answer n8n keeps as oauthTokenData. */
async function connectOAuth2(target: PlannrFake = fake): Promise<IDataObject> {
	const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
	const authorize = new URLSearchParams({
		client_id: target.options.oauthClientId,
		redirect_uri: redirectUri,
		response_type: 'code',
		state: 'n8n',
	});
	const redirect = await fetch(
		`${target.url}${target.options.oauthAuthorizePath}?${authorize.toString()}`,
		{ redirect: 'manual' },
	);
	const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
	const answer = await fetch(`${target.url}${target.options.oauthTokenPath}`, {
		method: 'POST',
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: target.options.oauthClientId,
			client_secret: target.options.oauthClientSecret,
		}),
	});
	expect(answer.status).toBe(200);
	return (await answer.json()) as IDataObject;
}

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

describe('personal access token credential', () => {
	it('every call carries the token as a bearer, the account header and asks for JSON', async () => {
		const task = addTask({ name: 'Annual review' });
		await ok({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) });
		await ok({ resource: 'taskStatus', operation: 'getAll' });
		await loadOptions(engine, spec({ resource: 'task', operation: 'create' }), 'getAccounts');

		expect(fake.requests).toHaveLength(3);
		for (const request of fake.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
			expect(request.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
			expect(request.headers.accept).toBe('application/json');
		}
	});

	it('Test button: OK with the token and account; an error for a wrong token or an account that is not the user’s', async () => {
		expect(await testCredential(engine, 'plannrApi', fake.credentialData())).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].headers).toMatchObject({
			authorization: `Bearer ${TOKEN}`,
			'x-plannr-account-uuid': fake.options.accountUuid,
		});

		const wrongToken = await testCredential(engine, 'plannrApi', {
			...fake.credentialData(),
			accessToken: 'PAT-Wrong-0000',
		});
		expect(wrongToken.status).toBe('Error');
		expect(wrongToken.message).not.toContain('PAT-Wrong-0000');

		// n8n itself sends a request refused with 401 once more after re-applying the credential.
		expect(fake.requests.slice(1).map((request) => request.headers.authorization)).toEqual([
			'Bearer PAT-Wrong-0000',
			'Bearer PAT-Wrong-0000',
		]);

		// Tom is a client of the firm: the token's user has no login to his account.
		fake.server.clearRequests();
		const wrongAccount = await testCredential(engine, 'plannrApi', {
			...fake.credentialData(),
			accountUuid: tom.uuid,
		});
		expect(wrongAccount.status).toBe('Error');
		expect(fake.requests.map((request) => request.headers['x-plannr-account-uuid'])).toEqual([
			tom.uuid,
		]);
	});

	it('a base URL with a trailing slash still reaches Plannr', async () => {
		engine.credentials.update(credentialId, { ...fake.credentialData(), baseUrl: `${fake.url}/` });
		await ok({ resource: 'taskStatus', operation: 'getAll' });
		await loadOptions(engine, spec({}), 'getStatuses');
		expect(calls()).toEqual([`GET ${v1('/task-status')}`, `GET ${v1('/task-status')}`]);
	});
});

describe('OAuth2 credential', () => {
	let oauthCredentialId: string;
	beforeEach(async () => {
		oauthCredentialId = engine.credentials.add('plannrOAuth2Api', {
			...fake.oauth2CredentialData(),
			oauthTokenData: await connectOAuth2(),
		}).id!;
		fake.server.clearRequests();
	});
	const oauth = (parameters: IDataObject, input?: IDataObject[]) =>
		plannr({ authentication: 'oAuth2', ...parameters }, input, {
			credentialType: 'plannrOAuth2Api',
			credentialId: oauthCredentialId,
		});
	const accessToken = () =>
		(engine.credentials.data(oauthCredentialId).oauthTokenData as IDataObject)
			.access_token as string;

	it('n8n signs each call with the connected access token; the node adds the account header', async () => {
		const task = addTask({ name: 'Annual review' });

		const { items, error } = await oauth({
			resource: 'task',
			operation: 'get',
			taskUuid: rl(task.uuid),
		});
		const statuses = await loadOptions(
			engine,
			{
				...spec({ authentication: 'oAuth2' }),
				credentialType: 'plannrOAuth2Api',
				credentialId: oauthCredentialId,
			},
			'getStatuses',
		);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ uuid: task.uuid, name: 'Annual review' });
		expect(statuses.map((status) => status.name)).toEqual(['To do', 'In progress', 'Completed']);
		expect(fake.requests).toHaveLength(2);
		for (const request of fake.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${accessToken()}`);
			expect(accessToken()).toMatch(/^oat-/);
			expect(request.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
		}
	});

	it('an expired access token: n8n refreshes it at the token URL and the call is sent again with the new one', async () => {
		const task = addTask({ name: 'Annual review' });
		const stored = engine.credentials.data(oauthCredentialId).oauthTokenData as IDataObject;
		fake.expireOAuthAccessTokens();

		const { items, error } = await oauth({
			resource: 'task',
			operation: 'complete',
			taskUuid: rl(task.uuid),
		});

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			uuid: task.uuid,
			status: expect.objectContaining({ uuid: done.uuid }),
		});
		expect(calls()).toEqual([
			`PATCH ${v1(`/task/${task.uuid}/complete`)}`,
			`POST ${fake.options.oauthTokenPath}`,
			`PATCH ${v1(`/task/${task.uuid}/complete`)}`,
		]);
		const [refused, refresh, retried] = fake.requests;
		expect(refused.headers.authorization).toBe(`Bearer ${stored.access_token}`);
		expect(refresh.body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: stored.refresh_token,
			client_id: fake.options.oauthClientId,
			client_secret: CLIENT_SECRET,
		});
		const renewed = /^Bearer (\S+)$/.exec(retried.headers.authorization)![1];
		expect(renewed).not.toBe(stored.access_token);
		expect(fake.tokens.get(renewed)).toMatchObject({
			kind: 'oauth',
			userUuid: fake.primaryUser.uuid,
		});
		expect(retried.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
		expect(fake.tasks.get(task.uuid)!.completed_at).not.toBeNull();
	});

	it('a revoked connection (refresh refused) asks the user to reconnect, without any token in the error', async () => {
		fake.expireOAuthAccessTokens();
		const stored = engine.credentials.data(oauthCredentialId).oauthTokenData as IDataObject;
		// Someone else used the refresh token first: Plannr rotated it, so this one is revoked.
		await fetch(`${fake.url}${fake.options.oauthTokenPath}`, {
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: String(stored.refresh_token),
				client_id: fake.options.oauthClientId,
				client_secret: CLIENT_SECRET,
			}),
		});

		const { error, run } = await oauth({ resource: 'taskStatus', operation: 'getAll' });

		expect(error?.message).toMatch(/needs to be reconnected/);
		const text = JSON.stringify(run);
		for (const secret of [String(stored.access_token), String(stored.refresh_token), CLIENT_SECRET])
			expect(text).not.toContain(secret);
	});

	it('Test button: OK when connected; an error for an account that is not the user’s', async () => {
		const data = engine.credentials.data(oauthCredentialId);
		expect(await testOAuth2Credential(engine, 'plannrOAuth2Api', data)).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].headers).toMatchObject({
			authorization: `Bearer ${accessToken()}`,
			'x-plannr-account-uuid': fake.options.accountUuid,
		});

		const wrongAccount = await testOAuth2Credential(engine, 'plannrOAuth2Api', {
			...data,
			accountUuid: tom.uuid,
		});
		expect(wrongAccount.status).toBe('Error');
		expect(fake.requests.at(-1)!.headers['x-plannr-account-uuid']).toBe(tom.uuid);
	});
});

describe('task: create, get, update, complete, uncomplete', () => {
	const create = { resource: 'task', operation: 'create' };

	it('Create sends the four required fields as JSON and outputs the new task', async () => {
		const [created, ...rest] = await ok({
			...create,
			name: 'Annual review meeting',
			taskableType: 'client',
			taskableUuid: tom.uuid,
			taskStatusUuid: todo.uuid,
		});

		expect(calls()).toEqual([`POST ${v1('/task')}`]);
		const [call] = fake.requests;
		expect(call.headers['content-type']).toMatch(/^application\/json/);
		expect(call.body).toEqual({
			name: 'Annual review meeting',
			taskable_type: 'client',
			taskable_uuid: tom.uuid,
			task_status_uuid: todo.uuid,
		});
		expect(rest).toEqual([]);
		expect(created).toMatchObject({
			name: 'Annual review meeting',
			taskable_type: 'client',
			taskable: expect.objectContaining({ uuid: tom.uuid }),
			status: expect.objectContaining({ uuid: todo.uuid, name: 'To do' }),
			author: expect.objectContaining({ uuid: fake.options.accountUuid }),
			completed_at: null,
		});
		expect(fake.tasks.get(created.uuid as string)).toMatchObject({
			name: 'Annual review meeting',
			status_uuid: todo.uuid,
			taskable_uuid: tom.uuid,
		});
	});

	it('Create sends every additional field in Plannr’s shape: assignees, groups as a list, custom fields, due date in local time', async () => {
		engine.timezone = 'Europe/London';
		const parent = addTask({ name: 'Annual review' });

		const [created] = await ok({
			...create,
			name: 'Prepare suitability report',
			taskableType: 'case',
			taskableUuid: transfer.uuid,
			taskStatusUuid: doing.uuid,
			additionalFields: {
				assignedToUuids: [james.uuid, priya.uuid],
				customFields: {
					field: [
						{ name: 'compliance_check', value: 'Pending' },
						{ name: 'provider_reference', value: 'AV-118204' },
					],
				},
				description: 'Draft, check, send',
				// 09:30 UTC is 10:30 in London in June (BST): Plannr's due dates are local times.
				dueAt: '2026-06-01T09:30:00Z',
				groupUuids: `${advisers.uuid}, ${paraplanning.uuid}`,
				parentTaskUuid: parent.uuid,
				priority: 'highest',
			},
		});

		expect(fake.requests[0].body).toEqual({
			name: 'Prepare suitability report',
			taskable_type: 'case',
			taskable_uuid: transfer.uuid,
			task_status_uuid: doing.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
			custom_fields: [{ compliance_check: 'Pending' }, { provider_reference: 'AV-118204' }],
			description: 'Draft, check, send',
			due_at: '2026-06-01 10:30:00',
			group_uuids: [advisers.uuid, paraplanning.uuid],
			parent_task_uuid: parent.uuid,
			priority: 'highest',
		});
		expect(created).toMatchObject({
			priority: 'highest',
			due_at: '2026-06-01 10:30:00',
			description: 'Draft, check, send',
			taskable_type: 'case',
			assigned_to: [
				expect.objectContaining({ uuid: james.uuid }),
				expect.objectContaining({ uuid: priya.uuid }),
			],
			custom_fields: [
				expect.objectContaining({ reference: 'compliance_check', value: 'Pending' }),
				expect.objectContaining({ reference: 'provider_reference', value: 'AV-118204' }),
			],
		});
		expect(fake.tasks.get(created.uuid as string)).toMatchObject({
			parent_task_uuid: parent.uuid,
			group_uuids: [advisers.uuid, paraplanning.uuid],
		});
	});

	it('Create on a plan; a due date without a zone is read in the workflow’s time zone', async () => {
		engine.timezone = 'Europe/London';
		await ok({
			...create,
			name: 'Request valuation',
			taskableType: 'plan',
			taskableUuid: pension.uuid,
			taskStatusUuid: todo.uuid,
			additionalFields: { dueAt: '2026-03-10T14:00:00' },
		});
		expect(fake.requests[0].body).toMatchObject({
			taskable_type: 'plan',
			taskable_uuid: pension.uuid,
			due_at: '2026-03-10 14:00:00',
		});
	});

	it('Create leaves out list fields added but left empty', async () => {
		await ok({
			...create,
			name: 'x',
			taskableType: 'client',
			taskableUuid: tom.uuid,
			taskStatusUuid: todo.uuid,
			additionalFields: {
				assignedToUuids: [],
				groupUuids: ' , ',
				customFields: {},
				description: 'kept',
			},
		});
		expect(fake.requests[0].body).toEqual({
			name: 'x',
			taskable_type: 'client',
			taskable_uuid: tom.uuid,
			task_status_uuid: todo.uuid,
			description: 'kept',
		});
	});

	it('runs once per input item, with expressions', async () => {
		const input = [
			{ name: 'Call Tom', client: tom.uuid },
			{ name: 'Call Emma', client: emma.uuid },
		];
		const items = await ok(
			{
				...create,
				name: '={{ $json.name }}',
				taskableType: 'client',
				taskableUuid: '={{ $json.client }}',
				taskStatusUuid: todo.uuid,
			},
			input,
		);
		expect(items.map((item) => [item.name, (item.taskable as IDataObject).uuid])).toEqual([
			['Call Tom', tom.uuid],
			['Call Emma', emma.uuid],
		]);
		expect(fake.tasks.size).toBe(2);
	});

	it('Get reads one task, picked from the list or pasted as a UUID', async () => {
		const task = addTask({ name: 'Annual review', priority: 'high' });

		const fromList = await ok({
			resource: 'task',
			operation: 'get',
			taskUuid: rl(task.uuid, 'list'),
		});
		const byId = await ok({ resource: 'task', operation: 'get', taskUuid: rl(` ${task.uuid} `) });

		expect(calls()).toEqual([`GET ${v1(`/task/${task.uuid}`)}`, `GET ${v1(`/task/${task.uuid}`)}`]);
		expect(fromList).toEqual([
			expect.objectContaining({ uuid: task.uuid, name: 'Annual review', priority: 'high' }),
		]);
		expect(byId).toEqual(fromList);
	});

	it('Update sends only the fields set and leaves the rest of the task as it was', async () => {
		const task = addTask({
			name: 'Old name',
			description: 'Keep me',
			priority: 'high',
			due_at: '2026-03-05 09:00:00',
			assigned_to_uuids: [james.uuid],
			group_uuids: [advisers.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});
		const before = { ...fake.tasks.get(task.uuid)! };

		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid),
			updateFields: { name: 'New name' },
		});

		expect(calls()).toEqual([`PUT ${v1(`/task/${task.uuid}`)}`]);
		expect(fake.requests[0].body).toEqual({ name: 'New name' });
		expect(fake.tasks.get(task.uuid)).toEqual({
			...before,
			name: 'New name',
			updated_at: expect.any(String),
		});
		expect(updated).toMatchObject({
			uuid: task.uuid,
			name: 'New name',
			description: 'Keep me',
			priority: 'high',
			due_at: '2026-03-05 09:00:00',
		});
	});

	it('Update sends every field it is given, in Plannr’s names and shapes', async () => {
		engine.timezone = 'Europe/London';
		const parent = addTask({ name: 'Annual review' });
		const task = addTask({ name: 'Send pack' });

		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid, 'list'),
			updateFields: {
				assignedToUuids: [priya.uuid],
				customFields: { field: [{ name: 'provider_reference', value: 'AV-1' }] },
				description: 'With the valuation',
				dueAt: '2026-03-12T16:00:00Z',
				groupUuids: paraplanning.uuid,
				parentTaskUuid: parent.uuid,
				priority: 'low',
				taskableType: 'plan',
				taskableUuid: pension.uuid,
				name: 'Send valuation pack',
				taskStatusUuid: doing.uuid,
			},
		});

		expect(fake.requests[0].body).toEqual({
			assigned_to_uuids: [priya.uuid],
			custom_fields: [{ provider_reference: 'AV-1' }],
			description: 'With the valuation',
			due_at: '2026-03-12 16:00:00',
			group_uuids: [paraplanning.uuid],
			parent_task_uuid: parent.uuid,
			priority: 'low',
			taskable_type: 'plan',
			taskable_uuid: pension.uuid,
			name: 'Send valuation pack',
			task_status_uuid: doing.uuid,
		});
		expect(updated).toMatchObject({
			name: 'Send valuation pack',
			taskable_type: 'plan',
			status: expect.objectContaining({ uuid: doing.uuid }),
			priority: 'low',
		});
		expect(fake.tasks.get(task.uuid)).toMatchObject({
			parent_task_uuid: parent.uuid,
			group_uuids: [paraplanning.uuid],
			assigned_to_uuids: [priya.uuid],
		});
	});

	it('Update does not send list fields added but left empty, so the task keeps its assignees, groups and custom fields', async () => {
		const task = addTask({
			name: 'x',
			assigned_to_uuids: [james.uuid],
			group_uuids: [advisers.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});

		await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid),
			updateFields: { assignedToUuids: [], groupUuids: '', customFields: {}, priority: 'high' },
		});

		expect(fake.requests[0].body).toEqual({ priority: 'high' });
		expect(fake.tasks.get(task.uuid)).toMatchObject({
			priority: 'high',
			assigned_to_uuids: [james.uuid],
			group_uuids: [advisers.uuid],
			custom_fields: { compliance_check: 'Pending' },
		});
	});

	it('Update to a completed-type status completes the task (Plannr’s own rule)', async () => {
		const task = addTask({ name: 'x' });
		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid),
			updateFields: { taskStatusUuid: done.uuid },
		});
		expect(fake.requests[0].body).toEqual({ task_status_uuid: done.uuid });
		expect(updated).toMatchObject({
			completed_at: '2026-03-01 12:00:00',
			completed_by: expect.objectContaining({ uuid: fake.options.accountUuid }),
		});
	});

	it('Complete sends PATCH …/complete: the task moves to the completed status, with who and when', async () => {
		const task = addTask({ name: 'File letter of authority', status_uuid: doing.uuid });

		const [completed] = await ok({
			resource: 'task',
			operation: 'complete',
			taskUuid: rl(task.uuid, 'list'),
		});

		expect(calls()).toEqual([`PATCH ${v1(`/task/${task.uuid}/complete`)}`]);
		expect(fake.requests[0].rawBody).toBe('');
		expect(completed).toMatchObject({
			uuid: task.uuid,
			status: expect.objectContaining({ uuid: done.uuid }),
			completed_at: '2026-03-01 12:00:00',
			completed_by: expect.objectContaining({ uuid: fake.options.accountUuid }),
		});
	});

	it('Uncomplete sends PATCH …/uncomplete/{status}: the task goes back to the chosen status, completion cleared', async () => {
		const task = addTask({ name: 'File letter of authority', status_uuid: done.uuid });
		expect(fake.tasks.get(task.uuid)!.completed_at).not.toBeNull();

		const [reopened] = await ok({
			resource: 'task',
			operation: 'uncomplete',
			taskUuid: rl(task.uuid),
			reopenStatusUuid: doing.uuid,
		});

		expect(calls()).toEqual([`PATCH ${v1(`/task/${task.uuid}/uncomplete/${doing.uuid}`)}`]);
		expect(reopened).toMatchObject({
			uuid: task.uuid,
			status: expect.objectContaining({ uuid: doing.uuid }),
			completed_at: null,
			completed_by: null,
		});
		expect(fake.tasks.get(task.uuid)).toMatchObject({
			status_uuid: doing.uuid,
			completed_at: null,
		});
	});
});

describe('task: get many', () => {
	const getAll = { resource: 'task', operation: 'getAll' };

	/** Four tasks a second apart, across clients, cases and plans, statuses, priorities, assignees and due dates. */
	function addFour() {
		const review = addTask({
			name: 'Annual review',
			priority: 'high',
			assigned_to_uuids: [james.uuid],
			due_at: '2026-03-05 09:00:00',
			updated_at: '2026-03-01T12:00:30+00:00',
		});
		tick();
		const report = addTask({
			name: 'Suitability report',
			priority: 'highest',
			taskable_type: 'case',
			taskable_uuid: transfer.uuid,
			status_uuid: doing.uuid,
			assigned_to_uuids: [priya.uuid],
			due_at: '2026-03-10 12:00:00',
			updated_at: '2026-03-01T12:00:10+00:00',
		});
		tick();
		const valuation = addTask({
			name: 'Pension valuation',
			priority: 'medium',
			taskable_type: 'plan',
			taskable_uuid: pension.uuid,
			status_uuid: doing.uuid,
			assigned_to_uuids: [james.uuid, priya.uuid],
			updated_at: '2026-03-01T12:00:40+00:00',
		});
		tick();
		const documents = addTask({
			name: 'ID documents',
			priority: 'low',
			taskable_uuid: emma.uuid,
			status_uuid: done.uuid,
			due_at: '2026-02-20 10:00:00',
			completed_at: '2026-02-21 10:00:00',
			updated_at: '2026-03-01T12:00:20+00:00',
		});
		return { review, report, valuation, documents };
	}
	const names = (items: IDataObject[]) => items.map((item) => item.name);

	it('by default: the first 50, one page', async () => {
		addFour();
		const items = await ok({ ...getAll });
		expect(calls()).toEqual([`GET ${v1('/task')}`]);
		expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '50' });
		expect(names(items)).toEqual([
			'Annual review',
			'Suitability report',
			'Pension valuation',
			'ID documents',
		]);
	});

	it('Return All follows every page at the largest page size, 500', async () => {
		for (let i = 0; i < 1201; i++) addTask({ name: `Task ${i}` });

		const items = await ok({ ...getAll, returnAll: true });

		expect(items).toHaveLength(1201);
		expect(new Set(items.map((item) => item.uuid)).size).toBe(1201);
		expect(items[1200].name).toBe('Task 1200');
		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
			['3', '500'],
		]);
	});

	it('Return All stops at the last page Plannr counts, even when it is full', async () => {
		for (let i = 0; i < 1000; i++) addTask({ name: `Task ${i}` });

		const items = await ok({ ...getAll, returnAll: true });

		expect(items).toHaveLength(1000);
		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
		]);
	});

	it('a Limit asks for no more than it needs, in one page', async () => {
		for (let i = 0; i < 30; i++) addTask({ name: `Task ${i}` });

		const five = await ok({ ...getAll, returnAll: false, limit: 5 });
		expect(names(five)).toEqual(['Task 0', 'Task 1', 'Task 2', 'Task 3', 'Task 4']);
		expect(pages()).toEqual([['1', '5']]);

		fake.server.clearRequests();
		const all = await ok({ ...getAll, returnAll: false, limit: 500 });
		expect(all).toHaveLength(30);
		expect(pages()).toEqual([['1', '500']]);
	});

	it('a Limit above 500 (700): pages keep one size (page numbers only line up so), the surplus is cut; each task once', async () => {
		for (let i = 0; i < 800; i++) addTask({ name: `Task ${i}` });

		const items = await ok({ ...getAll, returnAll: false, limit: 700 });

		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
		]);
		expect(items).toHaveLength(700);
		expect(new Set(items.map((item) => item.uuid)).size).toBe(700);
		expect(items[699].name).toBe('Task 699');
	});

	it.each<[string, IDataObject, IDataObject, string[]]>([
		['Name', { name: 'review' }, { 'filter[name]': 'review' }, ['Annual review']],
		[
			'Linked To',
			{ taskableType: 'case' },
			{ 'filter[taskable_type]': 'case' },
			['Suitability report'],
		],
		[
			'Linked Record UUID',
			{ taskableUuid: 'PENSION' },
			{ 'filter[taskable_uuid]': 'PENSION' },
			['Pension valuation'],
		],
		[
			'Client UUID (its cases and plans too)',
			{ clientUuid: 'TOM' },
			{ 'filter[client_uuid]': 'TOM' },
			['Annual review', 'Suitability report'],
		],
		['Priority', { priority: 'low' }, { 'filter[priority]': 'low' }, ['ID documents']],
		[
			'one assignee',
			{ assignedToUuids: ['PRIYA'] },
			{ 'filter[assigned_to_uuids]': 'PRIYA' },
			['Suitability report', 'Pension valuation'],
		],
		[
			'several assignees (any of them)',
			{ assignedToUuids: ['JAMES', 'PRIYA'] },
			{ 'filter[assigned_to_uuids]': 'JAMES,PRIYA' },
			['Annual review', 'Suitability report', 'Pension valuation'],
		],
		[
			'Status',
			{ taskStatusUuid: 'DOING' },
			{ 'filter[status_uuid]': 'DOING' },
			['Suitability report', 'Pension valuation'],
		],
		[
			'Due Before (local time)',
			{ dueBefore: '2026-03-06T00:00:00Z' },
			{ 'filter[due_before]': '2026-03-06 00:00:00' },
			['Annual review', 'ID documents'],
		],
		[
			'Due After (local time)',
			{ dueAfter: '2026-03-01T00:00:00' },
			{ 'filter[due_after]': '2026-03-01 00:00:00' },
			['Annual review', 'Suitability report'],
		],
		[
			'Has Due Date on',
			{ hasDueDate: true },
			{ 'filter[has_due_date]': 'true' },
			['Annual review', 'Suitability report', 'ID documents'],
		],
		[
			'Has Due Date off',
			{ hasDueDate: false },
			{ 'filter[has_due_date]': 'false' },
			['Pension valuation'],
		],
		[
			'Open Tasks Only on',
			{ openTasks: true },
			{ 'filter[open_tasks]': 'true' },
			['Annual review', 'Suitability report', 'Pension valuation'],
		],
		[
			'Open Tasks Only off',
			{ openTasks: false },
			{ 'filter[open_tasks]': 'false' },
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
		[
			'no assignee picked (nothing filtered)',
			{ assignedToUuids: [] },
			{},
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
	])('filter: %s', async (_case, filters, query, expected) => {
		const placeholders: Record<string, string> = {
			PENSION: pension.uuid,
			TOM: tom.uuid,
			PRIYA: priya.uuid,
			JAMES: james.uuid,
			DOING: doing.uuid,
		};
		const swap = (value: unknown): unknown =>
			typeof value === 'string'
				? value.replace(/[A-Z]{3,}/g, (word) => placeholders[word] ?? word)
				: Array.isArray(value)
					? value.map(swap)
					: value;
		// The "local time" the due filters are sent in is the workflow's: these cases are written in UTC.
		engine.timezone = 'UTC';
		addFour();

		const items = await ok({
			...getAll,
			returnAll: true,
			filters: Object.fromEntries(
				Object.entries(filters).map(([key, value]) => [key, swap(value)]),
			),
		});

		expect(queryOf(fake.requests[0])).toEqual({
			...Object.fromEntries(Object.entries(query).map(([key, value]) => [key, swap(value)])),
			page: '1',
			per_page: '500',
		});
		expect(names(items)).toEqual(expected);
	});

	it.each<[string, boolean, string, string[]]>([
		[
			'created_at',
			false,
			'created_at',
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
		[
			'created_at',
			true,
			'-created_at',
			['ID documents', 'Pension valuation', 'Suitability report', 'Annual review'],
		],
		[
			'updated_at',
			false,
			'updated_at',
			['Suitability report', 'ID documents', 'Annual review', 'Pension valuation'],
		],
		[
			'updated_at',
			true,
			'-updated_at',
			['Pension valuation', 'Annual review', 'ID documents', 'Suitability report'],
		],
		[
			'name',
			false,
			'name',
			['Annual review', 'ID documents', 'Pension valuation', 'Suitability report'],
		],
		[
			'name',
			true,
			'-name',
			['Suitability report', 'Pension valuation', 'ID documents', 'Annual review'],
		],
		[
			'priority',
			false,
			'priority',
			['ID documents', 'Pension valuation', 'Annual review', 'Suitability report'],
		],
		[
			'priority',
			true,
			'-priority',
			['Suitability report', 'Annual review', 'Pension valuation', 'ID documents'],
		],
		[
			'due_at',
			false,
			'due_at',
			['Pension valuation', 'ID documents', 'Annual review', 'Suitability report'],
		],
		[
			'due_at',
			true,
			'-due_at',
			['Suitability report', 'Annual review', 'ID documents', 'Pension valuation'],
		],
		[
			'completed_last',
			false,
			'completed_last',
			['Annual review', 'Suitability report', 'Pension valuation', 'ID documents'],
		],
		[
			'completed_last',
			true,
			'-completed_last',
			['ID documents', 'Pension valuation', 'Suitability report', 'Annual review'],
		],
	])('sort by %s (descending: %s)', async (sort, sortDescending, sent, expected) => {
		addFour();
		const items = await ok({ ...getAll, returnAll: true, options: { sort, sortDescending } });
		expect(queryOf(fake.requests[0]).sort).toBe(sent);
		expect(names(items)).toEqual(expected);
	});

	it('Sort Descending without Sort By sends no sort (Plannr’s own order)', async () => {
		addFour();
		await ok({ ...getAll, returnAll: true, options: { sortDescending: true } });
		expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '500' });
	});

	it('Include asks for the related records, comma-separated; none chosen sends none', async () => {
		const { review } = addFour();
		const child = addTask({ name: 'Send review pack', parent_task_uuid: review.uuid });

		const items = await ok({
			...getAll,
			returnAll: true,
			options: {
				include: ['author', 'completed_by', 'custom_fields', 'parent_task', 'related_tasks'],
			},
		});

		expect(queryOf(fake.requests[0]).include).toBe(
			'author,completed_by,custom_fields,parent_task,related_tasks',
		);
		const first = items.find((item) => item.uuid === review.uuid)!;
		expect(first.related_tasks).toEqual([expect.objectContaining({ uuid: child.uuid })]);
		expect(first).toHaveProperty('parent_task', null);

		fake.server.clearRequests();
		await ok({ ...getAll, returnAll: true, options: { include: [] } });
		expect(queryOf(fake.requests[0])).toEqual({ page: '1', per_page: '500' });
	});

	it('filters, sort and include are sent on every page', async () => {
		for (let i = 0; i < 600; i++)
			addTask({ name: `Task ${String(i).padStart(3, '0')}`, priority: 'high' });
		addTask({ name: 'Low one', priority: 'low' });

		const items = await ok({
			...getAll,
			returnAll: true,
			filters: { priority: 'high', openTasks: true },
			options: { sort: 'name', sortDescending: true, include: ['author'] },
		});

		expect(items).toHaveLength(600);
		expect(items[0].name).toBe('Task 599');
		const expected = {
			'filter[priority]': 'high',
			'filter[open_tasks]': 'true',
			sort: '-name',
			include: 'author',
			per_page: '500',
		};
		expect(fake.requests.map(queryOf)).toEqual([
			{ ...expected, page: '1' },
			{ ...expected, page: '2' },
		]);
	});
});

describe('task status and account', () => {
	it('Task Status: Get Many lists the firm’s statuses in their order', async () => {
		const items = await ok({ resource: 'taskStatus', operation: 'getAll' });
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(queryOf(fake.requests[0])).toEqual({ sort: 'position' });
		expect(items.map((item) => [item.name, item.is_type_completed, item.is_archived])).toEqual([
			['To do', false, false],
			['In progress', false, false],
			['Completed', true, false],
			['Archived', false, true],
		]);
		expect(items[0]).toMatchObject({
			uuid: todo.uuid,
			colour: '#9CA3AF',
			position: 1,
			is_not_started: true,
		});
		expect(items[3].uuid).toBe(archived.uuid);
	});

	it('Account: Get Many with Return All pages at 500; with a Limit asks only for it', async () => {
		for (let i = 0; i < 515; i++)
			fake.addAccount({ first_name: `Adviser ${i}`, last_name: 'Test' });

		const all = await ok({ resource: 'account', operation: 'getAll', returnAll: true });
		expect(all).toHaveLength(fake.accounts.size);
		expect(fake.accounts.size).toBe(520);
		expect(new Set(all.map((account) => account.uuid)).size).toBe(520);
		expect(calls()).toEqual([`GET ${v1('/account')}`, `GET ${v1('/account')}`]);
		expect(pages()).toEqual([
			['1', '500'],
			['2', '500'],
		]);

		fake.server.clearRequests();
		const three = await ok({
			resource: 'account',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(three.map((account) => account.name)).toEqual([
			'Sarah Mitchell',
			'Tom Hughes',
			'Emma Clarke',
		]);
		expect(pages()).toEqual([['1', '3']]);
	});
});

describe('pickers', () => {
	it('statuses: the firm’s, in order, archived ones left out', async () => {
		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'create' }),
			'getStatuses',
		);
		expect(options).toEqual([
			{ name: 'To do', value: todo.uuid },
			{ name: 'In progress', value: doing.uuid },
			{ name: 'Completed', value: done.uuid },
		]);
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].query).toEqual({ sort: 'position' });
	});

	it('open statuses (Uncomplete): no completed-type and no archived status', async () => {
		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'uncomplete' }),
			'getOpenStatuses',
		);
		expect(options).toEqual([
			{ name: 'To do', value: todo.uuid },
			{ name: 'In progress', value: doing.uuid },
		]);
	});

	it('assignees: every account, across pages of 500, by first name', async () => {
		for (let i = 0; i < 500; i++)
			fake.addAccount({ first_name: `Zed ${String(i).padStart(3, '0')}`, last_name: 'Adviser' });

		const options = await loadOptions(
			engine,
			spec({ resource: 'task', operation: 'create' }),
			'getAccounts',
		);

		expect(options).toHaveLength(505);
		expect(options.slice(0, 5)).toEqual([
			{ name: 'Emma Clarke', value: emma.uuid },
			{ name: 'James Carter', value: james.uuid },
			{ name: 'Priya Shah', value: priya.uuid },
			{ name: 'Sarah Mitchell', value: fake.options.accountUuid },
			{ name: 'Tom Hughes', value: tom.uuid },
		]);
		expect(fake.requests.map(queryOf)).toEqual([
			{ sort: 'first_name', page: '1', per_page: '500' },
			{ sort: 'first_name', page: '2', per_page: '500' },
		]);
	});

	it('tasks: searched by name in Plannr, most recently updated first; everything when nothing is typed', async () => {
		const review = addTask({ name: 'Annual review', updated_at: '2026-03-01T12:00:05+00:00' });
		const pack = addTask({ name: 'Send review pack', updated_at: '2026-03-01T12:00:09+00:00' });
		const other = addTask({ name: 'ID documents', updated_at: '2026-03-01T12:00:01+00:00' });

		const found = await searchList(
			engine,
			spec({ resource: 'task', operation: 'get' }),
			'searchTasks',
			' review ',
		);
		expect(found).toEqual([
			{ name: 'Send review pack', value: pack.uuid },
			{ name: 'Annual review', value: review.uuid },
		]);
		expect(queryOf(fake.requests[0])).toEqual({
			'filter[name]': 'review',
			per_page: '100',
			sort: '-updated_at',
		});

		fake.server.clearRequests();
		const all = await searchList(
			engine,
			spec({ resource: 'task', operation: 'get' }),
			'searchTasks',
		);
		expect(all.map((option) => option.value)).toEqual([pack.uuid, review.uuid, other.uuid]);
		expect(queryOf(fake.requests[0])).toEqual({ per_page: '100', sort: '-updated_at' });
	});
});

describe('bad input is refused before any request, naming the field', () => {
	const task = '7a5c0000-0000-4000-8000-0000000000aa';
	const create = {
		resource: 'task',
		operation: 'create',
		name: 'x',
		taskableType: 'client',
		taskableUuid: 'acc00000-0000-4000-8000-000000000002',
		taskStatusUuid: '57a70000-0000-4000-8000-000000000001',
	};
	const update = { resource: 'task', operation: 'update', taskUuid: rl(task) };
	const getAll = { resource: 'task', operation: 'getAll', returnAll: true };

	it.each<[string, IDataObject, string]>([
		['a blank Task', { resource: 'task', operation: 'get', taskUuid: rl('={{ "  " }}') }, 'Task'],
		[
			'a Task that is not a UUID',
			{ resource: 'task', operation: 'get', taskUuid: rl('Annual review') },
			'Task',
		],
		[
			'a Task from an empty expression, on Complete',
			{ resource: 'task', operation: 'complete', taskUuid: rl('={{ $json.missing }}', 'list') },
			'Task',
		],
		[
			'a Task that is not a UUID, on Uncomplete',
			{
				resource: 'task',
				operation: 'uncomplete',
				taskUuid: rl('42'),
				reopenStatusUuid: '57a70000-0000-4000-8000-000000000001',
			},
			'Task',
		],
		[
			'a blank Back to Status',
			{
				resource: 'task',
				operation: 'uncomplete',
				taskUuid: rl(task),
				reopenStatusUuid: '={{ "" }}',
			},
			'Back to Status',
		],
		[
			'a Back to Status that is not a UUID',
			{
				resource: 'task',
				operation: 'uncomplete',
				taskUuid: rl(task),
				reopenStatusUuid: '={{ "In progress" }}',
			},
			'Back to Status',
		],
		['a blank Name', { ...create, name: '={{ "   " }}' }, 'Name'],
		['an unknown Linked To', { ...create, taskableType: '={{ "contact" }}' }, 'Linked To'],
		[
			'a missing Linked Record UUID',
			{ ...create, taskableUuid: '={{ $json.missing }}' },
			'Linked Record UUID',
		],
		[
			'a Linked Record UUID that is not a UUID',
			{ ...create, taskableUuid: 'Tom Hughes' },
			'Linked Record UUID',
		],
		['a missing Status', { ...create, taskStatusUuid: '={{ "" }}' }, 'Status'],
		['a Status that is not a UUID', { ...create, taskStatusUuid: '={{ "To do" }}' }, 'Status'],
		[
			'an unknown Priority',
			{ ...create, additionalFields: { priority: '={{ "urgent" }}' } },
			'Priority',
		],
		[
			'an invalid Due Date',
			{ ...create, additionalFields: { dueAt: '={{ "next tuesday-ish" }}' } },
			'Due Date',
		],
		[
			'a Parent Task UUID that is not a UUID',
			{ ...create, additionalFields: { parentTaskUuid: 'Annual review' } },
			'Parent Task UUID',
		],
		['empty Update Fields', { ...update, updateFields: {} }, 'Update Fields'],
		[
			'Update Fields holding only empty list fields',
			{ ...update, updateFields: { assignedToUuids: [], groupUuids: '', customFields: {} } },
			'Update Fields',
		],
		[
			'Update Fields holding only a Due Date left empty',
			{ ...update, updateFields: { dueAt: '' } },
			'Update Fields',
		],
		['a blank Name on Update', { ...update, updateFields: { name: ' ' } }, 'Name'],
		[
			'a Status added but not chosen, on Update',
			{ ...update, updateFields: { taskStatusUuid: '' } },
			'Status',
		],
		[
			'a Linked Record UUID added but left empty, on Update',
			{ ...update, updateFields: { taskableUuid: '' } },
			'Linked Record UUID',
		],
		[
			'Linked To without a Linked Record UUID, on Update',
			{ ...update, updateFields: { taskableType: 'case' } },
			'Linked Record UUID',
		],
		[
			'a Linked Record UUID that is not a UUID, on Update',
			{ ...update, updateFields: { taskableUuid: 'x' } },
			'Linked Record UUID',
		],
		[
			'an unknown Priority on Update',
			{ ...update, updateFields: { priority: '={{ "asap" }}' } },
			'Priority',
		],
		[
			'an invalid Due Date on Update',
			{ ...update, updateFields: { dueAt: '={{ "31/02/2026" }}' } },
			'Due Date',
		],
		[
			'a Parent Task UUID that is not a UUID, on Update',
			{ ...update, updateFields: { parentTaskUuid: '12' } },
			'Parent Task UUID',
		],
		[
			'a Task that is not a UUID, on Update',
			{ ...update, taskUuid: rl('nope'), updateFields: { name: 'x' } },
			'Task',
		],
		[
			'an invalid Due After',
			{ ...getAll, filters: { dueAfter: '={{ "yesterday" }}' } },
			'Due After',
		],
		['an invalid Due Before', { ...getAll, filters: { dueBefore: '={{ "soon" }}' } }, 'Due Before'],
		[
			'a Client UUID that is not a UUID',
			{ ...getAll, filters: { clientUuid: 'Tom' } },
			'Client UUID',
		],
		[
			'a Linked Record UUID filter that is not a UUID',
			{ ...getAll, filters: { taskableUuid: 'plan-1' } },
			'Linked Record UUID',
		],
		[
			'a Status filter that is not a UUID',
			{ ...getAll, filters: { taskStatusUuid: '={{ "In progress" }}' } },
			'Status',
		],
	])('%s', async (_case, parameters, field) => {
		const { error, items } = await plannr(parameters);
		expect(error?.message).toContain(`"${field}"`);
		expect(error?.description).toContain('Nothing was sent');
		expect(items).toEqual([]);
		expect(fake.requests).toEqual([]);
	});

	// A required field left empty in the editor: n8n itself refuses the workflow before the node runs.
	it.each<[string, IDataObject]>([
		['Name', { ...create, name: '' }],
		['Linked Record UUID', { ...create, taskableUuid: '' }],
		['Status Name or ID', { ...create, taskStatusUuid: '' }],
		['Task', { resource: 'task', operation: 'get', taskUuid: rl('') }],
		[
			'Back to Status Name or ID',
			{ resource: 'task', operation: 'uncomplete', taskUuid: rl(task), reopenStatusUuid: '' },
		],
	])('an empty required %s: n8n names it and runs nothing', async (field, parameters) => {
		await expect(plannr(parameters)).rejects.toThrow(`Parameter "${field}" is required`);
		expect(fake.requests).toEqual([]);
	});

	it('Continue On Fail: a bad item is refused on its own; the good one is sent', async () => {
		const real = addTask({ name: 'Annual review' });
		const { items, error } = await plannr(
			{ resource: 'task', operation: 'get', taskUuid: rl('={{ $json.task }}') },
			[{ task: 'not-a-uuid' }, { task: real.uuid }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(String(items[0].json.error)).toContain('"Task"');
		expect(items[1].json).toMatchObject({ uuid: real.uuid });
		expect(calls()).toEqual([`GET ${v1(`/task/${real.uuid}`)}`]);
	});
});

describe('errors', () => {
	quickRetries();
	it('a 422: every field Plannr names, in Plannr’s words', async () => {
		const missing = '7a5c0000-0000-4000-8000-0000000000ff';
		const { error } = await plannr({
			resource: 'task',
			operation: 'create',
			name: 'x',
			taskableType: 'case',
			taskableUuid: tom.uuid,
			taskStatusUuid: '57a70000-0000-4000-8000-0000000000ff',
			additionalFields: {
				parentTaskUuid: missing,
				assignedToUuids: [james.uuid, 'acc00000-0000-4000-8000-0000000000ff'],
			},
		});

		expect(error?.httpCode).toBe('422');
		expect(error?.message).toBe(
			'Plannr: taskable_uuid: The selected taskable uuid is invalid.; task_status_uuid: The selected task status uuid is invalid.; ' +
				'parent_task_uuid: The selected parent task uuid is invalid.; assigned_to_uuids.1: The selected assigned to uuids.1 is invalid.',
		);
		expect(fake.tasks.size).toBe(0);
	});

	it('a 422 on Uncomplete to a completed-type status names the status field', async () => {
		const task = addTask({ name: 'x', status_uuid: done.uuid });
		const { error } = await plannr({
			resource: 'task',
			operation: 'uncomplete',
			taskUuid: rl(task.uuid),
			reopenStatusUuid: done.uuid,
		});
		expect(error?.httpCode).toBe('422');
		expect(error?.message).toBe(
			'Plannr: task_status_uuid: The selected task status uuid is a completed status: a task is uncompleted to an open status.',
		);
	});

	it('a task that does not exist: 404 with Plannr’s words, for Get, Update, Complete and Uncomplete', async () => {
		const missing = '7a5c0000-0000-4000-8000-0000000000ff';
		const runs = [
			await plannr({ resource: 'task', operation: 'get', taskUuid: rl(missing) }),
			await plannr({
				resource: 'task',
				operation: 'update',
				taskUuid: rl(missing),
				updateFields: { name: 'x' },
			}),
			await plannr({ resource: 'task', operation: 'complete', taskUuid: rl(missing) }),
			await plannr({
				resource: 'task',
				operation: 'uncomplete',
				taskUuid: rl(missing),
				reopenStatusUuid: todo.uuid,
			}),
		];
		for (const { error } of runs) {
			expect(error?.httpCode).toBe('404');
			expect(error?.message).toBe(
				`Plannr: No query results for model [App\\Models\\Task] ${missing}`,
			);
		}
	});

	it('a wrong token: 401 “Unauthenticated.”; an account that is not the user’s: 403', async () => {
		engine.credentials.update(credentialId, {
			...fake.credentialData(),
			accessToken: 'PAT-Revoked-4242',
		});
		const revoked = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(revoked.error?.httpCode).toBe('401');
		expect(revoked.error?.message).toBe('Plannr: Unauthenticated.');
		await expect(loadOptions(engine, spec({}), 'getStatuses')).rejects.toThrow(
			'Plannr: Unauthenticated.',
		);

		engine.credentials.update(credentialId, { ...fake.credentialData(), accountUuid: tom.uuid });
		const elsewhere = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(elsewhere.error?.httpCode).toBe('403');
		expect(elsewhere.error?.message).toBe('Plannr: This action is unauthorized.');
	});

	it('a 200 answer saying success: false is an error, not an item', async () => {
		fake.server.fault({
			fault: { status: 200, body: { success: false, message: 'Account suspended' } },
		});
		const { error, items } = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Plannr: Account suspended');
	});

	it('Continue On Fail: the error goes on the item and the next item carries on; error output splits them', async () => {
		const task = addTask({ name: 'x' });
		const missing = '7a5c0000-0000-4000-8000-0000000000ff';

		const continued = await plannr(
			{ resource: 'task', operation: 'complete', taskUuid: rl('={{ $json.task }}') },
			[{ task: missing }, { task: task.uuid }],
			{ continueOnFail: true },
		);
		expect(continued.error).toBeUndefined();
		expect(continued.items[0].json.error).toBe(
			`Plannr: No query results for model [App\\Models\\Task] ${missing}`,
		);
		expect(continued.items[1].json).toMatchObject({
			uuid: task.uuid,
			status: expect.objectContaining({ uuid: done.uuid }),
		});

		const split = await plannr(
			{ resource: 'task', operation: 'get', taskUuid: rl('={{ $json.task }}') },
			[{ task: missing }, { task: task.uuid }],
			{ onError: 'continueErrorOutput' },
		);
		expect(split.items.map((item) => item.json.uuid)).toEqual([task.uuid]);
		expect(split.errorItems).toHaveLength(1);
		expect(JSON.stringify(split.errorItems[0].json)).toContain('No query results');
	});

	it('the token never appears in outputs or errors', async () => {
		const task = addTask({ name: 'x' });
		const runs: NodeRun[] = [];
		runs.push(await plannr({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }));
		runs.push(
			await plannr({
				resource: 'task',
				operation: 'get',
				taskUuid: rl('7a5c0000-0000-4000-8000-0000000000ff'),
			}),
		);
		runs.push(
			await plannr({
				resource: 'task',
				operation: 'create',
				name: 'x',
				taskableType: 'client',
				taskableUuid: tom.uuid,
				taskStatusUuid: '57a70000-0000-4000-8000-0000000000ff',
			}),
		);
		runs.push(
			await plannr(
				{ resource: 'task', operation: 'get', taskUuid: rl('={{ $json.task }}') },
				[{ task: 'bad' }, { task: task.uuid }],
				{ continueOnFail: true },
			),
		);
		fake.server.fault({ times: Infinity, fault: { drop: true } });
		runs.push(await plannr({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }));
		fake.server.clearFaults();
		fake.revokeToken(TOKEN);
		runs.push(await plannr({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }));

		expect(runs.map((run) => run.error?.httpCode ?? null)).toEqual([
			null,
			'404',
			'422',
			null,
			'ECONNRESET',
			'401',
		]);
		for (const run of runs) expect(JSON.stringify(run.run)).not.toContain(TOKEN);
		expect(
			fake.requests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`),
		).toBe(true);
	});
});

describe('rate limit (500 a minute per user; X-Ratelimit-Remaining on every answer, 429 beyond)', () => {
	const LIMIT = 200;
	/** The node keeps to Plannr's minute: once nothing remains, one call per 60 s / limit. */
	const SPACING_MS = 60_000 / LIMIT;
	let accounts = 0;
	/** Each limited fake acts for its own account, so the node keeps a separate limit for it. */
	const ownAccount = () =>
		`93379910-564c-4d8a-838f-5a0a4a98${String(2000 + ++accounts).padStart(4, '0')}`;

	function seed(target: PlannrFake): PlannrTaskRecord {
		const status = target.addStatus({ name: 'To do' });
		const client = target.addClient({ first_name: 'Tom', last_name: 'Hughes' });
		return target.addTask({
			name: 'Annual review',
			status_uuid: status.uuid,
			taskable_type: 'client',
			taskable_uuid: client.uuid,
		});
	}
	const getTask = (task: PlannrTaskRecord, id: string, count: number) =>
		runNode(
			engine,
			{
				...spec({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }),
				credentialId: id,
			},
			Array.from({ length: count }, () => ({})),
		);

	it('a run beyond the limit: the refused calls wait out Retry-After, are sent again, and every item succeeds', async () => {
		const over = 3;
		let seen = 0;
		// The fake's window is a second on its own clock: the run's first calls fall in one, anything later in the next.
		const options = {
			accountUuid: ownAccount(),
			rateLimitPerMinute: LIMIT,
			rateLimitWindowMs: 1000,
			rateLimitClock: () => (++seen > LIMIT + over ? 1000 : 0),
		};
		await withFake(options, async (other, otherCredentialId) => {
			const task = seed(other);
			const answers = answersOf(other);

			const { items, error } = await getTask(task, otherCredentialId, LIMIT + over);

			expect(error).toBeUndefined();
			expect(items).toHaveLength(LIMIT + over);
			expect(items.every((item) => item.json.uuid === task.uuid)).toBe(true);
			const refused = answers.filter((answer) => answer.status === 429);
			expect(refused).toHaveLength(over);
			expect(answers.filter((answer) => answer.status === 200)).toHaveLength(LIMIT + over);
			// Each refusal said Retry-After: 1; nothing was sent again before that second had passed.
			const lastRefusal = Math.max(...refused.map((answer) => answer.at));
			const retries = other.requests.slice(LIMIT + over);
			expect(retries).toHaveLength(over);
			for (const retry of retries) expect(retry.at - lastRefusal).toBeGreaterThanOrEqual(1000 - 5);
		});
	});

	it('a 429 without Retry-After backs off a second before trying again', async () => {
		fake.server.fault({ fault: { status: 429, body: { message: 'Too Many Attempts.' } } });
		await ok({ resource: 'taskStatus', operation: 'getAll' });
		expect(fake.requests).toHaveLength(2);
		expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(1000);
	});

	it('after four refusals in a row the node gives up with Plannr’s message', async () => {
		fake.server.fault({
			times: 5,
			fault: {
				status: 429,
				body: { message: 'Too Many Attempts.' },
				headers: { 'retry-after': '0' },
			},
		});
		const { error } = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toBe('Plannr: Too Many Attempts.');
		expect(fake.requests).toHaveLength(5);
	});

	it('once X-Ratelimit-Remaining reaches 0 the node slows to one call per minute/limit; with calls left again, full speed', async () => {
		let minute = 0;
		await withFake(
			{
				accountUuid: ownAccount(),
				rateLimitPerMinute: LIMIT,
				rateLimitWindowMs: 1000,
				rateLimitClock: () => minute * 1000,
			},
			async (other, otherCredentialId) => {
				const task = seed(other);
				const answers = answersOf(other);
				await getTask(task, otherCredentialId, LIMIT - 1);
				// The last call of the minute, on its own, so its answer (0 remaining) is the last the node reads.
				await getTask(task, otherCredentialId, 1);
				expect(answers.every((answer) => answer.status === 200)).toBe(true);

				minute = 1;
				other.server.clearRequests();
				const slowed = await getTask(task, otherCredentialId, 5);
				expect(slowed.error).toBeUndefined();
				// Paced slots are exactly SPACING_MS apart; arrivals vary by a few ms of event-loop delay (a burst would be ~0 apart).
				const gaps = other.requests.slice(1).map((request, i) => request.at - other.requests[i].at);
				expect(gaps).toHaveLength(4);
				for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(SPACING_MS * 0.8);
				expect(other.requests[4].at - other.requests[0].at).toBeGreaterThanOrEqual(
					4 * SPACING_MS - 30,
				);

				other.server.clearRequests();
				const fast = await getTask(task, otherCredentialId, 5);
				expect(fast.error).toBeUndefined();
				expect(other.requests.at(-1)!.at - other.requests[0].at).toBeLessThan(SPACING_MS);

				expect(answers.filter((answer) => answer.status === 429)).toHaveLength(0);
				expect(answers).toHaveLength(LIMIT + 10);
			},
		);
	});

	it('Return All: a page refused with 429 waits out Retry-After and is asked again; no task lost or read twice', async () => {
		let seen = 0;
		const options = {
			accountUuid: ownAccount(),
			rateLimitPerMinute: LIMIT,
			rateLimitWindowMs: 1000,
			rateLimitClock: () => (++seen > LIMIT + 1 ? 1000 : 0),
		};
		await withFake(options, async (other, otherCredentialId) => {
			const first = seed(other);
			for (let i = 1; i < 1201; i++)
				other.addTask({
					name: `Task ${i}`,
					status_uuid: first.status_uuid,
					taskable_type: 'client',
					taskable_uuid: first.taskable_uuid,
				});
			// Someone else's calls used the minute up to the last one.
			for (let i = 0; i < LIMIT - 1; i++) {
				await fetch(`${other.url}${v1('/task-status')}`, {
					headers: {
						authorization: `Bearer ${TOKEN}`,
						'x-plannr-account-uuid': options.accountUuid,
						accept: 'application/json',
					},
				});
			}
			const answers = answersOf(other);
			other.server.clearRequests();

			const { items, error } = await runNode(engine, {
				...spec({ resource: 'task', operation: 'getAll', returnAll: true }),
				credentialId: otherCredentialId,
			});

			expect(error).toBeUndefined();
			expect(items).toHaveLength(1201);
			expect(new Set(items.map((item) => item.json.uuid)).size).toBe(1201);
			expect(pages(other.requests)).toEqual([
				['1', '500'],
				['2', '500'],
				['2', '500'],
				['3', '500'],
			]);
			expect(answers.map((answer) => answer.status)).toEqual([200, 429, 200, 200]);
			expect(other.requests[2].at - answers[1].at).toBeGreaterThanOrEqual(1000 - 5);
		});
	});

	it('pickers keep to the limit too: a 429 is retried and the list still loads; four in a row give Plannr’s message', async () => {
		fake.server.fault({
			fault: {
				status: 429,
				body: { message: 'Too Many Attempts.' },
				headers: { 'retry-after': '0' },
			},
		});
		const options = await loadOptions(engine, spec({}), 'getStatuses');
		expect(options.map((option) => option.name)).toEqual(['To do', 'In progress', 'Completed']);
		expect(calls()).toEqual([`GET ${v1('/task-status')}`, `GET ${v1('/task-status')}`]);

		fake.server.clearRequests();
		fake.server.fault({
			times: 5,
			fault: {
				status: 429,
				body: { message: 'Too Many Attempts.' },
				headers: { 'retry-after': '0' },
			},
		});
		await expect(searchList(engine, spec({}), 'searchTasks', 'x')).rejects.toThrow(
			'Plannr: Too Many Attempts.',
		);
		expect(fake.requests).toHaveLength(5);
	});

	// After an answer with nothing remaining the next call waits its turn, and calls already waiting for a paced
	// slot look again at the Retry-After a refusal has just set.
	it('nothing remaining and the window still closed: the next call waits its turn, and once one is refused the others wait out its Retry-After', async () => {
		let opensAt = Infinity;
		const options = {
			accountUuid: ownAccount(),
			rateLimitPerMinute: LIMIT,
			rateLimitWindowMs: 1000,
			rateLimitClock: () => (Date.now() >= opensAt ? 1000 : 0),
		};
		await withFake(options, async (other, otherCredentialId) => {
			const task = seed(other);
			await getTask(task, otherCredentialId, LIMIT - 1);
			await getTask(task, otherCredentialId, 1);
			const answers = answersOf(other);
			// Plannr's next window opens 700 ms from now; a refusal says Retry-After: 1.
			const start = Date.now();
			opensAt = start + 700;
			other.server.clearRequests();

			const { error } = await getTask(task, otherCredentialId, 5);

			expect(error).toBeUndefined();
			expect(other.requests[0].at - start).toBeGreaterThanOrEqual(SPACING_MS - 5);
			expect(answers.filter((answer) => answer.status === 429)).toHaveLength(1);
		});
	});
});

describe('normalized output', () => {
	it('Complete with Output "Normalized Task": done, the client as subject, assignees named, Plannr\'s zoneless times read in the workflow\'s zone', async () => {
		// The workflow in the firm's zone, as the Plannr examples ask: London, on the fake's 1 March (GMT, so the UTC times below).
		engine.timezone = fake.options.timeZone;
		const task = addTask({
			name: 'Annual review',
			description: 'From MileApp [taskbridge:mileApp:65f1a2b3c4d5e6f708091a2b]',
			due_at: '2026-03-05 17:00:00',
			assigned_to_uuids: [james.uuid],
		});

		const [item] = await ok({
			resource: 'task',
			operation: 'complete',
			taskUuid: task.uuid,
			outputFormat: 'normalized',
		});

		const [vendorRecord] = await ok({ resource: 'task', operation: 'get', taskUuid: task.uuid });
		expect(item).toEqual({
			id: task.uuid,
			vendor: 'plannr',
			title: 'Annual review',
			description: 'From MileApp [taskbridge:mileApp:65f1a2b3c4d5e6f708091a2b]',
			status: 'done',
			dueAt: '2026-03-05T17:00:00Z',
			createdAt: '2026-03-01T12:00:00Z',
			updatedAt: '2026-03-01T12:00:00Z',
			completedAt: '2026-03-01T12:00:00Z',
			assignees: [
				{ id: james.uuid, name: 'James Carter', ...(james.email ? { email: james.email } : {}) },
			],
			subject: { type: 'client', id: tom.uuid, name: 'Tom Hughes' },
			reference: `[taskbridge:plannr:${task.uuid}]`,
			links: { mileApp: '65f1a2b3c4d5e6f708091a2b' },
			raw: vendorRecord,
		});
	});

	it("a not-started status is open, the firm's other open statuses are in progress", async () => {
		const waiting = addTask({ name: 'Waiting', status_uuid: todo.uuid });
		const working = addTask({ name: 'Working', status_uuid: doing.uuid });

		const items = await ok({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			outputFormat: 'normalized',
		});

		expect(Object.fromEntries(items.map((item) => [item.id, item.status]))).toEqual({
			[waiting.uuid]: 'open',
			[working.uuid]: 'in progress',
		});
	});
});
