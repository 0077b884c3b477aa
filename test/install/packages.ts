/**
 * The packages the install test publishes and installs: the pack (`npm pack` of this repository, as built),
 * the five single-vendor packages `npm run build:packages` writes (listed in `.build/packages/packages.json`),
 * and a newer version of a tarball (its package.json's version bumped, repacked), for n8n's update path.
 */
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { runProcess, tail } from '../e2e/harness/processes';
import { REPO_ROOT } from '../e2e/harness/repo';

/** One entry of `.build/packages/packages.json` (scripts/build-packages). */
export interface SingleVendorPackage {
	name: string;
	version: string;
	/** The package's folder (absolute, or relative to the repository). */
	folder: string;
	/** Its `npm pack` tarball (absolute, or relative to the repository). */
	tarball: string;
	/** The vendor, e.g. `oliver`, `openDental`. */
	vendor: string;
	/** Its node types (`oliver`, `oliverTrigger`, or with the package name in front). */
	nodeTypes: string[];
	credentialTypes: string[];
}

export const PACKAGES_MANIFEST = path.join(REPO_ROOT, '.build/packages/packages.json');

/**
 * The single-vendor packages `npm run build:packages` wrote, with absolute paths; empty when it has not run.
 * Throws if the manifest is there but a tarball it names is not.
 */
export function singleVendorPackages(): SingleVendorPackage[] {
	if (!existsSync(PACKAGES_MANIFEST)) return [];
	const listed = JSON.parse(readFileSync(PACKAGES_MANIFEST, 'utf8')) as SingleVendorPackage[];
	if (!Array.isArray(listed) || listed.length === 0)
		throw new Error(`${PACKAGES_MANIFEST} lists no packages`);
	return listed.map((entry) => {
		const tarball = path.resolve(REPO_ROOT, entry.tarball);
		if (!existsSync(tarball))
			throw new Error(
				`${PACKAGES_MANIFEST} names ${entry.tarball} for ${entry.name}, which does not exist: run npm run build:packages`,
			);
		return { ...entry, tarball, folder: path.resolve(REPO_ROOT, entry.folder) };
	});
}

/** The type n8n gives a node of an installed package: `<package>.<node name>`. */
export function nodeTypeIn(packageName: string, nodeType: string): string {
	return nodeType.startsWith(`${packageName}.`) ? nodeType : `${packageName}.${nodeType}`;
}

/** The version after `version`: its patch number plus one (a prerelease tag dropped). */
export function nextPatch(version: string): string {
	const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
	if (!match) throw new Error(`not a semver version: ${version}`);
	return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
}

/**
 * A copy of `tarball` whose package.json says `version`, packed as npm packs (`package/` at the root) into
 * `destination`. Everything else is the same bytes.
 */
export async function withVersion(
	tarball: string,
	version: string,
	destination: string,
): Promise<string> {
	const work = await fs.mkdtemp(path.join(destination, 'repack-'));
	const tar = async (args: string[]) => {
		const result = await runProcess('tar', args, {
			env: process.env,
			cwd: work,
			timeoutMs: 60_000,
		});
		if (result.exitCode !== 0)
			throw new Error(`tar ${args.join(' ')} failed: ${tail(result.stderr)}`);
	};
	await tar(['-xzf', tarball, '-C', work]);
	const manifestFile = path.join(work, 'package/package.json');
	const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as {
		name: string;
		version: string;
	};
	manifest.version = version;
	await fs.writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
	const out = path.join(destination, `${manifest.name}-${version}.tgz`);
	await tar(['-czf', out, '-C', work, 'package']);
	await fs.rm(work, { recursive: true, force: true });
	return out;
}
