import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { humanityApiRequest, recordsOf } from '../../transport';
import {
	colorField,
	descriptionField,
	positionsField,
	readColor,
	readName,
	readPositionIds,
} from './fields';

const show = { resource: ['masterTask'], operation: ['create'] };

export const createDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{ ...positionsField(true), displayOptions: { show } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [colorField, descriptionField],
	},
];

export async function create(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			name: readName(this, itemIndex, this.getNodeParameter('name', itemIndex, '')),
			positionIds: readPositionIds(
				this,
				itemIndex,
				this.getNodeParameter('positionIds', itemIndex, []),
			),
		};
		if (extra.description !== undefined) body.description = String(extra.description);
		if (extra.color !== undefined) body.color = readColor(this, itemIndex, extra.color);
		return recordsOf(
			await humanityApiRequest.call(this, 'POST', '/master-tasks', { body, itemIndex }),
		);
	});
}
