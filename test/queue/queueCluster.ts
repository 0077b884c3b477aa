/**
 * n8n in queue mode for jest: a private PostgreSQL cluster and a Redis server, then one `n8n start` (the
 * main: editor, REST API, webhooks, the triggers and pollers) and `n8n worker` processes that run the
 * executions. Everything listens on loopback on free ports and lives in temp dirs that `stop()` removes,
 * after ending every process it started (also when a test failed).
 *
 *   const cluster = await startQueueCluster({ workers: 2, mainEnv: { WEBHOOK_URL: ... } });
 *   cluster.main                       // an N8nInstance (test/e2e/harness/instance.ts) whose CLI and REST calls use Postgres
 *   cluster.workers[0].startedExecutions()
 *   await cluster.sql('select id, status from execution_entity');
 *   await cluster.stop();
 *
 * The parts sit beside this file: processes.ts, postgresServer.ts, redisServer.ts, n8nWorker.ts.
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
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../e2e/harness/repo';
import { ensureN8n, type N8nInstall } from '../e2e/harness/install';
import { freePort } from '../e2e/harness/processes';
import { installCommunityPackage, packPackage } from '../e2e/harness/packAndInstall';
import { N8nInstance } from '../e2e/harness/instance';
import { parseFlatted } from '../e2e/flatted';
import { N8nWorker, type WorkerExecution } from './n8nWorker';
import { PostgresServer } from './postgresServer';
import { RedisServer } from './redisServer';

interface QueueClusterOptions {
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
