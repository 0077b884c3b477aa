import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { shiftLocator } from '../../fields';
import { readShiftId } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';

const show = { resource: ['shift'], operation: ['get'] };

export const getDescription: INodeProperties[] = [shiftLocator(show, 'The shift to get')];

export async function get(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const shiftId = readShiftId(this, itemIndex);
		return recordsOf(
			await humanityApiRequest.call(this, 'GET', `/shifts/${shiftId}`, { itemIndex }),
		);
	});
}
