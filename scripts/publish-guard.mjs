#!/usr/bin/env node
/**
 * The pack's `prepublishOnly`: refuses `npm publish` anywhere but the publish workflow on GitHub Actions
 * (.github/workflows/publish.yml), with npm provenance on. n8n requires community packages to be published
 * from CI with a provenance statement (since 1 May 2026); a publish from a laptop would have none.
 *
 * It lets a publish through only when all of these hold, and otherwise says which does not:
 * - GITHUB_ACTIONS=true: the job runs on GitHub Actions;
 * - ACTIONS_ID_TOKEN_REQUEST_URL is set: the job has `id-token: write`, which provenance needs;
 * - provenance is on: `npm publish --provenance` (npm_config_provenance=true) or `publishConfig.provenance`.
 *
 * The repository's .npmrc sets ignore-scripts, which also skips this script: the workflow publishes with
 * `--ignore-scripts=false`. `publishConfig.provenance` makes npm itself refuse a publish outside CI either way.
 */
import fs from 'node:fs';

function packageJson() {
	const file = process.env.npm_package_json;
	if (!file || !fs.existsSync(file)) return {};
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const manifest = packageJson();
const provenanceOn =
	process.env.npm_config_provenance === 'true' || manifest.publishConfig?.provenance === true;

const refusals = [];
if (process.env.GITHUB_ACTIONS !== 'true')
	refusals.push(
		'this is not GitHub Actions (GITHUB_ACTIONS is not "true"): publish by pushing a version tag (v*), which runs .github/workflows/publish.yml',
	);
else if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL)
	refusals.push(
		'the job cannot sign a provenance statement: give it `permissions: id-token: write`',
	);
if (!provenanceOn)
	refusals.push(
		'npm provenance is off: publish with `npm publish --provenance` (or set publishConfig.provenance)',
	);

if (refusals.length > 0) {
	console.error(
		`Refusing to publish ${manifest.name ?? 'this package'}${manifest.version ? `@${manifest.version}` : ''}:\n- ${refusals.join('\n- ')}`,
	);
	process.exit(1);
}
console.log(
	`publish-guard: publishing ${manifest.name}@${manifest.version} from GitHub Actions with provenance`,
);
