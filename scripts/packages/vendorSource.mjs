/**
 * Copies one vendor's source into a single-vendor package folder, in the pack's own layout so that relative
 * imports and icon paths stay as they are: `nodes/<Vendor>/`, `nodes/shared/` (compiled into the package, so
 * it has no runtime dependency), `credentials/<Credential>.credentials.ts` and `icons/<icon>{,.dark}.svg`.
 * Each codex file (`*.node.json`) names the node under the package's own name, as n8n lists it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Copies `from` to `to`, making `to`'s folder first. */
function copyFile(from, to) {
	fs.mkdirSync(path.dirname(to), { recursive: true });
	fs.copyFileSync(from, to);
}

/** Copies every file of the folder `from` into `to`, keeping relative paths. */
function copyFolder(from, to) {
	fs.cpSync(from, to, { recursive: true });
}

/** Rewrites a codex file's `"node": "<pack>.<node>"` to `<packageName>.<node>`; the rest stays byte for byte. */
function renameCodexNode(codexFile, packageName) {
	const text = fs.readFileSync(codexFile, 'utf8');
	const renamed = text.replace(
		/("node"\s*:\s*")[^"]*\.([^".]+)"/,
		(_, key, nodeName) => `${key}${packageName}.${nodeName}"`,
	);
	fs.writeFileSync(codexFile, renamed);
}

/**
 * Writes the vendor's nodes, the shared code, its credentials and icons into `packageDir`.
 * @param {string} repoRoot
 * @param {import('./vendorPackages.mjs').VendorPackage} vendorPackage
 * @param {string} packageDir
 */
export function copyVendorSource(repoRoot, vendorPackage, packageDir) {
	const vendorDir = path.join('nodes', vendorPackage.vendorFolder);
	copyFolder(path.join(repoRoot, vendorDir), path.join(packageDir, vendorDir));
	copyFolder(path.join(repoRoot, 'nodes/shared'), path.join(packageDir, 'nodes/shared'));
	for (const credential of vendorPackage.credentials) {
		const file = path.join('credentials', `${credential}.credentials.ts`);
		copyFile(path.join(repoRoot, file), path.join(packageDir, file));
	}
	for (const icon of [`${vendorPackage.icon}.svg`, `${vendorPackage.icon}.dark.svg`]) {
		copyFile(path.join(repoRoot, 'icons', icon), path.join(packageDir, 'icons', icon));
	}
	for (const entry of fs.readdirSync(path.join(packageDir, vendorDir))) {
		if (entry.endsWith('.node.json'))
			renameCodexNode(path.join(packageDir, vendorDir, entry), vendorPackage.name);
	}
}
