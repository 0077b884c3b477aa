/**
 * n8n in queue mode for jest: a private PostgreSQL cluster and a Redis server, then one `n8n start` (the
 * main: editor, REST API, webhooks, the triggers and pollers) and `n8n worker` processes that run the
 * executions. Everything listens on loopback on free ports and lives in temp dirs that `stop()` removes,
 * after ending every process it started (also when a test failed).
 *
 *   const cluster = await startQueueCluster({ workers: 2, mainEnv: { WEBHOOK_URL: ... } });
 *   cluster.main                       // an N8nInstance (test/e2e/n8n.ts) whose CLI and REST calls use Postgres
 *   cluster.workers[0].startedExecutions()
 *   await cluster.sql('select id, status from execution_entity');
 *   await cluster.stop();
 *
 * What n8n needs, read in the installed n8n 2.41.1 (n8n/dist/scaling, @n8n/config, n8n-core):
 * - Every process (main, each worker, a webhook process) loads community nodes from its OWN
 *   `<N8N_USER_FOLDER>/.n8n/nodes/node_modules` (InstanceSettings.nodesDownloadDir; the community-packages
 *   module scans it at start). A worker without the package cannot run our nodes. Here each process has its
 *   own user folder with the pack installed, as separate machines or containers would have.
 * - All processes share one database (DB_TYPE=postgresdb, DB_POSTGRESDB_*: SQLite cannot be shared), one
 *   Redis (QUEUE_BULL_REDIS_HOST/PORT: the Bull queue and the pub/sub channel), EXECUTIONS_MODE=queue, and
 *   the same N8N_ENCRYPTION_KEY (a worker refuses to start without one, and decrypts the credentials main
 *   stored).
 * - Only the leader main runs triggers and pollers (ActiveWorkflowManager.shouldAddNonWebhookTriggers); a
 *   single main is always the leader. Workers only take jobs from the queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../e2e/harness/repo';
import { ensureN8n, type N8nInstall } from '../e2e/harness/install';
import { baseN8nEnv } from '../e2e/harness/environment';
import { freePort, runProcess, tail } from '../e2e/harness/processes';
import { installCommunityPackage, packPackage } from '../e2e/harness/packAndInstall';
import { N8nInstance } from '../e2e/harness/instance';
import { parseFlatted } from '../e2e/flatted';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A command run to its end (no shell), with the environment given or this process's. */
const run = (
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
) =>
	runProcess(command, args, {
		env: options.env ?? process.env,
		timeoutMs: options.timeoutMs ?? 120_000,
	});

// ---------------------------------------------------------------------------------------------------------
// A long-running process in its own process group, its output kept.
// ---------------------------------------------------------------------------------------------------------

/** Every ManagedProcess still running: killed (whole group) if jest's process exits without stopping them. */
const live = new Set<ManagedProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', () => {
		for (const child of live) child.signalGroup('SIGKILL');
	});
}

export class ManagedProcess {
	output = '';
	readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	private readonly child: ChildProcess;
	private done = false;

	constructor(
		readonly name: string,
		command: string,
		args: string[],
		options: { env: NodeJS.ProcessEnv; cwd: string },
	) {
		// Own process group: a kill reaches what it started (n8n's task runner, postgres' backends).
		this.child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
		this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
		installExitHook();
		live.add(this);
		this.exited = new Promise((resolve) => {
			this.child.on('error', (error) => {
				this.output += `\n[spawn error] ${error.message}\n`;
				this.done = true;
				live.delete(this);
				resolve({ code: null, signal: null });
			});
			this.child.on('exit', (code, signal) => {
				this.done = true;
				live.delete(this);
				resolve({ code, signal });
			});
		});
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get running(): boolean {
		return !this.done;
	}

	/** Sends a signal to the process itself (as `docker stop` does to a container's PID 1). */
	signal(signal: NodeJS.Signals): void {
		if (!this.done) this.child.kill(signal);
	}

	/** Sends a signal to the whole process group (as `docker kill` ends a whole container). */
	signalGroup(signal: NodeJS.Signals): void {
		if (this.done || this.child.pid === undefined) return;
		try {
			process.kill(-this.child.pid, signal);
		} catch {
			this.child.kill(signal);
		}
	}

	/** `signal` to the group, then SIGKILL if it has not exited after `graceMs`; always also clears the group. */
	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
		if (this.done) {
			this.signalGroup('SIGKILL'); // leftovers of the group (a runner child)
			return;
		}
		this.signalGroup(signal);
		const timer = setTimeout(() => this.signalGroup('SIGKILL'), graceMs);
		await this.exited;
		clearTimeout(timer);
		// The leader is gone; anything left in its group goes too.
		if (this.child.pid !== undefined) {
			try {
				process.kill(-this.child.pid, 'SIGKILL');
			} catch {
				// nothing left
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL: a private cluster, run as the `postgres` user (postgres refuses to run as root).
// ---------------------------------------------------------------------------------------------------------

/** Where Debian (or PATH) has initdb and postgres. */
export function postgresBinDir(): string {
	const candidates: string[] = [];
	try {
		const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
		for (const version of versions) candidates.push(`/usr/lib/postgresql/${version}/bin`);
	} catch {
		// not Debian's layout
	}
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
	const found = candidates.find(
		(dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
	);
	if (!found)
		throw new Error(
			'initdb/postgres not found: run `bash scripts/ensure-queue-services.sh` (npm run test:queue does)',
		);
	return found;
}

function systemUser(name: string): { uid: number; gid: number } {
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.split(':')[0] === name);
	if (!line) throw new Error(`no system user "${name}" (the postgresql package creates it)`);
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

export class PostgresServer {
	readonly database = 'n8n';
	readonly user = 'postgres';
	private process?: ManagedProcess;

	private constructor(
		readonly binDir: string,
		readonly dir: string,
		readonly port: number,
	) {}

	/** initdb into a fresh temp dir owned by `postgres`, then `postgres` on 127.0.0.1:<free port>, and a database `n8n`. */
	static async start(): Promise<PostgresServer> {
		const binDir = postgresBinDir();
		const owner = systemUser('postgres');
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-queue-pg-'));
		const server = new PostgresServer(binDir, dir, await freePort());
		try {
			await fs.chown(dir, owner.uid, owner.gid);
			const data = path.join(dir, 'data');
			// trust on loopback only: a throwaway cluster nobody else can reach.
			const init = await run('runuser', [
				'-u',
				'postgres',
				'--',
				path.join(binDir, 'initdb'),
				'-D',
				data,
				'-U',
				'postgres',
				'--auth=trust',
				'-E',
				'UTF8',
				'--locale=C',
				'--no-sync',
				'--no-instructions',
			]);
			if (init.exitCode !== 0)
				throw new Error(
					`initdb failed (exit ${init.exitCode}):\n${tail(init.stdout + init.stderr)}`,
				);
			// Durability is not what this test is about: no fsync keeps it quick on a small machine.
			server.process = new ManagedProcess(
				'postgres',
				'runuser',
				[
					'-u',
					'postgres',
					'--',
					path.join(binDir, 'postgres'),
					'-D',
					data,
					'-p',
					String(server.port),
					'-h',
					'127.0.0.1',
					'-k',
					dir,
					'-c',
					'fsync=off',
					'-c',
					'synchronous_commit=off',
					'-c',
					'full_page_writes=off',
					'-c',
					'max_connections=200',
				],
				{ env: { PATH: process.env.PATH, LANG: 'C.UTF-8' }, cwd: dir },
			);
			const deadline = Date.now() + 60_000;
			for (;;) {
				if (!server.process.running)
					throw new Error(`postgres exited:\n${tail(server.process.output)}`);
				const ready = await run(path.join(binDir, 'pg_isready'), [
					'-h',
					'127.0.0.1',
					'-p',
					String(server.port),
					'-U',
					'postgres',
					'-q',
				]);
				if (ready.exitCode === 0) break;
				if (Date.now() > deadline)
					throw new Error(`postgres did not get ready:\n${tail(server.process.output)}`);
				await sleep(250);
			}
			await server.psql('postgres', `create database ${server.database}`);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	private async psql(database: string, sql: string): Promise<string> {
		const result = await run(
			path.join(this.binDir, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-U',
				this.user,
				'-d',
				database,
				'-X',
				'-q',
				'-A',
				'-t',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{ env: { ...process.env, PGCONNECT_TIMEOUT: '10' } },
		);
		if (result.exitCode !== 0) throw new Error(`psql failed: ${result.stderr.trim()}\n  ${sql}`);
		return result.stdout;
	}

	/** Rows of a query on n8n's database, as JSON objects (column names as n8n spells them, e.g. "workflowId"). */
	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		const out = await this.psql(
			this.database,
			`select coalesce(json_agg(row_to_json(t)), '[]'::json) from (${sql}) t`,
		);
		return JSON.parse(out.trim() || '[]') as T[];
	}

	/** The environment that points n8n at this database. */
	n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
		};
	}

	async stop(): Promise<void> {
		// SIGINT: postgres' "fast" shutdown.
		await this.process?.stop('SIGINT', 10_000);
		await fs.rm(this.dir, { recursive: true, force: true, maxRetries: 3 });
	}
}

// ---------------------------------------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------------------------------------

/** One PING over a raw socket: resolves true on +PONG. */
function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(2000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

export class RedisServer {
	private constructor(
		readonly dir: string,
		readonly port: number,
		private readonly process: ManagedProcess,
	) {}

	static async start(): Promise<RedisServer> {
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-queue-redis-'));
		const port = await freePort();
		// No persistence: nothing is written to disk, nothing outlives the test.
		const child = new ManagedProcess(
			'redis',
			'redis-server',
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir,
				'--daemonize',
				'no',
			],
			{ env: { PATH: process.env.PATH }, cwd: dir },
		);
		const server = new RedisServer(dir, port, child);
		try {
			const deadline = Date.now() + 30_000;
			while (!(await redisPing(port))) {
				if (!child.running) throw new Error(`redis-server exited:\n${tail(child.output)}`);
				if (Date.now() > deadline)
					throw new Error(`redis-server did not answer:\n${tail(child.output)}`);
				await sleep(200);
			}
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	n8nEnv(): Record<string, string> {
		return { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(this.port) };
	}

	/** `redis-cli` against this server; its output, trimmed. */
	async cli(...args: string[]): Promise<string> {
		const result = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), ...args], {
			timeoutMs: 15_000,
		});
		if (result.exitCode !== 0)
			throw new Error(`redis-cli ${args.join(' ')} failed: ${result.stderr}`);
		return result.stdout.trim();
	}

	/** What Bull keeps about one job of n8n's queue ("jobs", prefix "bull"): its state and why it failed. */
	async bullJob(jobId: string): Promise<{
		state: string;
		failedReason: string;
		stalledCounter: string;
		attemptsMade: string;
	}> {
		const key = `bull:jobs:${jobId}`;
		const field = async (name: string) => (await this.cli('--raw', 'hget', key, name)).trim();
		const inSet = async (set: string, kind: 'zset' | 'list') => {
			const setKey = `bull:jobs:${set}`;
			if (kind === 'zset') return (await this.cli('--raw', 'zscore', setKey, jobId)).trim() !== '';
			return (await this.cli('--raw', 'lpos', setKey, jobId)).trim() !== '';
		};
		let state = 'unknown';
		if (await inSet('completed', 'zset')) state = 'completed';
		else if (await inSet('failed', 'zset')) state = 'failed';
		else if (await inSet('active', 'list')) state = 'active';
		else if (await inSet('wait', 'list')) state = 'waiting';
		else if ((await this.cli('--raw', 'exists', key)).trim() === '0') state = 'removed';
		return {
			state,
			failedReason: await field('failedReason'),
			stalledCounter: await field('stalledCounter'),
			attemptsMade: await field('attemptsMade'),
		};
	}

	async stop(): Promise<void> {
		await this.process.stop('SIGTERM', 5_000);
		await fs.rm(this.dir, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------------------
// n8n workers
// ---------------------------------------------------------------------------------------------------------

export interface WorkerExecution {
	executionId: string;
	jobId: string;
}

export class N8nWorker {
	private process?: ManagedProcess;
	healthPort = 0;

	constructor(
		readonly name: string,
		private readonly install: N8nInstall,
		/** N8N_USER_FOLDER of this worker: its own, with the pack installed in `.n8n/nodes`. */
		readonly userFolder: string,
		private readonly env: Record<string, string>,
	) {}

	/** `n8n worker`; resolves once its health server says it is ready (connected to the DB and Redis, taking jobs). */
	async start(timeoutMs = 120_000): Promise<void> {
		this.healthPort = await freePort();
		const env = baseN8nEnv(this.install, this.userFolder, {
			...this.env,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(this.healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
		this.process = new ManagedProcess(
			this.name,
			this.install.nodeBin,
			[this.install.n8nMain, 'worker'],
			{ env, cwd: this.userFolder },
		);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			if (!this.process.running) throw new Error(`${this.name} exited:\n${tail(this.log)}`);
			const ready = await fetch(`http://127.0.0.1:${this.healthPort}/healthz/readiness`).then(
				(answer) => answer.ok,
				() => false,
			);
			if (ready) return;
			if (Date.now() > deadline)
				throw new Error(`${this.name} did not get ready:\n${tail(this.log)}`);
			await sleep(500);
		}
	}

	get log(): string {
		return this.process?.output ?? '';
	}

	get running(): boolean {
		return this.process?.running ?? false;
	}

	get exited() {
		if (!this.process) throw new Error(`${this.name} was not started`);
		return this.process.exited;
	}

	/** Executions this worker logged as started ("Worker started execution N (job M)"). */
	startedExecutions(): WorkerExecution[] {
		return [...this.log.matchAll(/Worker started execution (\d+) \(job (\d+)\)/g)].map((match) => ({
			executionId: match[1],
			jobId: match[2],
		}));
	}

	/** Executions this worker logged as finished. */
	finishedExecutions(): WorkerExecution[] {
		return [...this.log.matchAll(/Worker finished execution (\d+) \(job (\d+)\)/g)].map(
			(match) => ({ executionId: match[1], jobId: match[2] }),
		);
	}

	/** Started, not (yet) finished. */
	inFlight(): WorkerExecution[] {
		const finished = new Set(this.finishedExecutions().map((execution) => execution.executionId));
		return this.startedExecutions().filter((execution) => !finished.has(execution.executionId));
	}

	/** SIGKILL to the worker and its task runner: a crash, an OOM kill, `docker kill`. */
	kill(): void {
		this.process?.signalGroup('SIGKILL');
	}

	/** SIGTERM to the worker process only: `docker stop`, a Kubernetes pod shutdown. */
	terminate(): void {
		this.process?.signal('SIGTERM');
	}

	async stop(): Promise<void> {
		await this.process?.stop('SIGTERM', 15_000);
	}
}

// ---------------------------------------------------------------------------------------------------------
// The cluster
// ---------------------------------------------------------------------------------------------------------

export interface QueueClusterOptions {
	workers?: number;
	/** More environment for the main only (e.g. WEBHOOK_URL). */
	mainEnv?: Record<string, string>;
	/** More environment for every n8n process. */
	env?: Record<string, string>;
	/** Runs after the main's database is migrated and before `n8n start` (imports, publishing). */
	beforeStart?: (main: N8nInstance) => Promise<void>;
	/** The port `n8n start` listens on (a free one by default). */
	mainPort?: number;
}

export class QueueCluster {
	readonly workers: N8nWorker[] = [];
	main!: N8nInstance;
	mainPort = 0;
	postgres?: PostgresServer;
	redis?: RedisServer;
	install!: N8nInstall;
	tarball = '';
	private stopped = false;
	private workerCount = 0;

	constructor(
		/** A temp folder holding the n8n processes' user folders and the packed package. */
		readonly root: string,
		private readonly options: QueueClusterOptions,
	) {}

	/** The environment every n8n process shares: queue mode, the database, Redis and the one encryption key. */
	sharedEnv(): Record<string, string> {
		return {
			EXECUTIONS_MODE: 'queue',
			...this.postgres!.n8nEnv(),
			...this.redis!.n8nEnv(),
			...this.options.env,
		};
	}

	/** A fresh user folder with the pack installed as a community package (unless told not to); returns N8N_USER_FOLDER. */
	async userFolderFor(name: string, installPackage = true): Promise<string> {
		const userFolder = path.join(this.root, name, 'user');
		await fs.mkdir(path.join(userFolder, '.n8n'), { recursive: true });
		if (installPackage) await installCommunityPackage(this.tarball, path.join(userFolder, '.n8n'));
		return userFolder;
	}

	/** Starts one more `n8n worker` with its own user folder (with the pack, unless `installPackage: false`). */
	async addWorker(options: { installPackage?: boolean } = {}): Promise<N8nWorker> {
		const name = `worker${++this.workerCount}`;
		const worker = new N8nWorker(
			name,
			this.install,
			await this.userFolderFor(name, options.installPackage ?? true),
			this.sharedEnv(),
		);
		this.workers.push(worker);
		await worker.start();
		return worker;
	}

	async sql<T = Record<string, unknown>>(query: string): Promise<T[]> {
		return await this.postgres!.query<T>(query);
	}

	/** Every stored execution, oldest first. */
	async executions(): Promise<
		Array<{
			id: string;
			workflowId: string;
			mode: string;
			status: string;
			finished: boolean;
			retryOf: string | null;
			startedAt: string | null;
			stoppedAt: string | null;
		}>
	> {
		// Ordered by the numeric id (an `order by id` would sort the text alias: 10 before 6).
		return await this.sql(
			'select e.id::text as id, e."workflowId", e.mode, e.status, e.finished, e."retryOf", e."startedAt", e."stoppedAt" from execution_entity e order by e.id',
		);
	}

	/** The stored run data of one execution (text as n8n keeps it: a flatted JSON). */
	async executionData(id: string): Promise<string> {
		const [row] = await this.sql<{ data: string }>(
			`select data from execution_data where "executionId" = ${Number(id)}`,
		);
		return row?.data ?? '';
	}

	/** The stored run data of one execution, decoded (n8n stores it with `flatted`: strings and objects by index). */
	async executionRunData(id: string): Promise<{
		resultData?: {
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
			runData?: Record<string, unknown>;
		};
	}> {
		const text = await this.executionData(id);
		return text ? (parseFlatted(text) as never) : {};
	}

	/** "Enqueued execution N (job M)" lines of the main. */
	enqueuedByMain(): WorkerExecution[] {
		return [...this.main.serverLog.matchAll(/Enqueued execution (\d+) \(job (\d+)\)/g)].map(
			(match) => ({ executionId: match[1], jobId: match[2] }),
		);
	}

	/** Writes the main's and every worker's output to `dir` (for TASKBRIDGE_QUEUE_LOGS=<dir>). */
	async saveLogs(dir: string): Promise<void> {
		await fs.mkdir(dir, { recursive: true });
		if (this.main) await fs.writeFile(path.join(dir, 'main.log'), this.main.serverLog);
		for (const worker of this.workers)
			await fs.writeFile(
				path.join(dir, `${worker.name}.log`),
				this.main ? this.main.redact(worker.log) : worker.log,
			);
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		if (process.env.TASKBRIDGE_QUEUE_LOGS)
			await this.saveLogs(process.env.TASKBRIDGE_QUEUE_LOGS).catch(() => undefined);
		const errors: unknown[] = [];
		const attempt = async (step: () => Promise<void> | undefined) => {
			try {
				await step();
			} catch (error) {
				errors.push(error);
			}
		};
		await Promise.all(this.workers.map((worker) => attempt(() => worker.stop())));
		await attempt(() => this.main?.cleanup());
		await attempt(() => this.redis?.stop());
		await attempt(() => this.postgres?.stop());
		if (process.env.TASKBRIDGE_KEEP_N8N !== '1')
			await attempt(() => fs.rm(this.root, { recursive: true, force: true, maxRetries: 3 }));
		if (errors.length) throw errors[0];
	}
}

/**
 * Postgres and Redis, the main (migrations and `beforeStart` through its CLI, then `n8n start`), then the
 * workers. On any failure everything started so far is stopped before the error is thrown.
 */
export async function startQueueCluster(options: QueueClusterOptions = {}): Promise<QueueCluster> {
	const root = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-queue-'));
	const cluster = new QueueCluster(root, options);
	try {
		const [install, postgres, redis, tarball] = await Promise.all([
			ensureN8n(),
			PostgresServer.start(),
			RedisServer.start(),
			packPackage(REPO_ROOT, path.join(root, 'pack')),
		]);
		Object.assign(cluster, { install, postgres, redis, tarball });
		const mainUserFolder = await cluster.userFolderFor('main');
		cluster.main = new N8nInstance(install, path.join(root, 'main'), mainUserFolder, {
			...cluster.sharedEnv(),
			...options.mainEnv,
		});
		await options.beforeStart?.(cluster.main);
		cluster.mainPort = options.mainPort ?? (await freePort());
		await cluster.main.startServer(cluster.mainPort);
		await Promise.all(Array.from({ length: options.workers ?? 2 }, () => cluster.addWorker()));
	} catch (error) {
		await cluster.stop().catch(() => undefined);
		throw error;
	}
	return cluster;
}
