/**
 * One list per vendor, read by its action node from its seeded fake: the workflows the install test runs once a
 * package is installed. The same workflow works for the pack and for the vendor's own package (the credential
 * types are the same; only the node type's package name differs). What comes out is checked against the fake:
 * items, each one a record the fake holds.
 */
import { SANDBOX_CREDENTIALS, type CrossVendorFakes } from '../e2e/crossVendorFlows';
import type { N8nNode } from '../e2e/harness/workflowBuilder';

export type Vendor = 'oliver' | 'openDental' | 'plannr' | 'mileApp' | 'humanity';

export interface VendorList {
	vendor: Vendor;
	/** The action node's name (its type without the package). */
	node: string;
	/** The node's name in the workflow. */
	title: string;
	/** One of the sandbox's (SANDBOX_CREDENTIALS): CrossVendorFakes.credentials() imports it under that id and name. */
	credentialType: keyof typeof SANDBOX_CREDENTIALS;
	parameters: Record<string, unknown>;
	/** Whether an output item is a record the fake holds. */
	holds: (fakes: CrossVendorFakes, item: Record<string, unknown>) => boolean;
}

export const VENDOR_LISTS: VendorList[] = [
	{
		vendor: 'oliver',
		node: 'oliver',
		title: 'Oliver Staff Tasks',
		credentialType: 'oliverApi',
		parameters: { resource: 'staffTask', operation: 'getAll', returnAll: true },
		holds: (fakes, item) => fakes.oliver.tasks.has(String(item.id)),
	},
	{
		vendor: 'openDental',
		node: 'openDental',
		title: 'Open Dental Tasks',
		credentialType: 'openDentalApi',
		parameters: { resource: 'task', operation: 'getAll', returnAll: true },
		holds: (fakes, item) => fakes.openDental.tasks.has(Number(item.TaskNum)),
	},
	{
		vendor: 'plannr',
		node: 'plannr',
		title: 'Plannr Tasks',
		credentialType: 'plannrApi',
		parameters: { resource: 'task', operation: 'getAll', returnAll: true },
		holds: (fakes, item) => fakes.plannr.tasks.has(String(item.uuid)),
	},
	{
		vendor: 'mileApp',
		node: 'mileApp',
		title: 'MileApp Hubs',
		credentialType: 'mileAppApi',
		parameters: { resource: 'hub', operation: 'getAll', returnAll: true },
		holds: (fakes, item) =>
			[...fakes.mileApp.hubs.values()].some(
				(hub) => hub._id === item._id && hub.name === item.name,
			),
	},
	{
		vendor: 'humanity',
		node: 'humanity',
		title: 'Humanity Master Tasks',
		credentialType: 'humanityApi',
		parameters: { resource: 'masterTask', operation: 'getAll', returnAll: true },
		holds: (fakes, item) => fakes.humanity.masterTasks.has(String(item.id)),
	},
];

/** The vendor a build:packages entry names (`openDental`, `OpenDental`, `open-dental` alike). */
export function vendorList(vendor: string): VendorList {
	const key = vendor.toLowerCase().replace(/[^a-z]/g, '');
	const found = VENDOR_LISTS.find((list) => list.vendor.toLowerCase() === key);
	if (!found) throw new Error(`no list workflow for vendor "${vendor}"`);
	return found;
}

/**
 * The vendor's list node, of `nodeType` (`<package>.<node>`). After the first node of a chain, `executeOnce`
 * makes it run once, not once per item the node before it put out.
 */
export function listNode(list: VendorList, nodeType: string, executeOnce = false): N8nNode {
	return {
		name: list.title,
		type: nodeType,
		parameters: list.parameters,
		credentials: { [list.credentialType]: SANDBOX_CREDENTIALS[list.credentialType] },
		...(executeOnce ? { executeOnce: true } : {}),
	};
}
