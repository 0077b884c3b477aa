import { additionalFieldsCollection } from '../../../shared/collectionFields';
import { defineOperation } from '../../../shared/operation';
import { OPEN_DENTAL_PATHS } from '../../api';
import { authorField, requiredNumber } from '../../fields';
import { sendInOfficeTime } from '../../requests';
import {
	descriptionField,
	optionalTaskFieldRules,
	optionalTaskFields,
	taskListField,
} from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task',
	fields: [
		{ ...taskListField, required: true },
		{
			...descriptionField,
			required: true,
			placeholder: 'e.g. Verify insurance before the next appointment',
		},
		authorField('Created By', 'task'),
		additionalFieldsCollection(optionalTaskFields),
	],
	rules: [
		...requiredNumber('taskListNum', 'Task List'),
		{ path: 'descript', label: 'Description', kind: 'required' },
		...requiredNumber('userNum', 'Created By'),
		...optionalTaskFieldRules('additionalFields'),
	],
	request: {
		method: 'POST',
		url: OPEN_DENTAL_PATHS.tasks,
		preSend: [sendInOfficeTime('body', 'DateTimeEntry')],
	},
	outputsTasks: true,
});
