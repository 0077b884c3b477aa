import { defineOperation, eachItem } from '../../../shared/operation';
import { isBlank } from '../../../shared/validation';
import { humanityInput } from '../../input';
import { ACTIVITY } from '../../vocabulary';
import { employeeTaskIdFields, writeActivity } from './fields';

export const complete = defineOperation({
	value: 'complete',
	name: 'Complete',
	action: 'Complete an employee task',
	description: "Mark an employee's task done, now or between given times",
	fields: [
		...employeeTaskIdFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description:
				'Without times the task is completed now; with both it is recorded as done between them (needs edit rights on the shift)',
			options: [
				{
					displayName: 'Started At',
					name: 'startedAt',
					type: 'dateTime',
					default: '',
					description: 'When the work started',
				},
				{
					displayName: 'Ended At',
					name: 'endedAt',
					type: 'dateTime',
					default: '',
					description: 'When the work ended',
				},
			],
		},
	],
	run: eachItem(async function (itemIndex, valueOf) {
		const input = humanityInput(this, itemIndex, valueOf);
		const id = input.ulid('employeeTaskId', 'Employee Task ID');
		if (isBlank(valueOf('options.startedAt')) && isBlank(valueOf('options.endedAt'))) {
			// update-employee-tasks: `{status: 2}` finishes the task now.
			return await writeActivity.call(this, itemIndex, id, 'POST', { status: ACTIVITY.completed });
		}
		// update-employee-task: both times are mandatory, and the task is then completed.
		const startedAt = input.dateTime('options.startedAt', 'Started At');
		const endedAt = input.dateTime('options.endedAt', 'Ended At');
		if (Date.parse(endedAt) < Date.parse(startedAt))
			throw input.refuse(
				`"Ended At" (${endedAt}) is before "Started At" (${startedAt})`,
				'Ended At',
			);
		return await writeActivity.call(this, itemIndex, id, 'PUT', { startedAt, endedAt });
	}),
	outputsTasks: true,
});
