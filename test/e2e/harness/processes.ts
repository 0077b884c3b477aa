/**
 * Child processes and ports: running a command to its end with its output kept whole, stopping a process
 * group, finding a free loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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

/** Whether a child is still running (has neither exited nor been ended by a signal). */
export function isRunning(child: ChildProcess): boolean {
	return child.exitCode === null && child.signalCode === null;
}

/** Sends a signal to a detached child's whole process group (n8n and its task runner), or to the child alone. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || !isRunning(child)) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		child.kill(signal);
	}
}

/** SIGTERM to a detached child's process group, SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopGroup(child: ChildProcess, graceMs = 20_000): Promise<void> {
	if (!isRunning(child)) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killGroup(child, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** The end of a long output, for an error message. */
export function tail(text: string, max = 6000): string {
	return text.length <= max ? text : `…${text.slice(-max)}`;
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

/** Whether something listens on a loopback port. */
export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host, port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
