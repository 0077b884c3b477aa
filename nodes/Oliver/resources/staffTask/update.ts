import { unrouted, sendCollection } from '../../../shared/collectionBody';
import { defineOperation } from '../../../shared/operation';
import type { BuildFromValues } from '../../../shared/validation';
import { clientField, patientField, pickerRules } from '../../pickers';
import {
	descriptionField,
	referenceTimeField,
	statusField,
	taskIdField,
	taskIdRules,
	taskTypeField,
	titleField,
	toTask,
} from './fields';

/** Where each field goes in the body; sent by `build` from the one read the checks made. */
const updateFieldOptions = [
	clientField,
	descriptionField,
	patientField,
	referenceTimeField,
	statusField,
	taskTypeField,
	titleField,
];

/** The task's URL, and only the fields the user added to the body (the reference time as ISO). */
const updateTask: BuildFromValues = async function (valueOf, requestOptions) {
	const toThisTask = await toTask.call(this, valueOf, requestOptions);
	return await sendCollection.call(this, updateFieldOptions, valueOf('updateFields'), toThisTask);
};

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a staff task',
	description: 'Change only the fields you add; the others stay as they are',
	fields: [
		taskIdField,
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
		...taskIdRules,
		{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
		{ path: 'updateFields.title', label: 'Title', kind: 'notBlankWhenGiven' },
		...pickerRules('updateFields'),
	],
	request: { method: 'PUT', build: updateTask },
	outputsTasks: true,
});
