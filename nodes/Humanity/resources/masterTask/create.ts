import { descriptionField } from '../../../shared/commonFields';
import { defineOperation, eachItem } from '../../../shared/operation';
import { recordsOf } from '../../api';
import { additionalFieldsField, toBody } from '../../fields';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { colorField, masterTaskBody, positionIdsOf, positionsField } from './fields';

/** Put in the body by masterTaskBody (bodyOf). */
const additionalFieldOptions = [toBody(colorField), descriptionField];

export const create = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a master task',
	description: 'Add a task to the company task list',
	fields: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{ ...positionsField, required: true },
		additionalFieldsField(additionalFieldOptions),
	],
	rules: [{ path: 'name', label: 'Name', kind: 'required' }],
	run: eachItem(async function (itemIndex, valueOf) {
		const input = humanityInput(this, itemIndex, valueOf);
		const body = {
			name: String(valueOf('name')).trim(),
			positionIds: positionIdsOf(input, 'positionIds'),
			...masterTaskBody(input, 'additionalFields', additionalFieldOptions),
		};
		return recordsOf(
			await humanityApiRequest.call(this, 'POST', '/master-tasks', { body, itemIndex }),
		);
	}),
	outputsTasks: true,
});
