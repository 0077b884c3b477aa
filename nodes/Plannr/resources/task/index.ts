import { defineResource } from '../../../shared/operation';
import { plannrOperations } from '../../requests';
import { complete } from './complete';
import { create } from './create';
import { get } from './get';
import { getMany } from './getMany';
import { reopen } from './reopen';
import { update } from './update';

export const taskResource = defineResource(plannrOperations, {
	value: 'task',
	displayName: 'Task',
	defaultOperation: 'getAll',
	operations: [complete, create, get, getMany, reopen, update],
});
