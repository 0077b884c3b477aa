// The example workflows (examples/*.json) as the sandbox (`npm start`) puts them into n8n: read with a stable
// id each, imported when the sandbox lacks them, and restored on request (`npm start -- --restore-examples`).
// n8n saves editor changes as they are made, so an example a newcomer changed stays changed; restoring
// re-imports only the examples' own ids and leaves every other workflow of the sandbox as it is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { N8nWorkflow } from '../test/e2e/harness/workflowBuilder';

export interface Example {
	/** Its file in the examples folder. */
	file: string;
	workflow: N8nWorkflow;
}

/** What the sandbox's n8n CLI offers for examples (test/e2e/harness/cli.ts). */
interface WorkflowImporter {
	workflowIds(): Promise<string[]>;
	importWorkflows(workflows: N8nWorkflow[]): Promise<string[]>;
}

export interface ExamplesImported {
	/** Examples the sandbox did not have. */
	added: Example[];
	/** Examples put back as their files have them (only when restoring). */
	restored: Example[];
	/** Examples already in the sandbox and left as they are. */
	kept: Example[];
	/** Files that could not be read as workflows, with why. */
	skipped: string[];
}

/** The workflows of `folder`'s JSON files, in file-name order, each with its id (made from the file name when it has none). */
export function readExamples(folder: string): { examples: Example[]; skipped: string[] } {
	const examples: Example[] = [];
	const skipped: string[] = [];
	if (!existsSync(folder)) return { examples, skipped };
	const files = readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort();
	for (const file of files) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
		} catch (error) {
			skipped.push(`${file} is not JSON: ${(error as Error).message}`);
			continue;
		}
		const workflows = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Partial<N8nWorkflow>>;
		workflows.forEach((workflow, index) => {
			if (!workflow || !Array.isArray(workflow.nodes) || !workflow.connections) {
				skipped.push(`${file}${workflows.length > 1 ? ` (#${index + 1})` : ''} is not a workflow`);
				return;
			}
			const stem = file.replace(/\.json$/, '');
			examples.push({
				file,
				workflow: {
					...(workflow as N8nWorkflow),
					id: workflow.id ?? `ex${stem.replace(/[^A-Za-z0-9]/g, '')}${index || ''}`.slice(0, 21),
					name: workflow.name ?? stem,
					// Never published on import: a newcomer publishes an example when its credentials are right.
					active: false,
				},
			});
		});
	}
	return { examples, skipped };
}

/**
 * Imports the examples the sandbox does not have; with `restore`, also re-imports those it has, over any
 * change made to them in the editor. Workflows that are not examples are never written.
 */
export async function importExamples(
	cli: WorkflowImporter,
	folder: string,
	{ restore = false }: { restore?: boolean } = {},
): Promise<ExamplesImported> {
	const { examples, skipped } = readExamples(folder);
	const existing = new Set(examples.length ? await cli.workflowIds() : []);
	const added = examples.filter((example) => !existing.has(example.workflow.id!));
	const present = examples.filter((example) => existing.has(example.workflow.id!));
	const restored = restore ? present : [];
	const written = [...added, ...restored];
	if (written.length) await cli.importWorkflows(written.map((example) => example.workflow));
	return { added, restored, kept: restore ? [] : present, skipped };
}

/** Where the editor opens an example: `<base>/workflow/<id>`. */
export function exampleLink(base: string, example: Example): string {
	return `${base.replace(/\/$/, '')}/workflow/${example.workflow.id}`;
}

/** The editor's list of workflows, where the sandbox's examples are. */
export const EXAMPLES_LIST_PATH = '/home/workflows';

/**
 * The sign-in page that, once signed in, opens the examples' list rather than wherever n8n would land
 * (its sign-in form follows `redirect` to a path of the same site).
 */
export function signInToExamplesLink(base: string): string {
	return `${base.replace(/\/$/, '')}/signin?redirect=${encodeURIComponent(EXAMPLES_LIST_PATH)}`;
}
