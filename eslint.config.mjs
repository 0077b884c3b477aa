// n8n's own eslint config for community nodes (@n8n/node-cli's, what `n8n-node lint` and n8n's verification
// apply), over what the pack ships: nodes/, credentials/ and package.json. The one addition is what it leaves
// out: tests, benchmarks and scripts are not part of the package, and build output is not source. n8n-node
// lint's strict mode accepts only n8n's file verbatim, which would lint the tests as node code, so the pack's
// package.json says "strict": false; the single-vendor packages (npm run build:packages) use n8n's file as it
// is, under "strict": true.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

export default [
	globalIgnores([
		'test',
		'bench',
		'scripts',
		'examples',
		'docs',
		'coverage',
		'.build',
		'.sandbox',
		'*.js',
		'*.mjs',
	]),
	...config,
];
