/** Shifts: `GET /shifts` (by date range and mode) and `GET /shifts/{id}`. */
import { DateTime } from 'luxon';
import { refuse } from './envelope';
import { type Answer, type Context, api, on } from './gates';
import { idList, intParam, lookup } from './input';
import type { HumanityStore } from './store';
import {
	HUMANITY_API_PREFIX,
	type HumanityEmployee,
	type HumanityShift,
	MODELLED_SHIFT_MODES,
	SHIFT_MODES,
} from './types';
import { shiftViewOf } from './views';

export function canEditShift(fake: HumanityStore, user: HumanityEmployee): boolean {
	return fake.options.shiftEditRoles.includes(user.role);
}

function day(fake: HumanityStore, value: string, name: string): DateTime {
	// [inferred] shiftDayFormat: no sheet line decides the format (get-shifts names the parameters only); 'today' as in v1.
	const zone = fake.options.timeZone;
	let parsed =
		value === 'today'
			? fake.zoned().startOf('day')
			: DateTime.fromFormat(value, 'yyyy-MM-dd', { zone });
	if (!parsed.isValid && fake.options.shiftDayFormat === 'lenient')
		parsed = DateTime.fromISO(value, { zone }).setZone(zone).startOf('day');
	if (!parsed.isValid) return refuse(9, `${name} must be a date (yyyy-MM-dd)`);
	return parsed;
}

function listShifts(fake: HumanityStore, { request, user }: Context): Answer {
	const q = request.query;
	const mode = q.mode ?? 'employee';
	if (!(SHIFT_MODES as readonly string[]).includes(mode))
		return refuse(9, `mode must be one of ${SHIFT_MODES.join(', ')}`);
	if (!(MODELLED_SHIFT_MODES as readonly string[]).includes(mode))
		return refuse(9, `mode ${mode} is not modelled by this fake`);
	if (
		(q.start_date === undefined || q.end_date === undefined) &&
		fake.options.missingShiftDates === 'reject'
	) {
		return refuse(8, 'start_date and end_date are required');
	}
	const from = day(fake, q.start_date ?? 'today', 'start_date');
	const to = q.end_date === undefined ? from : day(fake, q.end_date, 'end_date');
	if (to < from) return refuse(9, 'end_date must not be before start_date');
	const fromMs = from.toMillis();
	const toMs = to.plus({ days: 1 }).toMillis();

	let rows = [...fake.shifts.values()].filter((shift) =>
		fake.options.shiftRangeMatch === 'overlaps'
			? shift.startMs < toMs && shift.endMs > fromMs
			: shift.startMs >= fromMs && shift.startMs < toMs,
	);
	const positions =
		q.schedule === undefined || q.schedule === '' ? undefined : idList(q.schedule, 'schedule');
	const employees =
		q.employees === undefined || q.employees === '' ? undefined : idList(q.employees, 'employees');
	const location =
		q.location === undefined || q.location === '' ? undefined : intParam(q.location, 'location');
	// Documented (get-shifts): `schedule` "Works only with modes: confirm, location, schedule, employees";
	// `location` only with confirm, employees; `employees` with confirm, employees. In any other mode the
	// parameter is ignored: mode employee lists the token user's shifts whatever `employees` says.
	if (positions && ['location', 'schedule', 'employees'].includes(mode))
		rows = rows.filter((shift) => positions.includes(shift.positionId));
	if (location !== undefined && mode === 'employees')
		rows = rows.filter((shift) => shift.locationId === location);
	if (employees && mode === 'employees')
		rows = rows.filter((shift) => shift.employeeIds.some((id) => employees.includes(id)));
	if (mode === 'employee') rows = rows.filter((shift) => shift.employeeIds.includes(user.id));
	// [inferred] openShifts: no sheet line decides which shifts mode open lists: those with nobody on them, or those with fewer than they need.
	if (mode === 'open')
		rows = rows.filter((shift) =>
			fake.options.openShifts === 'short-staffed'
				? shift.employeeIds.length < shift.needed
				: shift.employeeIds.length === 0,
		);
	rows.sort((a, b) => a.startMs - b.startMs || a.id - b.id);
	if (mode === 'open' && (q.start_limit !== undefined || q.end_limit !== undefined)) {
		// Documented: in mode open, start_limit behaves as an offset and end_limit as a limit.
		const offset = q.start_limit === undefined ? 0 : intParam(q.start_limit, 'start_limit');
		const limit = q.end_limit === undefined ? rows.length : intParam(q.end_limit, 'end_limit');
		rows = rows.slice(offset, offset + limit);
	}
	return { data: rows.map((shift) => shiftViewOf(fake, shift)) };
}

/** The shifts an id list names; unknown ids are skipped or refused (unknownShiftInList). */
export function shiftsNamed(fake: HumanityStore, value: string): HumanityShift[] {
	const found: HumanityShift[] = [];
	for (const id of idList(value, 'shiftIds')) {
		const shift = fake.shifts.get(id);
		if (shift) found.push(shift);
		else if (fake.options.unknownShiftInList === 'reject')
			refuse(fake.options.notFoundCodes.get, `Shift ${id} not found`);
	}
	return found;
}

export function shiftRoutes(fake: HumanityStore): void {
	const v2 = (path: string) => `${HUMANITY_API_PREFIX}${path}`;
	on(
		fake,
		'GET',
		v2('/shifts'),
		api(fake, (c) => listShifts(fake, c)),
	);
	on(
		fake,
		'GET',
		v2('/shifts/:id'),
		api(fake, (c) => {
			const id = intParam(c.request.params.id, 'id');
			// [inferred] unknownShiftGet: sheet Unknown: "`GET /shifts/{id}`"; its answer for an unknown id is undocumented.
			if (!fake.shifts.has(id) && fake.options.unknownShiftGet === 'empty') return { data: null };
			return { data: shiftViewOf(fake, lookup(fake, fake.shifts, id, 'get', 'Shift')) };
		}),
	);
}
