import type { INodeProperties } from 'n8n-workflow';
import { sendBodyDatesAsIso } from '../shared/dates';

/** Fields several staff-task operations share, each with the body property it is sent as. */

export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'st_123',
	description: 'The ID of the staff task',
};

export const titleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	routing: { send: { type: 'body', property: 'title' } },
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	routing: { send: { type: 'body', property: 'description' } },
};

export const taskTypeField: INodeProperties = {
	displayName: 'Task Type',
	name: 'taskType',
	type: 'options',
	options: [
		{ name: 'Task', value: 'task' },
		{ name: 'Prescription Refill', value: 'rx_refill' },
	],
	default: 'task',
	routing: { send: { type: 'body', property: 'task_type' } },
};

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Pending', value: 'pending' },
		{ name: 'Completed', value: 'completed' },
		{ name: 'Canceled', value: 'canceled' },
	],
	default: 'pending',
	description: 'Completed or canceled sets the finalized time; pending clears it',
	routing: { send: { type: 'body', property: 'status' } },
};

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

export const referenceTimeField: INodeProperties = {
	displayName: 'Reference Time',
	name: 'referenceTimeAt',
	type: 'dateTime',
	default: '',
	description:
		'A time the task refers to, such as when a refill is due. Read in the workflow’s time zone.',
	routing: {
		send: {
			type: 'body',
			property: 'reference_time_at',
			preSend: [sendBodyDatesAsIso('reference_time_at')],
		},
	},
};
