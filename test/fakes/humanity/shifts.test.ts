/** The fake Humanity: shifts (shifts.ts). */
import type { HumanityShift } from '.';
import {
	api,
	barista,
	call,
	expectCode,
	fake,
	kiosk,
	kioskCrew,
	kitchen,
	lee,
	main,
	maria,
	ok,
	sam,
	shift,
	token,
	useFake,
	withFake,
} from './testing';

useFake();

describe('shifts', () => {
	let lateKiosk: HumanityShift;
	let kitchenTomorrow: HumanityShift;
	let openShift: HumanityShift;
	let nextWeek: HumanityShift;

	beforeEach(() => {
		lateKiosk = fake.addShift({
			start: '2026-03-04 14:00',
			end: '2026-03-04 22:00',
			positionId: kioskCrew.id,
			employeeIds: [lee.id],
		});
		kitchenTomorrow = fake.addShift({
			start: '2026-03-05 06:00',
			end: '2026-03-05 14:00',
			positionId: kitchen.id,
			employeeIds: [maria.id, fake.primaryUser.id],
		});
		openShift = fake.addShift({
			start: '2026-03-06 07:00',
			end: '2026-03-06 15:00',
			positionId: barista.id,
		});
		nextWeek = fake.addShift({
			start: '2026-03-11 07:00',
			end: '2026-03-11 15:00',
			positionId: barista.id,
			employeeIds: [sam.id],
		});
	});

	const ids = (data: { id: number }[]) => data.map((s) => s.id);

	it('GET /shifts defaults to mode employee: the token user’s own shifts', async () => {
		expect(
			ids(
				ok(
					await api('GET', '/shifts', {
						query: { start_date: '2026-03-01', end_date: '2026-03-31' },
					}),
				),
			),
		).toEqual([kitchenTomorrow.id]);
		const samToken = fake.issueAccessToken(sam.id);
		expect(
			ids(
				ok(
					await api('GET', '/shifts', {
						token: samToken,
						query: { start_date: '2026-03-01', end_date: '2026-03-31' },
					}),
				),
			),
		).toEqual([shift.id, nextWeek.id]);
		// get-shifts: `employees` works only with modes confirm, employees; mode employee ignores it and
		// lists the token user's shifts.
		const range = { start_date: '2026-03-01', end_date: '2026-03-31' };
		for (const employees of [String(lee.id), `${sam.id},${lee.id}`]) {
			expect(
				ids(ok(await api('GET', '/shifts', { query: { ...range, mode: 'employee', employees } }))),
			).toEqual([kitchenTomorrow.id]);
		}
	});

	it('mode overview: shifts whose local start day is in start_date..end_date, both inclusive, by start; overlapping by option', async () => {
		const overview = (query: Record<string, string>, target = fake, tok = token) =>
			call(target, 'GET', '/shifts', { token: tok, query: { mode: 'overview', ...query } });
		expect(ids(ok(await overview({ start_date: '2026-03-04', end_date: '2026-03-05' })))).toEqual([
			shift.id,
			lateKiosk.id,
			kitchenTomorrow.id,
		]);
		expect(ids(ok(await overview({ start_date: '2026-03-05', end_date: '2026-03-11' })))).toEqual([
			kitchenTomorrow.id,
			openShift.id,
			nextWeek.id,
		]);

		await withFake({ shiftRangeMatch: 'overlaps' }, async (other, otherToken) => {
			const p = other.addPosition({ name: 'Night' });
			const night = other.addShift({
				start: '2026-03-03 22:00',
				end: '2026-03-04 06:00',
				positionId: p.id,
			});
			expect(
				ids(
					ok(
						await overview({ start_date: '2026-03-04', end_date: '2026-03-04' }, other, otherToken),
					),
				),
			).toEqual([night.id]);
		});
	});

	it('filters only in their documented modes: schedule (positions), location, employees; ignored in any other; open shifts with start_limit/end_limit', async () => {
		const range = { start_date: '2026-03-01', end_date: '2026-03-31' };
		const list = async (query: Record<string, string | number>) =>
			ids(ok(await api('GET', '/shifts', { query: { ...range, ...query } })));
		expect(await list({ mode: 'schedule', schedule: `${barista.id},${kitchen.id}` })).toEqual([
			shift.id,
			kitchenTomorrow.id,
			openShift.id,
			nextWeek.id,
		]);
		// `location` filters only in modes confirm, employees: mode location and overview ignore it.
		expect(await list({ mode: 'location', location: kiosk.id })).toHaveLength(5);
		expect(await list({ mode: 'overview', location: kiosk.id })).toHaveLength(5);
		expect(await list({ mode: 'employees', location: kiosk.id })).toEqual([lateKiosk.id]);
		expect(await list({ mode: 'overview', employees: lee.id })).toHaveLength(5);
		expect(await list({ mode: 'employees', employees: `${lee.id},${maria.id}` })).toEqual([
			shift.id,
			lateKiosk.id,
			kitchenTomorrow.id,
		]);
		expect(await list({ mode: 'employees', employees: lee.id, location: main.id })).toEqual([
			shift.id,
		]);
		expect(await list({ mode: 'employees', schedule: kioskCrew.id })).toEqual([lateKiosk.id]);
		// schedule does not filter in overview (documented: only confirm, location, schedule, employees).
		expect(await list({ mode: 'overview', schedule: kioskCrew.id })).toHaveLength(5);
		const extraOpen = fake.addShift({
			start: '2026-03-07 07:00',
			end: '2026-03-07 15:00',
			positionId: barista.id,
		});
		expect(await list({ mode: 'open' })).toEqual([openShift.id, extraOpen.id]);
		expect(await list({ mode: 'open', start_limit: 1, end_limit: 1 })).toEqual([extraOpen.id]);
		expectCode(
			await api('GET', '/shifts', { query: { ...range, mode: 'schedule', schedule: 'barista' } }),
			9,
		);
	});

	it('bad dates, reversed ranges, unknown and unmodelled modes are code 9', async () => {
		const queries: Record<string, string>[] = [
			{ start_date: '04/03/2026', end_date: '2026-03-05' },
			{ start_date: '2026-03-05', end_date: '2026-03-04' },
			{ mode: 'everything' },
			{ mode: 'onnow' },
		];
		for (const query of queries) {
			expectCode(await api('GET', '/shifts', { query }), 9);
		}
	});

	it.each(['reject', 'today'] as const)(
		'[inferred] missingShiftDates %s: without end_date (or both dates) code 8, or v1’s defaults: today, and end_date = start_date',
		async (missingShiftDates) => {
			await withFake({ missingShiftDates }, async (other, otherToken) => {
				const p = other.addPosition({ name: 'Bar' });
				const today = other.addShift({
					start: '2026-03-04 07:00',
					end: '2026-03-04 15:00',
					positionId: p.id,
				});
				other.addShift({ start: '2026-03-05 07:00', end: '2026-03-05 15:00', positionId: p.id });
				const overview = (query: Record<string, string>) =>
					call(other, 'GET', '/shifts', {
						token: otherToken,
						query: { mode: 'overview', ...query },
					});
				const partial: Record<string, string>[] = [
					{},
					{ start_date: 'today' },
					{ start_date: '2026-03-04' },
				];
				for (const query of partial) {
					const answer = await overview(query);
					if (missingShiftDates === 'reject')
						expectCode(answer, 8, /start_date and end_date are required/);
					else expect(ids(ok(answer))).toEqual([today.id]);
				}
				expect(ids(ok(await overview({ start_date: 'today', end_date: '2026-03-04' })))).toEqual([
					today.id,
				]);
			});
		},
	);

	it('GET /shifts/{id} answers one shift (local times, position as schedule, employees); an unknown id is code 15', async () => {
		expect(ok(await api('GET', `/shifts/${shift.id}`))).toEqual({
			id: shift.id,
			title: 'Morning bar',
			notes: '',
			start_timestamp: '2026-03-04 07:00:00',
			end_timestamp: '2026-03-04 15:00:00',
			start_date: expect.objectContaining({
				formatted: '2026-03-04',
				time: '7:00am',
				iso8601: '2026-03-04T07:00:00-05:00',
			}),
			end_date: expect.objectContaining({
				formatted: '2026-03-04',
				time: '3:00pm',
				iso8601: '2026-03-04T15:00:00-05:00',
			}),
			length: { hours: 8, mins: 0, total_hours: 8 },
			schedule: barista.id,
			schedule_name: 'Barista',
			schedule_location_id: main.id,
			location: { id: main.id, name: 'Main Street' },
			employees: [
				{ id: sam.id, name: 'Sam Okafor' },
				{ id: lee.id, name: 'Lee Nguyen' },
			],
			working: 2,
			published: 1,
		});
		expectCode(await api('GET', '/shifts/999'), 15, /Shift 999 not found/);
	});
	it('[inferred] shiftObject other: ids as strings, the position nested, no v1 position fields; Humanity still filters', async () => {
		await withFake({ shiftObject: 'other' }, async (other, otherToken) => {
			const place = other.addLocation({ name: 'Main Street' });
			const bar = other.addPosition({ name: 'Barista', locationId: place.id });
			const cook = other.addPosition({ name: 'Kitchen', locationId: place.id });
			const worker = other.addEmployee({ firstname: 'Sam', lastname: 'Okafor' });
			const barShift = other.addShift({
				start: '2026-03-04 07:00',
				end: '2026-03-04 15:00',
				positionId: bar.id,
				employeeIds: [worker.id],
			});
			other.addShift({ start: '2026-03-04 08:00', end: '2026-03-04 16:00', positionId: cook.id });
			const data = ok(
				await call(other, 'GET', '/shifts', {
					token: otherToken,
					query: {
						start_date: '2026-03-04',
						end_date: '2026-03-04',
						mode: 'schedule',
						schedule: bar.id,
					},
				}),
			);
			expect(data).toEqual([
				expect.objectContaining({
					id: String(barShift.id),
					position: { id: String(bar.id), name: 'Barista' },
					location: { id: String(place.id), name: 'Main Street' },
					employees: [{ id: String(worker.id) }],
				}),
			]);
			expect(data[0]).not.toHaveProperty('schedule');
			expect(data[0]).not.toHaveProperty('schedule_location_id');
		});
	});

	it('[inferred] unknownShiftGet: GET /shifts/{id} for an unknown id is code 15, or status 1 with data null', async () => {
		expectCode(await api('GET', '/shifts/999'), 15);
		await withFake({ unknownShiftGet: 'empty' }, async (other, otherToken) => {
			const answer = await call(other, 'GET', '/shifts/999', { token: otherToken });
			expect(ok(answer)).toBeNull();
		});
	});
});
