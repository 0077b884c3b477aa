import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import type { NodeOperationError } from 'n8n-workflow';
import { parseDate } from '../shared/dates';
import { fieldRefusal, notOneOfProblem } from '../shared/validation';
import { ULID_PATTERN } from './fields';

/** Bad input in one field of an item, found before anything is sent. */
export function refuseField(
	context: IExecuteFunctions,
	itemIndex: number,
	message: string,
	label: string,
): NodeOperationError {
	return fieldRefusal(context.getNode(), itemIndex, message, label);
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/** The value of a resource locator (or a plain field), trimmed; undefined when blank. */
export function locatorValue(value: unknown): string | undefined {
	const raw =
		value && typeof value === 'object' ? (value as INodeParameterResourceLocator).value : value;
	return isBlank(raw) ? undefined : String(raw).trim();
}

export function readShiftId(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'shiftId',
	label = 'Shift',
): number {
	const value = locatorValue(context.getNodeParameter(name, itemIndex, undefined));
	if (value === undefined) throw refuseField(context, itemIndex, `"${label}" is required`, label);
	if (!/^\d+$/.test(value))
		throw refuseField(
			context,
			itemIndex,
			`"${label}" must be a shift ID, a whole number (got "${value}")`,
			label,
		);
	return Number(value);
}

/** One of an options field's values; a value mapped in from elsewhere may be none of them. */
export function readChoice<T extends string>(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	allowed: readonly T[],
	label: string,
): T {
	const choice = String(value ?? '').trim();
	const problem = notOneOfProblem(label, allowed, choice);
	if (problem) throw refuseField(context, itemIndex, problem, label);
	return choice as T;
}

/** An optional id that Humanity numbers (employee, location); undefined when blank. */
export function readOptionalWholeNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number | undefined {
	if (isBlank(value)) return undefined;
	const text = String(value).trim();
	if (!/^\d+$/.test(text))
		throw refuseField(
			context,
			itemIndex,
			`"${label}" must be an ID, a whole number (got "${text}")`,
			label,
		);
	return Number(text);
}

/** Several shift ids: a list, or text separated by commas or spaces. */
export function readShiftIds(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): number[] {
	const raw = context.getNodeParameter(name, itemIndex, '') as unknown;
	const parts = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\s,]+/))
		.map((part) => part.trim())
		.filter((part) => part !== '');
	if (parts.length === 0)
		throw refuseField(context, itemIndex, `"${label}" needs at least one shift ID`, label);
	const bad = parts.find((part) => !/^\d+$/.test(part));
	if (bad !== undefined)
		throw refuseField(
			context,
			itemIndex,
			`"${label}" must hold shift IDs, whole numbers (got "${bad}")`,
			label,
		);
	return [...new Set(parts.map(Number))];
}

/** A ULID (task, master task, employee task), lower case as Humanity writes them. */
export function readUlid(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string {
	const id = locatorValue(value);
	if (id === undefined) throw refuseField(context, itemIndex, `"${label}" is required`, label);
	if (!ULID_PATTERN.test(id))
		throw refuseField(
			context,
			itemIndex,
			`"${label}" must be a 26-character ULID (got "${id}")`,
			label,
		);
	return id.toLowerCase();
}

/** An n8n date as Humanity's datetimes: ISO 8601 in UTC with `+00:00` (seed 004); without a zone, read in the workflow's. */
export function readDateTime(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string {
	if (isBlank(value)) throw refuseField(context, itemIndex, `"${label}" is required`, label);
	const parsed = parseDate(value, context.getTimezone());
	if (!parsed)
		throw refuseField(
			context,
			itemIndex,
			`"${label}" is not a valid date and time (got "${String(value)}")`,
			label,
		);
	return parsed.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** An n8n date as the day Humanity's shift filters take (yyyy-MM-dd), in the workflow's time zone. */
export function readDay(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): string {
	const zone = context.getTimezone();
	const parsed = parseDate(value, zone);
	if (!parsed)
		throw refuseField(
			context,
			itemIndex,
			`"${label}" is not a valid date (got "${String(value)}")`,
			label,
		);
	return parsed.setZone(zone).toFormat('yyyy-MM-dd');
}

/** The cached name a "From List" pick carries, for defaults such as a shift task's name. */
export function locatorName(value: unknown): string | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const name = (value as INodeParameterResourceLocator).cachedResultName;
	return isBlank(name) ? undefined : String(name);
}

export function compact(object: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** Return All and Limit as one number: Infinity when all are wanted. */
export function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	const given = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = Number(given);
	if (!Number.isInteger(limit) || limit < 1)
		throw refuseField(
			context,
			itemIndex,
			`"Limit" must be a whole number of at least 1 (got "${String(given)}")`,
			'Limit',
		);
	return limit;
}
