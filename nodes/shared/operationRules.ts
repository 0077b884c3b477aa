import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { OperationDefinition } from './operation';
import type { FieldRule } from './validation';

/** An options field's values: the only list of what the field allows. */
function optionValues(field: INodeProperties): string[] | undefined {
	if (!Array.isArray(field.options) || field.typeOptions?.loadOptionsMethod) return undefined;
	return (field.options as INodePropertyOptions[]).map((option) => String(option.value));
}

/** The checks a field carries in itself: an options field's values, a date field's date. */
function fieldRules(field: INodeProperties, path: string): FieldRule[] {
	const label = field.displayName;
	const allowed = optionValues(field);
	if (field.type === 'options' && allowed) return [{ path, label, kind: 'oneOf', allowed }];
	if (field.type === 'multiOptions' && allowed)
		return [{ path, label, kind: 'eachOneOf', allowed }];
	if (field.type === 'dateTime') return [{ path, label, kind: 'date' }];
	if (field.type === 'collection') {
		return (field.options as INodeProperties[]).flatMap((inner) =>
			fieldRules(inner, `${path}.${inner.name}`),
		);
	}
	return [];
}

/** The operation's rules, then those its fields carry that no rule already states. */
export function rulesOf(operation: OperationDefinition): FieldRule[] {
	const stated = operation.rules ?? [];
	const carried = (operation.fields ?? [])
		.flatMap((field) => fieldRules(field, field.name))
		.filter((rule) => !stated.some((own) => own.path === rule.path && own.kind === rule.kind));
	return [...stated, ...carried];
}
