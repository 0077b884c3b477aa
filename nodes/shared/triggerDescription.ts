import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/** How n8n starts a trigger: on the user's schedule (its poll), or when a delivery reaches its URL. */
export type TriggerKind = 'polling' | 'webhook';

type TriggerWiring = Pick<INodeTypeDescription, 'inputs' | 'outputs' | 'polling' | 'webhooks'>;

/**
 * What a trigger's kind decides in its description: it takes no input, and how n8n starts it. Built per node,
 * so no two node types share a mutable array.
 */
export function triggerWiring(kind: TriggerKind): TriggerWiring {
	const connections = { inputs: [], outputs: [NodeConnectionTypes.Main] };
	if (kind === 'polling') return { ...connections, polling: true };
	return {
		...connections,
		// One POST URL, answered as soon as a delivery arrives.
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
	};
}

/** The subtitle of a trigger with eventProperty: the event it watches for. */
export const EVENT_SUBTITLE = '={{$parameter["event"]}}';

/** The subtitle of a trigger with eventsProperty: the events it takes. */
export const EVENTS_SUBTITLE = '={{$parameter["events"].join(", ")}}';

/** A polling trigger's one event to watch for; EVENT_SUBTITLE shows it. */
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

/** A webhook trigger's events, any of which starts the workflow; EVENTS_SUBTITLE lists them. */
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
