/**
 * Proves that a vendor's code can be shipped alone: every relative import of `nodes/<Vendor>/` stays in that
 * folder or `nodes/shared/`, `nodes/shared/` imports nothing of any vendor, and each credential imports only
 * `nodes/<Vendor>/api.ts`, `nodes/shared/` and the package's other credentials. A single-vendor package holds
 * exactly those folders, so an import that crosses them would break it (or drag in another vendor).
 */
import fs from 'node:fs';
import path from 'node:path';

const IMPORT_PATTERNS = [
	/\bfrom\s+['"]([^'"]+)['"]/g,
	/\bimport\s+['"]([^'"]+)['"]/g,
	/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
	/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The relative module specifiers `file` imports. */
function relativeImports(file) {
	const text = fs.readFileSync(file, 'utf8');
	const found = new Set();
	for (const pattern of IMPORT_PATTERNS) {
		for (const match of text.matchAll(pattern)) {
			if (match[1].startsWith('.')) found.add(match[1]);
		}
	}
	return [...found];
}

/** The file a relative specifier of `fromFile` loads, as TypeScript resolves it, or undefined. */
function resolveImport(fromFile, specifier) {
	const base = path.resolve(path.dirname(fromFile), specifier);
	const candidates = [`${base}.ts`, path.join(base, 'index.ts'), base];
	return candidates.find(
		(candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
	);
}

/** Every `.ts` file under `folder`. */
export function typeScriptFiles(folder) {
	return fs
		.readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

function isWithin(folder, file) {
	return file === folder || file.startsWith(folder + path.sep);
}

/**
 * The imports of `files` that load something `allowed` refuses, as readable lines (empty when none).
 * @param {string} repoRoot
 * @param {string[]} files
 * @param {(target: string) => boolean} allowed
 * @param {string} rule what the files may import, for the message
 */
function crossings(repoRoot, files, allowed, rule) {
	const problems = [];
	for (const file of files) {
		for (const specifier of relativeImports(file)) {
			const target = resolveImport(file, specifier);
			const where = path.relative(repoRoot, file);
			if (!target) problems.push(`${where}: '${specifier}' resolves to no file`);
			else if (!allowed(target))
				problems.push(`${where}: '${specifier}' loads ${path.relative(repoRoot, target)}; ${rule}`);
		}
	}
	return problems;
}

/**
 * Throws, listing every crossing, unless the vendor folder, `nodes/shared/` and the package's credentials keep
 * to their boundaries.
 * @param {string} repoRoot
 * @param {import('./vendorPackages.mjs').VendorPackage} vendorPackage
 */
export function checkImportBoundaries(repoRoot, vendorPackage) {
	const shared = path.join(repoRoot, 'nodes/shared');
	const vendorDir = path.join(repoRoot, 'nodes', vendorPackage.vendorFolder);
	const vendorApi = path.join(vendorDir, 'api.ts');
	const credentialFiles = vendorPackage.credentials.map((credential) =>
		path.join(repoRoot, 'credentials', `${credential}.credentials.ts`),
	);

	const problems = [
		...crossings(
			repoRoot,
			typeScriptFiles(shared),
			(target) => isWithin(shared, target),
			'nodes/shared may import only nodes/shared',
		),
		...crossings(
			repoRoot,
			typeScriptFiles(vendorDir),
			(target) => isWithin(vendorDir, target) || isWithin(shared, target),
			`nodes/${vendorPackage.vendorFolder} may import only itself and nodes/shared`,
		),
		...crossings(
			repoRoot,
			credentialFiles,
			(target) =>
				target === vendorApi || isWithin(shared, target) || credentialFiles.includes(target),
			`a ${vendorPackage.displayName} credential may import only nodes/${vendorPackage.vendorFolder}/api.ts, nodes/shared and the other ${vendorPackage.displayName} credentials`,
		),
	];
	if (problems.length > 0)
		throw new Error(
			`${vendorPackage.name} cannot be built from its own folders:\n  ${problems.join('\n  ')}`,
		);
}
