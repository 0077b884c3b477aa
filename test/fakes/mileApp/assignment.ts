/** Assigning and finishing: `PUT /task/{id}/assign`, and the state changes the API and the web app share. */
import type { FakeResponse } from '../kit';
import { failure, invalid, isResponse, Problems } from './errors';
import { type Context, api, on } from './gates';
import type { MileAppStore } from './store';
import { checkAssignees, readEmails } from './taskInput';
import { taskByParam } from './tasks';
import type { MileAppTaskRecord, MileAppUser, TaskStatus } from './types';
import { taskViewOf } from './views';
import { emit } from './webhooks';

/** The documented rule (no finish after endTime), and [inferred] finishUnassigned: no finish while unassigned by default. */
export function finishRefusal(
	fake: MileAppStore,
	task: { endTime: string; status: TaskStatus },
): FakeResponse | undefined {
	if (task.status === 'UNASSIGNED' && fake.options.finishUnassigned === 'reject')
		return failure(409, 'Task has not been assigned yet.');
	if (fake.pastEnd(task))
		return failure(fake.options.finishAfterEndStatus, fake.options.finishAfterEndMessage);
	return undefined;
}

function putAssign(fake: MileAppStore, context: Context): FakeResponse {
	const task = taskByParam(fake, context.request);
	if (isResponse(task)) return task;
	const problems = new Problems();
	if (!('assignee' in context.body)) problems.add('The assignee field is required.');
	const emails = problems.failed ? undefined : readEmails(context.body.assignee, problems);
	if (emails && emails.length === 0 && fake.options.emptyAssign === 'reject')
		problems.add('The assignee field is required.');
	if (emails) checkAssignees(fake, emails, task.hubId, problems);
	if (problems.failed || !emails) return invalid(fake, problems);
	if (task.status === 'DONE' && fake.options.assignDoneTask === 'reject')
		return failure(409, 'Task has been done and cannot be assigned.');
	if (emails.length === 0) {
		unassign(task);
		task.updatedTime = fake.isoNow();
	} else {
		assign(fake, task, emails, context.user);
		emit(fake, 'onAssign', task);
	}
	return { status: 200, body: { status: true, message: 'Success', task: taskViewOf(fake, task) } };
}

export function assign(
	fake: MileAppStore,
	task: MileAppTaskRecord,
	emails: string[],
	by: MileAppUser,
): void {
	const now = fake.isoNow();
	task.assignee = [...emails];
	task.assignedBy = by.name;
	task.assignedTime = now;
	if (task.status === 'UNASSIGNED') task.status = 'ONGOING';
	task.updatedTime = now;
}

export function unassign(task: MileAppTaskRecord): void {
	task.assignee = [];
	task.assignedBy = null;
	task.assignedTime = null;
	if (task.status === 'ONGOING') task.status = 'UNASSIGNED';
}

export function finish(fake: MileAppStore, task: MileAppTaskRecord, doneBy: string): void {
	const now = fake.isoNow();
	task.status = 'DONE';
	task.doneBy = doneBy;
	task.doneTime = now;
	task.updatedTime = now;
}

export function assignRoutes(fake: MileAppStore): void {
	on(
		fake,
		'PUT',
		'/task/:taskId/assign',
		api(fake, (c) => putAssign(fake, c)),
	);
}
