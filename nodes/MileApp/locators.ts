import { recordPicker, typedMode } from '../shared/recordPicker';
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

export const hubField = recordPicker({
	displayName: 'Hub',
	name: 'hubId',
	required: true,
	description: 'The hub (branch, warehouse) the task belongs to',
	searchListMethod: 'searchHubs',
	listPlaceholder: 'Select a hub…',
	typed: typedMode('By ID', 'e.g. 634e1a2b3c4d5e6f7a8b9c0d'),
});
