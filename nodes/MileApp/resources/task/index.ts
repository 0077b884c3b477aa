import { defineResource } from '../../../shared/operation';
import { mileAppOperations } from '../../requests';
import { assign } from './assign';
import { create } from './create';
import { deleteTask } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { replace } from './replace';
import { update } from './update';

export const taskResource = defineResource(mileAppOperations, {
	value: 'task',
	displayName: 'Task',
	defaultOperation: 'create',
	// Delete first: its notice is declared before the Task ID that Get, Update and Assign share with it.
	operations: [deleteTask, assign, create, get, getMany, replace, update],
});
