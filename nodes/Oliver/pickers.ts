import type { INodeProperties } from 'n8n-workflow';
import type { FieldRule } from '../shared/validation';

/** The client and patient pickers (their searches are in listSearch.ts), each sent as a task's body property. */

export const clientField: INodeProperties = {
	displayName: 'Client',
	name: 'clientId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'The client (pet owner) the task is about',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Search by name…',
			typeOptions: {
				searchListMethod: 'searchClients',
				searchable: true,
				searchFilterRequired: true,
			},
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'cl_123' },
	],
	routing: { send: { type: 'body', property: 'client_id' } },
};

export const patientField: INodeProperties = {
	displayName: 'Patient',
	name: 'patientId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description:
		'The patient (animal) the task is about. The list shows the chosen client’s patients.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Pick a patient of the client…',
			typeOptions: { searchListMethod: 'searchPatients', searchable: true },
		},
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'pt_123' },
	],
	routing: { send: { type: 'body', property: 'patient_id' } },
};

/** Oliver's IDs are text: a whole client or patient record mapped into a picker would be sent as an object. */
export function pickerRules(collection: string): FieldRule[] {
	return [clientField, patientField].map((field) => ({
		path: `${collection}.${field.name}`,
		label: field.displayName,
		kind: 'text',
	}));
}
