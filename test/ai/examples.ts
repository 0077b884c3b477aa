/** The AI examples as a user imports them, and reading what their tools answer. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { N8nNode, N8nWorkflow } from '../e2e/harness/workflowBuilder';
import { REPO_ROOT } from '../e2e/harness/repo';

/** examples/<file>.json, parsed. */
export function exampleWorkflow(file: string): N8nWorkflow {
	return JSON.parse(
		readFileSync(path.join(REPO_ROOT, 'examples', `${file}.json`), 'utf8'),
	) as N8nWorkflow;
}

/** The pack's nodes serving as tools in a workflow (type `n8n-nodes-taskbridge.<vendor>Tool`). */
export function toolNodes(workflow: N8nWorkflow): N8nNode[] {
	return workflow.nodes.filter(
		(node) => node.type.startsWith('n8n-nodes-taskbridge.') && node.type.endsWith('Tool'),
	);
}

/** The text of an MCP tool result (its text contents, joined). */
export function textOfToolResult(result: unknown): string {
	const content = ((result as { content?: unknown }).content ?? []) as Array<{
		type: string;
		text?: string;
	}>;
	return content
		.filter((part) => part.type === 'text')
		.map((part) => part.text ?? '')
		.join('\n');
}
