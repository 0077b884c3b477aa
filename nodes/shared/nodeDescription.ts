import type {
	IDataObject,
	INodeCredentialDescription,
	INodeProperties,
	INodeTypeDescription,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { OUTPUT_CHOICE_VERSION } from './taskOutput';
import { triggerWiring, type TriggerKind } from './triggerDescription';

/**
 * Who a vendor is to n8n, written once in nodes/<Vendor>/vendorIdentity.ts. Both of the vendor's nodes take
 * their names, editor defaults, icon and credentials from it, so the action node and its trigger cannot drift
 * apart. test/engine/nodeDescriptions.test.ts checks the built descriptions as n8n's lint would a literal.
 */
export interface VendorIdentity {
	/** The vendor as the editor shows it, e.g. 'Open Dental'; the trigger is this + ' Trigger'. */
	displayName: string;
	/** The action node's type name, camelCase, e.g. 'openDental'; the trigger's is this + 'Trigger'. */
	name: string;
	/** The icons' file name in icons/: <icon>.svg, and <icon>.dark.svg for the dark theme. */
	icon: string;
	/** The credentials both nodes sign in to the vendor's API with. */
	credentials: INodeCredentialDescription[];
}

/**
 * What a node class writes in its own description literal rather than taking from here: n8n's community checks
 * (icon-validation, require-node-description-fields, node-usable-as-tool) look for these keys in that literal,
 * and n8n's package verification ignores eslint-disable comments.
 */
type ClassLiteralKeys = 'icon' | 'subtitle' | 'usableAsTool';

/** A description less the keys its node class writes itself. */
type BuiltDescription = Omit<INodeTypeDescription, ClassLiteralKeys>;

/** What a node says of itself beyond its vendor's identity. */
interface NodeSpecifics {
	vendor: VendorIdentity;
	description: string;
	properties: INodeProperties[];
}

interface ActionNodeSpecifics extends NodeSpecifics {
	/** A declarative node's routing base; a programmatic one (its own execute) has none. */
	requestDefaults?: Partial<IRequestOptionsSimplified> & IDataObject;
}

interface TriggerNodeSpecifics extends NodeSpecifics {
	kind: TriggerKind;
	/** False for a trigger that never calls the vendor (its webhook is set up by hand): it asks for no credential. */
	usesCredentials?: boolean;
}

/**
 * An action node's subtitle: the chosen operation's action in words ("Get many staff tasks"), looked up from
 * the node's own operation options, so the canvas never shows internal values ("getAll: staffTask").
 */
export function actionSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of property.displayOptions?.show?.resource ?? []) {
			for (const option of property.options ?? []) {
				if ('value' in option && option.action)
					actions[`${String(resource)}:${String(option.value)}`] = option.action;
			}
		}
	}
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

/** The vendor's icons, as n8n resolves `file:` paths: from the node file's folder, nodes/<Vendor>. */
export function vendorIcon(identity: VendorIdentity): INodeTypeDescription['icon'] {
	return {
		light: `file:../../icons/${identity.icon}.svg`,
		dark: `file:../../icons/${identity.icon}.dark.svg`,
	};
}

/** A copy for each node: n8n's loader edits descriptions in place, so two node types share no object. */
function credentialsOf(identity: VendorIdentity): INodeCredentialDescription[] {
	return structuredClone(identity.credentials);
}

/** What one node of a vendor is named and shown as. */
function nodeHeader(displayName: string, name: string, description: string) {
	return {
		displayName,
		name,
		// Version 2 names the Output choice in n8n's words (taskOutput.ts); version 1 stays for saved workflows.
		version: [1, OUTPUT_CHOICE_VERSION],
		defaultVersion: OUTPUT_CHOICE_VERSION,
		description,
		// The name a new node gets on the canvas.
		defaults: { name: displayName },
	} satisfies Partial<INodeTypeDescription>;
}

/** A vendor's action node: its resources' operations, with one main input and output. */
export function actionNodeDescription(specifics: ActionNodeSpecifics): BuiltDescription {
	const { vendor, description, requestDefaults, properties } = specifics;
	return {
		...nodeHeader(vendor.displayName, vendor.name, description),
		group: ['transform'],
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsOf(vendor),
		...(requestDefaults ? { requestDefaults } : {}),
		properties,
	};
}

/** A vendor's trigger: named after the vendor, wired as its kind (polling or webhook) is. */
export function triggerNodeDescription(specifics: TriggerNodeSpecifics): BuiltDescription {
	const { vendor, kind, description, usesCredentials = true, properties } = specifics;
	const displayName = `${vendor.displayName} Trigger`;
	return {
		...nodeHeader(displayName, `${vendor.name}Trigger`, description),
		group: ['trigger'],
		...triggerWiring(kind),
		...(usesCredentials ? { credentials: credentialsOf(vendor) } : {}),
		properties,
	};
}
