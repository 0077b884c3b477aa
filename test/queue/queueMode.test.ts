/**
 * The pack on n8n's queue mode: one main (`n8n start`) and two `n8n worker` processes sharing a private
 * PostgreSQL and Redis (test/queue/queueCluster.ts), each process with the pack installed as a community
 * package in its own user folder. What a user would notice:
 *
 * 1. The four cross-vendor examples, imported unchanged and active, keep the linked tasks in step exactly as
 *    on a single n8n (test/e2e/crossVendor.test.ts), each write made once; every execution was enqueued by
 *    the main and run by exactly one worker (the workers' "Worker started execution N" lines), none on main.
 * 2. A worker killed (SIGKILL) in the middle of a batch of webhook executions: what n8n does with the
 *    executions it had in flight (status in Postgres, the Bull job, whether another worker re-runs them, what
 *    the editor's Retry does), and at Plannr that no task was completed twice.
 * 3. A worker stopped (SIGTERM) in the middle of a batch: it finishes what it runs, then exits.
 * 4. A worker without the pack installed: it starts, but fails our workflows.
 * 5. Each polling trigger polled once per minute in the whole cluster (on the main), not once per process.
 *
 * Measured figures are printed as `[queue +Ns] ...` lines on stderr (docs/SCALING.md quotes a run).
 * TASKBRIDGE_QUEUE_LOGS=<dir> keeps the main's and workers' output there.
 */
import type { RecordedRequest } from '../fakes/kit';
import { freePort } from '../e2e/harness/processes';
import type { N8nWorkflow } from '../e2e/harness/workflowBuilder';
import { isFinished, waitFor as waitForIn8n } from '../e2e/harness/waiting';
import {
	CrossVendorFakes,
	crossVendorWorkflows,
	mileAppExampleWebhook,
} from '../e2e/crossVendorFlows';
import type { N8nWorker } from './n8nWorker';
import { startQueueCluster, type QueueCluster } from './queueCluster';

jest.setTimeout(20 * 60_000);

const workflows = crossVendorWorkflows();

/**
 * Bull's lock and stalled-job check, shortened so a killed worker's jobs are noticed in seconds rather than
 * minutes (n8n's defaults: lock 60 s renewed every 10 s, stalled check every 30 s). Only the timing changes.
 */
const BULL_TIMING = {
	QUEUE_WORKER_LOCK_DURATION: '15000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
};

const fakes = new CrossVendorFakes();
const { plannr, mileApp } = fakes;
let cluster: QueueCluster;
let mainPort = 0;

const started = Date.now();
const figures: string[] = [];
/** A measured figure: printed at once and again at the end. */
function report(line: string): void {
	const stamped = `[queue +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`;
	figures.push(stamped);
	process.stderr.write(`${stamped}\n`);
}

const oliverPolls = () => fakes.oliverPolls();
const openDentalPolls = () => fakes.openDentalPolls();
const plannrCompletions = (uuid: string) => fakes.plannrCompletions(uuid);
const runsOf = async (workflow: N8nWorkflow) =>
	(await cluster.executions()).filter((execution) => execution.workflowId === workflow.id);
const allWorkerStarts = () =>
	cluster.workers.flatMap((worker) =>
		worker.startedExecutions().map((execution) => ({ ...execution, worker: worker.name })),
	);

function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs = 5 * 60_000,
	everyMs = 1000,
): Promise<T> {
	if (everyMs >= 1000) return waitForIn8n(what, probe, diagnosis, timeoutMs);
	// A tighter loop for the moments that matter (a worker to kill while it runs something).
	return (async () => {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const value = await probe();
			if (value) return value;
			await new Promise((resolve) => setTimeout(resolve, everyMs));
		}
		throw new Error(`timed out waiting for ${what}\n${await diagnosis()}`);
	})();
}

async function diagnosis(): Promise<string> {
	const stored = (await cluster.executions().catch(() => [])).map(
		(execution) =>
			`  ${execution.id} ${execution.workflowId} ${execution.mode} ${execution.status}`,
	);
	const sent = mileApp.deliveries.map(
		(delivery) => `  ${delivery.event} → ${delivery.url}: ${delivery.status ?? delivery.error}`,
	);
	const workers = cluster.workers.map(
		(worker) =>
			`--- ${worker.name} (${worker.running ? 'running' : 'stopped'}):\n${cluster.main.redact(worker.log.slice(-2500))}`,
	);
	return [
		'executions in Postgres:',
		...stored,
		'MileApp delivered:',
		...sent,
		'--- main:',
		cluster.main.serverLog.slice(-3000),
		...workers,
	].join('\n');
}

const finishVisitFor = (plannrTaskUuid: string, customerName: string) =>
	fakes.finishVisitFor(plannrTaskUuid, customerName);

/** New open Plannr tasks, as an adviser adds them in Plannr. */
function addPlannrTasks(count: number, label: string): string[] {
	const open = [...plannr.tasks.values()].find((task) => task.completed_at === null)!;
	return Array.from(
		{ length: count },
		(_, i) =>
			plannr.addTask({
				name: `${label} ${i + 1}`,
				status_uuid: open.status_uuid,
				taskable_type: open.taskable_type,
				taskable_uuid: open.taskable_uuid,
			}).uuid,
	);
}

/** The moment every execution of a batch waits on Plannr (`allWaiting`): the worker that runs most of them. */
async function batchInFlight(
	allWaiting: () => boolean,
	label: string,
): Promise<{ victim: N8nWorker; inFlight: string[] }> {
	return await waitFor(
		`${label}: every execution of the batch waiting on Plannr, and a worker running some`,
		() => {
			if (!allWaiting()) return false;
			const running = cluster.workers.filter((worker) => worker.running);
			const [victim] = running.sort((a, b) => b.inFlight().length - a.inFlight().length);
			return (
				victim &&
				victim.inFlight().length > 0 && {
					victim,
					inFlight: victim.inFlight().map((execution) => execution.executionId),
				}
			);
		},
		60_000,
		100,
	);
}

beforeAll(async () => {
	await fakes.start();
	mainPort = await freePort();
	const t = Date.now();
	cluster = await startQueueCluster({
		workers: 2,
		mainPort,
		// In queue mode 2.x still runs manual (editor) executions on main unless told otherwise; n8n asks to offload them.
		env: { ...BULL_TIMING, OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' },
		mainEnv: { WEBHOOK_URL: `http://127.0.0.1:${mainPort}/` },
		beforeStart: async (main) => {
			// The sandbox's credentials (as `npm start` makes them) and the four examples, published before start.
			await main.importCredentials(fakes.credentials());
			await main.importWorkflows(Object.values(workflows));
			for (const workflow of Object.values(workflows)) await main.publish(workflow.id!);
		},
	});
	report(
		`Postgres, Redis, main and 2 workers up (migrations, imports and publishing included) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
	);
	mileApp.addWebhook(mileAppExampleWebhook(fakes, workflows, `http://127.0.0.1:${mainPort}`));
});

afterAll(async () => {
	if (figures.length)
		process.stderr.write(`\n[queue] figures of this run:\n${figures.join('\n')}\n`);
	await cluster?.stop();
	await fakes.stop();
});

let pollWindowStart = 0;

test('the four cross-vendor examples keep the linked tasks in step, each write made once, every run on a worker', async () => {
	// Activation (on the main, the leader): each polling trigger reads once to know what already exists.
	await waitFor(
		'the baseline polls',
		() => oliverPolls().length >= 2 && openDentalPolls().length >= 1,
	);
	pollWindowStart = Date.now();
	report(
		`baseline polls at activation: Oliver ${oliverPolls().length} (2 workflows), Open Dental ${openDentalPolls().length} (1 workflow)`,
	);

	const day = await fakes.playStaffDay(waitFor);
	await fakes.expectLinkedState(day, workflows, runsOf, waitFor);

	// Where they ran: main enqueued every execution, exactly one worker ran it, main ran none.
	const stored = await cluster.executions();
	const enqueued = new Set(cluster.enqueuedByMain().map((execution) => execution.executionId));
	const starts = allWorkerStarts();
	for (const execution of stored) {
		expect([execution.id, enqueued.has(execution.id)]).toEqual([execution.id, true]);
		expect([
			execution.id,
			starts.filter((start) => start.executionId === execution.id).length,
		]).toEqual([execution.id, 1]);
	}
	expect(cluster.main.serverLog).not.toMatch(/Worker started execution/);
	const byWorker = cluster.workers
		.map((worker) => `${worker.name} ${worker.startedExecutions().length}`)
		.join(', ');
	report(
		`cross-vendor examples done: ${stored.length} executions (${stored.map((execution) => `${execution.mode}`).join(', ')}), all enqueued by main, run by: ${byWorker}`,
	);
});

test('a worker killed (SIGKILL) mid-batch: its executions are marked failed, not re-run; no Plannr task is completed twice', async () => {
	const workflow = workflows.mileAppDoneCompletesPlannr;
	const before = (await runsOf(workflow)).length;
	const uuids = addPlannrTasks(6, 'SIGKILL batch');
	// Plannr is slow (12 s) to answer: for the first half the read ("Get the Plannr task"), so a worker killed
	// meanwhile has not sent the completion yet; for the second half the completion itself, so the write has
	// reached Plannr (which applies it) and only the answer is lost with the worker.
	const [beforeWrite, afterWrite] = [uuids.slice(0, 3), uuids.slice(3)];
	for (const uuid of beforeWrite)
		plannr.server.fault({
			method: 'GET',
			path: new RegExp(`/task/${uuid}$`),
			fault: { delayMs: 12_000 },
		});
	for (const uuid of afterWrite)
		plannr.server.fault({
			method: 'PATCH',
			path: new RegExp(`/task/${uuid}/complete$`),
			fault: { delayMs: 12_000 },
		});
	uuids.forEach((uuid, i) => finishVisitFor(uuid, `SIGKILL customer ${i + 1}`));

	const { victim, inFlight } = await batchInFlight(
		() =>
			beforeWrite.every((uuid) =>
				plannr.requests.some(
					(request) => request.method === 'GET' && request.path.endsWith(`/task/${uuid}`),
				),
			) && afterWrite.every((uuid) => plannrCompletions(uuid).length > 0),
		'SIGKILL',
	);
	const survivor = cluster.workers.find((worker) => worker !== victim && worker.running)!;
	const killedAt = Date.now();
	victim.kill();
	await victim.exited;
	report(
		`SIGKILL ${victim.name} while it ran executions ${inFlight.join(', ')} (${survivor.name} ran ${survivor.inFlight().length} of the batch)`,
	);

	// n8n 2.x: the lock of the dead worker's jobs expires, the survivor's stalled check finds them, and with
	// maxStalledCount 0 (hard-coded since 2.0) Bull fails them instead of queueing them again; main then
	// gives the worker 30 s to have saved a result and, finding none, records the execution as failed.
	const finalRows = await waitFor(
		'the interrupted executions to get a final status',
		async () => {
			const rows = (await cluster.executions()).filter((execution) =>
				inFlight.includes(execution.id),
			);
			return rows.length === inFlight.length && rows.every(isFinished) && rows;
		},
		3 * 60_000,
	);
	const settledAfter = ((Date.now() - killedAt) / 1000).toFixed(0);
	const jobIds = victim
		.startedExecutions()
		.filter((execution) => inFlight.includes(execution.executionId))
		.map((execution) => execution.jobId);
	const jobs = await Promise.all(jobIds.map((jobId) => cluster.redis!.bullJob(jobId)));
	report(
		`interrupted executions in Postgres after ~${settledAfter} s: ${finalRows.map((row) => `${row.id}=${row.status} (finished=${row.finished})`).join(', ')}`,
	);
	report(
		`their Bull jobs: ${jobs.map((job, i) => `job ${jobIds[i]} ${job.state}${job.failedReason ? ` "${job.failedReason}"` : ''}`).join(', ')}`,
	);
	const aborted = [
		...cluster.main.serverLog.matchAll(/Problem with execution (\d+): ([^\n]*)/g),
	].map((match) => `${match[1]}: ${match[2]}`);
	report(`main logged: ${aborted.join(' | ') || '(nothing)'}`);
	const stored = await cluster.executionRunData(inFlight[0]);
	report(
		`stored error of execution ${inFlight[0]}: "${stored.resultData?.error?.message}" (nodes with run data: ${Object.keys(stored.resultData?.runData ?? {}).join(', ') || 'none'})`,
	);

	// Nothing re-ran them: no worker started them again, and no new execution was made for them.
	await waitFor('the rest of the batch to finish', async () => {
		const runs = await runsOf(workflow);
		return runs.length >= before + uuids.length && runs.every(isFinished);
	});
	await new Promise((resolve) => setTimeout(resolve, 3000));
	for (const id of inFlight)
		expect([
			id,
			allWorkerStarts()
				.filter((start) => start.executionId === id)
				.map((start) => start.worker),
		]).toEqual([id, [victim.name]]);
	const runs = await runsOf(workflow);
	expect(runs).toHaveLength(before + uuids.length);
	for (const row of finalRows) expect([row.id, row.status]).toEqual([row.id, 'error']);
	const others = runs.slice(before).filter((run) => !inFlight.includes(run.id));
	expect(others.map((run) => run.status)).toEqual(others.map(() => 'success'));

	// MileApp delivered each finished visit once, answered 200 at once by the main (the trigger answers on receipt).
	expect(mileApp.deliveries.map((delivery) => [delivery.status, delivery.attempt])).toEqual(
		mileApp.deliveries.map(() => [200, 1]),
	);
	// At Plannr, once every delayed answer is out: no task completed twice. A task whose execution died before
	// its write stays open (nothing re-runs it); one whose write had been sent is completed, once.
	await waitFor(
		'Plannr to have answered every delayed request',
		() =>
			plannr.tasks.size > 0 &&
			afterWrite.every((uuid) => plannr.tasks.get(uuid)!.completed_at !== null),
		60_000,
	);
	const completions = uuids.map((uuid) => plannrCompletions(uuid).length);
	expect(completions.every((count) => count <= 1)).toBe(true);
	expect(afterWrite.map((uuid) => plannrCompletions(uuid).length)).toEqual(afterWrite.map(() => 1));
	const lost = uuids.filter((uuid) => plannr.tasks.get(uuid)!.completed_at === null);
	expect(lost.every((uuid) => beforeWrite.includes(uuid))).toBe(true);
	const landedForInterrupted = uuids.length - lost.length - others.length;
	// Each succeeded execution completed one task; each interrupted one either had sent its write or lost it.
	expect(lost.length + landedForInterrupted).toBe(inFlight.length);
	report(
		`SIGKILL batch of ${uuids.length}: ${inFlight.length} interrupted (status error, not re-run), ${others.length} succeeded on ${survivor.name}; ` +
			`Plannr completions per task: ${completions.join(',')}; interrupted before their write: ${lost.length} (task left open), after it: ${landedForInterrupted} (task completed once)`,
	);

	// What the editor's Retry button does with one (main kept no input for it: "nodes with run data: none").
	const rest = await cluster.main.ownerRest();
	const retried = await rest('POST', `/rest/executions/${inFlight[0]}/retry`, {
		loadWorkflow: false,
	});
	const retryRuns =
		retried.status === 200
			? await waitFor(
					'the retry to finish',
					async () => {
						const found = (await cluster.executions()).filter(
							(execution) => execution.retryOf === inFlight[0],
						);
						return found.length > 0 && found.every(isFinished) && found;
					},
					60_000,
				)
			: [];
	const retryWorker =
		allWorkerStarts().find((start) => retryRuns.some((run) => run.id === start.executionId))
			?.worker ?? 'no worker';
	report(
		`Retry of execution ${inFlight[0]}: HTTP ${retried.status}${retried.status === 200 ? '' : ` ${JSON.stringify(retried.body).slice(0, 200)}`}; retry executions: ${retryRuns.map((run) => `${run.id}=${run.status} (${run.mode}, on ${retryWorker})`).join(', ') || 'none'}`,
	);
	for (const run of retryRuns) {
		const data = await cluster.executionRunData(run.id);
		report(
			`  retry ${run.id} ran nodes: ${Object.keys(data.resultData?.runData ?? {}).join(', ') || 'none'}${data.resultData?.error ? `; error "${data.resultData.error.message}"` : ''}`,
		);
	}
	// The retry wrote nothing more.
	expect(uuids.map((uuid) => plannrCompletions(uuid).length)).toEqual(completions);
});

test('a worker stopped (SIGTERM) mid-batch finishes what it runs, then exits; nothing is run twice', async () => {
	// Back to two workers, as an orchestrator would restart the killed one.
	const t = Date.now();
	await cluster.addWorker();
	report(`replacement worker ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	const workflow = workflows.mileAppDoneCompletesPlannr;
	const before = (await runsOf(workflow)).length;
	const uuids = addPlannrTasks(4, 'SIGTERM batch');
	plannr.server.fault({
		method: 'PATCH',
		path: /\/task\/[^/]+\/complete$/,
		fault: { delayMs: 8_000 },
		times: uuids.length,
	});
	uuids.forEach((uuid, i) => finishVisitFor(uuid, `SIGTERM customer ${i + 1}`));

	const { victim, inFlight } = await batchInFlight(
		() => uuids.every((uuid) => plannrCompletions(uuid).length > 0),
		'SIGTERM',
	);
	const stoppedAt = Date.now();
	victim.terminate();
	const exit = await victim.exited;
	const exitAfter = ((Date.now() - stoppedAt) / 1000).toFixed(1);
	report(
		`SIGTERM ${victim.name} while it ran executions ${inFlight.join(', ')}: it exited (code ${exit.code}, signal ${exit.signal}) after ${exitAfter} s`,
	);
	expect(victim.finishedExecutions().map((execution) => execution.executionId)).toEqual(
		expect.arrayContaining(inFlight),
	);

	const runs = await waitFor('the batch to finish', async () => {
		const stored = (await runsOf(workflow)).slice(before);
		return stored.length === uuids.length && stored.every(isFinished) && stored;
	});
	for (const run of runs.filter((candidate) => candidate.status !== 'success')) {
		const data = await cluster.executionRunData(run.id);
		report(
			`SIGTERM batch: execution ${run.id} ${run.status}: "${data.resultData?.error?.message}" ${data.resultData?.error?.description ?? ''} (last node ${data.resultData?.lastNodeExecuted})`,
		);
	}
	expect(runs.map((run) => run.status)).toEqual(runs.map(() => 'success'));
	for (const run of runs)
		expect([
			run.id,
			allWorkerStarts().filter((start) => start.executionId === run.id).length,
		]).toEqual([run.id, 1]);
	expect(uuids.every((uuid) => plannr.tasks.get(uuid)!.completed_at !== null)).toBe(true);
	expect(uuids.map((uuid) => plannrCompletions(uuid).length)).toEqual(uuids.map(() => 1));
	report(
		`SIGTERM batch of ${uuids.length}: all success, ${inFlight.length} finished by the stopping worker before it exited; Plannr completions per task: ${uuids.map((uuid) => plannrCompletions(uuid).length).join(',')}`,
	);
});

test('a worker without the pack installed cannot run the workflows: every worker needs it', async () => {
	// Only a worker that lacks the package is left to take jobs (the others stop gracefully).
	for (const worker of cluster.workers.filter((candidate) => candidate.running))
		await worker.stop();
	const bare = await cluster.addWorker({ installPackage: false });
	const workflow = workflows.mileAppDoneCompletesPlannr;
	const before = (await runsOf(workflow)).length;
	const [uuid] = addPlannrTasks(1, 'No-package worker');
	finishVisitFor(uuid, 'No-package customer');
	const [run] = await waitFor(
		'the execution on the worker without the pack',
		async () => {
			const stored = (await runsOf(workflow)).slice(before);
			return stored.length === 1 && stored.every(isFinished) && stored;
		},
		90_000,
	);
	const data = await cluster.executionRunData(run.id);
	const message = data.resultData?.error?.message ?? '';
	report(
		`worker without the pack (${bare.name}): execution ${run.id} ${run.status}: "${message}"; the Plannr task stayed ${plannr.tasks.get(uuid)!.completed_at === null ? 'open' : 'completed'}`,
	);
	expect(bare.startedExecutions().map((execution) => execution.executionId)).toEqual([run.id]);
	expect(run.status).toBe('error');
	expect(message).toMatch(/n8n-nodes-taskbridge|[Uu]nrecognized node type|not (known|installed)/);
	expect(plannrCompletions(uuid)).toHaveLength(0);
});

/** Poll times grouped by their second in the minute: n8n gives each poller ("every minute") its own random second. */
function byPhase(times: number[]): number[][] {
	const groups: number[][] = [];
	const distance = (a: number, b: number) => Math.min(Math.abs(a - b), 60_000 - Math.abs(a - b));
	for (const at of [...times].sort((a, b) => a - b)) {
		const group = groups.find((candidate) => distance(candidate[0] % 60_000, at % 60_000) <= 2000);
		if (group) group.push(at);
		else groups.push([at]);
	}
	return groups;
}

test('each polling trigger polled once per minute in total, from the main, not once per process', async () => {
	const end = Date.now();
	const minutes = (end - pollWindowStart) / 60_000;
	const inWindow = (requests: RecordedRequest[]) =>
		requests
			.filter((request) => request.at > pollWindowStart && request.at <= end)
			.map((request) => request.at);
	const oliverTimes = inWindow(oliverPolls());
	const odTimes = inWindow(openDentalPolls());
	const describe = (groups: number[][]) =>
		groups
			.map((group) => `second ${Math.floor((group[0] % 60_000) / 1000)}: ${group.length}`)
			.join(', ');
	report(
		`polls over ${minutes.toFixed(2)} min with 1 main and ${cluster.workers.length} worker processes over the run: Oliver ${oliverTimes.length} (2 workflows, expected ${2 * Math.floor(minutes)}–${2 * Math.ceil(minutes)}; ${describe(byPhase(oliverTimes))}), ` +
			`Open Dental ${odTimes.length} (1 workflow, expected ${Math.floor(minutes)}–${Math.ceil(minutes)}; ${describe(byPhase(odTimes))})`,
	);
	// A poll every minute fires floor() or ceil() times in a window; a poller per process would multiply it.
	expect(odTimes.length).toBeGreaterThanOrEqual(Math.floor(minutes));
	expect(odTimes.length).toBeLessThanOrEqual(Math.ceil(minutes));
	expect(oliverTimes.length).toBeGreaterThanOrEqual(2 * Math.floor(minutes));
	expect(oliverTimes.length).toBeLessThanOrEqual(2 * Math.ceil(minutes));
	// One poller per workflow in the whole cluster: one second-of-the-minute per workflow (two Oliver workflows
	// may share one), and a minute between the polls of each.
	expect(byPhase(odTimes)).toHaveLength(1);
	expect(byPhase(oliverTimes).length).toBeLessThanOrEqual(2);
	const gapsOf = (groups: number[][]) =>
		groups.flatMap((group) => group.slice(1).map((at, i) => (at - group[i]) / 1000));
	const [odGaps, oliverGaps] = [gapsOf(byPhase(odTimes)), gapsOf(byPhase(oliverTimes))];
	report(
		`gaps between polls of one second-of-the-minute (s): Open Dental ${odGaps.map((gap) => gap.toFixed(1)).join(', ')}; Oliver ${oliverGaps.map((gap) => gap.toFixed(1)).join(', ')}`,
	);
	for (const gap of odGaps) expect(Math.abs(gap - 60)).toBeLessThan(3);
	// (Should both Oliver workflows have drawn the same second, their polls come in pairs a moment apart.)
	for (const gap of oliverGaps) expect(gap < 3 || Math.abs(gap - 60) < 3).toBe(true);
});
