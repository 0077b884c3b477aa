/**
 * A template database: n8n's ~100 migrations (about 8 s) run once per n8n version and key, kept beside the
 * cached install, and copied into each new test instance.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { baseN8nEnv, E2E_ENCRYPTION_KEY } from './environment';
import type { N8nInstall } from './install';
import { freePort, runProcess, tail } from './processes';

const DB_FILES = ['config', 'database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm'];
const templates = new Map<string, Promise<string>>();

/** Copies the migrated template database (made on first use) into `n8nFolder` (`<user folder>/.n8n`). */
export async function seedDatabase(install: N8nInstall, n8nFolder: string): Promise<void> {
	const template = await templateFolder(install);
	await fs.mkdir(n8nFolder, { recursive: true });
	for (const file of DB_FILES) {
		if (existsSync(path.join(template, file)))
			await fs.copyFile(path.join(template, file), path.join(n8nFolder, file));
	}
	await fs.chmod(path.join(n8nFolder, 'config'), 0o600).catch(() => undefined);
}

function templateFolder(install: N8nInstall): Promise<string> {
	let pending = templates.get(install.dir);
	if (!pending) {
		pending = makeTemplate(install);
		templates.set(install.dir, pending);
		pending.catch(() => templates.delete(install.dir));
	}
	return pending;
}

async function makeTemplate(install: N8nInstall): Promise<string> {
	const keyTag = createHash('sha256').update(E2E_ENCRYPTION_KEY).digest('hex').slice(0, 8);
	const final = path.join(install.dir, `.e2e-template-${keyTag}`);
	if (existsSync(path.join(final, 'database.sqlite'))) return final;
	const work = await fs.mkdtemp(path.join(install.dir, '.e2e-template-tmp-'));
	try {
		const env = baseN8nEnv(install, work, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
		const result = await runProcess(install.nodeBin, [install.n8nMain, 'list:workflow'], {
			env,
			cwd: work,
			timeoutMs: 5 * 60_000,
		});
		if (result.exitCode !== 0 || !existsSync(path.join(work, '.n8n/database.sqlite'))) {
			throw new Error(
				`n8n could not set up a database (exit ${result.exitCode ?? result.signal}):\n${tail(result.stdout + result.stderr)}`,
			);
		}
		const staged = path.join(work, 'template');
		await fs.mkdir(staged);
		for (const file of DB_FILES) {
			if (existsSync(path.join(work, '.n8n', file)))
				await fs.copyFile(path.join(work, '.n8n', file), path.join(staged, file));
		}
		// Another jest process may have won the race: keep theirs.
		await fs.rename(staged, final).catch((error: NodeJS.ErrnoException) => {
			if (!existsSync(path.join(final, 'database.sqlite'))) throw error;
		});
	} finally {
		await fs.rm(work, { recursive: true, force: true });
	}
	return final;
}
