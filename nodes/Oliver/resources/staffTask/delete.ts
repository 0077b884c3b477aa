import { deletedRecord } from '../../../shared/answerSteps';
import { defineOperation } from '../../../shared/operation';
import { checkOliverSuccess } from '../../requests';
import { taskIdFields, taskIdRules, toTask } from './fields';

export const deleteTask = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a staff task (Oliver cancels it and keeps the record)',
	description:
		'Oliver does not erase tasks: the task stays, with status canceled and its finalized time set',
	fields: taskIdFields,
	rules: taskIdRules,
	request: {
		method: 'DELETE',
		build: toTask,
		// Oliver answers a DELETE without the task: the item says which task was deleted (canceled at Oliver).
		postReceive: [checkOliverSuccess, deletedRecord('taskId')],
	},
});
