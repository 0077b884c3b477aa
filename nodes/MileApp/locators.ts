import type { INodeProperties } from 'n8n-workflow';
import { requiredText, type FieldRule } from '../shared/validation';

/** The flow and hub pickers (their searches are in listSearch.ts), shown by the task and flow resources. */

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

/** A flow is named by its name: given, and text (not a whole record mapped in). */
export const flowRules: FieldRule[] = requiredText('flow', 'Flow');

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
