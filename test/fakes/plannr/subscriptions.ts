/** Webhook subscriptions: `/api/v2/webhook-subscriptions` create, list, get, update and delete. */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../kit';
import { uuid } from './clock';
import { isResponse, message, Validation } from './errors';
import { type Context, api, on } from './gates';
import { type Body, isUrl, readInput } from './input';
import { comparator, queryNames } from './query';
import type { PlannrStore } from './store';
import { PLANNR_SUBSCRIPTIONS_PATH, type PlannrSubscription, WEBHOOK_EVENTS } from './types';

function readSubscription(
	fake: PlannrStore,
	body: Body,
	creating: boolean,
): Partial<PlannrSubscription> | FakeResponse {
	const v = new Validation(fake.messages);
	const fields: Partial<PlannrSubscription> = {};
	if (creating) {
		if (body.url === undefined || body.url === null) v.add('url', 'required');
		else if (typeof body.url !== 'string' || !isUrl(body.url)) v.add('url', 'url');
		else fields.url = body.url;
	}
	// Required on create and on PUT, where it is the only field (putapiv2webhooksubscriptionsuuid).
	const events = body.events;
	if (events === undefined || events === null) v.add('events', 'required');
	else if (!Array.isArray(events)) v.add('events', 'array');
	else if (events.length === 0) v.add('events', 'required');
	else {
		events.forEach((event, i) => {
			if (!WEBHOOK_EVENTS.includes(event as (typeof WEBHOOK_EVENTS)[number]))
				v.add(`events.${i}`, 'in');
		});
		fields.events = [...new Set(events.map(String))];
	}
	return v.failed ? v.response() : fields;
}

function subscriptionByParam(
	fake: PlannrStore,
	request: FakeRequest,
): PlannrSubscription | FakeResponse {
	return (
		fake.subscriptions.get(request.params.uuid) ??
		message(
			404,
			`No query results for model [App\\Models\\WebhookSubscription] ${request.params.uuid}`,
		)
	);
}

function createSubscription(fake: PlannrStore, context: Context): FakeResponse {
	const fields = readSubscription(fake, readInput(context.request), true);
	if (isResponse(fields)) return fields;
	const now = fake.isoNow();
	const subscription: PlannrSubscription = {
		uuid: uuid(fake, 'webhook'),
		url: fields.url!,
		events: fields.events!,
		// Like the documented examples: 60 letters and digits.
		signing_secret: randomBytes(60)
			.toString('base64')
			.replace(/[^A-Za-z0-9]/g, '')
			.padEnd(60, 'x')
			.slice(0, 60),
		created_at: now,
		updated_at: now,
		last_outgoing_webhook_call_at: null,
	};
	fake.subscriptions.set(subscription.uuid, subscription);
	fake.noteIssued('webhook signing secret', subscription.signing_secret);
	return { status: fake.options.webhookCreateStatus, body: { ...subscription } };
}

/** apidocs: filter[uuid], filter[url] (comma lists), sort created_at/updated_at, default -created_at; not paged. */
function listSubscriptions(fake: PlannrStore, context: Context): FakeResponse {
	const names = queryNames(
		fake,
		context.request,
		{ filters: ['uuid', 'url'], sorts: ['created_at', 'updated_at'], includes: [] },
		'-created_at',
	);
	if (isResponse(names)) return names;
	const order = [...fake.subscriptions.keys()];
	const list = (name: string) =>
		(names.filters.get(name) ?? '')
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean);
	const uuids = list('uuid');
	const urls = list('url');
	const rows = [...fake.subscriptions.values()]
		.filter(
			(s) =>
				(uuids.length === 0 || uuids.includes(s.uuid)) &&
				(urls.length === 0 || urls.includes(s.url)),
		)
		.sort(
			comparator<PlannrSubscription>(
				fake,
				names.sorts,
				(s, field) => Date.parse(field === 'updated_at' ? s.updated_at : s.created_at),
				(s) => order.indexOf(s.uuid),
			),
		);
	return { status: 200, body: { data: rows.map((s) => ({ ...s })) } };
}

function getSubscription(fake: PlannrStore, context: Context): FakeResponse {
	const subscription = subscriptionByParam(fake, context.request);
	return isResponse(subscription) ? subscription : { status: 200, body: { ...subscription } };
}

function updateSubscription(fake: PlannrStore, context: Context): FakeResponse {
	const subscription = subscriptionByParam(fake, context.request);
	if (isResponse(subscription)) return subscription;
	const body = readInput(context.request);
	// putapiv2webhooksubscriptionsuuid: `events` (required) is the only field; the URL never changes.
	if ('url' in body && fake.options.subscriptionPutUrl === 'reject') {
		const refusal = new Validation(fake.messages);
		refusal.add('url', 'prohibited');
		return refusal.response();
	}
	const fields = readSubscription(fake, { events: body.events }, false);
	if (isResponse(fields)) return fields;
	Object.assign(subscription, { events: fields.events }, { updated_at: fake.isoNow() });
	return { status: 200, body: { ...subscription } };
}

function deleteSubscription(fake: PlannrStore, context: Context): FakeResponse {
	const subscription = subscriptionByParam(fake, context.request);
	if (isResponse(subscription)) return subscription;
	fake.subscriptions.delete(subscription.uuid);
	return fake.options.webhookDeleteStatus === 204
		? { status: 204 }
		: { status: 200, body: { message: 'Webhook subscription deleted.' } };
}

export function subscriptionRoutes(fake: PlannrStore): void {
	const hooks = PLANNR_SUBSCRIPTIONS_PATH;
	on(
		fake,
		'POST',
		hooks,
		api(fake, (c) => createSubscription(fake, c)),
	);
	if (fake.options.webhookListRoute)
		on(
			fake,
			'GET',
			hooks,
			api(fake, (c) => listSubscriptions(fake, c)),
		);
	on(
		fake,
		'GET',
		`${hooks}/:uuid`,
		api(fake, (c) => getSubscription(fake, c)),
	);
	on(
		fake,
		'PUT',
		`${hooks}/:uuid`,
		api(fake, (c) => updateSubscription(fake, c)),
	);
	on(
		fake,
		'DELETE',
		`${hooks}/:uuid`,
		api(fake, (c) => deleteSubscription(fake, c)),
	);
}
