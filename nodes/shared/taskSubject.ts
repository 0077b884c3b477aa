import { textOrNull, type TaskSubject } from './normalizedTask';

/** The record a task is about, with its name when the vendor gives one; none without a type and an ID. */
export function taskSubject(
	type: string | null,
	id: string | null,
	name?: unknown,
): TaskSubject | null {
	if (!type || !id) return null;
	const text = textOrNull(name);
	return { type, id, ...(text ? { name: text } : {}) };
}
