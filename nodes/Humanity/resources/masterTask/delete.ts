import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { masterTaskLocator } from '../../fields';
import { readUlid } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';

const show = { resource: ['masterTask'], operation: ['delete'] };

export const deleteDescription: INodeProperties[] = [
	{
		displayName:
			'Deletes this master task from the company task list. Deleted master tasks stay listable (Get Many with Include Deleted); tasks already on shifts stay.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	masterTaskLocator(show),
];

/** [inferred] a soft delete: Humanity's list takes includeDeleted, and shift tasks carry their own copy of the name. */
export async function deleteMasterTask(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const id = readUlid(
			this,
			itemIndex,
			this.getNodeParameter('masterTaskId', itemIndex, undefined, { extractValue: true }),
			'Master Task',
		);
		const answer = recordsOf(
			await humanityApiRequest.call(this, 'DELETE', `/master-tasks/${id}`, { itemIndex }),
		);
		return [{ deleted: true, id, ...(answer[0] ?? {}) }];
	});
}
