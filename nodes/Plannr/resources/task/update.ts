import type { INodeProperties } from 'n8n-workflow';
import {
	refuseEmptyUpdate,
	sendUpdateFields,
	someUpdateField,
	updateFieldsCollection,
} from '../../../shared/collectionFields';
import { nameField } from '../../../shared/commonFields';
import { defineOperation } from '../../../shared/operation';
import { MAX_TASK_NAME_LENGTH } from '../../vocabulary';
import {
	optionalTaskFieldRules,
	optionalTaskFields,
	statusField,
	taskUuidField,
	taskUuidRules,
	taskableTypeField,
	taskableUuidField,
	toTask,
} from './fields';
import { requireLinkedRecordWithType, shapeTaskBody } from './shapes';

/** Each with the body property it is sent as; sent by `build` from the values the checks read. */
const updateFieldOptions: INodeProperties[] = [
	...optionalTaskFields,
	{
		...taskableTypeField,
		description: 'What kind of record the task belongs to. Set Linked Record UUID with it.',
	},
	{ ...taskableUuidField },
	nameField,
	statusField,
];

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task',
	description: 'Change only the fields you add; the others stay as they are',
	fields: [
		taskUuidField,
		updateFieldsCollection(
			updateFieldOptions,
			'Only the fields added here are sent; everything else on the task stays as it is',
		),
	],
	rules: [
		...taskUuidRules,
		someUpdateField,
		{ path: 'updateFields.name', label: 'Name', kind: 'notBlankWhenGiven' },
		{ path: 'updateFields.name', label: 'Name', kind: 'maxLength', max: MAX_TASK_NAME_LENGTH },
		{ path: 'updateFields.taskableUuid', label: 'Linked Record UUID', kind: 'notBlankWhenGiven' },
		{ path: 'updateFields.taskableUuid', label: 'Linked Record UUID', kind: 'uuid' },
		{ path: 'updateFields.taskStatusUuid', label: 'Status', kind: 'notBlankWhenGiven' },
		{ path: 'updateFields.taskStatusUuid', label: 'Status', kind: 'uuid' },
		...optionalTaskFieldRules('updateFields'),
	],
	request: {
		method: 'PUT',
		build: sendUpdateFields(updateFieldOptions, toTask()),
		preSend: [
			requireLinkedRecordWithType,
			shapeTaskBody,
			refuseEmptyUpdate('Add at least one field with a value under "Update Fields"'),
		],
	},
	outputsTasks: true,
});
