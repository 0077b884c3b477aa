import type { INodeProperties } from 'n8n-workflow';
import {
	refuseEmptyUpdate,
	sendUpdateFields,
	updateFieldsCollection,
} from '../../../shared/collectionFields';
import { sentInBody } from '../../../shared/fieldRouting';
import { defineOperation } from '../../../shared/operation';
import type { BuildFromValues } from '../../../shared/validation';
import { flowField, flowRules, optionalHubIdFields } from '../../locators';
import { endTimeField, startTimeField, taskIdFields, taskIdRules, taskPath } from './fields';
import { flowFieldsMapper, flowFieldValues } from './flowFields';
import { shapeTaskBody } from './shapes';

/** Sent by `build` (sendCollection), beside the flow fields given, from the values the checks read. */
const updateFieldOptions: INodeProperties[] = [
	endTimeField,
	...optionalHubIdFields(
		{
			displayName: 'Hub ID',
			name: 'hubId',
			type: 'string',
			default: '',
			description: 'Move the task to this hub',
			routing: sentInBody('hubId'),
		},
		'Move the task to this hub, picked from MileApp’s hubs (type to search them by name) or given By ID',
	),
	startTimeField,
];

/** The task's URL, and the flow fields given as the body the Update Fields join. */
const toTaskWithFlowFields: BuildFromValues = function (valueOf, requestOptions) {
	const body = flowFieldValues(this, valueOf('flowFields'), false);
	return { ...requestOptions, url: taskPath(valueOf), body };
};

/** A PATCH of only the fields given: MileApp's PUT (Replace) would drop every field it is not sent. */
export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task',
	description: 'Change only the fields given; the others stay',
	fields: [
		...taskIdFields,
		{ ...flowField, description: "The task's flow, to list its fields below; it is not changed" },
		flowFieldsMapper(
			'Only the fields given a value are sent; every other field of the task stays as it is',
		),
		updateFieldsCollection(updateFieldOptions, 'Only the fields added here are sent'),
	],
	rules: [
		...taskIdRules,
		// Not sent (a PATCH names no flow), but the flow fields above are the ones it lists.
		...flowRules,
		{ path: 'updateFields.hubId', label: 'Hub ID', kind: 'text' },
	],
	request: {
		method: 'PATCH',
		build: sendUpdateFields(updateFieldOptions, toTaskWithFlowFields),
		preSend: [
			shapeTaskBody,
			refuseEmptyUpdate('Give at least one flow field or one field under "Update Fields" a value'),
		],
	},
	outputsTasks: true,
});
