import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { recordsOf } from './api';
import { SHIFT_LIST_WINDOW } from './fields';
import { humanityApiRequest, humanityCursorPages } from './requests';
import { shiftLabel, shiftsAround } from './shiftChoices';

async function optionsFrom(
	context: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string,
): Promise<INodePropertyOptions[]> {
	const answer = await humanityApiRequest.call(context, 'GET', path);
	return recordsOf(answer)
		.map((record) => ({ name: label(record), value: Number(record.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Positions, which the shift API calls schedules. */
export async function getPositions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, '/positions', (position) => String(position.name));
}

export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, '/locations', (location) => String(location.name));
}

export async function getEmployees(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await optionsFrom(this, '/employees', (employee) =>
		String(employee.name ?? `${employee.firstname} ${employee.lastname}`),
	);
}

/** Every live master task (the shift-task list's pick), page after page. */
export async function getMasterTasks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tasks = await humanityCursorPages.call(this, '/master-tasks', {});
	return tasks
		.map((task) => ({ name: String(task.name), value: String(task.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The shifts of the Shift Names or IDs list (every employee's), earliest first, by day, hours, title and position. */
export async function getShifts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const shifts = await shiftsAround(this, SHIFT_LIST_WINDOW);
	return shifts.map((shift) => ({ name: shiftLabel(shift), value: Number(shift.id) }));
}
