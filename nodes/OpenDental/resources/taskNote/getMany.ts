import { filtersCollection } from '../../../shared/collectionFields';
import { sentInQuery } from '../../../shared/fieldRouting';
import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { OPEN_DENTAL_PATHS } from '../../api';
import { optionalNumber, taskNumField, userField } from '../../fields';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many task notes',
	description: 'The notes of a task, of a user, or both',
	fields: [
		...returnAllAndLimitFields,
		filtersCollection([
			{
				...taskNumField,
				required: false,
				description: 'Only notes on this task',
				routing: sentInQuery('TaskNum'),
			},
			{ ...userField, description: 'Only notes by this user', routing: sentInQuery('UserNum') },
		]),
	],
	rules: [
		limitRule,
		// Added but left empty, a filter would be sent empty, which Open Dental refuses.
		...optionalNumber('filters.taskNum', 'Task Number'),
		...optionalNumber('filters.userNum', 'User'),
	],
	request: { method: 'GET', url: OPEN_DENTAL_PATHS.taskNotes, paged: true },
});
