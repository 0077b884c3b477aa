import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INode,
	INodeProperties,
} from 'n8n-workflow';
import { outputRecordsOf } from '../shared/answerSteps';
import { failOnVendorError, withVendorMessage } from '../shared/errors';
import { limitRule, returnAllAndLimitFields } from '../shared/listFields';
import {
	defineOperation,
	type OperationDefinition,
	type VendorOperations,
} from '../shared/operation';
import { oneAtATime } from '../shared/pacing';
import { isNodeApiError, retryAfterMsOf, VendorApiError } from '../shared/vendorApiError';
import { vendorJsonRequest } from '../shared/vendorRequest';
import { MILEAPP_CREDENTIAL, MILEAPP_PAGING, MILEAPP_RATE_LIMIT, mileAppEnvelope } from './api';
import { normalizeMileAppTask } from './normalize';

/**
 * The records in an answer: a page of tasks (`tasks.data`) or flows (`flows.data`), a list in `data`, one
 * task (`task`), or a flow's field list (`data.flowFields`).
 */
export function recordsOf(body: IDataObject): IDataObject[] {
	for (const key of ['tasks', 'flows']) {
		const page = body[key] as IDataObject | undefined;
		if (page && Array.isArray(page.data)) return page.data as IDataObject[];
	}
	if (Array.isArray(body.data)) return body.data as IDataObject[];
	const data = body.data as IDataObject | undefined;
	if (data && Array.isArray(data.flowFields)) return data.flowFields as IDataObject[];
	if (body.task && typeof body.task === 'object') return [body.task as IDataObject];
	return [];
}

/**
 * A 429 as an error asking for MileApp's documented wait before the next try (MileApp sends no Retry-After): the
 * shared retries wait it out, or say it is longer than they wait. A 401 says the token may have expired. Any other
 * failure is left as it is.
 */
function withDocumentedWait(node: INode, error: unknown, itemIndex?: number): unknown {
	if (isNodeApiError(error) && String(error.httpCode) === '401')
		return withExpiryHint(withVendorMessage(node, mileAppEnvelope, error, itemIndex));
	if (!isNodeApiError(error) || String(error.httpCode) !== '429') return error;
	const refused = withVendorMessage(node, mileAppEnvelope, error, itemIndex);
	const message =
		refused instanceof VendorApiError ? refused.message : 'MileApp: Too Many Requests';
	const waitMs = Math.max(MILEAPP_RATE_LIMIT.waitAfterRefusalMs, retryAfterMsOf(refused) ?? 0);
	return new VendorApiError(
		node,
		{ status: false, message: message.replace(/^MileApp: /, '') },
		{
			message,
			description: `MileApp allows ${MILEAPP_RATE_LIMIT.requestsPerSecond} requests a second per organization and asks to wait ${Math.ceil(waitMs / 1000)} s after a 429 before trying again.`,
			httpCode: '429',
			itemIndex,
			retryAfter: String(waitMs / 1000),
		},
	);
}

/** Documented (authentication.mdx): a Personal Token expires on the date chosen when it was made. */
function withExpiryHint(error: unknown): unknown {
	if (!isNodeApiError(error)) return error;
	const before = typeof error.description === 'string' ? `${error.description.trim()} ` : '';
	error.description = `${before}The Personal Token may have expired (MileApp tokens expire on the date chosen when they were made): make a new one in the MileApp web app under Profile → Personal Token and put it in the credential.`;
	return error;
}

/**
 * Every request to MileApp: one at a time per token, at most `requestsPerSecond` a second (n8n sends a declarative
 * node's items at once), and a 429 turned into MileApp's documented wait.
 */
async function withinRateLimit<T>(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	send: () => Promise<T>,
	itemIndex?: number,
): Promise<T> {
	const credentials = await context.getCredentials(MILEAPP_CREDENTIAL);
	const key = `mileApp|${String(credentials.baseUrl)}|${String(credentials.token)}`;
	return await oneAtATime(key, 1000 / MILEAPP_RATE_LIMIT.requestsPerSecond, async () => {
		return await send().catch((error: unknown) => {
			throw withDocumentedWait(context.getNode(), error, itemIndex);
		});
	});
}

/** How MileApp's declarative operations send and read, for defineResource. */
export const mileAppOperations: VendorOperations = {
	vendorName: 'MileApp',
	routing: {
		envelope: mileAppEnvelope,
		paging: MILEAPP_PAGING,
		aroundEachRequest: async function (send) {
			return await withinRateLimit(this, send, this.getItemIndex());
		},
		output: [failOnVendorError(mileAppEnvelope), outputRecordsOf(recordsOf)],
	},
	taskMapper: normalizeMileAppTask,
};

/** A Get Many of records MileApp pages through: Return All and Limit (the Limit checked), and `fields`. */
export function pagedList(
	records: string,
	url: string,
	fields: INodeProperties[] = [],
): OperationDefinition {
	return defineOperation({
		value: 'getAll',
		name: 'Get Many',
		action: `Get many ${records}`,
		fields: [...returnAllAndLimitFields, ...fields],
		rules: [limitRule],
		request: { method: 'GET', url, paged: true },
	});
}

/** For the pickers, the flow-field mapper and Replace's read: one call, the body returned. */
export async function mileAppApiRequest(
	this: ILoadOptionsFunctions | IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const response = await vendorJsonRequest.call(this, {
		credentialType: MILEAPP_CREDENTIAL,
		envelope: mileAppEnvelope,
		method,
		path,
		qs,
		around: async (send) => await withinRateLimit(this, send, itemIndexOf(this)),
		itemIndex: itemIndexOf(this),
	});
	return (response.body ?? {}) as IDataObject;
}

function itemIndexOf(context: ILoadOptionsFunctions | IExecuteSingleFunctions): number | undefined {
	return 'getItemIndex' in context ? context.getItemIndex() : undefined;
}
