/**
 * Shift task pickers inside collections, from node version 2: Update's Master Task ID (Update Fields) picked from
 * the company task list, and Set All's Keep Shift Task ID (each task of Tasks) picked from the tasks of the shift
 * picked above; both may be typed By ID. Version 1 keeps its typed boxes, and every form sends the same list.
 */
import type { IDataObject } from 'n8n-workflow';
import { searchListPage } from '../harness';
import { nestedFieldByVersion, PICKER_BY_VERSION, refusalMessage } from '../pickerChecks';
import {
	API,
	apiCalls,
	byId,
	credentialId,
	engine,
	fake,
	fromList,
	humanity,
	seed,
	useHumanity,
} from './setup';

useHumanity();

/** One load of a version 2 picker of `operation`, with the node holding `parameters`. */
const pickerList = (operation: string, method: string, parameters: IDataObject, filter = '') =>
	searchListPage(
		engine,
		{
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId,
			parameters: { resource: 'shiftTask', operation, ...parameters },
			typeVersion: 2,
		},
		method,
		filter,
	);

/** The task list one PUT sent, as [id, master task, name] per task. */
function sentList(): Array<[unknown, unknown, unknown]> {
	const puts = fake.requestsTo(`PUT ${API}/shifts/:shiftId/tasks`);
	expect(puts).toHaveLength(1);
	return (puts[0].body as { tasks: IDataObject[] }).tasks.map((task) => [
		task.id,
		task.taskId,
		task.name,
	]);
}

/** Why a run was refused: n8n's own check of the workflow (it throws), or the node's (the run's error). */
const refusal = (parameters: IDataObject) =>
	refusalMessage(() =>
		humanity({ resource: 'shiftTask', ...parameters }, undefined, { typeVersion: 2 }),
	);

/** The forms a record's ID can take in a run: picked or typed By ID (version 2), typed (version 1). */
const FORMS = [
	['picked from the list (version 2)', 2, 'list'],
	['typed By ID (version 2)', 2, 'id'],
	['typed in version 1', 1, 'typed'],
] as const;

/** The field's value when `record` is given in `form`. */
function given(form: (typeof FORMS)[number][2], record: { id: string; name: string }) {
	if (form === 'typed') return record.id;
	return form === 'list' ? fromList(record.id, record.name) : byId(record.id);
}

/** Update of the first task of the Morning bar (`world`, from seed) with `updateFields`, in node `typeVersion`. */
async function updateFirstTask(
	world: ReturnType<typeof seed>,
	updateFields: IDataObject,
	typeVersion: number,
) {
	return await humanity(
		{
			resource: 'shiftTask',
			operation: 'update',
			shiftId: byId(String(world.shift.id)),
			shiftTaskId: byId(world.tasks[0].id),
			updateFields,
		},
		undefined,
		{ typeVersion },
	);
}

/** A picker left as the editor adds it: nothing picked. */
const nothingPicked = { __rl: true, mode: 'list', value: '' };

describe('Shift task pickers in collections (node version 2)', () => {
	it.each([
		['update', 'updateFields.masterTaskId'],
		['setAll', 'tasks.task.shiftTaskId'],
	])(
		'%s: the editor offers %s as a picker, list first, or By ID; version 1 its typed box',
		(operation, path) => {
			expect(nestedFieldByVersion('humanity', 'shiftTask', operation, path)).toEqual(
				PICKER_BY_VERSION,
			);
		},
	);

	it("Update's Master Task ID lists the company task list; three typed letters make Humanity search it", async () => {
		const { shift, tasks, masters } = seed();
		const parameters = { shiftId: byId(String(shift.id)), shiftTaskId: byId(tasks[0].id) };
		fake.server.clearRequests();

		const all = await pickerList('update', 'searchMasterTasks', parameters);
		const searched = await pickerList('update', 'searchMasterTasks', parameters, 'espresso');

		expect(all.results).toEqual(masters.map((task) => ({ name: task.name, value: task.id })));
		expect(searched.results).toEqual([{ name: masters[1].name, value: masters[1].id }]);
		expect(apiCalls().map((request) => [request.path, request.query.searchTerm])).toEqual([
			[`${API}/master-tasks`, undefined],
			[`${API}/master-tasks`, 'espresso'],
		]);
	});

	it.each(FORMS)(
		'Update with a master task %s links the task to it; the shift keeps its other tasks as they were',
		async (_, typeVersion, form) => {
			const world = seed();
			const { tasks, masters } = world;
			const fridge = masters[3];
			const masterTaskId = given(form, fridge);
			fake.server.clearRequests();

			const { error } = await updateFirstTask(world, { masterTaskId }, typeVersion);

			expect(error).toBeUndefined();
			expect(sentList()).toEqual([
				[tasks[0].id, fridge.id, 'Open the register'],
				[tasks[1].id, masters[1].id, 'Clean the espresso machine'],
				[tasks[2].id, masters[2].id, 'Restock pastries'],
			]);
		},
	);

	it.each([
		['version 2, nothing picked', 2, nothingPicked],
		['version 1, left empty', 1, ''],
	] as const)(
		'Update with Master Task ID added but not filled in (%s) changes only the other fields',
		async (_, typeVersion, masterTaskId) => {
			const world = seed();
			const { tasks, masters } = world;
			fake.server.clearRequests();

			const { error } = await updateFirstTask(
				world,
				{ masterTaskId, name: 'Open the till' },
				typeVersion,
			);

			expect(error).toBeUndefined();
			expect(sentList()[0]).toEqual([tasks[0].id, masters[0].id, 'Open the till']);
		},
	);

	it("Set All's Keep Shift Task ID lists the tasks of the shift picked above, and only those", async () => {
		const { shift, tasks } = seed();
		fake.server.clearRequests();

		const page = await pickerList('setAll', 'searchShiftTasks', {
			shiftId: byId(String(shift.id)),
		});

		expect(page.results).toEqual(
			tasks.slice(0, 3).map((task) => ({ name: task.name, value: task.id })),
		);
		expect(apiCalls().map((request) => request.path)).toEqual([`${API}/shifts/${shift.id}/tasks`]);
	});

	it.each(FORMS)(
		'Set All with the task to keep %s keeps it in place; a task naming none is made new',
		async (_, typeVersion, form) => {
			const { shift, tasks, masters } = seed();
			const espresso = tasks[1];
			const keep = given(form, espresso);
			const none = typeVersion === 1 ? '' : nothingPicked;
			fake.server.clearRequests();

			const { error } = await humanity(
				{
					resource: 'shiftTask',
					operation: 'setAll',
					shiftId: byId(String(shift.id)),
					tasks: {
						task: [
							{
								shiftTaskId: keep,
								masterTaskId: masters[1].id,
								name: 'Clean the espresso machine',
								type: 'regular',
							},
							{
								shiftTaskId: none,
								masterTaskId: masters[3].id,
								name: 'Fridge log',
								type: 'regular',
							},
						],
					},
				},
				undefined,
				{ typeVersion },
			);

			expect(error).toBeUndefined();
			expect(sentList()).toEqual([
				[espresso.id, masters[1].id, 'Clean the espresso machine'],
				[undefined, masters[3].id, 'Fridge log'],
			]);
			expect(fake.liveShiftTasks(shift.id).map((task) => task.id)[0]).toBe(espresso.id);
		},
	);

	it.each([
		// A typed value: n8n checks it against the mode's rule before the run (it does so in Set All's fixed
		// collection, not in Update Fields), and the node's own check refuses what n8n lets through.
		['typed', byId('not-a-ulid')],
		// An expression's value is only known on run: the node's own check refuses it.
		['from an expression', byId('={{ "42" }}')],
	])(
		'a By ID value that is no ULID (%s) is refused before any request, naming the field',
		async (_, value) => {
			const { shift, tasks, masters } = seed();
			fake.server.clearRequests();

			const update = await refusal({
				operation: 'update',
				shiftId: byId(String(shift.id)),
				shiftTaskId: byId(tasks[0].id),
				updateFields: { masterTaskId: value },
			});
			const setAll = await refusal({
				operation: 'setAll',
				shiftId: byId(String(shift.id)),
				tasks: {
					task: [{ shiftTaskId: value, masterTaskId: masters[0].id, name: 'A', type: 'regular' }],
				},
			});

			expect(update).toContain('"Master Task ID" must be a 26-character ULID');
			expect(setAll).toContain('Keep Shift Task ID" must be a 26-character ULID');
			expect(fake.requests).toEqual([]);
		},
	);
});
