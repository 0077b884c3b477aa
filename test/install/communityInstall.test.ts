/**
 * Installed the way n8n installs it: the packed package published to a local npm registry (verdaccio on
 * loopback, registry.ts), and n8n 2.x, started with N8N_COMMUNITY_PACKAGES_REGISTRY pointing at it, installing
 * it through its own community-packages endpoint (what Settings → Community Nodes calls): `npm pack` from the
 * registry, dev/peer/optional dependencies stripped, `npm install --ignore-scripts`, the nodes API version
 * checked, the package recorded in `installed_packages`. Then a workflow of its nodes runs against the fakes,
 * n8n lists it loaded, a newer version published to the registry is offered and updated to, and DELETE
 * uninstalls it. The five single-vendor packages of `npm run build:packages` go through the same, one after
 * the other in the same n8n: never side by side with the pack or each other (same credential type names).
 *
 * n8n allows a registry other than npmjs only under the license feature `feat:communityNodes:customRegistry`:
 * it is started with E2E_TESTS=true and the feature switched on through n8n's e2e hook (communityPackages.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CrossVendorFakes } from '../e2e/crossVendorFlows';
import { ensureN8n } from '../e2e/harness/install';
import { createN8nInstance, type N8nInstance } from '../e2e/harness/instance';
import { packPackage } from '../e2e/harness/packAndInstall';
import { freePort, tail } from '../e2e/harness/processes';
import { PACKAGE_JSON, PACKAGE_NAME, REPO_ROOT } from '../e2e/harness/repo';
import { errorOf, itemsOf, type N8nRun } from '../e2e/harness/runData';
import type { RestCaller } from '../e2e/harness/rest';
import { chainWorkflow, type N8nWorkflow } from '../e2e/harness/workflowBuilder';
import {
	CommunityPackagesApi,
	enableCustomRegistry,
	installFromRegistryEnv,
	type InstalledPackage,
} from './communityPackages';
import {
	nextPatch,
	nodeTypeIn,
	PACKAGES_MANIFEST,
	singleVendorPackages,
	withVersion,
	type SingleVendorPackage,
} from './packages';
import { LocalRegistry } from './registry';
import { runInServer } from './serverRun';
import { listNode, VENDOR_LISTS, vendorList, type VendorList } from './vendorWorkflows';

jest.setTimeout(10 * 60_000);

const fakes = new CrossVendorFakes();
let registry: LocalRegistry;
let n8n: N8nInstance;
let api: CommunityPackagesApi;
let rest: RestCaller;
let packTarball: string;

/** `dist/nodes/Oliver/OliverTrigger.node.js` → `oliverTrigger` (the files are named after the types). */
const typeNameOf = (file: string, suffix: string) => {
	const base = path.basename(file, suffix);
	return base[0].toLowerCase() + base.slice(1);
};
/** The node and credential types the pack declares. */
const PACK_NODE_TYPES = (PACKAGE_JSON.n8n?.nodes ?? []).map((file) =>
	nodeTypeIn(PACKAGE_NAME, typeNameOf(file, '.node.js')),
);
const PACK_CREDENTIAL_TYPES = (PACKAGE_JSON.n8n?.credentials ?? []).map((file) =>
	typeNameOf(file, '.credentials.js'),
);

/** The single-vendor packages, if `npm run build:packages` has written them (read before the tests are declared). */
const singles = singleVendorPackages();

/** The pack's workflow: each vendor's list, one after the other, each node once. */
const PACK_WORKFLOW = chainWorkflow(
	'installPack',
	VENDOR_LISTS.map((list, i) => listNode(list, nodeTypeIn(PACKAGE_NAME, list.node), i > 0)),
);
const actionNodeOf = (single: SingleVendorPackage) => {
	const action = single.nodeTypes.filter((type) => !/Trigger$/.test(type));
	if (action.length !== 1)
		throw new Error(`${single.name} lists ${action.length} action nodes: ${action.join(', ')}`);
	return nodeTypeIn(single.name, action[0]);
};
const singleWorkflowId = (single: SingleVendorPackage) =>
	`install-${vendorList(single.vendor).vendor}`;
const singleWorkflow = (single: SingleVendorPackage): N8nWorkflow =>
	chainWorkflow(singleWorkflowId(single), [
		listNode(vendorList(single.vendor), actionNodeOf(single)),
	]);

beforeAll(async () => {
	const install = await ensureN8n();
	await fakes.start();
	registry = await LocalRegistry.start(install);
	n8n = await createN8nInstance({
		installPack: false,
		env: installFromRegistryEnv(registry),
	});
	for (const secret of registry.secrets) n8n.addSecret(secret);
	packTarball = await packPackage(REPO_ROOT, path.join(n8n.root, 'pack'));
	await registry.publish(packTarball);
	await n8n.importCredentials(fakes.credentials());
	await n8n.importWorkflows([PACK_WORKFLOW, ...singles.map(singleWorkflow)]);
	await n8n.startServer(await freePort());
	await enableCustomRegistry(`http://127.0.0.1:${n8n.serverPort}`);
	rest = await n8n.ownerRest();
	api = new CommunityPackagesApi(
		rest,
		(text) => n8n.redact(text),
		() => tail(n8n.serverLog, 3000),
	);
});

afterAll(async () => {
	try {
		await n8n?.cleanup();
	} finally {
		await registry?.stop();
		await fakes.stop();
	}
});

/** Where n8n put a package, and its ledger of installed packages (`.n8n/nodes`). */
const folderOf = (name: string) => path.join(n8n.n8nFolder, 'nodes/node_modules', name);
const ledger = () =>
	JSON.parse(readFileSync(path.join(n8n.n8nFolder, 'nodes/package.json'), 'utf8')) as {
		dependencies: Record<string, string>;
	};

/** Runs a stored workflow in the running server (as the editor's Execute Workflow button does). */
const runInN8n = (workflowId: string) =>
	runInServer(rest, workflowId, { log: () => tail(n8n.serverLog, 3000) });

/** Each vendor list node put out records its fake holds, and at least one. */
function expectListsRead(run: N8nRun, lists: VendorList[]): void {
	const error = errorOf(run);
	expect({
		status: run.status,
		error: error && n8n.redact(`${error.node?.name}: ${error.message}`),
	}).toEqual({
		status: 'success',
		error: undefined,
	});
	for (const list of lists) {
		const items = itemsOf(run, list.title);
		expect({ node: list.title, items: items.length > 0 }).toEqual({
			node: list.title,
			items: true,
		});
		const strangers = items.filter((item) => !list.holds(fakes, item));
		expect({ node: list.title, strangers }).toEqual({ node: list.title, strangers: [] });
	}
}

/** What n8n recorded and left on disk for an installed package, checked against what was published. */
function expectInstalled(
	installed: InstalledPackage,
	expected: { name: string; version: string; nodeTypes: string[] },
): void {
	expect(installed.packageName).toBe(expected.name);
	expect(installed.installedVersion).toBe(expected.version);
	expect(installed.installedNodes.map((node) => node.type).sort()).toEqual(
		[...expected.nodeTypes].sort(),
	);
	// As n8n leaves it: package.json without dev/peer/optional dependencies, nothing installed beside it (the
	// peer n8n-workflow is n8n's own), and the ledger naming the version.
	const onDisk = JSON.parse(
		readFileSync(path.join(folderOf(expected.name), 'package.json'), 'utf8'),
	);
	expect(onDisk).toMatchObject({ name: expected.name, version: expected.version });
	expect(onDisk.peerDependencies).toBeUndefined();
	expect(onDisk.devDependencies).toBeUndefined();
	expect(existsSync(path.join(folderOf(expected.name), 'node_modules'))).toBe(false);
	expect(ledger().dependencies[expected.name]).toBe(expected.version);
}

/** n8n lists exactly this package, at this version, loaded. */
async function expectListed(name: string, version: string): Promise<InstalledPackage> {
	const listed = await api.list();
	expect(
		listed.map((entry) => [entry.packageName, entry.installedVersion, entry.failedLoading]),
	).toEqual([[name, version, false]]);
	return listed[0];
}

/** Uninstalled: not listed, not on disk, not in the ledger or the database, its types gone from the editor's. */
async function expectUninstalled(name: string, nodeTypes: string[]): Promise<void> {
	expect(await api.list()).toEqual([]);
	expect(existsSync(folderOf(name))).toBe(false);
	expect(ledger().dependencies).not.toHaveProperty(name);
	expect(await n8n.query('select packageName from installed_packages')).toEqual([]);
	expect(await n8n.query('select type from installed_nodes')).toEqual([]);
	const types = await api.nodeTypes();
	expect(nodeTypes.filter((type) => types.includes(type))).toEqual([]);
	expect(await ourCredentialTypes()).toEqual([]);
}

/** Which of the pack's credential types the editor knows now (sorted). */
async function ourCredentialTypes(): Promise<string[]> {
	const known = await api.credentialTypes();
	return PACK_CREDENTIAL_TYPES.filter((type) => known.includes(type)).sort();
}

describe(`the pack (${PACKAGE_NAME})`, () => {
	const version = PACKAGE_JSON.version;
	const newer = nextPatch(version);

	test('installs through POST /rest/community-packages from the local registry; its nodes run; n8n lists it loaded', async () => {
		expect(await api.list()).toEqual([]);
		const installed = await api.install(PACKAGE_NAME);
		expectInstalled(installed, { name: PACKAGE_NAME, version, nodeTypes: PACK_NODE_TYPES });
		const listed = await expectListed(PACKAGE_NAME, version);
		expect(listed.updateAvailable).toBeUndefined();
		const types = await api.nodeTypes();
		expect(PACK_NODE_TYPES.filter((type) => !types.includes(type))).toEqual([]);
		expect(await ourCredentialTypes()).toEqual([...PACK_CREDENTIAL_TYPES].sort());

		expectListsRead(await runInN8n(PACK_WORKFLOW.id!), VENDOR_LISTS);
	});

	test(`a newer version (${newer}) published: n8n offers it, PATCH updates to it, the workflow still runs`, async () => {
		await registry.publish(await withVersion(packTarball, newer, n8n.root));
		expect(await registry.latest(PACKAGE_NAME)).toBe(newer);
		const offered = await expectListed(PACKAGE_NAME, version);
		expect(offered.updateAvailable).toBe(newer);

		const updated = await api.update(PACKAGE_NAME);
		expectInstalled(updated, { name: PACKAGE_NAME, version: newer, nodeTypes: PACK_NODE_TYPES });
		const listed = await expectListed(PACKAGE_NAME, newer);
		expect(listed.updateAvailable).toBeUndefined();

		// In the server that updated it, and in a fresh n8n process loading it from disk (as after a restart).
		expectListsRead(await runInN8n(PACK_WORKFLOW.id!), VENDOR_LISTS);
		expectListsRead(await n8n.execute(PACK_WORKFLOW.id!), VENDOR_LISTS);
	});

	test('DELETE /rest/community-packages uninstalls it: nothing listed, its node and credential types gone', async () => {
		await api.uninstall(PACKAGE_NAME);
		await expectUninstalled(PACKAGE_NAME, PACK_NODE_TYPES);
	});
});

if (singles.length === 0) {
	test.skip(`single-vendor packages: none built (${path.relative(REPO_ROOT, PACKAGES_MANIFEST)} is missing; npm run build:packages)`, () =>
		undefined);
}

for (const single of singles) {
	const { name } = single;
	describe(`the single-vendor package ${name}`, () => {
		test('publish, install, run its list, n8n lists it loaded, uninstall: nothing left', async () => {
			const list = vendorList(single.vendor);
			const nodeTypes = single.nodeTypes.map((type) => nodeTypeIn(name, type));
			const published = await registry.publish(single.tarball);
			expect(published).toEqual({ name, version: single.version });

			const installed = await api.install(name);
			expectInstalled(installed, { name, version: single.version, nodeTypes });
			await expectListed(name, single.version);
			// Its own node and credential types, and none of the other vendors'.
			const types = await api.nodeTypes();
			expect(nodeTypes.filter((type) => !types.includes(type))).toEqual([]);
			expect(await ourCredentialTypes()).toEqual([...single.credentialTypes].sort());

			expectListsRead(await runInN8n(singleWorkflowId(single)), [list]);

			await api.uninstall(name);
			await expectUninstalled(name, nodeTypes);
		});
	});
}
