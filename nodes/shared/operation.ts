import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { runPerItem } from './itemRunner';
import { routingOf, runOf } from './operationExecution';
import type { TaskMapper } from './normalizedTask';
import type { VendorRouting } from './requests';
import { resourceProperties } from './resourceProperties';
import type { BuildFromValues, FieldRule, ParameterReader } from './validation';

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
type ItemHandler = (
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

/** Runs a programmatic operation's handler for each item, after that item's checks. */
export function eachItem(handle: ItemHandler): OperationRun {
	return async function (checkItem) {
		return await runPerItem(this, async (itemIndex) => {
			const valueOf = checkItem(itemIndex);
			return await handle.call(this, itemIndex, valueOf);
		});
	};
}

/** A resource from its operations: the editor's parameters, and each operation's routing or run. */
export function defineResource(vendor: VendorOperations, resource: ResourceDefinition): Resource {
	const operations = [...resource.operations].sort((a, b) => a.name.localeCompare(b.name));
	const options: INodePropertyOptions[] = operations.map((operation) => ({
		name: operation.name,
		value: operation.value,
		action: operation.action,
		...(operation.description ? { description: operation.description } : {}),
		...(operation.request ? { routing: routingOf(vendor, operation, operation.request) } : {}),
	}));
	const taskOperations = operations.filter((op) => op.outputsTasks).map((op) => op.value);
	const runs: Record<string, ResourceRun> = {};
	for (const operation of operations) {
		if (operation.run) runs[operation.value] = runOf(vendor, operation, operation.run);
	}
	return {
		option: { name: resource.displayName, value: resource.value },
		properties: resourceProperties(vendor, resource, options, taskOperations),
		runs,
		taskOperations,
	};
}
