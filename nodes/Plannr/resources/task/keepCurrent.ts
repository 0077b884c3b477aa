import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { plannrApiRequest } from '../../requests';
import { singleRecordOf } from '../../answers';

/**
 * Whether Plannr's PUT keeps the fields it does not carry is undocumented (plannr.md, Unknown). So Update
 * reads the task first and sends back what the user did not name, so that a PUT that replaces clears nothing.
 * Group UUIDs are the exception: Plannr's task answers do not show them (the Update's notice says so).
 */
export const UPDATE_KEEPS_CURRENT_VALUES =
	'Change only the fields you add; the task’s other values are read first and sent back with them. Plannr does not show a task’s groups: add Group UUIDs to be sure it keeps them.';

export const UPDATE_FIELDS_HELP =
	'Only the fields added here change. Plannr does not say whether an update keeps what it is not sent, so the task’s current description, priority, due date, parent task, assignees and custom fields are sent back with your changes. Its groups cannot be read back: add Group UUIDs to be sure the task keeps them.';

/** A task's custom fields from an answer, in either shape Plannr may use: `{reference: value}` or a list of fields. */
export function customFieldValues(value: unknown): IDataObject {
	if (Array.isArray(value)) {
		return Object.fromEntries(
			(value as IDataObject[]).flatMap((field) => {
				if (!field || typeof field !== 'object') return [];
				// A field with its value ({reference, value, ...}), or the older page's `{reference: value}`.
				if (typeof field.reference === 'string') return [[field.reference, field.value]];
				return Object.entries(field);
			}),
		);
	}
	return value && typeof value === 'object' ? { ...(value as IDataObject) } : {};
}

const withValues = (fields: IDataObject): IDataObject =>
	Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
	);

/** The values an Update sends back unless the user named them, read from the task as Plannr answers it. */
function currentValues(task: IDataObject): IDataObject {
	const assigned = Array.isArray(task.assigned_to)
		? (task.assigned_to as IDataObject[]).map((account) => account?.uuid).filter(Boolean)
		: [];
	const parent = (task.parent_task ?? {}) as IDataObject;
	return withValues({
		description: task.description,
		priority: task.priority,
		// Sent back exactly as Plannr wrote it: no zone is assumed, so nothing shifts.
		due_at: task.due_at,
		parent_task_uuid: parent.uuid,
		assigned_to_uuids: assigned.length > 0 ? assigned : undefined,
		custom_fields: customFieldValues(task.custom_fields),
	});
}

/**
 * A declarative preSend step for Update (after the checks): the task read, and every value the user did not
 * name sent back with the changes. Custom fields named are added to the task's others, not put in their place.
 */
export async function keepUnnamedValues(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const answer = await plannrApiRequest.call(this, 'GET', requestOptions.url, {
		qs: { include: 'custom_fields,parent_task' },
	});
	const current = currentValues(singleRecordOf(answer));
	const named = (requestOptions.body ?? {}) as IDataObject;
	const customFields = withValues({
		...(current.custom_fields as IDataObject),
		...((named.custom_fields as IDataObject | undefined) ?? {}),
	});
	const body: IDataObject = { ...current, ...named };
	if (Object.keys(customFields).length > 0) body.custom_fields = customFields;
	else delete body.custom_fields;
	return { ...requestOptions, body };
}
