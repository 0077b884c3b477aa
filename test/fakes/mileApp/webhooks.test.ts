/** The fake MileApp: webhook deliveries and their retries (webhooks.ts). */
import { MileAppFake } from '.';
import {
	api,
	call,
	dewi,
	fake,
	HOUR,
	iso,
	jakarta,
	Receiver,
	seedBody,
	startReceiver,
	T0,
	task,
	useFake,
	visit,
	waitFor,
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

	it('a task created through the API reaches the configured URL after the answer: the documented payload, JSON, with the custom headers', async () => {
		fake.addWebhook({
			url: receiver.url,
			events: ['onCreate'],
			headers: { 'X-Api-Key': 'receiver-secret' },
		});
		receiver.delayMs = 100;
		const created = await api('POST', '/task', { body: seedBody() });
		expect(created.status).toBe(201);
		// The answer did not wait for the delivery.
		expect(fake.deliveries).toHaveLength(0);
		await fake.deliveriesSettled();

		expect(receiver.received).toHaveLength(1);
		const [{ headers, body }] = receiver.received;
		expect(headers['content-type']).toBe('application/json');
		expect(headers['x-api-key']).toBe('receiver-secret');
		const answered = created.body.task;
		// webhooks/task-events.mdx, On Task Create: the task's own keys, the hub nested with deleteAccess, an empty
		// assignee; no title, content or assignment keys.
		expect(JSON.parse(body)).toEqual({
			field1: 'John Birdy',
			field2: 'Gambir Jakarta',
			field3: '-6.230815251,106.75684387',
			hubId: jakarta._id,
			flowId: visit._id,
			hub: {
				lng: jakarta.lng,
				_id: jakarta._id,
				deleteAccess: true,
				name: jakarta.name,
				lat: jakarta.lat,
			},
			endTime: answered.endTime,
			assignee: [],
			flow: 'Visit',
			status: 'UNASSIGNED',
			_id: answered._id,
			organizationId: answered.organizationId,
			startTime: answered.startTime,
			createdTime: answered.createdTime,
			updatedTime: answered.updatedTime,
			createdBy: answered.createdBy,
			createdFrom: 'API',
			orderIndex: answered.orderIndex,
		});
		expect(fake.deliveries).toEqual([
			expect.objectContaining({
				url: receiver.url,
				event: 'onCreate',
				taskId: created.body.task._id,
				body,
				status: 200,
				responseBody: 'ok',
				attempt: 1,
			}),
		]);
	});

	it('onCreate, onAssign and onFinish go to the targets that name them, carrying the task as it then was', async () => {
		fake.addWebhook({ url: receiver.url, events: ['onCreate', 'onAssign', 'onFinish'] });
		fake.addWebhook({ url: `${receiver.url}?finished`, events: ['onFinish'] });
		const plain = (await api('POST', '/task', { body: seedBody() })).body.task;
		await api('PUT', `/task/${plain._id}/assign`, { body: { assignee: [dewi.email] } });
		await api('PATCH', `/task/${plain._id}`, { body: { field1: 'no event' } });
		await api('PATCH', `/task/${plain._id}`, { body: { status: 'DONE', endTime: iso(T0 + HOUR) } });
		// Created with assignees: onCreate then onAssign.
		const withAssignee = (
			await api('POST', '/task', { body: { ...seedBody(), assignee: [dewi.email] } })
		).body.task;
		await fake.deliveriesSettled();
		const sent = (url: string) =>
			fake.deliveries
				.filter((d) => d.url === url)
				.map((d) => [d.event, d.taskId, JSON.parse(d.body).status]);
		expect(sent(receiver.url)).toEqual([
			['onCreate', plain._id, 'UNASSIGNED'],
			['onAssign', plain._id, 'ONGOING'],
			['onFinish', plain._id, 'DONE'],
			['onCreate', withAssignee._id, 'ONGOING'],
			['onAssign', withAssignee._id, 'ONGOING'],
		]);
		expect(sent(`${receiver.url}?finished`)).toEqual([['onFinish', plain._id, 'DONE']]);
		// On Task Assign and On Task Finish: assignedBy, assignee, assignedTo (the worker), assignedTime; then doneBy, doneTime.
		const assignedTo = {
			organization: null,
			name: dewi.name,
			hubId: dewi.hubIds,
			role: null,
			_id: dewi._id,
			email: dewi.email,
		};
		const assignment = {
			assignedBy: 'Roger',
			assignee: [dewi.email],
			assignedTo,
			assignedTime: iso(T0),
		};
		const assigned = JSON.parse(fake.deliveries.find((d) => d.event === 'onAssign')!.body);
		expect(assigned).toMatchObject({ ...assignment, status: 'ONGOING' });
		expect(assigned).not.toHaveProperty('doneBy');
		expect(JSON.parse(fake.deliveries.find((d) => d.event === 'onFinish')!.body)).toMatchObject({
			...assignment,
			doneBy: 'Roger',
			doneTime: iso(T0),
			field1: 'no event',
			hub: expect.objectContaining({ _id: jakarta._id, deleteAccess: true }),
		});
		expect(receiver.received).toHaveLength(6);

		await withFake(
			{
				createWithAssigneeEvents: 'create-only',
				webhooks: [{ url: receiver.url, events: ['onCreate', 'onAssign'] }],
			},
			async (other) => {
				const hub = other.addHub({ name: 'J' });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				await call(other, 'POST', '/task', {
					body: { flow: 'Visit', hubId: hub._id, assignee: ['roger@example.com'] },
				});
				other.createTask({ flowId: flow._id, hubId: hub._id, assignee: ['roger@example.com'] });
				await other.deliveriesSettled();
				expect(other.deliveries.map((d) => d.event)).toEqual(['onCreate', 'onCreate']);
				expect(() =>
					other.finishTask(other.addTask({ flowId: flow._id, hubId: hub._id })._id),
				).toThrow('not been assigned');
			},
		);
	});

	it('a receiver that does not answer 200 is retried 3 times, 2 minutes apart by default; each attempt is recorded', async () => {
		expect(new MileAppFake().options).toMatchObject({
			deliveryRetries: 3,
			deliveryRetryDelayMs: 120_000,
			deliveryTimeoutMs: 30_000,
			deliverySuccess: 'exactly-200',
		});
		fake.addWebhook({ url: receiver.url, events: ['onCreate'] });
		receiver.status = 500;
		const started = Date.now();
		await api('POST', '/task', { body: seedBody() });
		await fake.deliveriesSettled();
		expect(fake.deliveries.map((d) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 500],
			[3, 500],
			[4, 500],
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(15);
		expect(new Set(fake.deliveries.map((d) => d.body)).size).toBe(1);

		// Retries stop at the first 200; a 201 is not a 200 (any 2xx by option).
		fake.deliveries.length = 0;
		receiver.status = 200;
		receiver.statuses = [503, 201];
		fake.createTask({
			flowId: visit._id,
			hubId: jakarta._id,
			fields: { field1: 'a', field2: 'b' },
		});
		await fake.deliveriesSettled();
		expect(fake.deliveries.map((d) => d.status)).toEqual([503, 201, 200]);
		await withFake(
			{ deliverySuccess: '2xx', webhooks: [{ url: receiver.url, events: ['onCreate'] }] },
			async (other) => {
				receiver.statuses = [204];
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await other.deliveriesSettled();
				expect(other.deliveries.map((d) => d.status)).toEqual([204]);
			},
		);
	});

	it('no answer within the timeout, or no receiver at all, is a failure too (status null), and retried', async () => {
		await withFake(
			{
				deliveryTimeoutMs: 50,
				deliveryRetries: 1,
				webhooks: [
					{ url: receiver.url, events: ['onCreate'] },
					{ url: 'http://127.0.0.1:9/gone', events: ['onCreate'] },
				],
			},
			async (other) => {
				receiver.delayMs = 300;
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await other.deliveriesSettled();
				const outcome = (url: string) =>
					other.deliveries
						.filter((d) => d.url === url)
						.map((d) => [d.attempt, d.status, typeof d.error]);
				expect(outcome(receiver.url)).toEqual([
					[1, null, 'string'],
					[2, null, 'string'],
				]);
				expect(outcome('http://127.0.0.1:9/gone')).toEqual([
					[1, null, 'string'],
					[2, null, 'string'],
				]);
				expect(other.deliveries.find((d) => d.url === receiver.url)!.error).toContain('timed out');
			},
		);
	});

	it('reset() and stop() cancel retries still waiting, so nothing runs on after a test', async () => {
		await withFake(
			{ webhooks: [{ url: receiver.url, events: ['onCreate'] }], deliveryRetryDelayMs: 60_000 },
			async (other) => {
				receiver.status = 500;
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await waitFor(() => other.deliveries.length === 1);
				other.reset();
				await other.deliveriesSettled();
				expect(other.deliveries).toHaveLength(0);
				// reset() restores the configured webhooks.
				expect(other.webhooks).toEqual([{ url: receiver.url, events: ['onCreate'] }]);
				other.createTask({
					flowId: other.addFlow({ name: 'Visit', fields: [] })._id,
					hubId: other.addHub({ name: 'J' })._id,
				});
				await waitFor(() => other.deliveries.length === 1);
			},
		);
		expect(receiver.received).toHaveLength(2);
	});

	it('deliver() sends on demand; the app helpers fire their events; the body and an event header are options', async () => {
		fake.addWebhook({ url: receiver.url, events: ['onAssign', 'onFinish'] });
		const t = task();
		const [sent] = await fake.deliver('onCreate', t, receiver.url);
		expect([sent.event, sent.status, JSON.parse(sent.body)._id]).toEqual(['onCreate', 200, t._id]);
		fake.assignTask(t._id, [dewi.email]);
		fake.finishTask(t._id);
		await fake.deliveriesSettled();
		expect(fake.deliveries.map((d) => d.event).sort()).toEqual([
			'onAssign',
			'onCreate',
			'onFinish',
		]);
		expect(JSON.parse(fake.deliveries.find((d) => d.event === 'onFinish')!.body)).toMatchObject({
			status: 'DONE',
			doneBy: 'Dewi',
		});
		expect(await fake.deliver('onFinish', { _id: 'custom', status: 'DONE' })).toEqual([
			expect.objectContaining({ taskId: 'custom', status: 200 }),
		]);

		await withFake(
			{
				deliveryBody: (event, payload) => ({ event, task: payload }),
				eventHeader: 'X-MileApp-Event',
			},
			async (other) => {
				other.addWebhook({ url: receiver.url, events: ['onCreate'] });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.createTask({ flowId: flow._id, hubId: other.addHub({ name: 'J' })._id });
				await other.deliveriesSettled();
				expect(Object.keys(JSON.parse(other.deliveries[0].body))).toEqual(['event', 'task']);
				expect(other.deliveries[0].headers['x-mileapp-event']).toBe('onCreate');
			},
		);
	});

	/** A task created through the API of `other`, whose webhook posts to the receiver: when it was asked and answered, and the attempt. */
	async function deliveredBy(other: MileAppFake) {
		other.addWebhook({ url: receiver.url, events: ['onCreate'] });
		const hub = other.addHub({ name: 'Jakarta' });
		other.addFlow({ name: 'Visit', fields: [] });
		const askedAt = Date.now();
		const created = await call(other, 'POST', '/task', { body: { flow: 'Visit', hubId: hub._id } });
		const answeredAt = Date.now();
		expect(created.status).toBe(201);
		await other.deliveriesSettled();
		expect(other.deliveries).toHaveLength(1);
		return { askedAt, answeredAt, delivery: other.deliveries[0] };
	}

	it.each(['MileApp-Webhook/1.0', 'MileApp/3 (webhook)'])(
		'[inferred] deliveryUserAgent %j: deliveries carry it as their User-Agent',
		async (deliveryUserAgent) => {
			await withFake({ deliveryUserAgent }, async (other) => {
				await deliveredBy(other);
				expect(receiver.received.map((received) => received.headers['user-agent'])).toEqual([
					deliveryUserAgent,
				]);
			});
		},
	);

	it.each([
		[0, 'before'],
		[1000, 'no sooner than'],
	])(
		'deliveryDelayMs %i (a test knob, not MileApp’s): the delivery goes %s 1 s after the API answers',
		async (deliveryDelayMs, when) => {
			await withFake({ deliveryDelayMs }, async (other) => {
				const { askedAt, answeredAt, delivery } = await deliveredBy(other);
				if (when === 'before') expect(delivery.at - answeredAt).toBeLessThan(1000);
				else expect(delivery.at - askedAt).toBeGreaterThanOrEqual(1000);
			});
		},
	);
});
