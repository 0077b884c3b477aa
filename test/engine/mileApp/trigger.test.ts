/**
 * The MileApp Trigger through n8n-core's WebhookContext: the fake MileApp delivers its task events (as a
 * webhook set up by hand in its web app would) to a loopback stand-in for n8n's webhook server. Events and
 * filters choose what starts the workflow; a secret, when set, refuses deliveries without it (401).
 */
import type { IDataObject } from 'n8n-workflow';
import {
	MileAppFake,
	type MileAppEvent,
	type MileAppFlow,
	type MileAppHub,
} from '../../fakes/mileApp';
import {
	Engine,
	runWebhookMethod,
	startWebhookReceiver,
	webhookUrlOf,
	type NodeSpec,
	type WebhookReceiver,
} from '../harness';
import { serveFake } from '../serveFake';

const fake = new MileAppFake();
let engine: Engine;
let receiver: WebhookReceiver;
let hub: MileAppHub;
let otherHub: MileAppHub;
let delivery: MileAppFlow;
let visit: MileAppFlow;

const SECRET = 'MileApp-Webhook-Secret-3381';
const trigger = (parameters: IDataObject): NodeSpec => ({ type: 'mileAppTrigger', parameters });

/** Points a MileApp webhook (set up by hand in its web app) at the trigger, and serves the trigger. */
async function listen(
	parameters: IDataObject,
	events: MileAppEvent[],
	how: { query?: string; headers?: Record<string, string> } = {},
) {
	const spec = trigger(parameters);
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
	await listen({ events: ['onCreate', 'onFinish'], secretLocation: 'none' }, [
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

it('with a secret in a header, a delivery carrying it starts the workflow; one without it gets 401 and starts nothing', async () => {
	await listen(
		{
			events: ['onCreate'],
			secretLocation: 'header',
			headerName: 'X-Webhook-Secret',
			secretValue: SECRET,
		},
		['onCreate'],
		{
			headers: { 'X-Webhook-Secret': SECRET },
		},
	);
	const task = newTask();
	await fake.deliveriesSettled();
	expect(started().map((json) => json._id)).toEqual([task._id]);

	// A stranger who found the URL.
	const forged = await fetch(receiver.baseUrl + '/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-webhook-secret': 'guess' },
		body: JSON.stringify({ _id: 'x', status: 'UNASSIGNED' }),
	});
	expect(forged.status).toBe(401);
	expect(started()).toHaveLength(1);
	expect(JSON.stringify(receiver.calls)).not.toContain(SECRET);
});

it("with a secret in the URL, MileApp's deliveries to the URL with it pass, others get 401", async () => {
	await listen(
		{
			events: ['onFinish'],
			secretLocation: 'query',
			queryParameterName: 'secret',
			secretValue: SECRET,
		},
		['onFinish'],
		{ query: `?secret=${SECRET}` },
	);
	const task = newTask();
	fake.assignTask(task._id, ['dewi@example.com']);
	fake.finishTask(task._id);
	await fake.deliveriesSettled();
	expect(started().map((json) => [json._id, json.status])).toEqual([[task._id, 'DONE']]);

	const without = await fetch(receiver.baseUrl + '/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ _id: 'x', status: 'DONE' }),
	});
	const wrong = await fetch(receiver.baseUrl + '/x?secret=nope', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ _id: 'x', status: 'DONE' }),
	});
	expect([without.status, wrong.status]).toEqual([401, 401]);
	expect(started()).toHaveLength(1);
});

it('registers nothing at MileApp on activation or deactivation: the webhook is set up by hand', async () => {
	const spec = trigger({ events: ['onCreate'] });
	expect(await runWebhookMethod(engine, spec, {}, 'checkExists')).toBe(true);
	expect(await runWebhookMethod(engine, spec, {}, 'delete')).toBe(true);
	expect(fake.requests).toEqual([]);
});

it('Output "Normalized Task": a finished delivery arrives done, in the shared task shape', async () => {
	await listen({ events: ['onFinish'], secretLocation: 'none', outputFormat: 'normalized' }, [
		'onFinish',
	]);
	const task = newTask();
	fake.assignTask(task._id, ['dewi@example.com']);
	fake.finishTask(task._id);
	await fake.deliveriesSettled();

	expect(started()).toEqual([
		expect.objectContaining({
			id: task._id,
			vendor: 'mileApp',
			title: task.fields.invoice,
			status: 'done',
			assignees: [{ id: 'dewi@example.com', email: 'dewi@example.com' }],
		}),
	]);
});
