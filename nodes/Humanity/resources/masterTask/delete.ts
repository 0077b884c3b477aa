import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { defineOperation, eachItem } from '../../../shared/operation';
import { VendorApiError } from '../../../shared/vendorApiError';
import { HUMANITY_CODES, recordOf } from '../../api';
import { masterTaskField } from '../../fields';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';

/** What says "this call is not there": HTTP 404 or 405, or the v1 codes for an unknown method or module. */
const NOT_SUPPORTED_HTTP = ['404', '405'];
const NOT_SUPPORTED_CODES: number[] = [HUMANITY_CODES.invalidMethod, HUMANITY_CODES.invalidModule];

function notSupported(error: VendorApiError): boolean {
	const code = (error.errorResponse as IDataObject | undefined)?.status;
	return (
		NOT_SUPPORTED_HTTP.includes(String(error.httpCode)) ||
		(typeof code === 'number' && NOT_SUPPORTED_CODES.includes(code))
	);
}

/** The error a failed Delete reports: "not supported" for an answer that says the call is not there. */
function deleteFailure(node: INode, id: string, error: unknown, itemIndex: number) {
	if (!(error instanceof VendorApiError))
		return new NodeOperationError(node, error as Error, { itemIndex });
	if (!notSupported(error)) return error;
	const status = error.httpCode ? `HTTP ${error.httpCode}` : 'a failure';
	return new NodeOperationError(
		node,
		`Humanity does not support deleting master task ${id} through the API (it answered ${status}): nothing is known to be deleted`,
		{
			itemIndex,
			description: `No Humanity page documents deleting master tasks, and this answer says the call is not there (or the task is not found). Delete it in Humanity (Tasks), then check. Humanity said: ${error.message}`,
		},
	);
}

/**
 * Unverified: no Humanity page documents DELETE /master-tasks/{taskId} (the sheet's Unknown line). A soft delete
 * is [inferred] (the list takes includeDeleted). A 404 or 405 is "not supported", never success.
 */
export const deleteMasterTask = defineOperation({
	value: 'delete',
	name: 'Delete (Unverified)',
	action: 'Delete a master task (unverified, destructive)',
	description:
		'Unverified and destructive: calls DELETE on a master task, which Humanity does not document. Removes it from the company task list; fails if Humanity does not support it.',
	fields: [
		{
			displayName:
				'Unverified: Humanity documents no Delete for master tasks. This sends DELETE for the master task below and removes it from the company task list (believed to be a soft delete: listable with Include Deleted; tasks already on shifts stay). If Humanity answers that the call is not there (HTTP 404 or 405), the node fails and nothing is known to be deleted.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		masterTaskField,
	],
	run: eachItem(async function (itemIndex, valueOf) {
		const id = humanityInput(this, itemIndex, valueOf).ulid('masterTaskId', 'Master Task');
		try {
			const answer = await humanityApiRequest.call(this, 'DELETE', `/master-tasks/${id}`, {
				itemIndex,
			});
			return [{ deleted: true, id, ...recordOf(answer) }];
		} catch (error) {
			throw deleteFailure(this.getNode(), id, error, itemIndex);
		}
	}),
});
