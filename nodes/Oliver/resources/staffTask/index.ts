import { defineResource } from '../../../shared/operation';
import { oliverOperations } from '../../requests';
import { cancel } from './cancel';
import { complete } from './complete';
import { create } from './create';
import { deleteTask } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { reopen } from './reopen';
import { update } from './update';

export const staffTaskResource = defineResource(oliverOperations, {
	value: 'staffTask',
	displayName: 'Staff Task',
	defaultOperation: 'get',
	operations: [cancel, complete, create, deleteTask, get, getMany, reopen, update],
});
