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
import { markUnreadableAnswer, rememberRetryAfter } from './retry';

/** How a vendor says "this failed" inside a body, whatever the HTTP status. */
export interface FailureEnvelope {
	vendor: string;
	isFailure: (body: IDataObject) => boolean;
	messageOf: (body: IDataObject) => string | undefined;
}

/** Errors that already carry the vendor's words, so they are passed on as they are, not wrapped again. */
const vendorErrors = new WeakSet<NodeApiError>();

export function vendorApiError(
	node: INode,
	envelope: FailureEnvelope,
	body: IDataObject,
	httpCode: number | string,
	itemIndex?: number,
): NodeApiError {
	const vendorMessage = envelope.messageOf(body) ?? 'the request failed';
	const error = new NodeApiError(node, body as JsonObject, {
		message: `${envelope.vendor}: ${vendorMessage}`,
		description: `${envelope.vendor} answered HTTP ${httpCode} with a failure: ${vendorMessage}`,
		httpCode: String(httpCode),
		itemIndex,
	});
	vendorErrors.add(error);
	return error;
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
			throw markUnreadableAnswer(
				new NodeOperationError(
					this.getNode(),
					`${envelope.vendor} answered with something that is not JSON`,
					{
						itemIndex: this.getItemIndex(),
						description: `HTTP ${response.statusCode}.`,
					},
				),
			);
		}
		if (envelope.isFailure(body)) {
			throw vendorApiError(
				this.getNode(),
				envelope,
				body,
				response.statusCode,
				this.getItemIndex(),
			);
		}
		return items;
	};
}

/** The body of an HTTP failure n8n wrapped: parsed JSON, or the text when it was not JSON. */
function failureBodyOf(error: NodeApiError): unknown {
	if (error.context?.data !== undefined) return error.context.data;
	const cause = error.cause as { response?: { data?: unknown } } | undefined;
	return cause?.response?.data;
}

/** The vendor's own words from an HTTP failure n8n wrapped, so they are not replaced by n8n's generic text. */
export function withVendorMessage(
	node: INode,
	envelope: FailureEnvelope,
	error: unknown,
	itemIndex?: number,
): unknown {
	// Only HTTP answers carry the vendor's words: a network failure (httpCode ECONNRESET…) stays n8n's.
	if (
		!(error instanceof NodeApiError) ||
		vendorErrors.has(error) ||
		!/^\d{3}$/.test(String(error.httpCode))
	)
		return error;
	const body = failureBodyOf(error);
	const vendorBody: IDataObject =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject)
			: typeof body === 'string' && body.trim() !== ''
				? { message: body.trim() }
				: { message: typeof error.description === 'string' ? error.description : error.message };
	if (envelope.messageOf(vendorBody) === undefined) return error;
	const cause = error.cause as { response?: { headers?: Record<string, unknown> } } | undefined;
	return rememberRetryAfter(
		vendorApiError(node, envelope, vendorBody, String(error.httpCode), itemIndex),
		cause?.response?.headers,
	);
}
