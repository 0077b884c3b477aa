/**
 * The repository and the package it builds. The harness runs from its TypeScript sources under jest and
 * compiled into `.build/sandbox/` for `npm start`, so the repository is found by walking up to the first
 * folder holding a package.json, not by a fixed number of `..`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function findRepoRoot(from: string): string {
	for (let dir = from; ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'package.json'))) return dir;
		if (path.dirname(dir) === dir)
			throw new Error(`no package.json above ${from}: where is the repository?`);
	}
}

export const REPO_ROOT = findRepoRoot(__dirname);

/** The parts of a package.json the harness reads. */
export interface PackageManifest {
	name: string;
	version: string;
	files?: string[];
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export const PACKAGE_JSON = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
) as PackageManifest;
export const PACKAGE_NAME = PACKAGE_JSON.name;
