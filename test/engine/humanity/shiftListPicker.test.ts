/**
 * The shifts of Shift Task and Employee Task Get Many from node version 2: "Shift Names or IDs", several picked
 * from Humanity's shifts around today (or named by an expression), sent as version 1 sends its typed Shift IDs.
 */
import { DateTime } from 'luxon';
import { loadOptions, shownProperties } from '../harness';
import { API, apiCalls, credentialId, engine, fake, humanity, seed, useHumanity } from './setup';

useHumanity();

const RESOURCES = ['shiftTask', 'employeeTask'];

/** What the field holds: the picked IDs, or text (typed, or an expression). */
type ShiftIds = number[] | string;

/** Where each resource's Get Many reads the tasks of the shifts, and how many tasks the Morning bar world gives. */
const LISTED = {
	shiftTask: { endpoint: 'tasks', count: 4 },
	employeeTask: { endpoint: 'employee-tasks', count: 3 },
};

/** The Shift list of a version 2 Get Many. */
const shiftOptions = (resource: string) =>
	loadOptions(
		engine,
		{
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId,
			parameters: { resource, operation: 'getAll' },
			typeVersion: 2,
		},
		'getShifts',
	);

/** Why a run was refused: n8n's own check of the workflow (it throws), or the node's (the run's error). */
async function refusal(resource: string, shiftIds: ShiftIds): Promise<string | undefined> {
	try {
		const parameters = { resource, operation: 'getAll', shiftIds, returnAll: true };
		return (await humanity(parameters, undefined, { typeVersion: 2 })).error?.message;
	} catch (issues) {
		return (issues as Error).message;
	}
}

describe('Shift Names or IDs (node version 2)', () => {
	it.each(RESOURCES)(
		'%s Get Many: the editor shows a list of several shifts from version 2; version 1 its typed Shift IDs',
		(resource) => {
			const shown = (typeVersion: number) =>
				shownProperties('humanity', { resource, operation: 'getAll' }, typeVersion)
					.filter((property) => property.name === 'shiftIds')
					.map((property) => [
						property.type,
						property.displayName,
						property.typeOptions?.loadOptionsMethod,
					]);
			expect(shown(2)).toEqual([['multiOptions', 'Shift Names or IDs', 'getShifts']]);
			expect(shown(1)).toEqual([['string', 'Shift IDs', undefined]]);
			const [picked] = shownProperties('humanity', { resource, operation: 'getAll' }, 2).filter(
				(property) => property.name === 'shiftIds',
			);
			expect(picked.description).toContain(
				"every shift from 7 days ago to 30 days ahead, in the workflow's time zone",
			);
		},
	);

	describe.each(['v1', 'other'] as const)(
		'whatever the shift object holds (shiftObject %s)',
		(shiftObject) => {
			afterEach(() => {
				fake.options.shiftObject = 'v1';
			});

			it("lists every employee's shifts from 7 days ago to 30 days ahead, earliest first, by day, hours, title and position", async () => {
				fake.options.shiftObject = shiftObject;
				// The workflow's zone is the company's here, so the window's edges fall on whole days of the shifts.
				engine.timezone = fake.options.timeZone;
				const today = DateTime.now().setZone(engine.timezone).startOf('day');
				const location = fake.addLocation({ name: 'Main Street Café' });
				const barista = fake.addPosition({ name: 'Barista', locationId: location.id });
				const shiftOn = (days: number, title: string) => {
					// Noon on the wall clock of that day, whatever daylight-saving change lies between.
					const start = today.plus({ days }).set({ hour: 12 });
					return fake.addShift({
						start: start.toFormat('yyyy-MM-dd HH:mm'),
						end: start.plus({ hours: 4, minutes: 30 }).toFormat('yyyy-MM-dd HH:mm'),
						positionId: barista.id,
						title,
					});
				};
				const ahead = shiftOn(30, 'Stocktake');
				shiftOn(31, 'Too far ahead');
				const back = shiftOn(-7, 'Deep clean');
				shiftOn(-8, 'Too far back');
				const now = shiftOn(0, 'Inventory');
				fake.server.clearRequests();

				const options = await shiftOptions('shiftTask');

				const label = (days: number, title: string) =>
					`${today.plus({ days }).toFormat('ccc d LLL')} 12:00–16:30 · ${title} · Barista`;
				expect(options).toEqual([
					{ name: label(-7, 'Deep clean'), value: back.id },
					{ name: label(0, 'Inventory'), value: now.id },
					{ name: label(30, 'Stocktake'), value: ahead.id },
				]);
				expect(apiCalls().map((request) => request.path)).toEqual([`${API}/shifts`]);
				expect(apiCalls()[0].query).toMatchObject({
					start_date: today.minus({ days: 7 }).toFormat('yyyy-MM-dd'),
					end_date: today.plus({ days: 30 }).toFormat('yyyy-MM-dd'),
					mode: 'overview',
				});
			});
		},
	);

	it("the window's days are the workflow's, whatever zone the company is in", async () => {
		engine.timezone = 'Pacific/Kiritimati';
		const today = DateTime.now().setZone(engine.timezone);
		fake.server.clearRequests();

		await shiftOptions('employeeTask');

		expect(apiCalls()[0].query).toMatchObject({
			start_date: today.minus({ days: 7 }).toFormat('yyyy-MM-dd'),
			end_date: today.plus({ days: 30 }).toFormat('yyyy-MM-dd'),
		});
	});

	const forms: Array<[string, number, (ids: number[]) => ShiftIds]> = [
		['picked from the list (version 2)', 2, (ids) => ids],
		['named by an expression (version 2)', 2, (ids) => `={{ "${ids.join(', ')}" }}`],
		['typed in version 1', 1, (ids) => ids.join(', ')],
	];
	describe.each(RESOURCES)('%s Get Many', (resource) => {
		it.each(forms)(
			'with two shifts %s reads both in one call',
			async (_, typeVersion, shiftIdsOf) => {
				const { shift, other } = seed();
				const { endpoint, count } = LISTED[resource as keyof typeof LISTED];
				fake.server.clearRequests();

				const { items, error } = await humanity(
					{
						resource,
						operation: 'getAll',
						shiftIds: shiftIdsOf([shift.id, other.id]),
						returnAll: true,
					},
					undefined,
					{ typeVersion },
				);

				expect(error).toBeUndefined();
				expect(apiCalls().map((request) => `${request.method} ${request.path}`)).toEqual([
					`GET ${API}/shifts/${shift.id},${other.id}/${endpoint}`,
				]);
				expect(items).toHaveLength(count);
			},
		);

		it.each([
			['no shift picked', [], 'Parameter "Shift Names or IDs" is required'],
			[
				'an expression giving none',
				'={{ [] }}',
				'"Shift Names or IDs" needs at least one shift ID',
			],
			[
				'an expression giving a name',
				'={{ ["Morning bar"] }}',
				'"Shift Names or IDs" must hold shift IDs, whole numbers (got "Morning bar")',
			],
		] as Array<[string, ShiftIds, string]>)(
			'with %s is refused before any request, naming the field',
			async (_, shiftIds, message) => {
				seed();
				fake.server.clearRequests();

				expect(await refusal(resource, shiftIds)).toContain(message);
				expect(fake.requests).toEqual([]);
			},
		);
	});
});
