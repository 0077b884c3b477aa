/**
 * Section 5: the package as users get it. `npm pack` of the bench's own build (test/e2e/harness/packAndInstall.ts
 * `packPackage`): the tarball's size and the size of what it unpacks to; then the time a fresh Node process
 * (n8n's Node 24, n8n's own n8n-workflow) takes to require every node and credential file the package
 * declares, as n8n does when it loads a community package.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureN8n } from '../test/e2e/harness/install';
import { packPackage } from '../test/e2e/harness/packAndInstall';
import { median } from './measure';
import { formatBytes, formatCount, formatMs, type Section } from './report';

const run = promisify(execFile);
const LOAD_RUNS = 5;

/**
 * Run in a fresh process: requires n8n-workflow first (n8n has it loaded before any community package),
 * then every file of the package's `n8n` block, and prints both times.
 */
const LOAD_SCRIPT = `
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const packageDir = process.argv[1];
const started = performance.now();
require('n8n-workflow');
const peerLoaded = performance.now();
const manifest = require(path.join(packageDir, 'package.json'));
const files = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
for (const file of files) {
	const exported = require(path.join(packageDir, file));
	if (Object.keys(exported).length === 0) throw new Error(file + ' exports nothing');
}
const done = performance.now();
process.stdout.write(JSON.stringify({ files: files.length, peerMs: peerLoaded - started, packageMs: done - peerLoaded }));
`;

async function sizeOfTree(folder: string): Promise<{ bytes: number; files: number }> {
	const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true });
	let bytes = 0;
	let files = 0;
	for (const entry of entries.filter((candidate) => candidate.isFile())) {
		bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
		files++;
	}
	return { bytes, files };
}

export async function benchPackage(packageDir: string, workDir: string): Promise<Section> {
	const tarball = await packPackage(packageDir, path.join(workDir, 'pack'));
	const tarballBytes = (await fs.stat(tarball)).size;
	const unpacked = path.join(workDir, 'unpacked');
	await fs.mkdir(unpacked, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	const tree = await sizeOfTree(unpacked);

	const install = await ensureN8n();
	const loads: Array<{ files: number; peerMs: number; packageMs: number }> = [];
	for (let i = 0; i < LOAD_RUNS; i++) {
		const { stdout } = await run(install.nodeBin, ['-e', LOAD_SCRIPT, unpacked], {
			cwd: workDir,
			// The package's peer dependency, resolved the way n8n provides it: from n8n's own node_modules.
			env: { PATH: process.env.PATH, NODE_PATH: path.join(install.dir, 'node_modules') },
		});
		loads.push(JSON.parse(stdout));
	}
	const nodeVersion = (await run(install.nodeBin, ['--version'])).stdout.trim();

	return {
		title: 'The packed package: size and load time',
		method: [
			'The package built by the bench (tsc with tsconfig.build.json into its own folder, plus the icons and codex files gulpfile.js copies; ' +
				'package.json and README.md beside it), packed with `npm pack --ignore-scripts` (test/e2e/harness/packAndInstall.ts `packPackage`). ' +
				'The unpacked size is the sum of the sizes of the files the tarball holds.',
			`Load time: ${LOAD_RUNS} fresh \`node -e\` processes (n8n's Node ${nodeVersion}), each requiring n8n-workflow from n8n ${install.version}'s ` +
				"node_modules first (n8n has it loaded already), then every node and credential file the package's `n8n` block lists, timed in the process " +
				'with performance.now() (process start-up not included); the median is reported.',
			'The issue sets no goal for these figures.',
		],
		figures: [
			{ label: 'tarball size', value: formatBytes(tarballBytes) },
			{
				label: 'unpacked size',
				value: `${formatBytes(tree.bytes)} in ${formatCount(tree.files)} files`,
			},
			{
				label: `time to require the package's ${loads[0].files} node and credential files`,
				value: `${formatMs(median(loads.map((load) => load.packageMs)))} (runs: ${loads.map((load) => formatMs(load.packageMs)).join(', ')})`,
			},
			{
				label: 'for comparison: time to require n8n-workflow first',
				value: formatMs(median(loads.map((load) => load.peerMs))),
			},
		],
	};
}
