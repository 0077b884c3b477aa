import { defineOperation, type OperationDefinition } from '../../../shared/operation';
import { taskNumFields } from '../../fields';
import type { TaskStatus } from '../../vocabulary';
import { openDentalOperations } from '../../requests';
import { taskNumRules, toTask } from './fields';
import { checkSentStatus, rememberSentStatus } from './statusCheck';

/** Mark New, Mark Viewed and Mark Done: the status sent to the task the Task Number names. */
export function markStatus(status: TaskStatus, effect: string): OperationDefinition {
	const description = `${effect} Needs Open Dental 24.2.10 or later.`;
	return defineOperation({
		value: `mark${status}`,
		name: `Mark ${status}`,
		action: `Mark a task as ${status.toLowerCase()}`,
		description,
		fields: taskNumFields,
		rules: taskNumRules,
		request: {
			method: 'PUT',
			build: toTask(),
			body: { TaskStatus: status },
			// The answer must show the status sent: never a success on an unchecked answer.
			preSend: [rememberSentStatus],
			postReceive: [...openDentalOperations.routing!.output, checkSentStatus],
		},
		outputsTasks: true,
	});
}
