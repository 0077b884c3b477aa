/**
 * The built package as users get it: `npm pack` of it, unpacked into an n8n user folder as n8n's own
 * community-package install leaves it (`.n8n/nodes/node_modules/<name>`, listed in `.n8n/nodes/package.json`),
 * so node types are `<package name>.<node name>`.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runProcess, tail } from './processes';
import { PACKAGE_NAME, type PackageManifest } from './repo';

/** `npm pack` of the package at packageDir (already built) into destination; returns the tarball's path. */
export async function packPackage(packageDir: string, destination: string): Promise<string> {
	const manifest = JSON.parse(
		await fs.readFile(path.join(packageDir, 'package.json'), 'utf8'),
	) as PackageManifest;
	const declared = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const missing = declared.filter((file) => !existsSync(path.join(packageDir, file)));
	if (missing.length) {
		throw new Error(
			`The package is not built (missing ${missing.join(', ')}): run \`npm run build\` first (npm start and npm run test:e2e do).`,
		);
	}
	await fs.mkdir(destination, { recursive: true });
	// --ignore-scripts: prepack would rebuild dist; what is packed is the build it was given.
	const result = await runProcess(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{
			env: { ...process.env, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' },
			cwd: packageDir,
			timeoutMs: 5 * 60_000,
		},
	);
	if (result.exitCode !== 0)
		throw new Error(`npm pack failed (exit ${result.exitCode}):\n${tail(result.stderr)}`);
	const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as Array<{
		filename: string;
		files: Array<{ path: string }>;
	}>;
	const packed = new Set(info.files.map((file) => file.path));
	const notPacked = declared.filter((file) => !packed.has(file));
	if (notPacked.length)
		throw new Error(
			`npm pack left out files package.json declares for n8n: ${notPacked.join(', ')}`,
		);
	return path.join(destination, info.filename);
}

/**
 * Unpacks an `npm pack` tarball to `<n8nFolder>/nodes/node_modules/<name>` and lists it in
 * `<n8nFolder>/nodes/package.json`, as n8n's community-package install leaves it. Replaces an earlier copy.
 */
export async function installCommunityPackage(tarball: string, n8nFolder: string): Promise<string> {
	const nodesFolder = path.join(n8nFolder, 'nodes');
	const target = path.join(nodesFolder, 'node_modules', PACKAGE_NAME);
	await fs.rm(target, { recursive: true, force: true });
	await fs.mkdir(target, { recursive: true });
	const result = await runProcess('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
		env: process.env,
		cwd: nodesFolder,
		timeoutMs: 60_000,
	});
	if (result.exitCode !== 0) throw new Error(`could not unpack ${tarball}: ${result.stderr}`);
	const manifest = JSON.parse(await fs.readFile(path.join(target, 'package.json'), 'utf8')) as {
		version: string;
	};
	const ledgerFile = path.join(nodesFolder, 'package.json');
	const ledger: { dependencies?: Record<string, string>; [key: string]: unknown } = existsSync(
		ledgerFile,
	)
		? JSON.parse(await fs.readFile(ledgerFile, 'utf8'))
		: { name: 'installed-nodes', private: true };
	ledger.dependencies = { ...ledger.dependencies, [PACKAGE_NAME]: manifest.version };
	await fs.writeFile(ledgerFile, JSON.stringify(ledger, null, 2));
	return target;
}
