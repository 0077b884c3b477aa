import { defineOperation } from '../../../shared/operation';
import { shiftIdOf, shiftIdRules, shiftTaskField } from '../../fields';
import { shiftOfTaskField } from './fields';
import { shiftTaskChanges } from './listWrite';

export const remove = defineOperation({
	value: 'remove',
	name: 'Remove',
	action: 'Remove a task from a shift (Humanity deletes it)',
	description: 'Remove one task from a shift; the shift keeps its other tasks',
	fields: [shiftOfTaskField, shiftTaskField],
	rules: shiftIdRules,
	run: shiftTaskChanges(function (input) {
		const id = input.ulid('shiftTaskId', 'Shift Task');
		return { kind: 'remove', shiftId: shiftIdOf(input.valueOf), id };
	}),
	outputsTasks: true,
});
