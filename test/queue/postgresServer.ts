/**
 * PostgreSQL for the queue cluster (n8n's one shared database): a private cluster in a temp dir on a free
 * loopback port, run as the `postgres` user (postgres refuses to run as root).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, tail } from '../e2e/harness/processes';
import { ManagedProcess, run, sleep } from './processes';

/** Where Debian (or PATH) has initdb and postgres. */
function postgresBinDir(): string {
	const candidates: string[] = [];
	try {
		const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
		for (const version of versions) candidates.push(`/usr/lib/postgresql/${version}/bin`);
	} catch {
		// not Debian's layout
	}
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
	const found = candidates.find(
		(dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
	);
	if (!found)
		throw new Error(
			'initdb/postgres not found: run `bash scripts/ensure-queue-services.sh` (npm run test:queue does)',
		);
	return found;
}

function systemUser(name: string): { uid: number; gid: number } {
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.split(':')[0] === name);
	if (!line) throw new Error(`no system user "${name}" (the postgresql package creates it)`);
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

export class PostgresServer {
	readonly database = 'n8n';
	readonly user = 'postgres';
	private process?: ManagedProcess;

	private constructor(
		readonly binDir: string,
		readonly dir: string,
		readonly port: number,
	) {}

	/** initdb into a fresh temp dir owned by `postgres`, then `postgres` on 127.0.0.1:<free port>, and a database `n8n`. */
	static async start(): Promise<PostgresServer> {
		const binDir = postgresBinDir();
		const owner = systemUser('postgres');
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'taskbridge-queue-pg-'));
		const server = new PostgresServer(binDir, dir, await freePort());
		try {
			await fs.chown(dir, owner.uid, owner.gid);
			const data = path.join(dir, 'data');
			// trust on loopback only: a throwaway cluster nobody else can reach.
			const init = await run('runuser', [
				'-u',
				'postgres',
				'--',
				path.join(binDir, 'initdb'),
				'-D',
				data,
				'-U',
				'postgres',
				'--auth=trust',
				'-E',
				'UTF8',
				'--locale=C',
				'--no-sync',
				'--no-instructions',
			]);
			if (init.exitCode !== 0)
				throw new Error(
					`initdb failed (exit ${init.exitCode}):\n${tail(init.stdout + init.stderr)}`,
				);
			// Durability is not what this test is about: no fsync keeps it quick on a small machine.
			server.process = new ManagedProcess(
				'postgres',
				'runuser',
				[
					'-u',
					'postgres',
					'--',
					path.join(binDir, 'postgres'),
					'-D',
					data,
					'-p',
					String(server.port),
					'-h',
					'127.0.0.1',
					'-k',
					dir,
					'-c',
					'fsync=off',
					'-c',
					'synchronous_commit=off',
					'-c',
					'full_page_writes=off',
					'-c',
					'max_connections=200',
				],
				{ env: { PATH: process.env.PATH, LANG: 'C.UTF-8' }, cwd: dir },
			);
			const deadline = Date.now() + 60_000;
			for (;;) {
				if (!server.process.running)
					throw new Error(`postgres exited:\n${tail(server.process.output)}`);
				const ready = await run(path.join(binDir, 'pg_isready'), [
					'-h',
					'127.0.0.1',
					'-p',
					String(server.port),
					'-U',
					'postgres',
					'-q',
				]);
				if (ready.exitCode === 0) break;
				if (Date.now() > deadline)
					throw new Error(`postgres did not get ready:\n${tail(server.process.output)}`);
				await sleep(250);
			}
			await server.psql('postgres', `create database ${server.database}`);
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	private async psql(database: string, sql: string): Promise<string> {
		const result = await run(
			path.join(this.binDir, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-U',
				this.user,
				'-d',
				database,
				'-X',
				'-q',
				'-A',
				'-t',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{ env: { ...process.env, PGCONNECT_TIMEOUT: '10' } },
		);
		if (result.exitCode !== 0) throw new Error(`psql failed: ${result.stderr.trim()}\n  ${sql}`);
		return result.stdout;
	}

	/** Rows of a query on n8n's database, as JSON objects (column names as n8n spells them, e.g. "workflowId"). */
	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		const out = await this.psql(
			this.database,
			`select coalesce(json_agg(row_to_json(t)), '[]'::json) from (${sql}) t`,
		);
		return JSON.parse(out.trim() || '[]') as T[];
	}

	/** The environment that points n8n at this database. */
	n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
		};
	}

	async stop(): Promise<void> {
		// SIGINT: postgres' "fast" shutdown.
		await this.process?.stop('SIGINT', 10_000);
		await fs.rm(this.dir, { recursive: true, force: true, maxRetries: 3 });
	}
}
