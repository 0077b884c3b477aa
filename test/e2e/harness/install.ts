/**
 * Installing n8n: once per version, into a cache folder outside the repository, by scripts/install-n8n.sh
 * (with the Node n8n needs). The tests and `npm start` both come through here.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runProcess, tail } from './processes';
import { REPO_ROOT } from './repo';

/** The n8n this pack is built and tested against, and the one `npm start` runs. */
export const N8N_VERSION = '2.41.1';
/** The n8n the suite runs: N8N_VERSION, or the one TASKBRIDGE_N8N_VERSION names (`npm run test:e2e:n8n1`). */
export const DEFAULT_N8N_VERSION = process.env.TASKBRIDGE_N8N_VERSION ?? N8N_VERSION;

/** n8n 2.x needs Node 24; 1.x's expression engine (isolated-vm) ships native builds for Node 22 and 24 only. */
const nodeMajorFor = (version: string) => (version.startsWith('1.') ? '22' : '24');

export interface N8nInstall {
	version: string;
	/** The cache folder holding node_modules/n8n and node_modules/node. */
	dir: string;
	/** `node_modules/.bin/n8n` (a `#!/usr/bin/env node` script: needs nodeBinDir first on PATH). */
	n8nBin: string;
	/** n8n's entry script, run as `<nodeBin> <n8nMain> <command>`. */
	n8nMain: string;
	/** Folder with the Node binary n8n needs. */
	nodeBinDir: string;
	nodeBin: string;
}

const installs = new Map<string, Promise<N8nInstall>>();

/** Installs n8n into the cache on first use (minutes, progress on stderr), then returns at once. */
export function ensureN8n(version = DEFAULT_N8N_VERSION): Promise<N8nInstall> {
	let pending = installs.get(version);
	if (!pending) {
		pending = runInstallScript(version);
		installs.set(version, pending);
		pending.catch(() => installs.delete(version));
	}
	return pending;
}

async function runInstallScript(version: string): Promise<N8nInstall> {
	const script = path.join(REPO_ROOT, 'scripts/install-n8n.sh');
	const cacheRoot =
		process.env.TASKBRIDGE_CACHE ?? path.join(os.homedir(), '.cache/n8n-nodes-taskbridge');
	const installed = existsSync(path.join(cacheRoot, `n8n-${version}`, '.installed'));
	if (!installed)
		process.stderr.write(
			`[n8n] installing n8n@${version} into ${cacheRoot} (once; several minutes)\n`,
		);
	const result = await runProcess('bash', [script, version, nodeMajorFor(version)], {
		env: process.env,
		cwd: REPO_ROOT,
		timeoutMs: 45 * 60_000,
		// A first install is long: let its progress through. Later runs are silent.
		inheritStderr: !installed,
	});
	if (result.exitCode !== 0) {
		throw new Error(
			`scripts/install-n8n.sh ${version} failed (exit ${result.exitCode ?? result.signal}):\n${tail(result.stderr)}`,
		);
	}
	const dir = result.stdout.trim().split('\n').pop()!.trim();
	const install: N8nInstall = {
		version,
		dir,
		n8nBin: path.join(dir, 'node_modules/.bin/n8n'),
		n8nMain: path.join(dir, 'node_modules/n8n/bin/n8n'),
		nodeBinDir: path.join(dir, 'node_modules/node/bin'),
		nodeBin: path.join(dir, 'node_modules/node/bin/node'),
	};
	for (const file of [install.n8nMain, install.nodeBin]) {
		if (!existsSync(file))
			throw new Error(
				`n8n install in ${dir} is incomplete: ${file} is missing (delete the folder to reinstall)`,
			);
	}
	return install;
}
