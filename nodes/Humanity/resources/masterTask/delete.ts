import { defineOperation, eachItem } from '../../../shared/operation';
import { recordOf } from '../../api';
import { masterTaskField } from '../../fields';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';

/** [inferred] a soft delete: Humanity's list takes includeDeleted, and shift tasks carry their own copy of the name. */
export const deleteMasterTask = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a master task',
	description: 'Delete a task from the company task list; tasks already on shifts stay',
	fields: [
		{
			displayName:
				'Deletes this master task from the company task list. Deleted master tasks stay listable (Get Many with Include Deleted); tasks already on shifts stay.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		masterTaskField,
	],
	run: eachItem(async function (itemIndex, valueOf) {
		const id = humanityInput(this, itemIndex, valueOf).ulid('masterTaskId', 'Master Task');
		const answer = await humanityApiRequest.call(this, 'DELETE', `/master-tasks/${id}`, {
			itemIndex,
		});
		return [{ deleted: true, id, ...recordOf(answer) }];
	}),
});
