/** The task list: `GET /task` with its filters, sorts, includes and paging. */
import type { FakeResponse } from '../kit';
import { isResponse, Validation } from './errors';
import { type Context, api, on } from './gates';
import { parseBoolean } from './input';
import { paginate } from './paging';
import { comparator, PRIORITY_RANK, queryNames } from './query';
import type { PlannrStore } from './store';
import { toLocal } from './taskInput';
import {
	PLANNR_API_V1,
	type PlannrTaskRecord,
	SUBTASK_VISIBILITIES,
	TASK_FILTERS,
	TASK_INCLUDES,
	TASK_SORTS,
} from './types';
import { taskViewOf } from './views';

type SubtaskVisibility = (typeof SUBTASK_VISIBILITIES)[number];

function listTasks(fake: PlannrStore, context: Context): FakeResponse {
	const { request } = context;
	const names = queryNames(
		fake,
		request,
		{ filters: TASK_FILTERS, sorts: TASK_SORTS, includes: TASK_INCLUDES },
		'created_at',
	);
	if (isResponse(names)) return names;
	const { filters, sorts, includes } = names;
	const validation = new Validation(fake.messages);
	const query = new URLSearchParams(request.rawQuery);
	// A PHP array (`filter[x][]=a&filter[x][]=b`) is several values; [inferred] exactFilterLists: a
	// comma-separated value is several too, or one value whole.
	const list = (name: string) => {
		const sentAsArray = query.getAll(`filter[${name}][]`);
		const raw = filters.get(name) ?? '';
		return (
			sentAsArray.length > 0
				? sentAsArray
				: fake.options.exactFilterLists === 'comma'
					? raw.split(',')
					: [raw]
		)
			.map((part) => part.trim())
			.filter(Boolean);
	};
	const flag = (name: string): boolean | undefined => {
		const raw = filters.get(name);
		if (raw === undefined) return undefined;
		const value = parseBoolean(raw.trim());
		if (value === undefined) validation.add(`filter.${name}`, 'boolean');
		return value;
	};
	const bound = (name: string): string | undefined => {
		const raw = filters.get(name)?.trim();
		if (raw === undefined || raw === '') return undefined;
		const local = toLocal(fake, raw, 'lenient');
		if (local === undefined) validation.add(`filter.${name}`, 'date');
		return local;
	};
	const hasDue = flag('has_due_date');
	const open = flag('open_tasks');
	const completedStatus = flag('completed_status');
	const archivedStatus = flag('archived_status');
	const notStartedStatus = flag('not_started_status');
	const visibility = (name: string): SubtaskVisibility | undefined => {
		const raw = filters.get(name)?.trim();
		if (raw === undefined) return undefined;
		if (!(SUBTASK_VISIBILITIES as readonly string[]).includes(raw))
			validation.add(`filter.${name}`, 'in');
		return raw as SubtaskVisibility;
	};
	// getapiv1task: subtask_visibility replaces the deprecated show_child_tasks (still read when it is alone).
	const deprecated = flag('show_child_tasks');
	const subtasks =
		visibility('subtask_visibility') ??
		(deprecated === undefined ? undefined : deprecated ? 'include' : 'exclude') ??
		(fake.options.listChildTasks ? 'include' : 'exclude');
	const unassignedSubtasks = visibility('unassigned_subtask_visibility');
	const before = bound('due_before');
	const after = bound('due_after');
	if (validation.failed) return validation.response();

	const statusOf = (task: PlannrTaskRecord) => fake.statuses.get(task.status_uuid);
	const clientOf = (task: PlannrTaskRecord): string | undefined => {
		if (task.taskable_type === 'client') return task.taskable_uuid;
		if (fake.options.clientFilterScope === 'client-only') return undefined;
		return (
			task.taskable_type === 'case'
				? fake.cases.get(task.taskable_uuid)
				: fake.plans.get(task.taskable_uuid)
		)?.client_uuid;
	};
	const inclusive = fake.options.dueBoundsInclusive;
	let rows = [...fake.tasks.values()];
	const keep = (test: (task: PlannrTaskRecord) => boolean) => {
		rows = rows.filter(test);
	};
	// [inferred] nameFilterMatch: the whole name, or any part of it whatever its case.
	const name = filters.get('name')?.trim();
	if (name)
		keep((task) =>
			fake.options.nameFilterMatch === 'exact'
				? task.name === name
				: task.name.toLowerCase().includes(name.toLowerCase()),
		);
	// The exact filters: each task field equals (one of) the values asked.
	for (const [filter, field] of [
		['taskable_type', 'taskable_type'],
		['taskable_uuid', 'taskable_uuid'],
		['priority', 'priority'],
		['status_uuid', 'status_uuid'],
	] as const) {
		const wanted = list(filter);
		if (wanted.length > 0) keep((task) => wanted.includes(String(task[field])));
	}
	const clients = list('client_uuid');
	if (clients.length > 0) keep((task) => clients.includes(clientOf(task) ?? ''));
	const assignees = list('assigned_to_uuids');
	if (assignees.length > 0) {
		const all = fake.options.assignedFilterMatch === 'all';
		keep((task) =>
			all
				? assignees.every((uuid) => task.assigned_to_uuids.includes(uuid))
				: assignees.some((uuid) => task.assigned_to_uuids.includes(uuid)),
		);
	}
	if (before !== undefined)
		keep(
			(task) => task.due_at !== null && (inclusive ? task.due_at <= before : task.due_at < before),
		);
	if (after !== undefined)
		keep(
			(task) => task.due_at !== null && (inclusive ? task.due_at >= after : task.due_at > after),
		);
	if (hasDue !== undefined) keep((task) => (task.due_at !== null) === hasDue);
	// Documented: open_tasks=true leaves out the Completed and Archived columns. [inferred] openTasksFalse: false.
	const isOpen = (task: PlannrTaskRecord) =>
		!statusOf(task)?.is_type_completed && !statusOf(task)?.is_archived;
	if (open === true) keep(isOpen);
	if (open === false && fake.options.openTasksFalse === 'closed') keep((task) => !isOpen(task));
	if (completedStatus !== undefined)
		keep((task) => Boolean(statusOf(task)?.is_type_completed) === completedStatus);
	if (archivedStatus !== undefined)
		keep((task) => Boolean(statusOf(task)?.is_archived) === archivedStatus);
	if (notStartedStatus !== undefined)
		keep((task) => Boolean(statusOf(task)?.is_not_started) === notStartedStatus);
	const isSubtask = (task: PlannrTaskRecord) => task.parent_task_uuid !== null;
	if (subtasks === 'exclude') keep((task) => !isSubtask(task));
	if (subtasks === 'only') keep(isSubtask);
	// Documented (getapiv1task): unassigned_subtask_visibility, which by its name acts on sub-tasks with no assignee.
	const unassigned = (task: PlannrTaskRecord) =>
		isSubtask(task) && task.assigned_to_uuids.length === 0;
	if (unassignedSubtasks === 'exclude') keep((task) => !unassigned(task));
	if (unassignedSubtasks === 'only') keep(unassigned);

	const priorityKey = (task: PlannrTaskRecord) =>
		task.priority === null
			? null
			: fake.options.prioritySort === 'rank'
				? PRIORITY_RANK[task.priority]
				: task.priority;
	rows.sort(
		comparator<PlannrTaskRecord>(
			fake,
			sorts,
			(task, field) => {
				switch (field) {
					case 'created_at':
					case 'updated_at':
						return Date.parse(task[field]);
					case 'name':
						return task.name.toLowerCase();
					case 'priority':
						return priorityKey(task);
					case 'due_at':
						return task.due_at;
					default: // completed_last: open tasks first
						return task.completed_at === null ? 0 : 1;
				}
			},
			(task) => task.seq,
		),
	);
	return paginate(fake, request, rows, (task) => taskViewOf(fake, task, includes));
}

export function taskListRoutes(fake: PlannrStore): void {
	const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
	on(
		fake,
		'GET',
		v1('/task'),
		api(fake, (c) => listTasks(fake, c)),
	);
}
