import type { INodeProperties } from 'n8n-workflow';
import { sendCollection, unrouted } from '../../../shared/collectionBody';
import { defineOperation } from '../../../shared/operation';
import { MAX_TASK_NAME_LENGTH } from '../../vocabulary';
import {
	nameField,
	optionalTaskFieldRules,
	optionalTaskFields,
	statusField,
	taskPath,
	taskUuidField,
	taskUuidRules,
	taskableTypeField,
	taskableUuidField,
} from './fields';
import { refuseEmptyUpdate, requireLinkedRecordWithType, shapeTaskBody } from './shapes';

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
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Only the fields added here are sent; everything else on the task stays as it is',
			options: unrouted(updateFieldOptions),
		},
	],
	rules: [
		...taskUuidRules,
		{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
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
		build: async function (valueOf, requestOptions) {
			return await sendCollection.call(this, updateFieldOptions, valueOf('updateFields'), {
				...requestOptions,
				url: taskPath(valueOf),
			});
		},
		preSend: [requireLinkedRecordWithType, shapeTaskBody, refuseEmptyUpdate],
	},
	outputsTasks: true,
});
