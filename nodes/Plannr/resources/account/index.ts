import { defineResource } from '../../../shared/operation';
import { plannrOperations } from '../../requests';
import { getMany } from './getMany';

export const accountResource = defineResource(plannrOperations, {
	value: 'account',
	displayName: 'Account',
	defaultOperation: 'getAll',
	operations: [getMany],
});
