import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';
import type { TaskMapper } from './normalizedTask';
import type { FieldRule } from './validation';

/**
 * The Output choice of every node that outputs tasks: in n8n's words from node version 2 (Simplified, the
 * default: the normalized task; Raw: the vendor's record; Selected Fields), and version 1's (Normalized Task,
 * with the raw record; Vendor Fields, the default) kept for the workflows saved with it.
 */

export const OUTPUT_FORMAT_PARAMETER = 'outputFormat';
export const OUTPUT_FIELDS_PARAMETER = 'outputFields';

/** The node version whose Output choice uses n8n's words (Simplified, Raw, Selected Fields). */
export const OUTPUT_CHOICE_VERSION = 2;

/** Version 1's choice, kept for the workflows saved with it: shown and run as they were. */
function firstOutputProperty(vendorName: string, show: IDisplayOptions['show']): INodeProperties {
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
		displayOptions: { show: { ...show, '@version': [1] } },
	};
}

/** The Output choice in n8n's words, from OUTPUT_CHOICE_VERSION on: Simplified by default. */
function outputProperties(vendorName: string, show: IDisplayOptions['show']): INodeProperties[] {
	const fromVersion = { '@version': [{ _cnd: { gte: OUTPUT_CHOICE_VERSION } }] };
	return [
		{
			displayName: 'Output',
			name: OUTPUT_FORMAT_PARAMETER,
			type: 'options',
			options: [
				{
					name: 'Simplified',
					value: 'simplified',
					description:
						'The same fields for every vendor of this pack: ID, title, description, status (open, in progress, done, canceled), times in ISO 8601, assignees, subject, reference and links',
				},
				{
					name: 'Raw',
					value: 'raw',
					description: `Each task exactly as ${vendorName} returns it`,
				},
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'Only the fields named below',
				},
			],
			default: 'simplified',
			displayOptions: { show: { ...show, ...fromVersion } },
		},
		{
			displayName: 'Fields',
			name: OUTPUT_FIELDS_PARAMETER,
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. title, status, dueAt, assignees',
			description: `Names of fields to output, separated by commas: those of the Simplified output, or any of ${vendorName}'s own`,
			displayOptions: {
				show: { ...show, ...fromVersion, [OUTPUT_FORMAT_PARAMETER]: ['selected'] },
			},
		},
	];
}

/** The Output choice, for a node of either version (the editor shows the one of the node's version). */
export function taskOutputProperties(
	vendorName: string,
	show: IDisplayOptions['show'] = {},
): INodeProperties[] {
	return [firstOutputProperty(vendorName, show), ...outputProperties(vendorName, show)];
}

/** What the node's Output choice asks for: the format, and the fields when it is Selected Fields. */
export interface TaskOutput {
	format: unknown;
	fields?: unknown;
}

/** One record as the Output choice shapes it. */
function shapeTask(
	record: IDataObject,
	output: TaskOutput,
	mapper: TaskMapper,
	zone: string,
): IDataObject {
	switch (output.format) {
		case 'normalized': // version 1: the normalized task with the raw record
			return mapper(record, zone);
		case 'simplified':
			return simplifiedTask(mapper(record, zone));
		case 'selected': {
			const simplified = simplifiedTask(mapper(record, zone));
			const picked: IDataObject = {};
			for (const name of fieldNames(output.fields)) {
				if (name in simplified) picked[name] = simplified[name];
				else if (name in record) picked[name] = record[name];
			}
			return picked;
		}
		default: // 'raw', and version 1's 'vendor'
			return record;
	}
}

/** The normalized task without the vendor's record. */
function simplifiedTask(task: IDataObject): IDataObject {
	const simplified = { ...task };
	delete simplified.raw;
	return simplified;
}

/** "id, title , status" → ['id', 'title', 'status']. */
function fieldNames(fields: unknown): string[] {
	return String(fields ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

/** Items shaped as the Output choice asks; items that only carry an error pass unchanged. */
export function applyTaskOutput(
	items: INodeExecutionData[],
	output: TaskOutput,
	mapper: TaskMapper,
	zone: string,
): INodeExecutionData[] {
	if (output.format === 'raw' || output.format === 'vendor') return items;
	return items.map((item) =>
		item.json.error !== undefined && Object.keys(item.json).length === 1
			? item
			: { ...item, json: shapeTask(item.json, output, mapper, zone) },
	);
}

/** The Output choice as a node reads it (its second argument is the item index where there is one). */
export function taskOutputOf(read: (name: string, fallback: string) => unknown): TaskOutput {
	const format = read(OUTPUT_FORMAT_PARAMETER, 'vendor');
	return { format, fields: format === 'selected' ? read(OUTPUT_FIELDS_PARAMETER, '') : undefined };
}

/** A declarative postReceive step: the tasks shaped as the node's Output asks. */
export function normalizeWhenAsked(mapper: TaskMapper): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return applyTaskOutput(
			items,
			taskOutputOf((name, fallback) => this.getNodeParameter(name, fallback)),
			mapper,
			this.getTimezone(),
		);
	};
}

/**
 * A trigger's Output choice, applied the same way by every trigger: a record to its item's JSON, shaped as
 * the Output choice asks.
 */
export function chosenTaskOutput(
	trigger: { getNodeParameter(name: string, fallback: string): unknown; getTimezone(): string },
	mapper: TaskMapper,
): (record: IDataObject) => IDataObject {
	const output = taskOutputOf((name, fallback) => trigger.getNodeParameter(name, fallback));
	if (output.format === 'raw' || output.format === 'vendor') return (record) => record;
	if (output.format === 'selected' && fieldNames(output.fields).length === 0)
		throw new Error(
			'"Fields" is required when "Output" is Selected Fields: name the fields to output',
		);
	const zone = trigger.getTimezone();
	return (record) => shapeTask(record, output, mapper, zone);
}

/** The check every operation that outputs tasks makes before its request: Selected Fields names some. */
export const TASK_OUTPUT_RULES: FieldRule[] = [
	{
		path: OUTPUT_FIELDS_PARAMETER,
		label: 'Fields',
		kind: 'requiredWhen',
		otherPath: OUTPUT_FORMAT_PARAMETER,
		otherLabel: 'Output',
		when: 'selected',
		whenLabel: 'Selected Fields',
	},
];
