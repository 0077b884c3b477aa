/**
 * The e2e secret scan: which values count as secrets in a run, and where they are looked for.
 *
 * test/e2e/harness/instance.ts feeds it: every N8nInstance tracks the secrets in use (secret fields of the credentials it
 * imported, decided by the credential types' own field definitions; password-typed parameters of our nodes in
 * the workflows it imported; values given to `addSecret`; its encryption key; everything the vendor fakes of
 * the test file accept or handed out, see `VendorFake.issuedSecrets` in test/fakes/kit.ts) and, in
 * `cleanup()`, looks for them in every run `execute()` returned, every stored execution and every line n8n
 * printed. A hit names the kind of secret and where it was found, and shows the secret only redacted.
 *
 * This module is pure (no n8n, no fakes) apart from `loadSecretDefinitions`, which reads the pack's
 * credential and node sources; test/engine/secretScan.test.ts plants secrets to prove it finds them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Values shorter than this are not tracked. Short values are common words or ids ('admin', 'cust-key' style
 * defaults, an Open Dental customer key that is also a record number) and would be "found" in any output
 * by chance; every secret the suite sets up is longer (tokens are 20+ random bytes). Do not raise it to hide
 * a real leak: a hit on a value of 8+ characters is a finding until shown otherwise.
 */
export const MIN_SECRET_LENGTH = 8;

// ---------------------------------------------------------------------------------------------------------
// The secrets in use
// ---------------------------------------------------------------------------------------------------------

interface TrackedSecret {
	value: string;
	/** What it is, e.g. 'credential field oliverApi.password' or 'oliver fake: issued access token'. */
	kinds: string[];
}

/** The secrets to look for, each with every kind it was registered as. */
export class SecretLedger {
	private readonly byValue = new Map<string, Set<string>>();

	/** Tracks a value under a kind; ignores non-strings and values shorter than MIN_SECRET_LENGTH. */
	add(value: unknown, kind: string): boolean {
		if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return false;
		let kinds = this.byValue.get(value);
		if (!kinds) this.byValue.set(value, (kinds = new Set()));
		kinds.add(kind);
		return true;
	}

	addAll(other: SecretLedger): void {
		for (const { value, kinds } of other.entries()) for (const kind of kinds) this.add(value, kind);
	}

	has(value: string): boolean {
		return this.byValue.has(value);
	}

	get size(): number {
		return this.byValue.size;
	}

	/** Longest first, so that a secret containing another is reported as itself. */
	entries(): TrackedSecret[] {
		return [...this.byValue]
			.map(([value, kinds]) => ({ value, kinds: [...kinds] }))
			.sort((a, b) => b.value.length - a.value.length);
	}
}

/** A secret shown without showing it: its first two characters, its length and a short fingerprint. */
export function redactSecret(value: string): string {
	const fingerprint = createHash('sha256').update(value).digest('hex').slice(0, 8);
	return `${value.slice(0, 2)}…(${value.length} chars, sha256:${fingerprint})`;
}

/** The forms a secret takes in text: as is, escaped inside a JSON string, URL-encoded (query or form). */
function textForms(value: string): string[] {
	const forms = new Set([
		value,
		JSON.stringify(value).slice(1, -1),
		encodeURIComponent(value),
		new URLSearchParams({ v: value }).toString().slice(2),
	]);
	return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

// ---------------------------------------------------------------------------------------------------------
// Which fields are secret: the pack's own definitions
// ---------------------------------------------------------------------------------------------------------

interface PropertyLike {
	name?: string;
	typeOptions?: { password?: boolean };
	options?: unknown[];
	values?: unknown[];
}

/** Names of the properties (at any depth: collections, fixed collections) typed as passwords. */
function passwordFieldsOf(properties: unknown): Set<string> {
	const names = new Set<string>();
	const walk = (list: unknown) => {
		if (!Array.isArray(list)) return;
		for (const property of list as PropertyLike[]) {
			if (!property || typeof property !== 'object') continue;
			if (property.typeOptions?.password === true && typeof property.name === 'string')
				names.add(property.name);
			walk(property.options);
			walk(property.values);
		}
	};
	walk(properties);
	return names;
}

interface CredentialDefinition {
	name: string;
	/** Fields typed as passwords (`typeOptions.password`), those of the types it extends included. */
	secretFields: Set<string>;
	extends: string[];
}

/**
 * Fields typed as passwords in the n8n credential types ours extend (n8n-nodes-base, not installed here):
 * oAuth2Api marks `clientSecret` as a password, and keeps the token answer in `oauthTokenData`.
 */
const N8N_BASE_SECRET_FIELDS: Record<string, string[]> = {
	oAuth2Api: ['clientSecret', 'oauthTokenData'],
};

/**
 * Fields typed as passwords that hold no secret: the pack hides them in the editor, nothing more.
 * humanityApi.accessTokenExpiresAt is the ISO time the token runs out (a date shows up anywhere).
 */
const NOT_SECRET_FIELDS = new Set(['humanityApi.accessTokenExpiresAt']);

/** Whether a field's name looks secret (`authentication` is a mode, not a secret): for data no type definition describes. */
export function looksSecret(field: string): boolean {
	return (
		/pass|secret|token|apikey|api_key|private|signature|^key$|Key$/i.test(field) &&
		field !== 'authentication'
	);
}

/**
 * The secrets in one credential's data: by the type's definition where the pack defines the type, by
 * field name otherwise. Nested values of a secret field (oauthTokenData) are all secrets.
 */
export function credentialSecrets(
	credential: { type: string; name?: string; data: Record<string, unknown> },
	definitions: Map<string, CredentialDefinition>,
): Array<{ field: string; value: string }> {
	const definition = definitions.get(credential.type);
	const fields = new Set(definition?.secretFields ?? []);
	for (const base of definition?.extends ?? [])
		for (const field of N8N_BASE_SECRET_FIELDS[base] ?? []) fields.add(field);
	const isSecret = (field: string) =>
		!NOT_SECRET_FIELDS.has(`${credential.type}.${field}`) &&
		(definition ? fields.has(field) : looksSecret(field));
	const found: Array<{ field: string; value: string }> = [];
	const collect = (value: unknown, field: string) => {
		if (typeof value === 'string') found.push({ field, value });
		else if (Array.isArray(value)) value.forEach((entry) => collect(entry, field));
		else if (value && typeof value === 'object')
			for (const [key, entry] of Object.entries(value)) collect(entry, `${field}.${key}`);
	};
	for (const [field, value] of Object.entries(credential.data ?? {}))
		if (isSecret(field)) collect(value, field);
	return found;
}

/** Node parameters typed as passwords (e.g. a trigger's webhook secret), at any depth of the parameters. */
export function nodeParameterSecrets(
	parameters: unknown,
	secretNames: Set<string>,
): Array<{ field: string; value: string }> {
	const found: Array<{ field: string; value: string }> = [];
	const walk = (value: unknown, field: string, secret: boolean) => {
		if (typeof value === 'string') {
			if (secret) found.push({ field, value });
		} else if (Array.isArray(value)) value.forEach((entry) => walk(entry, field, secret));
		else if (value && typeof value === 'object') {
			for (const [key, entry] of Object.entries(value))
				walk(entry, field ? `${field}.${key}` : key, secret || secretNames.has(key));
		}
	};
	walk(parameters, '', false);
	return found;
}

interface SecretDefinitions {
	credentials: Map<string, CredentialDefinition>;
	/** node type name (e.g. 'mileAppTrigger') -> names of its password-typed parameters */
	nodes: Map<string, Set<string>>;
}

const loadedDefinitions = new Map<string, SecretDefinitions>();

/**
 * The credential types and nodes the package declares (package.json `n8n`), read from their TypeScript
 * sources (under jest, ts-jest compiles them), so the scan follows the definitions rather than field names.
 */
export function loadSecretDefinitions(repoRoot: string): SecretDefinitions {
	const cached = loadedDefinitions.get(repoRoot);
	if (cached) return cached;
	const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const sourceOf = (built: string) =>
		path.join(repoRoot, built.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const instances = (file: string): Array<Record<string, unknown>> => {
		if (!existsSync(file))
			throw new Error(`secret scan: ${file} (declared in package.json) does not exist`);
		const exported = require(file) as Record<string, unknown>;
		return Object.values(exported)
			.filter(
				(value): value is new () => Record<string, unknown> =>
					typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)),
			)
			.map((Type) => new Type());
	};
	const definitions: SecretDefinitions = { credentials: new Map(), nodes: new Map() };
	for (const file of manifest.n8n?.credentials ?? []) {
		for (const type of instances(sourceOf(file))) {
			if (typeof type.name !== 'string' || !Array.isArray(type.properties)) continue;
			definitions.credentials.set(type.name, {
				name: type.name,
				secretFields: passwordFieldsOf(type.properties),
				extends: Array.isArray(type.extends) ? (type.extends as string[]) : [],
			});
		}
	}
	for (const file of manifest.n8n?.nodes ?? []) {
		for (const node of instances(sourceOf(file))) {
			const descriptions = [
				node.description,
				...Object.values(
					(node.nodeVersions as Record<string, { description?: unknown }>) ?? {},
				).map((version) => version.description),
			];
			for (const description of descriptions as Array<
				{ name?: string; properties?: unknown } | undefined
			>) {
				if (typeof description?.name !== 'string') continue;
				const names = definitions.nodes.get(description.name) ?? new Set<string>();
				for (const name of passwordFieldsOf(description.properties)) names.add(name);
				definitions.nodes.set(description.name, names);
			}
		}
	}
	loadedDefinitions.set(repoRoot, definitions);
	return definitions;
}

// ---------------------------------------------------------------------------------------------------------
// Looking for them
// ---------------------------------------------------------------------------------------------------------

export interface SecretHit {
	/** Every kind the secret was tracked as, joined. */
	kind: string;
	/** The secret, redacted (redactSecret). */
	redacted: string;
	/** Where: the source and, inside it, a path or a line. */
	where: string;
}

const hitOf = (secret: TrackedSecret, where: string): SecretHit => ({
	kind: secret.kinds.join('; '),
	redacted: redactSecret(secret.value),
	where,
});

/** Every line of a text that holds a tracked secret (as is, JSON-escaped or URL-encoded). */
export function scanText(ledger: SecretLedger, text: string, source: string): SecretHit[] {
	const hits: SecretHit[] = [];
	if (!text) return hits;
	for (const secret of ledger.entries()) {
		const lines = new Set<number>();
		for (const form of textForms(secret.value)) {
			for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
				let line = 1;
				for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
				lines.add(line);
			}
		}
		for (const line of [...lines].sort((a, b) => a - b))
			hits.push(hitOf(secret, `${source}, line ${line}`));
	}
	return hits;
}

const pathStep = (key: string | number) =>
	typeof key === 'number'
		? `[${key}]`
		: /^[A-Za-z_$][\w$]*$/.test(key)
			? `.${key}`
			: `[${JSON.stringify(key)}]`;

/** Every string (and object key) in a value that holds a tracked secret, by its path in the value. */
export function scanValue(ledger: SecretLedger, value: unknown, source: string): SecretHit[] {
	const hits: SecretHit[] = [];
	const secrets = ledger.entries();
	if (secrets.length === 0) return hits;
	const seen = new Set<object>();
	const check = (text: string, at: Array<string | number>, what: string) => {
		for (const secret of secrets) {
			if (text.includes(secret.value)) {
				hits.push(
					hitOf(
						secret,
						`${source}: ${what} ${at.map(pathStep).join('').replace(/^\./, '') || '(root)'}`,
					),
				);
				return; // longest first: one secret per string is enough to name it
			}
		}
	};
	const walk = (node: unknown, at: Array<string | number>) => {
		if (typeof node === 'string') return check(node, at, 'at');
		if (!node || typeof node !== 'object' || seen.has(node)) return;
		seen.add(node);
		if (Array.isArray(node)) return node.forEach((entry, i) => walk(entry, [...at, i]));
		for (const [key, entry] of Object.entries(node)) {
			check(key, [...at, key], 'key');
			walk(entry, [...at, key]);
		}
	};
	walk(value, []);
	return hits;
}

// ---------------------------------------------------------------------------------------------------------
// n8n's run data
// ---------------------------------------------------------------------------------------------------------

/** How many items the nodes of a run put out (every output of every run of every node), in an IRun or its data. */
export function countItems(run: unknown): number {
	const data = run as { resultData?: unknown; data?: { resultData?: unknown } } | undefined;
	const resultData = (data?.resultData ?? data?.data?.resultData) as
		| { runData?: Record<string, unknown> }
		| undefined;
	let items = 0;
	for (const tasks of Object.values(resultData?.runData ?? {})) {
		if (!Array.isArray(tasks)) continue;
		for (const task of tasks as Array<{ data?: Record<string, unknown> } | null>) {
			for (const outputs of Object.values(task?.data ?? {})) {
				if (!Array.isArray(outputs)) continue;
				for (const output of outputs) if (Array.isArray(output)) items += output.length;
			}
		}
	}
	return items;
}

// ---------------------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------------------

/** One test file's figures, as `.build/secret-scan/<file>.json` holds them (read by the reliability report). */
export interface SecretScanRecord {
	/** The test file, relative to the repository, e.g. 'test/e2e/oliver.test.ts'. */
	file: string;
	/** Distinct secrets tracked. */
	secrets: number;
	/** Stored executions scanned. */
	executions: number;
	/** Output items scanned: those of the runs execute() returned plus those of the stored executions. */
	items: number;
	/** Places a secret was found: 0 or the file failed. */
	hits: number;
}

/** Writes the record as one JSON line to `<dir>/<test file name without .ts>.json`. */
export function writeSecretScanRecord(dir: string, record: SecretScanRecord): string {
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${path.basename(record.file).replace(/\.[cm]?[jt]s$/, '')}.json`);
	writeFileSync(file, `${JSON.stringify(record)}\n`);
	return file;
}

/** A failure message: which kind of secret, where; the secrets redacted. */
export function describeHits(hits: SecretHit[], context: string, limit = 25): string {
	const lines = hits
		.slice(0, limit)
		.map((hit) => `  - ${hit.kind} [${hit.redacted}] in ${hit.where}`);
	if (hits.length > limit) lines.push(`  … and ${hits.length - limit} more`);
	return [`Secret scan: ${hits.length} place(s) hold a secret in use (${context}):`, ...lines].join(
		'\n',
	);
}
