/**
 * The README.md of a single-vendor package, in the order of n8n's README template: what it is, installation,
 * operations, credentials, compatibility, resources, version history. Operations, trigger events and
 * credential fields are read from the compiled node and credential types, so the page says what the package
 * really offers; the full guide stays in the pack's README, which this page links to.
 */

/** `text` safe inside a Markdown table cell. */
function cell(text) {
	return String(text ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\s+/g, ' ')
		.trim();
}

/** `text` ending with a full stop. */
function sentence(text) {
	const trimmed = String(text ?? '').trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The resource / operation table of an action node. */
function operationsTable(description) {
	const resourceNames = new Map(
		(description.properties.find((property) => property.name === 'resource')?.options ?? []).map(
			(option) => [option.value, option.name],
		),
	);
	const rows = ['| Resource | Operation | What it does |', '|---|---|---|'];
	for (const property of description.properties) {
		if (property.name !== 'operation') continue;
		const resources = property.displayOptions?.show?.resource ?? [];
		const resourceName = resources.map((value) => resourceNames.get(value) ?? value).join(', ');
		property.options.forEach((option, index) => {
			rows.push(
				`| ${index === 0 ? cell(resourceName) : ''} | ${cell(option.name)} | ${cell(option.description || option.action)} |`,
			);
		});
	}
	return rows.join('\n');
}

/** What starts a trigger and which events it offers. */
function triggerSection(description) {
	const kind = description.polling
		? 'Polling: n8n asks the vendor for changes on the schedule you set.'
		: 'Webhook: the vendor calls the workflow when something changes.';
	const eventProperty = description.properties.find(
		(property) => property.name === 'event' || property.name === 'events',
	);
	const events = (eventProperty?.options ?? []).map((option) =>
		option.description ? `**${option.name}** (${option.description})` : `**${option.name}**`,
	);
	const lines = [sentence(description.description), '', kind];
	if (events.length > 0) lines.push('', `Events: ${events.join(', ')}.`);
	return lines.join('\n');
}

/** "a", "a and b", "a, b and c". */
function andList(words) {
	return words.length <= 1
		? words.join('')
		: `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A credential's fields, its documentation and whether n8n can test it. */
function credentialSection(credential) {
	const fields = credential.properties
		.filter((property) => property.type !== 'hidden' && property.type !== 'notice')
		.map((property) => property.displayName);
	const lines = [];
	if (credential.extends?.includes('oAuth2Api'))
		lines.push(
			'OAuth2 (authorization code): n8n signs you in at the vendor and keeps the token.',
			'',
		);
	lines.push(`Fields: ${fields.join(', ')}.`);
	if (credential.test)
		lines.push(
			'',
			'The **Test** button in the credential calls the vendor with it, so a wrong key or address shows up before a workflow runs.',
		);
	if (credential.documentationUrl)
		lines.push('', `Where to get these values: ${credential.documentationUrl}`);
	return lines.join('\n');
}

/**
 * @param {object} input
 * @param {import('./vendorPackages.mjs').VendorPackage} input.vendorPackage
 * @param {string} input.version
 * @param {string} input.packName the pack's npm name
 * @param {string} input.repositoryUrl the repository's web address
 * @param {{ nodes: import('n8n-workflow').INodeTypeDescription[], credentials: import('n8n-workflow').ICredentialType[] }} input.types
 * @returns {string}
 */
export function packageReadme({ vendorPackage, version, packName, repositoryUrl, types }) {
	const { name, displayName, about, apiDocs } = vendorPackage;
	const nodeNames = types.nodes.map((node) => node.displayName);
	const credentialNames = types.credentials.map((credential) => `"${credential.displayName}"`);
	const packReadme = `${repositoryUrl}#readme`;

	const operations = types.nodes.flatMap((node) => [
		`### ${node.displayName}`,
		'',
		node.polling || node.webhooks?.length ? triggerSection(node) : operationsTable(node),
		'',
	]);
	const credentials = types.credentials.flatMap((credential) => [
		`### ${credential.displayName}`,
		'',
		credentialSection(credential),
		'',
	]);

	return [
		`# ${name}`,
		'',
		`This is an n8n community node package. It lets you use ${displayName}, ${about}, in your n8n workflows: the ${nodeNames.join(' and ')} nodes, with ${credentialNames.length === 1 ? 'the credential' : 'the credentials'} ${andList(credentialNames)}.`,
		'',
		`It is the ${displayName} part of [${packName}](${packReadme}), built from the same source and released with the same version numbers. That pack holds five vendors (Oliver, Open Dental, Plannr, MileApp, Humanity) and its README is the full guide: what each operation sends, how triggers remember what they saw, and example workflows. Install either this package or the pack, never both: they define the same credential types.`,
		'',
		'[Installation](#installation) · [Operations](#operations) · [Credentials](#credentials) · [Compatibility](#compatibility) · [Resources](#resources) · [Version history](#version-history)',
		'',
		'## Installation',
		'',
		`In n8n: **Settings → Community Nodes → Install**, enter \`${name}\` and confirm. Only an owner or admin can do this; an unverified package can be installed only on a self-hosted n8n. n8n's [installation guide](https://docs.n8n.io/integrations/community-nodes/installation/) has the details.`,
		'',
		'By hand, on a self-hosted n8n (then restart n8n):',
		'',
		'```bash',
		`cd ~/.n8n/nodes && npm install --omit=peer ${name}`,
		'```',
		'',
		'`--omit=peer` keeps npm from installing `n8n-workflow`, which n8n already has. The package has no runtime dependencies.',
		'',
		'## Operations',
		'',
		...operations,
		'## Credentials',
		'',
		...credentials,
		'## Compatibility',
		'',
		`Needs n8n with community node API version 1 (n8n 1.x and 2.x). The source it is built from is tested in n8n 2.41.1 and 1.123.81; see the pack's [Compatibility](${repositoryUrl}#compatibility) section.`,
		'',
		'## Resources',
		'',
		'- [n8n community nodes documentation](https://docs.n8n.io/integrations/#community-nodes)',
		`- [${displayName} API documentation](${apiDocs})`,
		`- [${packName}](${packReadme}): the full guide and example workflows`,
		'',
		'## Version history',
		'',
		`This is version ${version}. The changes of each version are in the pack's [CHANGELOG.md](${repositoryUrl}/blob/main/CHANGELOG.md): this package is released with the pack, under the same version numbers.`,
		'',
	].join('\n');
}
