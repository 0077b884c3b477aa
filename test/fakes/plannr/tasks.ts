/** Tasks: `/task` create, get and update (PUT, and PATCH by option). */
import type { FakeRequest, FakeResponse } from '../kit';
import { localNow, nextPosition } from './clock';
import { isResponse, message } from './errors';
import { type Context, api, on } from './gates';
import { readInput } from './input';
import { queryNames } from './query';
import type { PlannrStore } from './store';
import { readTask } from './taskInput';
import { PLANNR_API_V1, type PlannrTaskRecord, TASK_INCLUDES, TASK_SORTS } from './types';
import { taskViewOf } from './views';
import { emit } from './webhooks';

export function taskByParam(
	fake: PlannrStore,
	request: FakeRequest,
): PlannrTaskRecord | FakeResponse {
	// Route model binding: an unknown uuid is Laravel's ModelNotFoundException, a 404.
	return (
		fake.tasks.get(request.params.uuid) ??
		message(404, `No query results for model [App\\Models\\Task] ${request.params.uuid}`)
	);
}

function getTask(fake: PlannrStore, context: Context): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	const names = queryNames(
		fake,
		context.request,
		{ filters: [], sorts: TASK_SORTS, includes: TASK_INCLUDES },
		'created_at',
	);
	if (isResponse(names)) return names;
	return { status: 200, body: singleTask(fake, taskViewOf(fake, task, names.includes)) };
}

/** [inferred] singleTaskAnswer: GET one and POST answer the bare task (as the documented PUT does) or `{data}`. */
function singleTask(fake: PlannrStore, view: Record<string, unknown>): Record<string, unknown> {
	return fake.options.singleTaskAnswer === 'data' ? { data: view } : view;
}

/** [inferred] taskUpdate 'replace': what a PUT that does not carry a field leaves in it. */
const CLEARED_BY_REPLACE: Partial<PlannrTaskRecord> = {
	description: null,
	priority: null,
	due_at: null,
	parent_task_uuid: null,
	assigned_to_uuids: [],
	group_uuids: [],
	custom_fields: {},
};

function postTask(fake: PlannrStore, context: Context): FakeResponse {
	const fields = readTask(fake, readInput(context.request));
	if (isResponse(fields)) return fields;
	const author = context.account!.uuid;
	const now = fake.isoNow();
	const task = fake.addTask({
		...(fields as Parameters<PlannrStore['addTask']>[0]),
		author_uuid: author,
		completed_at: null,
		completed_by_uuid: null,
		created_at: now,
		updated_at: now,
	});
	if (
		fake.statuses.get(task.status_uuid)?.is_type_completed &&
		fake.options.statusChangeCompletes
	) {
		task.completed_at = localNow(fake);
		task.completed_by_uuid = author;
	}
	emit(fake, 'task.created', task);
	return { status: 201, body: singleTask(fake, taskViewOf(fake, task)) };
}

function putTask(fake: PlannrStore, context: Context): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	const fields = readTask(fake, readInput(context.request), task);
	if (isResponse(fields)) return fields;
	const changes =
		fake.options.taskUpdate === 'replace'
			? { ...structuredClone(CLEARED_BY_REPLACE), ...fields }
			: fields;
	const completed = applyChanges(fake, task, changes, context.account!.uuid);
	emit(fake, 'task.updated', task);
	if (completed) emit(fake, 'task.completed', task);
	return { status: 200, body: taskViewOf(fake, task) };
}

/** Sets the fields; a status change moves the position and, by option, completes or uncompletes. Returns whether it completed the task. */
export function applyChanges(
	fake: PlannrStore,
	task: PlannrTaskRecord,
	changes: Partial<PlannrTaskRecord>,
	byAccountUuid: string,
): boolean {
	const { seq: _seq, uuid: _uuid, ...rest } = changes;
	void _seq;
	void _uuid;
	let completed = false;
	if (rest.status_uuid !== undefined && rest.status_uuid !== task.status_uuid) {
		rest.position ??= nextPosition(fake, rest.status_uuid);
		const completing = fake.statuses.get(rest.status_uuid)?.is_type_completed ?? false;
		if (fake.options.statusChangeCompletes && rest.completed_at === undefined) {
			if (completing && task.completed_at === null) {
				rest.completed_at = localNow(fake);
				rest.completed_by_uuid = byAccountUuid;
				completed = true;
			} else if (!completing && task.completed_at !== null) {
				rest.completed_at = null;
				rest.completed_by_uuid = null;
			}
		}
	}
	// Documented (seed 002's PUT answer carries updated_at): an accepted update moves it.
	Object.assign(task, rest, { updated_at: fake.isoNow() });
	return completed;
}

export function taskRoutes(fake: PlannrStore): void {
	const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
	on(
		fake,
		'POST',
		v1('/task'),
		api(fake, (c) => postTask(fake, c)),
	);
	on(
		fake,
		'GET',
		v1('/task/:uuid'),
		api(fake, (c) => getTask(fake, c)),
	);
	on(
		fake,
		'PUT',
		v1('/task/:uuid'),
		api(fake, (c) => putTask(fake, c)),
	);
	if (fake.options.acceptPatchForUpdate)
		on(
			fake,
			'PATCH',
			v1('/task/:uuid'),
			api(fake, (c) => putTask(fake, c)),
		);
}
