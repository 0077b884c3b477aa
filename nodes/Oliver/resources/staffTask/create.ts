import { additionalFieldsCollection } from '../../../shared/collectionFields';
import { defineOperation } from '../../../shared/operation';
import { OLIVER_PATHS } from '../../api';
import { clientField, patientField, pickerRules } from '../../pickers';
import { referenceTimeField, taskDescriptionField, taskTypeField, titleField } from './fields';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a staff task',
	fields: [
		{ ...titleField, required: true, placeholder: 'e.g. Call owner about lab results' },
		additionalFieldsCollection([
			clientField,
			taskDescriptionField,
			patientField,
			referenceTimeField,
			taskTypeField,
		]),
	],
	rules: [{ path: 'title', label: 'Title', kind: 'required' }, ...pickerRules('additionalFields')],
	request: { method: 'POST', url: OLIVER_PATHS.staffTasks },
	outputsTasks: true,
});
