/**
 * A real n8n for end-to-end tests: installed once into a cache by scripts/install-n8n.sh, given a fresh
 * user folder per suite, with the built pack installed the way users get it, as a community package.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-taskbridge';

export interface N8nInstall {
	dir: string;
	n8nBin: string;
	nodeBinDir: string;
}

/** Installs n8n into the cache on first use (minutes), then reuses it. */
export function ensureN8n(version = '2.41.1'): N8nInstall {
	const output = execFileSync('bash', [path.join(REPO, 'scripts/install-n8n.sh'), version], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 30 * 60_000,
	});
	const dir = output.trim().split('\n').pop()!;
	return { dir, n8nBin: path.join(dir, 'node_modules/.bin/n8n'), nodeBinDir: path.join(dir, 'node_modules/node/bin') };
}

export interface RunResult {
	status: string;
	/** Output items of each node's first run, main output 0, as JSON. */
	output: (nodeName: string, outputIndex?: number) => Array<Record<string, unknown>>;
	error?: { message: string; description?: string; node?: { name: string } };
	raw: Record<string, unknown>;
}

export class N8nSandbox {
	readonly userFolder: string;

	private constructor(
		private readonly install: N8nInstall,
		private readonly encryptionKey: string,
	) {
		this.userFolder = mkdtempSync(path.join(tmpdir(), 'taskbridge-e2e-'));
	}

	/** A fresh n8n user folder with the built pack (repo's dist + package.json) as a community package. */
	static create(install = ensureN8n()): N8nSandbox {
		const sandbox = new N8nSandbox(install, 'taskbridge-e2e-key');
		const target = path.join(sandbox.userFolder, '.n8n/nodes/node_modules', PACKAGE_NAME);
		mkdirSync(target, { recursive: true });
		cpSync(path.join(REPO, 'package.json'), path.join(target, 'package.json'));
		cpSync(path.join(REPO, 'dist'), path.join(target, 'dist'), { recursive: true });
		return sandbox;
	}

	env(): NodeJS.ProcessEnv {
		// Jest's NODE_ENV=test and npm's settings describe this test process, not n8n.
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('npm_') && !key.startsWith('JEST')),
		);
		return {
			...inherited,
			PATH: `${this.install.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			// The CLI's own runner would listen on a fixed port; suites may run side by side.
			N8N_RUNNERS_BROKER_PORT: String(20000 + Math.floor(Math.random() * 20000)),
		};
	}

	/** Runs an n8n CLI command; `tolerateExitCode` for commands whose failure still prints what we need. */
	cli(args: string[], tolerateExitCode = false): Promise<{ stdout: string; stderr: string }> {
		return new Promise((resolve, reject) => {
			execFile(
				this.install.n8nBin,
				args,
				{ env: this.env(), cwd: this.userFolder, maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60_000 },
				(error, stdout, stderr) => {
					if (error && (!tolerateExitCode || typeof error.code !== 'number')) {
						reject(new Error(`n8n ${args[0]} failed: ${error.message}\n${stderr}\n${stdout.slice(-4000)}`));
					} else resolve({ stdout, stderr });
				},
			);
		});
	}

	async importCredentials(credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>) {
		const file = path.join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		await this.cli(['import:credentials', `--input=${file}`]);
		rmSync(file);
	}

	async importWorkflows(workflows: object[]) {
		const file = path.join(this.userFolder, `workflows-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(workflows));
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/** Runs a stored workflow with n8n's CLI, as n8n runs a manual execution, and reads its run data. */
	async execute(workflowId: string): Promise<RunResult> {
		// A workflow that ends in error exits non-zero but still prints its run data.
		const { stdout, stderr } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], true);
		const start = stdout.startsWith('{') ? 0 : stdout.indexOf('\n{') + 1;
		if (start === 0 && !stdout.startsWith('{')) throw new Error(`n8n printed no run data:\n${stdout}\n${stderr}`);
		// The run data is one pretty-printed object; anything n8n logs around it is left out.
		const end = stdout.lastIndexOf('\n}') + 2;
		const raw = JSON.parse(stdout.slice(start, end)) as {
			status: string;
			data: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> } }>>; error?: RunResult['error'] } };
		};
		const { runData, error } = raw.data.resultData;
		return {
			status: raw.status,
			error,
			raw: raw as unknown as Record<string, unknown>,
			output: (nodeName, outputIndex = 0) => (runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? []).map((item) => item.json),
		};
	}

	/** Every execution n8n stored, oldest first, its run data as stored (text). */
	storedExecutions(): Array<{ id: number; workflowId: string; mode: string; status: string; data: string }> {
		// Read with the sqlite3 module n8n itself uses, under n8n's Node.
		const script = `const sqlite3 = require(${JSON.stringify(path.join(this.install.dir, 'node_modules/sqlite3'))});
const db = new sqlite3.Database(process.argv[1]);
db.all('select e.id, e.workflowId, e.mode, e.status, d.data from execution_entity e join execution_data d on d.executionId = e.id order by e.id', (error, rows) => {
	if (error) throw error;
	process.stdout.write(JSON.stringify(rows));
});`;
		const output = execFileSync(path.join(this.install.nodeBinDir, 'node'), ['-e', script, path.join(this.userFolder, '.n8n/database.sqlite')], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		return JSON.parse(output);
	}

	/** Marks a stored workflow active, as the editor's Publish does; takes effect when n8n starts. */
	async publish(workflowId: string) {
		await this.cli(['publish:workflow', `--id=${workflowId}`]);
	}

	private server?: ChildProcess;
	serverLog = '';

	/** Starts n8n's server (editor, triggers, pollers) on a loopback port; resolves when it answers. */
	async startServer(port: number): Promise<void> {
		this.server = spawn(this.install.n8nBin, ['start'], {
			env: { ...this.env(), N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1' },
			cwd: this.userFolder,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server.stdout?.on('data', (chunk) => (this.serverLog += String(chunk)));
		this.server.stderr?.on('data', (chunk) => (this.serverLog += String(chunk)));
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null) throw new Error(`n8n start exited:\n${this.serverLog}`);
			const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
			if (healthy) return;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		throw new Error(`n8n did not answer on port ${port}:\n${this.serverLog}`);
	}

	async stopServer(): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
		if (server.exitCode === null) server.kill('SIGKILL');
	}

	cleanup() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** A workflow: a Manual Trigger feeding the given nodes in a chain. */
export function chainWorkflow(id: string, nodes: Array<{ name: string; type: string; parameters: object; credentials?: object; onError?: string }>) {
	const all = [
		{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...nodes.map((node, i) => ({ id: `${id}-${i}`, typeVersion: 1, position: [220 * (i + 1), 0], ...node })),
	];
	const connections: Record<string, object> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name: id, active: false, nodes: all, connections, settings: { executionOrder: 'v1' } };
}
