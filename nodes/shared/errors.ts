import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import {
	isNodeApiError,
	retryAfterIn,
	retryAfterOf,
	VendorApiError,
	type FailureKind,
} from './vendorApiError';

/** How a vendor says "this failed" inside a body, whatever the HTTP status. */
export interface FailureEnvelope {
	vendor: string;
	isFailure: (body: IDataObject) => boolean;
	messageOf: (body: IDataObject) => string | undefined;
}

/** What else the answer a failure is built from tells. */
interface FailedAnswerDetails {
	itemIndex?: number;
	/** The answer's Retry-After header (see retryAfterIn). */
	retryAfter?: unknown;
	/** Only where the status does not tell: an answer that could not be read is `unsure`. */
	kind?: FailureKind;
}

/** A failure answer as an error in the vendor's words: "<Vendor>: <its message>". */
export function vendorApiError(
	node: INode,
	envelope: FailureEnvelope,
	body: IDataObject,
	httpCode: number | string,
	{ itemIndex, retryAfter, kind }: FailedAnswerDetails = {},
): VendorApiError {
	const vendorMessage = envelope.messageOf(body) ?? 'the request failed';
	return new VendorApiError(node, body as JsonObject, {
		message: `${envelope.vendor}: ${vendorMessage}`,
		description: `${envelope.vendor} answered HTTP ${httpCode} with a failure: ${vendorMessage}`,
		httpCode: String(httpCode),
		itemIndex,
		retryAfter,
		kind,
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
			// The request reached the vendor, what it did is unknown. 'none': n8n's code for a failure with no HTTP status.
			throw new VendorApiError(
				this.getNode(),
				{},
				{
					message: `${envelope.vendor} answered with something that is not JSON`,
					description: `HTTP ${response.statusCode}.`,
					httpCode: 'none',
					itemIndex: this.getItemIndex(),
					kind: 'unsure',
				},
			);
		}
		if (envelope.isFailure(body)) {
			throw vendorApiError(this.getNode(), envelope, body, response.statusCode, {
				itemIndex: this.getItemIndex(),
				retryAfter: retryAfterIn(response.headers),
			});
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
		!isNodeApiError(error) ||
		error instanceof VendorApiError ||
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
	return vendorApiError(node, envelope, vendorBody, String(error.httpCode), {
		itemIndex,
		retryAfter: retryAfterOf(error),
	});
}
