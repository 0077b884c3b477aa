/** Records as the API answers them: an account, a task (with its includes and custom fields). */
import type { PlannrStore } from './store';
import type { PlannrAccount, PlannrTaskRecord, TaskableType } from './types';

export function accountViewOf(account: PlannrAccount): Record<string, unknown> {
	return { ...account, external_references: [] };
}

/** A task as the API answers it. */
export function taskViewOf(
	fake: PlannrStore,
	task: PlannrTaskRecord,
	includes: readonly string[] = [],
	nested = false,
): Record<string, unknown> {
	const account = (uuid: string | null) => {
		const found = uuid === null ? undefined : fake.accounts.get(uuid);
		return found ? accountViewOf(found) : null;
	};
	const always = fake.options.relationsWithoutInclude === 'always';
	const shown = (relation: string) => always || includes.includes(relation);
	const view: Record<string, unknown> = {
		uuid: task.uuid,
		name: task.name,
		description: task.description,
		priority: task.priority,
		position: task.position,
		// [inferred] dueAtAnswer: the stored local date-time, or its date alone.
		due_at:
			task.due_at !== null && fake.options.dueAtAnswer === 'date'
				? task.due_at.slice(0, 10)
				: task.due_at,
		status: fake.statuses.get(task.status_uuid) ?? null,
		taskable_type: task.taskable_type,
		taskable: taskableView(fake, task.taskable_type, task.taskable_uuid),
	};
	if (shown('author')) view.author = account(task.author_uuid);
	view.assigned_to = task.assigned_to_uuids.map(account).filter(Boolean);
	view.completed_at = task.completed_at;
	if (shown('completed_by')) view.completed_by = account(task.completed_by_uuid);
	if (shown('custom_fields')) view.custom_fields = customFieldsView(fake, task);
	view.created_at = task.created_at;
	view.updated_at = task.updated_at;
	if (!nested && includes.includes('parent_task')) {
		const parent =
			task.parent_task_uuid === null ? undefined : fake.tasks.get(task.parent_task_uuid);
		view.parent_task = parent ? taskViewOf(fake, parent, [], true) : null;
	}
	if (!nested && includes.includes('related_tasks')) {
		// [inferred] relatedTasks: the task's child tasks, or none.
		view.related_tasks = [...fake.tasks.values()]
			.filter(
				(other) => fake.options.relatedTasks === 'children' && other.parent_task_uuid === task.uuid,
			)
			.map((child) => taskViewOf(fake, child, [], true));
	}
	return view;
}

/** [inferred] customFieldsAnswer: the fields as a list, each with its value, or `{reference: value}`. */
function customFieldsView(
	fake: PlannrStore,
	task: PlannrTaskRecord,
): Record<string, unknown>[] | Record<string, unknown> {
	const fields = [...fake.customFields.values()].filter(
		(field) => fake.options.customFieldsShown === 'all' || field.reference in task.custom_fields,
	);
	if (fake.options.customFieldsAnswer === 'object')
		return Object.fromEntries(
			fields.map((field) => [field.reference, task.custom_fields[field.reference] ?? null]),
		);
	return fields.map((field) => ({
		...field,
		value: task.custom_fields[field.reference] ?? null,
	}));
}

function taskableView(
	fake: PlannrStore,
	type: TaskableType,
	uuid: string,
): Record<string, unknown> | null {
	if (type === 'client') {
		const client = fake.accounts.get(uuid);
		return client ? accountViewOf(client) : null;
	}
	const record = type === 'case' ? fake.cases.get(uuid) : fake.plans.get(uuid);
	return record ? { ...record } : null;
}
