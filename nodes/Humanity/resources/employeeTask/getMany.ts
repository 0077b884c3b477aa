import type { IDataObject } from 'n8n-workflow';
import { filtersCollection } from '../../../shared/collectionFields';
import { returnAllAndLimitFields } from '../../../shared/listFields';
import { listedOptionsField } from '../../../shared/listedOptions';
import { defineOperation, eachItem } from '../../../shared/operation';
import { isBlank } from '../../../shared/validation';
import { recordsOf } from '../../api';
import { shiftIdsFields } from '../../fields';
import { humanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { ACTIVITY, ACTIVITY_FILTERS } from '../../vocabulary';

const statusOf = (task: IDataObject) =>
	Number((task.activity as IDataObject | undefined)?.status ?? ACTIVITY.notStarted);

/** Whether a task's activity passes the Status filter (an activity status, 'any', or 'open': not completed). */
function passes(filter: string, task: IDataObject): boolean {
	if (filter === 'any') return true;
	if (filter === 'open') return statusOf(task) !== ACTIVITY.completed;
	return statusOf(task) === Number(filter);
}

export const getMany = defineOperation({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get the employee tasks of shifts',
	description: "List each employee's tasks and progress on shifts",
	fields: [
		...shiftIdsFields,
		...returnAllAndLimitFields,
		filtersCollection([
			listedOptionsField({
				thing: 'Employee',
				name: 'employeeId',
				loadOptionsMethod: 'getEmployees',
				purpose: "Only this employee's tasks.",
			}),
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ACTIVITY_FILTERS,
				default: 'any',
			},
		]),
	],
	rules: [{ path: 'filters.employeeId', label: 'Employee Name or ID', kind: 'wholeNumber' }],
	run: eachItem(async function (itemIndex, valueOf) {
		const input = humanityInput(this, itemIndex, valueOf);
		const shiftIds = input.shiftIds();
		const limit = input.limit();
		const status = String(valueOf('filters.status') || 'any');
		const employee = valueOf('filters.employeeId');
		const path = `/shifts/${shiftIds.join(',')}/employee-tasks`;
		// Humanity documents no filters on this list: they apply to its answer.
		return recordsOf(await humanityApiRequest.call(this, 'GET', path, { itemIndex }))
			.filter((task) => isBlank(employee) || Number(task.employeeId) === Number(employee))
			.filter((task) => passes(status, task))
			.slice(0, limit);
	}),
	outputsTasks: true,
});
