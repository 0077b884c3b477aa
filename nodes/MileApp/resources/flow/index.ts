import { defineResource } from '../../../shared/operation';
import { mileAppOperations } from '../../requests';
import { getFields } from './getFields';
import { getMany } from './getMany';

export const flowResource = defineResource(mileAppOperations, {
	value: 'flow',
	displayName: 'Flow',
	defaultOperation: 'getAll',
	operations: [getFields, getMany],
});
