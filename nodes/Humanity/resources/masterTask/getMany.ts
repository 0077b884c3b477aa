import type { IDataObject } from 'n8n-workflow';
import { filtersCollection } from '../../../shared/collectionFields';
import { returnAllAndLimitFields } from '../../../shared/listFields';
import { defineOperation, eachItem } from '../../../shared/operation';
import { humanityInput } from '../../input';
import { humanityCursorPages } from '../../requests';
import { MIN_SEARCH_TERM } from '../../vocabulary';
import { positionsField } from './fields';

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many master tasks',
	description: 'List or search the company task list',
	fields: [
		...returnAllAndLimitFields,
		filtersCollection([
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether to list deleted master tasks too',
			},
			{
				...positionsField,
				description:
					'Only tasks Humanity matches to these positions (whether a task needs one or all of them is not documented). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Search Term',
				name: 'searchTerm',
				type: 'string',
				default: '',
				description: `Words in the task's name (at least ${MIN_SEARCH_TERM} characters); descriptions are not searched`,
			},
		]),
	],
	run: eachItem(async function (itemIndex, valueOf) {
		const input = humanityInput(this, itemIndex, valueOf);
		const limit = input.limit();
		const qs: IDataObject = {};
		const searchTerm = String(valueOf('filters.searchTerm') ?? '').trim();
		if (searchTerm !== '') {
			if (searchTerm.length < MIN_SEARCH_TERM) {
				throw input.refuse(
					`"Search Term" needs at least ${MIN_SEARCH_TERM} characters (got "${searchTerm}")`,
					'Search Term',
				);
			}
			qs.searchTerm = searchTerm;
		}
		const positionIds = input.wholeNumbers('filters.positionIds', 'Position Names or IDs');
		if (positionIds.length) qs.positionIds = positionIds;
		if (valueOf('filters.includeDeleted') === true) qs.includeDeleted = true;
		return await humanityCursorPages.call(this, '/master-tasks', qs, limit, itemIndex);
	}),
	outputsTasks: true,
});
