import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { filtersCollection, optionsCollection } from '../../../shared/collectionFields';
import { parseDate } from '../../../shared/dates';
import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import {
	fieldRefusal,
	locatorValue,
	type BuildFromValues,
	type FieldRule,
} from '../../../shared/validation';
import { MILEAPP_PATHS } from '../../api';
import { optionalHubIdFields } from '../../locators';
import { SORT_ORDERS, TASK_SORTS, TASK_STATUSES, TASK_TIMES } from '../../vocabulary';
import { emailsIn } from './shapes';

/** The filters sent as they are given (trimmed): each, once added, must hold text. */
const textFilters: INodeProperties[] = [
	{
		displayName: 'Assignee Email',
		name: 'assignee',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
	},
	{
		displayName: 'Flow',
		name: 'flow',
		type: 'string',
		default: '',
		description: "The flow's name",
	},
	...optionalHubIdFields(
		{ displayName: 'Hub ID', name: 'hubId', type: 'string', default: '' },
		'Only tasks of this hub, picked from MileApp’s hubs (type to search them by name) or given By ID',
	),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: TASK_STATUSES,
		default: 'UNASSIGNED',
	},
];
/** The order the query has always carried them in. */
const TEXT_FILTERS_SENT = ['flow', 'hubId', 'status', 'assignee'];

/**
 * Unknown (sheet): the zone MileApp reads `timeFrom`/`timeTo` in (only `Y-m-d H:i:s` is documented). The node assumes
 * the workflow's zone and says so; a picked time is sent as its clock time, unshifted.
 */
const TIME_ZONE_NOTE =
	"Sent as Y-m-d H:i:s in this workflow's time zone (Settings → Timezone): MileApp does not document the zone it reads it in, so set the workflow's zone to your MileApp organization's. A time with another offset is converted to the workflow's zone";

/** No sheet line says whether `timeFrom`/`timeTo` include their bound: the help promises neither. */
const BOUND_NOTE = 'MileApp does not document whether a task exactly at it is included';

const filtersField = filtersCollection([
	...textFilters,
	{
		displayName: 'Time By',
		name: 'timeBy',
		type: 'options',
		options: TASK_TIMES,
		default: 'createdTime',
		description: 'Which time of a task Time From and Time To apply to',
	},
	{
		displayName: 'Time From',
		name: 'timeFrom',
		type: 'dateTime',
		default: '',
		description: `Only tasks whose chosen time (Time By) is from this time on (${BOUND_NOTE}). ${TIME_ZONE_NOTE}.`,
	},
	{
		displayName: 'Time To',
		name: 'timeTo',
		type: 'dateTime',
		default: '',
		description: `Only tasks whose chosen time (Time By) is up to this time (${BOUND_NOTE}). ${TIME_ZONE_NOTE}.`,
	},
]);

const optionsField = optionsCollection([
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: TASK_SORTS,
		default: 'createdTime',
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		options: SORT_ORDERS,
		default: 'desc',
	},
]);

/** Text: not a whole record, a list or true/false mapped in. */
const textFilterRules: FieldRule[] = textFilters.map(({ name, displayName }) => ({
	path: `filters.${name}`,
	label: displayName,
	kind: 'text',
}));

/** Once added, a filter or option other than a time cannot be left blank; their values are checked by their types. */
function notBlankOnceAdded(collection: INodeProperties): FieldRule[] {
	return (collection.options as INodeProperties[])
		.filter((field) => field.type !== 'dateTime')
		.map(({ name, displayName }) => ({
			path: `${collection.name}.${name}`,
			label: displayName,
			kind: 'notBlankWhenGiven',
		}));
}

/** The filters and sort as GET /tasks takes them; times as `Y-m-d H:i:s` in the workflow's zone (TIME_ZONE_NOTE). */
const taskQuery: BuildFromValues = function (valueOf, requestOptions) {
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	for (const name of TEXT_FILTERS_SENT) {
		const value = locatorValue(valueOf(`filters.${name}`));
		if (value !== undefined) qs[name] = value;
	}
	if (qs.assignee !== undefined) {
		// Documented as one email (`assignee` (email)); whether MileApp reads a comma list as several is unknown.
		const emails = emailsIn(this, qs.assignee, 'Assignee Email');
		if (emails.length > 1)
			throw fieldRefusal(
				this.getNode(),
				this.getItemIndex(),
				'"Assignee Email" takes one email: MileApp documents no list for this filter',
				'Assignee Email',
			);
		qs.assignee = emails[0];
	}
	const zone = this.getTimezone();
	for (const key of ['timeFrom', 'timeTo']) {
		const time = parseDate(valueOf(`filters.${key}`), zone);
		if (time) qs[key] = time.setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss');
	}
	if (qs.timeFrom !== undefined || qs.timeTo !== undefined)
		qs.timeBy = valueOf('filters.timeBy') ?? 'createdTime';
	for (const key of ['sortBy', 'sortOrder']) {
		const value = valueOf(`options.${key}`);
		if (value) qs[key] = value;
	}
	return { ...requestOptions, qs };
};

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tasks',
	fields: [...returnAllAndLimitFields, filtersField, optionsField],
	rules: [
		limitRule,
		...textFilterRules,
		...notBlankOnceAdded(filtersField),
		...notBlankOnceAdded(optionsField),
	],
	// One page a request: index.ts follows MileApp's cursor from page to page.
	request: { method: 'GET', url: MILEAPP_PATHS.tasks, build: taskQuery },
	outputsTasks: true,
});
