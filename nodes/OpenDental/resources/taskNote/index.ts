import { defineResource } from '../../../shared/operation';
import { openDentalOperations } from '../../requests';
import { create } from './create';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';

export const taskNoteResource = defineResource(openDentalOperations, {
	value: 'taskNote',
	displayName: 'Task Note',
	defaultOperation: 'getAll',
	operations: [create, get, getMany, update],
});
