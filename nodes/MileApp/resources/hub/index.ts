import { defineResource } from '../../../shared/operation';
import { mileAppOperations } from '../../requests';
import { getMany } from './getMany';

export const hubResource = defineResource(mileAppOperations, {
	value: 'hub',
	displayName: 'Hub',
	defaultOperation: 'getAll',
	operations: [getMany],
});
