import type { IDataObject } from 'n8n-workflow';

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

/** A list answer read as a page: its records, and whether it says more follow (if not, a short page is the last). */
export interface Page<T> {
	records: T[];
	more?: boolean;
}

/**
 * Follows every page for Return All, and stops as soon as a Limit is met. With offsets each call asks for
 * no more than is still missing; numbered pages keep one size (the Limit, or the largest page) and the
 * surplus is cut. A page shorter than asked, or one the vendor says is the last, ends it. `fetchPage` gets
 * the paging query parameters of the page to fetch.
 */
export async function collectPages<T>(
	paging: Paging,
	fetchPage: (position: IDataObject) => Promise<Page<T>>,
	limit = Infinity,
): Promise<T[]> {
	const results: T[] = [];
	// Numbered pages only line up when every page has the same size; rows skipped by an offset do not care.
	const fixedPageSize = Math.min(paging.maxPageSize, limit);
	for (let page = 0; results.length < limit; page++) {
		const pageSize =
			paging.style === 'pageNumber'
				? fixedPageSize
				: Math.min(paging.maxPageSize, limit - results.length);
		const position: IDataObject =
			paging.style === 'pageNumber'
				? { [paging.pageParam]: paging.firstPage + page, [paging.pageSizeParam]: pageSize }
				: { [paging.offsetParam]: results.length, [paging.limitParam]: pageSize };
		const { records, more } = await fetchPage(position);
		results.push(...records);
		if (records.length < pageSize || more === false) break;
	}
	return results.slice(0, limit);
}
