import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { parseDate, toIsoDateTime } from '../../../shared/dates';
import {
	fieldRefusal,
	notTextProblem,
	requiredText,
	validateFields,
} from '../../../shared/validation';

/** A flow field as the mapper offered it: its type (see resourceMapping.ts), and a select's choices. */
interface OfferedField {
	id: string;
	displayName?: string;
	required?: boolean;
	removed?: boolean;
	type?: string;
	options?: Array<{ name: string; value: unknown }>;
}

/** The flow-field mapper's value: the values given, and the fields it offered (with which are required). */
interface FlowFieldsValue {
	mappingMode?: 'defineBelow' | 'autoMapInputData';
	value?: IDataObject | null;
	schema?: OfferedField[];
}

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const isBlank = (value: unknown) =>
	value === undefined || value === null || String(value).trim() === '';

function refuse(context: IExecuteSingleFunctions, message: string, label: string): never {
	throw fieldRefusal(context.getNode(), context.getItemIndex(), message, label);
}

function locatorValue(value: unknown): string {
	const raw =
		value && typeof value === 'object' ? (value as INodeParameterResourceLocator).value : value;
	return isBlank(raw) ? '' : String(raw).trim();
}

/** A name or id (a flow, a hub): text, not a whole record mapped in. Blank reads as ''. */
export function readId(context: IExecuteSingleFunctions, value: unknown, label: string): string {
	const raw =
		value && typeof value === 'object' && !Array.isArray(value) && '__rl' in value
			? (value as INodeParameterResourceLocator).value
			: value;
	const problem = notTextProblem(label, raw);
	if (problem) refuse(context, problem, label);
	return locatorValue(raw);
}

/** A required name or id. */
function requireId(context: IExecuteSingleFunctions, value: unknown, label: string): string {
	const id = readId(context, value, label);
	if (id === '') refuse(context, `"${label}" is required`, label);
	return id;
}

/** Emails separated by commas (or a list from an expression), each checked. */
export function readEmails(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string[] {
	const emails = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,;]+/))
		.map((email) => email.trim())
		.filter(Boolean);
	if (emails.length === 0) refuse(context, `"${label}" needs at least one email`, label);
	const bad = emails.find((email) => !EMAIL.test(email));
	if (bad !== undefined)
		refuse(context, `"${label}" holds "${bad}", which is not an email address`, label);
	return emails;
}

function readTime(
	context: IExecuteSingleFunctions,
	value: unknown,
	label: string,
): string | undefined {
	if (isBlank(value)) return undefined;
	return (
		toIsoDateTime(value, context.getTimezone()) ??
		refuse(context, `"${label}" is not a valid date and time (got "${String(value)}")`, label)
	);
}

/** Why a flow field's value does not fit the type the mapper offered it as, or undefined when it does. */
function typeProblem(field: OfferedField, value: unknown): string | undefined {
	const text = String(value).trim();
	switch (field.type) {
		case 'number':
			return typeof value === 'number'
				? Number.isFinite(value)
					? undefined
					: 'must be a number'
				: text !== '' && Number.isFinite(Number(text))
					? undefined
					: `must be a number (got "${text}")`;
		case 'dateTime':
			return parseDate(value) ? undefined : `is not a valid date and time (got "${text}")`;
		case 'options': {
			const choices = (field.options ?? []).map((option) => String(option.value));
			return choices.length === 0 || choices.includes(text)
				? undefined
				: `must be one of ${choices.join(', ')} (got "${text}")`;
		}
		default:
			return undefined;
	}
}

/** The flow fields that have a value (mapped below, or taken from the input item by name); required ones and types checked. */
function flowFieldValues(context: IExecuteSingleFunctions, checkRequired: boolean): IDataObject {
	const mapper = context.getNodeParameter('flowFields', {}) as FlowFieldsValue;
	const offered = (mapper.schema ?? []).filter((field) => !field.removed);
	const source =
		mapper.mappingMode === 'autoMapInputData' ? context.getInputData().json : (mapper.value ?? {});
	const values: IDataObject = {};
	for (const field of offered) {
		const label = field.displayName ?? field.id;
		if (isBlank(source[field.id])) {
			if (checkRequired && field.required)
				refuse(context, `"${label}" is required by the flow`, label);
			continue;
		}
		const problem = typeProblem(field, source[field.id]);
		if (problem) refuse(context, `"${label}" ${problem}`, label);
		values[field.id] = source[field.id];
	}
	return values;
}

/**
 * The body of Create and Replace: the flow, the hub, every flow field given (the required ones checked), the
 * times and the assignees. Replace sends it as a full replacement, so what it does not hold is lost.
 */
export async function fullTaskBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const flow = requireId(this, this.getNodeParameter('flow', undefined), 'Flow');
	const hubId = requireId(this, this.getNodeParameter('hubId', undefined), 'Hub');
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
export async function partialTaskBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	// Not sent (a PATCH names no flow), but the flow fields below are the ones it lists.
	requireId(this, this.getNodeParameter('flow', undefined), 'Flow');
	const changes = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = { ...flowFieldValues(this, false) };
	const hubId = readId(this, changes.hubId, 'Hub ID');
	if (hubId !== '') body.hubId = hubId;
	const startTime = readTime(this, changes.startTime, 'Start Time');
	const endTime = readTime(this, changes.endTime, 'End Time');
	if (startTime) body.startTime = startTime;
	if (endTime) body.endTime = endTime;
	if (Object.keys(body).length === 0)
		refuse(
			this,
			'Give at least one flow field or one field under "Update Fields" a value',
			'Update Fields',
		);
	requestOptions.body = body;
	return requestOptions;
}

/** The body of Assign: the workers' emails. */
export async function assignBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = {
		assignee: readEmails(this, this.getNodeParameter('assignees', ''), 'Assignees'),
	};
	return requestOptions;
}

/** Every operation on one task: its id, checked before anything is sent (text, not a whole record mapped in). */
export const requireTaskId = validateFields(requiredText('taskId', 'Task ID'));

/** Get Fields of a flow: the flow's name, checked before anything is sent. */
export const requireFlow = validateFields(requiredText('flow', 'Flow'));
