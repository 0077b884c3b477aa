import { defineResource } from '../../../shared/operation';
import { normalizeShiftTask } from '../../normalize';
import { humanityOperations } from '../../requests';
import { add } from './add';
import { getMany } from './getMany';
import { remove } from './remove';
import { setAll } from './setAll';
import { update } from './update';

export const shiftTaskResource = defineResource(humanityOperations(normalizeShiftTask), {
	value: 'shiftTask',
	displayName: 'Shift Task',
	defaultOperation: 'add',
	operations: [add, getMany, remove, setAll, update],
});
