/**
 * The README's "Your first flow", done as a new user does it: on an empty canvas, only by clicking, typing and
 * dragging in n8n's editor (Debian's chromium, driven by playwright-core), "Open Dental task done → complete
 * the linked Oliver task" is built, saved and published. Then a task marked done in the sandbox's fake Open
 * Dental completes the Oliver task it names, and nothing else in Oliver changes.
 *
 * The fakes hold the sandbox's data (seedSandbox, and the linked tasks of test/fakes/linkedSandboxTasks.ts) and
 * n8n its credentials, as `npm start` sets them up. Each step is screenshotted at 1600×1000, the whole window,
 * into docs/tutorial/ (the README shows them).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { freePort } from '../e2e/harness/processes';
import { REPO_ROOT } from '../e2e/harness/repo';
import type { RestCaller } from '../e2e/harness/rest';
import { createN8nInstance, E2E_OWNER, type N8nInstance } from '../e2e/harness/instance';
import { waitFor } from '../e2e/harness/waiting';
import {
	linkSandboxTasks,
	markDoneInOpenDental,
	type LinkedTasks,
} from '../fakes/linkedSandboxTasks';
import { OliverFake } from '../fakes/oliver';
import { OpenDentalFake } from '../fakes/openDental';
import { EXAMPLES_LIST_PATH, signInToExamplesLink } from '../../scripts/sandboxExamples';
import { launchBrowser, signedInPage } from './session';

jest.setTimeout(15 * 60_000);

const TUTORIAL = path.join(REPO_ROOT, 'docs/tutorial');
const WINDOW = { width: 1600, height: 1000 };
const FLOW_NAME = 'Open Dental task done → complete the Oliver task';

const oliver = new OliverFake();
const openDental = new OpenDentalFake();
let linked: LinkedTasks;
let n8n: N8nInstance;
let rest: RestCaller;
let browser: Browser;
let page: Page;
let base: string;
let workflowId: string;
/** The trigger's reads of Open Dental's done tasks when the workflow was published. */
let pollsAtPublish: number;
let shots = 0;

/** The step's screenshot (docs/tutorial/NN-<name>.png), with the editor's animations finished. */
async function screenshot(name: string): Promise<void> {
	shots += 1;
	await page.screenshot({
		path: path.join(TUTORIAL, `${String(shots).padStart(2, '0')}-${name}.png`),
		animations: 'disabled',
	});
}

const byTestId = (id: string) => page.locator(`[data-test-id="${id}"]`);
const panelItem = (name: string) =>
	page.locator(`[data-test-id="node-creator-item-name"]:text-is("${name}")`);

/** Drags `from` onto `to` with the mouse, as a person does (n8n maps on mouse moves, not HTML drag events). */
async function drag(from: Locator, to: Locator, beforeDrop: () => Promise<void>): Promise<void> {
	const start = await from.boundingBox();
	const end = await to.boundingBox();
	if (!start || !end) throw new Error('what to drag, or where to, is not on screen');
	await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
	await page.mouse.down();
	await page.mouse.move(start.x + start.width / 2 + 20, start.y + start.height / 2, { steps: 5 });
	await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 20 });
	await beforeDrop();
	await page.mouse.up();
}

/** The reads of Open Dental's done tasks (each poll of the trigger, and "Fetch Test Event", makes one). */
const donePolls = () =>
	openDental.requests.filter(
		(request) =>
			request.path.endsWith('/tasks') &&
			request.query.TaskStatus === 'Done' &&
			!Number(request.query.Offset ?? 0),
	).length;

/** The writes to Oliver's staff tasks (every request to them but a read; sign-ins are not listed). */
const oliverWrites = () =>
	oliver.requests
		.filter((request) => request.method !== 'GET' && request.path.includes('/staff_tasks'))
		.map(({ method, path: where, body }) => ({ method, path: where, body }));

beforeAll(async () => {
	rmSync(TUTORIAL, { recursive: true, force: true });
	mkdirSync(TUTORIAL, { recursive: true });
	await Promise.all([oliver.start(), openDental.start()]);
	oliver.seedSandbox();
	openDental.seedSandbox();
	linked = linkSandboxTasks(oliver, openDental);
	n8n = await createN8nInstance();
	// The sandbox's credentials (scripts/start.ts): Open Dental's paced to its Remote API throttle.
	await n8n.importCredentials([
		{
			id: 'oliverSandbox',
			name: 'Oliver sandbox',
			type: 'oliverApi',
			data: oliver.credentialData(),
		},
		{
			id: 'openDentalSandbox',
			name: 'Open Dental sandbox',
			type: 'openDentalApi',
			data: { ...openDental.credentialData(), rateLimit: 'perSecond' },
		},
	]);
	const port = await freePort();
	await n8n.startServer(port);
	base = `http://127.0.0.1:${port}`;
	rest = await n8n.ownerRest();
	browser = await launchBrowser();
	// Signed in through the link `npm start` prints, which opens the examples' list.
	page = await signedInPage(browser, base, E2E_OWNER, WINDOW, signInToExamplesLink(base));
});

afterAll(async () => {
	await browser?.close();
	await n8n?.cleanup();
	await Promise.all([oliver.stop(), openDental.stop()]);
});

test('"Open Dental task done → complete the linked Oliver task" is built on an empty canvas by clicking, and published', async () => {
	// The sandbox's sign-in link lands on the workflows' list, with "Create workflow".
	expect(new URL(page.url()).pathname).toBe(EXAMPLES_LIST_PATH);
	await page.getByRole('button', { name: 'Create workflow', exact: true }).click();
	await byTestId('canvas-add-button').waitFor();
	await screenshot('empty-canvas');

	// The workflow's name, typed where n8n shows "My workflow".
	await byTestId('inline-edit-preview').click();
	await page.keyboard.press('Control+a');
	await page.keyboard.type(FLOW_NAME);
	await page.keyboard.press('Enter');

	// 1. The trigger: Open Dental, "On task completed".
	await byTestId('canvas-add-button').click();
	await byTestId('node-creator-search-bar').fill('Open Dental');
	await panelItem('Open Dental').click();
	await panelItem('On task completed').waitFor();
	await screenshot('open-dental-triggers');
	await panelItem('On task completed').click();
	await byTestId('ndv').waitFor();

	// Its event and credential, picked from their lists.
	await byTestId('parameter-input-event').click();
	await page.getByRole('option', { name: /^Task Completed/ }).click();
	await byTestId('node-credentials-select').click();
	await byTestId('node-credentials-select-item-openDentalSandbox').click();
	await expect(byTestId('parameter-input-event').locator('input').inputValue()).resolves.toBe(
		'Task Completed',
	);
	await screenshot('trigger-event-and-credential');

	// "Fetch Test Event": the newest completed task, which names an Oliver task.
	await byTestId('ndv').locator('[data-test-id="node-execute-button"]').first().click();
	await byTestId('output-panel').locator('table tbody tr').first().waitFor();
	// As a schema, every field shows, links → oliver among them (a table cuts the last columns off).
	await byTestId('output-panel').getByRole('radio', { name: 'Schema' }).click();
	await byTestId('output-panel')
		.locator('[data-test-id="run-data-schema-item"]', { hasText: /^oliver/ })
		.waitFor();
	await screenshot('trigger-test-event');
	await byTestId('ndv-close-button').click();

	// 2. The action: Oliver, "Complete a staff task", after the trigger.
	await byTestId('canvas-handle-plus').first().click();
	await byTestId('node-creator-search-bar').fill('Oliver');
	await panelItem('Oliver').click();
	await panelItem('Complete a staff task').waitFor();
	await screenshot('oliver-actions');
	await panelItem('Complete a staff task').click();
	await byTestId('ndv').waitFor();
	await screenshot('oliver-complete-opened');

	// Task ID: the trigger's links → oliver, dragged from the input panel onto the field.
	const oliverLink = byTestId('ndv-input-panel')
		.locator('[data-test-id="run-data-schema-item"]', { hasText: /^oliver/ })
		.locator('span')
		.first();
	await drag(oliverLink, byTestId('parameter-input-taskId'), () =>
		screenshot('drag-link-to-task-id'),
	);
	// The field turns into an expression ("By ID"), and n8n shows what it gives for the sample.
	await byTestId('ndv').locator('.cm-content', { hasText: '{{ $json.links.oliver }}' }).waitFor();
	await expect(byTestId('ndv').textContent()).resolves.toContain(linked.done.oliverTaskId);
	await screenshot('task-id-mapped');
	await byTestId('ndv-close-button').click();
	await screenshot('flow-on-canvas');

	// 3. Save, then publish.
	await page.keyboard.press('Control+s');
	await page.waitForURL((url) => /\/workflow\/(?!new)[^/]+$/.test(url.pathname));
	workflowId = new URL(page.url()).pathname.split('/').pop() as string;
	await byTestId('workflow-open-publish-modal-button').click();
	await byTestId('workflow-publish-button').waitFor();
	await screenshot('publish');
	pollsAtPublish = donePolls();
	await byTestId('workflow-publish-button').click();
	await byTestId('workflowPublish-modal').waitFor({ state: 'hidden' });
	await screenshot('published');

	// What was saved is what the clicks chose.
	const saved = await rest('GET', `/rest/workflows/${workflowId}`);
	const workflow = (saved.body as { data: SavedWorkflow }).data;
	expect(workflow.name).toBe(FLOW_NAME);
	expect(workflow.active).toBe(true);
	const trigger = workflow.nodes.find((node) => node.type.endsWith('.openDentalTrigger'));
	const action = workflow.nodes.find((node) => node.type.endsWith('.oliver'));
	expect(trigger).toMatchObject({
		parameters: { event: 'taskCompleted' },
		credentials: { openDentalApi: { id: 'openDentalSandbox' } },
	});
	expect(action).toMatchObject({
		parameters: {
			operation: 'complete',
			taskId: { __rl: true, mode: 'id', value: '={{ $json.links.oliver }}' },
		},
		credentials: { oliverApi: { id: 'oliverSandbox' } },
	});
	expect(workflow.connections[String(trigger?.name)].main[0][0].node).toBe(action?.name);
});

test('a task marked done in Open Dental completes the Oliver task it names, and nothing else', async () => {
	expect(workflowId).toBeDefined();
	// Two polls after publishing: the one at activation and the first scheduled one (or n8n's retry of the
	// first). Only then is the trigger's memory of what was done already surely kept: a task done before it
	// would be part of that memory and never start the workflow.
	await waitFor(
		'the published trigger to read Open Dental twice',
		() => donePolls() >= pollsAtPublish + 2,
		() => n8n.serverLog,
	);
	expect(oliverWrites()).toEqual([]);
	markDoneInOpenDental(openDental, linked.open.openDentalTaskNum);
	const pollsBefore = donePolls();

	await waitFor(
		'the Oliver task to be completed',
		() => oliver.tasks.get(linked.open.oliverTaskId)?.status === 'completed',
		() => `Oliver writes: ${JSON.stringify(oliverWrites())}\n${n8n.serverLog}`,
	);
	expect(donePolls()).toBeGreaterThan(pollsBefore);
	expect(oliverWrites()).toEqual([
		{
			method: 'PUT',
			path: expect.stringMatching(new RegExp(`/staff_tasks/${linked.open.oliverTaskId}$`)),
			body: { status: 'completed' },
		},
	]);

	await page.goto(`${base}/workflow/${workflowId}/executions`);
	// The run, opened: both nodes marked successful.
	await byTestId('canvas-node-status-success').nth(1).waitFor();
	// n8n's "Production Checklist" opens over the list after a first publish: closed, as a user would.
	const checklistClose = byTestId('suggested-actions-close');
	if (await checklistClose.isVisible()) await checklistClose.click();
	await screenshot('execution');
});

test('the README\'s "Your first flow" shows every step\'s screenshot, and only those', () => {
	const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('### Your first flow'));
	const shown = [...section.matchAll(/\]\(docs\/tutorial\/([^)]+)\)/g)].map((match) => match[1]);
	const taken = readdirSync(TUTORIAL).filter((file) => file.endsWith('.png'));
	// The empty canvas is the one step the README tells in words.
	expect(new Set(shown)).toEqual(
		new Set(taken.filter((file) => !file.endsWith('-empty-canvas.png'))),
	);
});

interface SavedWorkflow {
	name: string;
	active: boolean;
	nodes: Array<{ name: string; type: string; parameters: object; credentials?: object }>;
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}
