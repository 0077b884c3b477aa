import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { masterTaskLocator } from '../../fields';
import { readUlid, refuseField } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';
import {
	colorField,
	descriptionField,
	positionsField,
	readColor,
	readName,
	readPositionIds,
} from './fields';

const show = { resource: ['masterTask'], operation: ['update'] };

export const updateDescription: INodeProperties[] = [
	masterTaskLocator(show),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Only these change (PATCH); shift tasks already made from the master task keep their own name',
		displayOptions: { show },
		options: [
			colorField,
			descriptionField,
			{
				displayName: 'Favorite',
				name: 'favorite',
				type: 'boolean',
				default: false,
				description: 'Whether the task is a favorite',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			positionsField(false),
		],
	},
];

export async function update(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const id = readUlid(
			this,
			itemIndex,
			this.getNodeParameter('masterTaskId', itemIndex, undefined, { extractValue: true }),
			'Master Task',
		);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		if (Object.keys(fields).length === 0)
			throw refuseField(
				this,
				itemIndex,
				'Add at least one field under "Update Fields"',
				'Update Fields',
			);
		const body: IDataObject = {};
		if (fields.name !== undefined) body.name = readName(this, itemIndex, fields.name);
		if (fields.description !== undefined) body.description = String(fields.description);
		if (fields.favorite !== undefined) body.favorite = fields.favorite === true;
		if (fields.positionIds !== undefined)
			body.positionIds = readPositionIds(this, itemIndex, fields.positionIds);
		if (fields.color !== undefined) body.color = readColor(this, itemIndex, fields.color);
		return recordsOf(
			await humanityApiRequest.call(this, 'PATCH', `/master-tasks/${id}`, { body, itemIndex }),
		);
	});
}
