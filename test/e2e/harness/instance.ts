/**
 * Drives a real n8n from jest. n8n is installed once into a cache outside the repo (install.ts); each
 * instance gets a fresh user folder with the BUILT pack (what `npm pack` ships: package.json + dist)
 * installed the way users get it, as a community package in
 * `<user folder>/.n8n/nodes/node_modules/n8n-nodes-taskbridge`, so node types are
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
 * The CLI side (import, execute, publish, query) is cli.ts; this adds `n8n start` and its REST API, and the
 * cleanup with its secret scan.
 *
 * Secrets: values of secret-looking credential fields, the encryption key and anything given to
 * `addSecret` are replaced by *** in every message this harness builds from n8n's output (redaction.ts).
 *
 * Secret scan (issue 8): `cleanup()` first runs `assertNoSecretLeaked()`, so every file that uses this
 * harness gets it without opting in. It looks for every secret in use (secretScanning.ts) in every run
 * `execute()` returned, every stored execution and everything the n8n processes printed, fails the file
 * naming the kind of secret and where (redacted), and writes the figures to `.build/secret-scan/<test file>.json`.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SecretLedger } from '../secretScan';
import { N8nCli } from './cli';
import { DEFAULT_N8N_VERSION, ensureN8n } from './install';
import { installCommunityPackage, packPackage } from './packAndInstall';
import { freePort, killGroup, stopGroup, tail } from './processes';
import { REPO_ROOT } from './repo';
import { logIn, setUpOwner, type N8nOwner, type RestCaller } from './rest';
import {
	reportScan,
	scanForSecrets,
	secretsInUse,
	type SecretScanSummary,
	type StoredExecution,
} from './secretScanning';
import { spawnN8nServer, STARTUP_DONE, waitForWebhook, waitUntilServing } from './server';
import { seedDatabase } from './templateDatabase';

interface CreateN8nInstanceOptions {
	version?: string;
	/** Folder of the (built) package to install as a community package. Default: this repo. */
	packageDir?: string;
	/**
	 * Whether to put the pack into the user folder by hand before n8n starts (default true). `false` leaves the
	 * folder without community packages, for tests that install through n8n's own path (test/install).
	 */
	installPack?: boolean;
	/** More environment for every n8n process of this instance (overrides the defaults). */
	env?: Record<string, string>;
}

/** The owner account of a test instance (ownerRest; a browser test signs in with it). */
export const E2E_OWNER: N8nOwner = {
	email: 'e2e@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Owner-Passw0rd',
};

export class N8nInstance extends N8nCli {
	/** Whether the secret scan has run (or is no longer wanted). */
	private scanned = false;

	/** The port `n8n start` listens on, once started. */
	serverPort?: number;

	/** What `n8n start` has printed so far (redacted). */
	get serverLog(): string {
		return this.redact(this.serverOutput);
	}
	private serverOutput = '';

	/**
	 * `n8n start` (editor, REST API, active triggers, pollers) on a loopback port; resolves once all of it is up
	 * (server.ts `waitUntilServing`: health, settings, and its published workflows activated).
	 */
	async startServer(port: number): Promise<void> {
		this.serverPort = port;
		const env = this.env({
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		const server = spawnN8nServer(this.install, {
			env,
			cwd: this.root,
			onOutput: (chunk) => (this.serverOutput += chunk),
		});
		this.children.add(server);
		server.on('close', () => this.children.delete(server));
		await waitUntilServing(server, port, {
			startedUp: () => this.serverOutput.includes(STARTUP_DONE),
			log: () => tail(this.serverLog),
			timeoutMs: 120_000,
		});
	}

	/** Stops `n8n start` (SIGTERM, as Ctrl-C does), leaving the user folder for the next start. */
	async stopServer(): Promise<void> {
		await Promise.all([...this.children].map((child) => stopGroup(child)));
		this.serverPort = undefined;
	}

	/**
	 * The editor's REST API as its owner calls it: sets the owner up, logs in, and returns a caller that
	 * sends the session cookie (and the browser id n8n ties the session to).
	 */
	async ownerRest(): Promise<RestCaller> {
		if (this.serverPort === undefined) throw new Error('ownerRest() needs startServer() first');
		const base = `http://127.0.0.1:${this.serverPort}`;
		await setUpOwner(base, E2E_OWNER);
		const login = await logIn(base, E2E_OWNER);
		if (!login.rest) throw new Error(`owner login answered ${login.status}`);
		return login.rest;
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

	/**
	 * Resolves once n8n's production webhook at `url` is registered for `method`: a CORS preflight (which runs
	 * no workflow) lists the methods n8n holds for the path. A vendor that delivers before this gets a 404.
	 */
	async webhookReady(url: string, method = 'POST', timeoutMs = 60_000): Promise<void> {
		await waitForWebhook(url, { method, timeoutMs, log: () => tail(this.serverLog) });
	}

	/**
	 * Runs the secret scan (assertNoSecretLeaked, once), then stops any n8n process still running for this
	 * instance and deletes its folder (kept if TASKBRIDGE_KEEP_N8N=1). Rejects, after stopping and deleting, if
	 * a secret in use was found: in afterAll, that fails the test file.
	 */
	async cleanup(): Promise<void> {
		let leak: unknown;
		if (!this.scanned && !this.cleaned) {
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
		this.scanned = true;
		for (const child of this.children) killGroup(child, 'SIGKILL');
		if (process.env.TASKBRIDGE_KEEP_N8N === '1') {
			process.stderr.write(`[n8n e2e] kept ${this.root} (N8N_USER_FOLDER=${this.userFolder})\n`);
			return;
		}
		await fs.rm(this.root, { recursive: true, force: true, maxRetries: 3 });
	}

	/** The secrets in use now (secretScanning.ts `secretsInUse`). */
	secretsInUse(): SecretLedger {
		return secretsInUse(this.record);
	}

	/** The stored executions to scan, or undefined when this instance has no SQLite database (e.g. a queue-mode main). */
	protected async executionsToScan(): Promise<StoredExecution[] | undefined> {
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
		const stored = await this.executionsToScan();
		const outputs = [
			...this.record.outputs,
			...(this.serverOutput ? [{ source: 'output of `n8n start`', text: this.serverOutput }] : []),
		];
		const summary = scanForSecrets(ledger, this.record.runs, stored, outputs);
		this.scanned = true;
		return reportScan(this, ledger, summary);
	}
}

/**
 * A fresh n8n: its own temp user folder (database from a migrated template), the built pack installed as
 * a community package (unless `installPack: false`), nothing running until a method is called.
 */
export async function createN8nInstance(
	options: CreateN8nInstanceOptions = {},
): Promise<N8nInstance> {
	const install = await ensureN8n(options.version ?? DEFAULT_N8N_VERSION);
	const root = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-n8n-'));
	const instance = new N8nInstance(install, root, path.join(root, 'user'), options.env);
	try {
		const [tarball] = await Promise.all([
			options.installPack === false
				? undefined
				: packPackage(options.packageDir ?? REPO_ROOT, path.join(root, 'pack')),
			seedDatabase(install, instance.n8nFolder),
		]);
		if (tarball) await installCommunityPackage(tarball, instance.n8nFolder);
	} catch (error) {
		await instance.discard();
		throw error;
	}
	return instance;
}
