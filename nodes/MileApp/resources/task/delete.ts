import { deletedRecord } from '../../../shared/answerSteps';
import { failOnVendorError } from '../../../shared/errors';
import { defineOperation } from '../../../shared/operation';
import { mileAppEnvelope } from '../../api';
import { taskIdFields, taskIdRules, toTask } from './fields';

export const deleteTask = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a task permanently',
	description: 'Permanently: MileApp keeps no copy',
	fields: [
		{
			displayName: 'Deleting a task is permanent: MileApp keeps no copy of it',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		...taskIdFields,
	],
	rules: taskIdRules,
	request: {
		method: 'DELETE',
		build: toTask,
		// Delete answers no task: the item says which one is gone.
		postReceive: [failOnVendorError(mileAppEnvelope), deletedRecord('taskId')],
	},
});
