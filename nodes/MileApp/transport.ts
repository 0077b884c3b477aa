import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { MILEAPP_BASE_URL } from '../../credentials/MileAppApi.credentials';
import { failOnVendorError, type FailureEnvelope } from '../shared/errors';
import type { PageNumberPaging } from '../shared/paging';
import { urlFrom, vendorRequest } from '../shared/vendorRequest';
import { routingFor, taskRoutingFor, type VendorRouting } from '../shared/requests';
import { normalizeMileAppTask } from './normalize';

export const MILEAPP_CREDENTIAL = 'mileAppApi';
export const MILEAPP_TASK_STATUSES = ['UNASSIGNED', 'ONGOING', 'DONE'] as const;

/** Laravel paging with `page` and `limit`; 100 a page is the largest the node asks for. */
const MILEAPP_PAGING: PageNumberPaging = {
	style: 'pageNumber',
	pageParam: 'page',
	pageSizeParam: 'limit',
	firstPage: 1,
	maxPageSize: 100,
};

/** Documented: every error body is `{status: false, message}`, whatever the HTTP status. */
export const mileAppEnvelope: FailureEnvelope = {
	vendor: 'MileApp',
	isFailure: (body) => body.status === false,
	messageOf: (body) =>
		typeof body.message === 'string' && body.message.trim() !== ''
			? body.message.trim()
			: undefined,
};

/** Documented: only `application/json` (or anything) is accepted; any other Accept header gets 406. */
export const mileAppRequestDefaults: Partial<IRequestOptionsSimplified> & IDataObject = {
	baseURL: MILEAPP_BASE_URL,
	headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	json: true,
};

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

/** A declarative postReceive step: one item per record of the answer. */
async function outputRecords(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return recordsOf(response.body as IDataObject).map((json) => ({ json }));
}

const mileAppVendor: VendorRouting = {
	envelope: mileAppEnvelope,
	paging: MILEAPP_PAGING,
	output: [failOnVendorError(mileAppEnvelope), outputRecords],
};

/** One operation's declarative routing: input checks, the request, MileApp's errors, its records out. */
export const mileAppRouting = routingFor(mileAppVendor);

/** The same for operations that return tasks, which the node's Output can normalize. */
export const mileAppTaskRouting = taskRoutingFor(mileAppVendor, normalizeMileAppTask);

/** For the pickers and the flow-field mapper: one call, the body returned. */
export async function mileAppApiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject> {
	const credentials = await this.getCredentials(MILEAPP_CREDENTIAL);
	const response = await vendorRequest.call(this, {
		credentialType: MILEAPP_CREDENTIAL,
		envelope: mileAppEnvelope,
		request: {
			method,
			url: urlFrom(credentials.baseUrl, path),
			qs,
			headers: { Accept: 'application/json' },
			json: true,
		},
	});
	return (response.body ?? {}) as IDataObject;
}
