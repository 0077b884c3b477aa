import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeParameterResourceLocator } from 'n8n-workflow';
import { toIsoDateTime } from '../../../shared/dates';
import { fieldRefusal } from '../../../shared/validation';

/** The flow-field mapper's value: the values given, and the fields it offered (with which are required). */
interface FlowFieldsValue {
	mappingMode?: 'defineBelow' | 'autoMapInputData';
	value?: IDataObject | null;
	schema?: Array<{ id: string; displayName?: string; required?: boolean; removed?: boolean }>;
}

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

function refuse(context: IExecuteSingleFunctions, message: string, label: string): never {
	throw fieldRefusal(context.getNode(), context.getItemIndex(), message, label);
}

function locatorValue(value: unknown): string {
	const raw = value && typeof value === 'object' ? (value as INodeParameterResourceLocator).value : value;
	return isBlank(raw) ? '' : String(raw).trim();
}

/** Emails separated by commas (or a list from an expression), each checked. */
export function readEmails(context: IExecuteSingleFunctions, value: unknown, label: string): string[] {
	const emails = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/)).map((email) => email.trim()).filter(Boolean);
	if (emails.length === 0) refuse(context, `"${label}" needs at least one email`, label);
	const bad = emails.find((email) => !EMAIL.test(email));
	if (bad !== undefined) refuse(context, `"${label}" holds "${bad}", which is not an email address`, label);
	return emails;
}

function readTime(context: IExecuteSingleFunctions, value: unknown, label: string): string | undefined {
	if (isBlank(value)) return undefined;
	return toIsoDateTime(value, context.getTimezone()) ?? refuse(context, `"${label}" is not a valid date and time (got "${String(value)}")`, label);
}

/** The flow fields that have a value (mapped below, or taken from the input item by name); required ones checked. */
function flowFieldValues(context: IExecuteSingleFunctions, checkRequired: boolean): IDataObject {
	const mapper = context.getNodeParameter('flowFields', {}) as FlowFieldsValue;
	const offered = (mapper.schema ?? []).filter((field) => !field.removed);
	const source = mapper.mappingMode === 'autoMapInputData' ? context.getInputData().json : (mapper.value ?? {});
	const values: IDataObject = {};
	for (const field of offered) {
		if (!isBlank(source[field.id])) values[field.id] = source[field.id];
		else if (checkRequired && field.required) refuse(context, `The flow field "${field.id}" is required by the flow`, field.displayName ?? field.id);
	}
	return values;
}

/**
 * The body of Create and Replace: the flow, the hub, every flow field given (the required ones checked), the
 * times and the assignees. Replace sends it as a full replacement, so what it does not hold is lost.
 */
export async function fullTaskBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const flow = locatorValue(this.getNodeParameter('flow', undefined));
	if (flow === '') refuse(this, '"Flow" is required', 'Flow');
	const hubId = locatorValue(this.getNodeParameter('hubId', undefined));
	if (hubId === '') refuse(this, '"Hub" is required', 'Hub');
	const extra = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const body: IDataObject = { flow, hubId, ...flowFieldValues(this, true) };
	const startTime = readTime(this, extra.startTime, 'Start Time');
	const endTime = readTime(this, extra.endTime, 'End Time');
	if (startTime) body.startTime = startTime;
	if (endTime) body.endTime = endTime;
	if (!isBlank(extra.assignees)) body.assignee = readEmails(this, extra.assignees, 'Assignees');
	requestOptions.body = body;
	return requestOptions;
}

/** The body of Update (a PATCH): only the fields given, so every other field of the task stays as it is. */
export async function partialTaskBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const changes = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = { ...flowFieldValues(this, false) };
	const hubId = locatorValue(changes.hubId);
	if (hubId !== '') body.hubId = hubId;
	const startTime = readTime(this, changes.startTime, 'Start Time');
	const endTime = readTime(this, changes.endTime, 'End Time');
	if (startTime) body.startTime = startTime;
	if (endTime) body.endTime = endTime;
	if (Object.keys(body).length === 0) refuse(this, 'Give at least one flow field or one field under "Update Fields" a value', 'Update Fields');
	requestOptions.body = body;
	return requestOptions;
}

/** The body of Assign: the workers' emails. */
export async function assignBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	requestOptions.body = { assignee: readEmails(this, this.getNodeParameter('assignees', ''), 'Assignees') };
	return requestOptions;
}

/** Every operation on one task: its id, checked before anything is sent. */
export async function requireTaskId(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (isBlank(this.getNodeParameter('taskId', ''))) refuse(this, '"Task ID" is required', 'Task ID');
	return requestOptions;
}
