/**
 * `npm run bench`: measures the pack and writes docs/BENCHMARKS.md. Every figure in that file comes from
 * this run, printed beside its goal and whether it was met; where a goal is missed, the section explains why
 * from what it measured. Run as the `bench` jest project (jest.config.js), in band, about 5 minutes on two
 * cores; it holds the e2e lock (/tmp/taskbridge-e2e.lock) throughout and never touches the repo's dist/.
 *
 *   1. updates.ts        2,000 Oliver updates: our node vs n8n's HTTP Request node (real n8n) vs a plain loop
 *   2. paging.ts         Oliver Get Many, Return All, over 1,000 / 10,000 / 50,000 tasks (engine layer)
 *   3. humanityEdits.ts  Humanity: k = 1, 10, 100 shift-task edits on one shift in one run (engine layer)
 *   4. throttle.ts       Open Dental at 1 request per second: rate used, calls refused (engine layer)
 *   5. packageSize.ts    `npm pack` size and the time to require every node and credential file
 *   6. pollRequests.ts   each polling trigger's requests per poll at 100, 1,000 and 10,000 watched tasks (engine layer)
 *
 * The engine layer is test/engine/harness/ (n8n-core's WorkflowExecute against the loopback fakes in
 * test/fakes); the real n8n is test/e2e/harness/ (instance.ts), given the package the bench builds into a temp folder
 * (builtPackage.ts). TASKBRIDGE_KEEP_BENCH=1 keeps that folder.
 */
import { mkdtempSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../test/e2e/harness/repo';
import { DEFAULT_N8N_VERSION } from '../test/e2e/harness/install';
import { revisionOf } from '../test/reportText';
import { buildPackageInto } from './builtPackage';
import { benchHumanityEdits } from './humanityEdits';
import { holdE2eLock, type HeldLock } from './lock';
import { benchPackage } from './packageSize';
import { benchPaging } from './paging';
import { benchPollRequests } from './pollRequests';
import { renderReport, formatMs, formatSeconds, type Section } from './report';
import { benchThrottle } from './throttle';
import { benchUpdates } from './updates';

/** The measured run; waiting for the lock (another e2e run may hold it for a long time) is not counted in it. */
const RUN_TIMEOUT_MS = 20 * 60_000;
const LOCK_TIMEOUT_MS = 120 * 60_000;

const REPORT_FILE = path.join(REPO_ROOT, 'docs/BENCHMARKS.md');
const TIME_BUDGET_MS = 10 * 60_000;

/** A section's figures, or the section with the reason it could not finish (the others still run). */
async function attempt(title: string, measure: () => Promise<Section>): Promise<Section> {
	const started = Date.now();
	try {
		const section = await measure();
		process.stderr.write(`[bench] ${title}: ${formatMs(Date.now() - started)}\n`);
		return section;
	} catch (error) {
		process.stderr.write(`[bench] ${title} failed: ${(error as Error).stack}\n`);
		return { title, method: [], figures: [], failure: (error as Error).message };
	}
}

function environment(lockWaitMs: number, lockHeld: boolean, loadAtStart: number[]): string[] {
	const cpus = os.cpus();
	return [
		`Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; ` +
			`load average at the start ${loadAtStart.map((load) => load.toFixed(2)).join(' / ')} (1 / 5 / 15 min).`,
		`Bench process: Node ${process.version} (jest, the engine layer, the fakes); n8n ${DEFAULT_N8N_VERSION} on its own Node 24.`,
		`Revision: ${revisionOf(REPO_ROOT)}.`,
		lockHeld
			? `The e2e lock (/tmp/taskbridge-e2e.lock) was held for the whole run (waited ${formatMs(lockWaitMs)} for it), so no e2e run of this repo shared the machine.`
			: 'flock is not installed: the run did not take the e2e lock.',
	];
}

let lock: HeldLock;
beforeAll(async () => {
	lock = await holdE2eLock();
}, LOCK_TIMEOUT_MS);
afterAll(async () => {
	await lock?.release();
});

test(
	'benchmarks, written to docs/BENCHMARKS.md',
	async () => {
		const startedAt = new Date();
		const loadAtStart = os.loadavg();
		const workDir = mkdtempSync(path.join(os.tmpdir(), 'taskbridge-bench-'));
		const packageDir = path.join(workDir, 'package');
		try {
			const build = await buildPackageInto(packageDir);
			process.stderr.write(`[bench] package built into ${packageDir} in ${formatMs(build.ms)}\n`);
			// Engine sections first, the real n8n after: they share no state, and this order keeps n8n's start-up cost last.
			const paging = await attempt('Oliver Get Many with Return All', benchPaging);
			const humanity = await attempt('Humanity shift-task edits', benchHumanityEdits);
			const throttle = await attempt('Open Dental throttle', benchThrottle);
			const polling = await attempt('Polling triggers: requests per poll', benchPollRequests);
			const updates = await attempt('Oliver updates', () => benchUpdates(packageDir));
			const packed = await attempt('The packed package', () => benchPackage(packageDir, workDir));
			const sections = [updates, paging, humanity, throttle, packed, polling];

			const durationMs = Date.now() - startedAt.getTime();
			const env = environment(lock.waitedMs, lock.held, loadAtStart);
			env.push(
				`Whole bench: ${formatSeconds(durationMs)} (goal: at most ${formatSeconds(TIME_BUDGET_MS)}: ${durationMs <= TIME_BUDGET_MS ? 'met' : 'missed'}), package build included.`,
			);
			await fs.writeFile(
				REPORT_FILE,
				renderReport(sections, { startedAt, durationMs, environment: env }),
			);
			process.stderr.write(
				`[bench] wrote ${path.relative(REPO_ROOT, REPORT_FILE)} (${formatSeconds(durationMs)})\n`,
			);

			expect(
				sections
					.filter((section) => section.failure)
					.map((section) => `${section.title}: ${section.failure}`),
			).toEqual([]);
		} finally {
			if (process.env.TASKBRIDGE_KEEP_BENCH !== '1')
				await fs.rm(workDir, { recursive: true, force: true });
		}
	},
	RUN_TIMEOUT_MS,
);
