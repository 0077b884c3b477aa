import { filtersCollection } from '../../../shared/collectionFields';
import { sentInQuery } from '../../../shared/fieldRouting';
import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { OLIVER_PATHS } from '../../api';
import { statusField } from './fields';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many staff tasks',
	fields: [
		...returnAllAndLimitFields,
		filtersCollection([
			{
				...statusField,
				description: 'Only tasks with this status',
				routing: sentInQuery('status'),
			},
		]),
	],
	rules: [limitRule],
	request: { method: 'GET', url: OLIVER_PATHS.staffTasks, paged: true },
	outputsTasks: true,
});
