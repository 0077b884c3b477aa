import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { vendorApiError } from '../shared/errors';
import type { TaskMapper } from '../shared/normalizedTask';
import type { VendorOperations } from '../shared/operation';
import { isRepeatable, retryPolicy, withRetries } from '../shared/retry';
import { retryAfterIn, VendorApiError, type FailureKind } from '../shared/vendorApiError';
import { urlFrom } from '../shared/vendorRequest';
import {
	HUMANITY_API_PATH,
	HUMANITY_CODES,
	HUMANITY_CREDENTIAL,
	cursorOf,
	HUMANITY_MAX_PAGE_SIZE,
	humanityEnvelope,
	isEnvelope,
	nextCursorOf,
	recordsOf,
	TOKEN_REFUSED_CODES,
	type HumanityEnvelope,
} from './api';

/** Waits before each retry of a throttled call; after the last, the throttle is reported. */
const THROTTLE_BACKOFF_MS = [1000, 2000, 4000];
/** A token this close to its expiry is renewed before use rather than sent to be refused. */
const TOKEN_EXPIRY_MARGIN_MS = 60_000;

/** What defineResource needs of Humanity: its name, and how a resource's tasks are normalized. */
export function humanityOperations(taskMapper?: TaskMapper): VendorOperations {
	return { vendorName: humanityEnvelope.vendor, taskMapper };
}

type HumanityContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;

interface HumanityRequestOptions {
	qs?: IDataObject;
	/** A function builds the body at each send: a write rebuilt by `checkBeforeResend` goes out as rebuilt. */
	body?: IDataObject | (() => IDataObject);
	itemIndex?: number;
	/** For a whole-list write: after an unknown outcome, reads back instead of resending; returns that read when the write is there, else rebuilds the body and returns undefined. */
	checkBeforeResend?: () => Promise<HumanityEnvelope | undefined>;
}

interface FullResponse {
	statusCode: number;
	headers?: IDataObject;
	body: unknown;
}

/** Tokens travel in the query string: keep them out of any message that could reach the user. */
function redactTokens(text: string): string {
	return text.replace(/(access_token=)[^&\s"']+/gi, '$1***');
}

/** The envelope without its `token` echo, safe to attach to an error. */
function withoutToken(body: IDataObject): IDataObject {
	const rest = { ...body };
	delete rest.token;
	return rest;
}

function tokenKnownExpired(credentials: ICredentialDataDecryptedObject): boolean {
	const expiresAt = Date.parse(String(credentials.accessTokenExpiresAt ?? ''));
	return (
		Boolean(credentials.accessToken) &&
		Number.isFinite(expiresAt) &&
		expiresAt - TOKEN_EXPIRY_MARGIN_MS <= Date.now()
	);
}

/**
 * One call to Humanity API v2 (`path` relative to /api/v2, e.g. '/shifts'). The token comes from the
 * credential (n8n keeps it); a token past its expiry, or one Humanity refuses (HTTP 401, code 2 or 3 under any
 * HTTP status), gets exactly one new token and the call is sent once more. Code 91 (throttled) waits and
 * retries a few times. Any `status` other than 1 is an error with Humanity's message and code.
 */
export async function humanityApiRequest(
	this: HumanityContext,
	method: IHttpRequestMethods,
	path: string,
	options: HumanityRequestOptions = {},
): Promise<HumanityEnvelope> {
	const node = this.getNode();
	const credentials = await this.getCredentials(HUMANITY_CREDENTIAL);
	const request: IHttpRequestOptions = {
		method,
		url: urlFrom(credentials.baseUrl, `${HUMANITY_API_PATH}${path}`),
		qs: options.qs,
		// PHP-style lists (`positionIds[]=1&positionIds[]=2`), as the get-master-tasks page names them.
		arrayFormat: 'brackets',
		headers: { Accept: 'application/json' },
		json: true,
		timeout: retryPolicy.timeoutMs,
		returnFullResponse: true,
		// Every answer is read here, so that a refused token or a throttle is handled the same under any HTTP status.
		ignoreHttpStatusErrors: true,
	};
	let renewToken = tokenKnownExpired(credentials);
	let tokenRenewed = false;
	let throttledTimes = 0;
	const bodyToSend = () => (typeof options.body === 'function' ? options.body() : options.body);
	const check = options.checkBeforeResend;
	const repeatable = check
		? async () => {
				const found = await check();
				return found && { carriedOut: { statusCode: 200, body: found } as FullResponse };
			}
		: isRepeatable(method);
	for (;;) {
		const response = await withRetries(humanityEnvelope.vendor, repeatable, async () =>
			failIfItMayPass(
				node,
				await send.call(this, { ...request, body: bodyToSend() }, renewToken, options.itemIndex),
				options.itemIndex,
			),
		);
		if (renewToken) tokenRenewed = true;
		renewToken = false;
		const body = response.body;
		const code = isEnvelope(body) ? body.status : undefined;
		if (code === HUMANITY_CODES.success && response.statusCode < 300)
			return body as HumanityEnvelope;
		const tokenRefused =
			response.statusCode === 401 || (code !== undefined && TOKEN_REFUSED_CODES.includes(code));
		if (tokenRefused && !tokenRenewed) {
			renewToken = true;
			continue;
		}
		if (code === HUMANITY_CODES.throttled && throttledTimes < THROTTLE_BACKOFF_MS.length) {
			await sleep(THROTTLE_BACKOFF_MS[throttledTimes++]);
			continue;
		}
		throw humanityFailure(node, response, options.itemIndex);
	}
}

/** Humanity's failure answer as an error; `kind` only where the status does not tell (an unreadable answer). */
function humanityFailure(
	node: INode,
	response: FullResponse,
	itemIndex?: number,
	kind?: FailureKind,
): VendorApiError {
	const { body, statusCode, headers } = response;
	const details = { itemIndex, kind, retryAfter: retryAfterIn(headers) };
	const text =
		typeof body === 'string' && body.trim() !== ''
			? redactTokens(body.trim()).slice(0, 300)
			: 'an answer that is not a Humanity envelope';
	const failure = isEnvelope(body) ? withoutToken(body as IDataObject) : { message: text };
	return vendorApiError(node, humanityEnvelope, failure, statusCode, details);
}

/** An answer that may pass if sent again (429, 5xx, or one that cannot be read) becomes an error withRetries weighs. */
function failIfItMayPass(node: INode, response: FullResponse, itemIndex?: number): FullResponse {
	if ([429, 500, 502, 503, 504].includes(response.statusCode))
		throw humanityFailure(node, response, itemIndex);
	// Under a success status the answer could not be read: what Humanity did is unknown.
	if (response.statusCode < 300 && !isEnvelope(response.body))
		throw humanityFailure(node, response, itemIndex, 'unsure');
	return response;
}

/** One HTTP exchange through n8n's credential handling; `renewToken` makes n8n fetch (and keep) a new token first. */
async function send(
	this: HumanityContext,
	request: IHttpRequestOptions,
	renewToken: boolean,
	itemIndex?: number,
): Promise<FullResponse> {
	const additional = renewToken ? await credentialsWithoutToken.call(this) : undefined;
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(
			this,
			HUMANITY_CREDENTIAL,
			{ ...request },
			additional,
		)) as FullResponse;
	} catch (error) {
		throw unansweredFailure(this.getNode(), error, itemIndex);
	}
}

/**
 * A network failure or a failed sign-in: n8n's error may carry the request (and its token), so it is rebuilt,
 * keeping the code (ECONNRESET, a sign-in's HTTP status…) that tells whether to try again.
 */
function unansweredFailure(node: INode, error: unknown, itemIndex?: number): VendorApiError {
	const message = redactTokens(error instanceof Error ? error.message : String(error));
	const code =
		(error as { httpCode?: unknown; code?: unknown }).httpCode ??
		(error as { code?: unknown }).code;
	return new VendorApiError(node, { message } as JsonObject, {
		message: `Humanity: ${message}`,
		description:
			'The request did not reach Humanity, or n8n could not get an access token with this credential.',
		httpCode: typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
		itemIndex,
	});
}

/** The stored credential with its token emptied: n8n then runs preAuthentication for a new one and stores it. */
async function credentialsWithoutToken(this: HumanityContext) {
	const stored = await this.getCredentials(HUMANITY_CREDENTIAL);
	const details = this.getNode().credentials?.[HUMANITY_CREDENTIAL];
	return {
		credentialsDecrypted: {
			id: details?.id ?? '',
			name: details?.name ?? HUMANITY_CREDENTIAL,
			type: HUMANITY_CREDENTIAL,
			data: { ...stored, accessToken: '' },
		},
	};
}

/**
 * When a page gives no cursor this pack can follow, whether the list may go on: a cursor under another key, or
 * a full page without any cursor key. Then the pages read are not the whole list (the sheet's Unknown line).
 */
function pagingLost(
	node: INode,
	path: string,
	page: HumanityEnvelope,
	fullPage: boolean,
	itemIndex?: number,
): NodeOperationError | undefined {
	const read = cursorOf(page);
	if (read.next !== undefined) return undefined;
	if (read.unknownKeys.length === 0 && (read.recognised || !fullPage)) return undefined;
	const seen = JSON.stringify(page.metadata ?? null).slice(0, 200);
	const reason = read.unknownKeys.length
		? `its next cursor under "${read.unknownKeys.join('", "')}", a key this node does not read`
		: 'a full page without a cursor this node recognises (metadata.cursor or metadata.nextCursor)';
	return new NodeOperationError(
		node,
		`Humanity answered ${path} with ${reason}: the list may go on, so it is not returned as complete`,
		{
			itemIndex,
			description: `The answer's metadata was ${seen}. Turn off Return All and set a Limit, or report this answer so the node can follow it.`,
		},
	);
}

/**
 * Follows the cursor in `metadata` page by page until the limit is met or the last page. A page that may not be
 * the last but gives no cursor to follow is an error, never a partial list returned as all.
 */
export async function humanityCursorPages(
	this: HumanityContext,
	path: string,
	qs: IDataObject,
	limit = Infinity,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let cursor: string | undefined;
	do {
		const pageSize = Math.min(HUMANITY_MAX_PAGE_SIZE, limit - results.length);
		const page = await humanityApiRequest.call(this, 'GET', path, {
			qs: { ...qs, limit: pageSize, ...(cursor ? { cursor } : {}) },
			itemIndex,
		});
		const records = recordsOf(page);
		results.push(...records);
		cursor = nextCursorOf(page);
		if (results.length >= limit) break;
		const lost = pagingLost(this.getNode(), path, page, records.length >= pageSize, itemIndex);
		if (lost) throw lost;
	} while (cursor !== undefined);
	return results.slice(0, limit);
}
