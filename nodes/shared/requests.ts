import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IN8nRequestOperations,
	INodeExecutionData,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { withVendorMessage, type FailureEnvelope } from './errors';
import { collectPages, pagesFollowAfter, type Paging } from './paging';
import { isRepeatable, retryPolicy, withRetries } from './retry';
import { normalizeWhenAsked, type TaskMapper } from './normalizedTask';

/** How one vendor's declarative operations send their requests and read the answers. */
export interface VendorRouting {
	envelope: FailureEnvelope;
	paging: Paging;
	/** Wraps every HTTP request, each page included: where a vendor's rate limit is kept. */
	aroundEachRequest?: (
		this: IExecutePaginationFunctions,
		send: () => Promise<INodeExecutionData[]>,
	) => Promise<INodeExecutionData[]>;
	/** What an operation's answers become unless it says otherwise: the failure check, then the records. */
	output: PostReceiveAction[];
}

export interface OperationRouting {
	preSend?: PreSendAction[];
	paged?: boolean;
	postReceive?: PostReceiveAction[];
}

/**
 * How an operation's requests are made. n8n's declarative routing hands them to `operations.pagination`
 * when `send.paginate` is on; that is the one hook that sees an HTTP failure after n8n's own credential
 * retry (a new sign-in on 401), so every operation goes through it: a failure that may pass is tried again
 * (see withRetries), and errors keep the vendor's message and status, in the editor and in Continue On Fail
 * output alike.
 */
function vendorRequests(vendor: VendorRouting, paged: boolean): IN8nRequestOperations {
	const { envelope, paging, aroundEachRequest } = vendor;
	return {
		async pagination(
			this: IExecutePaginationFunctions,
			requestData: DeclarativeRestApiSettings.ResultOptions,
		): Promise<INodeExecutionData[]> {
			const repeatable = isRepeatable(requestData.options.method);
			const send = async (data: DeclarativeRestApiSettings.ResultOptions) => {
				// n8n's routing always sets its own 5-minute timeout; ours replaces it, so a lost answer is retried in time.
				const options = { ...data.options, timeout: retryPolicy.timeoutMs };
				const request = async () => await this.makeRoutingRequest({ ...data, options });
				return await withRetries(
					envelope.vendor,
					repeatable,
					async () =>
						await (aroundEachRequest ? aroundEachRequest.call(this, request) : request()).catch(
							(error: unknown) => {
								throw withVendorMessage(this.getNode(), envelope, error, this.getItemIndex());
							},
						),
				);
			};
			if (!paged) return await send(requestData);
			const limit =
				requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
			return await collectPages(
				paging,
				async (position) => {
					const qs = { ...(requestData.options.qs ?? {}), ...position };
					const records = await send({ ...requestData, options: { ...requestData.options, qs } });
					return { records, more: pagesFollowAfter(records) };
				},
				limit,
			);
		},
	};
}

/** A vendor's builder of one operation's routing: input checks, the request, the vendor's errors, its records out. */
export function routingFor(vendor: VendorRouting) {
	return (
		request: NonNullable<INodePropertyRouting['request']>,
		options: OperationRouting = {},
	): INodePropertyRouting => ({
		request,
		send: { paginate: true, preSend: options.preSend ?? [] },
		operations: vendorRequests(vendor, options.paged ?? false),
		output: { postReceive: options.postReceive ?? vendor.output },
	});
}

/** The same, for operations that return tasks: their records can be output as normalized tasks. */
export function taskRoutingFor(vendor: VendorRouting, mapper: TaskMapper) {
	return routingFor({ ...vendor, output: [...vendor.output, normalizeWhenAsked(mapper)] });
}
