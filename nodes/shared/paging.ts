import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

export interface PageNumberPaging {
	pageParam: string;
	pageSizeParam: string;
	firstPage: number;
	maxPageSize: number;
}

/**
 * Paging by page number. Follows every page for Return All, and stops as soon as a Limit is met, asking
 * each page for no more than is still missing. A page shorter than asked ends it.
 */
export async function collectPages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	paging: PageNumberPaging,
): Promise<INodeExecutionData[]> {
	const limit = requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
	const results: INodeExecutionData[] = [];
	for (let page = paging.firstPage; results.length < limit; page++) {
		const pageSize = Math.min(paging.maxPageSize, limit - results.length);
		const qs: IDataObject = {
			...(requestData.options.qs ?? {}),
			[paging.pageParam]: page,
			[paging.pageSizeParam]: pageSize,
		};
		const items = await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, qs } });
		results.push(...items);
		if (items.length < pageSize) break;
	}
	return results.slice(0, limit);
}
