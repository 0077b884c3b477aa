import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { openDentalApiRequest } from '../../transport';

/**
 * A declarative preSend step for Update. Open Dental reopens a Done task as Viewed when its description
 * changes; with "Keep Done Status" on, the node reads the task and, when it is Done, sends the status
 * along so it stays Done. A status the user chose is never replaced.
 */
export async function keepDoneStatus(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (body.Descript === undefined || body.TaskStatus !== undefined) return requestOptions;
	if (!(this.getNodeParameter('keepDoneStatus', true) as boolean)) return requestOptions;
	const taskNum = encodeURIComponent(String(this.getNodeParameter('taskNum')).trim());
	const [task] = await openDentalApiRequest.call(this, 'GET', `/tasks/${taskNum}`);
	if (task?.TaskStatus === 'Done') body.TaskStatus = 'Done';
	return requestOptions;
}
