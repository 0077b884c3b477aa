/** Webhook deliveries: task events sent, signed, to every subscription naming them, with retries. */
import { createHmac, randomBytes } from 'node:crypto';
import { postWebhook } from '../kit';
import type { PlannrStore } from './store';
import type {
	PlannrDelivery,
	PlannrSubscription,
	PlannrTaskEvent,
	PlannrTaskRecord,
} from './types';
import { taskViewOf } from './views';

/**
 * How a delivery is signed: `X-Signature` is the hex HMAC-SHA256 of the raw body with the subscription's
 * signing secret (validating-webhooks documents both the header and the algorithm).
 */
export function plannrSignature(rawBody: string | Buffer, signingSecret: string): string {
	return createHmac('sha256', signingSecret).update(rawBody).digest('hex');
}

/** Sends one delivery now, as Plannr would, or with a forged signature; resolves with the recorded attempt. */
export async function deliverEvent(
	fake: PlannrStore,
	subscriptionUuid: string,
	event: string,
	task: PlannrTaskRecord | Record<string, unknown> | string,
	options: { forgedSignature?: boolean } = {},
): Promise<PlannrDelivery> {
	const subscription = fake.subscriptions.get(subscriptionUuid);
	if (!subscription) throw new Error(`No subscription ${subscriptionUuid}`);
	const view =
		typeof task === 'string'
			? taskViewOf(fake, fake.mustTask(task))
			: 'seq' in task
				? taskViewOf(fake, task as PlannrTaskRecord)
				: task;
	return await track(fake, send(fake, subscription, event, view, options.forgedSignature ?? false));
}

export function emit(fake: PlannrStore, event: PlannrTaskEvent, task: PlannrTaskRecord): void {
	emitView(fake, event, taskViewOf(fake, task));
}

/** Schedules a delivery to every subscription naming the event, after the current answer has gone out. */
export function emitView(
	fake: PlannrStore,
	event: PlannrTaskEvent,
	view: Record<string, unknown>,
): void {
	for (const subscription of fake.subscriptions.values()) {
		if (!subscription.events.includes(event)) continue;
		const later = new Promise<void>((resolve) =>
			setTimeout(resolve, fake.options.deliveryDelayMs),
		).then(() => sendWithRetries(fake, subscription, event, view));
		void track(fake, later);
	}
}

function track<T>(fake: PlannrStore, promise: Promise<T>): Promise<T> {
	fake.pending.add(promise);
	const done = () => fake.pending.delete(promise);
	promise.then(done, done);
	return promise;
}

async function sendWithRetries(
	fake: PlannrStore,
	subscription: PlannrSubscription,
	event: string,
	view: Record<string, unknown>,
): Promise<void> {
	for (let attempt = 1; attempt <= Math.max(1, fake.options.deliveryAttempts); attempt++) {
		const delivery = await send(fake, subscription, event, view, false, attempt);
		if (delivery.status !== null && delivery.status >= 200 && delivery.status < 300) return;
		if (attempt < fake.options.deliveryAttempts)
			await new Promise((resolve) => setTimeout(resolve, fake.options.deliveryRetryDelayMs));
	}
}

async function send(
	fake: PlannrStore,
	subscription: PlannrSubscription,
	event: string,
	view: Record<string, unknown>,
	forged: boolean,
	attempt = 1,
): Promise<PlannrDelivery> {
	const sentAt = fake.isoNow();
	const body = JSON.stringify(fake.options.deliveryBody(event, view, subscription, sentAt));
	const secret = forged ? `forged-${randomBytes(16).toString('hex')}` : subscription.signing_secret;
	const headers = {
		'content-type': 'application/json',
		accept: 'application/json',
		'user-agent': 'Plannr-Webhooks/1.0',
		'x-signature': plannrSignature(body, secret),
	};
	subscription.last_outgoing_webhook_call_at = sentAt;
	const at = Date.now();
	const answer = await postWebhook(subscription.url, body, headers, {
		timeoutMs: fake.options.deliveryTimeoutMs,
	});
	const delivery: PlannrDelivery = {
		subscriptionUuid: subscription.uuid,
		url: subscription.url,
		event,
		body,
		headers,
		attempt,
		forged,
		at,
		...answer,
	};
	fake.deliveries.push(delivery);
	return delivery;
}
