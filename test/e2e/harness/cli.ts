/**
 * n8n's CLI on one user folder: import credentials and workflows, execute a workflow, publish it, query its
 * database. Every command runs under the Node n8n needs, with baseN8nEnv and a fresh task-broker port. The
 * tests' N8nInstance adds a server and the secret scan on top; `npm start` uses it as it is.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { baseN8nEnv, E2E_ENCRYPTION_KEY, type N8nEnvOptions } from './environment';
import type { N8nInstall } from './install';
import { freePort, runProcess, tail, type ProcessResult } from './processes';
import { Redactor } from './redaction';
import { PACKAGE_NAME } from './repo';
import { extractRun, type N8nRun } from './runData';
import { newId, type N8nCredential, type N8nWorkflow } from './workflowBuilder';

export class N8nCliError extends Error {
	constructor(
		message: string,
		readonly result: ProcessResult,
		readonly run?: N8nRun,
	) {
		super(message);
		this.name = 'N8nCliError';
	}
}

interface ExecuteOptions {
	/** Return the run data of an execution that ended in error instead of throwing. */
	allowError?: boolean;
	timeoutMs?: number;
}

export class N8nCli {
	/** Where the package is installed: `<userFolder>/.n8n/nodes/node_modules/<package name>`. */
	readonly packageFolder: string;
	readonly n8nFolder: string;
	/** Secrets never shown in messages: the encryption key, the credentials' secret fields, addSecret values. */
	protected readonly redactor: Redactor;
	/** n8n processes of this folder still running (killed by the instance's cleanup). */
	protected readonly children = new Set<ChildProcess>();
	protected cleaned = false;
	/** What was imported and run here and what n8n printed: what the tests' secret scan looks through. */
	protected readonly record = {
		credentials: [] as N8nCredential[],
		workflows: [] as N8nWorkflow[],
		added: [] as string[],
		runs: [] as Array<{ source: string; run: N8nRun }>,
		outputs: [] as Array<{ source: string; text: string }>,
	};

	constructor(
		readonly install: N8nInstall,
		/** The folder n8n commands run in (temp files go here too). */
		readonly root: string,
		/** N8N_USER_FOLDER: n8n keeps its data in `<userFolder>/.n8n`. */
		readonly userFolder: string,
		private readonly extraEnv: Record<string, string> = {},
		/** Encryption key and time zone, when not the tests' (environment.ts). */
		private readonly envOptions: N8nEnvOptions = {},
	) {
		this.n8nFolder = path.join(userFolder, '.n8n');
		this.packageFolder = path.join(this.n8nFolder, 'nodes/node_modules', PACKAGE_NAME);
		const key =
			envOptions.encryptionKey === undefined ? E2E_ENCRYPTION_KEY : envOptions.encryptionKey;
		this.redactor = new Redactor(key ? [key] : []);
	}

	/** `n8n-nodes-taskbridge.<name>`, the type n8n gives a node of this community package. */
	nodeType(name: string): string {
		return `${PACKAGE_NAME}.${name}`;
	}

	/** Whether this is the n8n 1.x line, whose CLI and REST API name activation differently. */
	get isN8n1(): boolean {
		return this.install.version.startsWith('1.');
	}

	/** The environment n8n processes of this folder get (a fresh task-broker port each time: pass one in extra). */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return baseN8nEnv(
			this.install,
			this.userFolder,
			{ ...this.extraEnv, ...extra },
			this.envOptions,
		);
	}

	/** Registers a value never to be shown in messages (e.g. a token a fake issued). */
	addSecret(value: string): void {
		this.redactor.add(value);
		if (value) this.record.added.push(value);
	}

	redact(text: string): string {
		return this.redactor.redact(text);
	}

	/** Runs `n8n <args>` with this folder's environment. Never throws on a non-zero exit; output is not redacted. */
	async run(args: string[], options: { timeoutMs?: number } = {}): Promise<ProcessResult> {
		return (await this.runKept(args, options)).result;
	}

	/** run(), keeping what n8n printed for the secret scan (`output.text` may be narrowed by the caller). */
	private async runKept(
		args: string[],
		options: { timeoutMs?: number } = {},
	): Promise<{ result: ProcessResult; output: { source: string; text: string } }> {
		if (this.cleaned) throw new Error('This n8n instance was cleaned up');
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		const result = await runProcess(this.install.nodeBin, [this.install.n8nMain, ...args], {
			env,
			cwd: this.root,
			timeoutMs: options.timeoutMs ?? 5 * 60_000,
			track: this.children,
		});
		const output = {
			source: `output of \`n8n ${args.join(' ')}\``,
			text: [result.stdout, result.stderr].filter(Boolean).join('\n'),
		};
		this.record.outputs.push(output);
		return { result, output };
	}

	protected fail(what: string, result: ProcessResult, run?: N8nRun): never {
		const how = result.timedOut ? 'timed out' : `exit ${result.exitCode ?? result.signal}`;
		const output = this.redact(
			tail([result.stderr, extractRun(result.stdout).log].filter(Boolean).join('\n').trim()),
		);
		const redacted = {
			...result,
			stdout: this.redact(result.stdout),
			stderr: this.redact(result.stderr),
		};
		throw new N8nCliError(`${what} (${how}). n8n said:\n${output}`, redacted, run);
	}

	/** `n8n import:credentials`: plain-text data, encrypted by n8n with the folder's key. Returns their ids. */
	async importCredentials(credentials: N8nCredential[]): Promise<string[]> {
		const withIds = credentials.map((credential) => ({
			...credential,
			id: credential.id ?? newId(),
		}));
		for (const credential of withIds) this.redactor.addSecretsOf(credential.data);
		this.record.credentials.push(...withIds);
		const file = path.join(this.root, `credentials-${newId()}.json`);
		await fs.writeFile(file, JSON.stringify(withIds), { mode: 0o600 });
		try {
			const result = await this.run(['import:credentials', `--input=${file}`]);
			const imported = /Successfully imported (\d+) credential/.exec(result.stdout);
			if (result.exitCode !== 0 || Number(imported?.[1]) !== withIds.length) {
				this.fail(`n8n import:credentials did not import ${withIds.length} credential(s)`, result);
			}
		} finally {
			await fs.rm(file, { force: true });
		}
		return withIds.map((credential) => credential.id);
	}

	/** `n8n import:workflow` of one workflow; returns its id (made up if it had none). */
	async importWorkflow(workflow: N8nWorkflow): Promise<string> {
		const [id] = await this.importWorkflows([workflow]);
		return id;
	}

	/** `n8n import:workflow` of several workflows in one go (one n8n start); returns their ids. */
	async importWorkflows(workflows: N8nWorkflow[]): Promise<string[]> {
		const prepared = workflows.map((workflow) => ({
			...workflow,
			id: workflow.id ?? newId(),
			name: workflow.name ?? workflow.id ?? 'e2e workflow',
			settings: workflow.settings ?? { executionOrder: 'v1' },
		}));
		this.record.workflows.push(...prepared);
		const file = path.join(this.root, `workflows-${newId()}.json`);
		await fs.writeFile(file, JSON.stringify(prepared));
		try {
			const result = await this.run(['import:workflow', `--input=${file}`]);
			const imported = /Successfully imported (\d+) workflow/.exec(result.stdout);
			if (
				result.exitCode !== 0 ||
				Number(imported?.[1]) !== prepared.length ||
				/Skipped workflow/.test(result.stdout)
			) {
				this.fail(`n8n import:workflow did not import ${prepared.length} workflow(s)`, result);
			}
		} finally {
			await fs.rm(file, { force: true });
		}
		return prepared.map((workflow) => workflow.id);
	}

	/** The ids of the workflows stored in this folder (`n8n list:workflow --onlyId`). */
	async workflowIds(): Promise<string[]> {
		const result = await this.run(['list:workflow', '--onlyId']);
		if (result.exitCode !== 0) this.fail('n8n list:workflow failed', result);
		return result.stdout
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`: runs the stored workflow from its trigger (mode "cli") and returns
	 * the run data n8n prints. Throws N8nCliError (with `.run` when there is one) if the execution ended in
	 * error, unless `allowError`. Polling triggers do not poll in this mode: n8n only calls `poll` in
	 * manual mode.
	 */
	async execute(workflowId: string, options: ExecuteOptions = {}): Promise<N8nRun> {
		const { result, output } = await this.runKept(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			{ timeoutMs: options.timeoutMs },
		);
		const { run, log } = extractRun(result.stdout);
		if (run) {
			// The run data is scanned as data (by path); the rest of what n8n printed as its log.
			this.record.runs.push({ source: `run data execute(${workflowId}) returned`, run });
			output.text = [log, result.stderr].filter(Boolean).join('\n');
		}
		if (!run) this.fail(`n8n execute ${workflowId} printed no run data`, result);
		const error = run.data.resultData.error;
		if ((error || run.status !== 'success') && !options.allowError) {
			const where = error?.node?.name ? ` in node "${error.node.name}"` : '';
			const why = error
				? `: ${error.message}${error.description ? ` (${error.description})` : ''}`
				: '';
			this.fail(
				`Workflow ${workflowId} ended with status "${run.status}"${where}${this.redact(why)}`,
				result,
				run,
			);
		}
		// n8n 2.41 sometimes dies with SIGSEGV in process.exit() after printing the run data (its
		// isolated-vm expression pool is refilling). The run is complete and stored by then: that is not
		// a failure of the workflow. Any other odd exit with a successful run is.
		const crashedAtExit = result.signal === 'SIGSEGV' || result.exitCode === 139;
		if (!error && run.status === 'success' && result.exitCode !== 0 && !crashedAtExit) {
			this.fail(`n8n execute ${workflowId} printed a successful run but exited badly`, result, run);
		}
		return run;
	}

	/**
	 * Marks a stored workflow active before `n8n start` reads it: `publish:workflow` (2.x, the editor's
	 * Publish), or `update:workflow --active=true` (1.x, which has no publishing).
	 */
	async publish(workflowId: string): Promise<void> {
		const args = this.isN8n1
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
		const result = await this.run(args);
		if (result.exitCode !== 0) this.fail(`n8n ${args[0]} ${workflowId} failed`, result);
	}

	/** Rows of a query on the folder's SQLite database (read with n8n's own sqlite3 under n8n's Node). */
	async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
		const script = `const sqlite3 = require(${JSON.stringify(path.join(this.install.dir, 'node_modules/sqlite3'))});
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all(process.argv[2], JSON.parse(process.argv[3]), (error, rows) => {
	if (error) { console.error(error.message); process.exit(1); }
	process.stdout.write(JSON.stringify(rows));
	db.close();
});`;
		const result = await runProcess(
			this.install.nodeBin,
			['-e', script, path.join(this.n8nFolder, 'database.sqlite'), sql, JSON.stringify(params)],
			{ env: this.env(), cwd: this.root, timeoutMs: 60_000 },
		);
		if (result.exitCode !== 0) throw new Error(`query failed: ${this.redact(result.stderr)}`);
		return JSON.parse(result.stdout) as T[];
	}

	/** Executions n8n stored, oldest first, with their run data as stored (text). */
	async storedExecutions(): Promise<
		Array<{ id: number; workflowId: string; mode: string; status: string; data: string }>
	> {
		return this.query(
			'select e.id, e.workflowId, e.mode, e.status, d.data from execution_entity e join execution_data d on d.executionId = e.id order by e.id',
		);
	}
}
