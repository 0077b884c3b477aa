/**
 * A local npm registry on loopback, for installing packages through n8n's own community-packages path
 * (`npm pack <name>@<version> --registry <url>`, which needs a registry answering packuments and tarballs).
 *
 * verdaccio (a devDependency) runs as a child process on the Node that runs n8n: verdaccio 6 needs Node 22 or
 * later and the machine's node is 20. Its config, storage and users live in a temp folder removed by stop().
 * Offline by construction: no uplinks, so a name it does not hold is a 404, never a request to npmjs. Anyone
 * may read (n8n sends no token); only `n8n-nodes-*` names can be published, and only by a test user made
 * through the registry's own adduser endpoint (what `npm adduser` calls). Its token sits in an npmrc of the
 * temp folder (0600) that `npm publish` reads, never on a command line; password and token are in `secrets`
 * for the caller's redaction and secret scan.
 */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { N8nInstall } from '../e2e/harness/install';
import { freePort, isRunning, runProcess, stopGroup, tail } from '../e2e/harness/processes';
import { Redactor } from '../e2e/harness/redaction';
import { REPO_ROOT } from '../e2e/harness/repo';

/** How long one HTTP call to the registry may take (it answers in milliseconds here). */
const CALL_TIMEOUT_MS = 30_000;

/** verdaccio's entry script, from this repository's devDependencies. */
function verdaccioBin(): string {
	let manifest: string;
	try {
		manifest = require.resolve('verdaccio/package.json', { paths: [REPO_ROOT] });
	} catch {
		throw new Error('verdaccio is not installed: it is a devDependency (npm install)');
	}
	return path.join(path.dirname(manifest), 'bin/verdaccio');
}

/** verdaccio's config: storage and users in `folder`, no uplinks, publishing n8n-nodes-* for logged-in users. */
function configYaml(folder: string): string {
	return [
		`storage: ${JSON.stringify(path.join(folder, 'storage'))}`,
		'auth:',
		'  htpasswd:',
		`    file: ${JSON.stringify(path.join(folder, 'htpasswd'))}`,
		// No uplinks: nothing is proxied to npmjs (or anywhere).
		'uplinks: {}',
		'packages:',
		"  'n8n-nodes-*':",
		'    access: $all',
		'    publish: $authenticated',
		'    unpublish: $authenticated',
		"  '**':",
		'    access: $all',
		'web:',
		'  enable: false',
		'max_body_size: 100mb',
		'log: { type: stdout, format: json, level: warn }',
		'',
	].join('\n');
}

/** The name and version in a tarball's package.json. */
export async function tarballManifest(
	tarball: string,
): Promise<{ name: string; version: string; [key: string]: unknown }> {
	const result = await runProcess('tar', ['-xzOf', tarball, 'package/package.json'], {
		env: process.env,
		timeoutMs: 60_000,
	});
	if (result.exitCode !== 0)
		throw new Error(`could not read package.json in ${tarball}: ${tail(result.stderr)}`);
	return JSON.parse(result.stdout);
}

export class LocalRegistry {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	readonly url: string;
	/** The test user's password and token: never to be shown. */
	readonly secrets: string[] = [];
	private readonly redactor = new Redactor();
	private output = '';

	private constructor(
		private readonly folder: string,
		private readonly port: number,
		private readonly child: ChildProcess,
	) {
		this.url = `http://127.0.0.1:${port}`;
	}

	/** What verdaccio printed (warnings and errors only; redacted). */
	get log(): string {
		return this.redactor.redact(this.output);
	}

	/**
	 * Starts verdaccio on a free loopback port under `install`'s Node, waits (60 s at most) until it answers
	 * its ping, and makes the publishing user.
	 */
	static async start(install: N8nInstall): Promise<LocalRegistry> {
		const bin = verdaccioBin();
		const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-registry-'));
		const config = path.join(folder, 'config.yaml');
		await fs.writeFile(config, configYaml(folder));
		const port = await freePort();
		const child = spawn(
			install.nodeBin,
			[bin, '--config', config, '--listen', `127.0.0.1:${port}`],
			{
				cwd: folder,
				env: { ...process.env, PATH: `${install.nodeBinDir}${path.delimiter}${process.env.PATH}` },
				stdio: ['ignore', 'pipe', 'pipe'],
				// Own process group, so stop() ends it whole.
				detached: true,
			},
		);
		const registry = new LocalRegistry(folder, port, child);
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (registry.output += chunk));
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (registry.output += chunk));
		try {
			await registry.waitUntilAnswering(60_000);
			await registry.addUser();
		} catch (error) {
			await registry.stop();
			throw error;
		}
		return registry;
	}

	private async waitUntilAnswering(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last = 'no answer yet';
		while (Date.now() < deadline) {
			if (!isRunning(this.child))
				throw new Error(
					`verdaccio exited (${this.child.exitCode ?? this.child.signalCode}):\n${tail(this.log)}`,
				);
			const answer = await fetch(`${this.url}/-/ping`, {
				signal: AbortSignal.timeout(5_000),
			}).catch((error: Error) => error);
			if (!(answer instanceof Error) && answer.ok) return;
			last = answer instanceof Error ? answer.message : `HTTP ${answer.status}`;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(
			`verdaccio did not answer ${this.url}/-/ping within ${timeoutMs} ms (last: ${last}):\n${tail(this.log)}`,
		);
	}

	/** `PUT /-/user/org.couchdb.user:<name>` (npm adduser's call): a new user, whose token goes into the npmrc. */
	private async addUser(): Promise<void> {
		const name = `taskbridge-${randomBytes(4).toString('hex')}`;
		const password = randomBytes(18).toString('base64url');
		this.keepSecret(password);
		const answer = await fetch(`${this.url}/-/user/org.couchdb.user:${name}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name, password, email: `${name}@example.com`, type: 'user' }),
			signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
		});
		const body = (await answer.json().catch(() => ({}))) as { token?: string; error?: string };
		if (answer.status !== 201 || !body.token)
			throw new Error(
				`verdaccio refused to add a user (HTTP ${answer.status}: ${body.error ?? 'no token'})`,
			);
		this.keepSecret(body.token);
		const host = `//127.0.0.1:${this.port}/`;
		await fs.writeFile(this.npmrc, `${host}:_authToken=${body.token}\n`, { mode: 0o600 });
	}

	private keepSecret(value: string): void {
		this.secrets.push(value);
		this.redactor.add(value);
	}

	private get npmrc(): string {
		return path.join(this.folder, 'publisher.npmrc');
	}

	/**
	 * The environment for an npm that should read from this registry only, with its own cache here (so no
	 * tarball comes from ~/.npm, and nothing is left there): npm's own config, for commands given no
	 * `--registry` (n8n's `npm outdated`).
	 */
	npmEnv(): Record<string, string> {
		return {
			npm_config_registry: `${this.url}/`,
			npm_config_cache: path.join(this.folder, 'npm-cache'),
			npm_config_update_notifier: 'false',
			npm_config_audit: 'false',
			npm_config_fund: 'false',
		};
	}

	/**
	 * `npm publish <tarball> --registry <url>` as the test user; resolves once the registry serves that version.
	 * `--ignore-scripts` and `--provenance=false`: what is published is the tarball as built, from a test (a
	 * package's prepublishOnly guard and publishConfig are for real publishing; command-line flags win over
	 * publishConfig).
	 */
	async publish(tarball: string): Promise<{ name: string; version: string }> {
		// Absolute: npm reads a relative `dir/name.tgz` as a GitHub repository (`user/repo`).
		const file = path.resolve(tarball);
		const { name, version } = await tarballManifest(file);
		const result = await runProcess(
			'npm',
			[
				'publish',
				file,
				'--registry',
				`${this.url}/`,
				'--userconfig',
				this.npmrc,
				'--ignore-scripts',
				'--provenance=false',
				'--tag',
				'latest',
			],
			{
				env: { ...process.env, ...this.npmEnv(), npm_config_loglevel: 'warn' },
				cwd: this.folder,
				timeoutMs: 120_000,
			},
		);
		if (result.exitCode !== 0)
			throw new Error(
				`npm publish ${path.basename(tarball)} to ${this.url} failed (exit ${result.exitCode ?? result.signal}):\n${this.redactor.redact(tail(result.stderr + result.stdout))}\nverdaccio:\n${tail(this.log)}`,
			);
		const served = await this.manifestOf(name, version);
		if (!served)
			throw new Error(
				`npm publish said it published ${name}@${version}, but ${this.url} does not serve it`,
			);
		return { name, version };
	}

	/** The registry's manifest of one version (what n8n's version check reads), or undefined on 404. */
	async manifestOf(name: string, version: string): Promise<Record<string, unknown> | undefined> {
		const answer = await fetch(`${this.url}/${encodeURIComponent(name)}/${version}`, {
			signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
		});
		if (answer.status === 404) return undefined;
		if (!answer.ok) throw new Error(`${this.url} answered ${answer.status} for ${name}@${version}`);
		return (await answer.json()) as Record<string, unknown>;
	}

	/** The version the `latest` tag names. */
	async latest(name: string): Promise<string | undefined> {
		const answer = await fetch(`${this.url}/${encodeURIComponent(name)}`, {
			signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
		});
		if (answer.status === 404) return undefined;
		const body = (await answer.json()) as { 'dist-tags'?: { latest?: string } };
		return body['dist-tags']?.latest;
	}

	/** Stops verdaccio (its process group) and deletes its folder (kept with TASKBRIDGE_KEEP_N8N=1). */
	async stop(): Promise<void> {
		await stopGroup(this.child, 10_000);
		if (process.env.TASKBRIDGE_KEEP_N8N === '1') {
			process.stderr.write(`[registry] kept ${this.folder}\n`);
			return;
		}
		if (existsSync(this.folder))
			await fs.rm(this.folder, { recursive: true, force: true, maxRetries: 3 });
	}
}
