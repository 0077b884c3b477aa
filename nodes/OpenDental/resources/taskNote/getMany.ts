import { filtersCollection } from '../../../shared/collectionFields';
import { sentInQuery } from '../../../shared/fieldRouting';
import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { OPEN_DENTAL_PATHS } from '../../api';
import { optionalNumber, taskNumField, taskPickerField, userField } from '../../fields';

/** The Task Number filter, in either form. */
const taskFilter = {
	required: false,
	description: 'Only notes on this task',
	routing: sentInQuery('TaskNum'),
};

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many task notes',
	description: 'The notes of a task, of a user, or both',
	fields: [
		...returnAllAndLimitFields,
		filtersCollection([
			// Version 1's typed Task Number, kept for the workflows saved with it; from version 2 the task picker.
			{ ...taskNumField, ...taskFilter, displayOptions: { show: { '@version': [1] } } },
			{
				...taskPickerField,
				...taskFilter,
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
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
