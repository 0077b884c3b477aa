/**
 * One `n8n worker` of the queue cluster: started with its own user folder until its health server says ready;
 * the executions its log says it started and finished; killed (SIGKILL) or stopped (SIGTERM).
 */
import { baseN8nEnv } from '../e2e/harness/environment';
import type { N8nInstall } from '../e2e/harness/install';
import { freePort, tail } from '../e2e/harness/processes';
import { ManagedProcess, sleep } from './processes';

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
