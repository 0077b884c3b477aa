import { defineResource } from '../../../shared/operation';
import { normalizeEmployeeTask } from '../../normalize';
import { humanityOperations } from '../../requests';
import { complete } from './complete';
import { getMany } from './getMany';
import { start } from './start';

export const employeeTaskResource = defineResource(humanityOperations(normalizeEmployeeTask), {
	value: 'employeeTask',
	displayName: 'Employee Task',
	defaultOperation: 'getAll',
	operations: [complete, getMany, start],
});
