import { defineOperation } from '../../../shared/operation';
import { PLANNR_PATHS } from '../../api';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many task statuses',
	description: 'The firm’s task statuses, in their order',
	// The list may be `{data}` or paged [inferred]: paged reading takes both, to the last page.
	request: { method: 'GET', url: PLANNR_PATHS.taskStatuses, qs: { sort: 'position' }, paged: true },
});
