import { someUpdateField, updateFieldsCollection } from '../../../shared/collectionFields';
import { descriptionField, nameField } from '../../../shared/commonFields';
import { defineOperation, eachItem } from '../../../shared/operation';
import { recordsOf } from '../../api';
import { masterTaskField, toBody } from '../../fields';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { colorField, masterTaskBody, positionsField } from './fields';

/** Each with the body property it is sent as; put in the body by masterTaskBody (bodyOf). */
const updateFieldOptions = [
	toBody(colorField),
	descriptionField,
	toBody({
		displayName: 'Favorite',
		name: 'favorite',
		type: 'boolean',
		default: false,
		description: 'Whether the task is a favorite',
	}),
	nameField,
	toBody(positionsField),
];

export const update = defineOperation({
	value: 'update',
	name: 'Update',
	action: 'Update a master task',
	description: 'Change only the fields you set',
	fields: [
		masterTaskField,
		updateFieldsCollection(
			updateFieldOptions,
			'Only these change (PATCH); shift tasks already made from the master task keep their own name',
		),
	],
	rules: [
		someUpdateField,
		{ path: 'updateFields.name', label: 'Name', kind: 'notBlankWhenGiven' },
		// Left out when empty (masterTaskBody), it would change nothing: refused rather than ignored.
		{ path: 'updateFields.description', label: 'Description', kind: 'notBlankWhenGiven' },
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
