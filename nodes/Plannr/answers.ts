import type { IDataObject } from 'n8n-workflow';

/**
 * How Plannr's answers are read where the documents leave the shape open (plannr.md): one record bare or
 * as `{data: record}`, a list as `{data}` or paged `{data, links, meta}`.
 */

/** One record, bare (the documented PUT, complete and uncomplete answers) or `{data: record}` [inferred]. */
export function singleRecordOf(body: IDataObject): IDataObject {
	return body.data && typeof body.data === 'object' && !Array.isArray(body.data)
		? (body.data as IDataObject)
		: body;
}

/** A list's records: `{data: [...]}`, paged or not. */
export function recordsOf(body: IDataObject | undefined): IDataObject[] {
	return Array.isArray(body?.data) ? (body.data as IDataObject[]) : [];
}

/** The page a paged answer says it is (`meta.current_page`), if it says. */
export function currentPageOf(body: unknown): number | undefined {
	const meta = (body as IDataObject | undefined)?.meta as IDataObject | undefined;
	const page = meta?.current_page;
	return typeof page === 'number' || (typeof page === 'string' && page.trim() !== '')
		? Number(page)
		: undefined;
}

/**
 * The page parameter's name is undocumented (plannr.md, Unknown): were Plannr to ignore `page`, every answer
 * would be page 1 and Return All would read it again and again. A paged answer must say it is the page asked for.
 */
export function pageMismatch(asked: number, body: unknown): string | undefined {
	const answered = currentPageOf(body);
	if (answered === undefined || answered === asked) return undefined;
	return `Plannr answered page ${answered} when page ${asked} was asked for: it does not take the page parameter the node sends, so the list cannot be read past its first page without repeating it`;
}
