/**
 * Redis for the queue cluster (Bull's job queue and n8n's pub/sub channel): a private server on a free
 * loopback port, nothing persisted; and what Bull keeps about a job.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, tail } from '../e2e/harness/processes';
import { ManagedProcess, run, sleep } from './processes';

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
