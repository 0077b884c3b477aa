/** The task list: `GET /tasks` with its filters, sorting, fields and either paginator. */
import type { FakeResponse } from '../kit';
import { invalid, isResponse, Problems } from './errors';
import { type Context, api, on } from './gates';
import { lazyPage, paginator, readPaging } from './paging';
import type { MileAppStore } from './store';
import {
	type MileAppTaskRecord,
	TASK_SORTS,
	TASK_STATUSES,
	type TaskSort,
	type TaskStatus,
	TIME_BY,
	type TimeBy,
} from './types';
import { taskViewOf } from './views';

function listTasks(fake: MileAppStore, context: Context): FakeResponse {
	const { request } = context;
	const q = request.query;
	const problems = new Problems();
	const reject = fake.options.unknownQueryValues === 'reject';
	const list = (name: string): string[] => {
		const raw = q[name];
		if (raw === undefined || raw.trim() === '') return [];
		return fake.options.commaListFilters
			? raw
					.split(',')
					.map((part) => part.trim())
					.filter(Boolean)
			: [raw.trim()];
	};
	const oneOf = <T extends string>(
		name: string,
		allowed: readonly T[],
		fallback: T,
		normalise: (raw: string) => string = (raw) => raw,
	): T => {
		const raw = q[name]?.trim();
		if (raw === undefined || raw === '') return fallback;
		const value = normalise(raw) as T;
		if (allowed.includes(value)) return value;
		if (reject) problems.add(`The selected ${name} is invalid.`);
		return fallback;
	};

	const statuses = list('status').map((status) => status.toUpperCase());
	const badStatuses = statuses.filter((status) => !TASK_STATUSES.includes(status as TaskStatus));
	if (badStatuses.length > 0 && reject) problems.add('The selected status is invalid.');
	// Documented (openapi `/tasks`): "sortBy (createdTime default …)".
	const sortBy = oneOf<TaskSort>('sortBy', TASK_SORTS, 'createdTime');
	const sortOrder = oneOf<'asc' | 'desc'>(
		'sortOrder',
		['asc', 'desc'],
		fake.options.defaultSortOrder,
		(raw) => raw.toLowerCase(),
	);
	const timeBy = oneOf<TimeBy>('timeBy', TIME_BY, fake.options.defaultTimeBy);
	const bound = (name: 'timeFrom' | 'timeTo'): number | undefined => {
		const raw = q[name]?.trim();
		if (raw === undefined || raw === '') return undefined;
		// Documented: `Y-m-d H:i:s` (openapi `/tasks`), or another of data-formats.mdx's date forms, as any date.
		const parsed = fake.parseTime(raw);
		if (parsed === undefined) {
			problems.add(`The ${name} does not match the format Y-m-d H:i:s.`);
			return undefined;
		}
		return Date.parse(parsed);
	};
	const from = bound('timeFrom');
	const to = bound('timeTo');
	const lazy = q.lazyLoad === '1' || q.lazyLoad === 'true';
	const paging = readPaging(fake, request, fake.options.defaultLimit);
	if (problems.failed) return invalid(fake, problems);
	if (isResponse(paging)) return paging;

	let rows = [...fake.tasks.values()];
	const keep = (test: (task: MileAppTaskRecord) => boolean) => {
		rows = rows.filter(test);
	};
	const flows = list('flow');
	if (flows.length > 0) keep((task) => flows.includes(task.flow));
	const flowIds = list('flowId');
	if (flowIds.length > 0) keep((task) => flowIds.includes(task.flowId));
	if (statuses.length > 0) keep((task) => statuses.includes(task.status));
	const hubIds = list('hubId');
	if (hubIds.length > 0) keep((task) => hubIds.includes(task.hubId));
	// Documented: `assignee` (email) and `doneBy` name who; matched as sent (no sheet line makes them case-insensitive).
	const assignees = list('assignee');
	if (assignees.length > 0)
		keep((task) => task.assignee.some((email) => assignees.includes(email)));
	const doneBy = list('doneBy');
	if (doneBy.length > 0) keep((task) => task.doneBy !== null && doneBy.includes(task.doneBy));
	if (from !== undefined || to !== undefined) {
		const inclusive = fake.options.timeRangeInclusive;
		keep((task) => {
			const raw = task[timeBy];
			if (raw === null) return false;
			const at = Date.parse(raw);
			if (from !== undefined && (inclusive ? at < from : at <= from)) return false;
			if (to !== undefined && (inclusive ? at > to : at >= to)) return false;
			return true;
		});
	}

	const descending = sortOrder === 'desc';
	const key = (task: MileAppTaskRecord): number | null => {
		if (sortBy === 'orderIndex') return task.orderIndex;
		const raw = task[sortBy];
		return raw === null ? null : Date.parse(raw);
	};
	rows.sort((a, b) => {
		const x = key(a);
		const y = key(b);
		if (x === null || y === null) {
			if (x !== y) {
				// Where a missing value lands in the final order.
				const nullsFirst = fake.options.nullsSort === 'mongo' ? !descending : false;
				return (x === null) === nullsFirst ? -1 : 1;
			}
		} else if (x !== y) {
			return descending ? y - x : x - y;
		}
		// [inferred] sortTies: creation order, in the sort's direction or oldest first.
		const newestFirst = descending && fake.options.sortTies === 'in-direction';
		return newestFirst ? b.seq - a.seq : a.seq - b.seq;
	});

	const fields = (q.fields ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	const view = (task: MileAppTaskRecord) => {
		const full = taskViewOf(fake, task);
		if (fields.length === 0) return full;
		const wanted = fake.options.fieldsKeepId ? new Set(['_id', ...fields]) : new Set(fields);
		return Object.fromEntries(Object.entries(full).filter(([name]) => wanted.has(name)));
	};
	if (lazy) return lazyPage(fake, request, rows, paging.limit, view);
	return {
		status: 200,
		body: {
			status: true,
			message: 'Success.',
			tasks: paginator(fake, request, rows, paging.page, paging.limit, view),
		},
	};
}

export function taskListRoutes(fake: MileAppStore): void {
	on(
		fake,
		'GET',
		'/tasks',
		api(fake, (c) => listTasks(fake, c)),
	);
}
