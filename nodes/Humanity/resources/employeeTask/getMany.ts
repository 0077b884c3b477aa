import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { returnAllAndLimit } from '../../../shared/listFields';
import { shiftIdsField } from '../../fields';
import { readChoice, readLimit, readOptionalWholeNumber, readShiftIds } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';

const show = { resource: ['employeeTask'], operation: ['getMany'] };

/** Activity status: 0 not started, 1 started, 2 completed. */
const STATUS_FILTERS = [
	{ name: 'Any', value: 'any' },
	{ name: 'Not Started', value: '0' },
	{ name: 'Started', value: '1' },
	{ name: 'Completed', value: '2' },
	{ name: 'Not Completed', value: 'open' },
];

export const getManyDescription: INodeProperties[] = [
	shiftIdsField(show),
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
				displayName: 'Employee Name or ID',
				name: 'employeeId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getEmployees' },
				default: '',
				description:
					'Only this employee\'s tasks. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUS_FILTERS,
				default: 'any',
			},
		],
	},
];

function statusOf(task: IDataObject): number {
	return Number((task.activity as IDataObject | undefined)?.status ?? 0);
}

export async function getMany(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const shiftIds = readShiftIds(this, itemIndex, 'shiftIds', 'Shift IDs');
		const limit = readLimit(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const status = readChoice(
			this,
			itemIndex,
			filters.status ?? 'any',
			STATUS_FILTERS.map((filter) => filter.value),
			'Status',
		);
		const employeeId = readOptionalWholeNumber(
			this,
			itemIndex,
			filters.employeeId,
			'Employee Name or ID',
		);
		const answer = await humanityApiRequest.call(
			this,
			'GET',
			`/shifts/${shiftIds.join(',')}/employee-tasks`,
			{ itemIndex },
		);
		// Humanity documents no filters on this list: they apply to its answer.
		return recordsOf(answer)
			.filter((task) => employeeId === undefined || Number(task.employeeId) === employeeId)
			.filter(
				(task) =>
					status === 'any' ||
					(status === 'open' ? statusOf(task) !== 2 : statusOf(task) === Number(status)),
			)
			.slice(0, limit);
	});
}
