import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeApiError,
} from 'n8n-workflow';
import { isNodeApiError, isNodeOperationError } from './vendorApiError';

/** An item's failure as n8n shows it under Continue On Fail; n8n routes an item holding only `error` to the error output. */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	const message = error instanceof Error ? error.message : String(error);
	return { json: { error: message }, pairedItem: { item: itemIndex } };
}

/** n8n's own errors pass as they are; anything else becomes a NodeOperationError of the item. */
function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (isNodeApiError(error) || isNodeOperationError(error)) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * Runs `handle` for each input item in turn; each record it returns becomes an output item paired with its
 * input. A failure stops the run, or under Continue On Fail becomes that item's error output.
 */
export async function runPerItem(
	context: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const count = context.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const records = await handle(itemIndex);
			output.push(...records.map((json) => ({ json, pairedItem: { item: itemIndex } })));
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context, error, itemIndex);
			output.push(errorItem(error, itemIndex));
		}
	}
	return output;
}
