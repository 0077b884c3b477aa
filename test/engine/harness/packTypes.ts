/**
 * The node and credential types the package registers, as n8n's NodeTypes and CredentialTypes hand them out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType, INodeTypes } from 'n8n-workflow';

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Stands in for n8n's own No-Op node, which n8n's credential tester runs the test request as. */
export const noOp: INodeType = {
	description: {
		displayName: 'No Operation',
		name: 'noOp',
		group: [],
		version: 1,
		description: '',
		defaults: {},
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
};

/**
 * Every node and credential type package.json's `n8n` block registers, loaded from its TypeScript source
 * (`dist/nodes/X/Y.node.js` is `nodes/X/Y.node.ts`, exporting class `Y`): a type the package does not
 * register cannot be tested as if it shipped.
 */
function registered<T>(
	kind: 'nodes' | 'credentials',
	nameOf: (instance: T) => string,
): Record<string, T> {
	const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: Record<string, string[]>;
	};
	const types: Record<string, T> = {};
	for (const built of manifest.n8n[kind]) {
		const source = built.replace(/^dist\//, '').replace(/\.js$/, '');
		const className = path.basename(source).split('.')[0];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const TypeClass = (require(path.join(REPO_ROOT, source)) as Record<string, new () => T>)[
			className
		];
		if (!TypeClass) throw new Error(`${source} does not export ${className}`);
		const instance = new TypeClass();
		types[nameOf(instance)] = instance;
	}
	return types;
}

export const NODE_TYPES: Record<string, INodeType> = {
	...registered<INodeType>('nodes', (type) => type.description.name),
	noOp,
};
export const CREDENTIAL_TYPES = registered<ICredentialType>('credentials', (type) => type.name);

export class PackNodeTypes implements INodeTypes {
	getByName(type: string): INodeType {
		const nodeType = NODE_TYPES[type.replace(/^.*\./, '')];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}
	getByNameAndVersion(type: string): INodeType {
		return this.getByName(type);
	}
	getKnownTypes() {
		return {};
	}
}
