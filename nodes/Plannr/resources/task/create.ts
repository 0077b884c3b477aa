import { additionalFieldsCollection } from '../../../shared/collectionFields';
import { nameField } from '../../../shared/commonFields';
import { defineOperation } from '../../../shared/operation';
import { versionedIdFields } from '../../../shared/recordPicker';
import { requiredAs } from '../../../shared/validation';
import { PLANNR_PATHS } from '../../api';
import { MAX_TASK_NAME_LENGTH } from '../../vocabulary';
import {
	optionalTaskFieldRules,
	optionalTaskFields,
	statusField,
	linkedRecordPicker,
	taskableTypeField,
	taskableUuidField,
} from './fields';
import { shapeTaskBody } from './shapes';

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a task',
	fields: [
		{ ...nameField, required: true, placeholder: 'e.g. Check details' },
		{ ...taskableTypeField, required: true },
		// Version 1's typed Linked Record UUID; from version 2 the linked record picker.
		...versionedIdFields(
			{ ...taskableUuidField, required: true },
			{ ...linkedRecordPicker, routing: taskableUuidField.routing },
		),
		{ ...statusField, required: true },
		additionalFieldsCollection(optionalTaskFields),
	],
	rules: [
		{ path: 'name', label: 'Name', kind: 'required' },
		{ path: 'name', label: 'Name', kind: 'maxLength', max: MAX_TASK_NAME_LENGTH },
		{ path: 'taskableType', label: 'Linked To', kind: 'required' },
		...requiredAs('uuid', 'taskableUuid', 'Linked Record UUID'),
		...requiredAs('uuid', 'taskStatusUuid', 'Status'),
		...optionalTaskFieldRules('additionalFields'),
	],
	request: { method: 'POST', url: PLANNR_PATHS.tasks, preSend: [shapeTaskBody] },
	outputsTasks: true,
});
