/**
 * The machine-wide lock the end-to-end runs take (`flock /tmp/taskbridge-e2e.lock ...`): the bench holds it
 * for its whole run, so it neither starts an n8n beside another one nor times anything while an e2e run
 * competes for the same two cores.
 */
import { spawn, spawnSync } from 'node:child_process';

const E2E_LOCK_FILE = '/tmp/taskbridge-e2e.lock';

export interface HeldLock {
	/** How long the bench waited for another run to let go of the lock. */
	waitedMs: number;
	/** False when `flock` is not installed: the bench then runs without the lock and says so. */
	held: boolean;
	release(): Promise<void>;
}

/** Takes the lock through a `flock` child that holds it until its stdin closes. */
export async function holdE2eLock(): Promise<HeldLock> {
	const started = Date.now();
	if (spawnSync('flock', ['--version']).error)
		return { waitedMs: 0, held: false, release: async () => {} };
	// `cat` keeps the lock until we end its stdin; "locked" tells us flock has it.
	const holder = spawn('flock', [E2E_LOCK_FILE, 'sh', '-c', 'echo locked; exec cat >/dev/null'], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const exited = new Promise<void>((resolve) => holder.on('close', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		holder.stdout
			.setEncoding('utf8')
			.on('data', (chunk: string) => chunk.includes('locked') && resolve());
		holder.on('error', reject);
		holder.on('close', (code) =>
			reject(new Error(`flock ${E2E_LOCK_FILE} exited (${code}) before taking the lock`)),
		);
	});
	return {
		waitedMs: Date.now() - started,
		held: true,
		release: async () => {
			holder.stdin.end();
			await exited;
		},
	};
}
