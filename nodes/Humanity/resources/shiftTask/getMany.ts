import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { returnAllAndLimit } from '../../../shared/listFields';
import { shiftIdsField } from '../../fields';
import { readLimit, readShiftIds } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';

const show = { resource: ['shiftTask'], operation: ['getMany'] };

export const getManyDescription: INodeProperties[] = [
	shiftIdsField(show),
	...returnAllAndLimit(show),
];

export async function getMany(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const shiftIds = readShiftIds(this, itemIndex, 'shiftIds', 'Shift IDs');
		const limit = readLimit(this, itemIndex);
		const answer = await humanityApiRequest.call(
			this,
			'GET',
			`/shifts/${shiftIds.join(',')}/tasks`,
			{ itemIndex },
		);
		return recordsOf(answer).slice(0, limit);
	});
}
