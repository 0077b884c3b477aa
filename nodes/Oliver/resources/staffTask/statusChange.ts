import { defineOperation } from '../../../shared/operation';
import type { OliverTaskStatus } from '../../vocabulary';
import { taskIdFields, taskIdRules, toTask } from './fields';

/** Cancel, Complete and Reopen: a PUT of the status alone, which sets or clears the finalized time. */
export function statusChange(
	status: OliverTaskStatus,
	operation: { value: string; name: string; description: string },
) {
	return defineOperation({
		...operation,
		action: `${operation.name} a staff task`,
		fields: taskIdFields,
		rules: taskIdRules,
		request: { method: 'PUT', body: { status }, build: toTask },
		outputsTasks: true,
	});
}
