#!/usr/bin/env node
// `npm run test:clock`: the engine and reliability jest layers under a moved process clock, to show the suite
// holds on any date (ENGINEERING.md: "Tests never depend on the day they run").
//
//   (a) 400 days ahead:   faketime -f '+400d', the process zone as it is;
//   (b) across the next daylight-saving change of America/New_York (the zone most engine tests give the
//       workflow), found from today's date, never written down: the clock starts a little before the change
//       (half of run (a)'s wall time, so the change falls inside the run), TZ and the engine's default workflow
//       zone (TASKBRIDGE_TEST_TIMEZONE, test/engine/harness/engine.ts) are that zone.
//
// Both runs set TASKBRIDGE_NO_REPORT=1 (docs/RELIABILITY.md is left alone) and DONT_FAKE_MONOTONIC=1 (timers and
// timeouts run on the real monotonic clock; only the wall clock moves). The clock is a fixed offset from the real
// one (faketime's "+N" form), so every process, jest's workers included, reads the same moved time. Before each
// run the script prints what node, and a child node it spawns, read; after it, the times jest itself recorded.
//
// Needs Debian's `faketime` (installed with apt-get when missing; that needs root).
// Environment: TASKBRIDGE_CLOCK_ZONE (default America/New_York); TASKBRIDGE_CLOCK_DST_AFTER (an ISO date: use
// the first change after it instead of after now, e.g. to try the autumn change); TASKBRIDGE_CLOCK_DST_LEAD_SECONDS
// (how long before the change run (b) starts; default half of run (a)'s wall time); TASKBRIDGE_CLOCK_RUNS
// ("a", "b" or "a,b", the default).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, '.build', 'test-clock');
const JEST = path.join(REPO, 'node_modules', 'jest', 'bin', 'jest.js');
const ZONE = process.env.TASKBRIDGE_CLOCK_ZONE || 'America/New_York';
const RUNS = (process.env.TASKBRIDGE_CLOCK_RUNS || 'a,b').split(',').map((run) => run.trim());
const DAY_MS = 86_400_000;

const say = (line = '') => process.stdout.write(`${line}\n`);
const die = (message) => {
	process.stderr.write(`test:clock: ${message}\n`);
	process.exit(1);
};
const iso = (ms, zone = 'UTC') =>
	DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function ensureFaketime() {
	const found = () =>
		spawnSync('sh', ['-c', 'command -v faketime'], { encoding: 'utf8' }).stdout.trim();
	if (found()) return found();
	if (typeof process.getuid === 'function' && process.getuid() !== 0)
		die(
			"faketime is missing: install Debian's package `faketime` (apt-get install faketime, as root).",
		);
	const install = () =>
		spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'faketime'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		}).status === 0;
	say('• faketime is missing: apt-get install faketime');
	if (!install()) {
		say('• the install failed: apt-get update, then once more');
		spawnSync('apt-get', ['update'], { stdio: 'inherit' });
		if (!install()) die('apt-get could not install faketime');
	}
	return found() || die('faketime is still not on PATH after installing it');
}

/** The first instant after `fromMs` at which `zone`'s UTC offset changes (to the second), with the offsets either side. */
function nextOffsetChange(zone, fromMs) {
	const offsetAt = (ms) => DateTime.fromMillis(ms, { zone }).offset;
	const first = offsetAt(fromMs);
	let before = fromMs;
	for (let step = 0; step < 400 * 24; step++) {
		const after = before + 3_600_000;
		if (offsetAt(after) !== first) {
			let low = before;
			let high = after;
			while (high - low > 1000) {
				const middle = Math.floor((low + high) / 2000) * 1000;
				if (offsetAt(middle) === first) low = middle;
				else high = middle;
			}
			return { at: high, offsetBefore: first, offsetAfter: offsetAt(high) };
		}
		before = after;
	}
	return die(`${zone} has no UTC offset change in the 400 days after ${iso(fromMs)}`);
}

/** What node (and a node it spawns, as jest spawns its workers) reads as the time under `clock`. */
function probeClock(faketime, clock) {
	const script = [
		"const { spawnSync } = require('node:child_process');",
		'const read = () => ({ iso: new Date().toISOString(), local: new Date().toString(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone, ms: Date.now() });',
		'const parent = read();',
		"const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(Date.now()))'], { encoding: 'utf8' });",
		'process.stdout.write(JSON.stringify({ parent, child: Number(child.stdout) }));',
	].join('\n');
	const realBefore = Date.now();
	const result = spawnSync(faketime, ['-f', clock.spec, process.execPath, '-e', script], {
		env: clock.env,
		encoding: 'utf8',
	});
	const realAfter = Date.now();
	if (result.status !== 0) die(`node under faketime failed: ${result.stderr}`);
	const seen = JSON.parse(result.stdout);
	say(
		`  node reads:        ${seen.parent.iso}  (${seen.parent.local}; Intl zone ${seen.parent.zone})`,
	);
	say(`  its child reads:   ${iso(seen.child)}`);
	for (const [who, ms] of [
		['node', seen.parent.ms],
		['its child', seen.child],
	]) {
		const shift = ms - (realBefore + realAfter) / 2;
		if (Math.abs(shift - clock.offsetMs) > 120_000)
			die(
				`${who} is ${seconds(shift)} from the real clock, not ${seconds(clock.offsetMs)}: faketime did not move it`,
			);
	}
}

/** One jest run of the engine and reliability layers under `clock`; returns its wall time and what jest recorded. */
function runJest(faketime, name, clock) {
	mkdirSync(OUT, { recursive: true });
	const results = path.join(OUT, `${name}.json`);
	rmSync(results, { force: true });
	const args = [
		'-f',
		clock.spec,
		process.execPath,
		JEST,
		'--selectProjects',
		'engine',
		'reliability',
		'--runInBand',
		'--json',
		`--outputFile=${results}`,
	];
	say(
		`  command:           DONT_FAKE_MONOTONIC=1 TASKBRIDGE_NO_REPORT=1${clock.extraEnvText} faketime -f '${clock.spec}' node jest --selectProjects engine reliability --runInBand`,
	);
	const realStart = Date.now();
	const status = spawnSync(faketime, args, { cwd: REPO, env: clock.env, stdio: 'inherit' }).status;
	const wallMs = Date.now() - realStart;
	let report;
	try {
		report = JSON.parse(readFileSync(results, 'utf8'));
	} catch {
		die(`run ${name}: jest wrote no results to ${path.relative(REPO, results)}`);
	}
	const files = report.testResults ?? [];
	const starts = files.map((file) => file.startTime).filter(Number.isFinite);
	const ends = files.map((file) => file.endTime).filter(Number.isFinite);
	const jestStart = Math.min(report.startTime, ...starts);
	const jestEnd = Math.max(...ends);
	const shift = report.startTime - realStart;
	say(
		`  jest recorded:     run started ${iso(report.startTime, clock.zone)}, test files ran from ${iso(Math.min(...starts), clock.zone)} to ${iso(jestEnd, clock.zone)}`,
	);
	if (Math.abs(shift - clock.offsetMs) > 120_000)
		die(
			`run ${name}: jest's clock is ${seconds(shift)} from the real one, not ${seconds(clock.offsetMs)}`,
		);
	return {
		status,
		wallMs,
		jestStart,
		jestEnd,
		passed: report.numPassedTests,
		failed: report.numFailedTests,
		total: report.numTotalTests,
	};
}

function clockOf(offsetMs, zone, extraEnv) {
	const env = { ...process.env, DONT_FAKE_MONOTONIC: '1', TASKBRIDGE_NO_REPORT: '1', ...extraEnv };
	const extraEnvText = Object.entries(extraEnv)
		.map(([key, value]) => ` ${key}=${value}`)
		.join('');
	return {
		spec: `+${Math.round(offsetMs / 1000)}`,
		offsetMs: Math.round(offsetMs / 1000) * 1000,
		zone,
		env,
		extraEnvText,
	};
}

const faketime = ensureFaketime();
const processZone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
say(`test:clock: real time ${iso(Date.now())}; ${faketime}; runs ${RUNS.join(', ')}`);
const outcomes = [];
let leadMs = process.env.TASKBRIDGE_CLOCK_DST_LEAD_SECONDS
	? Number(process.env.TASKBRIDGE_CLOCK_DST_LEAD_SECONDS) * 1000
	: undefined;

if (RUNS.includes('a')) {
	const clock = clockOf(400 * DAY_MS, processZone, {});
	say('');
	say(
		`• run (a): the clock 400 days ahead (faketime '${clock.spec}' s = +400d), process zone ${processZone}, workflow zone UTC (the harness default)`,
	);
	probeClock(faketime, clock);
	const outcome = runJest(faketime, 'a-400-days', clock);
	outcomes.push({ name: '(a) +400 days', ...outcome });
	leadMs ??= Math.round(outcome.wallMs / 2);
}

if (RUNS.includes('b')) {
	const after = process.env.TASKBRIDGE_CLOCK_DST_AFTER
		? DateTime.fromISO(process.env.TASKBRIDGE_CLOCK_DST_AFTER, { zone: 'utc' }).toMillis()
		: Date.now();
	if (!Number.isFinite(after))
		die(`TASKBRIDGE_CLOCK_DST_AFTER is not an ISO date: ${process.env.TASKBRIDGE_CLOCK_DST_AFTER}`);
	const change = nextOffsetChange(ZONE, after);
	leadMs ??= 70_000;
	const startAt = change.at - leadMs;
	// The offset is taken just before the run starts, so the run starts `leadMs` before the change.
	const clock = clockOf(startAt - Date.now(), ZONE, { TZ: ZONE, TASKBRIDGE_TEST_TIMEZONE: ZONE });
	const kind = change.offsetAfter > change.offsetBefore ? 'clocks go forward' : 'clocks go back';
	say('');
	say(
		`• run (b): across the next daylight-saving change of ${ZONE}: ${iso(change.at)} = ${iso(change.at, ZONE)} (${kind}, UTC${change.offsetBefore / 60} -> UTC${change.offsetAfter / 60}); ` +
			`the clock starts ${seconds(leadMs)} before it (faketime '${clock.spec}' s), TZ=${ZONE}, workflow zone ${ZONE}`,
	);
	probeClock(faketime, clock);
	const outcome = runJest(faketime, 'b-dst', clock);
	const crossed = outcome.jestStart < change.at && outcome.jestEnd > change.at;
	say(
		`  the change at ${iso(change.at, ZONE)} fell ${crossed ? 'inside' : 'OUTSIDE'} the run (${iso(outcome.jestStart, ZONE)} to ${iso(outcome.jestEnd, ZONE)})`,
	);
	outcomes.push({ name: `(b) ${ZONE} daylight-saving change`, ...outcome, crossed });
}

say('');
say('test:clock summary');
for (const outcome of outcomes) {
	const crossing =
		outcome.crossed === undefined
			? ''
			: outcome.crossed
				? '; crossed the change'
				: '; did NOT cross the change';
	say(
		`  ${outcome.name}: ${outcome.status === 0 ? 'green' : 'RED'}, ${outcome.passed}/${outcome.total} tests passed, wall time ${seconds(outcome.wallMs)}${crossing}`,
	);
}
const bad = outcomes.some((outcome) => outcome.status !== 0 || outcome.crossed === false);
process.exit(bad ? 1 : 0);
