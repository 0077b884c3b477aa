import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { refuseField } from '../../input';

/** The optional master-task fields Create and Update share. */
export const colorField: INodeProperties = {
	displayName: 'Color',
	name: 'color',
	type: 'color',
	default: '#2E7D32',
	description: 'Shown with the task in Humanity',
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
};

export function positionsField(required: boolean): INodeProperties {
	return {
		displayName: 'Position Names or IDs',
		name: 'positionIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getPositions' },
		default: [],
		required,
		description:
			'The positions that do this task. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

export function readPositionIds(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): number[] {
	const ids = (Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((id) => String(id).trim())
		.filter((id) => id !== '');
	if (ids.length === 0)
		throw refuseField(
			context,
			itemIndex,
			'"Position Names or IDs" needs at least one position',
			'Position Names or IDs',
		);
	const bad = ids.find((id) => !/^\d+$/.test(id));
	if (bad !== undefined)
		throw refuseField(
			context,
			itemIndex,
			`"Position Names or IDs" must hold IDs, whole numbers (got "${bad}")`,
			'Position Names or IDs',
		);
	return ids.map(Number);
}

export function readColor(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const color = String(value ?? '').trim();
	if (!/^#[0-9a-f]{6}$/i.test(color))
		throw refuseField(
			context,
			itemIndex,
			`"Color" must be a hex colour like #2E7D32 (got "${color}")`,
			'Color',
		);
	return color;
}

export function readName(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const name = String(value ?? '').trim();
	if (!name) throw refuseField(context, itemIndex, '"Name" is required', 'Name');
	return name;
}

export type MasterTaskBody = IDataObject;
