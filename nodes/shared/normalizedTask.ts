import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';
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

/** The "Output" choice: the vendor's own fields (the default, as before), or the normalized task. */
export function taskOutputProperty(
	vendorName: string,
	show?: IDisplayOptions['show'],
): INodeProperties {
	return {
		displayName: 'Output',
		name: OUTPUT_FORMAT_PARAMETER,
		type: 'options',
		options: [
			{
				name: 'Normalized Task',
				value: 'normalized',
				description:
					'The same fields for every vendor of this pack: ID, title, description, status (open, in progress, done, canceled), times in ISO 8601, assignees, subject, reference and links, and the raw record',
			},
			{
				name: 'Vendor Fields',
				value: 'vendor',
				description: `Each task exactly as ${vendorName} returns it`,
			},
		],
		default: 'vendor',
		...(show ? { displayOptions: { show } } : {}),
	};
}

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

/** Whether an Output value asks for normalized tasks. */
function isNormalizedOutput(format: unknown): boolean {
	return format === 'normalized';
}

/** Items as they are, or each one's task normalized; items that only carry an error pass unchanged. */
export function applyTaskOutput(
	items: INodeExecutionData[],
	format: unknown,
	mapper: TaskMapper,
	zone: string,
): INodeExecutionData[] {
	if (!isNormalizedOutput(format)) return items;
	return items.map((item) =>
		item.json.error !== undefined && Object.keys(item.json).length === 1
			? item
			: { ...item, json: mapper(item.json, zone) },
	);
}

/** A declarative postReceive step: the tasks normalized when the node's Output asks for it. */
export function normalizeWhenAsked(mapper: TaskMapper): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return applyTaskOutput(
			items,
			this.getNodeParameter(OUTPUT_FORMAT_PARAMETER, 'vendor'),
			mapper,
			this.getTimezone(),
		);
	};
}

/**
 * A trigger's Output choice, applied the same way by every trigger: a record to its item's JSON, as the
 * vendor gave it, or as the normalized task.
 */
export function chosenTaskOutput(
	trigger: { getNodeParameter(name: string, fallback: string): unknown; getTimezone(): string },
	mapper: TaskMapper,
): (record: IDataObject) => IDataObject {
	if (!isNormalizedOutput(trigger.getNodeParameter(OUTPUT_FORMAT_PARAMETER, 'vendor')))
		return (record) => record;
	const zone = trigger.getTimezone();
	return (record) => mapper(record, zone);
}
