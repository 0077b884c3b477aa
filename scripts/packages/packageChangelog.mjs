/**
 * The CHANGELOG.md of a single-vendor package: the pack's changelog under a heading that says so. The
 * packages are released together with the pack, under its version numbers, so its entries are theirs; an entry
 * that names another vendor does not concern this package.
 */

/**
 * @param {object} input
 * @param {import('./vendorPackages.mjs').VendorPackage} input.vendorPackage
 * @param {string} input.packName
 * @param {string} input.packChangelog the pack's CHANGELOG.md
 */
export function packageChangelog({ vendorPackage, packName, packChangelog }) {
	const body = packChangelog.replace(/^# [^\n]*\n+/, '');
	return [
		`# Changelog of ${vendorPackage.name}`,
		'',
		`${vendorPackage.name} is built from the source of ${packName} and released with it, under the same version numbers. The entries below are the pack's; those naming another vendor than ${vendorPackage.displayName} do not concern this package.`,
		'',
		body.trimEnd(),
		'',
	].join('\n');
}
