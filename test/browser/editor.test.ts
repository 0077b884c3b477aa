/**
 * The pack as a user meets it: n8n's editor in a real browser (Debian's chromium, headless, driven by
 * playwright-core; nothing downloaded). A real n8n with the built pack installed as a community package and
 * every example workflow imported; the test logs in as a user does, finds every node of the pack by
 * searching the node panel, opens every example, and fails if a node shows as not installed or an icon of
 * the pack fails to load. Screenshots go to docs/screenshots/ (docs/TESTING.md shows them), at 1600×1000 with
 * the editor's animations finished: a node's actions are shown over a workflow holding only its own trigger.
 *
 * A workflow holding a node type the pack does not have is opened too: the check must find it, so a
 * broken check cannot pass unnoticed.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PACKAGE_NAME, REPO_ROOT } from '../e2e/harness/repo';
import { freePort } from '../e2e/harness/processes';
import type { N8nWorkflow } from '../e2e/harness/workflowBuilder';
import { createN8nInstance, type N8nInstance } from '../e2e/harness/instance';
import { CHROMIUM, launchBrowser, SCREENSHOTS, signedInPage } from './session';

jest.setTimeout(15 * 60_000);

const OWNER = {
	email: 'browser@example.com',
	firstName: 'Browser',
	lastName: 'Owner',
	password: 'Browser-Owner-Passw0rd',
};
const NOT_IN_PACK = `${PACKAGE_NAME}.notInThePack`;

interface PackNode {
	type: string;
	displayName: string;
	trigger: boolean;
	/** The version a new node gets. */
	version: number;
	icon: string;
	/** What the node panel calls each operation ("Create a task"). */
	actions: string[];
}

interface OperationProperty {
	name: string;
	options?: Array<{ name: string; action?: string }>;
}

/** Every node package.json registers, described by its built file (what n8n itself loads). */
function packNodes(): PackNode[] {
	const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	return manifest.n8n.nodes.map((file) => {
		const className = path.basename(file).split('.')[0];
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { description } = new (require(path.join(REPO_ROOT, file))[className])();
		const icon = typeof description.icon === 'string' ? description.icon : description.icon.light;
		return {
			type: `${PACKAGE_NAME}.${description.name}`,
			displayName: description.displayName,
			trigger: (description.group as string[]).includes('trigger'),
			version:
				description.defaultVersion ??
				(Array.isArray(description.version)
					? Math.max(...description.version)
					: description.version),
			icon: path.basename(String(icon)),
			actions: (description.properties as OperationProperty[])
				.filter((property) => property.name === 'operation')
				.flatMap((property) =>
					(property.options ?? []).map((option) => option.action ?? option.name),
				),
		};
	});
}

const examples: N8nWorkflow[] = readdirSync(path.join(REPO_ROOT, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map(
		(file) =>
			JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as N8nWorkflow,
	);

/** Per action node, a workflow holding only its vendor's trigger: where the node panel shows its actions. */
function ownTriggerWorkflow(action: PackNode): N8nWorkflow {
	const trigger = packNodes().find((node) => node.type === `${action.type}Trigger`);
	if (!trigger) throw new Error(`${action.displayName} has no trigger in the pack`);
	return {
		id: `panel${action.type.split('.')[1]}`,
		name: `${action.displayName} flow`,
		nodes: [
			{
				id: `${action.type}-trigger`,
				name: trigger.displayName,
				type: trigger.type,
				typeVersion: trigger.version,
				position: [0, 0],
				parameters: {},
			},
		],
		connections: {},
	};
}

let n8n: N8nInstance;
let browser: Browser;
let page: Page;
let base: string;
/** Icon requests of the pack that failed, from the first page load on. */
const brokenIcons: string[] = [];

/** What each node on the canvas shows: its type, whether n8n marks it not installed, and its icon image. */
async function canvasNodes() {
	await page.locator('[data-test-id="canvas-node"]').first().waitFor();
	return await page.$$eval('[data-test-id="canvas-node"]', (elements) =>
		elements.map((element) => {
			const image = element.querySelector('img');
			return {
				name: element.getAttribute('data-node-name'),
				type: element.getAttribute('data-node-type'),
				notInstalled:
					element.querySelector('[data-test-id="node-not-installed"]') !== null ||
					element.querySelector('[class*="nodeIconPlaceholder"]') !== null,
				icon: image
					? {
							src: image.getAttribute('src') ?? '',
							loaded: image.complete && image.naturalWidth > 0,
						}
					: undefined,
			};
		}),
	);
}

/** The node panel's results for a search, each with its icon image. */
async function searchNodePanel(text: string) {
	const search = page.locator('[data-test-id="node-creator-search-bar"]');
	await search.waitFor();
	await search.fill(text);
	await page.locator('[data-test-id="node-creator-item-name"]').first().waitFor();
	// Results settle as the search runs: wait until two reads agree.
	let previous = '';
	for (;;) {
		const results = await page.$$eval('[data-test-id="item-iterator-item"]', (items) =>
			items.map((item) => {
				const image = item.querySelector('img');
				return {
					name:
						item.querySelector('[data-test-id="node-creator-item-name"]')?.textContent?.trim() ??
						'',
					icon: image
						? {
								src: image.getAttribute('src') ?? '',
								loaded: image.complete && image.naturalWidth > 0,
							}
						: undefined,
				};
			}),
		);
		const now = JSON.stringify(results);
		if (now === previous && results.every((result) => !result.icon || result.icon.loaded))
			return results;
		previous = now;
		await page.waitForTimeout(300);
	}
}

beforeAll(async () => {
	if (!existsSync(CHROMIUM))
		throw new Error(
			`No browser at ${CHROMIUM}: npm run test:browser installs Debian's chromium (scripts/ensure-chromium.sh)`,
		);
	mkdirSync(SCREENSHOTS, { recursive: true });
	n8n = await createN8nInstance();
	const control: N8nWorkflow = {
		...examples[0],
		id: 'browserNotInPack',
		name: 'A node type the pack does not have',
		nodes: examples[0].nodes.map((node) =>
			node.type.startsWith(`${PACKAGE_NAME}.`) ? { ...node, type: NOT_IN_PACK } : node,
		),
	};
	const panelWorkflows = packNodes()
		.filter((node) => !node.trigger)
		.map(ownTriggerWorkflow);
	await n8n.importWorkflows([...examples, control, ...panelWorkflows]);
	const port = await freePort();
	await n8n.startServer(port);
	base = `http://127.0.0.1:${port}`;
	await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});

	browser = await launchBrowser();
	// Signing in as a user does.
	page = await signedInPage(browser, base, OWNER, { width: 1600, height: 1000 });
	page.on('response', (response) => {
		if (response.url().includes(`/icons/${PACKAGE_NAME}/`) && response.status() >= 400)
			brokenIcons.push(`${response.status()} ${response.url()}`);
	});
	page.on('requestfailed', (request) => {
		if (request.url().includes(`/icons/${PACKAGE_NAME}/`))
			brokenIcons.push(`failed ${request.url()}`);
	});
});

afterAll(async () => {
	await browser?.close();
	await n8n?.cleanup();
});

test.each(packNodes())('the node panel finds $displayName, with its icon', async (node) => {
	if (node.trigger) {
		// A new workflow's first step: the panel lists triggers (by the app's name, without "Trigger").
		await page.goto(`${base}/workflow/new`);
		await page.click('[data-test-id="canvas-add-button"]');
	} else {
		// Actions are offered once a workflow has a trigger: one holding only the vendor's own.
		await page.goto(`${base}/workflow/${ownTriggerWorkflow(node).id}`);
		await page.locator('[data-test-id="canvas-node"]').first().waitFor();
		await page.click('[data-test-id="node-creator-plus-button"]');
	}
	const appName = node.displayName.replace(/ Trigger$/, '');
	const results = await searchNodePanel(appName);
	const found = results.filter(
		(result) => result.name === appName && result.icon?.src.endsWith(`/${node.icon}`),
	);
	expect(found).toEqual([
		{
			name: appName,
			icon: { src: expect.stringContaining(`/icons/${PACKAGE_NAME}/`), loaded: true },
		},
	]);
	if (!node.trigger) {
		// n8n shows an app once for its node and trigger; opening it lists the node's operations.
		await page.click(
			`[data-test-id="item-iterator-item"]:has([data-test-id="node-creator-item-name"]:text-is("${appName}"))`,
		);
		await page
			.locator(`[data-test-id="node-creator-item-name"]:text-is("${node.actions[0]}")`)
			.waitFor();
		const listed = await page.$$eval('[data-test-id="node-creator-item-name"]', (names) =>
			names.map((name) => name.textContent?.trim()),
		);
		expect(listed).toEqual(expect.arrayContaining(node.actions));
	}
	await page.screenshot({
		path: path.join(SCREENSHOTS, `node-panel-${node.type.split('.')[1]}.png`),
		animations: 'disabled',
	});
});

test.each(examples.map((workflow) => [workflow.name, workflow] as const))(
	'the example "%s" opens with every node installed and every icon shown',
	async (_name, workflow) => {
		await page.goto(`${base}/workflow/${workflow.id}`);
		const shown = await canvasNodes();
		const expected = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote');
		expect(shown.map((node) => node.name).sort()).toEqual(expected.map((node) => node.name).sort());
		expect(shown.filter((node) => node.notInstalled)).toEqual([]);
		const ours = shown.filter((node) => node.type?.startsWith(`${PACKAGE_NAME}.`));
		expect(ours.length).toBeGreaterThan(0);
		for (const node of ours)
			expect(node.icon).toEqual({
				src: expect.stringContaining(`/icons/${PACKAGE_NAME}/`),
				loaded: true,
			});
		await page.screenshot({ path: path.join(SCREENSHOTS, `example-${workflow.id}.png`) });
	},
);

test('the check sees a node the pack does not have', async () => {
	await page.goto(`${base}/workflow/browserNotInPack`);
	const notInstalled = (await canvasNodes())
		.filter((node) => node.notInstalled)
		.map((node) => node.type);
	expect(notInstalled.length).toBeGreaterThan(0);
	expect(new Set(notInstalled)).toEqual(new Set([NOT_IN_PACK]));
});

test('no icon of the pack failed to load', () => {
	expect(brokenIcons).toEqual([]);
});
