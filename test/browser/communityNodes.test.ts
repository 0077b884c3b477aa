/**
 * Settings → Community Nodes as an admin sees it after installing the pack the way n8n installs it: published
 * to a local registry and installed through n8n's community-packages endpoint (test/install has the pieces
 * and tests install, update and uninstall in full). A package put into the nodes folder by hand would not be
 * listed on this page at all. The screenshot goes to docs/screenshots/settings-community-nodes.png.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureN8n } from '../e2e/harness/install';
import { createN8nInstance, E2E_OWNER, type N8nInstance } from '../e2e/harness/instance';
import { packPackage } from '../e2e/harness/packAndInstall';
import { freePort, tail } from '../e2e/harness/processes';
import { PACKAGE_JSON, PACKAGE_NAME, REPO_ROOT } from '../e2e/harness/repo';
import {
	CommunityPackagesApi,
	enableCustomRegistry,
	installFromRegistryEnv,
} from '../install/communityPackages';
import { LocalRegistry } from '../install/registry';
import { launchBrowser, SCREENSHOTS, signedInPage } from './session';

jest.setTimeout(10 * 60_000);

let registry: LocalRegistry;
let n8n: N8nInstance;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
	registry = await LocalRegistry.start(await ensureN8n());
	n8n = await createN8nInstance({ installPack: false, env: installFromRegistryEnv(registry) });
	for (const secret of registry.secrets) n8n.addSecret(secret);
	await registry.publish(await packPackage(REPO_ROOT, path.join(n8n.root, 'pack')));
	await n8n.startServer(await freePort());
	base = `http://127.0.0.1:${n8n.serverPort}`;
	await enableCustomRegistry(base);
	const api = new CommunityPackagesApi(
		await n8n.ownerRest(),
		(text) => n8n.redact(text),
		() => tail(n8n.serverLog, 3000),
	);
	await api.install(PACKAGE_NAME);
	browser = await launchBrowser();
	page = await signedInPage(browser, base, E2E_OWNER);
});

afterAll(async () => {
	await browser?.close();
	try {
		await n8n?.cleanup();
	} finally {
		await registry?.stop();
	}
});

test('Settings → Community Nodes lists the installed pack with its version and nodes, loaded', async () => {
	await page.goto(`${base}/settings/community-nodes`);
	// While the list loads, n8n shows placeholder cards under the same test id, without text.
	const cards = page.locator('[data-test-id="community-package-card"]');
	await cards.filter({ hasText: PACKAGE_NAME }).waitFor();
	const listed = (await cards.allInnerTexts()).filter((text) => text.trim() !== '');
	expect(listed).toHaveLength(1);
	const [text] = listed;
	expect(text).toContain(PACKAGE_NAME);
	expect(text).toContain(`v${PACKAGE_JSON.version}`);
	expect(text).toContain('10 nodes');
	for (const node of ['Oliver Trigger', 'Open Dental', 'Plannr', 'MileApp', 'Humanity'])
		expect(text).toContain(node);
	// n8n shows a warning on a package that failed to load.
	expect(text).not.toMatch(/failed|not loaded|error/i);
	await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-community-nodes.png') });
});
