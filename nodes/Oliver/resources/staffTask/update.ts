import {
	ONLY_ADDED_TASK_FIELDS_SENT,
	onlyAddedFieldsUpdate,
	sendUpdateFields,
	someUpdateField,
	updateFieldsCollection,
} from '../../../shared/collectionFields';
import { defineOperation } from '../../../shared/operation';
import { clientField, patientField, pickerRules } from '../../pickers';
import {
	referenceTimeField,
	statusField,
	taskDescriptionField,
	taskIdFields,
	taskIdRules,
	taskTypeField,
	titleField,
	toTask,
} from './fields';

/**
 * Where each field goes in the body (the reference time as ISO); sent by `build` from the one read the
 * checks made.
 */
const updateFieldOptions = [
	clientField,
	taskDescriptionField,
	patientField,
	referenceTimeField,
	statusField,
	taskTypeField,
	titleField,
];

export const update = defineOperation({
	...onlyAddedFieldsUpdate('a staff task'),
	fields: [
		...taskIdFields,
		updateFieldsCollection(updateFieldOptions, ONLY_ADDED_TASK_FIELDS_SENT),
	],
	rules: [
		...taskIdRules,
		someUpdateField,
		{ path: 'updateFields.title', label: 'Title', kind: 'notBlankWhenGiven' },
		...pickerRules('updateFields'),
	],
	request: { method: 'PUT', build: sendUpdateFields(updateFieldOptions, toTask) },
	outputsTasks: true,
});
