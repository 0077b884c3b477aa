/**
 * Building workflows and credentials to import: n8n's JSON shapes, a chain of nodes after a Manual Trigger,
 * poll times for triggers under test, and days as `$today` names them.
 */
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { E2E_TIMEZONE } from './environment';

/**
 * Poll times for a trigger under test: three a minute, 20 s apart. n8n refuses a single poll time of less than
 * a minute but allows several, as the editor's "Add Poll Time" does; the scheduler and the trigger's code are
 * the same as with Every Minute, and a test waits about 20 s for the next poll instead of up to a minute.
 */
export const POLL_EVERY_20_SECONDS = {
	item: [0, 20, 40].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })),
};

/** A day counted from today in n8n's zone (the day `$today` names), as yyyy-MM-dd: `workflowDay(1)` is tomorrow. */
export const workflowDay = (offsetDays = 0) =>
	DateTime.now().setZone(E2E_TIMEZONE).plus({ days: offsetDays }).toFormat('yyyy-MM-dd');

export interface N8nCredential {
	/** n8n credential ids are short strings; made up if absent. */
	id?: string;
	name: string;
	/** The credential type's name, e.g. `oliverApi`. */
	type: string;
	/** Plain text: n8n encrypts it on import. */
	data: Record<string, unknown>;
}

export interface N8nNode {
	id?: string;
	name: string;
	type: string;
	typeVersion?: number;
	position?: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface N8nWorkflow {
	id?: string;
	name?: string;
	nodes: N8nNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** A workflow: a Manual Trigger named "Start" feeding the given nodes one after the other. */
export function chainWorkflow(id: string, nodes: N8nNode[]): N8nWorkflow {
	const all: N8nNode[] = [
		{
			id: `${id}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...nodes.map((node, i) => ({
			id: `${id}-${i}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0] as [number, number],
			...node,
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name: id, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

/** A random id of the kind n8n gives workflows and credentials (16 letters and digits). */
export function newId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
}
