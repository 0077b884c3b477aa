/** The fake Plannr: webhook deliveries, signed (webhooks.ts). */
import { createHmac } from 'node:crypto';
import { plannrSignature } from '.';
import {
	api,
	call,
	client,
	done,
	fake,
	Receiver,
	startReceiver,
	task,
	todo,
	useFake,
	withFake,
} from './testing';

useFake();

describe('webhook deliveries', () => {
	let receiver: Receiver;
	beforeEach(async () => {
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await fake.deliveriesSettled();
		await receiver.close();
	});

	const subscribe = async (events: string[], url = receiver.url) =>
		(await api('POST', '/api/v2/webhook-subscriptions', { body: { url, events } })).body;

	it('a task created through the API arrives at the subscribed URL, signed with the subscription’s secret, after the answer', async () => {
		const subscription = await subscribe(['task.created']);
		const other = await subscribe(['task.completed']);
		receiver.delayMs = 100;
		const created = await api('POST', '/api/v1/task', {
			body: {
				name: 'Call Tom',
				taskable_type: 'client',
				taskable_uuid: client,
				task_status_uuid: todo.uuid,
			},
		});
		expect(created.status).toBe(201);
		// The answer did not wait for the delivery.
		expect(fake.deliveries).toHaveLength(0);
		await fake.deliveriesSettled();

		expect(receiver.received).toHaveLength(1);
		const [{ headers, body }] = receiver.received;
		expect(headers['content-type']).toBe('application/json');
		// Checked here with node's crypto, not the fake's own function.
		const expected = createHmac('sha256', subscription.signing_secret).update(body).digest('hex');
		expect(headers['x-signature']).toBe(expected);
		expect(plannrSignature(body, subscription.signing_secret)).toBe(expected);
		expect(headers['x-signature']).not.toBe(
			createHmac('sha256', other.signing_secret).update(body).digest('hex'),
		);
		expect(JSON.parse(body)).toEqual({
			event: 'task.created',
			data: created.body,
			webhook_subscription_uuid: subscription.uuid,
			sent_at: '2026-03-01T12:00:00+00:00',
		});

		expect(fake.deliveries).toEqual([
			expect.objectContaining({
				subscriptionUuid: subscription.uuid,
				url: receiver.url,
				event: 'task.created',
				body,
				status: 200,
				responseBody: 'ok',
				forged: false,
				attempt: 1,
			}),
		]);
		expect(fake.subscriptions.get(subscription.uuid)!.last_outgoing_webhook_call_at).toBe(
			'2026-03-01T12:00:00+00:00',
		);
		expect(fake.subscriptions.get(other.uuid)!.last_outgoing_webhook_call_at).toBeNull();
	});

	it('each change sends its event to the subscriptions that name it: update, complete, uncomplete, delete', async () => {
		const all = await subscribe(['task.created', 'task.updated', 'task.completed', 'task.deleted']);
		const completedOnly = await subscribe(['task.completed']);
		const t = task({ name: 'x' });
		await api('PUT', `/api/v1/task/${t.uuid}`, { body: { name: 'y' } });
		await api('PATCH', `/api/v1/task/${t.uuid}/complete`);
		await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${todo.uuid}`);
		fake.completeTask(t.uuid);
		fake.deleteTask(t.uuid);
		await fake.deliveriesSettled();
		const events = (uuid: string) =>
			fake.deliveries.filter((d) => d.subscriptionUuid === uuid).map((d) => d.event);
		expect(events(all.uuid).sort()).toEqual(
			['task.completed', 'task.completed', 'task.deleted', 'task.updated', 'task.updated'].sort(),
		);
		expect(events(completedOnly.uuid)).toEqual(['task.completed', 'task.completed']);
		const deleted = fake.deliveries.find((d) => d.event === 'task.deleted')!;
		expect(JSON.parse(deleted.body).data).toMatchObject({ uuid: t.uuid, name: 'y' });
		expect(receiver.received).toHaveLength(7);
		// A delivery carries the task as it was when the change happened.
		const completions = fake.deliveries
			.filter((d) => d.subscriptionUuid === completedOnly.uuid)
			.map((d) => JSON.parse(d.body).data.status.uuid);
		expect(completions).toEqual([done.uuid, done.uuid]);
	});

	it('deliver() sends on demand, with a forged signature when asked; failures are recorded', async () => {
		const subscription = await subscribe(['task.created']);
		const t = task({ name: 'x' });
		const genuine = await fake.deliver(subscription.uuid, 'task.updated', t);
		expect(genuine.headers['x-signature']).toBe(
			plannrSignature(genuine.body, subscription.signing_secret),
		);
		const forged = await fake.deliver(subscription.uuid, 'task.created', t.uuid, {
			forgedSignature: true,
		});
		expect(forged.forged).toBe(true);
		expect(forged.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
		expect(forged.headers['x-signature']).not.toBe(
			plannrSignature(forged.body, subscription.signing_secret),
		);
		expect(receiver.received.map((r) => r.headers['x-signature'])).toEqual([
			genuine.headers['x-signature'],
			forged.headers['x-signature'],
		]);

		receiver.status = 500;
		const refused = await fake.deliver(subscription.uuid, 'task.created', {
			uuid: 'custom',
			name: 'shape',
		});
		expect([refused.status, JSON.parse(refused.body).data]).toEqual([
			500,
			{ uuid: 'custom', name: 'shape' },
		]);
		await expect(fake.deliver('nope', 'task.created', t)).rejects.toThrow('No subscription');

		const gone = await subscribe(['task.created'], 'http://127.0.0.1:9/unreachable');
		const unreachable = await fake.deliver(gone.uuid, 'task.created', t);
		expect([unreachable.status, unreachable.error]).toEqual([null, expect.any(String)]);
	});

	// [inferred] deliveryAttempts (no sheet line decides): one attempt by default, so that no node relies on a retry.
	it.each([
		[1, [[1, 503]]],
		[
			3,
			[
				[1, 503],
				[2, 503],
				[3, 503],
			],
		],
	])(
		'[inferred] deliveryAttempts %i: a failing receiver gets %j (attempt, status); the body shape is an option',
		async (deliveryAttempts, attempts) => {
			await withFake(
				{
					deliveryAttempts,
					deliveryRetryDelayMs: 5,
					deliveryBody: (event, data) => ({ type: event, payload: data }),
				},
				async (other) => {
					receiver.status = 503;
					const subscription = (
						await call(other, 'POST', '/api/v2/webhook-subscriptions', {
							body: { url: receiver.url, events: ['task.created'] },
						})
					).body;
					const s = other.addStatus({ name: 'x' });
					const c = other.addClient({ first_name: 'A', last_name: 'B' });
					other.createTask({
						name: 'x',
						status_uuid: s.uuid,
						taskable_type: 'client',
						taskable_uuid: c.uuid,
					});
					await other.deliveriesSettled();
					expect(other.deliveries.map((d) => [d.attempt, d.status])).toEqual(attempts);
					expect(Object.keys(JSON.parse(other.deliveries[0].body))).toEqual(['type', 'payload']);
					expect(other.deliveries[0].subscriptionUuid).toBe(subscription.uuid);
				},
			);
		},
	);
});
