import type { IDataObject } from 'n8n-workflow';
import { parseDate } from './dates';

/** How the pack names each vendor in a normalized task and in a link reference. */
const TASK_VENDORS = ['oliver', 'openDental', 'plannr', 'mileApp', 'humanity'] as const;
type TaskVendor = (typeof TASK_VENDORS)[number];

export type NormalizedStatus = 'open' | 'in progress' | 'done' | 'canceled';

export interface TaskAssignee extends IDataObject {
	id: string;
	name?: string;
	email?: string;
}

/** What the task is about: a patient, client, appointment, plan, hub, shift… with its ID. */
export interface TaskSubject extends IDataObject {
	type: string;
	id: string;
	name?: string;
}

/** What each vendor's mapper reads from its record. Times are ISO 8601 in UTC; a due date without a time stays a date. */
interface TaskFields {
	id: string;
	title: string | null;
	description: string | null;
	status: NormalizedStatus;
	dueAt: string | null;
	createdAt: string | null;
	updatedAt: string | null;
	completedAt: string | null;
	assignees: TaskAssignee[];
	subject: TaskSubject | null;
}

/** One task in the same shape for every vendor. */
export interface NormalizedTask extends TaskFields, IDataObject {
	vendor: TaskVendor;
	/** The text to write into a mirror task in another system, so that the mirror can be traced back here. */
	reference: string;
	/** The tasks in other systems this one names by their reference: vendor → task ID. */
	links: IDataObject;
	raw: IDataObject;
}

/** A vendor's record to a normalized task; `zone` is the zone the vendor's zoneless times are in. */
export type TaskMapper = (record: IDataObject, zone: string) => NormalizedTask;

export const OUTPUT_FORMAT_PARAMETER = 'outputFormat';
// A reference is plain text, so it survives in any description field and staff can read it.
const REFERENCE_PATTERN = new RegExp(
	`\\[taskbridge:(${TASK_VENDORS.join('|')}):([^\\]\\s]+)\\]`,
	'g',
);
/** Deep enough for a task's own fields and one level of nesting (MileApp's flow fields, Plannr's custom fields). */
const MAX_LINK_DEPTH = 3;

/** The text that names a task in another system: `[taskbridge:oliver:123]`. */
function taskReference(vendor: TaskVendor, id: string): string {
	return `[taskbridge:${vendor}:${id}]`;
}

/** Every reference found in the record's text fields, first one per vendor, except the record's own. */
function linksIn(record: unknown, self: { vendor: TaskVendor; id: string }): IDataObject {
	const links: IDataObject = {};
	const visit = (value: unknown, depth: number) => {
		if (typeof value === 'string') {
			for (const [, vendor, id] of value.matchAll(REFERENCE_PATTERN)) {
				const isSelf = vendor === self.vendor && id === self.id;
				if (!isSelf && links[vendor] === undefined) links[vendor] = id;
			}
		} else if (value !== null && typeof value === 'object' && depth < MAX_LINK_DEPTH) {
			for (const inner of Object.values(value)) visit(inner, depth + 1);
		}
	};
	visit(record, 0);
	return links;
}

/** ISO 8601 in UTC, or null when absent or unreadable; a time without a zone is read in `zone`. */
export function isoOrNull(value: unknown, zone: string): string | null {
	if (value === null || value === undefined || value === '') return null;
	return parseDate(value, zone)?.toUTC().toISO({ suppressMilliseconds: true }) ?? null;
}

export function textOrNull(value: unknown): string | null {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The fields every vendor's mapper fills the same way. */
export function normalizedTask(
	vendor: TaskVendor,
	raw: IDataObject,
	fields: TaskFields,
): NormalizedTask {
	return {
		...fields,
		vendor,
		reference: taskReference(vendor, fields.id),
		links: linksIn(raw, { vendor, id: fields.id }),
		raw,
	};
}
