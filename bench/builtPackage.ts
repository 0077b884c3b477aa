/**
 * The package as `npm run build` makes it, built into a folder of the bench's own (the repo's dist/ is left
 * alone: other runs use it): tsc with tsconfig.build.json, then what gulpfile.js copies (icons, codex files).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../test/e2e/harness/repo';

const run = promisify(execFile);

/** What npm packs besides `files` (package.json, README, LICENSE): copied so `npm pack` sees the same. */
const ALWAYS_PACKED = ['package.json', 'README.md', 'LICENSE', 'LICENSE.md'];

async function filesUnder(folder: string, keep: (name: string) => boolean): Promise<string[]> {
	const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && keep(entry.name))
		.map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

/** Builds the package into `packageDir` (package.json, README, dist/); returns how long the build took. */
export async function buildPackageInto(packageDir: string): Promise<{ ms: number }> {
	const started = Date.now();
	await fs.rm(packageDir, { recursive: true, force: true });
	await fs.mkdir(packageDir, { recursive: true });
	for (const file of ALWAYS_PACKED) {
		if (existsSync(path.join(REPO_ROOT, file)))
			await fs.copyFile(path.join(REPO_ROOT, file), path.join(packageDir, file));
	}
	const dist = path.join(packageDir, 'dist');
	const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
	await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', dist], {
		cwd: REPO_ROOT,
	}).catch((error: { stdout?: string }) => {
		throw new Error(`tsc could not build the package:\n${error.stdout ?? String(error)}`);
	});
	// gulpfile.js build:assets: icons/**/*.svg -> dist/icons, nodes/**/*.node.json -> dist/nodes.
	const copies: Array<[string, string, (name: string) => boolean]> = [
		['icons', 'icons', (name) => name.endsWith('.svg')],
		['nodes', 'nodes', (name) => name.endsWith('.node.json')],
	];
	for (const [from, to, keep] of copies) {
		for (const file of await filesUnder(path.join(REPO_ROOT, from), keep)) {
			await fs.mkdir(path.dirname(path.join(dist, to, file)), { recursive: true });
			await fs.copyFile(path.join(REPO_ROOT, from, file), path.join(dist, to, file));
		}
	}
	return { ms: Date.now() - started };
}
