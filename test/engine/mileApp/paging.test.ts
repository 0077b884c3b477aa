/**
 * Task Get Many pages by MileApp's documented cursor (`lazyLoad=1`, `cursor=<last _id>`): tasks added while a Return
 * All runs cannot shift a page under it, as numbered pages would; a MileApp that did not follow the cursor stops the
 * run with an error instead of a repeated or partial "all".
 */
import type { IDataObject } from 'n8n-workflow';
import { MILEAPP_API, type MileAppFake } from '../../fakes/mileApp';
import { delivery, engine, hub, useMileApp, withFakeOf, worker } from './setup';

useMileApp();

const returnAll = { resource: 'task', operation: 'getAll', returnAll: true };

/** A fake whose every request first runs `onRequest(n)` (n from 1): its rate-limit clock is read once per request. */
const hooked = (onRequest: (n: number) => void) => {
	let n = 0;
	return {
		rateLimitPerSecond: 1_000_000,
		rateLimitClock: () => {
			onRequest(++n);
			return 0;
		},
	};
};

const addTasks = (target: MileAppFake, count: number, prefix: string) =>
	Array.from({ length: count }, (_, i) =>
		target.addTask({
			flowId: delivery._id,
			hubId: hub._id,
			assignee: [worker.email],
			fields: { invoice: `${prefix}-${i}`, recipientName: 'Rina', packageCount: 1 },
		}),
	);

it('tasks created between two pages of a Return All: every task there at the start comes out exactly once', async () => {
	let target: MileAppFake | undefined;
	// Newest first (the default sort): five tasks created before the second page is read would push numbered pages
	// five rows on, and five tasks of the first page would come out again.
	const options = hooked((n) => {
		if (n === 2) addTasks(target!, 5, 'NEW');
	});
	await withFakeOf(options, async (other, run) => {
		target = other;
		const before = addTasks(other, 150, 'INV');
		const { items, error } = await run(returnAll);
		expect(error).toBeUndefined();
		const ids = items.map((item) => String(item.json._id));
		expect(ids).toHaveLength(150);
		expect(new Set(ids)).toEqual(new Set(before.map((task) => task._id)));
		expect(other.requests.map((request) => request.query.cursor)).toEqual([undefined, ids[99]]);
		expect(other.requests.every((request) => request.query.page === undefined)).toBe(true);
	});
});

it('a MileApp answering the first page again for a cursor: the run stops with an error naming the repeated task', async () => {
	let target: MileAppFake | undefined;
	let firstPage: IDataObject | undefined;
	const options = hooked((n) => {
		// Request 1 reads the first page below; request 2 is the node's first page: set while it is answered, the fault
		// answers the node's second request.
		if (n === 2)
			target!.server.fault({
				method: 'GET',
				path: `${MILEAPP_API}/tasks`,
				fault: { status: 200, body: firstPage },
			});
	});
	await withFakeOf(options, async (other, run) => {
		target = other;
		addTasks(other, 150, 'INV');
		const answer = await fetch(`${other.url}${MILEAPP_API}/tasks?lazyLoad=1&limit=100`, {
			headers: { authorization: `Bearer ${other.options.token}`, accept: 'application/json' },
		});
		firstPage = (await answer.json()) as IDataObject;
		other.server.clearRequests();

		const { items, error } = await run(returnAll);
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/MileApp answered task \w+ twice while paging by cursor/);
	});
});

describe('Unknown ([inferred] unknownCursor): a cursor naming a task deleted between two pages', () => {
	it.each([
		['an empty page', 'empty', /Task \w+, where the next page of tasks starts, was deleted/],
		['a 400', 'reject', /^MileApp: The selected cursor is invalid\.$/],
	] as const)(
		'answered with %s: the run fails loudly, never returns the first page as "all"',
		async (_answer, unknownCursor, message) => {
			let target: MileAppFake | undefined;
			let cursorTask = '';
			const options = {
				unknownCursor,
				...hooked((n) => {
					if (n === 2) target!.tasks.delete(cursorTask);
				}),
			};
			await withFakeOf(options, async (other, run) => {
				target = other;
				const tasks = addTasks(other, 150, 'INV');
				// Newest first: the 100th task the first page ends with.
				cursorTask = tasks[50]._id;
				const { items, error } = await run(returnAll);
				expect(items).toEqual([]);
				expect(error?.message).toMatch(message);
				expect(other.requests[1].query.cursor).toBe(cursorTask);
			});
		},
	);

	it('a list of exactly one full page ends with an empty page after a cursor that is still there: all of it, no error', async () => {
		await withFakeOf({}, async (other, run) => {
			addTasks(other, 100, 'INV');
			const { items, error } = await run(returnAll);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(100);
			expect(other.requests.map((request) => request.path)).toEqual([
				`${MILEAPP_API}/tasks`,
				`${MILEAPP_API}/tasks`,
				`${MILEAPP_API}/task/${String(items[99].json._id)}`,
			]);
		});
	});
});

describe('[inferred] the cursor page with totals or without, the order of ties, and the time a range applies to by default', () => {
	it.each([false, true])(
		'lazyLoadTotals %s: Return All reads every task once',
		async (lazyLoadTotals) => {
			await withFakeOf({ lazyLoadTotals }, async (other, run) => {
				const tasks = addTasks(other, 120, 'INV');
				const { items, error } = await run(returnAll);
				expect(error).toBeUndefined();
				expect(new Set(items.map((item) => item.json._id))).toEqual(
					new Set(tasks.map((task) => task._id)),
				);
			});
		},
	);

	it.each(['in-direction', 'oldest-first'] as const)(
		'sortTies %s: 120 tasks created in the same second, Return All reads every task once',
		async (sortTies) => {
			await withFakeOf({ sortTies }, async (other, run) => {
				const tasks = addTasks(other, 120, 'INV');
				expect(new Set(tasks.map((task) => task.createdTime)).size).toBe(1);
				const { items, error } = await run(returnAll);
				expect(error).toBeUndefined();
				expect(items.map((item) => item.json._id).sort()).toEqual(
					tasks.map((task) => task._id).sort(),
				);
			});
		},
	);

	it.each(['createdTime', 'startTime'] as const)(
		'defaultTimeBy %s: a time range without Time By is sent with timeBy=createdTime, so the answer is the same',
		async (defaultTimeBy) => {
			// The range below is UTC clock time, as the fake reads it.
			engine.timezone = 'UTC';
			await withFakeOf({ defaultTimeBy }, async (other, run) => {
				const task = other.addTask({
					flowId: delivery._id,
					hubId: hub._id,
					createdTime: '2026-03-01T01:30:00+00:00',
					startTime: '2030-03-01T01:30:00+00:00',
				});
				const { items } = await run({
					...returnAll,
					filters: { timeFrom: '2026-03-01T01:00:00', timeTo: '2026-03-01T02:00:00' },
				});
				expect(other.requests[0].query.timeBy).toBe('createdTime');
				expect(items.map((item) => item.json._id)).toEqual([task._id]);
			});
		},
	);
});
