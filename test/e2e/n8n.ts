/**
 * Drives a real n8n from jest. n8n is installed once into a cache outside the repo by
 * scripts/install-n8n.sh (with the Node 24 it needs); each instance gets a fresh user folder with the
 * BUILT pack (what `npm pack` ships: package.json + dist) installed the way users get it, as a community
 * package in `<user folder>/.n8n/nodes/node_modules/n8n-nodes-taskbridge`, so node types are
 * `n8n-nodes-taskbridge.<name>`. n8n runs under its own Node 24 (first on PATH for its process only);
 * jest itself stays on the machine's Node.
 *
 *   const n8n = await createN8nInstance();
 *   await n8n.importCredentials([{ id: 'cred1', name: 'Oliver', type: 'oliverApi', data: { ... } }]);
 *   const id = await n8n.importWorkflow(chainWorkflow('wf1', [{ name: 'Oliver', type: n8n.nodeType('oliver'), parameters }]));
 *   const run = await n8n.execute(id);            // n8n's run data (see N8nRun), throws if it ended in error
 *   itemsOf(run, 'Oliver');                        // [{...json of each output item}]
 *   await n8n.cleanup();
 *
 * Secrets: values of secret-looking credential fields, the encryption key and anything given to
 * `addSecret` are replaced by *** in every message this module builds from n8n's output.
 *
 * Secret scan (issue 8): `cleanup()` first runs `assertNoSecretLeaked()`, so every file that uses this
 * harness gets it without opting in. It looks for every secret in use (see secretScan.ts: credential fields
 * typed as passwords, password-typed node parameters, `addSecret` values, the encryption key, and whatever
 * the test file's vendor fakes accept or issued) in every run `execute()` returned, every stored execution
 * and everything the n8n processes printed, fails the file naming the kind of secret and where (redacted),
 * and writes the figures to `.build/secret-scan/<test file>.json`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { vendorFakes } from '../fakes/kit';
import {
	SecretLedger,
	countItems,
	credentialSecrets,
	describeHits,
	loadSecretDefinitions,
	looksSecret,
	nodeParameterSecrets,
	scanText,
	scanValue,
	writeSecretScanRecord,
	type SecretHit,
	type SecretScanRecord,
} from './secretScan';
import { parseFlatted } from './flatted';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** The n8n the suite runs: 2.41.1, or the one TASKBRIDGE_N8N_VERSION names (`npm run test:e2e:n8n1`). */
export const DEFAULT_N8N_VERSION = process.env.TASKBRIDGE_N8N_VERSION ?? '2.41.1';
/** n8n 2.x needs Node 24; 1.x's expression engine (isolated-vm) ships native builds for Node 22 and 24 only. */
/**
 * Poll times for a trigger under test: three a minute, 20 s apart. n8n refuses a single poll time of less than
 * a minute but allows several, as the editor's "Add Poll Time" does; the scheduler and the trigger's code are
 * the same as with Every Minute, and a test waits about 20 s for the next poll instead of up to a minute.
 */
export const POLL_EVERY_20_SECONDS = {
	item: [0, 20, 40].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })),
};

/** What `n8n start` prints once its published workflows are activated (1.x and 2.x alike): the end of its startup. */
const STARTUP_DONE = 'Editor is now accessible via';
const nodeMajorFor = (version: string) => (version.startsWith('1.') ? '22' : '24');
/** Fixed, so a template database (and anything encrypted with it) is reusable across instances. Not a secret of any real system. */
/** The variables that keep n8n offline and quiet, shared with scripts/start.mjs; the reasons are above. */
const OFFLINE_ENV = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'scripts/n8n-offline-env.json'), 'utf8'),
) as Record<string, string>;
/** n8n's time zone in these tests (GENERIC_TIMEZONE): the zone of `$today` and `$now` in every workflow run here. */
export const E2E_TIMEZONE = 'UTC';

/** A day counted from today in n8n's zone (the day `$today` names), as yyyy-MM-dd: `workflowDay(1)` is tomorrow. */
export const workflowDay = (offsetDays = 0) =>
	DateTime.now().setZone(E2E_TIMEZONE).plus({ days: offsetDays }).toFormat('yyyy-MM-dd');
export const E2E_ENCRYPTION_KEY = 'taskbridge-e2e-fixed-encryption-key';
const PACKAGE_JSON = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	files?: string[];
	n8n?: { nodes?: string[]; credentials?: string[] };
};
export const PACKAGE_NAME = PACKAGE_JSON.name;

// ---------------------------------------------------------------------------------------------------------
// Install
// ---------------------------------------------------------------------------------------------------------

export interface N8nInstall {
	version: string;
	/** The cache folder holding node_modules/n8n and node_modules/node. */
	dir: string;
	/** `node_modules/.bin/n8n` (a `#!/usr/bin/env node` script: needs nodeBinDir first on PATH). */
	n8nBin: string;
	/** n8n's entry script, run as `<nodeBin> <n8nMain> <command>`. */
	n8nMain: string;
	/** Folder with the Node 24 binary n8n needs. */
	nodeBinDir: string;
	nodeBin: string;
}

const installs = new Map<string, Promise<N8nInstall>>();

/** Installs n8n into the cache on first use (minutes, progress on stderr), then returns at once. */
export function ensureN8n(version = DEFAULT_N8N_VERSION): Promise<N8nInstall> {
	let pending = installs.get(version);
	if (!pending) {
		pending = runInstallScript(version);
		installs.set(version, pending);
		pending.catch(() => installs.delete(version));
	}
	return pending;
}

async function runInstallScript(version: string): Promise<N8nInstall> {
	const script = path.join(REPO_ROOT, 'scripts/install-n8n.sh');
	const cacheRoot =
		process.env.TASKBRIDGE_CACHE ?? path.join(os.homedir(), '.cache/n8n-nodes-taskbridge');
	const installed = existsSync(path.join(cacheRoot, `n8n-${version}`, '.installed'));
	if (!installed)
		process.stderr.write(
			`[n8n e2e] installing n8n@${version} into ${cacheRoot} (once; several minutes)\n`,
		);
	const result = await runProcess('bash', [script, version, nodeMajorFor(version)], {
		env: process.env,
		cwd: REPO_ROOT,
		timeoutMs: 45 * 60_000,
		// A first install is long: let its progress through. Later runs are silent.
		inheritStderr: !installed,
	});
	if (result.exitCode !== 0) {
		throw new Error(
			`scripts/install-n8n.sh ${version} failed (exit ${result.exitCode ?? result.signal}):\n${tail(result.stderr)}`,
		);
	}
	const dir = result.stdout.trim().split('\n').pop()!.trim();
	const install: N8nInstall = {
		version,
		dir,
		n8nBin: path.join(dir, 'node_modules/.bin/n8n'),
		n8nMain: path.join(dir, 'node_modules/n8n/bin/n8n'),
		nodeBinDir: path.join(dir, 'node_modules/node/bin'),
		nodeBin: path.join(dir, 'node_modules/node/bin/node'),
	};
	for (const file of [install.n8nMain, install.nodeBin]) {
		if (!existsSync(file))
			throw new Error(
				`n8n install in ${dir} is incomplete: ${file} is missing (delete the folder to reinstall)`,
			);
	}
	return install;
}

// ---------------------------------------------------------------------------------------------------------
// Environment
// ---------------------------------------------------------------------------------------------------------

/**
 * Variables passed through from the calling process; everything else (NODE_ENV=test, NODE_OPTIONS, N8N_*, DB_*) is
 * left out. faketime's own (LD_PRELOAD, FAKETIME, DONT_FAKE_MONOTONIC) go through so that n8n reads the same moved
 * clock as a test run under `faketime` (docs/TESTING.md, "Dates and clocks").
 */
const PASSED_THROUGH = [
	'HOME',
	'USER',
	'LOGNAME',
	'LANG',
	'LC_ALL',
	'LC_CTYPE',
	'TMPDIR',
	'SSL_CERT_FILE',
	'NODE_EXTRA_CA_CERTS',
	'LD_PRELOAD',
	'FAKETIME',
	'DONT_FAKE_MONOTONIC',
];

/**
 * The environment of every n8n process. Why each variable:
 * - N8N_USER_FOLDER, N8N_ENCRYPTION_KEY: the instance's own folder (database, config, community nodes) and a fixed key.
 * - N8N_DIAGNOSTICS_ENABLED, N8N_VERSION_NOTIFICATIONS_*, N8N_TEMPLATES_ENABLED, N8N_DYNAMIC_BANNERS_ENABLED,
 *   N8N_VERIFIED_PACKAGES_ENABLED, N8N_LICENSE_AUTO_RENEW_ENABLED: everything that would call n8n.io
 *   (telemetry, version and what's-new checks, templates, banners, the vetted community-node list, license renewal).
 * - N8N_DISABLED_MODULES=mcp-registry: that module's system task fetches api.n8n.io/api/mcp-servers at start.
 * - N8N_PERSONALIZATION_ENABLED, N8N_HIRING_BANNER_ENABLED: no survey, no banner.
 * - N8N_COMMUNITY_PACKAGES_ENABLED=true, N8N_REINSTALL_MISSING_PACKAGES=false: load packages found in
 *   .n8n/nodes/node_modules, never try to npm-install anything.
 * - N8N_LOG_LEVEL=info: `n8n execute` prints its run data through the logger at info level; at warn or above
 *   it prints nothing. N8N_LOG_OUTPUT=console, NO_COLOR=1: plain text on stdout that can be parsed.
 * - N8N_RUNNERS_MODE=internal, N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1, N8N_RUNNERS_BROKER_PORT (set per
 *   process, a free port): `execute` starts n8n's task-runner broker (fixed default 5679) and a JS runner
 *   child; a free port keeps parallel processes (and a running `npm start` sandbox) from colliding.
 * - GENERIC_TIMEZONE=UTC: dates in expressions and nodes do not depend on n8n's default (America/New_York).
 * - N8N_SECURE_COOKIE=false: `n8n start` over plain http on 127.0.0.1 can be logged into by scripts.
 * - NODE_ENV is NOT passed: jest sets it to "test", which makes n8n's CLI skip its final process.exit
 *   and print nothing.
 */
export function baseN8nEnv(
	install: N8nInstall,
	userFolder: string,
	extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const name of PASSED_THROUGH)
		if (process.env[name] !== undefined) env[name] = process.env[name];
	// n8n 1.x has no mcp-registry module and refuses to start when told to disable an unknown one.
	const { N8N_DISABLED_MODULES, ...offline } = OFFLINE_ENV;
	return {
		...env,
		PATH: [install.nodeBinDir, process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(
			path.delimiter,
		),
		...offline,
		...(install.version.startsWith('1.') ? {} : { N8N_DISABLED_MODULES }),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
		N8N_SECURE_COOKIE: 'false',
		GENERIC_TIMEZONE: E2E_TIMEZONE,
		...extra,
	};
}

/** A loopback port free right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

// ---------------------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------------------

export interface ProcessResult {
	exitCode: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	durationMs: number;
	timedOut: boolean;
}

/**
 * Runs a command to its end. Its stdout and stderr go to files, not pipes: n8n prints a run's data and then
 * calls process.exit(), which drops whatever a pipe had not taken yet, so under load a large run arrived cut
 * off. A write to a file is complete before the next line of the writer runs.
 */
export function runProcess(
	command: string,
	args: string[],
	options: {
		env: NodeJS.ProcessEnv;
		cwd?: string;
		timeoutMs: number;
		inheritStderr?: boolean;
		track?: Set<ChildProcess>;
	},
): Promise<ProcessResult> {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const outputFile = (stream: string) =>
			path.join(
				os.tmpdir(),
				`taskbridge-${process.pid}-${randomBytes(6).toString('hex')}.${stream}`,
			);
		const files = {
			stdout: outputFile('stdout'),
			stderr: options.inheritStderr ? undefined : outputFile('stderr'),
		};
		const stdoutFd = openSync(files.stdout, 'w', 0o600);
		const stderrFd = files.stderr ? openSync(files.stderr, 'w', 0o600) : 'inherit';
		const collect = (file?: string) => {
			if (!file) return '';
			const text = readFileSync(file, 'utf8');
			rmSync(file, { force: true });
			return text;
		};
		let child: ChildProcess;
		try {
			// Own process group, so a timeout also ends the task runner n8n starts.
			child = spawn(command, args, {
				cwd: options.cwd,
				env: options.env,
				stdio: ['ignore', stdoutFd, stderrFd],
				detached: true,
			});
		} finally {
			// The child holds its own copies of the descriptors.
			closeSync(stdoutFd);
			if (typeof stderrFd === 'number') closeSync(stderrFd);
		}
		options.track?.add(child);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child, 'SIGKILL');
		}, options.timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			options.track?.delete(child);
			collect(files.stdout);
			collect(files.stderr);
			reject(error);
		});
		child.on('close', (exitCode, signal) => {
			clearTimeout(timer);
			options.track?.delete(child);
			resolve({
				exitCode,
				signal,
				stdout: collect(files.stdout),
				stderr: collect(files.stderr),
				durationMs: Date.now() - started,
				timedOut,
			});
		});
	});
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		child.kill(signal);
	}
}

/** The end of a long output, for an error message. */
export function tail(text: string, max = 6000): string {
	return text.length <= max ? text : `…${text.slice(-max)}`;
}

// ---------------------------------------------------------------------------------------------------------
// The built package
// ---------------------------------------------------------------------------------------------------------

/** `npm pack` of the package at packageDir (already built) into destination; returns the tarball's path. */
export async function packPackage(packageDir: string, destination: string): Promise<string> {
	const manifest = JSON.parse(
		await fs.readFile(path.join(packageDir, 'package.json'), 'utf8'),
	) as typeof PACKAGE_JSON;
	const declared = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const missing = declared.filter((file) => !existsSync(path.join(packageDir, file)));
	if (missing.length) {
		throw new Error(
			`The package is not built (missing ${missing.join(', ')}): run \`npm run build\` first (npm run test:e2e does).`,
		);
	}
	await fs.mkdir(destination, { recursive: true });
	// --ignore-scripts: prepack would rebuild dist; the suite tests the build it was given.
	const result = await runProcess(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{
			env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
			cwd: packageDir,
			timeoutMs: 5 * 60_000,
		},
	);
	if (result.exitCode !== 0)
		throw new Error(`npm pack failed (exit ${result.exitCode}):\n${tail(result.stderr)}`);
	const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{
		filename: string;
		files: Array<{ path: string }>;
	}>;
	const packed = new Set(info.files.map((file) => file.path));
	const notPacked = declared.filter((file) => !packed.has(file));
	if (notPacked.length)
		throw new Error(
			`npm pack left out files package.json declares for n8n: ${notPacked.join(', ')}`,
		);
	return path.join(destination, info.filename);
}

// ---------------------------------------------------------------------------------------------------------
// A template database: n8n's ~100 migrations (about 8 s) run once per n8n version and key, kept beside the
// cached install, and copied into each new instance.
// ---------------------------------------------------------------------------------------------------------

const DB_FILES = ['config', 'database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm'];
const templates = new Map<string, Promise<string>>();

function templateFolder(install: N8nInstall): Promise<string> {
	let pending = templates.get(install.dir);
	if (!pending) {
		pending = makeTemplate(install);
		templates.set(install.dir, pending);
		pending.catch(() => templates.delete(install.dir));
	}
	return pending;
}

async function makeTemplate(install: N8nInstall): Promise<string> {
	const keyTag = createHash('sha256').update(E2E_ENCRYPTION_KEY).digest('hex').slice(0, 8);
	const final = path.join(install.dir, `.e2e-template-${keyTag}`);
	if (existsSync(path.join(final, 'database.sqlite'))) return final;
	const work = await fs.mkdtemp(path.join(install.dir, '.e2e-template-tmp-'));
	try {
		const env = baseN8nEnv(install, work, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		const result = await runProcess(install.nodeBin, [install.n8nMain, 'list:workflow'], {
			env,
			cwd: work,
			timeoutMs: 5 * 60_000,
		});
		if (result.exitCode !== 0 || !existsSync(path.join(work, '.n8n/database.sqlite'))) {
			throw new Error(
				`n8n could not set up a database (exit ${result.exitCode ?? result.signal}):\n${tail(result.stdout + result.stderr)}`,
			);
		}
		const staged = path.join(work, 'template');
		await fs.mkdir(staged);
		for (const file of DB_FILES) {
			if (existsSync(path.join(work, '.n8n', file)))
				await fs.copyFile(path.join(work, '.n8n', file), path.join(staged, file));
		}
		// Another jest process may have won the race: keep theirs.
		await fs.rename(staged, final).catch((error: NodeJS.ErrnoException) => {
			if (!existsSync(path.join(final, 'database.sqlite'))) throw error;
		});
	} finally {
		await fs.rm(work, { recursive: true, force: true });
	}
	return final;
}

// ---------------------------------------------------------------------------------------------------------
// Run data: what `n8n execute --id <id> --rawOutput` prints (JSON of n8n's IRun)
// ---------------------------------------------------------------------------------------------------------

export interface N8nItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
	binary?: Record<string, unknown>;
	error?: unknown;
}

export interface N8nError {
	message: string;
	description?: string | null;
	name?: string;
	node?: { name: string; type: string; [key: string]: unknown };
	httpCode?: string | null;
	stack?: string;
	[key: string]: unknown;
}

export interface N8nTaskData {
	startTime: number;
	executionIndex: number;
	executionTime: number;
	executionStatus?: string;
	source: Array<{
		previousNode: string;
		previousNodeOutput?: number;
		previousNodeRun?: number;
	} | null>;
	hints?: unknown[];
	/** `main[outputIndex]` holds the items of that output (index 1 is the error output under "Continue (using error output)"). */
	data?: { main: Array<N8nItem[] | null> };
	error?: N8nError;
}

export interface N8nRun {
	data: {
		version?: number;
		startData: Record<string, unknown>;
		resultData: {
			/** Per node name, one entry per run of that node. */
			runData: Record<string, N8nTaskData[]>;
			lastNodeExecuted?: string;
			/** Set when the execution ended in error. */
			error?: N8nError;
		};
		executionData?: Record<string, unknown>;
		resumeToken?: string;
	};
	mode: string;
	startedAt: string;
	stoppedAt?: string;
	storedAt?: string;
	status: 'success' | 'error' | 'canceled' | 'crashed' | 'new' | 'running' | 'unknown' | 'waiting';
	finished?: boolean;
}

/** The JSON of the items a node put out on one output (main 0 by default) in one of its runs (the first by default). */
export function itemsOf(
	run: N8nRun,
	nodeName: string,
	outputIndex = 0,
	runIndex = 0,
): Array<Record<string, unknown>> {
	const task = run.data.resultData.runData[nodeName]?.[runIndex];
	if (!task) {
		const ran = Object.keys(run.data.resultData.runData).join(', ') || 'none';
		throw new Error(
			`Node "${nodeName}" has no run ${runIndex} in this execution (nodes that ran: ${ran})`,
		);
	}
	return (task.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}

/** The error an execution ended with (undefined if it succeeded). */
export function errorOf(run: N8nRun): N8nError | undefined {
	return run.data.resultData.error;
}

/** Finds the run data n8n printed among its log lines: the pretty-printed JSON object starting with a `{` line. */
export function extractRun(stdout: string): { run?: N8nRun; log: string } {
	const lines = stdout.split('\n');
	let found: { run: N8nRun; from: number; to: number } | undefined;
	for (let from = 0; from < lines.length; from++) {
		if (lines[from] !== '{') continue;
		for (let to = from + 1; to < lines.length; to++) {
			if (lines[to] !== '}') continue;
			try {
				const parsed = JSON.parse(lines.slice(from, to + 1).join('\n')) as N8nRun;
				if (parsed?.data?.resultData) found = { run: parsed, from, to };
			} catch {
				// not it
			}
			break;
		}
	}
	if (!found) return { log: stdout };
	return {
		run: found.run,
		log: [...lines.slice(0, found.from), ...lines.slice(found.to + 1)].join('\n'),
	};
}

// ---------------------------------------------------------------------------------------------------------
// Workflows and credentials
// ---------------------------------------------------------------------------------------------------------

export interface N8nCredential {
	/** n8n credential ids are short strings; made up if absent. */
	id?: string;
	name: string;
	/** The credential type's name, e.g. `oliverApi`. */
	type: string;
	/** Plain text: n8n encrypts it on import. */
	data: Record<string, unknown>;
}

export interface N8nNode {
	id?: string;
	name: string;
	type: string;
	typeVersion?: number;
	position?: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface N8nWorkflow {
	id?: string;
	name?: string;
	nodes: N8nNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** A workflow: a Manual Trigger named "Start" feeding the given nodes one after the other. */
export function chainWorkflow(id: string, nodes: N8nNode[]): N8nWorkflow {
	const all: N8nNode[] = [
		{
			id: `${id}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...nodes.map((node, i) => ({
			id: `${id}-${i}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0] as [number, number],
			...node,
		})),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name: id, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

function newId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** The values of secret-looking fields, to be redacted from messages. */
function secretValues(data: unknown, into: Set<string>, key = ''): void {
	if (typeof data === 'string') {
		if (looksSecret(key) && data.length >= 3) into.add(data);
	} else if (Array.isArray(data)) {
		for (const value of data) secretValues(value, into, key);
	} else if (data && typeof data === 'object') {
		for (const [name, value] of Object.entries(data)) secretValues(value, into, name);
	}
}

// ---------------------------------------------------------------------------------------------------------
// An instance
// ---------------------------------------------------------------------------------------------------------

/** Whether n8n has finished a stored execution: one still new or running has no final status or data yet. */
export function isFinished(execution: { status: string }): boolean {
	return !['new', 'running', 'waiting'].includes(execution.status);
}

/** Polls `probe` every second until it gives something; on timeout, throws with `diagnosis()`. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined | false> | T | undefined | false,
	diagnosis: () => Promise<string> | string,
	timeoutMs = 150_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error(`timed out waiting for ${what}\n${await diagnosis()}`);
}

export class N8nCliError extends Error {
	constructor(
		message: string,
		readonly result: ProcessResult,
		readonly run?: N8nRun,
	) {
		super(message);
		this.name = 'N8nCliError';
	}
}

export interface CreateN8nInstanceOptions {
	version?: string;
	/** Folder of the (built) package to install as a community package. Default: this repo. */
	packageDir?: string;
	/** More environment for every n8n process of this instance (overrides the defaults). */
	env?: Record<string, string>;
}

export interface ExecuteOptions {
	/** Return the run data of an execution that ended in error instead of throwing. */
	allowError?: boolean;
	timeoutMs?: number;
}

/** What one secret scan of an instance covered and found (assertNoSecretLeaked). */
export interface SecretScanSummary {
	/** Distinct secrets looked for. */
	secrets: number;
	/** Stored executions scanned (0 when the instance has no SQLite database, e.g. a queue-mode main on Postgres). */
	executions: number;
	/** Output items scanned: those of the runs execute() returned plus those of the stored executions. */
	items: number;
	/** Runs returned by execute() scanned. */
	runs: number;
	/** n8n outputs scanned: one per CLI command run, plus the `n8n start` log. */
	logs: number;
	hits: SecretHit[];
}

/** Where the figures go: one JSON line per test file (`.build` is git-ignored). TASKBRIDGE_SECRET_SCAN_DIR overrides. */
const secretScanDir = () =>
	process.env.TASKBRIDGE_SECRET_SCAN_DIR ?? path.join(REPO_ROOT, '.build/secret-scan');

/** The test file running (jest), relative to the repository; undefined outside jest. */
function currentTestFile(): string | undefined {
	const state = (
		globalThis as { expect?: { getState?: () => { testPath?: string } } }
	).expect?.getState?.();
	return state?.testPath ? path.relative(REPO_ROOT, state.testPath) : undefined;
}

/** The scans of this module registry (under jest: this test file), per instance, for the file's record. */
const fileScans = new Map<N8nInstance, { ledger: SecretLedger; summary: SecretScanSummary }>();

export class N8nInstance {
	/** Where the package was installed: `<userFolder>/.n8n/nodes/node_modules/<package name>`. */
	readonly packageFolder: string;
	readonly n8nFolder: string;
	private readonly secrets = new Set<string>([E2E_ENCRYPTION_KEY]);
	private readonly children = new Set<ChildProcess>();
	private cleaned = false;
	/** For the secret scan: credentials and workflows imported, values given to addSecret, what n8n returned and printed. */
	private readonly scan = {
		credentials: [] as N8nCredential[],
		workflows: [] as N8nWorkflow[],
		added: [] as string[],
		runs: [] as Array<{ source: string; run: N8nRun }>,
		outputs: [] as Array<{ source: string; text: string }>,
		done: false,
	};

	constructor(
		readonly install: N8nInstall,
		/** A temp folder holding everything of this instance. */
		readonly root: string,
		/** N8N_USER_FOLDER: n8n keeps its data in `<userFolder>/.n8n`. */
		readonly userFolder: string,
		private readonly extraEnv: Record<string, string> = {},
	) {
		this.n8nFolder = path.join(userFolder, '.n8n');
		this.packageFolder = path.join(this.n8nFolder, 'nodes/node_modules', PACKAGE_NAME);
	}

	/** `n8n-nodes-taskbridge.<name>`, the type n8n gives a node of this community package. */
	nodeType(name: string): string {
		return `${PACKAGE_NAME}.${name}`;
	}

	/** The environment n8n processes of this instance get (a fresh task-broker port each time: pass one in extra). */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return baseN8nEnv(this.install, this.userFolder, { ...this.extraEnv, ...extra });
	}

	/** Registers a value never to be shown in messages (e.g. a token a fake issued). */
	addSecret(value: string): void {
		if (value && value.length >= 3) this.secrets.add(value);
		if (value) this.scan.added.push(value);
	}

	redact(text: string): string {
		let out = text;
		for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
			out = out.split(secret).join('***');
		return out;
	}

	/** Runs `n8n <args>` under Node 24 with this instance's environment. Never throws on a non-zero exit; output is not redacted. */
	async run(args: string[], options: { timeoutMs?: number } = {}): Promise<ProcessResult> {
		return (await this.runKept(args, options)).result;
	}

	/** run(), keeping what n8n printed for the secret scan (`output.text` may be narrowed by the caller). */
	private async runKept(
		args: string[],
		options: { timeoutMs?: number } = {},
	): Promise<{ result: ProcessResult; output: { source: string; text: string } }> {
		if (this.cleaned) throw new Error('This n8n instance was cleaned up');
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		const result = await runProcess(this.install.nodeBin, [this.install.n8nMain, ...args], {
			env,
			cwd: this.root,
			timeoutMs: options.timeoutMs ?? 5 * 60_000,
			track: this.children,
		});
		const output = {
			source: `output of \`n8n ${args.join(' ')}\``,
			text: [result.stdout, result.stderr].filter(Boolean).join('\n'),
		};
		this.scan.outputs.push(output);
		return { result, output };
	}

	private fail(what: string, result: ProcessResult, run?: N8nRun): never {
		const how = result.timedOut ? 'timed out' : `exit ${result.exitCode ?? result.signal}`;
		const output = this.redact(
			tail([result.stderr, extractRun(result.stdout).log].filter(Boolean).join('\n').trim()),
		);
		const redacted = {
			...result,
			stdout: this.redact(result.stdout),
			stderr: this.redact(result.stderr),
		};
		throw new N8nCliError(`${what} (${how}). n8n said:\n${output}`, redacted, run);
	}

	/** `n8n import:credentials`: plain-text data, encrypted by n8n with the instance's key. */
	async importCredentials(credentials: N8nCredential[]): Promise<string[]> {
		const withIds = credentials.map((credential) => ({
			...credential,
			id: credential.id ?? newId(),
		}));
		for (const credential of withIds) secretValues(credential.data, this.secrets);
		this.scan.credentials.push(...withIds);
		const file = path.join(this.root, `credentials-${newId()}.json`);
		await fs.writeFile(file, JSON.stringify(withIds), { mode: 0o600 });
		try {
			const result = await this.run(['import:credentials', `--input=${file}`]);
			const imported = /Successfully imported (\d+) credential/.exec(result.stdout);
			if (result.exitCode !== 0 || Number(imported?.[1]) !== withIds.length) {
				this.fail(`n8n import:credentials did not import ${withIds.length} credential(s)`, result);
			}
		} finally {
			await fs.rm(file, { force: true });
		}
		return withIds.map((credential) => credential.id);
	}

	/** `n8n import:workflow` of one workflow; returns its id (made up if it had none). */
	async importWorkflow(workflow: N8nWorkflow): Promise<string> {
		const [id] = await this.importWorkflows([workflow]);
		return id;
	}

	/** `n8n import:workflow` of several workflows in one go (one n8n start); returns their ids. */
	async importWorkflows(workflows: N8nWorkflow[]): Promise<string[]> {
		const prepared = workflows.map((workflow) => ({
			...workflow,
			id: workflow.id ?? newId(),
			name: workflow.name ?? workflow.id ?? 'e2e workflow',
			settings: workflow.settings ?? { executionOrder: 'v1' },
		}));
		this.scan.workflows.push(...prepared);
		const file = path.join(this.root, `workflows-${newId()}.json`);
		await fs.writeFile(file, JSON.stringify(prepared));
		try {
			const result = await this.run(['import:workflow', `--input=${file}`]);
			const imported = /Successfully imported (\d+) workflow/.exec(result.stdout);
			if (
				result.exitCode !== 0 ||
				Number(imported?.[1]) !== prepared.length ||
				/Skipped workflow/.test(result.stdout)
			) {
				this.fail(`n8n import:workflow did not import ${prepared.length} workflow(s)`, result);
			}
		} finally {
			await fs.rm(file, { force: true });
		}
		return prepared.map((workflow) => workflow.id);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`: runs the stored workflow from its trigger (mode "cli") and returns
	 * the run data n8n prints. Throws N8nCliError (with `.run` when there is one) if the execution ended in
	 * error, unless `allowError`. Polling triggers do not poll in this mode: n8n only calls `poll` in
	 * manual mode.
	 */
	async execute(workflowId: string, options: ExecuteOptions = {}): Promise<N8nRun> {
		const { result, output } = await this.runKept(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			{ timeoutMs: options.timeoutMs },
		);
		const { run, log } = extractRun(result.stdout);
		if (run) {
			// The run data is scanned as data (by path); the rest of what n8n printed as its log.
			this.scan.runs.push({ source: `run data execute(${workflowId}) returned`, run });
			output.text = [log, result.stderr].filter(Boolean).join('\n');
		}
		if (!run) this.fail(`n8n execute ${workflowId} printed no run data`, result);
		const error = run.data.resultData.error;
		if ((error || run.status !== 'success') && !options.allowError) {
			const where = error?.node?.name ? ` in node "${error.node.name}"` : '';
			const why = error
				? `: ${error.message}${error.description ? ` (${error.description})` : ''}`
				: '';
			this.fail(
				`Workflow ${workflowId} ended with status "${run.status}"${where}${this.redact(why)}`,
				result,
				run,
			);
		}
		// n8n 2.41 sometimes dies with SIGSEGV in process.exit() after printing the run data (its
		// isolated-vm expression pool is refilling). The run is complete and stored by then: that is not
		// a failure of the workflow. Any other odd exit with a successful run is.
		const crashedAtExit = result.signal === 'SIGSEGV' || result.exitCode === 139;
		if (!error && run.status === 'success' && result.exitCode !== 0 && !crashedAtExit) {
			this.fail(`n8n execute ${workflowId} printed a successful run but exited badly`, result, run);
		}
		return run;
	}

	/** Rows of a query on the instance's SQLite database (read with n8n's own sqlite3 under Node 24). */
	async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
		const script = `const sqlite3 = require(${JSON.stringify(path.join(this.install.dir, 'node_modules/sqlite3'))});
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all(process.argv[2], JSON.parse(process.argv[3]), (error, rows) => {
	if (error) { console.error(error.message); process.exit(1); }
	process.stdout.write(JSON.stringify(rows));
	db.close();
});`;
		const result = await runProcess(
			this.install.nodeBin,
			['-e', script, path.join(this.n8nFolder, 'database.sqlite'), sql, JSON.stringify(params)],
			{ env: this.env(), cwd: this.root, timeoutMs: 60_000 },
		);
		if (result.exitCode !== 0) throw new Error(`query failed: ${this.redact(result.stderr)}`);
		return JSON.parse(result.stdout) as T[];
	}

	/** Whether this is the n8n 1.x line, whose CLI and REST API name activation differently. */
	get isN8n1(): boolean {
		return this.install.version.startsWith('1.');
	}

	/**
	 * Marks a stored workflow active before `n8n start` reads it: `publish:workflow` (2.x, the editor's
	 * Publish), or `update:workflow --active=true` (1.x, which has no publishing).
	 */
	async publish(workflowId: string): Promise<void> {
		const args = this.isN8n1
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
		const result = await this.run(args);
		if (result.exitCode !== 0) this.fail(`n8n ${args[0]} ${workflowId} failed`, result);
	}

	/**
	 * Activates or deactivates a workflow of the running server through the editor's REST API, as its
	 * toggle does: 2.x has /activate (with the version to publish) and /deactivate; 1.x a PATCH of `active`.
	 * Resolves with the answer's `active`.
	 */
	async setActive(workflowId: string, active: boolean): Promise<boolean> {
		const rest = await this.ownerRest();
		const workflow = await rest('GET', `/rest/workflows/${workflowId}`);
		if (workflow.status !== 200)
			throw new Error(
				`reading workflow ${workflowId} answered ${workflow.status}: ${JSON.stringify(workflow.body)}`,
			);
		const { versionId } = workflow.body.data as { versionId: string };
		const answer = this.isN8n1
			? await rest('PATCH', `/rest/workflows/${workflowId}`, { active, versionId })
			: active
				? await rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId })
				: await rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		if (answer.status !== 200)
			throw new Error(
				`${active ? 'activating' : 'deactivating'} ${workflowId} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
			);
		return Boolean((answer.body.data as { active?: boolean }).active);
	}

	/** The port `n8n start` listens on, once started. */
	serverPort?: number;

	/**
	 * The editor's REST API as its owner calls it: sets the owner up, logs in, and returns a caller that
	 * sends the session cookie (and the browser id n8n ties the session to).
	 */
	async ownerRest(): Promise<
		(method: string, path: string, body?: object) => Promise<{ status: number; body: any }>
	> {
		if (this.serverPort === undefined) throw new Error('ownerRest() needs startServer() first');
		const base = `http://127.0.0.1:${this.serverPort}`;
		const json = { 'content-type': 'application/json' };
		const owner = {
			email: 'e2e@example.com',
			firstName: 'E2E',
			lastName: 'Owner',
			password: 'E2e-Owner-Passw0rd',
		};
		await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify(owner),
		});
		const login = await fetch(`${base}/rest/login`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (login.status !== 200) throw new Error(`owner login answered ${login.status}`);
		const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
		return async (method, route, body) => {
			const answer = await fetch(`${base}${route}`, {
				method,
				headers: { ...json, cookie, 'browser-id': 'e2e' },
				body: body ? JSON.stringify(body) : undefined,
			});
			return { status: answer.status, body: await answer.json().catch(() => undefined) };
		};
	}

	/** What `n8n start` has printed so far (redacted). */
	get serverLog(): string {
		return this.redact(this.serverOutput);
	}
	private serverOutput = '';

	/**
	 * `n8n start` (editor, REST API, active triggers, pollers) on a loopback port; resolves once all of it is up.
	 * n8n answers its health check before it activates the published workflows (their webhooks, pollers and
	 * vendor subscriptions), and prints "Editor is now accessible" only after that: both are waited for.
	 */
	async startServer(port: number): Promise<void> {
		this.serverPort = port;
		const env = this.env({
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		const server = spawn(this.install.nodeBin, [this.install.n8nMain, 'start'], {
			cwd: this.root,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.children.add(server);
		server.on('close', () => this.children.delete(server));
		server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.serverOutput += chunk));
		server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.serverOutput += chunk));
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (server.exitCode !== null || server.signalCode !== null)
				throw new Error(`n8n start exited:\n${tail(this.serverLog)}`);
			const up = (route: string) =>
				fetch(`http://127.0.0.1:${port}${route}`).then(
					(answer) => answer.ok,
					() => false,
				);
			if (
				this.serverOutput.includes(STARTUP_DONE) &&
				(await up('/healthz/readiness')) &&
				(await up('/rest/settings'))
			)
				return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n start did not answer on port ${port}:\n${tail(this.serverLog)}`);
	}

	/**
	 * Resolves once n8n's production webhook at `url` is registered for `method`: a CORS preflight (which runs
	 * no workflow) lists the methods n8n holds for the path. A vendor that delivers before this gets a 404.
	 */
	async webhookReady(url: string, method = 'POST', timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let allowed = '';
		while (Date.now() < deadline) {
			const answer = await fetch(url, {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': method },
			}).catch(() => undefined);
			allowed = answer?.headers.get('access-control-allow-methods') ?? '';
			if (answer?.status === 204 && allowed.split(/,\s*/).includes(method)) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(
			`n8n did not register ${method} ${url} within ${timeoutMs} ms (allowed: ${allowed || 'none'}):\n${tail(this.serverLog)}`,
		);
	}

	/** Executions n8n stored, oldest first, with their run data as stored (text). */
	async storedExecutions(): Promise<
		Array<{ id: number; workflowId: string; mode: string; status: string; data: string }>
	> {
		return this.query(
			'select e.id, e.workflowId, e.mode, e.status, d.data from execution_entity e join execution_data d on d.executionId = e.id order by e.id',
		);
	}

	/**
	 * Runs the secret scan (assertNoSecretLeaked, once), then stops any n8n process still running for this
	 * instance and deletes its folder (kept if TASKBRIDGE_KEEP_N8N=1). Rejects, after stopping and deleting, if
	 * a secret in use was found: in afterAll, that fails the test file.
	 */
	async cleanup(): Promise<void> {
		let leak: unknown;
		if (!this.scan.done && !this.cleaned) {
			try {
				await this.assertNoSecretLeaked();
			} catch (error) {
				leak = error;
			}
		}
		await this.discard();
		if (leak) throw leak;
	}

	/** Stops any n8n process still running for this instance and deletes its folder, without the secret scan (an instance that never ran). */
	async discard(): Promise<void> {
		this.cleaned = true;
		this.scan.done = true;
		for (const child of this.children) killGroup(child, 'SIGKILL');
		if (process.env.TASKBRIDGE_KEEP_N8N === '1') {
			process.stderr.write(`[n8n e2e] kept ${this.root} (N8N_USER_FOLDER=${this.userFolder})\n`);
			return;
		}
		await fs.rm(this.root, { recursive: true, force: true, maxRetries: 3 });
	}

	/**
	 * The secrets in use now: the secret fields of the imported credentials (by the credential types' field
	 * definitions), password-typed parameters of our nodes in the imported workflows, values given to
	 * addSecret, the encryption key, and what the test file's vendor fakes accept or issued (tokens, codes,
	 * webhook signing secrets). Only values of MIN_SECRET_LENGTH (8) characters or more (see secretScan.ts).
	 */
	secretsInUse(): SecretLedger {
		const ledger = new SecretLedger();
		const definitions = loadSecretDefinitions(REPO_ROOT);
		ledger.add(E2E_ENCRYPTION_KEY, 'n8n encryption key');
		for (const credential of this.scan.credentials) {
			for (const { field, value } of credentialSecrets(credential, definitions.credentials))
				ledger.add(value, `credential field ${credential.type}.${field}`);
		}
		for (const workflow of this.scan.workflows) {
			for (const node of workflow.nodes ?? []) {
				if (typeof node.type !== 'string' || !node.type.startsWith(`${PACKAGE_NAME}.`)) continue;
				const secretNames = definitions.nodes.get(node.type.slice(PACKAGE_NAME.length + 1));
				if (!secretNames?.size) continue;
				for (const { field, value } of nodeParameterSecrets(node.parameters, secretNames))
					ledger.add(value, `node parameter ${node.type.slice(PACKAGE_NAME.length + 1)}.${field}`);
			}
		}
		for (const value of this.scan.added) ledger.add(value, 'value given to addSecret');
		for (const fake of vendorFakes()) {
			for (const { kind, value } of [...fake.configuredSecrets, ...fake.issuedSecrets])
				ledger.add(value, `${fake.server.name} fake: ${kind}`);
		}
		return ledger;
	}

	/** The stored executions to scan, or undefined when this instance has no SQLite database (e.g. a queue-mode main). */
	protected async executionsToScan(): Promise<
		| Array<{ id: number; workflowId: string; mode: string; status: string; data: string }>
		| undefined
	> {
		if (!existsSync(path.join(this.n8nFolder, 'database.sqlite'))) return undefined;
		return this.storedExecutions();
	}

	/**
	 * Looks for every secret in use (secretsInUse) in every run execute() returned, every stored execution's
	 * data and everything n8n printed (CLI commands and `n8n start`); writes this test file's figures to
	 * `.build/secret-scan/<file>.json`; throws naming each kind of secret found and where (the secret itself
	 * redacted). cleanup() runs it; a test may run it earlier too.
	 */
	async assertNoSecretLeaked(): Promise<SecretScanSummary> {
		const ledger = this.secretsInUse();
		const hits: SecretHit[] = [];
		let items = 0;
		for (const { source, run } of this.scan.runs) {
			items += countItems(run);
			hits.push(...scanValue(ledger, run, source));
		}
		const stored = await this.executionsToScan();
		for (const execution of stored ?? []) {
			const source = `stored execution ${execution.id} (workflow ${execution.workflowId}, mode ${execution.mode}, ${execution.status})`;
			let data: unknown;
			try {
				data = parseFlatted(execution.data);
			} catch {
				data = undefined;
			}
			if (data === undefined) {
				hits.push(...scanText(ledger, String(execution.data ?? ''), `${source}, its data as text`));
				continue;
			}
			items += countItems(data);
			hits.push(...scanValue(ledger, data, `${source} data`));
		}
		const outputs = [
			...this.scan.outputs,
			...(this.serverOutput ? [{ source: 'output of `n8n start`', text: this.serverOutput }] : []),
		];
		for (const { source, text } of outputs) hits.push(...scanText(ledger, text, source));
		const summary: SecretScanSummary = {
			secrets: ledger.size,
			executions: stored?.length ?? 0,
			items,
			runs: this.scan.runs.length,
			logs: outputs.length,
			hits,
		};
		this.scan.done = true;
		const file = currentTestFile();
		fileScans.set(this, { ledger, summary });
		if (file) writeSecretScanRecord(secretScanDir(), fileRecord(file));
		if (hits.length) {
			const covered = `${summary.secrets} secrets tracked; ${summary.runs} runs, ${summary.executions} stored executions, ${summary.items} items, ${summary.logs} n8n outputs scanned`;
			throw new Error(describeHits(hits, `${file ?? 'n8n instance'}: ${covered}`));
		}
		return summary;
	}
}

/** The figures of every instance scanned in this test file, added up (distinct secrets across them). */
function fileRecord(file: string): SecretScanRecord {
	const secrets = new SecretLedger();
	const record: SecretScanRecord = { file, secrets: 0, executions: 0, items: 0, hits: 0 };
	for (const { ledger, summary } of fileScans.values()) {
		secrets.addAll(ledger);
		record.executions += summary.executions;
		record.items += summary.items;
		record.hits += summary.hits.length;
	}
	record.secrets = secrets.size;
	return record;
}

/**
 * A fresh n8n: its own temp user folder (database from a migrated template), the built pack installed as
 * a community package, nothing running until a method is called.
 */
export async function createN8nInstance(
	options: CreateN8nInstanceOptions = {},
): Promise<N8nInstance> {
	const install = await ensureN8n(options.version ?? DEFAULT_N8N_VERSION);
	const root = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-n8n-'));
	const instance = new N8nInstance(install, root, path.join(root, 'user'), options.env);
	try {
		const [tarball, template] = await Promise.all([
			packPackage(options.packageDir ?? REPO_ROOT, path.join(root, 'pack')),
			templateFolder(install),
		]);
		await fs.mkdir(instance.n8nFolder, { recursive: true });
		for (const file of DB_FILES) {
			if (existsSync(path.join(template, file)))
				await fs.copyFile(path.join(template, file), path.join(instance.n8nFolder, file));
		}
		await fs.chmod(path.join(instance.n8nFolder, 'config'), 0o600).catch(() => undefined);
		await installCommunityPackage(tarball, instance.n8nFolder);
	} catch (error) {
		await instance.discard();
		throw error;
	}
	return instance;
}

/**
 * Unpacks an `npm pack` tarball to `<n8nFolder>/nodes/node_modules/<name>` and lists it in
 * `<n8nFolder>/nodes/package.json`, as n8n's community-package install leaves it.
 */
export async function installCommunityPackage(tarball: string, n8nFolder: string): Promise<string> {
	const nodesFolder = path.join(n8nFolder, 'nodes');
	const target = path.join(nodesFolder, 'node_modules', PACKAGE_NAME);
	await fs.rm(target, { recursive: true, force: true });
	await fs.mkdir(target, { recursive: true });
	const result = await runProcess('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
		env: process.env,
		cwd: nodesFolder,
		timeoutMs: 60_000,
	});
	if (result.exitCode !== 0) throw new Error(`could not unpack ${tarball}: ${result.stderr}`);
	const manifest = JSON.parse(await fs.readFile(path.join(target, 'package.json'), 'utf8')) as {
		version: string;
	};
	const ledgerFile = path.join(nodesFolder, 'package.json');
	const ledger: { dependencies?: Record<string, string>; [key: string]: unknown } = existsSync(
		ledgerFile,
	)
		? JSON.parse(await fs.readFile(ledgerFile, 'utf8'))
		: { name: 'installed-nodes', private: true };
	ledger.dependencies = { ...ledger.dependencies, [PACKAGE_NAME]: manifest.version };
	await fs.writeFile(ledgerFile, JSON.stringify(ledger, null, 2));
	return target;
}
