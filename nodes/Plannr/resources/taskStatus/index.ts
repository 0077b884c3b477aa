import { defineResource } from '../../../shared/operation';
import { plannrOperations } from '../../requests';
import { create } from './create';
import { getMany } from './getMany';
import { update } from './update';

export const taskStatusResource = defineResource(plannrOperations, {
	value: 'taskStatus',
	displayName: 'Task Status',
	defaultOperation: 'getAll',
	operations: [create, getMany, update],
});
