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
	/** How many records the vendor says the whole list holds: the read ends once that many are read. */
	total?: number;
}

/**
 * How to tell records apart, for a vendor whose page numbering is not documented for sure (Oliver's may
 * start at 0 or 1) and whose records may move between pages while they are read: records already read are
 * dropped. One page of nothing new is what a first page asked for twice looks like; a second is paging that
 * does not move, and `repeated` makes the error that stops the read instead of repeating records.
 */
export interface RecordIdentity<T> {
	idOf(record: T): string | undefined;
	repeated(page: number): Error;
}

/**
 * Follows every page for Return All, and stops as soon as a Limit is met. With offsets each call asks for
 * no more than is still missing; numbered pages keep one size (the Limit, or the largest page) and the
 * surplus is cut. A page shorter than asked, or one the vendor says is the last, ends it, and so does
 * having read as many records as the vendor says the list holds. `fetchPage` gets the paging query parameters of the page to fetch.
 */
export async function collectPages<T>(
	paging: Paging,
	fetchPage: (position: IDataObject) => Promise<Page<T>>,
	limit = Infinity,
	identity?: RecordIdentity<T>,
): Promise<T[]> {
	const results: T[] = [];
	let rowsRead = 0;
	const seen = new Set<string>();
	let pagesOfNothingNew = 0;
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
				: { [paging.offsetParam]: rowsRead, [paging.limitParam]: pageSize };
		const { records, more, total } = await fetchPage(position);
		rowsRead += records.length;
		const fresh = identity ? newRecords(records, identity, seen) : records;
		if (fresh.length === 0 && records.length > 0 && ++pagesOfNothingNew > 1)
			throw identity!.repeated(paging.style === 'pageNumber' ? paging.firstPage + page : page);
		results.push(...fresh);
		if (records.length < pageSize || more === false) break;
		if (total !== undefined && results.length >= total) break;
	}
	return results.slice(0, limit);
}

/** The records not read before (a record without an id always counts as new); remembers their ids. */
function newRecords<T>(records: T[], identity: RecordIdentity<T>, seen: Set<string>): T[] {
	return records.filter((record) => {
		const id = identity.idOf(record);
		if (id === undefined) return true;
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	});
}
