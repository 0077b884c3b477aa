import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nRequestOperations,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { collectPages, type PageNumberPaging } from './paging';

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

/** The vendor's own words from an HTTP failure n8n already wrapped, so they are not replaced by n8n's generic text. */
function withVendorMessage(context: IExecuteSingleFunctions, envelope: FailureEnvelope, error: unknown): unknown {
	if (!(error instanceof NodeApiError) || !error.httpCode) return error;
	const body = error.context?.data;
	const vendorBody: IDataObject =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject)
			: { message: typeof error.description === 'string' ? error.description : error.message };
	if (envelope.messageOf(vendorBody) === undefined) return error;
	return vendorApiError(context.getNode(), envelope, vendorBody, error.httpCode, context.getItemIndex());
}

/**
 * How an operation's requests are made. n8n's declarative routing hands them to `operations.pagination`
 * when `send.paginate` is on; that is the one hook that sees an HTTP failure after n8n's own credential
 * retry (a new sign-in on 401), so every operation goes through it and errors keep the vendor's message
 * and status, in the editor and in Continue On Fail output alike. With `paging`, it follows pages.
 */
export function vendorRequests(envelope: FailureEnvelope, paging?: PageNumberPaging): IN8nRequestOperations {
	return {
		async pagination(
			this: IExecutePaginationFunctions,
			requestData: DeclarativeRestApiSettings.ResultOptions,
		): Promise<INodeExecutionData[]> {
			try {
				return paging ? await collectPages.call(this, requestData, paging) : await this.makeRoutingRequest(requestData);
			} catch (error) {
				throw withVendorMessage(this, envelope, error);
			}
		},
	};
}
