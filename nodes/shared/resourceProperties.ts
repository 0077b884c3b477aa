import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { taskOutputProperties } from './taskOutput';
import type { ResourceDefinition, VendorOperations } from './operation';

/** Adds the resource and the operations to a field's own display conditions. */
function shownFor(field: INodeProperties, resource: string, operations: string[]): INodeProperties {
	const own = field.displayOptions ?? {};
	return {
		...field,
		displayOptions: { ...own, show: { resource: [resource], operation: operations, ...own.show } },
	};
}

/** The operations of each field object: declared once, it is shown for every operation that lists it. */
function operationsByField(resource: ResourceDefinition): Map<INodeProperties, string[]> {
	const usedBy = new Map<INodeProperties, string[]>();
	for (const operation of resource.operations) {
		for (const field of operation.fields ?? []) {
			usedBy.set(field, [...(usedBy.get(field) ?? []), operation.value]);
		}
	}
	return usedBy;
}

/** A resource's parameters: the operation picker, each field shown where it belongs, the Output choice. */
export function resourceProperties(
	vendor: VendorOperations,
	resource: ResourceDefinition,
	operationOptions: INodePropertyOptions[],
	taskOperations: string[],
): INodeProperties[] {
	const { value, defaultOperation } = resource;
	const fields = [...operationsByField(resource)].map(([field, operations]) =>
		shownFor(field, value, operations),
	);
	const output =
		taskOperations.length > 0 && vendor.taskMapper
			? taskOutputProperties(vendor.vendorName, {
					resource: [value],
					operation: taskOperations,
				})
			: [];
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			default: defaultOperation,
			options: operationOptions,
		},
		...fields,
		...output,
	];
}
