import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	IN8nRequestOperations,
	INodeExecutionData,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { withVendorMessage, type FailureEnvelope } from './errors';
import { collectPages, type Page, type Paging, type RecordIdentity } from './paging';
import { isRepeatable, retryPolicy, withRetries } from './retry';

/** How one vendor's declarative operations send their requests and read the answers. */
export interface VendorRouting {
	envelope: FailureEnvelope;
	paging: Paging;
	/**
	 * A list answer as a page. Paged operations read from it whether more pages follow; where a vendor
	 * gives none, a short page is the last.
	 */
	readPage?: (body: IDataObject) => Page<IDataObject>;
	/** How a paged list tells its records apart, where pages may overlap (see collectPages). */
	identity?: (node: INode) => RecordIdentity<IDataObject>;
	/** Wraps every HTTP request, each page included: where a vendor's rate limit is kept. */
	aroundEachRequest?: <T>(this: IExecutePaginationFunctions, send: () => Promise<T>) => Promise<T>;
	/** What an operation's answers become unless it says otherwise: the failure check, then the records. */
	output: PostReceiveAction[];
}

interface OperationRouting {
	preSend?: PreSendAction[];
	paged?: boolean;
	postReceive?: PostReceiveAction[];
}

/** A postReceive step written as a function: the only kind the pagination hook runs itself. */
type AnswerStep = Extract<PostReceiveAction, (...args: never[]) => unknown>;

interface ReadAnswer {
	answer: IN8nHttpFullResponse;
	items: INodeExecutionData[];
}

/**
 * n8n's routing runs an operation's postReceive steps inside the request it makes for the pagination hook,
 * where the answer itself is out of reach. So the routing's only step hands the answer on, and the hook
 * runs the operation's steps on it: a paged list then reads from the same answer whether more pages follow.
 */
async function handOverAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	answer: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [{ json: { answer } as unknown as IDataObject }];
}

/** The operation's steps over one answer, as n8n runs postReceive steps: from one item holding the body. */
async function itemsOf(
	this: IExecuteSingleFunctions,
	steps: AnswerStep[],
	answer: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[] = [{ json: answer.body as IDataObject }];
	for (const step of steps) items = await step.call(this, items, answer);
	return items;
}

/** Checked once, as the node is defined: n8n's declarative step objects run only inside its own routing. */
function answerSteps(steps: PostReceiveAction[]): AnswerStep[] {
	return steps.map((step) => {
		if (typeof step !== 'function')
			throw new Error(`A "${step.type}" postReceive step cannot run here: write it as a function`);
		return step;
	});
}

/**
 * How an operation's requests are made. n8n's declarative routing hands them to `operations.pagination`
 * when `send.paginate` is on; that is the one hook that sees an HTTP failure after n8n's own credential
 * retry (a new sign-in on 401), so every operation goes through it: a failure that may pass is tried again
 * (see withRetries), and errors keep the vendor's message and status, in the editor and in Continue On Fail
 * output alike.
 */
function vendorRequests(
	vendor: VendorRouting,
	paged: boolean,
	steps: AnswerStep[],
): IN8nRequestOperations {
	const { envelope, paging, readPage, identity, aroundEachRequest } = vendor;
	return {
		async pagination(
			this: IExecutePaginationFunctions,
			requestData: DeclarativeRestApiSettings.ResultOptions,
		): Promise<INodeExecutionData[]> {
			const repeatable = isRepeatable(requestData.options.method);
			const send = async (data: DeclarativeRestApiSettings.ResultOptions) => {
				// n8n's routing always sets its own 5-minute timeout; ours replaces it, so a lost answer is retried in time.
				const options = { ...data.options, timeout: retryPolicy.timeoutMs };
				const request = async (): Promise<ReadAnswer> => {
					const [handedOver] = await this.makeRoutingRequest({ ...data, options });
					const { answer } = handedOver.json as unknown as { answer: IN8nHttpFullResponse };
					return { answer, items: await itemsOf.call(this, steps, answer) };
				};
				const exchange = aroundEachRequest
					? async () => (await aroundEachRequest.call(this, request)) as ReadAnswer
					: request;
				return await withRetries(
					envelope.vendor,
					repeatable,
					async () =>
						await exchange().catch((error: unknown) => {
							throw withVendorMessage(this.getNode(), envelope, error, this.getItemIndex());
						}),
				);
			};
			if (!paged) return (await send(requestData)).items;
			const limit =
				requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
			return await collectPages(
				paging,
				async (position) => {
					const qs = { ...(requestData.options.qs ?? {}), ...position };
					const { answer, items } = await send({
						...requestData,
						options: { ...requestData.options, qs },
					});
					const page = readPage?.(answer.body as IDataObject);
					return { records: items, more: page?.more, total: page?.total };
				},
				limit,
				identity && itemIdentity(identity(this.getNode())),
			);
		},
	};
}

/** A record identity applied to the items a paged operation outputs. */
function itemIdentity(identity: RecordIdentity<IDataObject>): RecordIdentity<INodeExecutionData> {
	return { idOf: (item) => identity.idOf(item.json), repeated: identity.repeated };
}

/** A vendor's builder of one operation's routing: input checks, the request, the vendor's errors, its records out. */
export function routingFor(vendor: VendorRouting) {
	return (
		request: NonNullable<INodePropertyRouting['request']>,
		options: OperationRouting = {},
	): INodePropertyRouting => ({
		request,
		send: { paginate: true, preSend: options.preSend ?? [] },
		operations: vendorRequests(
			vendor,
			options.paged ?? false,
			answerSteps(options.postReceive ?? vendor.output),
		),
		output: { postReceive: [handOverAnswer] },
	});
}
