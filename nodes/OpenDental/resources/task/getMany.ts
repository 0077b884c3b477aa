import { filtersCollection } from '../../../shared/collectionFields';
import { sentInQuery } from '../../../shared/fieldRouting';
import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { OPEN_DENTAL_PATHS } from '../../api';
import { optionalNumber } from '../../fields';
import { sendInOfficeTime } from '../../requests';
import { DEFAULT_CREATED_WINDOW_DAYS } from '../../vocabulary';
import { attachmentRules, statusField, taskFilterFields } from './fields';

const window = `the previous ${DEFAULT_CREATED_WINDOW_DAYS} days`;
const filterFields = taskFilterFields(sentInQuery);

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tasks',
	description: `Tasks created in ${window}, unless filtered by creation time`,
	fields: [
		{
			displayName: `Open Dental returns only tasks created in ${window} unless you add the "Created After" filter`,
			name: 'createdWindowNotice',
			type: 'notice',
			default: '',
		},
		...returnAllAndLimitFields,
		filtersCollection([
			filterFields.attachedTo,
			{
				displayName: 'Created After',
				name: 'dateTimeOriginal',
				type: 'dateTime',
				default: '',
				description: `Only tasks created after this time (DateTimeOriginal). Without it, ${window}.`,
				routing: sentInQuery('DateTimeOriginal'),
			},
			filterFields.keyNum,
			{
				...statusField,
				description: 'Only tasks with this status',
				routing: sentInQuery('TaskStatus'),
			},
			filterFields.taskList,
		]),
	],
	rules: [
		limitRule,
		// Added but left unchosen, it would be sent as an empty TaskListNum, which Open Dental refuses.
		...optionalNumber('filters.taskListNum', 'Task List'),
		...attachmentRules('filters'),
	],
	request: {
		method: 'GET',
		url: OPEN_DENTAL_PATHS.tasks,
		paged: true,
		preSend: [sendInOfficeTime('qs', 'DateTimeOriginal')],
	},
	outputsTasks: true,
});
