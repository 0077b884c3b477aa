import { defineResource } from '../../../shared/operation';
import { plannrOperations } from '../../requests';
import { getMany } from './getMany';

export const taskStatusResource = defineResource(plannrOperations, {
	value: 'taskStatus',
	displayName: 'Task Status',
	defaultOperation: 'getAll',
	operations: [getMany],
});
