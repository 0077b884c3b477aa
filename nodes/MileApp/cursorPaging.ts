import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import type { Resource } from '../shared/operation';
import { isNodeApiError } from '../shared/vendorApiError';
import { MILEAPP_PATHS } from './api';
import { mileAppApiRequest } from './requests';

/** A declarative operation's request hook: the shared one sends one request (with its retries, errors and steps). */
type Pagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** A task's `_id`, in MileApp's own shape or as the normalized task's `id`. */
function idOf(item: INodeExecutionData): string | undefined {
	const id = item.json._id ?? item.json.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * After a full page, an empty one: the list ended there, or the task the cursor names was deleted meanwhile and
 * MileApp (undocumented) answers nothing after it. Reads the task: gone, the run stops rather than return a partial "all".
 */
async function cursorStillThere(
	context: IExecutePaginationFunctions,
	cursor: string,
): Promise<void> {
	const path = `${MILEAPP_PATHS.task}/${encodeURIComponent(cursor)}`;
	// Any failure but a 404 goes on as it is (a NodeApiError with MileApp's words).
	const gone = await mileAppApiRequest.call(context, 'GET', path).then(
		() => false,
		(error: unknown) => {
			if (isNodeApiError(error) && String(error.httpCode) === '404') return true;
			throw error;
		},
	);
	if (!gone) return;
	throw new NodeOperationError(
		context.getNode(),
		`Task ${cursor}, where the next page of tasks starts, was deleted while the list was read`,
		{
			itemIndex: context.getItemIndex(),
			description:
				'MileApp pages by the last task read; with it gone, the rest of the list cannot be told from its end, so nothing was returned. Run it again.',
		},
	);
}

/**
 * MileApp's cursor paging (`lazyLoad=1`, `cursor=<last _id>`) around a one-request hook: each page starts after the last
 * task of the one before, so tasks added meanwhile cannot shift a page. A short page is the last; a page that repeats
 * a task, or a full page whose last task has no `_id`, stops the run with an error rather than return a partial "all".
 */
function followCursor(sendOnePage: Pagination, pageSize: number): Pagination {
	return async function (requestData) {
		const limit = requestData.maxResults === undefined ? Infinity : Number(requestData.maxResults);
		// Never a page number: with lazyLoad MileApp ignores it.
		const query = { ...((requestData.options.qs ?? {}) as IDataObject) };
		delete query.page;
		const results: INodeExecutionData[] = [];
		const seen = new Set<string>();
		let cursor: string | undefined;
		while (results.length < limit) {
			const size = Math.min(pageSize, limit - results.length);
			const qs = { ...query, lazyLoad: 1, limit: size, ...(cursor ? { cursor } : {}) };
			const items = await sendOnePage.call(this, {
				...requestData,
				options: { ...requestData.options, qs },
			});
			for (const item of items) {
				const id = idOf(item);
				if (id === undefined) continue;
				if (seen.has(id))
					throw new NodeOperationError(
						this.getNode(),
						`MileApp answered task ${id} twice while paging by cursor (after ${cursor ?? 'the first page'})`,
						{
							itemIndex: this.getItemIndex(),
							description:
								'It did not follow the cursor, so the list may be incomplete or repeated: nothing was returned. Try again, or lower the Limit.',
						},
					);
				seen.add(id);
			}
			results.push(...items);
			if (items.length === 0 && cursor !== undefined) await cursorStillThere(this, cursor);
			if (items.length < size) break;
			cursor = idOf(items[items.length - 1]);
			if (cursor === undefined)
				throw new NodeOperationError(
					this.getNode(),
					'MileApp answered a full page of tasks without their _id, so the next page cannot be asked for',
					{ itemIndex: this.getItemIndex() },
				);
		}
		return results.slice(0, limit);
	};
}

/** The resource with `operation`'s requests paged by MileApp's cursor (its request must be sent unpaged). */
export function withCursorPaging(
	resource: Resource,
	operation: string,
	pageSize: number,
): Resource {
	let found = false;
	const properties = resource.properties.map((property) => {
		if (property.name !== 'operation' || !Array.isArray(property.options)) return property;
		const options = (property.options as INodePropertyOptions[]).map((option) => {
			const routing = option.routing;
			const sendOnePage = routing?.operations?.pagination;
			if (option.value !== operation || typeof sendOnePage !== 'function') return option;
			found = true;
			const pagination = followCursor(sendOnePage as Pagination, pageSize);
			return {
				...option,
				routing: { ...routing, operations: { ...routing!.operations, pagination } },
			};
		});
		return { ...property, options };
	});
	// Checked as the node is defined: a refactor must not quietly drop the cursor.
	if (!found) throw new Error(`No declarative operation "${operation}" to page by cursor`);
	return { ...resource, properties };
}
