import type { DeclarativeRestApiSettings, IDataObject, INodeExecutionData } from 'n8n-workflow';

/** Pages numbered from `firstPage`, their size in `pageSizeParam` (Oliver). */
export interface PageNumberPaging {
	style: 'pageNumber';
	pageParam: string;
	pageSizeParam: string;
	firstPage: number;
	maxPageSize: number;
}

/** Rows skipped in `offsetParam`, the page size in `limitParam`; no total, so a short page is the last (Open Dental). */
export interface OffsetPaging {
	style: 'offset';
	offsetParam: string;
	limitParam: string;
	maxPageSize: number;
}

export type Paging = PageNumberPaging | OffsetPaging;

export type SendRequest = (requestData: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>;

/**
 * Follows every page for Return All, and stops as soon as a Limit is met. With offsets each call asks for
 * no more than is still missing; numbered pages keep one size (the Limit, or the largest page) and the
 * surplus is cut. A page shorter than asked ends it.
 */
export async function collectPages(
	send: SendRequest,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	paging: Paging,
): Promise<INodeExecutionData[]> {
	const limit = requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
	const results: INodeExecutionData[] = [];
	// Numbered pages only line up when every page has the same size; rows skipped by an offset do not care.
	const fixedPageSize = Math.min(paging.maxPageSize, limit);
	for (let page = 0; results.length < limit; page++) {
		const pageSize = paging.style === 'pageNumber' ? fixedPageSize : Math.min(paging.maxPageSize, limit - results.length);
		const position: IDataObject =
			paging.style === 'pageNumber'
				? { [paging.pageParam]: paging.firstPage + page, [paging.pageSizeParam]: pageSize }
				: { [paging.offsetParam]: results.length, [paging.limitParam]: pageSize };
		const qs: IDataObject = { ...(requestData.options.qs ?? {}), ...position };
		const items = await send({ ...requestData, options: { ...requestData.options, qs } });
		results.push(...items);
		if (items.length < pageSize) break;
	}
	return results.slice(0, limit);
}
