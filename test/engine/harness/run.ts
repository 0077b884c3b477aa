/**
 * An action node run by WorkflowExecute, and one poll of a trigger by PollContext, as n8n runs them.
 */
import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import type { IDataObject, INodeExecutionData, WorkflowExecuteMode } from 'n8n-workflow';
import { nodeOf, type Engine, type NodeRun, type NodeSpec } from './engine';

/** One action node, fed `input` items, run by WorkflowExecute as the editor's "execute workflow" would. */
export async function runNode(
	engine: Engine,
	spec: NodeSpec,
	input: IDataObject[] = [{}],
): Promise<NodeRun> {
	const node = nodeOf(spec, 'Node');
	const workflow = engine.workflow([node]);
	const additionalData = engine.additionalData();
	additionalData.hooks = new ExecutionLifecycleHooks('manual', 'engine-test', {
		id: 'engine-test',
		name: 'engine test',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const execute = new WorkflowExecute(additionalData, 'manual');
	const run = await execute.run({
		workflow,
		startNode: node,
		triggerToStartFrom: {
			name: node.name,
			data: {
				startTime: Date.now(),
				executionTime: 0,
				executionIndex: 0,
				source: [],
				data: { main: [input.map((json) => ({ json }))] },
			},
		},
	});
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = taskData?.data?.main ?? [];
	const error = run.data.resultData.error as NodeRun['error'] | undefined;
	return { items: outputs[0] ?? [], errorItems: outputs[1] ?? [], error, run };
}

/** One poll of a trigger, as n8n's poller runs it; `staticData` is the workflow's, kept between polls by the caller. */
export async function pollTrigger(
	engine: Engine,
	spec: NodeSpec,
	staticData: IDataObject,
	mode: WorkflowExecuteMode = 'trigger',
): Promise<INodeExecutionData[] | null> {
	const node = nodeOf(spec, 'Trigger');
	const workflow = engine.workflow([node], staticData);
	const context = new PollContext(
		workflow,
		node,
		engine.additionalData(),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	const nodeType = engine.nodeTypes.getByName(node.type);
	const result = await nodeType.poll!.call(context);
	Object.assign(staticData, workflow.staticData);
	return result ? result[0] : null;
}
