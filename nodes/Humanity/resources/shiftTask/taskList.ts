import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { TimeBox } from '../../input';
import { SHIFT_TASK_TYPE } from '../../vocabulary';

/** What a shift-task PUT entry carries (seed 004), without its id. */
export interface TaskFields {
	taskId: string;
	name: string;
	description: string;
	type: number;
	options: TimeBox | null;
}

/** The fields an Update sets; the others keep their value. */
export interface TaskPatch {
	taskId?: string;
	name?: string;
	description?: string;
	type?: number;
	startTime?: string;
	dueTime?: string;
}

/** One item's requested change to a shift's task list, checked before anything is sent. */
export type ShiftTaskChange =
	| { kind: 'add'; shiftId: number; fields: TaskFields }
	| { kind: 'update'; shiftId: number; id: string; patch: TaskPatch }
	| { kind: 'remove'; shiftId: number; id: string };

/** A shift task as Humanity answers it, read into the fields a PUT sends back. */
export function fieldsOf(task: IDataObject): TaskFields {
	const options = task.options as IDataObject | null | undefined;
	return {
		taskId: String(task.taskId),
		name: String(task.name ?? ''),
		description: typeof task.description === 'string' ? task.description : '',
		type: Number(task.type),
		options:
			options && options.startTime && options.dueTime
				? { startTime: String(options.startTime), dueTime: String(options.dueTime) }
				: null,
	};
}

/**
 * One PUT entry: the id keeps an existing task (left out, it would be deleted); options only for time-boxed
 * tasks. An existing task always carries its description (whether one left out is cleared is undocumented); a
 * new task without one leaves it out rather than sending it empty.
 */
export function entryOf(fields: TaskFields, id?: string): IDataObject {
	const entry: IDataObject = id ? { id } : {};
	Object.assign(entry, { taskId: fields.taskId, name: fields.name });
	if (id || fields.description !== '') entry.description = fields.description;
	entry.type = fields.type;
	if (fields.type === SHIFT_TASK_TYPE.timeBoxed && fields.options)
		entry.options = { ...fields.options };
	return entry;
}

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/** Whether Humanity's answer holds a task as it was sent. */
export function holdsFields(answer: IDataObject, expected: TaskFields): boolean {
	const got = fieldsOf(answer);
	if (
		got.taskId.toLowerCase() !== expected.taskId.toLowerCase() ||
		got.name !== expected.name ||
		got.type !== expected.type
	)
		return false;
	if (got.description !== expected.description) return false;
	if (expected.type !== SHIFT_TASK_TYPE.timeBoxed) return true;
	return (
		got.options !== null &&
		expected.options !== null &&
		sameInstant(got.options.startTime, expected.options.startTime) &&
		sameInstant(got.options.dueTime, expected.options.dueTime)
	);
}

/** A task as messages name it: its name, and its ID when it has one. */
export function describeTask(task: { id?: string; name: string }): string {
	return task.id ? `"${task.name}" (${task.id})` : `"${task.name}"`;
}

/** The tasks named, as a message lists them. */
export function describeTasks(tasks: Array<{ id?: string; name: string }>): string {
	return tasks.map(describeTask).join(', ');
}

/** The tasks of a list being written, as a message names them. */
export function describeEntries(entries: Array<{ id?: string; fields: TaskFields }>): string {
	return describeTasks(entries.map((entry) => ({ id: entry.id, name: entry.fields.name })));
}

/** The failure when Humanity's answer to a whole-list write is not the list sent. */
export function listCameBackWrong(
	node: INode,
	shiftId: number,
	problems: string[],
	details: { itemIndex?: number; description: string },
): NodeOperationError {
	const message = `Humanity: the task list of shift ${shiftId} came back wrong: it ${problems.join('; ')}`;
	return new NodeOperationError(node, message, details);
}
