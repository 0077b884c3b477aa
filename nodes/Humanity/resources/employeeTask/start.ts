import { defineOperation, eachItem } from '../../../shared/operation';
import { humanityInput } from '../../input';
import { ACTIVITY } from '../../vocabulary';
import { employeeTaskIdFields, writeActivity } from './fields';

export const start = defineOperation({
	value: 'start',
	name: 'Start',
	action: 'Start an employee task',
	description: "Mark an employee's task started now",
	fields: employeeTaskIdFields,
	run: eachItem(async function (itemIndex, valueOf) {
		const id = humanityInput(this, itemIndex, valueOf).ulid('employeeTaskId', 'Employee Task ID');
		// update-employee-tasks: `{status: 1}` starts the task now, as the signed-in user.
		return await writeActivity.call(this, itemIndex, id, 'POST', { status: ACTIVITY.started });
	}),
	outputsTasks: true,
});
