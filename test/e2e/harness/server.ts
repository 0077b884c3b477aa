/**
 * `n8n start` (editor, REST API, active triggers and pollers): spawning it in its own process group and
 * waiting until all of it is up. The tests' N8nInstance and `npm start` both run it through here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { N8nInstall } from './install';
import { isRunning } from './processes';

/** What `n8n start` prints once its published workflows are activated (1.x and 2.x alike): the end of its startup. */
export const STARTUP_DONE = 'Editor is now accessible via';

/**
 * Spawns `n8n start` with the given environment (which names N8N_PORT and a free N8N_RUNNERS_BROKER_PORT), in
 * its own process group, so that stopping the group (processes.ts `stopGroup`, `killGroup`) also stops the
 * task runner it starts. Everything it prints goes to `onOutput`.
 */
export function spawnN8nServer(
	install: N8nInstall,
	options: { env: NodeJS.ProcessEnv; cwd: string; onOutput: (chunk: string) => void },
): ChildProcess {
	const server = spawn(install.nodeBin, [install.n8nMain, 'start'], {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	server.stdout!.setEncoding('utf8').on('data', options.onOutput);
	server.stderr!.setEncoding('utf8').on('data', options.onOutput);
	return server;
}

/** Tells from the chunks `n8n start` prints whether it has printed STARTUP_DONE (the text may be split across chunks). */
export function startupWatcher(): { onOutput: (chunk: string) => void; done: () => boolean } {
	let seen = '';
	let done = false;
	return {
		onOutput: (chunk) => {
			if (done) return;
			seen = (seen + chunk).slice(-(STARTUP_DONE.length + chunk.length));
			done = seen.includes(STARTUP_DONE);
		},
		done: () => done,
	};
}

/**
 * Resolves once `n8n start` serves everything on `port`. n8n answers its health check before it activates the
 * published workflows (their webhooks, pollers and vendor subscriptions), and prints STARTUP_DONE only after
 * that: `startedUp` (whether it printed it) is waited for as well as /healthz/readiness and /rest/settings.
 * Throws if the server exits first or the time runs out; `log()` is added to the message.
 */
export async function waitUntilServing(
	server: ChildProcess,
	port: number,
	options: { startedUp: () => boolean; log: () => string; timeoutMs: number },
): Promise<void> {
	const deadline = Date.now() + options.timeoutMs;
	const up = (route: string) =>
		fetch(`http://127.0.0.1:${port}${route}`).then(
			(answer) => answer.ok,
			() => false,
		);
	while (Date.now() < deadline) {
		if (!isRunning(server)) throw new Error(`n8n start exited:\n${options.log()}`);
		if (options.startedUp() && (await up('/healthz/readiness')) && (await up('/rest/settings')))
			return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n start did not answer on port ${port}:\n${options.log()}`);
}

/**
 * Resolves once n8n's production webhook at `url` is registered for `method`: a CORS preflight (which runs
 * no workflow) lists the methods n8n holds for the path. A vendor that delivers before this gets a 404.
 */
export async function waitForWebhook(
	url: string,
	options: { method: string; timeoutMs: number; log: () => string },
): Promise<void> {
	const { method, timeoutMs } = options;
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
		`n8n did not register ${method} ${url} within ${timeoutMs} ms (allowed: ${allowed || 'none'}):\n${options.log()}`,
	);
}
