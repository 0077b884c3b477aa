import { defineResource } from '../../../shared/operation';
import { normalizeMasterTask } from '../../normalize';
import { humanityOperations } from '../../requests';
import { create } from './create';
import { deleteMasterTask } from './delete';
import { getMany } from './getMany';
import { update } from './update';

export const masterTaskResource = defineResource(humanityOperations(normalizeMasterTask), {
	value: 'masterTask',
	displayName: 'Master Task',
	defaultOperation: 'getAll',
	// Delete before Update: the notice Delete shows first is declared before the Master Task picker they share.
	operations: [create, deleteMasterTask, getMany, update],
});
