import type {
	IDataObject,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { outputRecordsOf } from '../shared/answerSteps';
import { failOnVendorError } from '../shared/errors';
import type { VendorOperations } from '../shared/operation';
import { collectPages, type Page } from '../shared/paging';
import { vendorJsonRequest } from '../shared/vendorRequest';
import {
	OLIVER_API_PATH,
	OLIVER_CREDENTIAL,
	OLIVER_JSON_HEADERS,
	OLIVER_PAGING,
	OLIVER_PATHS,
	oliverEnvelope,
} from './api';
import { normalizeOliverTask } from './normalize';

/** The page in an answer's `data`: a list, a page (`content`, with `page` and `total_pages`), or one record. */
function pageIn(data: unknown): Page<IDataObject> {
	if (Array.isArray(data)) return { records: data as IDataObject[] };
	const body = (data ?? {}) as IDataObject;
	if (!Array.isArray(body.content)) return { records: [body] };
	const { page, total_pages: totalPages } = body;
	return {
		records: body.content as IDataObject[],
		more:
			typeof page === 'number' && typeof totalPages === 'number'
				? page + 1 < totalPages
				: undefined,
	};
}

/** For programmatic callers (trigger, pickers): one call, the envelope checked, `data` returned. */
export async function oliverApiRequest(
	this: IPollFunctions | ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<unknown> {
	const response = await vendorJsonRequest.call(this, {
		credentialType: OLIVER_CREDENTIAL,
		envelope: oliverEnvelope,
		method,
		path: `${OLIVER_API_PATH}${path}`,
		qs,
		headers: OLIVER_JSON_HEADERS,
	});
	return (response.body as IDataObject).data;
}

/** Every staff task with the given status (all when omitted), page by page at the largest page size. */
export async function oliverListAllStaffTasks(
	this: IPollFunctions,
	status?: string,
): Promise<IDataObject[]> {
	return await collectPages(OLIVER_PAGING, async (position) => {
		const qs: IDataObject = status ? { ...position, status } : position;
		return pageIn(await oliverApiRequest.call(this, 'GET', OLIVER_PATHS.staffTasks, qs));
	});
}

/** A list answer as a page: `data`'s records, and whether Oliver says more pages follow. */
function readOliverPage(body: IDataObject): Page<IDataObject> {
	return pageIn(body.data);
}

export const checkOliverSuccess = failOnVendorError(oliverEnvelope);

/** How Oliver's declarative operations send requests and read tasks. */
export const oliverOperations: VendorOperations = {
	vendorName: 'Oliver',
	routing: {
		envelope: oliverEnvelope,
		paging: OLIVER_PAGING,
		readPage: readOliverPage,
		output: [checkOliverSuccess, outputRecordsOf((body) => readOliverPage(body).records)],
	},
	taskMapper: normalizeOliverTask,
};
