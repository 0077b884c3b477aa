/**
 * The programs the queue cluster runs: a command run to its end, and a long-running process (postgres,
 * redis-server, an n8n main or worker) in its own process group, its output kept, ended with its whole group.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { runProcess } from '../e2e/harness/processes';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A command run to its end (no shell), with the environment given or this process's. */
export const run = (
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
) =>
	runProcess(command, args, {
		env: options.env ?? process.env,
		timeoutMs: options.timeoutMs ?? 120_000,
	});

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
