/**
 * The Plannr Trigger through n8n-core's HookContext and WebhookContext: activation makes (or reuses) a webhook
 * subscription in the fake and keeps its signing secret, deactivation deletes it, and deliveries the fake really
 * sends to the webhook URL are checked against the kept secret before anything runs.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';
import {
	PLANNR_SUBSCRIPTIONS_PATH,
	PlannrFake,
	type PlannrFakeOptions,
	type PlannrStatus,
	type PlannrTaskRecord,
} from '../../fakes/plannr';
import {
	Engine,
	runNode,
	runWebhookMethod,
	startWebhookReceiver,
	webhookUrlOf,
	type NodeSpec,
	type WebhookReceiver,
} from '../harness';
import { serveFake } from '../serveFake';
import { withOptions } from './setup';

const TOKEN = 'PAT-Trigger-Secret-6620';
const fake = new PlannrFake({ personalAccessToken: TOKEN });
let engine: Engine;
let credentialId: string;
let staticData: IDataObject;
let receiver: WebhookReceiver | undefined;
let todo: PlannrStatus;
let client: string;

const ALL = ['task.created', 'task.updated', 'task.completed', 'task.deleted'];
const calls = () => fake.requests.map((request) => `${request.method} ${request.path}`);
const kept = () => (staticData['node:Trigger'] ?? {}) as IDataObject;
const subscriptions = () => [...fake.subscriptions.values()];
const addTask = (name: string): PlannrTaskRecord =>
	fake.addTask({ name, status_uuid: todo.uuid, taskable_type: 'client', taskable_uuid: client });

function triggerSpec(events: string[], extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		type: 'plannrTrigger',
		credentialType: 'plannrApi',
		credentialId,
		parameters: { authentication: 'accessToken', events },
		...extra,
	};
}

/** n8n's webhook server for this trigger; its URL is what the subscription points at. */
async function listen(events: string[], extra: Partial<NodeSpec> = {}): Promise<WebhookReceiver> {
	receiver = await startWebhookReceiver(engine, triggerSpec(events, extra), staticData);
	return receiver;
}
const urlOf = (target: WebhookReceiver) => webhookUrlOf(triggerSpec([]), target.baseUrl);

function hook(
	method: 'checkExists' | 'create' | 'delete',
	events: string[],
	target: WebhookReceiver,
	extra: Partial<NodeSpec> = {},
) {
	return runWebhookMethod(engine, triggerSpec(events, extra), staticData, method, target.baseUrl);
}

/** What n8n does when the workflow is activated: create only when checkExists says there is none. */
async function activate(
	events: string[],
	target: WebhookReceiver,
	extra: Partial<NodeSpec> = {},
): Promise<'reused' | 'created'> {
	if (await hook('checkExists', events, target, extra)) return 'reused';
	expect(await hook('create', events, target, extra)).toBe(true);
	return 'created';
}

/** A subscription made in Plannr by someone else (another n8n, an earlier install), through the API. */
async function subscribeDirectly(url: string, events: string[]): Promise<IDataObject> {
	const answer = await fetch(`${fake.url}${PLANNR_SUBSCRIPTIONS_PATH}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${TOKEN}`,
			'x-plannr-account-uuid': fake.options.accountUuid,
			accept: 'application/json',
			'content-type': 'application/json',
		},
		body: JSON.stringify({ url, events }),
	});
	expect(answer.status).toBe(201);
	return (await answer.json()) as IDataObject;
}

/** A POST to the webhook URL with whatever signature the test chooses. */
async function post(
	target: WebhookReceiver,
	body: string,
	signature?: string,
): Promise<{ status: number; body: unknown }> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature !== undefined) headers['x-signature'] = signature;
	const answer = await fetch(urlOf(target), { method: 'POST', headers, body });
	return { status: answer.status, body: await answer.json() };
}
/** The query a subscription lookup sent, as Plannr reads it. */
const lookedUpBy = (request: { rawQuery: string }) =>
	Object.fromEntries(new URLSearchParams(request.rawQuery));
const hmac = (body: string, secret: string) =>
	createHmac('sha256', secret).update(body).digest('hex');

serveFake(fake);
beforeEach(() => {
	fake.reset();
	todo = fake.addStatus({ name: 'To do' });
	fake.addStatus({ name: 'Completed', is_type_completed: true });
	client = fake.addClient({ first_name: 'Tom', last_name: 'Hughes' }).uuid;
	engine = new Engine();
	credentialId = engine.credentials.add('plannrApi', fake.credentialData()).id!;
	staticData = {};
});
afterEach(async () => {
	await fake.deliveriesSettled();
	await receiver?.close();
	receiver = undefined;
});

describe('activation and deactivation', () => {
	it('activating subscribes the webhook URL to the chosen events and keeps the subscription’s id and signing secret', async () => {
		const target = await listen(['task.completed', 'task.created']);

		expect(await activate(['task.completed', 'task.created'], target)).toBe('created');

		expect(calls()).toEqual([
			`GET ${PLANNR_SUBSCRIPTIONS_PATH}`,
			`POST ${PLANNR_SUBSCRIPTIONS_PATH}`,
		]);
		// getapiv2webhooksubscriptions: asked by filter[url], never an unfiltered page scanned.
		expect(lookedUpBy(fake.requests[0])).toEqual({ 'filter[url]': urlOf(target) });
		// Plannr's order, whatever order they were picked in.
		expect(fake.requests[1].body).toEqual({
			url: urlOf(target),
			events: ['task.created', 'task.completed'],
		});
		for (const request of fake.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
			expect(request.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
			expect(request.headers.accept).toBe('application/json');
			expect(request.headers['content-type']).toMatch(/^application\/json/);
		}
		const [subscription] = subscriptions();
		expect(subscriptions()).toHaveLength(1);
		expect(subscription).toMatchObject({
			url: urlOf(target),
			events: ['task.created', 'task.completed'],
		});
		expect(kept()).toEqual({
			subscriptionUuid: subscription.uuid,
			signingSecret: subscription.signing_secret,
			url: urlOf(target),
		});
	});

	it('activating again (n8n restarted, events changed): the kept subscription is reused and brought up to date, not duplicated', async () => {
		const target = await listen(['task.created']);
		await activate(['task.created'], target);
		const first = { ...kept() };
		fake.server.clearRequests();

		expect(await activate(['task.deleted', 'task.created'], target)).toBe('reused');

		expect(calls()).toEqual([`PUT ${PLANNR_SUBSCRIPTIONS_PATH}/${String(first.subscriptionUuid)}`]);
		// putapiv2webhooksubscriptionsuuid: `events` is the only field.
		expect(fake.requests[0].body).toEqual({ events: ['task.created', 'task.deleted'] });
		expect(subscriptions()).toHaveLength(1);
		expect(subscriptions()[0].events).toEqual(['task.created', 'task.deleted']);
		expect(kept()).toEqual(first);
	});

	it('a subscription already pointing at the URL, not in the workflow’s data: adopted with its secret, not duplicated', async () => {
		const target = await listen(['task.created']);
		const elsewhere = await subscribeDirectly('https://example.com/other-receiver', [
			'task.created',
		]);
		const existing = await subscribeDirectly(urlOf(target), ['task.updated']);
		fake.server.clearRequests();

		expect(await activate(['task.created'], target)).toBe('reused');

		expect(calls()).toEqual([
			`GET ${PLANNR_SUBSCRIPTIONS_PATH}`,
			`PUT ${PLANNR_SUBSCRIPTIONS_PATH}/${String(existing.uuid)}`,
		]);
		expect(lookedUpBy(fake.requests[0])).toEqual({ 'filter[url]': urlOf(target) });
		expect(fake.requests[1].body).toEqual({ events: ['task.created'] });
		expect(
			subscriptions()
				.map((subscription) => subscription.uuid)
				.sort(),
		).toEqual([String(elsewhere.uuid), String(existing.uuid)].sort());
		expect(fake.subscriptions.get(String(elsewhere.uuid))!.url).toBe(
			'https://example.com/other-receiver',
		);
		expect(kept()).toEqual({
			subscriptionUuid: existing.uuid,
			signingSecret: existing.signing_secret,
			url: urlOf(target),
		});

		// Deliveries signed with the adopted secret are accepted.
		const delivery = await fake.deliver(
			String(existing.uuid),
			'task.created',
			addTask('Annual review'),
		);
		expect(delivery.status).toBe(200);
		expect(target.calls[0].workflowData).not.toBeNull();
	});

	it('the kept subscription was deleted in Plannr meanwhile: a new one is made', async () => {
		const target = await listen(['task.created']);
		await activate(['task.created'], target);
		const gone = String(kept().subscriptionUuid);
		fake.subscriptions.delete(gone);
		fake.server.clearRequests();

		expect(await activate(['task.created'], target)).toBe('created');

		expect(calls()).toEqual([
			`PUT ${PLANNR_SUBSCRIPTIONS_PATH}/${gone}`,
			`GET ${PLANNR_SUBSCRIPTIONS_PATH}`,
			`POST ${PLANNR_SUBSCRIPTIONS_PATH}`,
		]);
		const [fresh] = subscriptions();
		expect(subscriptions()).toHaveLength(1);
		expect(fresh.uuid).not.toBe(gone);
		expect(kept()).toEqual({
			subscriptionUuid: fresh.uuid,
			signingSecret: fresh.signing_secret,
			url: urlOf(target),
		});
	});

	it('a subscription at the URL listed without its signing secret is replaced (no delivery to it could be checked)', async () => {
		const target = await listen(['task.created']);
		const existing = await subscribeDirectly(urlOf(target), ['task.created']);
		fake.server.clearRequests();
		fake.server.fault({
			method: 'GET',
			path: PLANNR_SUBSCRIPTIONS_PATH,
			fault: {
				status: 200,
				body: { data: [{ uuid: existing.uuid, url: existing.url, events: existing.events }] },
			},
		});

		expect(await activate(['task.created'], target)).toBe('created');

		expect(calls()).toEqual([
			`GET ${PLANNR_SUBSCRIPTIONS_PATH}`,
			`DELETE ${PLANNR_SUBSCRIPTIONS_PATH}/${String(existing.uuid)}`,
			`POST ${PLANNR_SUBSCRIPTIONS_PATH}`,
		]);
		expect(subscriptions()).toHaveLength(1);
		expect(subscriptions()[0].uuid).not.toBe(existing.uuid);
		expect(kept().signingSecret).toBe(subscriptions()[0].signing_secret);
	});

	// [inferred] unknownMethodStatus (no sheet line decides): a call the route lacks answers 405 as Laravel does, or 404.
	it.each([405, 404] as const)(
		'a Plannr without the subscription list call (%s): activation still subscribes',
		async (unknownMethodStatus) => {
			const other = new PlannrFake({
				personalAccessToken: TOKEN,
				webhookListRoute: false,
				unknownMethodStatus,
			});
			await other.start();
			try {
				credentialId = engine.credentials.add('plannrApi', other.credentialData()).id!;
				const target = await listen(['task.created']);
				expect(await activate(['task.created'], target)).toBe('created');
				expect(other.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
					`GET ${PLANNR_SUBSCRIPTIONS_PATH}`,
					`POST ${PLANNR_SUBSCRIPTIONS_PATH}`,
				]);
				expect(other.subscriptions.size).toBe(1);
			} finally {
				await other.stop();
			}
		},
	);

	it('deactivating deletes the subscription and forgets it; one already gone (404) counts as deleted; nothing kept, nothing called', async () => {
		const target = await listen(['task.created']);
		await activate(['task.created'], target);
		const uuid = String(kept().subscriptionUuid);
		fake.server.clearRequests();

		expect(await hook('delete', ['task.created'], target)).toBe(true);
		expect(calls()).toEqual([`DELETE ${PLANNR_SUBSCRIPTIONS_PATH}/${uuid}`]);
		expect(fake.subscriptions.size).toBe(0);
		expect(kept()).toEqual({});

		await activate(['task.created'], target);
		const removedInPlannr = String(kept().subscriptionUuid);
		fake.subscriptions.clear();
		fake.server.clearRequests();
		expect(await hook('delete', ['task.created'], target)).toBe(true);
		expect(calls()).toEqual([`DELETE ${PLANNR_SUBSCRIPTIONS_PATH}/${removedInPlannr}`]);
		expect(kept()).toEqual({});

		fake.server.clearRequests();
		expect(await hook('delete', ['task.created'], target)).toBe(true);
		expect(fake.requests).toEqual([]);
	});

	it('activation with a revoked token fails with Plannr’s message, keeps nothing and never shows the token', async () => {
		const target = await listen(['task.created']);
		fake.revokeToken(TOKEN);

		const failure = await activate(['task.created'], target).catch((error: Error) => error);

		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toBe('Plannr: Unauthenticated.');
		expect(JSON.stringify(failure)).not.toContain(TOKEN);
		expect(kept()).toEqual({});
		expect(fake.subscriptions.size).toBe(0);
	});

	it('with the OAuth2 credential, the subscription calls carry the bearer token and the account', async () => {
		const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
		const query = new URLSearchParams({
			client_id: fake.options.oauthClientId,
			redirect_uri: redirectUri,
			response_type: 'code',
		});
		const code = new URL(
			(
				await fetch(`${fake.url}${fake.options.oauthAuthorizePath}?${query.toString()}`, {
					redirect: 'manual',
				})
			).headers.get('location')!,
		).searchParams.get('code')!;
		const token = (await (
			await fetch(`${fake.url}${fake.options.oauthTokenPath}`, {
				method: 'POST',
				body: new URLSearchParams({
					grant_type: 'authorization_code',
					code,
					redirect_uri: redirectUri,
					client_id: fake.options.oauthClientId,
					client_secret: fake.options.oauthClientSecret,
				}),
			})
		).json()) as IDataObject;
		const oauth: Partial<NodeSpec> = {
			credentialType: 'plannrOAuth2Api',
			credentialId: engine.credentials.add('plannrOAuth2Api', {
				...fake.oauth2CredentialData(),
				oauthTokenData: token,
			}).id!,
		};
		const target = await listen(['task.created'], oauth);
		fake.server.clearRequests();

		await runWebhookMethod(
			engine,
			{
				...triggerSpec(['task.created'], oauth),
				parameters: { authentication: 'oAuth2', events: ['task.created'] },
			},
			staticData,
			'create',
			target.baseUrl,
		);

		expect(calls()).toEqual([`POST ${PLANNR_SUBSCRIPTIONS_PATH}`]);
		expect(fake.requests[0].headers).toMatchObject({
			authorization: `Bearer ${String(token.access_token)}`,
			'x-plannr-account-uuid': fake.options.accountUuid,
		});
		expect(kept().signingSecret).toBe(subscriptions()[0].signing_secret);
	});
});

describe('deliveries', () => {
	it('a task created with the Plannr node reaches the trigger, signed: the workflow starts with the delivery', async () => {
		const target = await listen(['task.created']);
		await activate(['task.created'], target);

		const created = await runNode(engine, {
			type: 'plannr',
			credentialType: 'plannrApi',
			credentialId,
			parameters: {
				authentication: 'accessToken',
				resource: 'task',
				operation: 'create',
				name: 'Annual review',
				taskableType: 'client',
				taskableUuid: client,
				taskStatusUuid: todo.uuid,
			},
		});
		await fake.deliveriesSettled();

		expect(fake.deliveries).toHaveLength(1);
		expect(fake.deliveries[0]).toMatchObject({
			event: 'task.created',
			status: 200,
			url: urlOf(target),
		});
		expect(target.calls).toHaveLength(1);
		const [[item]] = target.calls[0].workflowData!;
		expect(item.json).toEqual({
			event: 'task.created',
			data: created.items[0].json,
			webhook_subscription_uuid: kept().subscriptionUuid,
			sent_at: expect.any(String),
		});
	});

	it('Output "Normalized Task": a completed task arrives in the shared shape, with the event beside it', async () => {
		const normalized = {
			parameters: {
				authentication: 'accessToken',
				events: ['task.completed'],
				outputFormat: 'normalized',
			},
		};
		const target = await listen(['task.completed'], normalized);
		await activate(['task.completed'], target, normalized);
		const task = addTask('Annual review');

		fake.completeTask(task.uuid);
		await fake.deliveriesSettled();

		const [[item]] = target.calls[0].workflowData!;
		expect(item.json).toMatchObject({
			id: task.uuid,
			vendor: 'plannr',
			title: 'Annual review',
			status: 'done',
			event: 'task.completed',
			subject: { type: 'client', id: client },
		});
		expect((item.json.raw as IDataObject).uuid).toBe(task.uuid);
	});

	it('every chosen event starts the workflow: created, updated, completed, deleted', async () => {
		const target = await listen(ALL);
		await activate(ALL, target);

		const task = fake.createTask({
			name: 'Annual review',
			status_uuid: todo.uuid,
			taskable_type: 'client',
			taskable_uuid: client,
		});
		await fake.deliveriesSettled();
		fake.updateTask(task.uuid, { name: 'Annual review (booked)' });
		await fake.deliveriesSettled();
		fake.completeTask(task.uuid);
		await fake.deliveriesSettled();
		fake.deleteTask(task.uuid);
		await fake.deliveriesSettled();

		expect(target.calls.map((call) => call.status)).toEqual([200, 200, 200, 200]);
		expect(target.calls.map((call) => call.workflowData![0][0].json.event)).toEqual([
			'task.created',
			'task.updated',
			'task.completed',
			'task.deleted',
		]);
		expect(
			target.calls.map((call) => (call.workflowData![0][0].json.data as IDataObject).uuid),
		).toEqual([task.uuid, task.uuid, task.uuid, task.uuid]);
	});

	it('a forged signature is answered 401 and nothing runs', async () => {
		const target = await listen(['task.created']);
		await activate(['task.created'], target);

		const forged = await fake.deliver(
			String(kept().subscriptionUuid),
			'task.created',
			addTask('x'),
			{ forgedSignature: true },
		);

		expect(forged.status).toBe(401);
		expect(JSON.parse(forged.responseBody)).toEqual({ message: 'Invalid signature.' });
		expect(target.calls).toEqual([
			{ status: 401, body: { message: 'Invalid signature.' }, workflowData: null },
		]);
	});

	it('no signature, a signature of another body, or another secret: 401 and nothing runs; the right one in capitals is accepted', async () => {
		const target = await listen(['task.created']);
		await activate(['task.created'], target);
		const secret = String(kept().signingSecret);
		const body = JSON.stringify({
			event: 'task.created',
			data: { uuid: 'x', name: 'Annual review' },
		});

		expect(await post(target, body)).toEqual({
			status: 401,
			body: { message: 'Invalid signature.' },
		});
		expect((await post(target, body, hmac(body.replace('Annual', 'Final'), secret))).status).toBe(
			401,
		);
		expect((await post(target, body, hmac(body, 'another-secret'))).status).toBe(401);
		expect((await post(target, body, '')).status).toBe(401);
		expect((await post(target, body, hmac(body, secret).toUpperCase())).status).toBe(200);

		expect(target.calls.map((call) => [call.status, call.workflowData === null])).toEqual([
			[401, true],
			[401, true],
			[401, true],
			[401, true],
			[200, false],
		]);
	});

	it('an event not chosen is answered 200 and nothing runs', async () => {
		const target = await listen(['task.created']);
		await activate(['task.created'], target);

		const delivery = await fake.deliver(
			String(kept().subscriptionUuid),
			'task.deleted',
			addTask('x'),
		);

		expect(delivery.status).toBe(200);
		expect(target.calls).toEqual([
			{ status: 200, body: { message: 'Webhook call received' }, workflowData: null },
		]);
	});

	it('before activation, and after deactivation, no delivery is accepted', async () => {
		const target = await listen(['task.created']);
		const body = JSON.stringify({ event: 'task.created', data: { uuid: 'x' } });
		expect((await post(target, body, hmac(body, 'guessed-secret'))).status).toBe(401);

		await activate(['task.created'], target);
		const secret = String(kept().signingSecret);
		expect((await post(target, body, hmac(body, secret))).status).toBe(200);
		await hook('delete', ['task.created'], target);
		expect((await post(target, body, hmac(body, secret))).status).toBe(401);
		expect(target.calls.map((call) => call.workflowData === null)).toEqual([true, false, true]);
	});
});

describe('the subscription calls as documented', () => {
	it('an existing subscription is found by filter[url] alone: one at another URL is never adopted or changed', async () => {
		const target = await listen(['task.created']);
		const elsewhere = await subscribeDirectly('https://example.com/other-receiver', [
			'task.updated',
		]);
		fake.server.clearRequests();

		expect(await activate(['task.created'], target)).toBe('created');

		expect(calls()).toEqual([
			`GET ${PLANNR_SUBSCRIPTIONS_PATH}`,
			`POST ${PLANNR_SUBSCRIPTIONS_PATH}`,
		]);
		expect(lookedUpBy(fake.requests[0])).toEqual({ 'filter[url]': urlOf(target) });
		expect(fake.subscriptions.get(String(elsewhere.uuid))).toMatchObject({
			url: 'https://example.com/other-receiver',
			events: ['task.updated'],
		});
	});

	describe.each<PlannrFakeOptions['subscriptionPutUrl']>(['reject', 'ignore'])(
		'a PUT carrying url: Plannr %ss it ([inferred] both; events is the only field)',
		(subscriptionPutUrl) => {
			it('the kept subscription and an adopted one are brought up to date with {events} alone', async () => {
				await withOptions(
					{ subscriptionPutUrl },
					async () => {
						const target = await listen(['task.created']);
						await activate(['task.created'], target);
						expect(await activate(['task.completed'], target)).toBe('reused');
						const kept1 = String(kept().subscriptionUuid);
						staticData = {};
						expect(await activate(['task.updated'], target)).toBe('reused');

						const puts = fake.requests.filter((request) => request.method === 'PUT');
						expect(puts.map((request) => request.body)).toEqual([
							{ events: ['task.completed'] },
							{ events: ['task.updated'] },
						]);
						expect(subscriptions()).toEqual([
							expect.objectContaining({
								uuid: kept1,
								url: urlOf(target),
								events: ['task.updated'],
							}),
						]);
					},
					fake,
				);
			});
		},
	);

	it.each<PlannrFakeOptions['webhookDeleteStatus']>([200, 204])(
		'deactivating: Plannr’s DELETE answered %s ([inferred] both) removes the subscription and forgets it',
		async (webhookDeleteStatus) => {
			await withOptions(
				{ webhookDeleteStatus },
				async () => {
					const target = await listen(['task.created']);
					await activate(['task.created'], target);
					fake.server.clearRequests();

					expect(await hook('delete', ['task.created'], target)).toBe(true);

					expect(fake.requests.map((request) => request.method)).toEqual(['DELETE']);
					expect(fake.subscriptions.size).toBe(0);
					expect(kept()).toEqual({});
				},
				fake,
			);
		},
	);
});

describe('delivery bodies (undocumented: [inferred] shapes)', () => {
	const normalized = {
		parameters: {
			authentication: 'accessToken',
			events: ['task.created'],
			outputFormat: 'normalized',
		},
	};

	it.each([
		[
			'with the task in data',
			(event: string, task: Record<string, unknown>) => ({ event, data: task }),
		],
		[
			'with the task as the body itself',
			(event: string, task: Record<string, unknown>) => ({ event, ...task }),
		],
	])('a delivery %s: the workflow gets that task', async (_shape, deliveryBody) => {
		await withOptions(
			{ deliveryBody },
			async () => {
				const target = await listen(['task.created'], normalized);
				await activate(['task.created'], target, normalized);
				const task = addTask('Annual review');

				await fake.deliver(String(kept().subscriptionUuid), 'task.created', task);

				const [[item]] = target.calls[0].workflowData!;
				expect(item.json).toMatchObject({
					id: task.uuid,
					title: 'Annual review',
					event: 'task.created',
				});
			},
			fake,
		);
	});

	it.each([
		[
			'under another key',
			(event: string, task: Record<string, unknown>) => ({ type: event, data: task }),
		],
		['blank', (_event: string, task: Record<string, unknown>) => ({ event: ' ', data: task })],
	])(
		'a delivery whose event name is %s fails loudly and runs nothing, never passed through as a chosen event',
		async (_shape, deliveryBody) => {
			await withOptions(
				{ deliveryBody },
				async () => {
					const target = await listen(['task.created']);
					await activate(['task.created'], target);

					const delivery = await fake.deliver(
						String(kept().subscriptionUuid),
						'task.created',
						addTask('x'),
					);

					expect(delivery.status).toBe(500);
					expect(target.calls).toEqual([
						{
							status: 500,
							body: { message: expect.stringContaining('without a readable event name') },
							workflowData: null,
						},
					]);
				},
				fake,
			);
		},
	);
});
