/**
 * Fields made by the pack's shared factories (nodes/shared/credentialShapes.ts, nodes/shared/listedOptions.ts)
 * are not written out where n8n's lint rules look, so the rules no longer check them: the credential rule that
 * masks secrets (@n8n/eslint-plugin-community-nodes' credential-password-field) and the rules on dynamic
 * options (eslint-plugin-n8n-nodes-base's node-param-*-for-dynamic-options). This test checks the same on what
 * every registered credential and node declares.
 */
import type { INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_TYPES, NODE_TYPES } from './harness/packTypes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nRules = require('eslint-plugin-n8n-nodes-base/dist/lib/constants') as Record<
	'DYNAMIC_OPTIONS_NODE_PARAMETER' | 'DYNAMIC_MULTI_OPTIONS_NODE_PARAMETER',
	{ DISPLAY_NAME_SUFFIX: string; DESCRIPTION: string }
>;

/** credential-password-field's test of a field name (its SENSITIVE_PATTERNS, less its NON_SENSITIVE ones). */
const SENSITIVE = [
	'password',
	'secret',
	'token',
	'cert',
	'passphrase',
	'apikey',
	'secretkey',
	'privatekey',
	'authkey',
];
const NOT_SENSITIVE = ['url', 'pub', 'id'];
function looksSecret(name: string): boolean {
	const lower = name.toLowerCase();
	return (
		!NOT_SENSITIVE.some((part) => lower.includes(part)) &&
		SENSITIVE.some((part) => lower.includes(part))
	);
}

/** Every parameter a node declares, collections' and fixed collections' fields included. */
function allParameters(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('type' in option) return allParameters([option as INodeProperties]);
			if ('values' in option) return allParameters(option.values);
			return [];
		});
		return [property, ...nested];
	});
}

describe('credential fields', () => {
	const secretFields = Object.values(CREDENTIAL_TYPES).flatMap((credential) =>
		credential.properties
			.filter((property) => looksSecret(property.name))
			.map((property) => ({ credential: credential.name, property })),
	);

	it('finds the secrets the credentials ask for', () => {
		const names = secretFields.map(({ credential, property }) => `${credential}.${property.name}`);
		expect(names).toEqual(
			expect.arrayContaining([
				'humanityApi.appSecret',
				'humanityApi.password',
				'mileAppApi.token',
				'mileAppWebhookApi.secret',
				'oliverApi.password',
				'oliverApi.accessToken',
				'openDentalApi.developerApiKey',
				'openDentalApi.customerApiKey',
				'plannrApi.accessToken',
			]),
		);
	});

	it('masks every field whose name looks secret (typeOptions.password)', () => {
		for (const { credential, property } of secretFields) {
			expect({
				credential,
				field: property.name,
				password: property.typeOptions?.password,
			}).toEqual({ credential, field: property.name, password: true });
		}
	});
});

describe('fields whose options the vendor lists', () => {
	const listed = Object.values(NODE_TYPES).flatMap((nodeType) =>
		allParameters(nodeType.description.properties)
			.filter((property) => property.typeOptions?.loadOptionsMethod)
			.map((property) => ({ node: nodeType.description.name, property })),
	);

	it('are found in the nodes', () => {
		expect(listed.map(({ property }) => property.name)).toEqual(
			expect.arrayContaining([
				'taskStatusUuid',
				'assignedToUuids',
				'priorityDefNum',
				'positionIds',
			]),
		);
	});

	it('are named "… Name or ID" ("… Names or IDs") and end with n8n\'s sentence on expressions', () => {
		for (const { node, property } of listed) {
			const rule =
				property.type === 'multiOptions'
					? n8nRules.DYNAMIC_MULTI_OPTIONS_NODE_PARAMETER
					: n8nRules.DYNAMIC_OPTIONS_NODE_PARAMETER;
			const where = `${node}: ${property.displayName}`;
			expect([where, property.displayName.endsWith(rule.DISPLAY_NAME_SUFFIX)]).toEqual([
				where,
				true,
			]);
			const description = String(property.description ?? '').replace(/\.$/, '');
			expect([where, description.endsWith(rule.DESCRIPTION)]).toEqual([where, true]);
		}
	});
});

/**
 * n8n's UX guidelines for the words in a field: a placeholder is an example written "e.g. …", and a boolean's
 * description begins "Whether …". n8n's lint checks only fields written out in a node file; most of the
 * pack's are made by factories, so this checks every field each node and credential declares.
 */
describe('field words', () => {
	const fields = [
		...Object.values(NODE_TYPES).flatMap((nodeType) =>
			allParameters(nodeType.description.properties).map((property) => ({
				where: `${nodeType.description.name}: ${property.displayName}`,
				property,
			})),
		),
		...Object.values(CREDENTIAL_TYPES).flatMap((credential) =>
			credential.properties.map((property) => ({
				where: `${credential.name}: ${property.displayName}`,
				property,
			})),
		),
	];
	/** A field's example texts: its placeholder, and a record picker's typed modes' (a list mode's says "Pick …"). */
	const examplesOf = (property: INodeProperties): string[] => [
		...(property.type === 'collection' || property.type === 'fixedCollection'
			? [] // "Add Filter" and the like: n8n's own wording for a collection's button
			: [property.placeholder ?? []].flat()),
		...(property.modes ?? [])
			.filter((mode) => mode.type !== 'list' && mode.placeholder !== undefined)
			.map((mode) => mode.placeholder!),
	];

	it('placeholders are examples written "e.g. …"', () => {
		const examples = fields.flatMap(({ where, property }) =>
			examplesOf(property).map((example) => [where, example]),
		);
		expect(examples.length).toBeGreaterThan(20);
		expect(examples.filter(([, example]) => !example.startsWith('e.g. '))).toEqual([]);
	});

	it('boolean descriptions begin "Whether …"', () => {
		const booleans = fields.filter(({ property }) => property.type === 'boolean');
		expect(booleans.length).toBeGreaterThan(5);
		expect(
			booleans
				.filter(({ property }) => !String(property.description ?? '').startsWith('Whether '))
				.map(({ where }) => where),
		).toEqual([]);
	});
});
