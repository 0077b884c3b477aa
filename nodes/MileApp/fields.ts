import type { INodeProperties } from 'n8n-workflow';

/** Fields several MileApp operations share. Task bodies are shaped in resources/task/body.ts. */

export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 64d1f0c2a9e7b3f1c2d4e5f6',
	description: "The task's _id, as Get Many or the MileApp web app shows it",
};

export const flowField: INodeProperties = {
	displayName: 'Flow',
	name: 'flow',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The flow (task form) the task follows; its fields are offered below',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a flow…',
			typeOptions: { searchListMethod: 'searchFlows', searchable: true },
		},
		{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Delivery' },
	],
};

export const hubField: INodeProperties = {
	displayName: 'Hub',
	name: 'hubId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The hub (branch, warehouse) the task belongs to',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a hub…',
			typeOptions: { searchListMethod: 'searchHubs', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 634e1a2b3c4d5e6f7a8b9c0d',
		},
	],
};

/** The chosen flow's own fields (field1, invoice, …), loaded from MileApp with their types and which are required. */
export function flowFieldsMapper(description: string): INodeProperties {
	return {
		displayName: 'Flow Fields',
		name: 'flowFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description,
		typeOptions: {
			loadOptionsDependsOn: ['flow.value'],
			resourceMapper: {
				resourceMapperMethod: 'getFlowFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
	};
}

export const startTimeField: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	default: '',
	description: "When the task starts; without it, the flow's default",
};

export const endTimeField: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	default: '',
	description: 'When the task must be done by; MileApp does not let a task be finished after it',
};

export const assigneesField: INodeProperties = {
	displayName: 'Assignees',
	name: 'assignees',
	type: 'string',
	default: '',
	placeholder: 'e.g. dana@example.com, lee@example.com',
	description: "Emails of the workers, separated by commas; they must belong to the task's hub",
};

/** The optional fields of a whole task (Create, Replace): times and assignees. */
export function additionalTaskFields(show: {
	show: { resource: string[]; operation: string[] };
}): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [assigneesField, endTimeField, startTimeField],
	};
}
