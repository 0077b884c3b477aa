import type { INodePropertyOptions } from 'n8n-workflow';

/** A shift task's type, by the editor's value, as Humanity numbers it (seed 004). */
export const SHIFT_TASK_TYPE = { regular: 1, timeBoxed: 2 } as const;

export const SHIFT_TASK_TYPES: INodePropertyOptions[] = [
	{ name: 'Regular', value: 'regular', description: 'Done any time during the shift' },
	{ name: 'Time-Boxed', value: 'timeBoxed', description: 'Has a start time and a due time' },
];

/** The number Humanity has for a type the editor names; Regular when none is given. */
export function shiftTaskTypeOf(value: unknown): number {
	return value === 'timeBoxed' ? SHIFT_TASK_TYPE.timeBoxed : SHIFT_TASK_TYPE.regular;
}

/** An employee task's activity status (update-employee-tasks). */
export const ACTIVITY = { notStarted: 0, started: 1, completed: 2 } as const;

/** Employee Task Get Many's Status filter: one activity status, any, or any but completed. */
export const ACTIVITY_FILTERS: INodePropertyOptions[] = [
	{ name: 'Any', value: 'any' },
	{ name: 'Not Started', value: String(ACTIVITY.notStarted) },
	{ name: 'Started', value: String(ACTIVITY.started) },
	{ name: 'Completed', value: String(ACTIVITY.completed) },
	{ name: 'Not Completed', value: 'open' },
];

/**
 * get-shifts: the modes the API takes. Overview lists every employee's shifts; the API's own default,
 * Employee, lists the signed-in user's. Automatic is the node's: Overview, or the mode in which Humanity
 * itself applies the filters given (SHIFT_FILTER_MODES).
 */
export const SHIFT_MODES: INodePropertyOptions[] = [
	{
		name: 'Automatic',
		value: 'auto',
		description:
			"Everyone's shifts (Overview), or the mode in which Humanity applies the filters you set",
	},
	{ name: 'Overview (All Shifts)', value: 'overview' },
	{ name: 'Employee (Signed-In User)', value: 'employee' },
	{ name: 'Employees (Several Employees)', value: 'employees' },
	{ name: 'Location', value: 'location' },
	// Which shifts Humanity calls open (nobody on them, or fewer than needed) is not documented.
	{ name: 'Open (Open Shifts)', value: 'open' },
	{ name: 'Schedule (Positions)', value: 'schedule' },
];

/** The shift filters, by the query parameter Humanity takes. */
export type ShiftFilter = 'schedule' | 'location' | 'employees';

/**
 * get-shifts: the modes (of those this node offers) in which Humanity applies each filter; in any other it
 * ignores the filter. `schedule` "Works only with modes: confirm, location, schedule, employees"; `location`
 * with confirm, employees; `employees` with confirm, employees.
 */
export const SHIFT_FILTER_MODES: Record<ShiftFilter, string[]> = {
	schedule: ['location', 'schedule', 'employees'],
	location: ['employees'],
	employees: ['employees'],
};

/** Humanity's shortest search term (get-master-tasks: "3+ chars"). */
export const MIN_SEARCH_TERM = 3;

/** What the trigger watches for. */
export type TriggerEvent = 'employeeTaskCompleted' | 'shiftTaskAdded' | 'shiftTaskRemoved';

export const TRIGGER_EVENTS: Array<INodePropertyOptions & { value: TriggerEvent }> = [
	{
		name: 'Employee Task Completed',
		value: 'employeeTaskCompleted',
		description: 'An employee finished their copy of a shift task',
	},
	{ name: 'Shift Task Added', value: 'shiftTaskAdded' },
	{
		name: 'Shift Task Removed',
		value: 'shiftTaskRemoved',
		description: 'Items carry the task as last seen and its shift',
	},
];
