import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

type TriggerConnections = Pick<INodeTypeDescription, 'inputs' | 'outputs'>;

/** What makes a node a polling trigger: n8n calls its poll on the user's schedule; it takes no input. */
export const POLLING_TRIGGER: TriggerConnections & Pick<INodeTypeDescription, 'polling'> = {
	polling: true,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
};

/** What makes a node a webhook trigger here: one POST URL, answered as soon as a delivery arrives. */
export const WEBHOOK_TRIGGER: TriggerConnections & Pick<INodeTypeDescription, 'webhooks'> = {
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
};

/** A polling trigger's one event to watch for; its subtitle is `={{$parameter["event"]}}`. */
export function eventProperty(
	options: INodePropertyOptions[],
	defaultEvent: string,
): INodeProperties {
	return {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options,
		default: defaultEvent,
	};
}

/** A webhook trigger's events, any of which starts the workflow; its subtitle is `={{$parameter["events"].join(", ")}}`. */
export function eventsProperty(
	options: INodePropertyOptions[],
	defaultEvents: string[],
	description?: string,
): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options,
		// A list of its own for each node, written as the array n8n's lint looks for.
		default: [...defaultEvents],
		...(description ? { description } : {}),
	};
}
