import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { isSameSecret } from '../shared/secrets';
import { triggerNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { EVENTS_SUBTITLE, eventsProperty } from '../shared/triggerDescription';
import { chosenTaskOutput, taskOutputProperty } from '../shared/normalizedTask';
import { normalizeMileAppTask } from './normalize';
import { MILEAPP_IDENTITY } from './vendorIdentity';
import { TASK_EVENTS } from './vocabulary';

type SecretLocation = 'none' | 'header' | 'query';

/**
 * The event a delivery is for. MileApp sends the flat task and names no event, so the task's status tells:
 * a created task is UNASSIGNED, an assigned one ONGOING, a finished one DONE.
 */
function eventOf(task: IDataObject): string | undefined {
	const status = String(task.status ?? '').toUpperCase();
	return TASK_EVENTS.find((event) => event.status === status)?.value;
}

export class MileAppTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			vendor: MILEAPP_IDENTITY,
			kind: 'webhook',
			description: 'Starts the workflow when a MileApp task is created, assigned or finished',
			// Its webhook is added by hand in MileApp: the trigger never calls MileApp's API.
			usesCredentials: false,
			properties: [
				{
					displayName:
						'MileApp webhooks are set up by hand: in the MileApp web app open Automation, add a Webhook with the Production URL shown above (Webhook URLs), and tick the task events chosen below. With a secret, add it to that webhook too: as a custom header, or at the end of the URL (?name=value).',
					name: 'setupNotice',
					type: 'notice',
					default: '',
				},
				eventsProperty(
					TASK_EVENTS.map(({ name, value }) => ({ name, value })),
					['onFinish'],
					'Deliveries of other events are answered and ignored',
				),
				{
					displayName: 'Filters',
					name: 'filters',
					type: 'collection',
					placeholder: 'Add Filter',
					default: {},
					options: [
						{
							displayName: 'Flow',
							name: 'flow',
							type: 'string',
							default: '',
							description: 'Only tasks of this flow (its name)',
						},
						{
							displayName: 'Hub ID',
							name: 'hubId',
							type: 'string',
							default: '',
							description: 'Only tasks of this hub',
						},
					],
				},
				{
					displayName: 'Secret',
					name: 'secretLocation',
					type: 'options',
					options: [
						{
							name: 'None',
							value: 'none',
							description: 'Anyone who knows the URL can start the workflow',
						},
						{
							name: 'In a Header',
							value: 'header',
							description: 'A custom header added to the webhook in MileApp',
						},
						{
							name: 'In the URL',
							value: 'query',
							description: 'A query parameter added to the end of the URL in MileApp',
						},
					],
					default: 'none',
					description:
						'MileApp signs nothing: a secret only MileApp knows lets the trigger refuse anyone else (401)',
				},
				{
					displayName: 'Header Name',
					name: 'headerName',
					type: 'string',
					default: 'X-Webhook-Secret',
					displayOptions: { show: { secretLocation: ['header'] } },
				},
				{
					displayName: 'Query Parameter Name',
					name: 'queryParameterName',
					type: 'string',
					default: 'secret',
					displayOptions: { show: { secretLocation: ['query'] } },
				},
				{
					displayName: 'Secret Value',
					name: 'secretValue',
					type: 'string',
					typeOptions: { password: true },
					default: '',
					displayOptions: { show: { secretLocation: ['header', 'query'] } },
					description: 'A long random value; the same as in the webhook in MileApp',
				},
				taskOutputProperty(MILEAPP_IDENTITY.displayName),
			],
		}),
		icon: vendorIcon(MILEAPP_IDENTITY),
		subtitle: EVENTS_SUBTITLE,
	};

	/**
	 * MileApp has no API for webhooks: the user adds the URL in its web app, and removes it there. So there is
	 * nothing to register on activation or to delete on deactivation.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (!carriesSecret(this)) {
			this.getResponseObject().status(401).json({ message: 'Missing or wrong secret.' });
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData() as IDataObject | IDataObject[];
		const chosen = this.getNodeParameter('events', []) as string[];
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const wanted = (value: unknown, filter: unknown) =>
			filter === undefined ||
			String(filter).trim() === '' ||
			String(value) === String(filter).trim();
		const tasks = (Array.isArray(body) ? body : [body]).filter(
			(task) =>
				chosen.includes(eventOf(task) ?? '') &&
				wanted(task.flow, filters.flow) &&
				wanted(task.hubId, filters.hubId),
		);
		// Answered 200 either way, at once, so MileApp does not send it again.
		if (tasks.length === 0) return {};
		const asOutput = chosenTaskOutput(this, normalizeMileAppTask);
		return { workflowData: [this.helpers.returnJsonArray(tasks.map(asOutput))] };
	}
}

/** Whether the delivery carries the secret the trigger is set up with (always, without one). */
function carriesSecret(context: IWebhookFunctions): boolean {
	const location = context.getNodeParameter('secretLocation', 'none') as SecretLocation;
	if (location === 'none') return true;
	const expected = String(context.getNodeParameter('secretValue', ''));
	if (location === 'header') {
		const name = String(context.getNodeParameter('headerName', '')).toLowerCase();
		return isSameSecret(context.getHeaderData()[name], expected);
	}
	const name = String(context.getNodeParameter('queryParameterName', ''));
	return isSameSecret((context.getQueryData() as IDataObject)[name], expected);
}
