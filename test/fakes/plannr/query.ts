/** spatie/laravel-query-builder's `filter[...]`, `sort` and `include`: names checked, rows compared. */
import type { FakeRequest, FakeResponse } from '../kit';
import { queryError } from './errors';
import type { PlannrStore } from './store';
import type { Priority } from './types';

export const PRIORITY_RANK: Record<Priority, number> = { low: 1, medium: 2, high: 3, highest: 4 };

/** `filter[x]` values from the raw query (`filter[x][]=a&filter[x][]=b` joined with commas, as PHP reads it). */
function readFilters(request: FakeRequest): Map<string, string> {
	const filters = new Map<string, string>();
	const params = new URLSearchParams(request.rawQuery);
	for (const key of new Set(params.keys())) {
		const match = /^filter\[([^\]]+)\](\[\])?$/.exec(key);
		if (match) filters.set(match[1], params.getAll(key).join(','));
	}
	return filters;
}

/** Checks the filter/sort/include names of a list; a 400 as the query builder words it. */
export function queryNames(
	fake: PlannrStore,
	request: FakeRequest,
	allowed: { filters: readonly string[]; sorts: readonly string[]; includes: readonly string[] },
	defaultSort: string,
):
	| {
			filters: Map<string, string>;
			sorts: { field: string; descending: boolean }[];
			includes: string[];
	  }
	| FakeResponse {
	const reject = fake.options.unknownQueryParams === 'reject';
	const filters = readFilters(request);
	const badFilters = [...filters.keys()].filter((name) => !allowed.filters.includes(name));
	if (badFilters.length > 0) {
		if (reject) return queryError('filter', badFilters, allowed.filters);
		for (const name of badFilters) filters.delete(name);
	}
	const split = (value: string | undefined) =>
		(value ?? '')
			.split(',')
			.map((part) => part.trim())
			.filter(Boolean);
	const parse = (value: string) =>
		split(value).map((part) => ({
			field: part.replace(/^-/, ''),
			descending: part.startsWith('-'),
		}));
	let sorts = parse(request.query.sort ?? defaultSort);
	const badSorts = sorts
		.filter((sort) => !allowed.sorts.includes(sort.field))
		.map((sort) => sort.field);
	if (badSorts.length > 0) {
		if (reject) return queryError('sort', badSorts, allowed.sorts);
		sorts = sorts.filter((sort) => allowed.sorts.includes(sort.field));
		// [inferred] unknownQueryParams 'ignore': with every sort given dropped, the list keeps its default order.
		if (sorts.length === 0) sorts = parse(defaultSort);
	}
	let includes = split(request.query.include);
	const badIncludes = includes.filter((name) => !allowed.includes.includes(name));
	if (badIncludes.length > 0) {
		if (reject) return queryError('include', badIncludes, allowed.includes);
		includes = includes.filter((name) => allowed.includes.includes(name));
	}
	return { filters, sorts, includes };
}

/** A comparator for sort fields, ties broken by creation order in the same direction. */
export function comparator<T>(
	fake: PlannrStore,
	sorts: { field: string; descending: boolean }[],
	key: (row: T, field: string) => string | number | null,
	seq: (row: T) => number,
) {
	const nullsFirst = fake.options.nullsSort === 'first';
	return (a: T, b: T): number => {
		for (const { field, descending } of sorts) {
			const x = key(a, field);
			const y = key(b, field);
			let order = 0;
			if (x === null || y === null)
				order = x === y ? 0 : x === null ? (nullsFirst ? -1 : 1) : nullsFirst ? 1 : -1;
			else order = x < y ? -1 : x > y ? 1 : 0;
			if (order !== 0) return descending ? -order : order;
		}
		const last = sorts[sorts.length - 1];
		return (seq(a) - seq(b)) * (last?.descending ? -1 : 1);
	};
}
