/** Completing and uncompleting a task: `PATCH /task/{uuid}/complete` and `/uncomplete/{status}`. */
import type { FakeResponse } from '../kit';
import { localNow, nextPosition } from './clock';
import { isResponse, Validation } from './errors';
import { type Context, api, on } from './gates';
import type { PlannrStore } from './store';
import { taskByParam } from './tasks';
import { unknownStatus } from './taskStatuses';
import { PLANNR_API_V1, type PlannrStatus, type PlannrTaskRecord } from './types';
import { taskViewOf } from './views';
import { emit } from './webhooks';

/** [inferred] completeToStatusUuid: the completed-type status /complete moves a task to. */
export function completedStatus(fake: PlannrStore): PlannrStatus | undefined {
	if (fake.options.completeToStatusUuid !== null)
		return fake.statuses.get(fake.options.completeToStatusUuid);
	return [...fake.statuses.values()]
		.filter((status) => status.is_type_completed && !status.is_archived)
		.sort((a, b) => a.position - b.position)[0];
}

export function complete(
	fake: PlannrStore,
	task: PlannrTaskRecord,
	status: PlannrStatus,
	byAccountUuid: string,
): void {
	const keep = task.completed_at !== null && fake.options.recompleteKeepsCompletion;
	if (task.status_uuid !== status.uuid) {
		task.position = nextPosition(fake, status.uuid);
		task.status_uuid = status.uuid;
	}
	if (!keep) {
		task.completed_at = localNow(fake);
		task.completed_by_uuid = byAccountUuid;
	}
	task.updated_at = fake.isoNow();
}

export function uncomplete(fake: PlannrStore, task: PlannrTaskRecord, statusUuid: string): void {
	if (task.status_uuid !== statusUuid) {
		task.position = nextPosition(fake, statusUuid);
		task.status_uuid = statusUuid;
	}
	task.completed_at = null;
	task.completed_by_uuid = null;
	task.updated_at = fake.isoNow();
}

function patchComplete(fake: PlannrStore, context: Context): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	const status = completedStatus(fake);
	if (!status) {
		const v = new Validation(fake.messages);
		v.add('task_status_uuid', 'no_completed_status');
		return v.response();
	}
	complete(fake, task, status, context.account!.uuid);
	emit(fake, 'task.completed', task);
	return { status: 200, body: taskViewOf(fake, task) };
}

function patchUncomplete(fake: PlannrStore, context: Context): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	const statusUuid = context.request.params.status;
	const status = fake.statuses.get(statusUuid);
	// [inferred] unknownStatusAnswer.
	if (!status) return unknownStatus(fake, statusUuid);
	const v = new Validation(fake.messages);
	if (status.is_type_completed && fake.options.uncompleteToCompletedStatus === 'reject')
		v.add('task_status_uuid', 'not_completed_status');
	if (task.completed_at === null && fake.options.uncompleteOpenTask === 'reject')
		v.add('task', 'not_completed');
	if (v.failed) return v.response();
	uncomplete(fake, task, statusUuid);
	emit(fake, 'task.updated', task);
	return { status: 200, body: taskViewOf(fake, task) };
}

export function completionRoutes(fake: PlannrStore): void {
	const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
	on(
		fake,
		'PATCH',
		v1('/task/:uuid/complete'),
		api(fake, (c) => patchComplete(fake, c)),
	);
	on(
		fake,
		'PATCH',
		v1('/task/:uuid/uncomplete/:status'),
		api(fake, (c) => patchUncomplete(fake, c)),
	);
}
