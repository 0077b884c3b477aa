import {
	sendUpdateFields,
	someUpdateField,
	updateFieldsCollection,
} from '../../../shared/collectionFields';
import { descriptionField } from '../../../shared/commonFields';
import { defineOperation } from '../../../shared/operation';
import { clientField, patientField, pickerRules } from '../../pickers';
import {
	referenceTimeField,
	statusField,
	taskIdField,
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
	descriptionField,
	patientField,
	referenceTimeField,
	statusField,
	taskTypeField,
	titleField,
];

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a staff task',
	description: 'Change only the fields you add; the others stay as they are',
	fields: [
		taskIdField,
		updateFieldsCollection(
			updateFieldOptions,
			'Only the fields added here are sent; everything else on the task stays as it is',
		),
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
