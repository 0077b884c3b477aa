import {
	NodeOperationError,
	type IDataObject,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type INode,
	type IPollFunctions,
} from 'n8n-workflow';
import { outputRecordsOf } from '../shared/answerSteps';
import { failOnVendorError } from '../shared/errors';
import type { VendorOperations } from '../shared/operation';
import { collectPages, type Page, type RecordIdentity } from '../shared/paging';
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

/**
 * The page in an answer's `data`: a list, a page (`content`, with `total_count`), or one record. The page
 * numbers it echoes are not used: whether Oliver counts pages from 0 or 1 is not documented, so a read ends
 * once it holds `total_count` different records (see collectPages), or at a short page.
 */
function pageIn(data: unknown): Page<IDataObject> {
	if (Array.isArray(data)) return { records: data as IDataObject[] };
	const body = (data ?? {}) as IDataObject;
	if (!Array.isArray(body.content)) return { records: [body] };
	const total = body.total_count;
	return {
		records: body.content as IDataObject[],
		total: typeof total === 'number' ? total : undefined,
	};
}

/** Records are told apart by id: a task read on two pages is kept once. */
export function oliverTaskIdentity(node: INode): RecordIdentity<IDataObject> {
	return {
		idOf: (task) => (task.id === undefined || task.id === null ? undefined : String(task.id)),
		repeated: (page) =>
			new NodeOperationError(
				node,
				`Oliver answered page ${page} with only records already read, for the second time in one list`,
				{
					description:
						'Its paging did not move on as documented, so the read stopped rather than return records twice. Try again later; if it keeps happening, tell Oliver support that page numbers are not honoured.',
				},
			),
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
	return await collectPages(
		OLIVER_PAGING,
		async (position) => {
			const qs: IDataObject = status ? { ...position, status } : position;
			return pageIn(await oliverApiRequest.call(this, 'GET', OLIVER_PATHS.staffTasks, qs));
		},
		Infinity,
		oliverTaskIdentity(this.getNode()),
	);
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
		identity: oliverTaskIdentity,
		output: [checkOliverSuccess, outputRecordsOf((body) => readOliverPage(body).records)],
	},
	taskMapper: normalizeOliverTask,
};
