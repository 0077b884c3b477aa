/**
 * Shift tasks: `GET /shifts/{ids}/tasks`, and the PUT that replaces a shift's whole list (tasks left out are
 * deleted).
 */
import { refuse } from './envelope';
import { type Answer, type Context, api, on } from './gates';
import { dateTime, intParam, isObject, lookup, readBody, readUlid } from './input';
import { canEditShift, shiftsNamed } from './shifts';
import type { HumanityStore } from './store';
import {
	HUMANITY_API_PREFIX,
	type HumanityShift,
	type HumanityShiftTask,
	type TimeBox,
} from './types';
import { shiftTaskViewOf } from './views';

/** One entry of a shift-task PUT, checked: the live task it updates (none: a new task) and what it stores. */
interface EntryRead {
	existing?: HumanityShiftTask;
	fields: Pick<HumanityShiftTask, 'taskId' | 'name' | 'description' | 'type' | 'options'>;
}

function listShiftTasks(fake: HumanityStore, { request }: Context): Answer {
	const shifts = shiftsNamed(fake, request.params.shiftIds);
	return {
		data: shifts
			.flatMap((shift) => fake.liveShiftTasks(shift.id))
			.map((task) => shiftTaskViewOf(task)),
	};
}

/** One entry of a PUT's list, checked; what it would store. */
function readEntry(
	fake: HumanityStore,
	entry: unknown,
	index: number,
	shift: HumanityShift,
	live: Map<string, HumanityShiftTask>,
	seen: Set<string>,
): EntryRead {
	const at = `tasks[${index}]`;
	if (!isObject(entry)) return refuse(9, `${at} must be an object`);
	let existing: HumanityShiftTask | undefined;
	if (entry.id !== undefined && entry.id !== null) {
		const id = readUlid(fake, entry.id, `${at}.id`);
		if (seen.has(id)) return refuse(9, `${at}.id ${id} appears twice`);
		seen.add(id);
		existing = live.get(id);
		if (!existing && fake.options.unknownShiftTaskId === 'reject')
			return refuse(9, `${at}.id ${id} is not a task of shift ${shift.id}`);
	}
	for (const name of ['taskId', 'name', 'type']) {
		if (entry[name] === undefined || entry[name] === null)
			return refuse(8, `${at}.${name} is required`);
	}
	const taskId = readUlid(fake, entry.taskId, `${at}.taskId`);
	const master = fake.masterTasks.get(taskId);
	if (!master) return refuse(9, `${at}.taskId ${taskId} is not a master task`);
	if (master.deletedAt !== null) {
		const allowed =
			fake.options.deletedMasterTaskInPut === 'allow' ||
			(fake.options.deletedMasterTaskInPut === 'allow-existing' && existing?.taskId === taskId);
		if (!allowed) return refuse(9, `${at}.taskId ${taskId} is a deleted master task`);
	}
	if (typeof entry.name !== 'string' || entry.name.trim() === '')
		return refuse(9, `${at}.name must be a non-empty string`);
	let description: string;
	if (entry.description === undefined || entry.description === null) {
		description =
			existing && fake.options.omittedDescriptionOnUpdate === 'keep' ? existing.description : '';
	} else if (typeof entry.description !== 'string') {
		return refuse(9, `${at}.description must be a string`);
	} else {
		description = entry.description;
	}
	// Documented (seed 004: "type integer Mandatory … 1 = regular, 2 = time-boxed"): "1" as a string is refused.
	if (entry.type !== 1 && entry.type !== 2)
		return refuse(9, `${at}.type must be 1 (regular) or 2 (time-boxed)`);
	let options: TimeBox | null = null;
	if (entry.type === 1) {
		if (
			entry.options !== undefined &&
			entry.options !== null &&
			fake.options.regularTaskOptions === 'reject'
		)
			return refuse(9, `${at}.options must be null for a regular task`);
	} else {
		if (entry.options === undefined || entry.options === null)
			return refuse(8, `${at}.options (startTime, dueTime) is required for a time-boxed task`);
		if (!isObject(entry.options)) return refuse(9, `${at}.options must be an object`);
		for (const name of ['startTime', 'dueTime']) {
			if (entry.options[name] === undefined || entry.options[name] === null)
				return refuse(8, `${at}.options.${name} is required`);
		}
		const start = dateTime(fake, entry.options.startTime, `${at}.options.startTime`);
		const due = dateTime(fake, entry.options.dueTime, `${at}.options.dueTime`);
		if (fake.options.requireOrderedTimes && due.ms <= start.ms)
			return refuse(9, `${at}.options.dueTime must be after startTime`);
		if (fake.options.timeBoxWithinShift && (start.ms < shift.startMs || due.ms > shift.endMs))
			return refuse(9, `${at}.options must fall within shift ${shift.id}`);
		options = { startTime: start.text, dueTime: due.text };
	}
	return {
		existing,
		fields: { taskId, name: entry.name, description, type: entry.type, options },
	};
}

/**
 * Seed 004: entries without id are created, with id updated, and every live task left out is deleted. The
 * answer is the shift's live tasks in their order. [inferred] shiftTaskOrder: no sheet line decides whether the
 * list sent sets that order, or kept tasks keep their place and new ones go last.
 */
function putShiftTasks(fake: HumanityStore, { request, user }: Context): Answer {
	const shift = lookup(
		fake,
		fake.shifts,
		intParam(request.params.shiftId, 'shiftId'),
		'update',
		'Shift',
	);
	if (!canEditShift(fake, user)) return refuse(20, `no edit permissions on shift ${shift.id}`);
	const body = readBody(request);
	if (body.tasks === undefined || body.tasks === null) return refuse(8, 'tasks is required');
	if (!Array.isArray(body.tasks)) return refuse(9, 'tasks must be an array');
	if (body.tasks.length === 0 && !fake.options.emptyListDeletesAll)
		return refuse(8, 'tasks must not be empty');
	const live = new Map(fake.liveShiftTasks(shift.id).map((task) => [task.id, task]));
	const seen = new Set<string>();
	const now = fake.utcNow();
	const keepPlaces = fake.options.shiftTaskOrder === 'kept';
	const lastPlace = Math.max(-1, ...[...live.values()].map((task) => task.position));
	const apply = (read: EntryRead, position: number): HumanityShiftTask => {
		const { existing, fields } = read;
		if (existing) {
			const changed =
				existing.taskId !== fields.taskId ||
				existing.name !== fields.name ||
				existing.description !== fields.description ||
				existing.type !== fields.type ||
				JSON.stringify(existing.options) !== JSON.stringify(fields.options);
			Object.assign(existing, fields, keepPlaces ? {} : { position });
			if (changed || !fake.options.stampOnlyChanges)
				Object.assign(existing, { updatedBy: user.id, updatedAt: now });
			return existing;
		}
		return fake.addShiftTask({
			...fields,
			shiftId: shift.id,
			position: keepPlaces ? lastPlace + 1 + position : position,
			createdBy: user.id,
			createdAt: now,
		});
	};

	const kept: HumanityShiftTask[] = [];
	if (fake.options.bulkFailure === 'partial') {
		body.tasks.forEach((entry, index) =>
			kept.push(apply(readEntry(fake, entry, index, shift, live, seen), index)),
		);
	} else {
		const reads = body.tasks.map((entry, index) =>
			readEntry(fake, entry, index, shift, live, seen),
		);
		reads.forEach((read, index) => kept.push(apply(read, index)));
	}
	const keptIds = new Set(kept.map((task) => task.id));
	for (const task of live.values()) {
		if (keptIds.has(task.id)) continue;
		Object.assign(task, { deletedBy: user.id, deletedAt: now });
		if (fake.options.deleteCascadesToEmployeeTasks)
			for (const employeeTask of fake.employeeTasksOf(task.id)) employeeTask.deletedAt = now;
	}
	return { data: fake.liveShiftTasks(shift.id).map((task) => shiftTaskViewOf(task)) };
}

export function shiftTaskRoutes(fake: HumanityStore): void {
	const v2 = (path: string) => `${HUMANITY_API_PREFIX}${path}`;
	on(
		fake,
		'GET',
		v2('/shifts/:shiftIds/tasks'),
		api(fake, (c) => listShiftTasks(fake, c)),
	);
	on(
		fake,
		'PUT',
		v2('/shifts/:shiftId/tasks'),
		api(fake, (c) => putShiftTasks(fake, c)),
	);
}
