import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { defineOperation } from '../../../shared/operation';
import { checkOliverSuccess } from '../../requests';
import { taskIdField, taskIdRules, toTask } from './fields';

/** Oliver answers a DELETE without the task: the item says which task was deleted (canceled at Oliver). */
async function deletedTask(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { id: String(this.getNodeParameter('taskId', '')).trim(), deleted: true } }];
}

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
		postReceive: [checkOliverSuccess, deletedTask],
	},
});
