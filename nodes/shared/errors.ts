import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** How a vendor says "this failed" inside a body, whatever the HTTP status. */
export interface FailureEnvelope {
	vendor: string;
	isFailure: (body: IDataObject) => boolean;
	messageOf: (body: IDataObject) => string | undefined;
}

export function vendorApiError(
	node: INode,
	envelope: FailureEnvelope,
	body: IDataObject,
	httpCode: number | string,
	itemIndex?: number,
): NodeApiError {
	const vendorMessage = envelope.messageOf(body) ?? 'the request failed';
	return new NodeApiError(node, body as JsonObject, {
		message: `${envelope.vendor}: ${vendorMessage}`,
		description: `${envelope.vendor} answered HTTP ${httpCode} with a failure: ${vendorMessage}`,
		httpCode: String(httpCode),
		itemIndex,
	});
}

/** A declarative postReceive step that turns a failure body into an error, even under HTTP 200. */
export function failOnVendorError(envelope: FailureEnvelope): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const body = response.body as IDataObject | undefined;
		if (body === null || typeof body !== 'object' || Array.isArray(body)) {
			throw new NodeOperationError(
				this.getNode(),
				`${envelope.vendor} answered with something that is not JSON`,
				{ itemIndex: this.getItemIndex(), description: `HTTP ${response.statusCode}` },
			);
		}
		if (envelope.isFailure(body)) {
			throw vendorApiError(this.getNode(), envelope, body, response.statusCode, this.getItemIndex());
		}
		return items;
	};
}
