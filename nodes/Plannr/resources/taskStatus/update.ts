import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { sendCollection } from '../../../shared/collectionBody';
import { someUpdateField, updateFieldsCollection } from '../../../shared/collectionFields';
import { listedOptionsField } from '../../../shared/listedOptions';
import { defineOperation } from '../../../shared/operation';
import { requiredAs } from '../../../shared/validation';
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
		listedOptionsField({
			thing: 'Status',
			name: 'statusUuid',
			loadOptionsMethod: 'getStatuses',
			required: true,
			purpose: 'The status to change.',
		}),
		updateFieldsCollection(updateFieldOptions, 'Only the fields added here are sent'),
	],
	rules: [
		...requiredAs('uuid', 'statusUuid', 'Status'),
		someUpdateField,
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
