/**
 * The bad-input sweep (issue 8), run by one test file per vendor in this folder: every operation of the vendor's
 * action node, run through n8n-core's engine with n8n's defaults (no Continue On Fail) against its stateful fake,
 * first with a valid parameter set, then with each field made bad in each way that fits it (see
 * ../badInputCases.ts). Every bad case must stop the run with an error that names the field as the editor shows
 * it, and the fake must have recorded no request at all: no API call, and no sign-in (credentials hold a live
 * token, so none is due). Writes the "bad input" section of docs/RELIABILITY.md from what the run saw: each
 * vendor's file keeps its part under .build/reliability/bad-input/, and the section is made from every part there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { Engine, runNode, type NodeRun } from '../../engine/harness';
import type { VendorFake } from '../../fakes/kit';
import {
	casesOf,
	coverageProblems,
	fieldsOf,
	operationsOf,
	type BadInputCase,
	type OperationPlan,
} from '../badInputCases';
import { markdownTable, SECTIONS_DIR, writeSection } from '../report';

export interface Vendor<World> {
	title: string;
	type: string;
	credentialType: string;
	description: INodeTypeDescription;
	fake: VendorFake & { reset(): void };
	/** After the fake's reset: the records the base cases name. */
	seed: () => World;
	/** A credential that needs no sign-in: a live token wherever the vendor uses one. */
	credential: (world: World) => ICredentialDataDecryptedObject;
	plans: Record<string, OperationPlan<World>>;
}

export const descriptionOf = (type: INodeType) => type.description;

interface Outcome {
	vendor: string;
	testCase: BadInputCase;
	requests: string[];
	refusedBy: 'n8n' | 'node' | null;
	message: string;
	/** Why the case does not pass, or undefined when it does. */
	problem?: string;
}

const outcomes: Outcome[] = [];
/** Whether each operation's base case ran and reached the vendor, by `vendor|resource.operation`. */
const baseResults = new Map<string, { ok: boolean }>();

async function run(
	vendor: Vendor<unknown>,
	engine: Engine,
	credentialId: string,
	parameters: IDataObject,
): Promise<{ run?: NodeRun; thrown?: Error }> {
	try {
		return {
			run: await runNode(engine, {
				type: vendor.type,
				credentialType: vendor.credentialType,
				credentialId,
				parameters,
			}),
		};
	} catch (error) {
		return { thrown: error as Error };
	}
}

/** The verdict on one bad case: refused, by whom, naming the field, with nothing sent. */
function judge(
	vendorTitle: string,
	testCase: BadInputCase,
	attempt: { run?: NodeRun; thrown?: Error },
	requests: string[],
): Outcome {
	const outcome: Outcome = {
		vendor: vendorTitle,
		testCase,
		requests,
		refusedBy: null,
		message: '',
	};
	const problems: string[] = [];
	if (attempt.thrown) {
		// n8n's own check before a run: a required parameter left empty in the editor.
		outcome.message = attempt.thrown.message
			.replace(/^The 'Node' node has issues:\s*-\s*/, '')
			.trim();
		if (
			testCase.editorMayRefuse &&
			attempt.thrown.message.includes(`Parameter "${testCase.label}" is required`)
		)
			outcome.refusedBy = 'n8n';
		else problems.push(`the run failed outside the node: ${attempt.thrown.message}`);
	} else {
		const error = attempt.run?.error;
		outcome.message = error?.message ?? '';
		if (!error)
			problems.push(`no error: the node ran and output ${attempt.run?.items.length ?? 0} item(s)`);
		else {
			const named = testCase.names.find(
				(name) =>
					error.message.includes(`"${name}"`) &&
					error.description === `Check the "${name}" field. Nothing was sent.`,
			);
			if (named) outcome.refusedBy = 'node';
			else
				problems.push(
					`the error does not name "${testCase.names[0]}" as the field to check: ${error.message} (${String(error.description)})`,
				);
		}
		if ((attempt.run?.items.length ?? 0) > 0) problems.push('items were output');
	}
	if (requests.length > 0)
		problems.push(`${requests.length} request(s) reached the fake: ${requests.join(', ')}`);
	if (problems.length > 0)
		Object.assign(outcome, { problem: problems.join('; '), refusedBy: null });
	return outcome;
}

/**
 * In a vendor's test file: its sweep, as describe blocks named for the vendor and each `resource.operation`,
 * and, once they have run, its part of the report.
 */
export function sweep<World>(typedVendor: Vendor<World>): void {
	const vendor = typedVendor as unknown as Vendor<unknown>;
	jest.setTimeout(60_000);
	describe(vendor.title, () => {
		let engine: Engine;
		let credentialId: string;
		let world: unknown;

		beforeAll(async () => {
			await vendor.fake.start();
		});
		afterAll(async () => {
			await vendor.fake.stop();
		});

		it('has a valid base case for every operation, and a plan for every field of each', () => {
			expect(
				coverageProblems(vendor.description, vendor.plans as Record<string, OperationPlan<never>>),
			).toEqual([]);
		});

		for (const { resource, operation } of operationsOf(vendor.description)) {
			const key = `${resource}.${operation}`;
			const plan = vendor.plans[key];
			if (!plan) continue;
			const cases = casesOf(vendor.description, resource, operation, plan as OperationPlan<never>);

			describe(key, () => {
				beforeAll(() => {
					vendor.fake.reset();
					world = vendor.seed();
					engine = new Engine();
					credentialId = engine.credentials.add(
						vendor.credentialType,
						vendor.credential(world),
					).id!;
				});

				it('the base case is valid: it runs and reaches the vendor', async () => {
					vendor.fake.server.clearRequests();
					const attempt = await run(vendor, engine, credentialId, {
						resource,
						operation,
						...plan.base(world),
					});
					const requests = vendor.fake.requests.length;
					baseResults.set(`${vendor.title}|${key}`, {
						ok: !attempt.thrown && !attempt.run?.error && requests > 0,
					});
					expect(attempt.thrown?.message ?? attempt.run?.error?.message).toBeUndefined();
					expect(requests).toBeGreaterThan(0);
				});

				if (cases.length === 0) return;
				it.each(
					cases.map(
						(testCase) =>
							[
								`${testCase.label} (${testCase.field}): ${testCase.kind} ${testCase.value}`,
								testCase,
							] as const,
					),
				)('%s is refused, naming the field, with nothing sent', async (_name, testCase) => {
					vendor.fake.server.clearRequests();
					const parameters = testCase.apply({ resource, operation, ...plan.base(world) });
					const attempt = await run(vendor, engine, credentialId, parameters);
					const requests = vendor.fake.requests.map(
						(request) => `${request.method} ${request.path}`,
					);
					const outcome = judge(vendor.title, testCase, attempt, requests);
					outcomes.push(outcome);
					expect(outcome.problem ?? 'refused').toBe('refused');
				});
			});
		}
	});
	afterAll(() => {
		keepReport(vendorReport(vendor));
		writeSection(20, 'bad-input', section(keptReports()));
	});
}

// ---- the report ----

/** The vendors in the order the report lists them. */
const REPORT_ORDER = ['oliver', 'openDental', 'plannr', 'mileApp', 'humanity'];
const PARTS_DIR = path.join(SECTIONS_DIR, 'bad-input');

/** One vendor's part of the report: its figures and the rows of its tables. */
interface VendorReport {
	type: string;
	title: string;
	operations: number;
	validBases: number;
	cases: number;
	refused: number;
	byN8n: number;
	rows: Array<Array<string | number>>;
	failures: Array<Array<string | number>>;
	every: Array<Array<string | number>>;
	withoutCases: Array<Array<string | number>>;
}

const cell = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const caseName = (testCase: BadInputCase) =>
	testCase.what ? `${testCase.kind}: ${testCase.what}` : testCase.kind;

/** The fields no case applies to, each with why, and the operations that have it. */
function fieldsWithoutCases(vendor: Vendor<unknown>): Array<[string, string, string]> {
	const found = new Map<string, { label: string; why: string; operations: string[] }>();
	for (const { resource, operation } of operationsOf(vendor.description)) {
		const plan = vendor.plans[`${resource}.${operation}`];
		if (!plan) continue;
		for (const field of fieldsOf(vendor.description, resource, operation)) {
			const why = plan.fields[field.path]?.none;
			if (!why) continue;
			const key = `${field.displayName}|${why}`;
			const entry = found.get(key) ?? { label: field.displayName, why, operations: [] };
			entry.operations.push(`${resource}.${operation}`);
			found.set(key, entry);
		}
	}
	return [...found.values()].map((entry) => [entry.label, entry.why, entry.operations.join(', ')]);
}

function vendorReport(vendor: Vendor<unknown>): VendorReport {
	const mine = outcomes.filter((outcome) => outcome.vendor === vendor.title);
	const refused = mine.filter((outcome) => !outcome.problem);
	const rows = operationsOf(vendor.description).map(({ resource, operation }) => {
		const cases = mine.filter(
			(outcome) =>
				outcome.testCase.resource === resource && outcome.testCase.operation === operation,
		);
		const base = baseResults.get(`${vendor.title}|${resource}.${operation}`);
		const ok = cases.filter((outcome) => !outcome.problem);
		return [
			resource,
			operation,
			base
				? base.ok
					? 'valid'
					: '**not valid**'
				: vendor.plans[`${resource}.${operation}`]
					? 'not run'
					: '**missing**',
			new Set(cases.map((outcome) => outcome.testCase.field)).size,
			cases.length,
			cases.length === ok.length ? String(ok.length) : `**${ok.length}**`,
			ok.filter((outcome) => outcome.refusedBy === 'n8n').length,
			ok.filter((outcome) => outcome.refusedBy === 'node').length,
		];
	});
	return {
		type: vendor.type,
		title: vendor.title,
		operations: operationsOf(vendor.description).length,
		validBases: [...baseResults.values()].filter((base) => base.ok).length,
		cases: mine.length,
		refused: refused.length,
		byN8n: refused.filter((outcome) => outcome.refusedBy === 'n8n').length,
		rows,
		failures: mine
			.filter((outcome) => outcome.problem)
			.map((outcome) => [
				`${outcome.testCase.resource}.${outcome.testCase.operation}`,
				outcome.testCase.names[0],
				caseName(outcome.testCase),
				outcome.testCase.value,
				cell(outcome.problem ?? '', 240),
			]),
		every: mine.map((outcome) => [
			`${outcome.testCase.resource}.${outcome.testCase.operation}`,
			outcome.testCase.names[0],
			caseName(outcome.testCase),
			outcome.testCase.value,
			outcome.problem
				? `**not refused**${outcome.requests.length ? ` (${outcome.requests.length} sent)` : ''}`
				: String(outcome.refusedBy),
			cell(outcome.message),
		]),
		withoutCases: fieldsWithoutCases(vendor),
	};
}

/** Keeps this vendor's part where the other vendors' files (each run in its own module registry) find it. */
function keepReport(report: VendorReport): void {
	fs.mkdirSync(PARTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(PARTS_DIR, `${report.type}.json`), JSON.stringify(report));
}

/** Every part this run has kept so far, in the report's order. */
function keptReports(): VendorReport[] {
	return fs
		.readdirSync(PARTS_DIR)
		.filter((name) => name.endsWith('.json'))
		.map((name) => JSON.parse(fs.readFileSync(path.join(PARTS_DIR, name), 'utf8')) as VendorReport)
		.sort((a, b) => REPORT_ORDER.indexOf(a.type) - REPORT_ORDER.indexOf(b.type));
}

function section(reports: VendorReport[]): string {
	const sum = (figure: (report: VendorReport) => number) =>
		reports.reduce((total, report) => total + figure(report), 0);
	const refused = sum((report) => report.refused);
	const byN8n = sum((report) => report.byN8n);
	const lines = [
		'## Bad input is refused before anything is sent',
		'',
		'`test/reliability/badInput/` (a file per vendor) runs every operation of every action node (read from the node’s description, so none is ' +
			'skipped) through n8n-core’s engine with n8n’s defaults (no Continue On Fail) against its fake: first with a valid parameter ' +
			'set, which must reach the vendor, then with one field made bad at a time. The cases: each required field empty (left blank ' +
			'in the editor, mapped empty, whitespace only), a value of the wrong type for the vendor, a malformed date ' +
			'(`31/02/2026 25:99`, `next tuesday-ish`), and a text one character over the vendor’s stated limit. Bad values other than ' +
			'"empty" arrive as mapped data does (an n8n expression), past the editor’s own checks, as from an upstream node or an AI ' +
			'agent. A case passes when the run stops with an error that names the field as the editor shows it (n8n’s “Name or ID” ' +
			'suffix aside) and says nothing was sent, and the fake recorded no request at all: credentials hold a live token, so not ' +
			'even a sign-in is due.',
		'',
		`**${sum((report) => report.cases)} cases over ${sum((report) => report.operations)} operations of ${reports.length} nodes (${sum((report) => report.validBases)} valid base cases): ` +
			`${refused} refused with zero requests**, ${byN8n} of them by n8n’s own check of a required field left blank in the ` +
			`editor and ${refused - byN8n} by the node.`,
	];
	for (const report of reports) {
		lines.push(
			'',
			`### Bad input: ${report.title}`,
			'',
			markdownTable(
				[
					'Resource',
					'Operation',
					'Base case',
					'Fields tried',
					'Cases',
					'Refused, nothing sent',
					'by n8n',
					'by the node',
				],
				report.rows,
			),
		);
		if (report.failures.length > 0) {
			lines.push('', `**Not refused as required (${report.failures.length}):**`, '');
			lines.push(
				markdownTable(['Operation', 'Field', 'Case', 'Value', 'Problem'], report.failures),
			);
		}
		lines.push(
			'',
			`<details><summary>${report.title}: every case and its error (${report.cases})</summary>`,
			'',
			markdownTable(['Operation', 'Field', 'Case', 'Value', 'Refused by', 'Error'], report.every),
			'',
			'Fields with no bad-input case:',
			'',
			markdownTable(['Field', 'Why', 'Operations'], report.withoutCases),
			'',
			'</details>',
		);
	}
	return lines.join('\n');
}
