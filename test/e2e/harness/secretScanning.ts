/**
 * The secret scan of an n8n instance (issue 8), and its summaries: which secrets are in use, where they are
 * looked for, and the figures each test file leaves in `.build/secret-scan/<test file>.json`. The rules of
 * what counts as a secret and how text and data are searched are secretScan.ts's; N8nInstance calls this.
 */
import path from 'node:path';
import { vendorFakes } from '../../fakes/kit';
import { parseFlatted } from '../flatted';
import {
	SecretLedger,
	countItems,
	credentialSecrets,
	describeHits,
	loadSecretDefinitions,
	nodeParameterSecrets,
	scanText,
	scanValue,
	writeSecretScanRecord,
	type SecretHit,
	type SecretScanRecord,
} from '../secretScan';
import { E2E_ENCRYPTION_KEY } from './environment';
import { PACKAGE_NAME, REPO_ROOT } from './repo';
import type { N8nRun } from './runData';
import type { N8nCredential, N8nWorkflow } from './workflowBuilder';

/** What one secret scan of an instance covered and found (assertNoSecretLeaked). */
export interface SecretScanSummary {
	/** Distinct secrets looked for. */
	secrets: number;
	/** Stored executions scanned (0 when the instance has no SQLite database, e.g. a queue-mode main on Postgres). */
	executions: number;
	/** Output items scanned: those of the runs execute() returned plus those of the stored executions. */
	items: number;
	/** Runs returned by execute() scanned. */
	runs: number;
	/** n8n outputs scanned: one per CLI command run, plus the `n8n start` log. */
	logs: number;
	hits: SecretHit[];
}

/** What an instance imported, was given and got back: where the secrets in use come from and where they are looked for. */
interface ScanMaterial {
	credentials: N8nCredential[];
	workflows: N8nWorkflow[];
	/** Values given to addSecret. */
	added: string[];
	/** Runs execute() returned. */
	runs: Array<{ source: string; run: N8nRun }>;
	/** What the n8n processes printed. */
	outputs: Array<{ source: string; text: string }>;
}

export type StoredExecution = {
	id: number;
	workflowId: string;
	mode: string;
	status: string;
	data: string;
};

/**
 * The secrets in use: the secret fields of the imported credentials (by the credential types' field
 * definitions), password-typed parameters of our nodes in the imported workflows, values given to
 * addSecret, the encryption key, and what the test file's vendor fakes accept or issued (tokens, codes,
 * webhook signing secrets). Only values of MIN_SECRET_LENGTH (8) characters or more (see secretScan.ts).
 */
export function secretsInUse(material: ScanMaterial): SecretLedger {
	const ledger = new SecretLedger();
	const definitions = loadSecretDefinitions(REPO_ROOT);
	ledger.add(E2E_ENCRYPTION_KEY, 'n8n encryption key');
	for (const credential of material.credentials) {
		for (const { field, value } of credentialSecrets(credential, definitions.credentials))
			ledger.add(value, `credential field ${credential.type}.${field}`);
	}
	for (const workflow of material.workflows) {
		for (const node of workflow.nodes ?? []) {
			if (typeof node.type !== 'string' || !node.type.startsWith(`${PACKAGE_NAME}.`)) continue;
			const secretNames = definitions.nodes.get(node.type.slice(PACKAGE_NAME.length + 1));
			if (!secretNames?.size) continue;
			for (const { field, value } of nodeParameterSecrets(node.parameters, secretNames))
				ledger.add(value, `node parameter ${node.type.slice(PACKAGE_NAME.length + 1)}.${field}`);
		}
	}
	for (const value of material.added) ledger.add(value, 'value given to addSecret');
	for (const fake of vendorFakes()) {
		for (const { kind, value } of [...fake.configuredSecrets, ...fake.issuedSecrets])
			ledger.add(value, `${fake.server.name} fake: ${kind}`);
	}
	return ledger;
}

/** Looks for every secret of `ledger` in the runs, the stored executions' data and the outputs. */
export function scanForSecrets(
	ledger: SecretLedger,
	runs: ScanMaterial['runs'],
	stored: StoredExecution[] | undefined,
	outputs: ScanMaterial['outputs'],
): SecretScanSummary {
	const hits: SecretHit[] = [];
	let items = 0;
	for (const { source, run } of runs) {
		items += countItems(run);
		hits.push(...scanValue(ledger, run, source));
	}
	for (const execution of stored ?? []) {
		const source = `stored execution ${execution.id} (workflow ${execution.workflowId}, mode ${execution.mode}, ${execution.status})`;
		let data: unknown;
		try {
			data = parseFlatted(execution.data);
		} catch {
			data = undefined;
		}
		if (data === undefined) {
			hits.push(...scanText(ledger, String(execution.data ?? ''), `${source}, its data as text`));
			continue;
		}
		items += countItems(data);
		hits.push(...scanValue(ledger, data, `${source} data`));
	}
	for (const { source, text } of outputs) hits.push(...scanText(ledger, text, source));
	return {
		secrets: ledger.size,
		executions: stored?.length ?? 0,
		items,
		runs: runs.length,
		logs: outputs.length,
		hits,
	};
}

/** Where the figures go: one JSON line per test file (`.build` is git-ignored). TASKBRIDGE_SECRET_SCAN_DIR overrides. */
const secretScanDir = () =>
	process.env.TASKBRIDGE_SECRET_SCAN_DIR ?? path.join(REPO_ROOT, '.build/secret-scan');

/** The test file running (jest), relative to the repository; undefined outside jest. */
function currentTestFile(): string | undefined {
	const state = (
		globalThis as { expect?: { getState?: () => { testPath?: string } } }
	).expect?.getState?.();
	return state?.testPath ? path.relative(REPO_ROOT, state.testPath) : undefined;
}

/** The scans of this module registry (under jest: this test file), per instance, for the file's record. */
const fileScans = new Map<object, { ledger: SecretLedger; summary: SecretScanSummary }>();

/** The figures of every instance scanned in this test file, added up (distinct secrets across them). */
function fileRecord(file: string): SecretScanRecord {
	const secrets = new SecretLedger();
	const record: SecretScanRecord = { file, secrets: 0, executions: 0, items: 0, hits: 0 };
	for (const { ledger, summary } of fileScans.values()) {
		secrets.addAll(ledger);
		record.executions += summary.executions;
		record.items += summary.items;
		record.hits += summary.hits.length;
	}
	record.secrets = secrets.size;
	return record;
}

/**
 * Adds an instance's scan to the test file's figures and writes them (`.build/secret-scan/<file>.json`);
 * throws naming each kind of secret found and where (the secret itself redacted) if the scan found any.
 */
export function reportScan(
	instance: object,
	ledger: SecretLedger,
	summary: SecretScanSummary,
): SecretScanSummary {
	const file = currentTestFile();
	fileScans.set(instance, { ledger, summary });
	if (file) writeSecretScanRecord(secretScanDir(), fileRecord(file));
	if (summary.hits.length) {
		const covered = `${summary.secrets} secrets tracked; ${summary.runs} runs, ${summary.executions} stored executions, ${summary.items} items, ${summary.logs} n8n outputs scanned`;
		throw new Error(describeHits(summary.hits, `${file ?? 'n8n instance'}: ${covered}`));
	}
	return summary;
}
