import { sentInQuery } from '../../../shared/fieldRouting';
import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { OPEN_DENTAL_PATHS } from '../../api';
import { TASK_LIST_STATUSES } from '../../vocabulary';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many task lists',
	fields: [
		{
			displayName: 'Status',
			name: 'taskListStatus',
			type: 'options',
			options: TASK_LIST_STATUSES,
			default: 'Active',
			description: 'Open Dental lists active and archived task lists separately',
			routing: sentInQuery('TaskListStatus'),
		},
		...returnAllAndLimitFields,
	],
	rules: [limitRule],
	request: { method: 'GET', url: OPEN_DENTAL_PATHS.taskLists, paged: true },
});
