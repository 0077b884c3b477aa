import { defineOperation, eachItem } from '../../../shared/operation';
import { recordsOf } from '../../api';
import { shiftField, shiftIdOf, shiftIdRules } from '../../fields';
import { humanityApiRequest } from '../../requests';

export const get = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a shift',
	description: 'Get one shift by its ID',
	fields: [shiftField('The shift to get')],
	rules: shiftIdRules,
	run: eachItem(async function (itemIndex, valueOf) {
		const path = `/shifts/${shiftIdOf(valueOf)}`;
		return recordsOf(await humanityApiRequest.call(this, 'GET', path, { itemIndex }));
	}),
});
