/**
 * What the editor loads while a user fills in a node: resource mapper fields, resource locator lists and
 * dropdown options, through n8n-core's LoadOptionsContext.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';
import { nodeOf, type Engine, type NodeSpec } from './engine';

/** A resource mapper's fields, as the editor loads them for the node's current parameters. */
export async function resourceMapperFields(
	engine: Engine,
	spec: NodeSpec,
	method: string,
): Promise<ResourceMapperFields> {
	const node = nodeOf(spec, 'Node');
	const additionalData = engine.additionalData();
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		engine.workflow([node]),
		node,
		additionalData,
		'parameters',
	);
	const mapping = engine.nodeTypes.getByName(node.type).methods?.resourceMapping?.[method];
	if (!mapping) throw new Error(`No resource mapping method ${method}`);
	return await mapping.call(context);
}

/** A resource locator's list, as the editor loads it while the user types `filter` into it. */
export async function searchList(
	engine: Engine,
	spec: NodeSpec,
	method: string,
	filter?: string,
): Promise<Array<{ name: string; value: string | number | boolean }>> {
	return (await searchListPage(engine, spec, method, filter)).results;
}

/** One load of a resource locator's list: the first, or the next one as the list scrolls (`paginationToken`). */
export async function searchListPage(
	engine: Engine,
	spec: NodeSpec,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const node = nodeOf(spec, 'Node');
	const additionalData = engine.additionalData();
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		engine.workflow([node]),
		node,
		additionalData,
		'parameters',
	);
	const search = engine.nodeTypes.getByName(node.type).methods?.listSearch?.[method];
	if (!search) throw new Error(`No list search ${method}`);
	return await search.call(context, filter, paginationToken);
}

/** A dropdown's options, as the editor loads them through the node's `loadOptionsMethod`. */
export async function loadOptions(
	engine: Engine,
	spec: NodeSpec,
	method: string,
): Promise<Array<{ name: string; value: string | number | boolean }>> {
	const node = nodeOf(spec, 'Node');
	const additionalData = engine.additionalData();
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(
		engine.workflow([node]),
		node,
		additionalData,
		'parameters',
	);
	const load = engine.nodeTypes.getByName(node.type).methods?.loadOptions?.[method];
	if (!load) throw new Error(`No load options method ${method}`);
	return (await load.call(context)).map(({ name, value }) => ({ name, value }));
}
