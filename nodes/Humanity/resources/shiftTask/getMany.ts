import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { returnAllAndLimit } from '../../../shared/listFields';
import { readLimit, readShiftIds } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';

const show = { resource: ['shiftTask'], operation: ['getMany'] };

export const getManyDescription: INodeProperties[] = [
	{
		displayName: 'Shift IDs',
		name: 'shiftIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2401, 2402',
		description: 'One or more shift IDs, separated by commas (or a list from an expression)',
		displayOptions: { show },
	},
	...returnAllAndLimit(show),
];

export async function getMany(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const shiftIds = readShiftIds(this, itemIndex, 'shiftIds', 'Shift IDs');
		const limit = readLimit(this, itemIndex);
		const answer = await humanityApiRequest.call(this, 'GET', `/shifts/${shiftIds.join(',')}/tasks`, { itemIndex });
		return recordsOf(answer).slice(0, limit);
	});
}
