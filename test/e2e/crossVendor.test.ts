/**
 * The four cross-vendor examples, imported as they are into a running n8n (`n8n start`) with the sandbox's
 * credentials and seeded fakes, activated, and driven only by what staff do in each vendor's app: the
 * triggers (polled by n8n's scheduler every minute, or MileApp's webhook) start them, and the fakes must end
 * up holding the linked state in both systems, each write made once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { HumanityFake } from '../fakes/humanity';
import { MileAppFake } from '../fakes/mileApp';
import { OliverFake, OLIVER_API_PREFIX } from '../fakes/oliver';
import { OPEN_DENTAL_API_PREFIX, OpenDentalFake } from '../fakes/openDental';
import { PlannrFake } from '../fakes/plannr';
import { createN8nInstance, freePort, isFinished, waitFor as waitForIn8n, type N8nInstance, type N8nWorkflow } from './n8n';

jest.setTimeout(20 * 60_000);

const EXAMPLES = {
	odDoneCompletesOliver: 'cross-open-dental-done-completes-oliver',
	oliverCreatesOdTask: 'cross-oliver-task-creates-open-dental-task',
	mileAppDoneCompletesPlannr: 'cross-mileapp-finished-completes-plannr',
	oliverRefillToHumanity: 'cross-oliver-refill-adds-humanity-shift-task',
};
const example = (file: string) => JSON.parse(readFileSync(path.join(__dirname, '../../examples', `${file}.json`), 'utf8')) as N8nWorkflow;
const workflows = Object.fromEntries(Object.entries(EXAMPLES).map(([key, file]) => [key, example(file)])) as Record<keyof typeof EXAMPLES, N8nWorkflow>;

const oliver = new OliverFake();
// Open Dental's Remote throttle is tested on its own (test/engine/openDental.test.ts); here the office is local.
const openDental = new OpenDentalFake({ throttle: null });
const plannr = new PlannrFake();
const mileApp = new MileAppFake();
const humanity = new HumanityFake();
const fakes = [oliver, openDental, plannr, mileApp, humanity];
let n8n: N8nInstance;

const reference = (vendor: string, id: string | number) => `[taskbridge:${vendor}:${id}]`;
const oliverPolls = () => oliver.requests.filter((request) => request.path === `${OLIVER_API_PREFIX}/staff_tasks`).length;
const openDentalPolls = () => openDental.requests.filter((request) => request.method === 'GET' && request.path === `${OPEN_DENTAL_API_PREFIX}/tasks`).length;
const mirrorsOf = (oliverTaskId: string) => [...openDental.tasks.values()].filter((task) => task.Descript.includes(reference('oliver', oliverTaskId)));
const runsOf = async (workflow: N8nWorkflow) => (await n8n.storedExecutions()).filter((execution) => execution.workflowId === workflow.id);

function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5 * 60_000): Promise<T> {
	return waitForIn8n(what, probe, diagnosis, timeoutMs);
}

async function diagnosis(): Promise<string> {
	const stored = (await n8n.storedExecutions()).map((execution) => `  ${execution.id} ${execution.workflowId} ${execution.status}`);
	const sent = mileApp.deliveries.map((delivery) => `  ${delivery.event} → ${delivery.url}: ${delivery.status ?? delivery.error}`);
	return ['n8n stored executions:', ...stored, 'MileApp delivered:', ...sent, n8n.serverLog.slice(-4000)].join('\n');
}

/** As a receptionist does in Open Dental: the task marked Done. */
async function markDoneInOpenDental(taskNum: number): Promise<void> {
	const { developerApiKey, customerApiKey } = openDental.credentialData();
	const answer = await fetch(`${openDental.url}${OPEN_DENTAL_API_PREFIX}/tasks/${taskNum}`, {
		method: 'PUT',
		headers: { Authorization: `ODFHIR ${developerApiKey}/${customerApiKey}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ TaskStatus: 'Done' }),
	});
	expect(answer.status).toBe(200);
}

beforeAll(async () => {
	for (const fake of fakes) {
		await fake.start();
		fake.seedSandbox();
	}
	const port = await freePort();
	n8n = await createN8nInstance({ env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	// The credentials the examples name, as `npm start` makes them.
	await n8n.importCredentials([
		{ id: 'oliverSandbox', name: 'Oliver sandbox', type: 'oliverApi', data: oliver.credentialData() },
		{ id: 'openDentalSandbox', name: 'Open Dental sandbox', type: 'openDentalApi', data: { ...openDental.credentialData(), rateLimit: 'none' } },
		{ id: 'plannrSandbox', name: 'Plannr sandbox', type: 'plannrApi', data: plannr.credentialData() },
		{ id: 'mileAppSandbox', name: 'MileApp sandbox', type: 'mileAppApi', data: mileApp.credentialData() },
		{ id: 'humanitySandbox', name: 'Humanity sandbox', type: 'humanityApi', data: humanity.credentialData() },
	]);
	await n8n.importWorkflows(Object.values(workflows));
	for (const workflow of Object.values(workflows)) await n8n.publish(workflow.id!);
	// Set up by hand in MileApp's web app: the example trigger's Production URL, for finished tasks.
	const trigger = workflows.mileAppDoneCompletesPlannr.nodes.find((node) => node.type.endsWith('.mileAppTrigger'))!;
	mileApp.addWebhook({ url: `http://127.0.0.1:${port}/webhook/${String(trigger.webhookId)}/webhook`, events: ['onFinish'] });
	await n8n.startServer(port);
});

afterAll(async () => {
	await n8n?.cleanup();
	for (const fake of fakes) await fake.stop();
});

test('staff work in each app; the examples keep the linked tasks in step, each write made once', async () => {
	// Activation: each polling trigger reads once to know what already exists (two workflows watch Oliver).
	await waitFor('the baseline polls', () => oliverPolls() >= 2 && openDentalPolls() >= 1);

	// Oliver: a receptionist adds a staff task about a patient, and a vet a prescription refill due at noon.
	const [client] = [...oliver.clients.values()];
	const callback = oliver.addTask({ title: 'Call owner about lab results', description: 'Bloodwork is back.', client_id: client.id });
	const refillAt = humanity.zoned().startOf('day').plus({ hours: 12 });
	const refill = oliver.addTask({ title: 'Refill carprofen 75 mg', task_type: 'rx_refill', client_id: client.id, reference_time_at: refillAt.toUTC().toISO() });

	// MileApp: a visit that mirrors a Plannr task is created, assigned and finished in the field.
	const plannrTask = [...plannr.tasks.values()].find((task) => task.completed_at === null)!;
	const visit = [...mileApp.flows.values()].find((flow) => flow.name === 'Visit')!;
	const [hub] = [...mileApp.hubs.values()];
	const [worker] = [...mileApp.users.values()].filter((user) => user.hubIds === 'all' || user.hubIds.includes(hub._id));
	const visitTask = mileApp.createTask({
		flowId: visit._id,
		hubId: hub._id,
		fields: { customerName: 'Tom Hughes', address: '1 High Street', notes: `Annual review visit ${reference('plannr', plannrTask.uuid)}` },
	});
	mileApp.assignTask(visitTask._id, [worker.email]);
	mileApp.finishTask(visitTask._id);

	// 3. MileApp task finished → the linked Plannr task completed.
	await waitFor('the Plannr task completed', () => plannr.tasks.get(plannrTask.uuid)!.completed_at !== null);

	// 2. Oliver task created → one linked Open Dental task for each, in Front Desk, from Admin.
	const [callbackMirror] = await waitFor('an Open Dental task mirroring each Oliver task', () => {
		const mirrors = [mirrorsOf(callback.id), mirrorsOf(refill.id)];
		return mirrors.every((found) => found.length > 0) && mirrors.map((found) => found[0]);
	});
	expect(callbackMirror).toMatchObject({ TaskListNum: 1, UserNum: 1, TaskStatus: 'New' });
	expect(callbackMirror.Descript).toBe(`Call owner about lab results\nBloodwork is back.\n\nFrom Oliver ${reference('oliver', callback.id)}`);

	// 4. Oliver refill → a time-boxed task on today's Pharmacy shift, from noon for 30 minutes.
	const pharmacyShift = [...humanity.shifts.values()].find(
		(shift) => humanity.positions.get(shift.positionId)?.name === 'Pharmacy' && shift.startMs <= refillAt.toMillis() && shift.endMs > refillAt.toMillis(),
	)!;
	const [refillTask] = await waitFor('the refill on the Pharmacy shift', () => {
		const tasks = humanity.liveShiftTasks(pharmacyShift.id);
		return tasks.length > 0 && tasks;
	});
	expect(refillTask).toMatchObject({ name: 'Rx refill: Refill carprofen 75 mg', type: 2 });
	expect(refillTask.description).toContain(reference('oliver', refill.id));
	expect(DateTime.fromISO(refillTask.options!.startTime).toMillis()).toBe(refillAt.toMillis());
	expect(DateTime.fromISO(refillTask.options!.dueTime).toMillis()).toBe(refillAt.plus({ minutes: 30 }).toMillis());
	const master = [...humanity.masterTasks.values()].find((task) => task.name === 'Prescription refill')!;
	expect(refillTask.taskId).toBe(master.id);

	// 1. The receptionist marks the callback's Open Dental task done → the Oliver task is completed.
	await markDoneInOpenDental(callbackMirror.TaskNum);
	await waitFor('the Oliver task completed', () => oliver.tasks.get(callback.id)!.status === 'completed');

	// Every run finished well. Both Oliver tasks may come in one poll (one run) or two; that each was acted on
	// once is checked at the vendors below.
	for (const workflow of Object.values(workflows)) {
		const runs = await waitFor(`the runs of "${workflow.name}" finished`, async () => {
			const stored = await runsOf(workflow);
			return stored.length > 0 && stored.every(isFinished) && stored;
		});
		expect([workflow.name, runs.map((run) => run.status)]).toEqual([workflow.name, runs.map(() => 'success')]);
	}
	expect((await runsOf(workflows.oliverCreatesOdTask)).length).toBeLessThanOrEqual(2);
	for (const workflow of [workflows.oliverRefillToHumanity, workflows.odDoneCompletesOliver, workflows.mileAppDoneCompletesPlannr]) {
		expect([workflow.name, (await runsOf(workflow)).length]).toEqual([workflow.name, 1]);
	}
	expect(oliver.tasks.get(callback.id)).toMatchObject({ status: 'completed', finalized_at: expect.any(String) });
	expect(oliver.tasks.get(refill.id)).toMatchObject({ status: 'pending', finalized_at: null });
	expect([mirrorsOf(callback.id).length, mirrorsOf(refill.id).length]).toEqual([1, 1]);
	expect(openDental.tasks.get(callbackMirror.TaskNum)!.TaskStatus).toBe('Done');
	expect(humanity.liveShiftTasks(pharmacyShift.id)).toHaveLength(1);
	expect(plannr.requests.filter((request) => request.method === 'PATCH' && request.path.endsWith(`/task/${plannrTask.uuid}/complete`))).toHaveLength(1);
	expect(oliver.requests.filter((request) => request.method === 'PUT' && request.path.endsWith(`/staff_tasks/${callback.id}`))).toHaveLength(1);
});
