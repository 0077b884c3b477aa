import { NodeOperationError } from 'n8n-workflow';
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
		const shiftId = shiftIdOf(valueOf);
		// No page documents GET /shifts/{id}: a failure is Humanity's error (humanityApiRequest), and an answer
		// without the shift is an error too, never an empty result that reads as "no such shift".
		const shifts = recordsOf(
			await humanityApiRequest.call(this, 'GET', `/shifts/${shiftId}`, { itemIndex }),
		);
		if (shifts.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Humanity answered GET /shifts/${shiftId} without a shift`,
				{
					itemIndex,
					description:
						'Humanity documents no answer for one shift: this is not taken to mean the shift does not exist. Check the shift ID, or list the shifts with Get Many.',
				},
			);
		}
		return shifts;
	}),
});
