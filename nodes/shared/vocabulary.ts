import type { INodePropertyOptions } from 'n8n-workflow';

/** The words of a vendor's value, each capitalized: 'completed_by' and 'completedBy' are "Completed By". */
function inWords(value: string): string {
	return value
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.split(/[_\s]+/)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** Options named by their values in words, in the order given: for values that say what they are. */
export function optionsNamedByValue(values: readonly string[]): INodePropertyOptions[] {
	return values.map((value) => ({ name: inWords(value), value }));
}
