/**
 * The MileApp Trigger through n8n-core's WebhookContext: the fake MileApp delivers its task events (as a
 * webhook set up by hand in its web app would) to a loopback stand-in for n8n's webhook server. Events and
 * filters choose what starts the workflow; the secret of a MileApp Webhook credential, when chosen, refuses
 * deliveries without it (401). Workflows saved with the secret in the trigger's own parameters (0.1.0) keep it
 * checked, under a notice saying how to move it into the credential.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import {
	MileAppFake,
	type MileAppEvent,
	type MileAppFlow,
	type MileAppHub,
} from '../../fakes/mileApp';
import {
	Engine,
	runWebhookMethod,
	savedParameters,
	shownCredentials,
	shownParameters,
	startWebhookReceiver,
	testCredentialByNode,
	webhookUrlOf,
	type NodeSpec,
	type WebhookReceiver,
} from '../harness';
import { nodeOf } from '../harness/engine';
import { NODE_TYPES } from '../harness/packTypes';
import { serveFake } from '../serveFake';

const fake = new MileAppFake();
let engine: Engine;
let receiver: WebhookReceiver;
let hub: MileAppHub;
let otherHub: MileAppHub;
let delivery: MileAppFlow;
let visit: MileAppFlow;

const SECRET = 'MileApp-Webhook-Secret-3381';
const WEBHOOK_CREDENTIAL = 'mileAppWebhookApi';
/** A MileApp Webhook credential as n8n hands it to the node (its defaults filled in). */
const secretInHeader: ICredentialDataDecryptedObject = {
	sentAs: 'header',
	headerName: 'X-Webhook-Secret',
	queryParameterName: 'secret',
	secret: SECRET,
};
const secretInQuery: ICredentialDataDecryptedObject = {
	...secretInHeader,
	sentAs: 'query',
	queryParameterName: 'key',
};

const trigger = (parameters: IDataObject): NodeSpec => ({ type: 'mileAppTrigger', parameters });
/** The trigger with Authentication "Shared Secret" and a stored MileApp Webhook credential. */
const withCredential = (
	parameters: IDataObject,
	data: ICredentialDataDecryptedObject,
): NodeSpec => ({
	...trigger({ ...parameters, authentication: 'sharedSecret' }),
	credentialId: engine.credentials.add(WEBHOOK_CREDENTIAL, data).id!,
	credentialType: WEBHOOK_CREDENTIAL,
});

/** Points a MileApp webhook (set up by hand in its web app) at the trigger, and serves the trigger. */
async function listen(
	parameters: IDataObject | NodeSpec,
	events: MileAppEvent[],
	how: { query?: string; headers?: Record<string, string> } = {},
) {
	const spec = 'type' in parameters ? (parameters as NodeSpec) : trigger(parameters);
	receiver = await startWebhookReceiver(engine, spec, {});
	fake.addWebhook({
		url: `${webhookUrlOf(spec, receiver.baseUrl)}${how.query ?? ''}`,
		events,
		headers: how.headers,
	});
}

const started = () =>
	receiver.calls
		.filter((call) => call.workflowData !== null)
		.flatMap((call) => call.workflowData![0].map((item) => item.json));
/** A delivery from someone who found the URL, not from MileApp. */
const stranger = (suffix = '', headers: Record<string, string> = {}) =>
	fetch(`${receiver.baseUrl}/x${suffix}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({ _id: 'x', status: 'DONE' }),
	});
const newTask = (flow = delivery, hubId = hub._id) =>
	fake.createTask({
		flowId: flow._id,
		hubId,
		fields:
			flow === delivery ? { invoice: `INV-${fake.tasks.size + 1}` } : { customerName: 'Toko' },
	});

serveFake(fake);
beforeEach(() => {
	fake.reset();
	fake.clearWebhooks();
	engine = new Engine();
	hub = fake.addHub({ name: 'Jakarta Central' });
	otherHub = fake.addHub({ name: 'Bandung' });
	fake.addUser({ name: 'Dewi', email: 'dewi@example.com', hubIds: 'all' });
	delivery = fake.addFlow({ name: 'Delivery', fields: [{ field: 'invoice', type: 'string' }] });
	visit = fake.addFlow({ name: 'Visit', fields: [{ field: 'customerName', type: 'string' }] });
});
afterEach(async () => {
	await fake.deliveriesSettled();
	await receiver?.close();
});

it('a task created, assigned and finished starts the workflow once for each chosen event, with the task', async () => {
	await listen({ events: ['onCreate', 'onFinish'], authentication: 'none' }, [
		'onCreate',
		'onAssign',
		'onFinish',
	]);
	const task = newTask();
	fake.assignTask(task._id, ['dewi@example.com']);
	fake.finishTask(task._id);
	await fake.deliveriesSettled();

	// The deliveries run at once: compare them, and the runs they started, in any order.
	expect(fake.deliveries.map((sent) => [sent.event, sent.status]).sort()).toEqual([
		['onAssign', 200],
		['onCreate', 200],
		['onFinish', 200],
	]);
	expect(
		started()
			.map((json) => [json._id, json.status, json.invoice])
			.sort(),
	).toEqual([
		[task._id, 'DONE', task.fields.invoice],
		[task._id, 'UNASSIGNED', task.fields.invoice],
	]);
});

it('filters by flow and hub: other deliveries are answered 200 and start nothing', async () => {
	await listen({ events: ['onCreate'], filters: { flow: 'Delivery', hubId: hub._id } }, [
		'onCreate',
	]);
	const wanted = newTask();
	newTask(visit);
	newTask(delivery, otherHub._id);
	await fake.deliveriesSettled();
	expect(fake.deliveries.map((sent) => sent.status)).toEqual([200, 200, 200]);
	expect(started().map((json) => json._id)).toEqual([wanted._id]);
});

describe('Authentication "Shared Secret": the secret lives in a MileApp Webhook credential', () => {
	it('in a header: a delivery carrying it starts the workflow; a wrong or missing one gets 401 and starts nothing', async () => {
		await listen(withCredential({ events: ['onCreate'] }, secretInHeader), ['onCreate'], {
			headers: { 'X-Webhook-Secret': SECRET },
		});
		const task = newTask();
		await fake.deliveriesSettled();
		expect(fake.deliveries.map((sent) => sent.status)).toEqual([200]);
		expect(started().map((json) => json._id)).toEqual([task._id]);

		const wrong = await stranger('', { 'x-webhook-secret': 'guess' });
		const missing = await stranger();
		expect([wrong.status, missing.status]).toEqual([401, 401]);
		expect(started()).toHaveLength(1);
		expect(JSON.stringify(receiver.calls)).not.toContain(SECRET);
	});

	it("in the URL: MileApp's deliveries to the URL with it pass, others get 401", async () => {
		await listen(withCredential({ events: ['onFinish'] }, secretInQuery), ['onFinish'], {
			query: `?key=${SECRET}`,
		});
		const task = newTask();
		fake.assignTask(task._id, ['dewi@example.com']);
		fake.finishTask(task._id);
		await fake.deliveriesSettled();
		expect(started().map((json) => [json._id, json.status])).toEqual([[task._id, 'DONE']]);

		const statuses = [
			(await stranger()).status,
			(await stranger('?key=nope')).status,
			// The secret under another name is not the secret.
			(await stranger(`?secret=${SECRET}`)).status,
		];
		expect(statuses).toEqual([401, 401, 401]);
		expect(started()).toHaveLength(1);
	});

	it('the workflow holds no secret: only a reference to the credential', async () => {
		const spec = withCredential({ events: ['onCreate'] }, secretInHeader);
		const node = nodeOf(spec, 'MileApp Trigger');
		expect(JSON.stringify(node)).not.toContain(SECRET);
		expect(node.credentials).toEqual({ [WEBHOOK_CREDENTIAL]: expect.any(Object) });
		expect(savedParameters('mileAppTrigger', spec.parameters as never)).toEqual({
			events: ['onCreate'],
			authentication: 'sharedSecret',
		});
		// The editor asks for the credential only when the secret is chosen.
		expect(shownCredentials('mileAppTrigger', { authentication: 'sharedSecret' })).toEqual([
			WEBHOOK_CREDENTIAL,
		]);
		expect(shownCredentials('mileAppTrigger', {})).toEqual([]);
	});

	it('a credential with an empty secret lets nothing in (401), and a missing credential starts nothing', async () => {
		await listen(withCredential({ events: ['onFinish'] }, { ...secretInHeader, secret: '' }), []);
		expect((await stranger('', { 'x-webhook-secret': '' })).status).toBe(401);
		await receiver.close();

		await listen({ events: ['onFinish'], authentication: 'sharedSecret' }, []);
		const answer = await stranger();
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(started()).toEqual([]);
	});

	describe('the Test button checks what MileApp needs and says what to change, never showing the secret', () => {
		const verdict = (data: ICredentialDataDecryptedObject) =>
			testCredentialByNode(WEBHOOK_CREDENTIAL, data);

		it('passes a long secret with a valid header or query parameter name', async () => {
			expect((await verdict(secretInHeader)).status).toBe('OK');
			expect((await verdict(secretInQuery)).status).toBe('OK');
		});

		it.each([
			['an empty secret', { secret: '' }, /Enter the Secret/],
			['a short secret', { secret: 'hunter2hunter2' }, /14 characters: use at least 16/],
			['a header name with a space', { headerName: 'X Webhook Secret' }, /not an HTTP header name/],
			[
				'no query parameter name',
				{ sentAs: 'query', queryParameterName: ' ' },
				/Enter the Query Parameter Name/,
			],
		])('refuses %s', async (_what, change, message) => {
			const data: ICredentialDataDecryptedObject = { ...secretInHeader, ...change };
			const answer = await verdict(data);
			expect(answer).toEqual({ status: 'Error', message: expect.stringMatching(message) });
			if (data.secret) expect(answer.message).not.toContain(String(data.secret));
		});
	});
});

describe('workflows saved with the secret in the trigger itself (0.1.0) keep it checked', () => {
	/** A 0.1.0 trigger's parameters, as its workflow holds them (no Authentication: it did not exist). */
	const savedBefore = (secretLocation: 'header' | 'query') =>
		secretLocation === 'header'
			? { secretLocation, headerName: 'X-Webhook-Secret', secretValue: SECRET }
			: { secretLocation, queryParameterName: 'secret', secretValue: SECRET };

	it('in a header: a delivery carrying it starts the workflow; one without it gets 401 and starts nothing', async () => {
		await listen({ events: ['onCreate'], ...savedBefore('header') }, ['onCreate'], {
			headers: { 'X-Webhook-Secret': SECRET },
		});
		const task = newTask();
		await fake.deliveriesSettled();
		expect(started().map((json) => json._id)).toEqual([task._id]);

		expect((await stranger('', { 'x-webhook-secret': 'guess' })).status).toBe(401);
		expect((await stranger()).status).toBe(401);
		expect(started()).toHaveLength(1);
		expect(JSON.stringify(receiver.calls)).not.toContain(SECRET);
	});

	it("in the URL: MileApp's deliveries to the URL with it pass, others get 401", async () => {
		await listen({ events: ['onFinish'], ...savedBefore('query') }, ['onFinish'], {
			query: `?secret=${SECRET}`,
		});
		const task = newTask();
		fake.assignTask(task._id, ['dewi@example.com']);
		fake.finishTask(task._id);
		await fake.deliveriesSettled();
		expect(started().map((json) => [json._id, json.status])).toEqual([[task._id, 'DONE']]);
		expect([(await stranger()).status, (await stranger('?secret=nope')).status]).toEqual([
			401, 401,
		]);
		expect(started()).toHaveLength(1);
	});

	it('the editor shows them under a notice saying how to move the secret; a new trigger shows neither', () => {
		const shown = shownParameters('mileAppTrigger', savedBefore('header'));
		expect(shown).toEqual(
			expect.arrayContaining(['legacySecretNotice', 'headerName', 'secretValue']),
		);
		const notice = NODE_TYPES.mileAppTrigger.description.properties.find(
			(property) => property.name === 'legacySecretNotice',
		)!;
		expect(notice.displayName).toMatch(
			/Move it into a credential: set Authentication to "Shared Secret", create a MileApp Webhook credential/,
		);

		const fresh = shownParameters('mileAppTrigger', {});
		expect(fresh).toContain('authentication');
		for (const old of ['legacySecretNotice', 'headerName', 'queryParameterName', 'secretValue'])
			expect(fresh).not.toContain(old);
	});

	it('once Authentication is "Shared Secret", the editor saves the workflow without the old secret', () => {
		const moved = savedParameters('mileAppTrigger', {
			events: ['onCreate'],
			...savedBefore('header'),
			authentication: 'sharedSecret',
		});
		expect(moved).toEqual({ events: ['onCreate'], authentication: 'sharedSecret' });
		expect(JSON.stringify(moved)).not.toContain(SECRET);
	});

	it('the credential wins over an old secret left in the workflow', async () => {
		await listen(
			withCredential(
				{ events: ['onCreate'], ...savedBefore('header') },
				{
					...secretInHeader,
					secret: 'The-Credential-Secret-0001',
				},
			),
			[],
		);
		expect((await stranger('', { 'x-webhook-secret': SECRET })).status).toBe(401);
		expect((await stranger('', { 'x-webhook-secret': 'The-Credential-Secret-0001' })).status).toBe(
			200,
		);
	});
});

it('registers nothing at MileApp on activation or deactivation: the webhook is set up by hand', async () => {
	const spec = trigger({ events: ['onCreate'] });
	expect(await runWebhookMethod(engine, spec, {}, 'checkExists')).toBe(true);
	expect(await runWebhookMethod(engine, spec, {}, 'delete')).toBe(true);
	expect(fake.requests).toEqual([]);
});

it('Output "Normalized Task": a finished delivery arrives done, in the shared task shape', async () => {
	await listen({ events: ['onFinish'], outputFormat: 'normalized' }, ['onFinish']);
	const task = newTask();
	fake.assignTask(task._id, ['dewi@example.com']);
	fake.finishTask(task._id);
	await fake.deliveriesSettled();

	expect(started()).toEqual([
		expect.objectContaining({
			id: task._id,
			vendor: 'mileApp',
			// The documented payload carries no title: the flow's name stands in.
			title: 'Delivery',
			status: 'done',
			assignees: [{ id: 'dewi@example.com', email: 'dewi@example.com' }],
			// From the nested hub the documented payload carries.
			subject: { type: 'hub', id: hub._id, name: 'Jakarta Central' },
		}),
	]);
});

it('the documented payloads start the workflow as they come: nested hub, assignedTo, assignedBy, doneBy, doneTime', async () => {
	await listen({ events: ['onCreate', 'onAssign', 'onFinish'] }, [
		'onCreate',
		'onAssign',
		'onFinish',
	]);
	const task = newTask();
	await fake.deliveriesSettled();
	fake.assignTask(task._id, ['dewi@example.com']);
	await fake.deliveriesSettled();
	fake.finishTask(task._id);
	await fake.deliveriesSettled();

	const hubOfPayload = {
		lng: hub.lng,
		_id: hub._id,
		deleteAccess: true,
		name: 'Jakarta Central',
		lat: hub.lat,
	};
	const [created, assigned, finished] = started();
	expect(created).toMatchObject({ status: 'UNASSIGNED', assignee: [], hub: hubOfPayload });
	expect(created).not.toHaveProperty('assignedTo');
	expect(assigned).toMatchObject({
		status: 'ONGOING',
		assignee: ['dewi@example.com'],
		assignedBy: 'Roger',
		assignedTo: expect.objectContaining({ email: 'dewi@example.com', name: 'Dewi' }),
		hub: hubOfPayload,
	});
	expect(finished).toMatchObject({
		status: 'DONE',
		doneBy: 'Dewi',
		doneTime: expect.any(String),
		assignedTo: expect.objectContaining({ email: 'dewi@example.com' }),
	});
	expect(started().map((json) => json._id)).toEqual([task._id, task._id, task._id]);
});

it('a delivery MileApp sends again (its answer came late) starts nothing the second time; a new assignment does', async () => {
	await listen({ events: ['onAssign'] }, ['onAssign']);
	const task = newTask();
	fake.assignTask(task._id, ['dewi@example.com']);
	await fake.deliveriesSettled();
	// The same delivery again, as MileApp's retry sends it.
	const [again] = await fake.deliver('onAssign', JSON.parse(fake.deliveries.at(-1)!.body));
	expect(again.status).toBe(200);
	expect(started().map((json) => json._id)).toEqual([task._id]);

	// Assigned again a second later: a new delivery.
	await new Promise((resolve) => setTimeout(resolve, 1100));
	fake.assignTask(task._id, ['dewi@example.com']);
	await fake.deliveriesSettled();
	expect(started().map((json) => json._id)).toEqual([task._id, task._id]);
});

describe('[inferred] createWithAssigneeEvents (no sheet line decides), each way', () => {
	it.each(['create-and-assign', 'create-only'] as const)(
		'%s: a task created with an assignee starts a workflow listening to both events once, as assigned',
		async (createWithAssigneeEvents) => {
			const other = new MileAppFake({ createWithAssigneeEvents });
			await other.start();
			try {
				const jakarta = other.addHub({ name: 'Jakarta Central' });
				other.addUser({ name: 'Dewi', email: 'dewi@example.com', hubIds: 'all' });
				const flow = other.addFlow({
					name: 'Delivery',
					fields: [{ field: 'invoice', type: 'string' }],
				});
				const spec = trigger({ events: ['onCreate', 'onAssign'], authentication: 'none' });
				receiver = await startWebhookReceiver(engine, spec, {});
				other.addWebhook({
					url: webhookUrlOf(spec, receiver.baseUrl),
					events: ['onCreate', 'onAssign'],
				});
				const task = other.createTask({
					flowId: flow._id,
					hubId: jakarta._id,
					assignee: ['dewi@example.com'],
					fields: { invoice: 'INV-1' },
				});
				await other.deliveriesSettled();
				expect(other.deliveries.map((sent) => [sent.event, sent.status]).sort()).toEqual(
					createWithAssigneeEvents === 'create-only'
						? [['onCreate', 200]]
						: [
								['onAssign', 200],
								['onCreate', 200],
							],
				);
				expect(started().map((json) => [json._id, json.status])).toEqual([[task._id, 'ONGOING']]);
			} finally {
				await other.stop();
			}
		},
	);
});
