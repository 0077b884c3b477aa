import type { INodeProperties } from 'n8n-workflow';
import { optionalVersionedIdFields, recordPicker, typedMode } from '../shared/recordPicker';
import { requiredText, type FieldRule } from '../shared/validation';

/** The flow and hub pickers (their searches are in listSearch.ts), shown by the task and flow resources. */

export const flowField = recordPicker({
	displayName: 'Flow',
	name: 'flow',
	required: true,
	description: 'The flow (task form) the task follows; its fields are offered below',
	searchListMethod: 'searchFlows',
	listPlaceholder: 'Select a flow…',
	typed: typedMode('By Name', 'e.g. Delivery', 'name'),
});

/** A flow is named by its name: given, and text (not a whole record mapped in). */
export const flowRules: FieldRule[] = requiredText('flow', 'Flow');

const hubPicker = (description: string) =>
	recordPicker({
		displayName: 'Hub',
		name: 'hubId',
		description,
		searchListMethod: 'searchHubs',
		listPlaceholder: 'Select a hub…',
		typed: typedMode('By ID', 'e.g. 634e1a2b3c4d5e6f7a8b9c0d'),
	});

export const hubField: INodeProperties = {
	...hubPicker('The hub (branch, warehouse) the task belongs to'),
	required: true,
};

/**
 * An optional Hub ID (a filter, a field to change): version 1's typed box, kept for the workflows saved with
 * it; from node version 2 the hub picker, under the same name and label (the input checks name it).
 */
export function optionalHubIdFields(
	typed: INodeProperties,
	pickerDescription: string,
): INodeProperties[] {
	return optionalVersionedIdFields(typed, hubPicker(pickerDescription));
}
