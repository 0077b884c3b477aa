import { defineOperation } from '../../../shared/operation';
import { checkOliverSuccess } from '../../requests';
import { taskIdField, taskIdRules, toTask } from './fields';

/** Oliver answers a DELETE without the task: the output says which task was canceled. */
export const deleteTask = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a staff task',
	description:
		'Oliver does not erase tasks: the task stays, with status canceled and its finalized time set',
	fields: [taskIdField],
	rules: taskIdRules,
	request: {
		method: 'DELETE',
		build: toTask,
		postReceive: [
			checkOliverSuccess,
			{
				type: 'set',
				properties: { value: '={{ { "id": $parameter.taskId, "success": true } }}' },
			},
		],
	},
});
