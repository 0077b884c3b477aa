import type { INodeProperties } from 'n8n-workflow';
import { sentInBody } from '../shared/fieldRouting';
import { recordPicker, typedMode, withoutRouting } from '../shared/recordPicker';
import type { FieldRule } from '../shared/validation';

/** The client and patient pickers (their searches are in listSearch.ts), each sent as a task's body property. */

export const clientField = recordPicker({
	displayName: 'Client',
	name: 'clientId',
	description: 'The client (pet owner) the task is about',
	searchListMethod: 'searchClients',
	listPlaceholder: 'Search by name…',
	listTypeOptions: { searchFilterRequired: true },
	typed: typedMode('By ID', 'e.g. cl_123'),
	routing: sentInBody('client_id'),
});

export const patientField = recordPicker({
	displayName: 'Patient',
	name: 'patientId',
	description:
		'The patient (animal) the task is about. The list shows the chosen client’s patients.',
	searchListMethod: 'searchPatients',
	listPlaceholder: 'Pick a patient of the client…',
	typed: typedMode('By ID', 'e.g. pt_123'),
	routing: sentInBody('patient_id'),
});

/** Patient → Get's client: only to list that client's patients in the picker below it; nothing is sent. */
export const clientToListField: INodeProperties = withoutRouting({
	...clientField,
	required: false,
	description:
		'The client whose patients the Patient ID list shows (search by name); it is not sent',
});

/** Oliver's IDs are text: a whole client or patient record mapped into a picker would be sent as an object. */
export function pickerRules(collection: string): FieldRule[] {
	return [clientField, patientField].map((field) => ({
		path: `${collection}.${field.name}`,
		label: field.displayName,
		kind: 'text',
	}));
}
