import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { shiftLocator, shiftTaskLocator } from '../../fields';
import { readShiftId, readUlid } from '../../input';
import { changeShiftTasks } from './batch';

const show = { resource: ['shiftTask'], operation: ['remove'] };

export const removeDescription: INodeProperties[] = [
	shiftLocator(show, 'The shift the task is on'),
	shiftTaskLocator(show),
];

export async function remove(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await changeShiftTasks.call(this, (itemIndex) => ({
		kind: 'remove',
		shiftId: readShiftId(this, itemIndex),
		id: readUlid(
			this,
			itemIndex,
			this.getNodeParameter('shiftTaskId', itemIndex, undefined, { extractValue: true }),
			'Shift Task',
		),
	}));
}
