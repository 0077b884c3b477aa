import { defineResource } from '../../../shared/operation';
import { openDentalOperations } from '../../requests';
import { create } from './create';
import { get } from './get';
import { getMany } from './getMany';
import { markDone } from './markDone';
import { markNew } from './markNew';
import { markViewed } from './markViewed';
import { update } from './update';

export const taskResource = defineResource(openDentalOperations, {
	value: 'task',
	displayName: 'Task',
	defaultOperation: 'getAll',
	operations: [create, get, getMany, markDone, markNew, markViewed, update],
});
