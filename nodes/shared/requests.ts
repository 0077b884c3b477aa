import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IN8nRequestOperations,
	INodeExecutionData,
} from 'n8n-workflow';
import { withVendorMessage, type FailureEnvelope } from './errors';
import { collectPages, type Paging, type SendRequest } from './paging';

export interface RequestOptions {
	/** Follow pages for Return All and Limit. */
	paging?: Paging;
	/** Runs before every HTTP request, each page included: where a vendor's rate limit is kept. */
	beforeEachRequest?: (this: IExecutePaginationFunctions) => Promise<void>;
}

/**
 * How an operation's requests are made. n8n's declarative routing hands them to `operations.pagination`
 * when `send.paginate` is on; that is the one hook that sees an HTTP failure after n8n's own credential
 * retry (a new sign-in on 401), so every operation goes through it and errors keep the vendor's message
 * and status, in the editor and in Continue On Fail output alike.
 */
export function vendorRequests(envelope: FailureEnvelope, options: RequestOptions = {}): IN8nRequestOperations {
	const { paging, beforeEachRequest } = options;
	return {
		async pagination(
			this: IExecutePaginationFunctions,
			requestData: DeclarativeRestApiSettings.ResultOptions,
		): Promise<INodeExecutionData[]> {
			const send: SendRequest = async (data) => {
				await beforeEachRequest?.call(this);
				return await this.makeRoutingRequest(data);
			};
			try {
				return paging ? await collectPages(send, requestData, paging) : await send(requestData);
			} catch (error) {
				throw withVendorMessage(this.getNode(), envelope, error, this.getItemIndex());
			}
		},
	};
}
