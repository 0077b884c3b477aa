import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { Resource } from './operation';

/** What an action node takes from its resources: its parameters, and (programmatic) its execute. */

/** The Resource picker, listing the resources in the editor's order. */
function resourceProperty(resources: Resource[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources
			.map((resource) => resource.option)
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultResource,
	};
}

/** The node's parameters: the Resource picker, then each resource's own. */
export function resourceParameters(
	resources: Resource[],
	defaultResource: string,
): INodeProperties[] {
	return [
		resourceProperty(resources, defaultResource),
		...resources.flatMap((resource) => resource.properties),
	];
}

/** A programmatic node's execute: the chosen operation's run. */
export async function executeOperation(
	context: IExecuteFunctions,
	resources: Resource[],
): Promise<INodeExecutionData[][]> {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const run = resources.find((candidate) => candidate.option.value === resource)?.runs[operation];
	if (!run) {
		throw new NodeOperationError(
			context.getNode(),
			`Unknown operation "${operation}" of resource "${resource}"`,
		);
	}
	return [await run.call(context)];
}
