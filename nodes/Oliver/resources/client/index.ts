import { defineResource } from '../../../shared/operation';
import { oliverOperations } from '../../requests';
import { get } from './get';
import { search } from './search';

export const clientResource = defineResource(oliverOperations, {
	value: 'client',
	displayName: 'Client',
	defaultOperation: 'search',
	operations: [get, search],
});
