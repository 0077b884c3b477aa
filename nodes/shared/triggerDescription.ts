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

/**
 * A trigger's subtitle: the event it watches for (eventProperty), or the events it takes (eventsProperty), in
 * words ("Task Completed"), looked up from the parameter's own options so the canvas never shows an internal
 * value ("taskCompleted").
 */
export function eventSubtitle(eventParameter: INodeProperties): string {
	const names = JSON.stringify(
		Object.fromEntries(
			(eventParameter.options as INodePropertyOptions[]).map((option) => [
				option.value,
				option.name,
			]),
		),
	);
	const chosen = `$parameter["${eventParameter.name}"]`;
	return eventParameter.type === 'multiOptions'
		? `={{ ${chosen}.map((event) => (${names})[event] || event).join(", ") }}`
		: `={{ (${names})[${chosen}] || ${chosen} }}`;
}

/** A polling trigger's one event to watch for; eventSubtitle shows it. */
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

/** A webhook trigger's events, any of which starts the workflow; eventsSubtitle lists them. */
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
