import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { sendCollection, unrouted } from '../../../shared/collectionBody';
import { defineOperation } from '../../../shared/operation';
import { PLANNR_PATHS } from '../../api';
import { urlSegment } from '../task/fields';
import {
	statusColourField,
	statusDetailRules,
	statusNameField,
	statusPositionField,
} from './fields';

const updateFieldOptions: INodeProperties[] = [
	statusColourField,
	statusNameField,
	statusPositionField,
];

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a task status',
	description:
		'Change only the fields you add. Plannr lets a completed-type status change its position only.',
	fields: [
		{
			displayName: 'Status Name or ID',
			name: 'statusUuid',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getStatuses' },
			required: true,
			default: '',
			description:
				'The status to change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
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
		{ path: 'statusUuid', label: 'Status', kind: 'required' },
		{ path: 'statusUuid', label: 'Status', kind: 'uuid' },
		{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
		{ path: 'updateFields.name', label: 'Name', kind: 'notBlankWhenGiven' },
		{ path: 'updateFields.name', label: 'Name', kind: 'text' },
		...statusDetailRules('updateFields', true),
	],
	request: {
		method: 'PUT',
		build: async function (valueOf, requestOptions) {
			const options = await sendCollection.call(this, updateFieldOptions, valueOf('updateFields'), {
				...requestOptions,
				url: `${PLANNR_PATHS.taskStatuses}/${urlSegment(valueOf('statusUuid'))}`,
			});
			const body = { ...(options.body as IDataObject) };
			// Documented as an integer: a mapped "3" (checked whole above) is sent as 3.
			if (body.position !== undefined) body.position = Number(String(body.position).trim());
			return { ...options, body };
		},
	},
});
