import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { parseDate } from '../../../shared/dates';
import { returnAllAndLimit } from '../../../shared/listFields';
import { fieldRefusal } from '../../../shared/validation';
import { MILEAPP_TASK_STATUSES } from '../../transport';

const show = { resource: ['task'], operation: ['getMany'] };

const TIME_BY = [
	{ name: 'Created Time', value: 'createdTime' },
	{ name: 'Done Time', value: 'doneTime' },
	{ name: 'End Time', value: 'endTime' },
	{ name: 'Start Time', value: 'startTime' },
];

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
			{ displayName: 'Assignee Email', name: 'assignee', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Flow', name: 'flow', type: 'string', default: '', description: 'The flow\'s name' },
			{ displayName: 'Hub ID', name: 'hubId', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: MILEAPP_TASK_STATUSES.map((status) => ({ name: status.charAt(0) + status.slice(1).toLowerCase(), value: status })),
				default: 'UNASSIGNED',
			},
			{ displayName: 'Time By', name: 'timeBy', type: 'options', options: TIME_BY, default: 'createdTime', description: 'Which time of a task Time From and Time To apply to' },
			{ displayName: 'Time From', name: 'timeFrom', type: 'dateTime', default: '', description: 'Only tasks whose chosen time (Time By) is at or after this' },
			{ displayName: 'Time To', name: 'timeTo', type: 'dateTime', default: '', description: 'Only tasks whose chosen time (Time By) is at or before this' },
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
				options: [
					{ name: 'Created Time', value: 'createdTime' },
					{ name: 'Done Time', value: 'doneTime' },
					{ name: 'Order', value: 'orderIndex' },
					{ name: 'Start Time', value: 'startTime' },
				],
				default: 'createdTime',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
			},
		],
	},
];

/** A declarative preSend step: the filters and sort as GET /tasks takes them; times as `Y-m-d H:i:s` in the workflow's zone. */
export async function taskQuery(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	for (const key of ['flow', 'hubId', 'status', 'assignee']) {
		const value = filters[key];
		if (value === undefined) continue;
		if (String(value).trim() === '') throw fieldRefusal(this.getNode(), this.getItemIndex(), `Filter "${key}" was added but left empty`, key);
		qs[key] = String(value).trim();
	}
	for (const [key, label] of [['timeFrom', 'Time From'], ['timeTo', 'Time To']] as const) {
		if (filters[key] === undefined || filters[key] === '') continue;
		const time = parseDate(filters[key], this.getTimezone());
		if (!time) throw fieldRefusal(this.getNode(), this.getItemIndex(), `"${label}" is not a valid date and time (got "${String(filters[key])}")`, label);
		qs[key] = time.setZone(this.getTimezone()).toFormat('yyyy-MM-dd HH:mm:ss');
	}
	if (qs.timeFrom !== undefined || qs.timeTo !== undefined) qs.timeBy = filters.timeBy ?? 'createdTime';
	if (options.sortBy) qs.sortBy = options.sortBy;
	if (options.sortOrder) qs.sortOrder = options.sortOrder;
	requestOptions.qs = qs;
	return requestOptions;
}
