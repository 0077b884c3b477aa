import { filtersCollection } from '../../../shared/collectionFields';
import { sentInQuery } from '../../../shared/fieldRouting';
import { limitRule, returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation } from '../../../shared/operation';
import { PLANNR_PATHS } from '../../api';
import { ACCOUNT_TYPES } from '../../vocabulary';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many accounts',
	description: 'The accounts tasks can be assigned to',
	fields: [
		...returnAllAndLimitFields,
		filtersCollection([
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: ACCOUNT_TYPES,
				default: 'employee',
				description: 'Only accounts of this type (employees are the ones tasks are assigned to)',
				routing: sentInQuery('filter[type]'),
			},
		]),
	],
	rules: [limitRule],
	request: { method: 'GET', url: PLANNR_PATHS.accounts, paged: true },
});
