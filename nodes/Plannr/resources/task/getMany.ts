import { filtersCollection, optionsCollection } from '../../../shared/collectionFields';
import { sentInQuery } from '../../../shared/fieldRouting';
import { CHOOSE_ONE, CHOOSE_SEVERAL } from '../../../shared/listedOptions';
import { returnAllAndLimitFields, limitRule } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { PLANNR_PATHS } from '../../api';
import { SUBTASK_VISIBILITIES, TASK_INCLUDES, TASK_SORTS } from '../../vocabulary';
import {
	assigneesField,
	clientPicker,
	DUE_DATE_ZONE_HELP,
	linkedRecordPicker,
	priorityField,
	statusField,
	taskableTypeField,
} from './fields';
import { optionalVersionedIdFields } from '../../../shared/recordPicker';
import { refuseSeveralAssignees, shapeTaskQuery } from './shapes';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tasks',
	fields: [
		...returnAllAndLimitFields,
		filtersCollection([
			{
				...assigneesField,
				description: `Only tasks assigned to this account: pick one. Plannr documents no way to ask for several in this filter, so several are refused before anything is sent; run the node once per assignee instead. ${CHOOSE_SEVERAL}.`,
				// String(): one entry as it is, whether the editor's list or an expression's text.
				routing: sentInQuery('filter[assigned_to_uuids]', '={{ String($value) }}'),
			},
			...optionalVersionedIdFields(
				{
					displayName: 'Client UUID',
					name: 'clientUuid',
					type: 'string',
					default: '',
					description: 'Only tasks of this client',
					routing: sentInQuery('filter[client_uuid]'),
				},
				clientPicker,
			),
			{
				displayName: 'Due After',
				name: 'dueAfter',
				type: 'dateTime',
				default: '',
				description: DUE_DATE_ZONE_HELP,
				routing: sentInQuery('filter[due_after]'),
			},
			{
				displayName: 'Due Before',
				name: 'dueBefore',
				type: 'dateTime',
				default: '',
				description: DUE_DATE_ZONE_HELP,
				routing: sentInQuery('filter[due_before]'),
			},
			{
				displayName: 'Has Due Date',
				name: 'hasDueDate',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only tasks with a due date (on) or only tasks without one (off)',
				routing: sentInQuery('filter[has_due_date]', '={{ $value ? "true" : "false" }}'),
			},
			{
				...taskableTypeField,
				description: 'Only tasks linked to this kind of record',
				routing: sentInQuery('filter[taskable_type]'),
			},
			...optionalVersionedIdFields(
				{
					displayName: 'Linked Record UUID',
					name: 'taskableUuid',
					type: 'string',
					default: '',
					routing: sentInQuery('filter[taskable_uuid]'),
				},
				linkedRecordPicker,
			),
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description:
					'Only tasks with this name; Plannr does not document whether part of a name also matches, so enter the whole name',
				routing: sentInQuery('filter[name]'),
			},
			{
				displayName: 'Open Tasks Only',
				name: 'openTasks',
				type: 'boolean',
				default: true,
				description: 'Whether to return only tasks that are not completed',
				// Sent only when on: what filter[open_tasks]=false does is undocumented (it could list only closed tasks).
				routing: sentInQuery('filter[open_tasks]', '={{ $value ? "true" : undefined }}'),
			},
			{
				...priorityField,
				description: 'Only tasks with this priority',
				routing: sentInQuery('filter[priority]'),
			},
			{
				...statusField,
				description: `Only tasks with this status. ${CHOOSE_ONE}.`,
				routing: sentInQuery('filter[status_uuid]'),
			},
			{
				displayName: 'Sub-Tasks',
				name: 'subtaskVisibility',
				type: 'options',
				options: SUBTASK_VISIBILITIES,
				default: 'include',
				description: 'Whether sub-tasks are listed (not added: Plannr’s own default)',
				routing: sentInQuery('filter[subtask_visibility]'),
			},
			{
				displayName: 'Unassigned Sub-Tasks',
				name: 'unassignedSubtaskVisibility',
				type: 'options',
				options: SUBTASK_VISIBILITIES,
				default: 'include',
				description:
					'Whether sub-tasks assigned to no one are listed (not added: Plannr’s own default)',
				routing: sentInQuery('filter[unassigned_subtask_visibility]'),
			},
		]),
		optionsCollection([
			{
				displayName: 'Include',
				name: 'include',
				type: 'multiOptions',
				options: TASK_INCLUDES,
				default: [],
				description: 'Related records to return with each task',
				routing: sentInQuery('include', '={{ $value.join(",") }}'),
			},
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				options: TASK_SORTS,
				default: 'created_at',
				routing: sentInQuery(
					'sort',
					'={{ ($parameter.options.sortDescending ? "-" : "") + $value }}',
				),
			},
			{
				displayName: 'Sort Descending',
				name: 'sortDescending',
				type: 'boolean',
				default: false,
				description: 'Whether to sort from the highest value down (needs Sort By)',
			},
		]),
	],
	rules: [
		limitRule,
		{ path: 'filters.assignedToUuids', label: 'Assignee Names or IDs', kind: 'uuidList' },
		{ path: 'filters.clientUuid', label: 'Client UUID', kind: 'uuid' },
		{ path: 'filters.taskableUuid', label: 'Linked Record UUID', kind: 'uuid' },
		{ path: 'filters.taskStatusUuid', label: 'Status', kind: 'uuid' },
	],
	request: {
		method: 'GET',
		url: PLANNR_PATHS.tasks,
		paged: true,
		preSend: [refuseSeveralAssignees, shapeTaskQuery],
	},
	outputsTasks: true,
});
