import { returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation, eachItem } from '../../../shared/operation';
import { recordsOf } from '../../api';
import { shiftIdsFields } from '../../fields';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get the tasks of shifts',
	description: 'List the tasks of one or more shifts',
	fields: [...shiftIdsFields, ...returnAllAndLimitFields],
	run: eachItem(async function (itemIndex, valueOf) {
		const input = humanityInput(this, itemIndex, valueOf);
		const shiftIds = input.shiftIds();
		const limit = input.limit();
		const path = `/shifts/${shiftIds.join(',')}/tasks`;
		const tasks = recordsOf(await humanityApiRequest.call(this, 'GET', path, { itemIndex }));
		return tasks.slice(0, limit);
	}),
	outputsTasks: true,
});
