import type { IDataObject } from 'n8n-workflow';
import { filtersCollection } from '../../../shared/collectionFields';
import { returnAllAndLimitFields } from '../../../shared/listFields';
import { listedOptionsField } from '../../../shared/listedOptions';
import { defineOperation, eachItem } from '../../../shared/operation';
import { recordsOf } from '../../api';
import { humanityInput, type HumanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { SHIFT_FILTER_MODES, SHIFT_MODES, type ShiftFilter } from '../../vocabulary';

/** How each filter is named in messages, as the editor shows it. */
const FILTER_LABELS: Record<ShiftFilter, string> = {
	schedule: 'Position Names or IDs',
	location: 'Location Name or ID',
	employees: 'Employee Names or IDs',
};

const modeName = (mode: string) =>
	String(SHIFT_MODES.find((option) => option.value === mode)?.name ?? mode);

/**
 * The mode to send so that Humanity itself applies every filter given: the shifts a flow acts on are chosen by
 * Humanity, never by re-reading guessed fields of the shift object (the v2 shift object is undocumented).
 */
function modeFor(input: HumanityInput, chosen: string, filters: ShiftFilter[]): string {
	if (chosen === 'auto') {
		if (filters.length === 0) return 'overview';
		return filters.every((filter) => filter === 'schedule') ? 'schedule' : 'employees';
	}
	const ignored = filters.find((filter) => !SHIFT_FILTER_MODES[filter].includes(chosen));
	if (ignored !== undefined) {
		const modes = SHIFT_FILTER_MODES[ignored].map(modeName).join(', ');
		throw input.refuse(
			`Humanity ignores "${FILTER_LABELS[ignored]}" in Mode "${modeName(chosen)}": set Mode to Automatic, or to one of ${modes}`,
			'Mode',
		);
	}
	return chosen;
}

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
				default: 'auto',
				description:
					"Which shifts Humanity lists. Humanity applies each filter in some modes only; Automatic picks one that applies them (or Overview, everyone's, without filters).",
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
		const given: ShiftFilter[] = [];
		if (schedule.length) given.push('schedule');
		if (location !== undefined) given.push('location');
		if (employees.length) given.push('employees');
		const mode = modeFor(input, String(valueOf('filters.mode') || 'auto'), given);
		const qs: IDataObject = { start_date: startDate, end_date: endDate, mode };
		if (schedule.length) qs.schedule = schedule.join(',');
		if (employees.length) qs.employees = employees.join(',');
		if (location !== undefined) qs.location = location;
		// The shifts as Humanity filtered them: none is dropped or kept here by a field of the shift object.
		const shifts = recordsOf(
			await humanityApiRequest.call(this, 'GET', '/shifts', { qs, itemIndex }),
		);
		return shifts.slice(0, limit);
	}),
});
