import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nRequestOperations,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { vendorApiError, type FailureEnvelope } from './errors';
import { collectPages, type PageNumberPaging } from './paging';

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
