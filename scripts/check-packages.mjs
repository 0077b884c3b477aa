#!/usr/bin/env node
/**
 * `npm run check:packages` (after `npm run build:packages` and `npm run build`): checks each package the way
 * n8n's verification of community packages does, and fails loudly with what n8n's tools found.
 *
 * For each single-vendor package listed in `.build/packages/packages.json`, and for the pack itself:
 * - `n8n-node lint` (from @n8n/node-cli), run in the package's folder. A single-vendor package says
 *   `"strict": true`, so n8n-node lint first checks that its eslint.config.mjs is n8n's own, then runs eslint
 *   with it; it must exit 0. (It finds eslint and @n8n/node-cli by walking up to this repository's
 *   node_modules: the packages are built inside it.)
 * - both lint legs of @n8n/scan-community-package, through its exported `analyzePackage`: on the source
 *   (package.json, nodes/, credentials/) and on the unpacked tarball (its .js and package.json), with the file
 *   patterns its registry scan uses. Its command line reads only the public registry and exits 0 on a
 *   failure, so it cannot check an unpublished package.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { mapLimited } from './packages/mapLimited.mjs';

const execFileAsync = promisify(execFile);

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_FILE = path.join(REPO_ROOT, '.build/packages/packages.json');
const N8N_NODE = path.join(REPO_ROOT, 'node_modules/.bin/n8n-node');
/** The tarball leg's files, as the scanner's registry scan lints a downloaded package. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];
/** n8n-node lint runs at the same time: each is one eslint process, and the machine has two cores. */
const PARALLEL_LINTS = 2;

/** The scanner's module, from this repository's devDependencies (it has no `exports`, so by path). */
async function loadScanner() {
	const require = createRequire(path.join(REPO_ROOT, 'package.json'));
	const manifest = require.resolve('@n8n/scan-community-package/package.json');
	return import(pathToFileURL(path.join(path.dirname(manifest), 'scanner/scanner.mjs')).href);
}

function seconds(since) {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The packages to check: the five from packages.json, then the pack. */
function subjects() {
	if (!fs.existsSync(MANIFEST_FILE))
		throw new Error(`${MANIFEST_FILE} is missing: run npm run build:packages first`);
	const vendorPackages = JSON.parse(fs.readFileSync(MANIFEST_FILE, 'utf8')).map((entry) => ({
		name: entry.name,
		folder: entry.folder,
		tarball: entry.tarball,
	}));
	const pack = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	return [...vendorPackages, { name: pack.name, folder: REPO_ROOT, tarball: undefined }];
}

/** `text` without terminal colour codes (n8n-node lint forces colour on eslint). */
function withoutColour(text) {
	return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** `n8n-node lint` in the package's folder; resolves to its output, or throws with it. */
async function n8nNodeLint(subject) {
	const started = Date.now();
	try {
		const { stdout, stderr } = await execFileAsync(N8N_NODE, ['lint'], {
			cwd: subject.folder,
			maxBuffer: 64 * 1024 * 1024,
		});
		return { output: withoutColour(`${stdout}${stderr}`), took: seconds(started) };
	} catch (error) {
		throw new Error(
			`n8n-node lint failed for ${subject.name} (exit ${error.code}) in ${subject.folder}:\n${withoutColour(`${error.stdout ?? ''}${error.stderr ?? ''}`)}`,
		);
	}
}

/** The pack's tarball, packed into `workDir` as it is built (dist must exist: npm run build). */
async function packThePack(workDir) {
	if (!fs.existsSync(path.join(REPO_ROOT, 'dist')))
		throw new Error('dist/ is missing: run npm run build first, the pack is checked as built');
	const { stdout } = await execFileAsync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{ cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
	);
	return path.join(workDir, JSON.parse(stdout)[0].filename);
}

/** The tarball's contents in a new folder of `workDir`, without the leading `package/`. */
async function unpack(tarball, workDir) {
	const folder = fs.mkdtempSync(path.join(workDir, 'unpacked-'));
	await execFileAsync('tar', ['-xzf', tarball, '-C', folder, '--strip-components=1']);
	return folder;
}

/** One scanner leg; throws with the scanner's findings unless it passed. */
async function scannerLeg(scanner, subject, leg, folder, patterns) {
	const started = Date.now();
	const result = await scanner.analyzePackage(folder, patterns);
	if (!result.passed)
		throw new Error(
			`the scanner's ${leg} leg failed for ${subject.name} (${folder}): ${result.message}\n${result.details ?? result.error?.stack ?? ''}`,
		);
	return seconds(started);
}

async function main() {
	const started = Date.now();
	const checked = subjects();
	const scanner = await loadScanner();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taskbridge-check-packages-'));
	const failures = [];
	try {
		const lints = await mapLimited(checked, PARALLEL_LINTS, (subject) =>
			n8nNodeLint(subject).catch((error) => error),
		);
		for (const [index, subject] of checked.entries()) {
			const lint = lints[index];
			if (lint instanceof Error) {
				failures.push(lint.message);
				console.log(`✖ ${subject.name}: n8n-node lint failed`);
			} else {
				const warnings = /\bwarning\b/.test(lint.output) ? ' (with warnings, below)' : '';
				console.log(`✔ ${subject.name}: n8n-node lint exited 0${warnings} (${lint.took})`);
				if (warnings) console.log(lint.output);
			}
			try {
				const sourceTook = await scannerLeg(
					scanner,
					subject,
					'source',
					subject.folder,
					scanner.SOURCE_FILE_PATTERNS,
				);
				console.log(`✔ ${subject.name}: scanner, source leg passed (${sourceTook})`);
				const tarball = subject.tarball ?? (await packThePack(workDir));
				const unpacked = await unpack(tarball, workDir);
				const tarballTook = await scannerLeg(
					scanner,
					subject,
					'tarball',
					unpacked,
					TARBALL_FILE_PATTERNS,
				);
				console.log(
					`✔ ${subject.name}: scanner, tarball leg passed on ${path.basename(tarball)} (${tarballTook})`,
				);
			} catch (error) {
				failures.push(error.message);
				console.log(`✖ ${subject.name}: ${error.message.split('\n')[0]}`);
			}
		}
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
	if (failures.length > 0) {
		console.error(`\n${failures.join('\n\n')}`);
		console.error(`\ncheck:packages FAILED: ${failures.length} problem(s) (${seconds(started)})`);
		process.exit(1);
	}
	console.log(
		`check:packages passed: ${checked.length} packages, n8n-node lint and both scanner legs (${seconds(started)})`,
	);
}

main().catch((error) => {
	console.error(error.message ?? error);
	process.exit(1);
});
