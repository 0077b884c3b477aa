/**
 * The fake MileApp's `[inferred]` options that no other fake test turns both ways: each answer on its own fake
 * (withFake), over HTTP. What no sheet line decides is an option, so that node tests can run against each answer.
 */
import type { MileAppFake, MileAppFakeOptions, MileAppFlow, MileAppHub } from '.';
import { call, T0, useFake, withFake } from './testing';

useFake();

type Create = (extra: Record<string, unknown>) => ReturnType<typeof call>;

/**
 * A fake with these options, seed 003's Visit flow (field1 required, field3 a location, field4 a date) and one hub;
 * `create` POSTs a Visit task of the hub with field1 and `extra`.
 */
async function withVisit(
	options: MileAppFakeOptions,
	body: (target: MileAppFake, visit: MileAppFlow, hub: MileAppHub, create: Create) => Promise<void>,
): Promise<void> {
	await withFake(options, async (target) => {
		const hub = target.addHub({ name: 'Jakarta' });
		const visit = target.addFlow({
			name: 'Visit',
			fields: [
				{ field: 'field1', type: 'string', required: true },
				{ field: 'field2', type: 'string' },
				{ field: 'field3', type: 'location' },
				{ field: 'field4', type: 'date' },
			],
		});
		const create: Create = (extra) =>
			call(target, 'POST', '/task', {
				body: { flow: visit.name, hubId: hub._id, field1: 'John', ...extra },
			});
		await body(target, visit, hub, create);
	});
}

const ids = async (target: MileAppFake, query: Record<string, string>) =>
	(await call(target, 'GET', '/tasks', { query })).body.tasks.data.map(
		(row: { _id: string }) => row._id,
	);

describe('options with no other fake test', () => {
	it.each([
		['in-direction', 'newest', true],
		['oldest-first', 'oldest', false],
	] as const)(
		'[inferred] sortTies %s: three tasks created in the same second list %s first in the default desc order; oldest first when asc',
		async (sortTies, _first, newestFirstWhenDesc) => {
			await withVisit({ sortTies }, async (target, visit, hub) => {
				const sameSecond = new Date(T0).toISOString();
				const made = [1, 2, 3].map(
					() => target.addTask({ flowId: visit._id, hubId: hub._id, createdTime: sameSecond })._id,
				);
				expect(await ids(target, {})).toEqual(newestFirstWhenDesc ? [...made].reverse() : made);
				expect(await ids(target, { sortOrder: 'asc' })).toEqual(made);
			});
		},
	);

	it.each([
		['ignore', 201, 'the task keeps its own'],
		['reject', 400, 'nothing is made'],
	] as const)(
		'[inferred] answerKeysInBody %s: a create carrying _id, hub and createdTime as read answers %s, %s',
		async (answerKeysInBody, status, _outcome) => {
			await withVisit({ answerKeysInBody }, async (target, _visit, _hub, create) => {
				const answer = await create({
					_id: 'mine',
					hub: { name: 'Elsewhere' },
					createdTime: '2020-01-01T00:00:00+00:00',
				});
				expect(answer.status).toBe(status);
				if (status === 400) {
					expect(answer.body).toEqual({ status: false, message: 'The _id field cannot be set.' });
					expect(target.tasks.size).toBe(0);
				} else {
					expect(answer.body.task._id).not.toBe('mine');
					expect(answer.body.task.hub.name).toBe('Jakarta');
					expect(answer.body.task.createdTime).not.toBe('2020-01-01T00:00:00+00:00');
				}
			});
		},
	);

	it.each([
		['reject', 400, { field1: 'John', field2: 'Gambir' }],
		['clear', 200, { field1: 'John' }],
	] as const)(
		'[inferred] emptyFieldValue %s: a PATCH sending an optional field as null answers %s; a required one empty is "required" either way',
		async (emptyFieldValue, status, fieldsAfter) => {
			await withVisit({ emptyFieldValue }, async (target, visit, hub) => {
				const t = target.addTask({
					flowId: visit._id,
					hubId: hub._id,
					fields: { field1: 'John', field2: 'Gambir' },
				});
				const cleared = await call(target, 'PATCH', `/task/${t._id}`, { body: { field2: null } });
				expect(cleared.status).toBe(status);
				if (status === 400)
					expect(cleared.body.message).toBe('The field2 field must not be empty.');
				const required = await call(target, 'PATCH', `/task/${t._id}`, { body: { field1: '' } });
				expect([required.status, required.body.message]).toEqual([
					400,
					'The field1 field is required.',
				]);
				expect(target.tasks.get(t._id)!.fields).toEqual(fieldsAfter);
			});
		},
	);

	it.each([
		['checked', 400],
		['unchecked', 201],
	] as const)(
		'[inferred] fieldTypeChecks %s: a location "Gambir" and a date "02/03/2026" answer %s; a valid location is taken either way',
		async (fieldTypeChecks, status) => {
			await withVisit({ fieldTypeChecks }, async (_target, _visit, _hub, create) => {
				const location = await create({ field3: 'Gambir' });
				const date = await create({ field4: '02/03/2026' });
				expect([location.status, date.status]).toEqual([status, status]);
				if (status === 400) {
					expect(location.body.message).toBe(
						'The field3 must be a location as latitude,longitude.',
					);
					expect(date.body.message).toBe('The field4 does not match the format Y-m-d.');
				} else {
					expect([location.body.task.field3, date.body.task.field4]).toEqual([
						'Gambir',
						'02/03/2026',
					]);
				}
				expect((await create({ field3: '-6.2,106.7' })).status).toBe(201);
			});
		},
	);

	it.each([
		['new-flow', 200],
		['reject', 400],
	] as const)(
		'[inferred] patchFlowChange %s: a PATCH naming another flow (with its required fields) answers %s',
		async (patchFlowChange, status) => {
			await withVisit({ patchFlowChange }, async (target, visit, hub) => {
				target.addFlow({ name: 'Pickup', fields: [{ field: 'parcel', required: true }] });
				const t = target.addTask({ flowId: visit._id, hubId: hub._id, fields: { field1: 'John' } });
				const patched = await call(target, 'PATCH', `/task/${t._id}`, {
					body: { flow: 'Pickup', parcel: 'P-1' },
				});
				expect(patched.status).toBe(status);
				if (status === 400)
					expect(patched.body.message).toBe('The flow cannot be changed by PATCH.');
				expect(target.tasks.get(t._id)).toMatchObject(
					status === 200
						? { flow: 'Pickup', fields: { parcel: 'P-1' } }
						: { flow: 'Visit', fields: { field1: 'John' } },
				);
				// The task's own flow named again is no change.
				expect(
					(
						await call(target, 'PATCH', `/task/${t._id}`, {
							body: { flow: target.tasks.get(t._id)!.flow },
						})
					).status,
				).toBe(200);
			});
		},
	);

	it.each([
		['reject', 400],
		['accept', 201],
	] as const)(
		'[inferred] endBeforeStart %s: a create whose endTime is an hour before its startTime answers %s',
		async (endBeforeStart, status) => {
			await withVisit({ endBeforeStart }, async (_target, _visit, _hub, create) => {
				const answer = await create({
					startTime: '2026-03-02 10:00:00',
					endTime: '2026-03-02 09:00:00',
				});
				expect(answer.status).toBe(status);
				if (status === 400)
					expect(answer.body.message).toBe('The endTime must be a date after startTime.');
				else
					expect([answer.body.task.startTime, answer.body.task.endTime]).toEqual([
						'2026-03-02T10:00:00+00:00',
						'2026-03-02T09:00:00+00:00',
					]);
			});
		},
	);
});
