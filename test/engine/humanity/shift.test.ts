/**
 * Shifts: Get Many over a range of days (position filter, Limit), Get, and the shift and shift-task pickers.
 */
import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';
import { searchList } from '../harness';
import { apiCalls, byId, credentialId, engine, fake, humanity, seed, useHumanity } from './setup';

useHumanity();

describe('shift', () => {
	it('Get Many sends the days in the vendor format, mode overview by default, and returns every shift of the range', async () => {
		const { shift, other } = seed();
		engine.timezone = 'America/New_York';
		const { items, error } = await humanity({
			resource: 'shift',
			operation: 'getAll',
			startDate: '2026-11-23T00:00:00',
			endDate: '2026-11-24T00:00:00',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(apiCalls()[0].query).toMatchObject({
			start_date: '2026-11-23',
			end_date: '2026-11-24',
			mode: 'overview',
		});
		expect(items.map((item) => item.json.id)).toEqual([shift.id, other.id]);
	});

	describe.each(['v1', 'other'] as const)(
		'Get Many lets Humanity filter, whatever the shift object holds (shiftObject %s)',
		(shiftObject) => {
			afterEach(() => {
				fake.options.shiftObject = 'v1';
			});

			/** Morning bar (Barista, Sam, Main Street), Kitchen prep (Kitchen, nobody), and a kiosk shift elsewhere. */
			function world() {
				fake.options.shiftObject = shiftObject;
				const { shift, other, positionId } = seed();
				const kiosk = fake.addLocation({ name: 'Station Kiosk' });
				const kioskCrew = fake.addPosition({ name: 'Kiosk Crew', locationId: kiosk.id });
				const kioskShift = fake.addShift({
					start: '2026-11-23 10:00',
					end: '2026-11-23 18:00',
					positionId: kioskCrew.id,
					employeeIds: shift.employeeIds,
				});
				return { shift, other, positionId, kiosk, kioskShift };
			}

			const listShifts = (filters: IDataObject) =>
				humanity({
					resource: 'shift',
					operation: 'getAll',
					startDate: '2026-11-20',
					endDate: '2026-11-30',
					returnAll: true,
					filters,
				});
			const idsOf = (items: Array<{ json: IDataObject }>) =>
				items.map((item) => String(item.json.id));

			it('positions: Automatic sends mode schedule, and the output is the shifts Humanity answered', async () => {
				const { shift, positionId } = world();
				const { items, error } = await listShifts({ schedule: [positionId] });
				expect(error).toBeUndefined();
				expect(apiCalls()[0].query).toMatchObject({
					mode: 'schedule',
					schedule: String(positionId),
				});
				expect(idsOf(items)).toEqual([String(shift.id)]);
			});

			it('a location or employees: Automatic sends mode employees (where Humanity applies them)', async () => {
				const { shift, kiosk, kioskShift } = world();
				const atKiosk = await listShifts({ location: kiosk.id });
				expect(apiCalls()[0].query).toMatchObject({
					mode: 'employees',
					location: String(kiosk.id),
				});
				expect(idsOf(atKiosk.items)).toEqual([String(kioskShift.id)]);
				fake.server.clearRequests();
				const withSam = await listShifts({ employees: shift.employeeIds });
				expect(apiCalls()[0].query).toMatchObject({ mode: 'employees' });
				expect(idsOf(withSam.items)).toEqual([String(shift.id), String(kioskShift.id)]);
			});
		},
	);

	it('Get Many with a Mode in which Humanity ignores a filter is refused before any request, naming Mode', async () => {
		const { positionId, shift } = seed();
		const cases: Array<[IDataObject, string]> = [
			[
				{ mode: 'overview', schedule: [positionId] },
				'Humanity ignores "Position Names or IDs" in Mode "Overview (All Shifts)": set Mode to Automatic, or to one of Location, Schedule (Positions), Employees (Several Employees)',
			],
			[
				{ mode: 'location', location: 11 },
				'Humanity ignores "Location Name or ID" in Mode "Location": set Mode to Automatic, or to one of Employees (Several Employees)',
			],
			[
				{ mode: 'employee', employees: shift.employeeIds },
				'Humanity ignores "Employee Names or IDs" in Mode "Employee (Signed-In User)": set Mode to Automatic, or to one of Employees (Several Employees)',
			],
		];
		for (const [filters, message] of cases) {
			const { error } = await humanity({
				resource: 'shift',
				operation: 'getAll',
				startDate: '2026-11-20',
				endDate: '2026-11-30',
				returnAll: true,
				filters,
			});
			expect(error?.message).toBe(message);
		}
		expect(fake.requests).toHaveLength(0);
	});

	it('Get Many filters by position, and Limit cuts the list', async () => {
		const { shift, positionId } = seed();
		const filtered = await humanity({
			resource: 'shift',
			operation: 'getAll',
			startDate: '2026-11-20',
			endDate: '2026-11-30',
			returnAll: true,
			filters: { schedule: [positionId] },
		});
		expect(filtered.items.map((item) => item.json.id)).toEqual([shift.id]);
		expect(apiCalls()[0].query.schedule).toBe(String(positionId));
		const limited = await humanity({
			resource: 'shift',
			operation: 'getAll',
			startDate: '2026-11-20',
			endDate: '2026-11-30',
			returnAll: false,
			limit: 1,
		});
		expect(limited.items).toHaveLength(1);
	});

	it('Get Many with the end before the start is refused before any request', async () => {
		seed();
		const { error } = await humanity({
			resource: 'shift',
			operation: 'getAll',
			startDate: '2026-11-24',
			endDate: '2026-11-23',
			returnAll: true,
		});
		expect(error?.message).toBe('"End Date" (2026-11-23) is before "Start Date" (2026-11-24)');
		expect(fake.requests).toHaveLength(0);
	});

	it('Get: an answer without the shift (unknownShiftGet empty) is an error, never an empty result', async () => {
		seed();
		fake.options.unknownShiftGet = 'empty';
		try {
			const { items, error } = await humanity({
				resource: 'shift',
				operation: 'get',
				shiftId: byId('999999'),
			});
			expect(items).toHaveLength(0);
			expect(error?.message).toBe('Humanity answered GET /shifts/999999 without a shift');
		} finally {
			fake.options.unknownShiftGet = 'code';
		}
	});

	it("Get returns one shift; an unknown one is Humanity's error", async () => {
		const { shift } = seed();
		expect(
			(await humanity({ resource: 'shift', operation: 'get', shiftId: byId(String(shift.id)) }))
				.items[0].json,
		).toMatchObject({ id: shift.id, title: 'Morning bar' });
		expect(
			(await humanity({ resource: 'shift', operation: 'get', shiftId: byId('999999') })).error
				?.message,
		).toBe('Humanity: Get Failed - Your GET request failed: Shift 999999 not found (code 15)');
	});

	it("the shift picker lists the coming shifts; the task picker the picked shift's tasks", async () => {
		const { tasks, shift } = seed();
		// The picker's "today" is the workflow's: 23:00 of that day falls on that day or the next in the company's zone.
		const lateToday = DateTime.now()
			.setZone(engine.timezone)
			.set({ hour: 23, minute: 0, second: 0, millisecond: 0 });
		const soon = fake.addShift({
			start: lateToday.toISO()!,
			end: lateToday.plus({ minutes: 30 }).toISO()!,
			positionId: shift.positionId,
			title: 'Late check',
		});
		const spec = {
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId,
			parameters: { resource: 'shiftTask', operation: 'update', shiftId: byId(String(shift.id)) },
		};
		const shifts = await searchList(engine, spec, 'searchShifts');
		expect(shifts.map((result) => result.value)).toContain(String(soon.id));
		expect(apiCalls()[0].query.mode).toBe('overview');
		const shiftTasks = await searchList(engine, spec, 'searchShiftTasks');
		expect(shiftTasks).toEqual(
			tasks.slice(0, 3).map((task) => ({ name: task.name, value: task.id })),
		);
	});
});
