/**
 * The sandbox's examples (scripts/sandboxExamples.ts, what `npm start` and `npm start -- --restore-examples`
 * run) in a real n8n: imported once; a newcomer's change made in the editor survives the next `npm start`;
 * restoring puts every example back as its file has it, while a workflow of the user's own stays as it was.
 */
import path from 'node:path';
import { exampleLink, importExamples, readExamples } from '../../scripts/sandboxExamples';
import { createN8nInstance, type N8nInstance } from './harness/instance';
import { freePort } from './harness/processes';
import { REPO_ROOT } from './harness/repo';
import type { RestCaller } from './harness/rest';

jest.setTimeout(15 * 60_000);

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const { examples } = readExamples(EXAMPLES);
const exampleIds = examples.map((example) => example.workflow.id!).sort();
/** The example a newcomer changes: the flagship flow. */
const changed = examples.find(
	(example) => example.file === 'cross-open-dental-done-completes-oliver.json',
)!;

interface StoredWorkflow {
	id: string;
	name: string;
	versionId: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	connections: Record<string, unknown>;
}

let n8n: N8nInstance;

beforeAll(async () => {
	n8n = await createN8nInstance();
});

afterAll(async () => {
	await n8n?.cleanup();
});

/** `n8n start` on a free port, the owner's REST caller, then `run`, then n8n stopped again (as Ctrl-C does). */
async function withEditor<T>(run: (rest: RestCaller) => Promise<T>): Promise<T> {
	await n8n.startServer(await freePort());
	try {
		return await run(await n8n.ownerRest());
	} finally {
		await n8n.stopServer();
	}
}

async function stored(rest: RestCaller, id: string): Promise<StoredWorkflow> {
	const answer = await rest('GET', `/rest/workflows/${id}`);
	expect(answer.status).toBe(200);
	return answer.body.data as StoredWorkflow;
}

const nodeNames = (workflow: { nodes: Array<{ name: string }> }) =>
	workflow.nodes.map((node) => node.name).sort();

test('every example has its own id and a link into the editor', () => {
	expect(examples.length).toBeGreaterThan(5);
	expect(new Set(exampleIds).size).toBe(examples.length);
	expect(changed).toBeDefined();
	expect(exampleLink('http://127.0.0.1:5678/', changed)).toBe(
		`http://127.0.0.1:5678/workflow/${changed.workflow.id}`,
	);
});

test('a changed example survives `npm start`; --restore-examples puts every example back and leaves the user’s own workflow alone', async () => {
	const first = await importExamples(n8n, EXAMPLES);
	expect(first.added.map((example) => example.workflow.id).sort()).toEqual(exampleIds);
	expect(first.kept).toEqual([]);
	expect(first.skipped).toEqual([]);

	// In the editor: the newcomer deletes all but the trigger of the flagship example (n8n saves it), and
	// builds a workflow of their own.
	const own = await withEditor(async (rest) => {
		const example = await stored(rest, changed.workflow.id!);
		expect(nodeNames(example)).toEqual(nodeNames(changed.workflow));
		const trigger = example.nodes[0];
		const saved = await rest('PATCH', `/rest/workflows/${example.id}`, {
			versionId: example.versionId,
			name: 'My try',
			nodes: [trigger],
			connections: {},
		});
		expect([saved.status, saved.body.message]).toEqual([200, undefined]);
		// As the editor's "Save" of a new workflow sends it (n8n 1.x stores `active` as given).
		const created = await rest('POST', '/rest/workflows', {
			name: 'My own flow',
			active: false,
			nodes: [
				{
					id: 'b6f1d7a0-0000-4000-8000-000000000001',
					name: 'When clicking ‘Execute workflow’',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		expect([created.status, created.body.message]).toEqual([200, undefined]);
		return created.body.data as StoredWorkflow;
	});

	// The next `npm start` keeps the change.
	const again = await importExamples(n8n, EXAMPLES);
	expect(again.added).toEqual([]);
	expect(again.restored).toEqual([]);
	expect(again.kept.map((example) => example.workflow.id).sort()).toEqual(exampleIds);
	await withEditor(async (rest) => {
		const example = await stored(rest, changed.workflow.id!);
		expect(example.name).toBe('My try');
		expect(example.nodes).toHaveLength(1);
	});

	// `npm start -- --restore-examples`.
	const restored = await importExamples(n8n, EXAMPLES, { restore: true });
	expect(restored.restored.map((example) => example.workflow.id).sort()).toEqual(exampleIds);
	expect(restored.added).toEqual([]);
	await withEditor(async (rest) => {
		const example = await stored(rest, changed.workflow.id!);
		expect(example.name).toBe(changed.workflow.name);
		expect(nodeNames(example)).toEqual(nodeNames(changed.workflow));
		expect(example.connections).toEqual(changed.workflow.connections);

		const mine = await stored(rest, own.id);
		expect(mine.name).toBe('My own flow');
		expect(nodeNames(mine)).toEqual(nodeNames(own));

		const listed = await rest('GET', '/rest/workflows');
		expect(listed.status).toBe(200);
		const ids = (listed.body.data as Array<{ id: string }>).map((workflow) => workflow.id).sort();
		expect(ids).toEqual([...exampleIds, own.id].sort());
	});
});
