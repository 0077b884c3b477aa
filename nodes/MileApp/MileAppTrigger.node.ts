import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { triggerNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { eventSubtitle, eventsProperty } from '../shared/triggerDescription';
import { chosenTaskOutput, taskOutputProperties } from '../shared/taskOutput';
import { normalizeMileAppTask } from './normalize';
import { MILEAPP_IDENTITY } from './vendorIdentity';
import { TASK_EVENTS } from './vocabulary';
import { memoryKeyOf } from '../shared/memoryKey';
import { legacySecretProperties } from './legacySecretProperties';
import { carriesExpectedSecret, mileAppWebhookSecretTest } from './webhookSecret';

/**
 * The event a delivery is for. MileApp's payload (webhooks/task-events.mdx: the task with its hub nested, and its
 * assignment and completion once there) names no event, so the task's status tells: a created task is UNASSIGNED,
 * an assigned one ONGOING, a finished one DONE.
 */
function eventOf(task: IDataObject): string | undefined {
	const status = String(task.status ?? '').toUpperCase();
	return TASK_EVENTS.find((event) => event.status === status)?.value;
}

/**
 * How many deliveries the trigger remembers to tell a repeat: MileApp sends one again at most 3 times within 6 minutes.
 * Each is kept as a short hash, so the workflow's static data stays small (about 10 KB).
 */
const REMEMBERED_DELIVERIES = 300;

/**
 * What makes a delivery the same one again (MileApp sends it again when the answer came late): the task, its status
 * (the event), the times that event sets and the assignees. A task assigned again or changed is a new delivery.
 * None without an `_id`.
 */
function deliveryKey(task: IDataObject): string | undefined {
	if (typeof task._id !== 'string' || task._id === '') return undefined;
	const parts = [task._id, task.status, task.updatedTime, task.assignedTime, task.doneTime];
	return memoryKeyOf(JSON.stringify([...parts, task.assignee])).slice(0, 24);
}

/** The deliveries not seen before, remembered in the workflow (documented: a receiver must expect repeats). */
function firstDeliveries(context: IWebhookFunctions, tasks: IDataObject[]): IDataObject[] {
	const memory = context.getWorkflowStaticData('node');
	const seen = new Set(Array.isArray(memory.deliveries) ? (memory.deliveries as string[]) : []);
	const fresh = tasks.filter((task) => {
		const key = deliveryKey(task);
		if (key === undefined) return true;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	memory.deliveries = [...seen].slice(-REMEMBERED_DELIVERIES);
	return fresh;
}

/** The event (or events) the trigger watches for; its subtitle names the chosen ones. */
const eventParameter = eventsProperty(
	TASK_EVENTS.map(({ name, value }) => ({ name, value })),
	['onFinish'],
	'Deliveries of other events are answered and ignored',
);

export class MileAppTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			vendor: MILEAPP_IDENTITY,
			kind: 'webhook',
			description: 'Starts the workflow when a MileApp task is created, assigned or finished',
			// Its webhook is added by hand in MileApp: the trigger never calls MileApp's API, so asks for no API credential.
			usesCredentials: false,
			properties: [
				{
					displayName:
						'MileApp webhooks are set up by hand: in the MileApp web app open Automation, add a Webhook with the Production URL shown above (Webhook URLs), and tick the task events chosen below. With Authentication "Shared Secret", add the credential\'s header and secret to that webhook too (Header and Value), or its query parameter at the end of the URL.',
					name: 'setupNotice',
					type: 'notice',
					default: '',
				},
				eventParameter,
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
					displayName: 'Authentication',
					name: 'authentication',
					type: 'options',
					options: [
						{
							name: 'None',
							value: 'none',
							description: 'Anyone who knows the URL can start the workflow',
						},
						{
							name: 'Shared Secret',
							value: 'sharedSecret',
							description:
								'Only deliveries carrying the secret of a MileApp Webhook credential (a custom header or a query parameter) start the workflow; others get 401',
						},
					],
					default: 'none',
					description:
						'MileApp signs nothing: a secret only its webhook knows lets the trigger refuse anyone else',
				},
				...legacySecretProperties,
				...taskOutputProperties(MILEAPP_IDENTITY.displayName),
			],
		}),
		// Not MileApp's API credential (the trigger never calls the API): the secret its webhook carries. The names
		// are literals because n8n's lint reads testedBy here to know the credential is tested.
		credentials: [
			{
				name: 'mileAppWebhookApi',
				required: true,
				testedBy: 'mileAppWebhookSecretTest',
				displayOptions: { show: { authentication: ['sharedSecret'] } },
			},
		],
		icon: vendorIcon(MILEAPP_IDENTITY),
		subtitle: eventSubtitle(eventParameter),
	};

	methods = { credentialTest: { mileAppWebhookSecretTest } };

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
		if (!(await carriesExpectedSecret(this))) {
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
		// Answered 200 either way, at once, so MileApp does not send it again; a repeat starts nothing.
		const fresh = tasks.length === 0 ? [] : firstDeliveries(this, tasks);
		if (fresh.length === 0) return {};
		const asOutput = chosenTaskOutput(this, normalizeMileAppTask);
		return { workflowData: [this.helpers.returnJsonArray(fresh.map(asOutput))] };
	}
}
