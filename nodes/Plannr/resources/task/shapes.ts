import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { parseDate } from '../../../shared/dates';
import { fieldRefusal, isBlank } from '../../../shared/validation';

/** How Plannr writes a due date: local time, no zone. */
const PLANNR_DATE_TIME = 'yyyy-MM-dd HH:mm:ss';

const isEmptyObject = (value: unknown) =>
	typeof value === 'object' && value !== null && Object.keys(value).length === 0;

/**
 * The Custom Fields parameter as Plannr takes it: an object `{reference: value}` (postapiv1task; the older
 * page's list `[{reference: value}]` is superseded). Rows without a name are left out.
 */
function customFieldsObject(parameter: unknown): IDataObject {
	const rows = ((parameter as IDataObject | undefined)?.field ?? []) as Array<{
		name: string;
		value: unknown;
	}>;
	return Object.fromEntries(
		rows
			.filter((row) => String(row.name ?? '').trim() !== '')
			.map((row) => [String(row.name).trim(), row.value as IDataObject[string]]),
	);
}

/** A date the user gave, as Plannr's local time in the workflow's zone. */
function toPlannrDateTime(value: unknown, zone: string): string | undefined {
	return parseDate(value, zone)?.setZone(zone).toFormat(PLANNR_DATE_TIME);
}

/**
 * A declarative preSend step: the task body as Plannr takes it. The editor's shapes become Plannr's:
 * comma-separated group UUIDs a list, custom fields `{reference: value}`, the due date Plannr's local time.
 * Validation has already run.
 */
export async function shapeTaskBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject | undefined;
	if (!body) return requestOptions;
	if (typeof body.group_uuids === 'string') {
		body.group_uuids = body.group_uuids
			.split(',')
			.map((uuid) => uuid.trim())
			.filter(Boolean);
	}
	if (body.custom_fields !== undefined) body.custom_fields = customFieldsObject(body.custom_fields);
	if (body.due_at !== undefined) body.due_at = toPlannrDateTime(body.due_at, this.getTimezone());
	// A date added but left empty is not sent.
	if (body.due_at === undefined) delete body.due_at;
	// A list field added but left empty is not sent: it would wipe what the task has.
	for (const key of ['assigned_to_uuids', 'group_uuids']) {
		if (Array.isArray(body[key]) && (body[key] as unknown[]).length === 0) delete body[key];
	}
	if (isEmptyObject(body.custom_fields)) delete body.custom_fields;
	return requestOptions;
}

/** A declarative preSend step for Update: Plannr takes a new Linked To only with the record it links to. */
export async function requireLinkedRecordWithType(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body.taskable_type !== undefined && isBlank(body.taskable_uuid)) {
		throw fieldRefusal(
			this.getNode(),
			this.getItemIndex(),
			'"Linked Record UUID" is required when "Linked To" is changed',
			'Linked Record UUID',
		);
	}
	return requestOptions;
}

/**
 * A declarative preSend step for Get Many: one assignee at most. No page says filter[assigned_to_uuids] takes a
 * comma-separated list (only filter[url] is documented as one): several, comma-joined, could match no task at
 * all, so they are refused before anything is sent.
 */
export async function refuseSeveralAssignees(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = this.getNodeParameter('filters.assignedToUuids', []) as unknown;
	const entries = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((entry) => String(entry).trim())
		.filter(Boolean);
	if (entries.length > 1) {
		throw fieldRefusal(
			this.getNode(),
			this.getItemIndex(),
			`"Assignee Names or IDs" takes one assignee in Get Many (got ${entries.length}): Plannr does not document a filter by several. Pick one assignee, or run the node once per assignee.`,
			'Assignee Names or IDs',
		);
	}
	return requestOptions;
}

/** A declarative preSend step: the Get Many date filters as Plannr's local time. */
export async function shapeTaskQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = (requestOptions.qs ?? {}) as IDataObject;
	// n8n sets a `filter[x]` query property as `filter: {x: …}` (and sends it as filter[x]=…).
	const filter = qs.filter && typeof qs.filter === 'object' ? (qs.filter as IDataObject) : {};
	for (const key of ['due_before', 'due_after']) {
		if (filter[key] !== undefined) filter[key] = toPlannrDateTime(filter[key], this.getTimezone());
	}
	// A filter added but left empty (no assignee picked, say) filters nothing.
	for (const key of Object.keys(filter)) {
		if (filter[key] === '' || filter[key] === undefined) delete filter[key];
	}
	if (qs.filter !== undefined && Object.keys(filter).length === 0) delete qs.filter;
	for (const key of Object.keys(qs)) {
		if (qs[key] === '') delete qs[key];
	}
	return requestOptions;
}
