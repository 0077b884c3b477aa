import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';
import { recordOf } from '../../api';
import { humanityApiRequest } from '../../requests';

export const employeeTaskIdField: INodeProperties = {
	displayName: 'Employee Task ID',
	name: 'employeeTaskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 01k6k3y2c3yq0f3v8w9x7z5a4b',
	description: "One employee's copy of a shift task (from Employee Task: Get Many)",
};

/** Writes an employee task's activity; the item is the task's ID with the activity Humanity answers. */
export async function writeActivity(
	this: IExecuteFunctions,
	itemIndex: number,
	id: string,
	method: IHttpRequestMethods,
	body: IDataObject,
): Promise<IDataObject[]> {
	const answer = await humanityApiRequest.call(this, method, `/employee-tasks/${id}/activity`, {
		body,
		itemIndex,
	});
	return [{ id, ...recordOf(answer) }];
}
