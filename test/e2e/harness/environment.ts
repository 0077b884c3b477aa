/**
 * The environment of every n8n process, the tests' and `npm start`'s alike: one builder, baseN8nEnv.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { N8nInstall } from './install';
import { REPO_ROOT } from './repo';

/** The variables that keep n8n offline and quiet (scripts/n8n-offline-env.json); baseN8nEnv says why for each. */
const OFFLINE_ENV = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'scripts/n8n-offline-env.json'), 'utf8'),
) as Record<string, string>;

/** n8n's time zone in the tests (GENERIC_TIMEZONE): the zone of `$today` and `$now` in every workflow run there. */
export const E2E_TIMEZONE = 'UTC';

/** Fixed, so a template database (and anything encrypted with it) is reusable across instances. Not a secret of any real system. */
export const E2E_ENCRYPTION_KEY = 'taskbridge-e2e-fixed-encryption-key';

/**
 * Variables passed through from the calling process; everything else (NODE_ENV=test, NODE_OPTIONS, N8N_*, DB_*,
 * GENERIC_TIMEZONE) is left out. TZ goes through, so n8n's process has the caller's local time. faketime's own
 * (LD_PRELOAD, FAKETIME, DONT_FAKE_MONOTONIC) go through so that n8n reads the same moved clock as a test run
 * under `faketime` (docs/TESTING.md, "Dates and clocks").
 */
const PASSED_THROUGH = [
	'HOME',
	'USER',
	'LOGNAME',
	'LANG',
	'LC_ALL',
	'LC_CTYPE',
	'TZ',
	'TMPDIR',
	'SSL_CERT_FILE',
	'NODE_EXTRA_CA_CERTS',
	'LD_PRELOAD',
	'FAKETIME',
	'DONT_FAKE_MONOTONIC',
];

export interface N8nEnvOptions {
	/**
	 * N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY unless given. `null` sets none: n8n makes a key on the folder's first
	 * run and keeps it in `.n8n/config` (the `npm start` sandbox, whose key must stay the one its data has).
	 */
	encryptionKey?: string | null;
	/** GENERIC_TIMEZONE: E2E_TIMEZONE unless given. */
	timezone?: string;
}

/**
 * The environment of every n8n process. Why each variable:
 * - N8N_USER_FOLDER, N8N_ENCRYPTION_KEY: the instance's own folder (database, config, community nodes) and its key.
 * - N8N_DIAGNOSTICS_ENABLED, N8N_VERSION_NOTIFICATIONS_*, N8N_TEMPLATES_ENABLED, N8N_DYNAMIC_BANNERS_ENABLED,
 *   N8N_VERIFIED_PACKAGES_ENABLED, N8N_LICENSE_AUTO_RENEW_ENABLED: everything that would call n8n.io
 *   (telemetry, version and what's-new checks, templates, banners, the vetted community-node list, license renewal).
 * - N8N_DISABLED_MODULES=mcp-registry: that module's system task fetches api.n8n.io/api/mcp-servers at start
 *   (2.x only: n8n 1.x has no such module and refuses to start when told to disable an unknown one).
 * - N8N_PERSONALIZATION_ENABLED, N8N_HIRING_BANNER_ENABLED: no survey, no banner.
 * - N8N_COMMUNITY_PACKAGES_ENABLED=true, N8N_REINSTALL_MISSING_PACKAGES=false: load packages found in
 *   .n8n/nodes/node_modules, never try to npm-install anything.
 * - N8N_LOG_LEVEL=info: `n8n execute` prints its run data through the logger at info level; at warn or above
 *   it prints nothing. N8N_LOG_OUTPUT=console, NO_COLOR=1: plain text on stdout that can be parsed.
 * - N8N_RUNNERS_MODE=internal, N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1, N8N_RUNNERS_BROKER_PORT (set per
 *   process in `extra`, a free port): `execute` starts n8n's task-runner broker (fixed default 5679) and a JS
 *   runner child; a free port keeps parallel processes (and a running `npm start` sandbox) from colliding.
 * - GENERIC_TIMEZONE (E2E_TIMEZONE, UTC, in the tests): dates in expressions and nodes do not depend on n8n's
 *   default (America/New_York).
 * - N8N_SECURE_COOKIE=false: `n8n start` over plain http on 127.0.0.1 can be logged into by scripts and browsers.
 * - NODE_ENV is NOT passed: jest sets it to "test", which makes n8n's CLI skip its final process.exit
 *   and print nothing.
 * - PATH: the Node n8n needs first, for n8n's process only.
 * `extra` comes last and wins.
 */
export function baseN8nEnv(
	install: N8nInstall,
	userFolder: string,
	extra: Record<string, string> = {},
	options: N8nEnvOptions = {},
): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const name of PASSED_THROUGH)
		if (process.env[name] !== undefined) env[name] = process.env[name];
	const { N8N_DISABLED_MODULES, ...offline } = OFFLINE_ENV;
	const encryptionKey =
		options.encryptionKey === undefined ? E2E_ENCRYPTION_KEY : options.encryptionKey;
	return {
		...env,
		PATH: [install.nodeBinDir, process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'].join(
			path.delimiter,
		),
		...offline,
		...(install.version.startsWith('1.') ? {} : { N8N_DISABLED_MODULES }),
		N8N_USER_FOLDER: userFolder,
		...(encryptionKey === null ? {} : { N8N_ENCRYPTION_KEY: encryptionKey }),
		N8N_SECURE_COOKIE: 'false',
		GENERIC_TIMEZONE: options.timezone ?? E2E_TIMEZONE,
		...extra,
	};
}
