import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runPerItem } from './itemRunner';
import {
	applyTaskOutput,
	normalizeWhenAsked,
	OUTPUT_FORMAT_PARAMETER,
	taskOutputProperty,
	type TaskMapper,
} from './normalizedTask';
import { routingFor, type VendorRouting } from './requests';
import {
	checkValues,
	executeParameterReader,
	validateFields,
	type BuildFromValues,
	type FieldRule,
	type ParameterReader,
} from './validation';

/** A declarative operation's request: n8n's routing sends it, after the input checks. */
export interface OperationRequest {
	method: IHttpRequestMethods;
	/** A fixed URL; one that holds an ID is built from the checked values by `build` instead. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Follows every page for Return All, up to the Limit. */
	paged?: boolean;
	/** Shapes the request (its URL, its body) from the values the checks read, so nothing is read twice. */
	build?: BuildFromValues;
	/** Steps after the checks and `build`: the vendor's own shapes (dates, lists). */
	preSend?: PreSendAction[];
	/** Replaces the vendor's usual reading of the answer (e.g. Delete's `{ id, deleted }`). */
	postReceive?: PostReceiveAction[];
}

/** Each input item in turn, its parameters checked: returns the records that become its output items. */
export type ItemHandler = (
	this: IExecuteFunctions,
	itemIndex: number,
	valueOf: ParameterReader,
) => Promise<IDataObject[]>;

/**
 * A programmatic operation's run over all input items. `checkItem` runs the operation's input checks for
 * one item and returns its values; an operation that works on all items at once calls it for each item
 * before sending anything.
 */
export type OperationRun = (
	this: IExecuteFunctions,
	checkItem: (itemIndex: number) => ParameterReader,
) => Promise<INodeExecutionData[]>;

/** One operation, in one place: what the editor shows, what is checked, and what is sent. */
export interface OperationDefinition {
	/** Saved in workflows: never rename without a CHANGELOG entry. */
	value: string;
	name: string;
	/** What the operation does, as an AI agent and the node's action list read it. */
	action: string;
	description?: string;
	/** Shown only for this operation (its displayOptions are added); a field object shared by several operations is declared once. */
	fields?: INodeProperties[];
	/** Checks beyond those the fields carry themselves (an options field's values, a date field's date). */
	rules?: FieldRule[];
	/** Declarative: the request n8n's routing sends. */
	request?: OperationRequest;
	/** Programmatic, where a vendor's semantics need more than one request per item. */
	run?: OperationRun;
	/** Its items are tasks, which the node's Output can normalize. */
	outputsTasks?: boolean;
}

/** How a vendor sends declarative requests and reads tasks; shared by all its resources. */
export interface VendorOperations {
	/** The vendor's name as the user reads it (the Output choice says "Each task exactly as … returns it"). */
	vendorName: string;
	routing?: VendorRouting;
	taskMapper?: TaskMapper;
}

export interface ResourceDefinition {
	/** Saved in workflows, like an operation's value. */
	value: string;
	displayName: string;
	/** The operation the editor picks first. */
	defaultOperation: string;
	operations: OperationDefinition[];
}

/** What a resource gives the node: its parameters, and the runs of its programmatic operations. */
export interface Resource {
	option: INodePropertyOptions;
	properties: INodeProperties[];
	runs: Record<string, ResourceRun>;
	taskOperations: string[];
}

/** A programmatic operation ready to run: its checks and the Output choice included. */
export type ResourceRun = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/** Identity: keeps TypeScript's checks on an operation file's object literal. */
export function defineOperation(operation: OperationDefinition): OperationDefinition {
	return operation;
}

/** An options field's values: the only list of what the field allows. */
function optionValues(field: INodeProperties): string[] | undefined {
	if (!Array.isArray(field.options) || field.typeOptions?.loadOptionsMethod) return undefined;
	return (field.options as INodePropertyOptions[]).map((option) => String(option.value));
}

/** The checks a field carries in itself: an options field's values, a date field's date. */
function fieldRules(field: INodeProperties, path: string): FieldRule[] {
	const label = field.displayName;
	const allowed = optionValues(field);
	if (field.type === 'options' && allowed) return [{ path, label, kind: 'oneOf', allowed }];
	if (field.type === 'multiOptions' && allowed)
		return [{ path, label, kind: 'eachOneOf', allowed }];
	if (field.type === 'dateTime') return [{ path, label, kind: 'date' }];
	if (field.type === 'collection') {
		return (field.options as INodeProperties[]).flatMap((inner) =>
			fieldRules(inner, `${path}.${inner.name}`),
		);
	}
	return [];
}

/** The operation's rules, then those its fields carry that no rule already states. */
export function rulesOf(operation: OperationDefinition): FieldRule[] {
	const stated = operation.rules ?? [];
	const carried = (operation.fields ?? [])
		.flatMap((field) => fieldRules(field, field.name))
		.filter((rule) => !stated.some((own) => own.path === rule.path && own.kind === rule.kind));
	return [...stated, ...carried];
}

function routingOf(
	vendor: VendorOperations,
	operation: OperationDefinition,
	request: OperationRequest,
): INodePropertyRouting {
	if (!vendor.routing) throw new Error(`${vendor.vendorName} has no declarative routing`);
	const { method, url, qs, body, paged, build, preSend = [], postReceive } = request;
	const rules = rulesOf(operation);
	const checks = rules.length > 0 || build ? [validateFields(rules, build)] : [];
	const normalize =
		operation.outputsTasks && vendor.taskMapper ? [normalizeWhenAsked(vendor.taskMapper)] : [];
	return routingFor(vendor.routing)(
		{ method, ...(url ? { url } : {}), ...(qs ? { qs } : {}), ...(body ? { body } : {}) },
		{
			paged,
			preSend: [...checks, ...preSend],
			postReceive: [...(postReceive ?? vendor.routing.output), ...normalize],
		},
	);
}

/** Runs a programmatic operation's handler for each item, after that item's checks. */
export function eachItem(handle: ItemHandler): OperationRun {
	return async function (checkItem) {
		return await runPerItem(this, async (itemIndex) => {
			const valueOf = checkItem(itemIndex);
			return await handle.call(this, itemIndex, valueOf);
		});
	};
}

/** Adds the resource and the operations to a field's own display conditions. */
function shownFor(field: INodeProperties, resource: string, operations: string[]): INodeProperties {
	const own = field.displayOptions ?? {};
	return {
		...field,
		displayOptions: { ...own, show: { resource: [resource], operation: operations, ...own.show } },
	};
}

/** A resource from its operations: the operation picker, each field shown where it belongs, the Output choice. */
export function defineResource(vendor: VendorOperations, resource: ResourceDefinition): Resource {
	const operations = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
	const options: INodePropertyOptions[] = operations.map((operation) => ({
		name: operation.name,
		value: operation.value,
		action: operation.action,
		...(operation.description ? { description: operation.description } : {}),
		...(operation.request ? { routing: routingOf(vendor, operation, operation.request) } : {}),
	}));
	// One declaration per field object, shown for every operation that lists it.
	const usedBy = new Map<INodeProperties, string[]>();
	for (const operation of resource.operations) {
		for (const field of operation.fields ?? []) {
			usedBy.set(field, [...(usedBy.get(field) ?? []), operation.value]);
		}
	}
	const taskOperations = operations.filter((op) => op.outputsTasks).map((op) => op.value);
	const runs: Record<string, ResourceRun> = {};
	for (const operation of operations) {
		if (operation.run) runs[operation.value] = wrapRun(vendor, operation, operation.run);
	}
	const defaultOperation = resource.defaultOperation;
	return {
		option: { name: resource.displayName, value: resource.value },
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [resource.value] } },
				default: defaultOperation,
				options,
			},
			...[...usedBy].map(([field, values]) => shownFor(field, resource.value, values)),
			...(taskOperations.length > 0 && vendor.taskMapper
				? [
						taskOutputProperty(vendor.vendorName, {
							resource: [resource.value],
							operation: taskOperations,
						}),
					]
				: []),
		],
		runs,
		taskOperations,
	};
}

/** The run with the operation's checks at hand and, for tasks, the Output choice applied. */
function wrapRun(
	vendor: VendorOperations,
	operation: OperationDefinition,
	run: OperationRun,
): ResourceRun {
	const rules = rulesOf(operation);
	return async function () {
		const checkItem = (itemIndex: number) =>
			checkValues(this.getNode(), itemIndex, rules, executeParameterReader(this, itemIndex));
		const items = await run.call(this, checkItem);
		if (!operation.outputsTasks || !vendor.taskMapper) return items;
		const format = this.getNodeParameter(OUTPUT_FORMAT_PARAMETER, 0, 'vendor');
		return applyTaskOutput(items, format, vendor.taskMapper, this.getTimezone());
	};
}

/** The Resource picker, listing the resources in the editor's order. */
export function resourceProperty(resources: Resource[], defaultResource: string): INodeProperties {
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
