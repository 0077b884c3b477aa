import type { INodeProperties } from 'n8n-workflow';
import {
	onlyAddedFieldsUpdate,
	refuseEmptyUpdate,
	sendUpdateFields,
	someUpdateField,
	updateFieldsCollection,
} from '../../../shared/collectionFields';
import { nameField } from '../../../shared/commonFields';
import { defineOperation } from '../../../shared/operation';
import { optionalAs } from '../../../shared/validation';
import { MAX_TASK_NAME_LENGTH } from '../../vocabulary';
import {
	linkedRecordPicker,
	optionalTaskFieldRules,
	optionalTaskFields,
	statusField,
	taskUuidField,
	taskUuidRules,
	taskableTypeField,
	taskableUuidField,
	toTask,
} from './fields';
import { optionalVersionedIdFields } from '../../../shared/recordPicker';
import { keepUnnamedValues, UPDATE_FIELDS_HELP, UPDATE_KEEPS_CURRENT_VALUES } from './keepCurrent';
import { requireLinkedRecordWithType, shapeTaskBody } from './shapes';

/** Each with the body property it is sent as; sent by `build` from the values the checks read. */
const updateFieldOptions: INodeProperties[] = [
	...optionalTaskFields,
	{
		...taskableTypeField,
		description: 'What kind of record the task belongs to. Set Linked Record UUID with it.',
	},
	...optionalVersionedIdFields(taskableUuidField, linkedRecordPicker),
	nameField,
	statusField,
];

export const update = defineOperation({
	...onlyAddedFieldsUpdate('a task'),
	description: UPDATE_KEEPS_CURRENT_VALUES,
	fields: [taskUuidField, updateFieldsCollection(updateFieldOptions, UPDATE_FIELDS_HELP)],
	rules: [
		...taskUuidRules,
		someUpdateField,
		{ path: 'updateFields.name', label: 'Name', kind: 'notBlankWhenGiven' },
		{ path: 'updateFields.name', label: 'Name', kind: 'maxLength', max: MAX_TASK_NAME_LENGTH },
		...optionalAs('uuid', 'updateFields.taskableUuid', 'Linked Record UUID'),
		...optionalAs('uuid', 'updateFields.taskStatusUuid', 'Status'),
		...optionalTaskFieldRules('updateFields'),
	],
	request: {
		method: 'PUT',
		build: sendUpdateFields(updateFieldOptions, toTask()),
		preSend: [
			requireLinkedRecordWithType,
			shapeTaskBody,
			refuseEmptyUpdate('Add at least one field with a value under "Update Fields"'),
			keepUnnamedValues,
		],
	},
	outputsTasks: true,
});
