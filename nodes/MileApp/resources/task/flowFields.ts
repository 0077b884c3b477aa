import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { parseDate } from '../../../shared/dates';
import { fieldRefusal, isBlank, notOneOfProblem } from '../../../shared/validation';

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

/** A flow field as the mapper offered it: its type (see resourceMapping.ts), and a select's choices. */
interface OfferedField {
	id: string;
	displayName?: string;
	required?: boolean;
	removed?: boolean;
	type?: string;
	options?: Array<{ name: string; value: unknown }>;
}

/** The flow-field mapper's value: the values given, and the fields it offered (with which are required). */
interface FlowFieldsValue {
	mappingMode?: 'defineBelow' | 'autoMapInputData';
	value?: IDataObject | null;
	schema?: OfferedField[];
}

/** Why a flow field's value does not fit the type the mapper offered it as, or undefined when it does. */
function typeProblem(field: OfferedField, label: string, value: unknown): string | undefined {
	const text = String(value).trim();
	switch (field.type) {
		case 'number':
			return typeof value === 'number'
				? Number.isFinite(value)
					? undefined
					: `"${label}" must be a number`
				: text !== '' && Number.isFinite(Number(text))
					? undefined
					: `"${label}" must be a number (got "${text}")`;
		case 'dateTime':
			return parseDate(value)
				? undefined
				: `"${label}" is not a valid date and time (got "${text}")`;
		case 'options': {
			const choices = (field.options ?? []).map((option) => String(option.value));
			return choices.length === 0 ? undefined : notOneOfProblem(label, choices, text);
		}
		default:
			return undefined;
	}
}

/**
 * The flow fields that have a value (mapped below, or taken from the input item by name), each checked
 * against its type; with `checkRequired` (Create, Replace), the ones the flow requires must have one.
 */
export function flowFieldValues(
	context: IExecuteSingleFunctions,
	mapperValue: unknown,
	checkRequired: boolean,
): IDataObject {
	const mapper = (mapperValue ?? {}) as FlowFieldsValue;
	const offered = (mapper.schema ?? []).filter((field) => !field.removed);
	const source =
		mapper.mappingMode === 'autoMapInputData' ? context.getInputData().json : (mapper.value ?? {});
	const refuse = (message: string, label: string) =>
		fieldRefusal(context.getNode(), context.getItemIndex(), message, label);
	const values: IDataObject = {};
	for (const field of offered) {
		const label = field.displayName ?? field.id;
		if (isBlank(source[field.id])) {
			if (checkRequired && field.required)
				throw refuse(`"${label}" is required by the flow`, label);
			continue;
		}
		const problem = typeProblem(field, label, source[field.id]);
		if (problem) throw refuse(problem, label);
		values[field.id] = source[field.id];
	}
	return values;
}
