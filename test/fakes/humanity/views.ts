/**
 * Records as the API answers them: employees, positions, shifts, shift tasks, master tasks, employee tasks.
 */
import type { DateTime } from 'luxon';
import type { HumanityStore } from './store';
import {
	type HumanityEmployee,
	type HumanityEmployeeTask,
	type HumanityMasterTask,
	type HumanityPosition,
	type HumanityShift,
	type HumanityShiftTask,
	ROLES,
} from './types';

export function employeeViewOf(
	fake: HumanityStore,
	employee: HumanityEmployee,
): Record<string, unknown> {
	// [inferred] employeeName: no sheet line covers /me or /employees; nodes read id and the name. The other
	// fields are a plain shape no node reads; the password and username never appear.
	const name =
		fake.options.employeeName === 'name-and-parts'
			? { name: `${employee.firstname} ${employee.lastname}`.trim() }
			: {};
	return {
		id: employee.id,
		...name,
		firstname: employee.firstname,
		lastname: employee.lastname,
		email: employee.email,
		role: employee.role,
		group: ROLES.indexOf(employee.role) + 1,
		positions: employee.positionIds.map((id) => ({
			id,
			name: fake.positions.get(id)?.name ?? '',
		})),
	};
}

export function positionViewOf(
	fake: HumanityStore,
	position: HumanityPosition,
): Record<string, unknown> {
	const location =
		position.locationId === null ? undefined : fake.locations.get(position.locationId);
	return {
		id: position.id,
		name: position.name,
		color: position.color,
		location: location ? { id: location.id, name: location.name } : null,
	};
}

/** [inferred] shiftObject: sheet Unknown: "the v2 shift object"; v1's fields by default: local start/end with their ISO copies, the position as `schedule`. */
export function shiftViewOf(fake: HumanityStore, shift: HumanityShift): Record<string, unknown> {
	const start = fake.zoned(shift.startMs);
	const end = fake.zoned(shift.endMs);
	const minutes = Math.round((shift.endMs - shift.startMs) / 60_000);
	const dateView = (d: DateTime) => ({
		month: d.month,
		day: d.day,
		year: d.year,
		formatted: d.toFormat('yyyy-MM-dd'),
		time: d.toFormat('h:mma').toLowerCase(),
		hours: d.hour,
		mins: d.minute,
		timestamp: Math.floor(d.toSeconds()),
		iso8601: d.toISO({ suppressMilliseconds: true }),
	});
	const position = fake.positions.get(shift.positionId);
	const location = shift.locationId === null ? undefined : fake.locations.get(shift.locationId);
	if (fake.options.shiftObject === 'other') {
		// shiftObject 'other': ids as strings, the position nested, no v1 position fields.
		return {
			id: String(shift.id),
			title: shift.title,
			notes: shift.notes,
			start_timestamp: start.toFormat('yyyy-MM-dd HH:mm:ss'),
			end_timestamp: end.toFormat('yyyy-MM-dd HH:mm:ss'),
			position: position ? { id: String(position.id), name: position.name } : null,
			location: location ? { id: String(location.id), name: location.name } : null,
			employees: shift.employeeIds.map((id) => ({ id: String(id) })),
		};
	}
	return {
		id: shift.id,
		title: shift.title,
		notes: shift.notes,
		start_timestamp: start.toFormat('yyyy-MM-dd HH:mm:ss'),
		end_timestamp: end.toFormat('yyyy-MM-dd HH:mm:ss'),
		start_date: dateView(start),
		end_date: dateView(end),
		length: {
			hours: Math.floor(minutes / 60),
			mins: minutes % 60,
			total_hours: Math.round((minutes / 60) * 100) / 100,
		},
		schedule: shift.positionId,
		schedule_name: position?.name ?? '',
		schedule_location_id: shift.locationId,
		location: location ? { id: location.id, name: location.name } : null,
		employees: shift.employeeIds.map((id) => {
			const employee = fake.employees.get(id);
			return { id, name: employee ? `${employee.firstname} ${employee.lastname}` : '' };
		}),
		working: shift.employeeIds.length,
		published: shift.published ? 1 : 0,
	};
}

/** Seed 004's fields, in its order. */
export function shiftTaskViewOf(task: HumanityShiftTask): Record<string, unknown> {
	return {
		id: task.id,
		taskId: task.taskId,
		shiftId: task.shiftId,
		name: task.name,
		description: task.description,
		type: task.type,
		options: task.options ? { ...task.options } : null,
		createdBy: task.createdBy,
		createdAt: task.createdAt,
		updatedBy: task.updatedBy,
		updatedAt: task.updatedAt,
		deletedBy: task.deletedBy,
		deletedAt: task.deletedAt,
	};
}

export function masterTaskViewOf(task: HumanityMasterTask): Record<string, unknown> {
	return { ...task, positionIds: [...task.positionIds] };
}

/** The sheet's fields: taskId (the master task), shiftId, type and options come from the shift task. */
export function employeeTaskViewOf(
	fake: HumanityStore,
	task: HumanityEmployeeTask,
): Record<string, unknown> {
	const shiftTask = fake.shiftTasks.get(task.shiftTaskId);
	return {
		id: task.id,
		employeeId: task.employeeId,
		taskId: shiftTask?.taskId ?? null,
		shiftId: shiftTask?.shiftId ?? null,
		shiftTaskId: task.shiftTaskId,
		type: shiftTask?.type ?? null,
		options: shiftTask?.options ? { ...shiftTask.options } : null,
		activity: { ...task.activity },
	};
}
