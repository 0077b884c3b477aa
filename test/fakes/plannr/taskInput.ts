/** Reading a task body for create and update: fields, status, assignees, groups, custom fields, due date. */
import { DateTime } from 'luxon';
import type { FakeResponse } from '../kit';
import { Validation } from './errors';
import type { Body } from './input';
import type { PlannrStore } from './store';
import {
	LOCAL_DATE_TIME,
	LOCAL_FORMAT,
	type PlannrTaskRecord,
	PRIORITIES,
	type Priority,
	TASKABLE_TYPES,
	type TaskableType,
} from './types';

/** A date for due_at or a due filter, as the firm's local `yyyy-MM-dd HH:mm:ss`; undefined when unreadable. */
export function toLocal(
	fake: PlannrStore,
	value: string,
	format: 'strict' | 'lenient',
): string | undefined {
	const zone = fake.options.timeZone;
	if (LOCAL_DATE_TIME.test(value)) {
		const parsed = DateTime.fromFormat(value, LOCAL_FORMAT, { zone });
		return parsed.isValid ? value : undefined;
	}
	// Documented both ways (plannr.md): a date alone is that day at midnight, the firm's local time.
	const date = DateTime.fromFormat(value, 'yyyy-MM-dd', { zone });
	if (date.isValid) return date.toFormat(LOCAL_FORMAT);
	if (format === 'strict') return undefined;
	const iso = DateTime.fromISO(value, { zone, setZone: false });
	return iso.isValid ? iso.setZone(zone).toFormat(LOCAL_FORMAT) : undefined;
}

/** Validates a task body (create: the four fields required; update: all optional) into the fields to set. */
export function readTask(
	fake: PlannrStore,
	body: Body,
	existing?: PlannrTaskRecord,
): Partial<PlannrTaskRecord> | FakeResponse {
	const v = new Validation(fake.messages);
	const fields: Partial<PlannrTaskRecord> = {};
	const creating = existing === undefined;
	const present = (key: string) => key in body;
	const required = (key: string) => {
		if ((creating || present(key)) && (body[key] === undefined || body[key] === null)) {
			v.add(key, 'required');
			return false;
		}
		return present(key);
	};

	if (required('name')) {
		if (typeof body.name !== 'string') v.add('name', 'string');
		else if (body.name.length > 255) v.add('name', 'max', { max: 255 });
		else fields.name = body.name;
	}
	if (present('description')) {
		if (body.description !== null && typeof body.description !== 'string')
			v.add('description', 'string');
		else fields.description = body.description as string | null;
	}
	if (present('priority') && body.priority !== null) {
		if (!PRIORITIES.includes(body.priority as Priority)) v.add('priority', 'in');
		else fields.priority = body.priority as Priority;
	} else if (present('priority')) {
		fields.priority = null;
	}
	if (present('due_at') && body.due_at !== null) {
		const local =
			typeof body.due_at === 'string'
				? toLocal(fake, body.due_at, fake.options.dueAtFormat)
				: undefined;
		if (local === undefined) {
			if (fake.options.dueAtFormat === 'strict')
				v.add('due_at', 'date_format', { format: 'Y-m-d H:i:s' });
			else v.add('due_at', 'date');
		} else {
			fields.due_at = local;
		}
	} else if (present('due_at')) {
		fields.due_at = null;
	}

	// The taskable: type and uuid together; a uuid alone is read against the task's current type.
	let type: TaskableType | undefined = existing?.taskable_type;
	if (required('taskable_type')) {
		if (!TASKABLE_TYPES.includes(body.taskable_type as TaskableType)) v.add('taskable_type', 'in');
		else type = fields.taskable_type = body.taskable_type as TaskableType;
	}
	if (!creating && present('taskable_type') && !present('taskable_uuid'))
		v.add('taskable_uuid', 'required_with', { values: 'taskable type' });
	if (required('taskable_uuid') && type !== undefined && !v.has('taskable_type')) {
		const uuid = String(body.taskable_uuid);
		const exists =
			type === 'client'
				? fake.accounts.get(uuid)?.type === 'client'
				: type === 'case'
					? fake.cases.has(uuid)
					: fake.plans.has(uuid);
		if (!exists) v.add('taskable_uuid', 'exists');
		else fields.taskable_uuid = uuid;
	}
	if (required('task_status_uuid')) {
		const uuid = String(body.task_status_uuid);
		if (!fake.statuses.has(uuid)) v.add('task_status_uuid', 'exists');
		else fields.status_uuid = uuid;
	}
	if (present('parent_task_uuid') && body.parent_task_uuid !== null) {
		const uuid = String(body.parent_task_uuid);
		if (!fake.tasks.has(uuid)) v.add('parent_task_uuid', 'exists');
		else if (existing && uuid === existing.uuid)
			v.add('parent_task_uuid', 'different', { other: 'uuid' });
		else fields.parent_task_uuid = uuid;
	} else if (present('parent_task_uuid')) {
		fields.parent_task_uuid = null;
	}
	const uuids = (
		key: 'assigned_to_uuids' | 'group_uuids',
		exists: (uuid: string) => boolean,
	): string[] | undefined => {
		if (!present(key)) return undefined;
		const value = body[key];
		if (value === null) return [];
		if (!Array.isArray(value)) {
			v.add(key, 'array');
			return undefined;
		}
		value.forEach((uuid, i) => {
			if (typeof uuid !== 'string' || !exists(uuid)) v.add(`${key}.${i}`, 'exists');
		});
		return [...new Set(value.map(String))];
	};
	const assigned = uuids('assigned_to_uuids', (uuid) => fake.accounts.has(uuid));
	if (assigned) fields.assigned_to_uuids = assigned;
	const groups = uuids('group_uuids', (uuid) => fake.groups.has(uuid));
	if (groups) fields.group_uuids = groups;
	if (present('custom_fields') && body.custom_fields !== null) {
		const value = body.custom_fields;
		// postapiv1task: an object {reference: value}. The older page's list [{reference: value}] is superseded:
		// refused loudly, never read as no fields.
		if (Array.isArray(value) || typeof value !== 'object') {
			v.add('custom_fields', 'custom_fields_object');
		} else {
			const references = new Set([...fake.customFields.values()].map((field) => field.reference));
			const set: Record<string, unknown> = {};
			for (const [reference, fieldValue] of Object.entries(value as Record<string, unknown>)) {
				if (!references.has(reference) && fake.options.unknownCustomFields === 'reject')
					v.add(`custom_fields.${reference}`, 'exists');
				else if (references.has(reference)) set[reference] = fieldValue;
			}
			// [inferred] merged into the fields the task has (null clears one), unless PUT replaces (taskUpdate).
			const kept = fake.options.taskUpdate === 'merge' ? (existing?.custom_fields ?? {}) : {};
			fields.custom_fields = Object.fromEntries(
				Object.entries({ ...kept, ...set }).filter(([, x]) => x !== null && x !== undefined),
			);
		}
	}
	return v.failed ? v.response() : fields;
}
