import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { readUlid } from '../../input';
import { humanityApiRequest } from '../../transport';
import { employeeTaskIdField } from './fields';

const show = { resource: ['employeeTask'], operation: ['start'] };

export const startDescription: INodeProperties[] = [employeeTaskIdField(show)];

/** update-employee-tasks: `{status: 1}` starts the task now, as the signed-in user. */
export async function start(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const id = readUlid(
			this,
			itemIndex,
			this.getNodeParameter('employeeTaskId', itemIndex, ''),
			'Employee Task ID',
		);
		const answer = await humanityApiRequest.call(this, 'POST', `/employee-tasks/${id}/activity`, {
			body: { status: 1 },
			itemIndex,
		});
		return [{ id, ...((answer.data as IDataObject | null) ?? {}) }];
	});
}
