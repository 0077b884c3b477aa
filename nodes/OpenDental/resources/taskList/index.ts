import { defineResource } from '../../../shared/operation';
import { openDentalOperations } from '../../requests';
import { getMany } from './getMany';

export const taskListResource = defineResource(openDentalOperations, {
	value: 'taskList',
	displayName: 'Task List',
	defaultOperation: 'getAll',
	operations: [getMany],
});
