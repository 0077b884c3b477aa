import { defineOperation, type OperationDefinition } from '../../../shared/operation';
import { taskNumField } from '../../fields';
import type { TaskStatus } from '../../vocabulary';
import { taskNumRules, toTask } from './fields';

/** Mark New, Mark Viewed and Mark Done: the status sent to the task the Task Number names. */
export function markStatus(status: TaskStatus, effect: string): OperationDefinition {
	const description = `${effect} Needs Open Dental 24.2.10 or later.`;
	return defineOperation({
		value: `mark${status}`,
		name: `Mark ${status}`,
		action: `Mark a task as ${status.toLowerCase()}`,
		description,
		fields: [taskNumField],
		rules: taskNumRules,
		request: { method: 'PUT', build: toTask(), body: { TaskStatus: status } },
		outputsTasks: true,
	});
}
