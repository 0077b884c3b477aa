/** Tasks: `/task` create, get, replace (PUT), change (PATCH) and permanent delete. */
import type { FakeRequest, FakeResponse } from '../kit';
import { assign, finish, finishRefusal, unassign } from './assignment';
import { failure, isResponse } from './errors';
import { type Context, api, on } from './gates';
import type { MileAppStore } from './store';
import { readTask } from './taskInput';
import type { MileAppTaskRecord } from './types';
import { taskViewOf } from './views';
import { emit } from './webhooks';

function sameList(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((item, i) => item === b[i]);
}

export function taskByParam(
	fake: MileAppStore,
	request: FakeRequest,
): MileAppTaskRecord | FakeResponse {
	return fake.tasks.get(request.params.taskId) ?? failure(404, 'Data not found');
}

function getTask(fake: MileAppStore, context: Context): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	return { status: 200, body: { status: true, message: 'Success', task: taskViewOf(fake, task) } };
}

function postTask(fake: MileAppStore, context: Context): FakeResponse {
	const input = readTask(fake, context.body, 'create');
	if (isResponse(input)) return input;
	const now = fake.isoNow();
	const task = fake.addTask({
		flowId: input.flow._id,
		flow: input.flow.name,
		hubId: input.hub._id,
		startTime: input.startTime,
		endTime: input.endTime,
		fields: input.fields,
		assignee: [],
		createdFrom: 'API',
		createdBy: context.user.name,
		createdTime: now,
		updatedTime: now,
	});
	const assigned = (input.assignee ?? []).length > 0;
	if (assigned) assign(fake, task, input.assignee!, context.user);
	emit(fake, 'onCreate', task);
	if (assigned && fake.options.createWithAssigneeEvents === 'create-and-assign')
		emit(fake, 'onAssign', task);
	return {
		status: 201,
		body: { status: true, message: 'Task has been created', task: taskViewOf(fake, task) },
	};
}

function updateTask(fake: MileAppStore, context: Context, mode: 'put' | 'patch'): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	if (task.status === 'DONE' && fake.options.editDoneTask === 'reject')
		return failure(409, 'Task has been done and cannot be changed.');
	const input = readTask(fake, context.body, mode, task);
	if (isResponse(input)) return input;

	// What the task will be: checked before anything is stored, so a refused finish changes nothing.
	let assignee = task.assignee;
	if (input.assignee !== undefined) assignee = input.assignee;
	else if (mode === 'put' && fake.options.putWithoutAssignee === 'unassign') assignee = [];
	const assigning =
		input.assignee !== undefined && assignee.length > 0 && !sameList(assignee, task.assignee);
	if (input.finish) {
		const refused = finishRefusal(fake, {
			endTime: input.endTime,
			status: assignee.length > 0 ? 'ONGOING' : task.status === 'DONE' ? 'DONE' : 'UNASSIGNED',
		});
		if (refused) return refused;
	}

	Object.assign(task, {
		flow: input.flow.name,
		flowId: input.flow._id,
		hubId: input.hub._id,
		fields: input.fields,
		startTime: input.startTime,
		endTime: input.endTime,
		updatedTime: fake.isoNow(),
	});
	if (assigning) assign(fake, task, assignee, context.user);
	else if (assignee.length === 0 && task.assignee.length > 0) unassign(task);
	if (input.finish) finish(fake, task, context.user.name);
	if (assigning) emit(fake, 'onAssign', task);
	if (input.finish) emit(fake, 'onFinish', task);
	return { status: 200, body: { status: true, message: 'Success', task: taskViewOf(fake, task) } };
}

function deleteTask(fake: MileAppStore, context: Context): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	// Documented: permanent; the answer is openapi's `/task/{id}` delete 200 example, `{status, message: "Success", task}`.
	const deleted = taskViewOf(fake, task);
	fake.tasks.delete(task._id);
	return { status: 200, body: { status: true, message: 'Success', task: deleted } };
}

export function taskRoutes(fake: MileAppStore): void {
	on(
		fake,
		'POST',
		'/task',
		api(fake, (c) => postTask(fake, c)),
	);
	on(
		fake,
		'GET',
		'/task/:taskId',
		api(fake, (c) => getTask(fake, c)),
	);
	on(
		fake,
		'PUT',
		'/task/:taskId',
		api(fake, (c) => updateTask(fake, c, 'put')),
	);
	on(
		fake,
		'PATCH',
		'/task/:taskId',
		api(fake, (c) => updateTask(fake, c, 'patch')),
	);
	on(
		fake,
		'DELETE',
		'/task/:taskId',
		api(fake, (c) => deleteTask(fake, c)),
	);
}
