/**
 * The node descriptions are built from each vendor's identity (nodes/shared/nodeDescription.ts), so n8n's lint
 * rules that read values from a description literal (eslint-plugin-n8n-nodes-base's node-class-description-*
 * rules; @n8n/eslint-plugin-community-nodes' icon-validation, and node-usable-as-tool beyond the key being there)
 * no longer see what they check. This test checks the same on every built description, for every node
 * package.json registers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { Engine } from './harness';
import { CREDENTIAL_TYPES } from './harness/packTypes';

const REPO_ROOT = path.resolve(__dirname, '../..');

interface RegisteredNode {
	/** The vendor's folder under nodes/, e.g. 'OpenDental'. */
	vendor: string;
	/** The node's source folder, which n8n resolves `file:` icons from (dist/nodes/X in a real n8n). */
	folder: string;
	isTrigger: boolean;
	description: INodeTypeDescription;
}

/** Every node of package.json's `n8n.nodes`, loaded from its source (`dist/nodes/X/Y.node.js` is `nodes/X/Y.node.ts`). */
function registeredNodes(): RegisteredNode[] {
	const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	return manifest.n8n.nodes.map((built) => {
		const source = path.join(REPO_ROOT, built.replace(/^dist\//, '').replace(/\.js$/, ''));
		const className = path.basename(source).split('.')[0];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const NodeClass = (require(source) as Record<string, new () => INodeType>)[className];
		const folder = path.dirname(source);
		return {
			vendor: path.basename(folder),
			folder,
			isTrigger: className.endsWith('Trigger'),
			description: new NodeClass().description,
		};
	});
}

/**
 * The subtitle the canvas shows under the node, worked out as the editor does: the node's parameters with their
 * defaults filled in, and the description's subtitle evaluated as an expression over them.
 */
function shownSubtitle(description: INodeTypeDescription, chosen: INodeParameters): string {
	const node: INode = {
		id: 'node',
		name: description.defaults.name ?? description.displayName,
		type: description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	node.parameters =
		NodeHelpers.getNodeParameters(description.properties, chosen, true, false, node, description) ??
		{};
	const workflow = new Engine().workflow([node]);
	return String(
		workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {}),
	);
}

/** Every [resource, operation option] an action node offers. */
function operationsOf(description: INodeTypeDescription): Array<[string, INodePropertyOptions]> {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map(
					(option): [string, INodePropertyOptions] => [String(resource), option],
				),
			),
		);
}

const NODES = registeredNodes();
const ACTIONS = NODES.filter((node) => !node.isTrigger);
const TRIGGERS = NODES.filter((node) => node.isTrigger);
const byName = (node: RegisteredNode): [string, RegisteredNode] => [node.description.name, node];

/** The icon file n8n serves for a `file:` icon: the path is relative to the node file's folder. */
function iconFile(node: RegisteredNode, icon: unknown): string {
	expect(icon).toEqual(expect.stringMatching(/^file:.+\.svg$/));
	return path.join(node.folder, String(icon).slice('file:'.length));
}

/** Checks that hold for both kinds of node. */
function expectCommonHeader(node: RegisteredNode) {
	const { description } = node;
	expect(description.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
	expect(description.defaults.name).toBe(description.displayName);
	// Version 2 names the Output choice in n8n's words; version 1 stays for workflows saved with it.
	expect(description.version).toEqual([1, 2]);
	expect(description.defaultVersion).toBe(2);
	expect(description.description).toEqual(expect.stringMatching(/\S/));

	const icon = description.icon as { light?: unknown; dark?: unknown };
	expect(Object.keys(icon).sort()).toEqual(['dark', 'light']);
	const light = iconFile(node, icon.light);
	const dark = iconFile(node, icon.dark);
	expect(dark).not.toBe(light);
	expect(existsSync(light)).toBe(true);
	expect(existsSync(dark)).toBe(true);

	for (const credential of description.credentials ?? []) {
		expect(credential.name).toMatch(/(Api|OAuth2Api)$/);
		expect(Object.keys(CREDENTIAL_TYPES)).toContain(credential.name);
	}
}

describe('node descriptions', () => {
	it('registers an action node and a trigger for each vendor', () => {
		expect(NODES.length).toBeGreaterThan(0);
		const vendors = (nodes: RegisteredNode[]) => nodes.map((node) => node.vendor).sort();
		expect(vendors(TRIGGERS)).toEqual(vendors(ACTIONS));
	});

	describe.each(ACTIONS.map(byName))('action node %s', (_name, node) => {
		const { description } = node;

		it('has the header every node has', () => expectCommonHeader(node));

		it('is named after its vendor', () => {
			// The folder is the display name without spaces: 'Open Dental' lives in nodes/OpenDental.
			expect(description.displayName.replace(/ /g, '')).toBe(node.vendor);
			expect(description.name).toBe(node.vendor[0].toLowerCase() + node.vendor.slice(1));
		});

		it('is a transform node usable as a tool, with one main input and output', () => {
			expect(description.group).toEqual(['transform']);
			expect(description.usableAsTool).toBe(true);
			expect(description.inputs).toEqual(['main']);
			expect(description.outputs).toEqual(['main']);
		});

		it('shows the chosen operation as its action in words, never internal values, as its subtitle', () => {
			const operations = operationsOf(description);
			expect(operations.length).toBeGreaterThan(2);
			for (const [resource, option] of operations) {
				expect(option.action).toEqual(expect.stringMatching(/^[A-Z][a-z]/));
				expect(shownSubtitle(description, { resource, operation: option.value })).toBe(
					option.action,
				);
			}
			// A node just added: the default resource's default operation.
			const resource = description.properties.find((property) => property.name === 'resource')!;
			const operation = description.properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource.default as string),
			)!;
			const fresh = operations.find(
				([name, option]) => name === resource.default && option.value === operation.default,
			)!;
			expect(shownSubtitle(description, {})).toBe(fresh[1].action);
		});

		it('asks for a registered credential', () => {
			expect(description.credentials?.length).toBeGreaterThan(0);
		});
	});

	/**
	 * What an AI agent reads of an operation is n8n's own tool description (NodeHelpers.makeDescription: the
	 * action, "in <node>"); the notices that warn a person in the editor never reach it.
	 */
	it.each([
		['oliver', 'staffTask', 'delete', /cancels it and keeps the record/],
		['mileApp', 'task', 'delete', /permanently/],
		['mileApp', 'task', 'replace', /flow fields not given are lost/],
		['humanity', 'shiftTask', 'remove', /deletes it/],
		['humanity', 'shiftTask', 'setAll', /every task not listed is deleted/],
		['humanity', 'masterTask', 'delete', /unverified, destructive/],
	])(
		'an agent using %s as a tool reads what %s → %s removes',
		(nodeName, resource, operation, removes) => {
			const { description } = ACTIONS.find((node) => node.description.name === nodeName)!;
			const told = NodeHelpers.makeDescription({ resource, operation }, description);
			expect(told).toMatch(removes);
			expect(told).toMatch(new RegExp(` in ${description.defaults.name}$`));
		},
	);

	it('every operation that deletes, removes or replaces is among those checked above', () => {
		const destructive = ACTIONS.flatMap(({ description }) =>
			operationsOf(description)
				.filter(([, option]) => /^(delete|remove|replace|setAll)$/.test(String(option.value)))
				.map(([resource, option]) => `${description.name} ${resource} ${String(option.value)}`),
		);
		expect(destructive.sort()).toEqual([
			'humanity masterTask delete',
			'humanity shiftTask remove',
			'humanity shiftTask setAll',
			'mileApp task delete',
			'mileApp task replace',
			'oliver staffTask delete',
		]);
	});

	/** A README heading's anchor, as GitHub makes it: lower case, spaces to hyphens, punctuation dropped. */
	const anchorOf = (heading: string) =>
		heading
			.toLowerCase()
			.replace(/[^a-z0-9 -]/g, '')
			.replace(/ /g, '-');
	const README_ANCHORS = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => line.startsWith('#'))
		.map((line) => anchorOf(line.replace(/^#+ /, '')));
	const REPOSITORY = (
		JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
			repository: { url: string };
		}
	).repository.url
		.replace(/^git\+/, '')
		.replace(/\.git$/, '');

	it.each(NODES.map(byName))(
		'%s: the editor’s Docs links open this package’s README, at the node’s own section and its credential’s',
		(_name, node) => {
			const className = node.description.displayName.replace(/ /g, '');
			const codex = JSON.parse(
				readFileSync(path.join(node.folder, `${className}.node.json`), 'utf8'),
			) as { resources: Record<string, Array<{ url: string }>> };
			const [primary] = codex.resources.primaryDocumentation;
			const [credential] = codex.resources.credentialDocumentation;

			expect(primary.url).toBe(`${REPOSITORY}#${anchorOf(node.description.displayName)}`);
			for (const { url } of [primary, credential]) {
				const [base, anchor] = url.split('#');
				expect(base).toBe(REPOSITORY);
				expect(README_ANCHORS).toContain(anchor);
			}
			expect(credential.url).toMatch(/-api/);
		},
	);

	describe.each(TRIGGERS.map(byName))('trigger %s', (_name, node) => {
		const { description } = node;
		const action = ACTIONS.find((candidate) => candidate.vendor === node.vendor)!.description;

		it('has the header every node has', () => expectCommonHeader(node));

		it("is named after its vendor's action node, suffixed Trigger", () => {
			expect(description.displayName).toMatch(/ Trigger$/);
			expect(description.name).toMatch(/Trigger$/);
			expect(description.displayName).toBe(`${action.displayName} Trigger`);
			expect(description.name).toBe(`${action.name}Trigger`);
		});

		it("shows its vendor's icon", () => {
			expect(description.icon).toEqual(action.icon);
		});

		it('is a trigger: no input, one main output', () => {
			expect(description.group).toEqual(['trigger']);
			expect(description.inputs).toEqual([]);
			expect(description.outputs).toEqual(['main']);
		});

		it('is started either by polling or by a webhook, and shows the event parameter it has', () => {
			const polling = description.polling === true;
			expect(polling).toBe(!description.webhooks?.length);
			// A polling trigger watches one event; a webhook trigger takes any of several.
			const parameter = polling ? 'event' : 'events';
			expect(description.properties.map((property) => property.name)).toContain(parameter);
		});

		it('shows the events it watches for in words, never internal values, as its subtitle', () => {
			const events = description.properties.find((property: INodeProperties) =>
				['event', 'events'].includes(property.name),
			)!;
			const options = events.options as INodePropertyOptions[];
			expect(options.length).toBeGreaterThan(1);
			if (events.type === 'multiOptions') {
				const [first, second] = options;
				expect(shownSubtitle(description, { events: [first.value, second.value] })).toBe(
					`${first.name}, ${second.name}`,
				);
			}
			for (const option of options) {
				const chosen = events.type === 'multiOptions' ? [option.value] : option.value;
				expect(shownSubtitle(description, { [events.name]: chosen })).toBe(option.name);
			}
			const fresh = options.filter((option) =>
				([] as unknown[]).concat(events.default).includes(option.value),
			);
			expect(shownSubtitle(description, {})).toBe(fresh.map((option) => option.name).join(', '));
		});
	});
});
