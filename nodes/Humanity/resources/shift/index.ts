import { defineResource } from '../../../shared/operation';
import { humanityOperations } from '../../requests';
import { get } from './get';
import { getMany } from './getMany';

export const shiftResource = defineResource(humanityOperations(), {
	value: 'shift',
	displayName: 'Shift',
	defaultOperation: 'getAll',
	operations: [get, getMany],
});
