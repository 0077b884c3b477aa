/**
 * The package.json of a single-vendor package: the pack's version, author, license and repository; one
 * vendor's nodes and credentials under `n8n` (strict, the dist paths n8n loads); `n8n-workflow` as the only
 * peer and no dependencies; `files: ["dist"]`; and publishConfig asking npm for provenance, so that npm
 * itself refuses to publish it from anywhere but CI.
 */

/**
 * @param {object} input
 * @param {import('./vendorPackages.mjs').VendorPackage} input.vendorPackage
 * @param {Record<string, any>} input.pack the pack's package.json
 */
export function packageManifest({ vendorPackage, pack }) {
	const { name, vendorFolder, credentials, displayName, about, keywords } = vendorPackage;
	if (!pack.repository?.url) throw new Error('the pack\'s package.json has no "repository"');
	return {
		name,
		version: pack.version,
		description: `n8n community nodes for ${displayName}, ${about}: its tasks, as an action node and a trigger. The ${displayName} part of ${pack.name}.`,
		keywords: ['n8n-community-node-package', 'n8n', ...keywords],
		license: pack.license,
		homepage: `https://www.npmjs.com/package/${name}`,
		author: pack.author,
		repository: pack.repository,
		files: ['dist'],
		publishConfig: { access: 'public', provenance: true },
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: credentials.map((credential) => `dist/credentials/${credential}.credentials.js`),
			nodes: [
				`dist/nodes/${vendorFolder}/${vendorFolder}.node.js`,
				`dist/nodes/${vendorFolder}/${vendorFolder}Trigger.node.js`,
			],
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
}
