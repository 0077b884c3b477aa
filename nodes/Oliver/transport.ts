import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IPollFunctions,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { failOnVendorError, type FailureEnvelope } from '../shared/errors';
import { urlFrom, vendorRequest } from '../shared/vendorRequest';
import { routingFor, taskRoutingFor, type VendorRouting } from '../shared/requests';
import { normalizeOliverTask } from './normalize';
import { OLIVER_API_BASE_URL } from '../../credentials/OliverApi.credentials';
import { collectPages, markPagesFollow, type PageNumberPaging } from '../shared/paging';

export const OLIVER_CREDENTIAL = 'oliverApi';
export const OLIVER_API_PATH = '/services/core/open_api/v1';
export const OLIVER_MAX_PAGE_SIZE = 100;
const OLIVER_PAGING: PageNumberPaging = {
	style: 'pageNumber',
	pageParam: 'page',
	pageSizeParam: 'per_page',
	firstPage: 0,
	maxPageSize: OLIVER_MAX_PAGE_SIZE,
};
export const OLIVER_TASK_STATUSES = ['pending', 'completed', 'canceled'] as const;
export const OLIVER_TASK_TYPES = ['task', 'rx_refill'] as const;

export const oliverEnvelope: FailureEnvelope = {
	vendor: 'Oliver',
	isFailure: (body) => body.success === false,
	messageOf: (body) => (typeof body.message === 'string' ? body.message : undefined),
};

/** Every declarative request: the credential's base URL, JSON both ways. */
export const oliverRequestDefaults: Partial<IRequestOptionsSimplified> & IDataObject = {
	baseURL: OLIVER_API_BASE_URL,
	headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	json: true,
};

export const checkOliverSuccess = failOnVendorError(oliverEnvelope);

type OliverContext = IPollFunctions | ILoadOptionsFunctions;

/** For programmatic callers (trigger, pickers): one call, the envelope checked, `data` returned. */
export async function oliverApiRequest(
	this: OliverContext,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<unknown> {
	const credentials = await this.getCredentials(OLIVER_CREDENTIAL);
	const response = await vendorRequest.call(this, {
		credentialType: OLIVER_CREDENTIAL,
		envelope: oliverEnvelope,
		request: {
			method,
			url: urlFrom(credentials.baseUrl, `${OLIVER_API_PATH}${path}`),
			qs,
			headers: { Accept: 'application/json' },
			json: true,
		},
	});
	return (response.body as IDataObject).data;
}

interface OliverPage {
	page: number;
	total_pages: number;
	content: IDataObject[];
}

/** Every staff task with the given status (all when omitted), page by page at the largest page size. */
export async function oliverListAllStaffTasks(
	this: IPollFunctions,
	status?: string,
): Promise<IDataObject[]> {
	return await collectPages(OLIVER_PAGING, async (position) => {
		const qs: IDataObject = status ? { ...position, status } : position;
		const data = (await oliverApiRequest.call(this, 'GET', '/staff_tasks', qs)) as OliverPage;
		return { records: data.content, more: Number(position.page) + 1 < data.total_pages };
	});
}

/** A declarative postReceive step: one output item per record in the envelope's `data` (a page's `content`). */
export async function extractOliverData(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = (response.body as IDataObject).data as IDataObject | IDataObject[] | undefined;
	const records = Array.isArray(data)
		? data
		: Array.isArray(data?.content)
			? (data.content as IDataObject[])
			: [data ?? {}];
	const items = records.map((json) => ({ json }));
	const page = data && !Array.isArray(data) ? (data as Partial<OliverPage>) : {};
	return typeof page.page === 'number' && typeof page.total_pages === 'number'
		? markPagesFollow(items, page.page + 1 < page.total_pages)
		: items;
}

const oliverVendor: VendorRouting = {
	envelope: oliverEnvelope,
	paging: OLIVER_PAGING,
	output: [checkOliverSuccess, extractOliverData],
};

/** One operation's declarative routing: input checks, the request, Oliver's errors, and its records out. */
export const oliverRouting = routingFor(oliverVendor);

/** The same for operations that return tasks, which the node's Output can normalize. */
export const oliverTaskRouting = taskRoutingFor(oliverVendor, normalizeOliverTask);
