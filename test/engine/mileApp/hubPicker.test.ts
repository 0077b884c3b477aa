/**
 * The Hub ID of Get Many's filters and of Update's fields, from node version 2: picked from MileApp's hubs
 * (searched by name, as Create's Hub is) or typed By ID. Version 1 keeps its typed Hub ID (task.test.ts runs
 * it). The trigger's Hub ID filter stays typed: the trigger has no API credential to list hubs with.
 */
import type { IDataObject } from 'n8n-workflow';
import { searchList } from '../harness';
import { nestedFieldByVersion, PICKER_BY_VERSION } from '../pickerChecks';
import {
	aTask,
	apiCalls,
	delivery,
	engine,
	fake,
	fromList,
	hub,
	mileApp,
	otherHub,
	spec,
	useMileApp,
} from './setup';

useMileApp();

const V2 = { typeVersion: 2 };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Hub ID pickers (node version 2)', () => {
	it.each([
		['getAll', 'filters'],
		['update', 'updateFields'],
	])(
		'%s: Hub ID under %s is a picker from MileApp’s hubs first, or By ID; version 1 its typed box',
		(operation, collection) => {
			expect(nestedFieldByVersion('mileApp', 'task', operation, `${collection}.hubId`)).toEqual(
				PICKER_BY_VERSION,
			);
		},
	);

	it.each(['getAll', 'update'])(
		'%s: the list shows MileApp’s hubs by name, and what is typed searches their names',
		async (operation) => {
			const list = (filter?: string) =>
				searchList(engine, spec({ resource: 'task', operation }, V2), 'searchHubs', filter);

			expect(await list()).toEqual([
				{ name: 'Jakarta Central', value: hub._id, description: 'Jl. MH Thamrin 1' },
				{ name: 'Bandung', value: otherHub._id, description: 'Jl. Asia Afrika 8' },
			]);
			expect((await list('band')).map((entry) => entry.value)).toEqual([otherHub._id]);
		},
	);

	it.each([
		['picked from the list', fromList],
		['typed By ID', byId],
	])('Get Many with the hub %s asks MileApp for that hub’s tasks only', async (_, picked) => {
		const jakarta = aTask({ invoice: 'INV-J' });
		aTask({ invoice: 'INV-B' }, { hubId: otherHub._id });

		const run = await mileApp(
			{
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { hubId: picked(hub._id) },
			},
			V2,
		);

		expect(run.error).toBeUndefined();
		expect(apiCalls().map((request) => request.query.hubId)).toEqual([hub._id]);
		expect(run.items.map((item) => item.json.id)).toEqual([jakarta._id]);
	});

	it.each([
		['picked from the list', fromList],
		['typed By ID', byId],
	])('Update with the hub %s moves the task to that hub', async (_, picked) => {
		const task = aTask();

		const run = await mileApp(
			{
				resource: 'task',
				operation: 'update',
				taskId: fromList(task._id),
				flow: fromList(delivery.name),
				flowFields: { mappingMode: 'defineBelow', value: {}, schema: [] },
				updateFields: { hubId: picked(otherHub._id) },
			},
			V2,
		);

		expect(run.error).toBeUndefined();
		const patch = apiCalls().find((request) => request.method === 'PATCH');
		expect(patch?.body).toEqual({ hubId: otherHub._id });
		expect(fake.tasks.get(task._id)?.hubId).toBe(otherHub._id);
	});

	const wholeRecord = byId('={{ { "_id": "h1", "name": "Jakarta Central" } }}');
	it.each<[string, IDataObject]>([
		['Get Many', { operation: 'getAll', returnAll: true, filters: { hubId: wholeRecord } }],
		[
			'Update',
			{
				operation: 'update',
				taskId: byId('64d1f0c2a9e7b3f1c2d4e5f6'),
				flow: fromList('Delivery'),
				flowFields: { mappingMode: 'defineBelow', value: {}, schema: [] },
				updateFields: { hubId: wholeRecord },
			},
		],
	])(
		'%s refuses a whole hub record mapped into Hub ID before any request, naming the field',
		async (_, parameters) => {
			const run = await mileApp({ resource: 'task', ...parameters }, V2);

			expect(run.error?.message).toContain('"Hub ID" must be text');
			expect(apiCalls()).toEqual([]);
		},
	);
});
