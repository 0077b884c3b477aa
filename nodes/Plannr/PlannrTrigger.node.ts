import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { recordsOf, singleRecordOf } from './answers';
import { authenticationField } from './authentication';
import { isSignedBy } from './signature';
import { PLANNR_PATHS } from './api';
import { plannrApiRequest, plannrApiRequestIfFound } from './requests';
import { triggerNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { eventSubtitle, eventsProperty } from '../shared/triggerDescription';
import type { TaskMapper } from '../shared/normalizedTask';
import { chosenTaskOutput, taskOutputProperties } from '../shared/taskOutput';
import { normalizePlannrTask } from './normalize';
import { PLANNR_IDENTITY } from './vendorIdentity';

const SUBSCRIPTIONS = PLANNR_PATHS.webhookSubscriptions;
const TASK_EVENTS = ['task.created', 'task.updated', 'task.completed', 'task.deleted'] as const;

/** What the trigger keeps while its workflow is active: the subscription, its secret, where it points. */
interface SubscriptionState {
	subscriptionUuid?: string;
	signingSecret?: string;
	url?: string;
}

/** The events chosen, in Plannr's order, so that comparing two lists is comparing sets. */
function chosenEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	const chosen = context.getNodeParameter('events', []) as string[];
	return TASK_EVENTS.filter((event) => chosen.includes(event));
}

/** The event (or events) the trigger watches for; its subtitle names the chosen ones. */
const eventParameter = eventsProperty(
	[
		{ name: 'Task Completed', value: 'task.completed' },
		{ name: 'Task Created', value: 'task.created' },
		{ name: 'Task Deleted', value: 'task.deleted' },
		{ name: 'Task Updated', value: 'task.updated' },
	],
	['task.created'],
);

export class PlannrTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			vendor: PLANNR_IDENTITY,
			kind: 'webhook',
			description:
				'Starts the workflow when a Plannr task is created, updated, completed or deleted',
			properties: [
				authenticationField,
				eventParameter,
				{
					displayName:
						'Activating the workflow subscribes this trigger’s URL in Plannr; deactivating it removes the subscription. Deliveries whose signature does not match are refused.',
					name: 'subscriptionNotice',
					type: 'notice',
					default: '',
				},
				...taskOutputProperties(PLANNR_IDENTITY.displayName),
			],
		}),
		icon: vendorIcon(PLANNR_IDENTITY),
		subtitle: eventSubtitle(eventParameter),
	};

	webhookMethods = {
		default: {
			/** Reuses the subscription this workflow made, or one already pointing at the URL, instead of adding another. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				const url = this.getNodeWebhookUrl('default') as string;
				const events = chosenEvents(this);
				if (state.subscriptionUuid && state.signingSecret && state.url === url) {
					const kept = await plannrApiRequestIfFound.call(
						this,
						'PUT',
						`${SUBSCRIPTIONS}/${state.subscriptionUuid}`,
						{ body: { events } },
					);
					if (kept) return true;
					delete state.subscriptionUuid;
					delete state.signingSecret;
				}
				const existing = await subscriptionAt.call(this, url);
				if (!existing) return false;
				if (typeof existing.signing_secret !== 'string' || existing.signing_secret === '') {
					// Without its secret no delivery could be checked: replace it rather than add a second one.
					await plannrApiRequest.call(this, 'DELETE', `${SUBSCRIPTIONS}/${String(existing.uuid)}`);
					return false;
				}
				// putapiv2webhooksubscriptionsuuid: `events` is the only field (the URL already matches).
				await plannrApiRequest.call(this, 'PUT', `${SUBSCRIPTIONS}/${String(existing.uuid)}`, {
					body: { events },
				});
				Object.assign(state, {
					subscriptionUuid: String(existing.uuid),
					signingSecret: existing.signing_secret,
					url,
				});
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const body = await plannrApiRequest.call(this, 'POST', SUBSCRIPTIONS, {
					body: { url, events: chosenEvents(this) },
				});
				const subscription = singleRecordOf(body);
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				Object.assign(state, {
					subscriptionUuid: String(subscription.uuid),
					signingSecret: String(subscription.signing_secret),
					url,
				});
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				// 200 or 204 [inferred]; already gone in Plannr (404) counts as deleted.
				if (state.subscriptionUuid)
					await plannrApiRequestIfFound.call(
						this,
						'DELETE',
						`${SUBSCRIPTIONS}/${state.subscriptionUuid}`,
					);
				delete state.subscriptionUuid;
				delete state.signingSecret;
				delete state.url;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const state = this.getWorkflowStaticData('node') as SubscriptionState;
		const rawBody = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
		if (!isSignedBy(rawBody, request.headers['x-signature'], state.signingSecret ?? '')) {
			const response = this.getResponseObject();
			response.status(401).json({ message: 'Invalid signature.' });
			return { noWebhookResponse: true };
		}
		const delivery = this.getBodyData();
		const event = eventOf(delivery);
		// The delivery body is undocumented: one whose event cannot be read is refused, never let through.
		if (event === undefined)
			throw new NodeOperationError(
				this.getNode(),
				'Plannr sent a delivery without a readable event name ("event"): nothing was run',
				{
					description:
						'Plannr does not document its delivery body. Without its event the trigger cannot tell whether it is one you chose, so it runs nothing rather than every event.',
				},
			);
		if (!chosenEvents(this).includes(event)) return {};
		const asOutput = chosenTaskOutput(this, normalizeDelivery);
		return { workflowData: [this.helpers.returnJsonArray([asOutput(delivery)])] };
	}
}

/** A delivery's event name: `event` [inferred], the only place the trigger looks. */
function eventOf(delivery: IDataObject): string | undefined {
	return typeof delivery.event === 'string' && delivery.event.trim() !== ''
		? delivery.event.trim()
		: undefined;
}

/** A delivery's task in the shared shape, with its event: the task is `data` when there is one [inferred], else the body. */
const normalizeDelivery: TaskMapper = (delivery, zone) => ({
	...normalizePlannrTask(
		delivery.data && typeof delivery.data === 'object' ? (delivery.data as IDataObject) : delivery,
		zone,
	),
	event: eventOf(delivery),
});

/**
 * A subscription of this account already pointing at the URL, asked for by `filter[url]`
 * (getapiv2webhooksubscriptions: its paging is undocumented, so no unfiltered page is scanned). A Plannr
 * without the list call (404/405) has none to offer.
 */
async function subscriptionAt(this: IHookFunctions, url: string): Promise<IDataObject | undefined> {
	const body = await plannrApiRequestIfFound.call(this, 'GET', SUBSCRIPTIONS, {
		qs: { 'filter[url]': url },
	});
	return recordsOf(body).find((subscription) => subscription.url === url);
}
