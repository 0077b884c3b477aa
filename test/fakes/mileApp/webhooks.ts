/** Webhook deliveries: events sent to the targets configured in the web app, with MileApp's retries. */
import { postWebhook } from '../kit';
import type { MileAppStore } from './store';
import type {
	MileAppDelivery,
	MileAppEvent,
	MileAppTaskRecord,
	MileAppWebhookTarget,
} from './types';
import { webhookPayloadOf } from './views';

/** Sends one event for a task to every target naming it (or to `url`), with MileApp's retries; resolves when done. */
export async function deliverEvent(
	fake: MileAppStore,
	event: MileAppEvent,
	task: MileAppTaskRecord | string | Record<string, unknown>,
	url?: string,
): Promise<MileAppDelivery[]> {
	const record =
		typeof task === 'string'
			? fake.mustTask(task)
			: 'seq' in task
				? (task as MileAppTaskRecord)
				: undefined;
	const payload = record ? webhookPayloadOf(fake, record) : (task as Record<string, unknown>);
	const targets =
		url !== undefined
			? [{ url, events: [event] }]
			: fake.webhooks.filter((target) => target.events.includes(event));
	const before = fake.deliveries.length;
	await Promise.all(
		targets.map((target) =>
			track(fake, sendWithRetries(fake, target, event, payload, fake.generation)),
		),
	);
	return fake.deliveries.slice(before);
}

/** Schedules a delivery to every target naming the event, after the current answer has gone out. */
export function emit(fake: MileAppStore, event: MileAppEvent, task: MileAppTaskRecord): void {
	const payload = webhookPayloadOf(fake, task);
	const generation = fake.generation;
	for (const target of fake.webhooks) {
		if (!target.events.includes(event)) continue;
		const later = sleep(fake, fake.options.deliveryDelayMs, generation).then((live) =>
			live ? sendWithRetries(fake, target, event, payload, generation) : undefined,
		);
		void track(fake, later);
	}
}

function track<T>(fake: MileAppStore, promise: Promise<T>): Promise<T> {
	fake.pending.add(promise);
	const done = () => fake.pending.delete(promise);
	promise.then(done, done);
	return promise;
}

/** Resolves true after `ms`, or false at once if reset()/stop() cancels it (or already did). */
function sleep(fake: MileAppStore, ms: number, generation: number): Promise<boolean> {
	if (generation !== fake.generation) return Promise.resolve(false);
	return new Promise((resolve) => {
		const entry = {
			timer: setTimeout(() => {
				fake.timers.delete(entry);
				resolve(generation === fake.generation);
			}, ms),
			resolve: () => resolve(false),
		};
		fake.timers.add(entry);
	});
}

export function cancelDeliveries(fake: MileAppStore): void {
	fake.generation++;
	for (const entry of fake.timers) {
		clearTimeout(entry.timer);
		entry.resolve();
	}
	fake.timers.clear();
	for (const request of fake.inFlight) request.destroy(new Error('The fake was reset or stopped'));
	fake.inFlight.clear();
}

/** Documented: a failure (not 200, or no answer in 30 s) is retried 3 times, 2 minutes apart. */
async function sendWithRetries(
	fake: MileAppStore,
	target: MileAppWebhookTarget,
	event: MileAppEvent,
	payload: Record<string, unknown>,
	generation: number,
): Promise<void> {
	const attempts = 1 + Math.max(0, fake.options.deliveryRetries);
	for (let attempt = 1; attempt <= attempts; attempt++) {
		if (generation !== fake.generation) return;
		const delivery = await send(fake, target, event, payload, attempt);
		if (delivered(fake, delivery.status)) return;
		if (attempt < attempts && !(await sleep(fake, fake.options.deliveryRetryDelayMs, generation)))
			return;
	}
}

function delivered(fake: MileAppStore, status: number | null): boolean {
	if (status === null) return false;
	return fake.options.deliverySuccess === 'exactly-200'
		? status === 200
		: status >= 200 && status < 300;
}

async function send(
	fake: MileAppStore,
	target: MileAppWebhookTarget,
	event: MileAppEvent,
	payload: Record<string, unknown>,
	attempt: number,
): Promise<MileAppDelivery> {
	const body = JSON.stringify(fake.options.deliveryBody(event, payload));
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		accept: 'application/json',
		'user-agent': fake.options.deliveryUserAgent,
		...Object.fromEntries(
			Object.entries(target.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
		),
	};
	if (fake.options.eventHeader) headers[fake.options.eventHeader.toLowerCase()] = event;
	const at = Date.now();
	const answer = await postWebhook(target.url, body, headers, {
		timeoutMs: fake.options.deliveryTimeoutMs,
		inFlight: fake.inFlight,
	});
	const delivery: MileAppDelivery = {
		url: target.url,
		event,
		taskId: String(payload._id ?? ''),
		body,
		headers,
		attempt,
		at,
		...answer,
	};
	fake.deliveries.push(delivery);
	return delivery;
}
