import { defineResource } from '../../../shared/operation';
import { oliverOperations } from '../../requests';
import { get } from './get';
import { getMany } from './getMany';

export const patientResource = defineResource(oliverOperations, {
	value: 'patient',
	displayName: 'Patient',
	defaultOperation: 'getAll',
	operations: [get, getMany],
});
