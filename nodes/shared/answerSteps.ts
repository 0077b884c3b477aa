import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

/** Declarative postReceive steps the vendors' operations take alike, written as functions (see routingFor). */

/** One output item per record that `recordsOf` reads from the answer's body. */
export function outputRecordsOf(
	recordsOf: (body: IDataObject) => IDataObject[],
): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		return recordsOf(response.body as IDataObject).map((json) => ({ json }));
	};
}

/** A Delete whose answer holds no record: the item says which one is gone, by the ID parameter `idParameter`. */
export function deletedRecord(idParameter: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		// extractValue: a picker (resource locator) gives its value, a typed ID its text.
		const id = this.getNodeParameter(idParameter, '', { extractValue: true });
		return [{ json: { id: String(id).trim(), deleted: true } }];
	};
}
