/**
 * n8n's community-packages REST API, as Settings → Community Nodes calls it (n8n 2.41.1, read from its source:
 * `modules/community-packages/community-packages.controller.js` and the editor's calls):
 *   install   POST   /rest/community-packages  { name }            (the editor also sends verify/version)
 *   list      GET    /rest/community-packages                    (each with failedLoading, updateAvailable)
 *   update    PATCH  /rest/community-packages  { name }            (a version only for verified packages)
 *   uninstall DELETE /rest/community-packages?name=<name>
 * and the license switch a custom registry needs: n8n refuses any N8N_COMMUNITY_PACKAGES_REGISTRY but npmjs
 * unless `feat:communityNodes:customRegistry` is licensed. With E2E_TESTS=true, n8n mounts its e2e controller,
 * which answers license checks from a table of its own, switched by `PATCH /rest/e2e/feature`
 * `{ feature, enabled }` (no login needed).
 *
 * Every call throws on an unexpected status, with n8n's message (through `redact`).
 */
import type { RestCaller } from '../e2e/harness/rest';

export const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

/**
 * What n8n needs in its environment to install from a local registry: E2E_TESTS=true (n8n's e2e controller,
 * for the license switch), N8N_COMMUNITY_PACKAGES_REGISTRY, and npm's own config naming the registry too
 * (`npmEnv`): n8n passes `--registry` to `npm pack` and `npm install` but not to `npm outdated`, which the
 * listing runs for `updateAvailable`, so without it that asks the public registry.
 */
export function installFromRegistryEnv(registry: {
	url: string;
	npmEnv(): Record<string, string>;
}): Record<string, string> {
	return {
		E2E_TESTS: 'true',
		N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
		...registry.npmEnv(),
	};
}

/** A node of an installed package, as n8n records it (`installed_nodes`). */
export interface InstalledNode {
	name: string;
	type: string;
	latestVersion: number;
	package?: string;
}

/** An installed package, as n8n records it (`installed_packages`) and lists it. */
export interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	authorName?: string;
	authorEmail?: string;
	installedNodes: InstalledNode[];
	/** In the listing: whether none of its nodes is known to n8n. */
	failedLoading?: boolean;
	/** In the listing: the newer version `npm outdated` found. */
	updateAvailable?: string;
	[key: string]: unknown;
}

type Redact = (text: string) => string;

/** Install and update wait for npm: minutes at most here (a few seconds as measured); the rest answer at once. */
const INSTALL_TIMEOUT_MS = 3 * 60_000;
const CALL_TIMEOUT_MS = 60_000;

/** `promise`, or an error naming `what` and `diagnosis()` when it has not settled within `timeoutMs`. */
async function withDeadline<T>(
	what: string,
	promise: Promise<T>,
	timeoutMs: number,
	diagnosis: () => string,
): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() => reject(new Error(`${what}: no answer within ${timeoutMs / 1000} s\n${diagnosis()}`)),
			timeoutMs,
		);
	});
	try {
		return await Promise.race([promise, deadline]);
	} finally {
		clearTimeout(timer);
	}
}

function failure(what: string, answer: { status: number; body: any }, redact: Redact): Error {
	const said = answer.body?.message ?? JSON.stringify(answer.body ?? null);
	return new Error(`${what} answered HTTP ${answer.status}: ${redact(String(said))}`);
}

/** `PATCH /rest/e2e/feature`: licenses the custom-registry feature (n8n started with E2E_TESTS=true). */
export async function enableCustomRegistry(baseUrl: string): Promise<void> {
	const answer = await fetch(`${baseUrl}/rest/e2e/feature`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ feature: CUSTOM_REGISTRY_FEATURE, enabled: true }),
		signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
	});
	if (answer.status !== 200)
		throw new Error(
			`PATCH /rest/e2e/feature answered ${answer.status} (is n8n running with E2E_TESTS=true?): ${await answer.text()}`,
		);
}

export class CommunityPackagesApi {
	constructor(
		private readonly rest: RestCaller,
		private readonly redact: Redact,
		/** What n8n printed lately (redacted), for a call that does not answer in time. */
		private readonly log: () => string,
	) {}

	private call(method: string, route: string, body?: object, timeoutMs = CALL_TIMEOUT_MS) {
		return withDeadline(`${method} ${route}`, this.rest(method, route, body), timeoutMs, this.log);
	}

	/** Install the `latest` of `name` from the registry, as the editor's Install button does for an unverified package. */
	async install(name: string): Promise<InstalledPackage> {
		const answer = await this.call(
			'POST',
			'/rest/community-packages',
			{ name },
			INSTALL_TIMEOUT_MS,
		);
		if (answer.status !== 200) throw failure(`installing ${name}`, answer, this.redact);
		return answer.body.data as InstalledPackage;
	}

	async list(): Promise<InstalledPackage[]> {
		const answer = await this.call('GET', '/rest/community-packages');
		if (answer.status !== 200) throw failure('listing community packages', answer, this.redact);
		return answer.body.data as InstalledPackage[];
	}

	/** Update to the registry's `latest`, as the Update button does for an unverified package. */
	async update(name: string): Promise<InstalledPackage> {
		const answer = await this.call(
			'PATCH',
			'/rest/community-packages',
			{ name },
			INSTALL_TIMEOUT_MS,
		);
		if (answer.status !== 200) throw failure(`updating ${name}`, answer, this.redact);
		return answer.body.data as InstalledPackage;
	}

	async uninstall(name: string): Promise<void> {
		const answer = await this.call(
			'DELETE',
			`/rest/community-packages?name=${encodeURIComponent(name)}`,
		);
		if (answer.status !== 200) throw failure(`uninstalling ${name}`, answer, this.redact);
	}

	/** The node types the editor gets (`/types/nodes.json`, regenerated on install and uninstall). */
	async nodeTypes(): Promise<string[]> {
		const answer = await this.call('GET', '/types/nodes.json');
		if (answer.status !== 200 || !Array.isArray(answer.body))
			throw failure('GET /types/nodes.json', answer, this.redact);
		return (answer.body as Array<{ name: string }>).map((type) => type.name);
	}

	/** The credential types the editor gets (`/types/credentials.json`). */
	async credentialTypes(): Promise<string[]> {
		const answer = await this.call('GET', '/types/credentials.json');
		if (answer.status !== 200 || !Array.isArray(answer.body))
			throw failure('GET /types/credentials.json', answer, this.redact);
		return (answer.body as Array<{ name: string }>).map((type) => type.name);
	}
}
