import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { parseDate } from '../../../shared/dates';
import { returnAllAndLimit } from '../../../shared/listFields';
import { fieldRefusal, notOneOfProblem } from '../../../shared/validation';
import { MILEAPP_TASK_STATUSES } from '../../transport';
import { readEmails, readId } from './body';

const show = { resource: ['task'], operation: ['getMany'] };

const TIME_BY = [
	{ name: 'Created Time', value: 'createdTime' },
	{ name: 'Done Time', value: 'doneTime' },
	{ name: 'End Time', value: 'endTime' },
	{ name: 'Start Time', value: 'startTime' },
];
const SORT_BY = [
	{ name: 'Created Time', value: 'createdTime' },
	{ name: 'Done Time', value: 'doneTime' },
	{ name: 'Order', value: 'orderIndex' },
	{ name: 'Start Time', value: 'startTime' },
];
const SORT_ORDER = [
	{ name: 'Ascending', value: 'asc' },
	{ name: 'Descending', value: 'desc' },
];
const STATUSES = MILEAPP_TASK_STATUSES.map((status) => ({
	name: status.charAt(0) + status.slice(1).toLowerCase(),
	value: status,
}));

/** The text filters, each with its label in the editor. */
const TEXT_FILTERS = [
	['flow', 'Flow'],
	['hubId', 'Hub ID'],
	['status', 'Status'],
	['assignee', 'Assignee Email'],
] as const;

/** The choices of each options filter and option, with its label in the editor. */
const CHOICES = [
	['filters', 'status', 'Status', STATUSES],
	['filters', 'timeBy', 'Time By', TIME_BY],
	['options', 'sortBy', 'Sort By', SORT_BY],
	['options', 'sortOrder', 'Sort Order', SORT_ORDER],
] as const;

export const getManyDescription: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Assignee Email',
				name: 'assignee',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Flow',
				name: 'flow',
				type: 'string',
				default: '',
				description: "The flow's name",
			},
			{ displayName: 'Hub ID', name: 'hubId', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUSES,
				default: 'UNASSIGNED',
			},
			{
				displayName: 'Time By',
				name: 'timeBy',
				type: 'options',
				options: TIME_BY,
				default: 'createdTime',
				description: 'Which time of a task Time From and Time To apply to',
			},
			{
				displayName: 'Time From',
				name: 'timeFrom',
				type: 'dateTime',
				default: '',
				description: 'Only tasks whose chosen time (Time By) is at or after this',
			},
			{
				displayName: 'Time To',
				name: 'timeTo',
				type: 'dateTime',
				default: '',
				description: 'Only tasks whose chosen time (Time By) is at or before this',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				options: SORT_BY,
				default: 'createdTime',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: SORT_ORDER,
				default: 'desc',
			},
		],
	},
];

/** A declarative preSend step: the filters and sort as GET /tasks takes them; times as `Y-m-d H:i:s` in the workflow's zone. */
export async function taskQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const refuse = (message: string, label: string) =>
		fieldRefusal(this.getNode(), this.getItemIndex(), message, label);
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	for (const [key, label] of TEXT_FILTERS) {
		if (filters[key] === undefined) continue;
		const value = readId(this, filters[key], label);
		if (value === '') throw refuse(`"${label}" was added but left empty`, label);
		qs[key] = value;
	}
	if (qs.assignee !== undefined) readEmails(this, qs.assignee, 'Assignee Email');
	for (const [collection, key, label, choices] of CHOICES) {
		const value = (collection === 'filters' ? filters : options)[key];
		const problem =
			value === undefined
				? undefined
				: notOneOfProblem(
						label,
						choices.map((choice) => choice.value),
						value,
					);
		if (problem) throw refuse(problem, label);
	}
	for (const [key, label] of [
		['timeFrom', 'Time From'],
		['timeTo', 'Time To'],
	] as const) {
		if (filters[key] === undefined || filters[key] === '') continue;
		const time = parseDate(filters[key], this.getTimezone());
		if (!time)
			throw fieldRefusal(
				this.getNode(),
				this.getItemIndex(),
				`"${label}" is not a valid date and time (got "${String(filters[key])}")`,
				label,
			);
		qs[key] = time.setZone(this.getTimezone()).toFormat('yyyy-MM-dd HH:mm:ss');
	}
	if (qs.timeFrom !== undefined || qs.timeTo !== undefined)
		qs.timeBy = filters.timeBy ?? 'createdTime';
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;
	requestOptions.qs = qs;
	return requestOptions;
}
