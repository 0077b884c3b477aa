/**
 * Loads what a built package registers with n8n, from the files its package.json lists under `n8n` (as n8n's
 * loader does): each node's description and each credential type. The manifest's node and credential types
 * and the package README's operations come from here, so they cannot drift from the code.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The class a compiled node or credential file exports under the file's name (as n8n looks it up), instantiated. */
function instanceOf(file) {
	const className = path.basename(file).split('.')[0];
	const exported = require(file)[className];
	if (typeof exported !== 'function') throw new Error(`${file} exports no class ${className}`);
	return new exported();
}

/**
 * The node descriptions and credential types of the package in `packageDir`, in package.json order.
 * @param {string} packageDir
 * @param {{ n8n: { nodes: string[], credentials: string[] } }} manifest its package.json
 * @returns {{ nodes: import('n8n-workflow').INodeTypeDescription[], credentials: import('n8n-workflow').ICredentialType[] }}
 */
export function loadCompiledTypes(packageDir, manifest) {
	return {
		nodes: manifest.n8n.nodes.map((file) => instanceOf(path.join(packageDir, file)).description),
		credentials: manifest.n8n.credentials.map((file) => instanceOf(path.join(packageDir, file))),
	};
}
