/**
 * The four cross-vendor examples, imported as they are into a running n8n (`n8n start`) with the sandbox's
 * credentials and seeded fakes, activated, and driven only by what staff do in each vendor's app: the
 * triggers (polled by n8n's scheduler every minute, or MileApp's webhook) start them, and the fakes must end
 * up holding the linked state in both systems, each write made once.
 */
import { freePort } from './harness/processes';
import type { N8nWorkflow } from './harness/workflowBuilder';
import { waitFor as waitForIn8n } from './harness/waiting';
import { createN8nInstance, type N8nInstance } from './harness/instance';
import { CrossVendorFakes, crossVendorWorkflows, mileAppExampleWebhook } from './crossVendorFlows';

jest.setTimeout(20 * 60_000);

const workflows = crossVendorWorkflows();
const fakes = new CrossVendorFakes();
let n8n: N8nInstance;

const runsOf = async (workflow: N8nWorkflow) =>
	(await n8n.storedExecutions()).filter((execution) => execution.workflowId === workflow.id);

function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs = 5 * 60_000,
): Promise<T> {
	return waitForIn8n(what, probe, diagnosis, timeoutMs);
}

async function diagnosis(): Promise<string> {
	const stored = (await n8n.storedExecutions()).map(
		(execution) => `  ${execution.id} ${execution.workflowId} ${execution.status}`,
	);
	const sent = fakes.mileApp.deliveries.map(
		(delivery) => `  ${delivery.event} → ${delivery.url}: ${delivery.status ?? delivery.error}`,
	);
	return [
		'n8n stored executions:',
		...stored,
		'MileApp delivered:',
		...sent,
		n8n.serverLog.slice(-4000),
	].join('\n');
}

beforeAll(async () => {
	await fakes.start();
	const port = await freePort();
	n8n = await createN8nInstance({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	await n8n.importCredentials(fakes.credentials());
	await n8n.importWorkflows(Object.values(workflows));
	for (const workflow of Object.values(workflows)) await n8n.publish(workflow.id!);
	// Set up by hand in MileApp's web app: the example trigger's Production URL, for finished tasks.
	fakes.mileApp.addWebhook(mileAppExampleWebhook(fakes, workflows, `http://127.0.0.1:${port}`));
	await n8n.startServer(port);
});

afterAll(async () => {
	await n8n?.cleanup();
	await fakes.stop();
});

test('staff work in each app; the examples keep the linked tasks in step, each write made once', async () => {
	// Activation: each polling trigger reads once to know what already exists (two workflows watch Oliver).
	await waitFor(
		'the baseline polls',
		() => fakes.oliverPolls().length >= 2 && fakes.openDentalPolls().length >= 1,
	);
	const day = await fakes.playStaffDay(waitFor);
	await fakes.expectLinkedState(day, workflows, runsOf, waitFor);
});
