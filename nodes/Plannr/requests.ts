import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { outputRecordsOf } from '../shared/answerSteps';
import { failOnVendorError } from '../shared/errors';
import { isNodeApiError } from '../shared/vendorApiError';
import type { VendorOperations } from '../shared/operation';
import { collectPages, type Page } from '../shared/paging';
import { RateLimitTracker } from '../shared/rateLimit';
import { urlFrom, vendorRequest } from '../shared/vendorRequest';
import { pageMismatch, recordsOf, singleRecordOf } from './answers';
import { PLANNR_ACCOUNT_HEADER, PLANNR_CREDENTIALS, PLANNR_PAGING, plannrEnvelope } from './api';
import { normalizePlannrTask } from './normalize';

type Authentication = keyof typeof PLANNR_CREDENTIALS;

/** Documented: 500 requests a minute per user, `X-Ratelimit-Remaining` on every answer, 429 beyond. */
const rateLimit = new RateLimitTracker({ windowMs: 60_000, defaultLimit: 500 });
const RATE_LIMIT_HEADERS = { remaining: 'x-ratelimit-remaining', limit: 'x-ratelimit-limit' };

type PlannrContext =
	| IExecuteSingleFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

/** The credential type the node's Authentication parameter picks. */
function credentialTypeOf(context: PlannrContext): string {
	const authentication = context.getNodeParameter(
		'authentication',
		'accessToken',
	) as Authentication;
	return PLANNR_CREDENTIALS[authentication] ?? PLANNR_CREDENTIALS.accessToken;
}

async function credentialsOf(context: PlannrContext): Promise<ICredentialDataDecryptedObject> {
	return await context.getCredentials(credentialTypeOf(context));
}

/** The rate limit is per user: the account a credential acts for, at its address. */
function rateLimitKey(credentials: ICredentialDataDecryptedObject): string {
	return `${String(credentials.baseUrl)}|${String(credentials.accountUuid)}`;
}

/** How many answers each run of a declarative operation has had: the nth is the answer to page n. */
const answersReceived = new WeakMap<object, number>();

/**
 * Sends a declarative request within the account's rate limit. Pages are asked for in turn from the first
 * (collectPages), and only an answer that arrived counts (a retried one is counted once), so a paged answer
 * must say it is that page: else Plannr ignored the page parameter, and the node stops rather than repeat page 1.
 */
async function withinRateLimit<T>(
	this: IExecuteSingleFunctions,
	send: () => Promise<T>,
): Promise<T> {
	const received = await rateLimit.send(rateLimitKey(await credentialsOf(this)), send);
	const page = (answersReceived.get(this) ?? 0) + 1;
	answersReceived.set(this, page);
	const body = (received as { answer?: IN8nHttpFullResponse } | undefined)?.answer?.body;
	const mismatch = pageMismatch(PLANNR_PAGING.firstPage + page - 1, body);
	if (mismatch)
		throw new NodeOperationError(this.getNode(), mismatch, { itemIndex: this.getItemIndex() });
	return received;
}

/** A declarative postReceive step: keeps what the rate-limit headers say, for the requests that follow. */
async function noteRateLimit(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	rateLimit.noteHeaders(
		rateLimitKey(await credentialsOf(this)),
		response.headers as Record<string, unknown>,
		RATE_LIMIT_HEADERS,
	);
	return items;
}

/** An answer as a page: the tasks in its `data`, or the record itself; `meta` says whether more follow. */
function readPlannrPage(body: IDataObject): Page<IDataObject> {
	const records = Array.isArray(body.data) ? recordsOf(body) : [singleRecordOf(body)];
	const meta = (body.meta ?? {}) as IDataObject;
	return typeof meta.current_page === 'number' && typeof meta.last_page === 'number'
		? { records, more: meta.current_page < meta.last_page }
		: { records };
}

/** How Plannr's declarative operations send and read, for defineResource. */
export const plannrOperations: VendorOperations = {
	vendorName: 'Plannr',
	routing: {
		envelope: plannrEnvelope,
		paging: PLANNR_PAGING,
		readPage: readPlannrPage,
		aroundEachRequest: withinRateLimit,
		output: [
			noteRateLimit,
			failOnVendorError(plannrEnvelope),
			outputRecordsOf((body) => readPlannrPage(body).records),
		],
	},
	taskMapper: normalizePlannrTask,
};

/** For programmatic callers (trigger, pickers): one call within the rate limit, the body returned. */
export async function plannrApiRequest(
	this: PlannrContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	const credentials = await credentialsOf(this);
	const key = rateLimitKey(credentials);
	const response = await vendorRequest.call(this, {
		credentialType: credentialTypeOf(this),
		envelope: plannrEnvelope,
		request: {
			method,
			url: urlFrom(credentials.baseUrl, path),
			qs: options.qs,
			body: options.body,
			// Every call, GETs included (plannr.md, Connection).
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
				[PLANNR_ACCOUNT_HEADER]: String(credentials.accountUuid),
			},
			json: true,
		},
		around: async (send) =>
			await rateLimit.send(key, async () => {
				const answer = await send();
				rateLimit.noteHeaders(key, answer.headers, RATE_LIMIT_HEADERS);
				return answer;
			}),
	});
	return (response.body ?? {}) as IDataObject;
}

/** Like plannrApiRequest, but undefined when Plannr has no such record (404) or no such call (405). */
export async function plannrApiRequestIfFound(
	this: PlannrContext,
	method: IHttpRequestMethods,
	path: string,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject | undefined> {
	return await plannrApiRequest.call(this, method, path, options).catch((error: unknown) => {
		if (isNodeApiError(error) && ['404', '405'].includes(String(error.httpCode))) return undefined;
		throw error;
	});
}

/** Every record of a list, paged or not, at the largest page size; each page checked to be the one asked for. */
export async function plannrListAll(
	this: PlannrContext,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	return await collectPages(PLANNR_PAGING, async (position) => {
		const body = await plannrApiRequest.call(this, 'GET', path, { qs: { ...qs, ...position } });
		const mismatch = pageMismatch(Number(position.page), body);
		if (mismatch) throw new NodeOperationError(this.getNode(), mismatch);
		const lastPage = (body.meta as { last_page?: number } | undefined)?.last_page;
		return {
			records: recordsOf(body),
			more: lastPage === undefined ? undefined : Number(position.page) < lastPage,
		};
	});
}
