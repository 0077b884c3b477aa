import { defineOperation, eachItem } from '../../../shared/operation';
import { recordsOf } from '../../api';
import { descriptionField, masterTaskField, toBody, updateFieldsField } from '../../fields';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { colorField, masterTaskBody, positionsField } from './fields';

/** Each with the body property it is sent as; put in the body by masterTaskBody (bodyOf). */
const updateFieldOptions = [
	toBody(colorField),
	toBody(descriptionField),
	toBody({
		displayName: 'Favorite',
		name: 'favorite',
		type: 'boolean',
		default: false,
		description: 'Whether the task is a favorite',
	}),
	toBody({ displayName: 'Name', name: 'name', type: 'string', default: '' }),
	toBody(positionsField),
];

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a master task',
	description: 'Change only the fields you set',
	fields: [
		masterTaskField,
		updateFieldsField(
			'Only these change (PATCH); shift tasks already made from the master task keep their own name',
			updateFieldOptions,
		),
	],
	rules: [
		{ path: 'updateFields', label: 'Update Fields', kind: 'notEmptyCollection' },
		{ path: 'updateFields.name', label: 'Name', kind: 'notBlankWhenGiven' },
	],
	run: eachItem(async function (itemIndex, valueOf) {
		const input = humanityInput(this, itemIndex, valueOf);
		const id = input.ulid('masterTaskId', 'Master Task');
		const body = masterTaskBody(input, 'updateFields', updateFieldOptions);
		const path = `/master-tasks/${id}`;
		return recordsOf(await humanityApiRequest.call(this, 'PATCH', path, { body, itemIndex }));
	}),
	outputsTasks: true,
});
