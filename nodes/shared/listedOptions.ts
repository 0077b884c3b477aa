import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

/**
 * Fields whose options the vendor lists (n8n's dynamic options). n8n names them "… Name or ID" (several:
 * "… Names or IDs") and ends their description with its sentence on naming one by an expression; made here,
 * each field says so by construction (test/engine/fieldDescriptions.test.ts checks every node's).
 */

const EXPRESSIONS = '<a href="https://docs.n8n.io/code/expressions/">expression</a>';
export const CHOOSE_ONE = `Choose from the list, or specify an ID using an ${EXPRESSIONS}`;
export const CHOOSE_SEVERAL = `Choose from the list, or specify IDs using an ${EXPRESSIONS}`;

interface ListedOptionsField {
	/** What is chosen ("Status"): the field is "Status Name or ID", or "Status Names or IDs" when `several`. */
	thing: string;
	name: string;
	/** The node's loadOptions method that lists the options. */
	loadOptionsMethod: string;
	several?: boolean;
	required?: boolean;
	/** What the field is for, a sentence before n8n's. */
	purpose?: string;
	routing?: INodePropertyRouting;
}

export function listedOptionsField(field: ListedOptionsField): INodeProperties {
	const { thing, name, loadOptionsMethod, several = false, required, purpose, routing } = field;
	const choose = several ? CHOOSE_SEVERAL : CHOOSE_ONE;
	return {
		displayName: several ? `${thing} Names or IDs` : `${thing} Name or ID`,
		name,
		type: several ? 'multiOptions' : 'options',
		typeOptions: { loadOptionsMethod },
		default: several ? [] : '',
		...(required === undefined ? {} : { required }),
		// As n8n's lint rule writes it: the sentence alone, or after the field's own with a full stop.
		description: purpose ? `${purpose} ${choose}.` : choose,
		...(routing ? { routing } : {}),
	};
}
