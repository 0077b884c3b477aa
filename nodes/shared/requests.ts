import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IN8nRequestOperations,
	INodeExecutionData,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { withVendorMessage, type FailureEnvelope } from './errors';
import { collectPages, type Paging, type SendRequest } from './paging';

export interface RequestOptions {
	/** Follow pages for Return All and Limit. */
	paging?: Paging;
	/** Runs before every HTTP request, each page included: where a vendor's rate limit is kept. */
	beforeEachRequest?: (this: IExecutePaginationFunctions) => Promise<void>;
	/** Wraps every HTTP request, each page included, for a limit that must see the request finish. */
	aroundEachRequest?: (this: IExecutePaginationFunctions, send: () => Promise<INodeExecutionData[]>) => Promise<INodeExecutionData[]>;
	/** After a failed request: how long to wait before trying it again, or undefined to give up. */
	retryDelay?: (this: IExecutePaginationFunctions, error: unknown, attempt: number) => Promise<number | undefined>;
}

/**
 * How an operation's requests are made. n8n's declarative routing hands them to `operations.pagination`
 * when `send.paginate` is on; that is the one hook that sees an HTTP failure after n8n's own credential
 * retry (a new sign-in on 401), so every operation goes through it and errors keep the vendor's message
 * and status, in the editor and in Continue On Fail output alike.
 */
export function vendorRequests(envelope: FailureEnvelope, options: RequestOptions = {}): IN8nRequestOperations {
	const { paging, beforeEachRequest, aroundEachRequest, retryDelay } = options;
	return {
		async pagination(
			this: IExecutePaginationFunctions,
			requestData: DeclarativeRestApiSettings.ResultOptions,
		): Promise<INodeExecutionData[]> {
			const send: SendRequest = async (data) => {
				for (let attempt = 1; ; attempt++) {
					await beforeEachRequest?.call(this);
					const request = async () => await this.makeRoutingRequest(data);
					const outcome = await (aroundEachRequest ? aroundEachRequest.call(this, request) : request()).then(
						(items) => ({ items, error: undefined }),
						(error: unknown) => ({ items: undefined, error }),
					);
					if (outcome.items) return outcome.items;
					const delay = await retryDelay?.call(this, outcome.error, attempt);
					if (delay === undefined) throw withVendorMessage(this.getNode(), envelope, outcome.error, this.getItemIndex());
					await sleep(delay);
				}
			};
			return paging ? await collectPages(send, requestData, paging) : await send(requestData);
		},
	};
}
