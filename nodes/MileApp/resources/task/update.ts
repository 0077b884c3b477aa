import type { INodeProperties } from 'n8n-workflow';
import { sendCollection, unrouted } from '../../../shared/collectionBody';
import { defineOperation } from '../../../shared/operation';
import { flowField, flowRules } from '../../locators';
import { endTimeField, sentAs, startTimeField, taskIdField, taskIdRules, taskPath } from './fields';
import { flowFieldsMapper, flowFieldValues } from './flowFields';
import { refuseEmptyUpdate, shapeTaskBody } from './shapes';

/** Sent by `build` (sendCollection), beside the flow fields given, from the values the checks read. */
const updateFieldOptions: INodeProperties[] = [
	endTimeField,
	{
		displayName: 'Hub ID',
		name: 'hubId',
		type: 'string',
		default: '',
		description: 'Move the task to this hub',
		routing: sentAs('hubId'),
	},
	startTimeField,
];

/** A PATCH of only the fields given: MileApp's PUT (Replace) would drop every field it is not sent. */
export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task',
	description: 'Change only the fields given; the others stay',
	fields: [
		taskIdField,
		{ ...flowField, description: "The task's flow, to list its fields below; it is not changed" },
		flowFieldsMapper(
			'Only the fields given a value are sent; every other field of the task stays as it is',
		),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are sent',
			options: unrouted(updateFieldOptions),
		},
	],
	rules: [
		...taskIdRules,
		// Not sent (a PATCH names no flow), but the flow fields above are the ones it lists.
		...flowRules,
		{ path: 'updateFields.hubId', label: 'Hub ID', kind: 'text' },
	],
	request: {
		method: 'PATCH',
		build: async function (valueOf, requestOptions) {
			return await sendCollection.call(this, updateFieldOptions, valueOf('updateFields'), {
				...requestOptions,
				url: taskPath(valueOf),
				body: flowFieldValues(this, valueOf('flowFields'), false),
			});
		},
		preSend: [shapeTaskBody, refuseEmptyUpdate],
	},
	outputsTasks: true,
});
