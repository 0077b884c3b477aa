import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { PLANNR_PATHS } from '../../api';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many accounts',
	description: 'The accounts tasks can be assigned to',
	fields: returnAllAndLimitFields,
	rules: [limitRule],
	request: { method: 'GET', url: PLANNR_PATHS.accounts, paged: true },
});
