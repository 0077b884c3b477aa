#!/usr/bin/env node
/**
 * `npm run build:packages`: writes the five single-vendor packages (one third-party service each, the form
 * n8n's verification asks for) from the pack's own source into `.build/packages/<folder>/`, compiles and packs
 * each, and lists them in `.build/packages/packages.json` for the install test and `npm run check:packages`.
 *
 * A package holds one vendor's node, trigger and credential(s), the shared code compiled in (no runtime
 * dependency), its icons, README, LICENSE, CHANGELOG, package.json, n8n's own eslint config and a tsconfig.
 * It is compiled with this repository's TypeScript and the pack's compiler options, icons and codex files are
 * copied beside the code as gulpfile.js does for the pack, and `npm pack` writes its tarball. The output
 * depends only on the source: the same source gives the same tarballs.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadCompiledTypes } from './packages/compiledTypes.mjs';
import { checkImportBoundaries } from './packages/importBoundaries.mjs';
import { mapLimited } from './packages/mapLimited.mjs';
import { packageChangelog } from './packages/packageChangelog.mjs';
import { packageManifest } from './packages/packageManifest.mjs';
import { packageReadme } from './packages/packageReadme.mjs';
import { VENDOR_PACKAGES } from './packages/vendorPackages.mjs';
import { copyVendorSource } from './packages/vendorSource.mjs';

const execFileAsync = promisify(execFile);

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(REPO_ROOT, '.build/packages');
const MANIFEST_FILE = path.join(OUT_DIR, 'packages.json');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
/** n8n's eslint config, as `n8n-node new` writes it; `n8n-node lint` in strict mode accepts only this. */
const N8N_ESLINT_CONFIG =
	"import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n";
/** Packages compiled at the same time: tsc is single-threaded and the CI machine has two cores. */
const PARALLEL_BUILDS = 2;

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeText(file, text) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
}

function writeJson(file, value) {
	writeText(file, `${JSON.stringify(value, null, '\t')}\n`);
}

/** Runs a command; on failure throws with what it printed. */
async function run(command, args, cwd) {
	try {
		return await execFileAsync(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
	} catch (error) {
		throw new Error(
			`${path.basename(command)} ${args.join(' ')} failed in ${path.relative(REPO_ROOT, cwd) || '.'}:\n${error.stdout ?? ''}${error.stderr ?? ''}`,
		);
	}
}

/** The package's tsconfig: the pack's build options (tsconfig.json under tsconfig.build.json), its own folders. */
function packageTsconfig() {
	const base = readJson(path.join(REPO_ROOT, 'tsconfig.json')).compilerOptions;
	const build = readJson(path.join(REPO_ROOT, 'tsconfig.build.json')).compilerOptions;
	return {
		compilerOptions: { ...base, ...build, outDir: 'dist', rootDir: '.' },
		include: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	};
}

/** What tsc does not emit, copied into dist as gulpfile.js does: icons, and each node's codex file. */
function copyAssets(packageDir) {
	const files = fs.readdirSync(packageDir, { recursive: true }).map(String).sort();
	for (const file of files) {
		const isIcon = file.startsWith(`icons${path.sep}`) && file.endsWith('.svg');
		const isCodex = file.startsWith(`nodes${path.sep}`) && file.endsWith('.node.json');
		if (!isIcon && !isCodex) continue;
		const target = path.join(packageDir, 'dist', file);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.copyFileSync(path.join(packageDir, file), target);
	}
}

/** Writes, compiles and packs one package; returns its manifest entry. */
async function buildPackage(vendorPackage, pack) {
	const started = Date.now();
	const packageDir = path.join(OUT_DIR, vendorPackage.folder);
	copyVendorSource(REPO_ROOT, vendorPackage, packageDir);

	const manifest = packageManifest({ vendorPackage, pack });
	writeJson(path.join(packageDir, 'package.json'), manifest);
	writeJson(path.join(packageDir, 'tsconfig.json'), packageTsconfig());
	writeText(path.join(packageDir, 'eslint.config.mjs'), N8N_ESLINT_CONFIG);
	fs.copyFileSync(path.join(REPO_ROOT, 'LICENSE.md'), path.join(packageDir, 'LICENSE.md'));
	writeText(
		path.join(packageDir, 'CHANGELOG.md'),
		packageChangelog({
			vendorPackage,
			packName: pack.name,
			packChangelog: fs.readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'),
		}),
	);

	await run(process.execPath, [TSC, '-p', 'tsconfig.json'], packageDir);
	copyAssets(packageDir);

	const types = loadCompiledTypes(packageDir, manifest);
	writeText(
		path.join(packageDir, 'README.md'),
		packageReadme({
			vendorPackage,
			version: manifest.version,
			packName: pack.name,
			repositoryUrl: pack.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''),
			types,
		}),
	);

	const { stdout } = await run(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', OUT_DIR],
		packageDir,
	);
	const [packed] = JSON.parse(stdout);
	console.log(
		`${manifest.name}@${manifest.version}: ${packed.entryCount} files, ${packed.size} bytes packed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
	);
	return {
		name: manifest.name,
		version: manifest.version,
		folder: packageDir,
		tarball: path.join(OUT_DIR, packed.filename),
		vendor: vendorPackage.vendor,
		nodeTypes: types.nodes.map((node) => `${manifest.name}.${node.name}`),
		credentialTypes: types.credentials.map((credential) => credential.name),
	};
}

async function main() {
	const started = Date.now();
	const pack = readJson(path.join(REPO_ROOT, 'package.json'));
	const crossings = VENDOR_PACKAGES.flatMap((vendorPackage) => {
		try {
			checkImportBoundaries(REPO_ROOT, vendorPackage);
			return [];
		} catch (error) {
			return [error.message];
		}
	});
	if (crossings.length > 0) throw new Error(crossings.join('\n'));
	fs.rmSync(OUT_DIR, { recursive: true, force: true });
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const entries = await mapLimited(VENDOR_PACKAGES, PARALLEL_BUILDS, (vendorPackage) =>
		buildPackage(vendorPackage, pack),
	);
	writeJson(MANIFEST_FILE, entries);
	console.log(
		`${entries.length} packages in ${path.relative(REPO_ROOT, OUT_DIR)}, listed in ${path.relative(REPO_ROOT, MANIFEST_FILE)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
	);
}

main().catch((error) => {
	console.error(error.message ?? error);
	process.exit(1);
});
