import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import { returnAllAndLimit } from '../../../shared/listFields';
import { readChoice, readDay, readLimit, refuseField } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';

const show = { resource: ['shift'], operation: ['getMany'] };

/** get-shifts: the modes the API takes. Overview lists every employee's shifts; the API's own default is the signed-in employee's. */
const MODES = [
	{ name: 'Overview (All Shifts)', value: 'overview' },
	{ name: 'Employee (One Employee)', value: 'employee' },
	{ name: 'Employees (Several Employees)', value: 'employees' },
	{ name: 'Location', value: 'location' },
	{ name: 'Open (Nobody Assigned)', value: 'open' },
	{ name: 'Schedule (Positions)', value: 'schedule' },
];

export const getManyDescription: INodeProperties[] = [
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: "First day of the range, in the workflow's time zone",
		displayOptions: { show },
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: "Last day of the range (included), in the workflow's time zone",
		displayOptions: { show },
	},
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
				displayName: 'Employee Names or IDs',
				name: 'employees',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getEmployees' },
				default: [],
				description:
					'Only shifts with any of these employees on them. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Location Name or ID',
				name: 'location',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLocations' },
				default: '',
				description:
					'Only shifts at this location. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: MODES,
				default: 'overview',
				description: "Which shifts Humanity lists; Overview lists everyone's",
			},
			{
				displayName: 'Position Names or IDs',
				name: 'schedule',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getPositions' },
				default: [],
				description:
					'Only shifts of these positions (schedules). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

const idsOf = (value: unknown): number[] =>
	(Array.isArray(value) ? value : String(value ?? '').split(','))
		.map((id) => String(id).trim())
		.filter((id) => id !== '')
		.map(Number);

function readIds(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
): number[] {
	const ids = idsOf(value);
	if (ids.some((id) => !Number.isInteger(id) || id < 0))
		throw refuseField(
			context,
			itemIndex,
			`"${label}" must hold IDs, whole numbers (got "${String(value)}")`,
			label,
		);
	return ids;
}

export async function getMany(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const startDate = readDay(
			this,
			itemIndex,
			this.getNodeParameter('startDate', itemIndex, ''),
			'Start Date',
		);
		const endDate = readDay(
			this,
			itemIndex,
			this.getNodeParameter('endDate', itemIndex, ''),
			'End Date',
		);
		if (endDate < startDate)
			throw refuseField(
				this,
				itemIndex,
				`"End Date" (${endDate}) is before "Start Date" (${startDate})`,
				'End Date',
			);
		const limit = readLimit(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const schedule = readIds(this, itemIndex, filters.schedule, 'Position Names or IDs');
		const employees = readIds(this, itemIndex, filters.employees, 'Employee Names or IDs');
		const location = readIds(this, itemIndex, filters.location, 'Location Name or ID');
		const mode = readChoice(
			this,
			itemIndex,
			filters.mode || 'overview',
			MODES.map((option) => option.value),
			'Mode',
		);
		if (mode === 'employee' && employees.length > 1) {
			throw refuseField(
				this,
				itemIndex,
				'Mode "Employee" takes one employee; use Mode "Employees" for several',
				'Employee Names or IDs',
			);
		}
		const qs: IDataObject = { start_date: startDate, end_date: endDate, mode };
		if (schedule.length) qs.schedule = schedule.join(',');
		if (employees.length) qs.employees = employees.join(',');
		if (location.length) qs.location = location[0];
		const shifts = recordsOf(
			await humanityApiRequest.call(this, 'GET', '/shifts', { qs, itemIndex }),
		);
		// Humanity applies each filter in some modes only (get-shifts); applying them here too makes every mode honour them.
		return shifts
			.filter((shift) => schedule.length === 0 || schedule.includes(Number(shift.schedule)))
			.filter(
				(shift) =>
					location.length === 0 ||
					location[0] ===
						Number((shift.location as IDataObject | null)?.id ?? shift.schedule_location_id),
			)
			.filter(
				(shift) =>
					employees.length === 0 ||
					((shift.employees as IDataObject[] | undefined) ?? []).some((employee) =>
						employees.includes(Number(employee.id)),
					),
			)
			.slice(0, limit);
	});
}
