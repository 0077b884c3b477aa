import type { IDataObject } from 'n8n-workflow';
import { filtersCollection } from '../../../shared/collectionFields';
import { returnAllAndLimitFields } from '../../../shared/listFields';
import { listedOptionsField } from '../../../shared/listedOptions';
import { defineOperation, eachItem } from '../../../shared/operation';
import { recordsOf } from '../../api';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { SHIFT_MODES } from '../../vocabulary';

const employeesOf = (shift: IDataObject) => (shift.employees as IDataObject[] | undefined) ?? [];
const locationOf = (shift: IDataObject) =>
	Number((shift.location as IDataObject | null)?.id ?? shift.schedule_location_id);

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many shifts',
	description: 'List the shifts of a date range',
	fields: [
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: "First day of the range, in the workflow's time zone",
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: "Last day of the range (included), in the workflow's time zone",
		},
		...returnAllAndLimitFields,
		filtersCollection([
			listedOptionsField({
				thing: 'Employee',
				several: true,
				name: 'employees',
				loadOptionsMethod: 'getEmployees',
				purpose: 'Only shifts with any of these employees on them.',
			}),
			listedOptionsField({
				thing: 'Location',
				name: 'location',
				loadOptionsMethod: 'getLocations',
				purpose: 'Only shifts at this location.',
			}),
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: SHIFT_MODES,
				default: 'overview',
				description: "Which shifts Humanity lists; Overview lists everyone's",
			},
			listedOptionsField({
				thing: 'Position',
				several: true,
				name: 'schedule',
				loadOptionsMethod: 'getPositions',
				purpose: 'Only shifts of these positions (schedules).',
			}),
		]),
	],
	run: eachItem(async function (itemIndex, valueOf) {
		const input = humanityInput(this, itemIndex, valueOf);
		const startDate = input.day('startDate', 'Start Date');
		const endDate = input.day('endDate', 'End Date');
		if (endDate < startDate)
			throw input.refuse(
				`"End Date" (${endDate}) is before "Start Date" (${startDate})`,
				'End Date',
			);
		const limit = input.limit();
		const schedule = input.wholeNumbers('filters.schedule', 'Position Names or IDs');
		const employees = input.wholeNumbers('filters.employees', 'Employee Names or IDs');
		const [location] = input.wholeNumbers('filters.location', 'Location Name or ID');
		const mode = String(valueOf('filters.mode') || 'overview');
		if (mode === 'employee' && employees.length > 1) {
			throw input.refuse(
				'Mode "Employee" takes one employee; use Mode "Employees" for several',
				'Employee Names or IDs',
			);
		}
		const qs: IDataObject = { start_date: startDate, end_date: endDate, mode };
		if (schedule.length) qs.schedule = schedule.join(',');
		if (employees.length) qs.employees = employees.join(',');
		if (location !== undefined) qs.location = location;
		const shifts = recordsOf(
			await humanityApiRequest.call(this, 'GET', '/shifts', { qs, itemIndex }),
		);
		// Humanity applies each filter in some modes only (get-shifts); applying them here too makes every mode honour them.
		return shifts
			.filter((shift) => schedule.length === 0 || schedule.includes(Number(shift.schedule)))
			.filter((shift) => location === undefined || location === locationOf(shift))
			.filter(
				(shift) =>
					employees.length === 0 ||
					employeesOf(shift).some((employee) => employees.includes(Number(employee.id))),
			)
			.slice(0, limit);
	}),
});
