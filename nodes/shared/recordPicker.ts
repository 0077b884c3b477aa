import type {
	INodeProperties,
	INodePropertyMode,
	INodePropertyModeTypeOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

/** How every record picker of the pack is declared: "From List" first (and picked at first), then a typed key. */

interface RecordPicker {
	displayName: string;
	name: string;
	required?: boolean;
	description?: string;
	/** The listSearch method behind "From List", and what its box says. */
	searchListMethod: string;
	listPlaceholder: string;
	/** More of "From List"'s options, e.g. a search term it cannot list without. */
	listTypeOptions?: INodePropertyModeTypeOptions;
	/** The other way to name the record: its key typed in (typedMode). */
	typed: TypedKey;
	routing?: INodePropertyRouting;
}

/** The picker's mode for typing the record's key in; recordPicker makes it a string mode under `modes`. */
interface TypedKey {
	displayName: string;
	placeholder: string;
	/** The mode's name, which n8n hands over with the value. */
	name: string;
	validation?: INodePropertyMode['validation'];
}

/** A record picker (n8n's resource locator). */
export function recordPicker(picker: RecordPicker): INodeProperties {
	const { displayName, name, required, description, routing, typed } = picker;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(required === undefined ? {} : { required }),
		...(description === undefined ? {} : { description }),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: picker.listPlaceholder,
				typeOptions: {
					searchListMethod: picker.searchListMethod,
					searchable: true,
					...picker.listTypeOptions,
				},
			},
			{
				displayName: typed.displayName,
				name: typed.name,
				type: 'string',
				placeholder: typed.placeholder,
				...(typed.validation === undefined ? {} : { validation: typed.validation }),
			},
		],
		...(routing === undefined ? {} : { routing }),
	};
}

/** A picker's mode for typing the record's key (an ID, a number, a name) in; its value arrives as `name`. */
export function typedMode(displayName: string, placeholder: string, name = 'id'): TypedKey {
	return { displayName, placeholder, name };
}

/**
 * A record's field in one form per node version, under one name: version 1's typed box, kept for the
 * workflows saved with it; from version 2 `picker` (a list, or typed), after the fields it needs to list
 * (`before`). The picker takes the typed field's label, which the input checks name; it is sent as `picker`
 * says (a picker that only names the record in the URL carries no routing: see withoutRouting).
 */
export function versionedIdFields(
	typed: INodeProperties,
	picker: INodeProperties,
	before: INodeProperties[] = [],
): INodeProperties[] {
	const fromVersion2 = { show: { '@version': [{ _cnd: { gte: 2 } }] } };
	return [
		{ ...typed, displayOptions: { show: { '@version': [1] } } },
		...before.map((field) => ({ ...field, displayOptions: fromVersion2 })),
		{ ...picker, displayName: typed.displayName, required: true, displayOptions: fromVersion2 },
	];
}

/**
 * versionedIdFields for a record's field that may stay empty (an option of Filters, Update Fields, Additional
 * Fields, or of a fixed collection's entries): neither form is required, since n8n checks a required option of
 * a collection in every operation, shown or not. The picker is sent as the typed field is (its routing), so a
 * value goes out the same whichever form holds it.
 */
export function optionalVersionedIdFields(
	typed: INodeProperties,
	picker: INodeProperties,
): INodeProperties[] {
	const sent = typed.routing ? { ...picker, routing: typed.routing } : picker;
	return versionedIdFields(typed, sent).map((field) => ({ ...field, required: false }));
}

/** A field as it is, but sent by nothing (it only names a record in the URL, or narrows another list). */
export function withoutRouting(field: INodeProperties): INodeProperties {
	const unsent = { ...field };
	delete unsent.routing;
	return unsent;
}
