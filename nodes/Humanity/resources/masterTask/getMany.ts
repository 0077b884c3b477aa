import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { returnAllAndLimit } from '../../../shared/listFields';
import { readLimit, refuseField } from '../../input';
import { MIN_SEARCH_TERM } from '../../listSearch';
import { humanityCursorPages } from '../../transport';

const show = { resource: ['masterTask'], operation: ['getMany'] };

export const getManyDescription: INodeProperties[] = [
	...returnAllAndLimit(show),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether to list deleted master tasks too',
			},
			{
				displayName: 'Position Names or IDs',
				name: 'positionIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getPositions' },
				default: [],
				description:
					'Only tasks of any of these positions. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Search Term',
				name: 'searchTerm',
				type: 'string',
				default: '',
				description: 'Words in the name or description (at least 3 characters)',
			},
		],
	},
];

export async function getMany(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const limit = readLimit(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const searchTerm = String(filters.searchTerm ?? '').trim();
		if (searchTerm !== '') {
			if (searchTerm.length < MIN_SEARCH_TERM) {
				throw refuseField(
					this,
					itemIndex,
					`"Search Term" needs at least ${MIN_SEARCH_TERM} characters (got "${searchTerm}")`,
					'Search Term',
				);
			}
			qs.searchTerm = searchTerm;
		}
		const positionIds = (
			Array.isArray(filters.positionIds)
				? filters.positionIds
				: String(filters.positionIds ?? '').split(',')
		)
			.map((id) => String(id).trim())
			.filter((id) => id !== '');
		const badPosition = positionIds.find((id) => !/^\d+$/.test(id));
		if (badPosition !== undefined)
			throw refuseField(
				this,
				itemIndex,
				`"Position Names or IDs" must hold IDs, whole numbers (got "${badPosition}")`,
				'Position Names or IDs',
			);
		if (positionIds.length) qs.positionIds = positionIds.map(Number);
		if (filters.includeDeleted === true) qs.includeDeleted = true;
		return await humanityCursorPages.call(this, '/master-tasks', qs, limit, 100, itemIndex);
	});
}
