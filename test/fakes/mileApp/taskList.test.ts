/** The fake MileApp: the task list and its paging (taskList.ts, paging.ts). */
import { MILEAPP_API, type MileAppTaskRecord } from '.';
import {
	api,
	bandung,
	budi,
	call,
	delivery,
	dewi,
	fake,
	HOUR,
	iso,
	jakarta,
	T0,
	task,
	useFake,
	withFake,
} from './testing';

useFake();

describe('task list', () => {
	it('pages as Laravel: {status, message, tasks: {current_page, data, …, total}}, 20 by default, URLs keep the query', async () => {
		for (let i = 0; i < 25; i++) task({ createdTime: iso(T0 + i * 1000) });
		const first = await api('GET', '/tasks');
		expect([first.status, first.body.status, first.body.message]).toEqual([200, true, 'Success.']);
		const base = `${fake.url}${MILEAPP_API}/tasks`;
		const page = first.body.tasks;
		expect(Object.keys(page)).toEqual([
			'current_page',
			'data',
			'first_page_url',
			'from',
			'last_page',
			'last_page_url',
			'links',
			'next_page_url',
			'path',
			'per_page',
			'prev_page_url',
			'to',
			'total',
		]);
		expect(page).toMatchObject({
			current_page: 1,
			from: 1,
			to: 20,
			last_page: 2,
			per_page: 20,
			total: 25,
			path: base,
			prev_page_url: null,
			next_page_url: `${base}?page=2`,
		});
		expect(page.data).toHaveLength(20);
		expect(page.links.map((link: { label: string }) => link.label)).toEqual([
			'&laquo; Previous',
			'1',
			'2',
			'Next &raquo;',
		]);

		const second = (
			await api('GET', '/tasks', { query: { limit: 10, hubId: jakarta._id, page: 3 } })
		).body.tasks;
		expect(second).toMatchObject({
			current_page: 3,
			from: 21,
			to: 25,
			last_page: 3,
			per_page: 10,
			next_page_url: null,
		});
		expect(second.first_page_url).toBe(`${base}?limit=10&hubId=${jakarta._id}&page=1`);
		expect(second.prev_page_url).toBe(`${base}?limit=10&hubId=${jakarta._id}&page=2`);
		expect((await api('GET', '/tasks', { query: { page: 9 } })).body.tasks).toMatchObject({
			data: [],
			from: null,
			to: null,
			total: 25,
		});
		// Documented: at most 1000 a page. [inferred] limitAboveMax: above it a 400 (clamped by option); invalidPaging:
		// nonsense is a 400 (the defaults by option).
		expect((await api('GET', '/tasks', { query: { limit: 1000 } })).body.tasks.per_page).toBe(1000);
		expect((await api('GET', '/tasks', { query: { limit: 1001 } })).body).toEqual({
			status: false,
			message: 'The limit may not be greater than 1000.',
		});
		expect((await api('GET', '/tasks', { query: { page: 'x' } })).status).toBe(400);
		await withFake(
			{ limitAboveMax: 'clamp', invalidPaging: 'default', paginatorLinks: false },
			async (other) => {
				expect(
					(await call(other, 'GET', '/tasks', { query: { limit: 1001 } })).body.tasks.per_page,
				).toBe(1000);
				expect(
					(await call(other, 'GET', '/tasks', { query: { limit: 'ten', page: '-1' } })).body.tasks,
				).toMatchObject({ per_page: 20, current_page: 1 });
				expect((await call(other, 'GET', '/tasks')).body.tasks).not.toHaveProperty('links');
			},
		);
	});

	it('sorts by createdTime, orderIndex, startTime, doneTime; desc by default; a missing doneTime is lowest', async () => {
		const a = task({
			createdTime: iso(T0 - 3000),
			startTime: iso(T0 + 2 * HOUR),
			orderIndex: 30,
			status: 'DONE',
			doneTime: iso(T0 - HOUR),
		});
		const b = task({ createdTime: iso(T0 - 1000), startTime: iso(T0 + 3 * HOUR), orderIndex: 10 });
		const c = task({
			createdTime: iso(T0 - 2000),
			startTime: iso(T0 + HOUR),
			orderIndex: 20,
			status: 'DONE',
			doneTime: iso(T0 - 2 * HOUR),
		});
		const ids = async (query: Record<string, string> = {}, target = fake) =>
			(await call(target, 'GET', '/tasks', { query })).body.tasks.data.map(
				(row: { _id: string }) => row._id,
			);
		expect(await ids()).toEqual([b._id, c._id, a._id]);
		expect(await ids({ sortOrder: 'asc' })).toEqual([a._id, c._id, b._id]);
		expect(await ids({ sortBy: 'orderIndex', sortOrder: 'asc' })).toEqual([b._id, c._id, a._id]);
		expect(await ids({ sortBy: 'startTime' })).toEqual([b._id, a._id, c._id]);
		expect(await ids({ sortBy: 'doneTime' })).toEqual([a._id, c._id, b._id]);
		expect(await ids({ sortBy: 'doneTime', sortOrder: 'asc' })).toEqual([b._id, c._id, a._id]);
		expect((await api('GET', '/tasks', { query: { sortBy: 'title' } })).body).toEqual({
			status: false,
			message: 'The selected sortBy is invalid.',
		});
		expect((await api('GET', '/tasks', { query: { sortOrder: 'up' } })).status).toBe(400);
		await withFake({ nullsSort: 'last', unknownQueryValues: 'ignore' }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			const open = other.addTask({ flowId: flow._id, hubId: hub._id });
			const done = other.addTask({
				flowId: flow._id,
				hubId: hub._id,
				status: 'DONE',
				doneTime: iso(T0),
			});
			expect(await ids({ sortBy: 'doneTime', sortOrder: 'asc' }, other)).toEqual([
				done._id,
				open._id,
			]);
			expect(
				(await call(other, 'GET', '/tasks', { query: { sortBy: 'title', status: 'LOST' } })).status,
			).toBe(200);
		});
	});

	it('filters by flow, flowId, status, hubId, assignee, doneBy, together', async () => {
		const visitOpen = task();
		const visitOngoing = task({ assignee: [dewi.email], hubId: jakarta._id });
		const deliveryDone = task({
			flowId: delivery._id,
			flow: 'Delivery',
			hubId: bandung._id,
			assignee: [budi.email],
			status: 'DONE',
			doneBy: 'Budi',
			fields: { invoice: 'x', packageCount: 1 },
		});
		const ids = async (query: Record<string, string>) => {
			const answer = await api('GET', '/tasks', { query });
			expect(answer.status).toBe(200);
			return answer.body.tasks.data.map((row: { _id: string }) => row._id).sort();
		};
		const sorted = (...list: MileAppTaskRecord[]) => list.map((t) => t._id).sort();
		expect(await ids({ flow: 'Visit' })).toEqual(sorted(visitOpen, visitOngoing));
		expect(await ids({ flowId: delivery._id })).toEqual(sorted(deliveryDone));
		expect(await ids({ status: 'ONGOING' })).toEqual(sorted(visitOngoing));
		expect(await ids({ hubId: bandung._id })).toEqual(sorted(deliveryDone));
		expect(await ids({ assignee: dewi.email })).toEqual(sorted(visitOngoing));
		expect(await ids({ doneBy: 'Budi' })).toEqual(sorted(deliveryDone));
		expect(await ids({ flow: 'Visit', status: 'UNASSIGNED', hubId: jakarta._id })).toEqual(
			sorted(visitOpen),
		);
		expect(await ids({ flow: 'Visit', hubId: bandung._id })).toEqual([]);
		expect((await api('GET', '/tasks', { query: { status: 'LOST' } })).body).toEqual({
			status: false,
			message: 'The selected status is invalid.',
		});
	});

	it('timeBy + timeFrom/timeTo (Y-m-d H:i:s) bound a time of the task, inclusive; createdTime by default', async () => {
		const early = task({ startTime: iso(T0 + 24 * HOUR), createdTime: iso(T0 - 48 * HOUR) });
		const edge = task({
			startTime: iso(Date.parse('2026-03-03T00:00:00Z')),
			createdTime: iso(T0 - 24 * HOUR),
		});
		const late = task({ startTime: iso(T0 + 72 * HOUR), createdTime: iso(T0) });
		const ids = async (query: Record<string, string>) =>
			(await api('GET', '/tasks', { query })).body.tasks.data
				.map((row: { _id: string }) => row._id)
				.sort();
		const sorted = (...list: MileAppTaskRecord[]) => list.map((t) => t._id).sort();
		expect(
			await ids({
				timeBy: 'startTime',
				timeFrom: '2026-03-02 00:00:00',
				timeTo: '2026-03-03 00:00:00',
			}),
		).toEqual(sorted(early, edge));
		expect(await ids({ timeBy: 'startTime', timeFrom: '2026-03-03 00:00:01' })).toEqual(
			sorted(late),
		);
		expect(await ids({ timeTo: '2026-02-28 12:00:00' })).toEqual(sorted(early, edge));
		expect(await ids({ timeBy: 'doneTime', timeFrom: '2020-01-01 00:00:00' })).toEqual([]);
		expect((await api('GET', '/tasks', { query: { timeFrom: '03/02/2026' } })).body).toEqual({
			status: false,
			message: 'The timeFrom does not match the format Y-m-d H:i:s.',
		});
		// Documented: createdTime, startTime, doneTime only; endTime is not among them.
		for (const timeBy of ['birthday', 'endTime', 'updatedTime', 'assignedTime'])
			expect(
				(await api('GET', '/tasks', { query: { timeBy, timeFrom: '2026-03-02 00:00:00' } })).status,
			).toBe(400);
		await withFake({ timeRangeInclusive: false }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			other.addTask({ flowId: flow._id, hubId: hub._id, createdTime: iso(T0) });
			expect(
				(await call(other, 'GET', '/tasks', { query: { timeFrom: '2026-03-01 12:00:00' } })).body
					.tasks.total,
			).toBe(0);
		});
	});

	it.each([
		['createdTime', 1],
		['startTime', 0],
	] as const)(
		'[inferred] defaultTimeBy %s: timeFrom without timeBy bounds that time (a task created now, starting yesterday: %i found)',
		async (defaultTimeBy, found) => {
			await withFake({ defaultTimeBy }, async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.addTask({
					flowId: flow._id,
					hubId: hub._id,
					createdTime: iso(T0),
					startTime: iso(T0 - 24 * HOUR),
				});
				const answer = await call(other, 'GET', '/tasks', {
					query: { timeFrom: '2026-03-01 00:00:00' },
				});
				expect(answer.body.tasks.total).toBe(found);
			});
		},
	);

	it('[inferred] timeZone: timeFrom/timeTo are read in the organization’s zone (UTC by default), answers carry its offset', async () => {
		// 08:30 in Jakarta, 01:30 UTC.
		const at = '2026-03-01T01:30:00+00:00';
		const window = { timeFrom: '2026-03-01 08:00:00', timeTo: '2026-03-01 09:00:00' };
		task({ createdTime: at });
		expect((await api('GET', '/tasks', { query: window })).body.tasks.total).toBe(0);
		await withFake({ timeZone: 'Asia/Jakarta' }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			other.addTask({ flowId: flow._id, hubId: hub._id, createdTime: at });
			const answer = (await call(other, 'GET', '/tasks', { query: window })).body.tasks;
			expect(answer.total).toBe(1);
			expect(answer.data[0].startTime).toMatch(/\+07:00$/);
		});
	});

	it.each([
		[false, ['field1', 'flow', 'status']],
		[true, ['_id', 'field1', 'flow', 'status']],
	])(
		'[inferred] fieldsKeepId %s: fields=status,flow,field1 answers rows with %j',
		async (fieldsKeepId, keys) => {
			await withFake({ fieldsKeepId }, async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({
					name: 'Visit',
					fields: [{ field: 'field1', type: 'string' }],
				});
				other.addTask({ flowId: flow._id, hubId: hub._id, fields: { field1: 'John' } });
				const answer = await call(other, 'GET', '/tasks', {
					query: { fields: 'status,flow,field1' },
				});
				expect(Object.keys(answer.body.tasks.data[0]).sort()).toEqual(keys);
			});
		},
	);

	it.each([
		[false, 400, []],
		[true, 200, ['DONE', 'UNASSIGNED']],
	])(
		'[inferred] commaListFilters %s: status=UNASSIGNED,DONE answers %s; two emails in assignee find the task of one only when true',
		async (commaListFilters, statusAnswer, statuses) => {
			await withFake({ commaListFilters }, async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				other.addUser({ name: 'Dewi', email: 'dewi@example.com', hubIds: [hub._id] });
				other.addTask({ flowId: flow._id, hubId: hub._id });
				const done = other.addTask({
					flowId: flow._id,
					hubId: hub._id,
					assignee: ['dewi@example.com'],
					status: 'DONE',
				});
				const list = (query: Record<string, string>) => call(other, 'GET', '/tasks', { query });
				const byStatus = await list({ status: 'UNASSIGNED,DONE' });
				expect(byStatus.status).toBe(statusAnswer);
				expect(
					(byStatus.body.tasks?.data ?? []).map((row: { status: string }) => row.status).sort(),
				).toEqual(statuses);
				const byAssignee = await list({ assignee: 'budi@example.com,dewi@example.com' });
				expect(byAssignee.body.tasks.data.map((row: { _id: string }) => row._id)).toEqual(
					commaListFilters ? [done._id] : [],
				);
			});
		},
	);

	it('lazyLoad=1 with cursor=<last _id> pages by cursor: no total, next_page_url carries the cursor', async () => {
		const created = Array.from({ length: 5 }, (_, i) => task({ createdTime: iso(T0 + i * 1000) }));
		const expected = created.map((t) => t._id).reverse();
		const seen: string[] = [];
		let query: Record<string, string> = { lazyLoad: '1', limit: '2' };
		for (let round = 0; round < 5; round++) {
			const page = (await api('GET', '/tasks', { query })).body.tasks;
			expect(page).not.toHaveProperty('total');
			expect(page).not.toHaveProperty('last_page');
			expect(page.per_page).toBe(2);
			const ids = page.data.map((row: { _id: string }) => row._id);
			seen.push(...ids);
			if (page.next_page_url === null) break;
			const next = new URL(page.next_page_url);
			expect(next.searchParams.get('cursor')).toBe(ids[ids.length - 1]);
			expect(next.searchParams.get('lazyLoad')).toBe('1');
			query = Object.fromEntries(next.searchParams);
		}
		expect(seen).toEqual(expected);
		// A filter applies to cursor pages too; an unknown cursor gives an empty page (or a 400 by option).
		expect(
			(
				await api('GET', '/tasks', {
					query: { lazyLoad: '1', cursor: expected[0], limit: '10', sortOrder: 'asc' },
				})
			).body.tasks.data,
		).toEqual([]);
		expect(
			(await api('GET', '/tasks', { query: { lazyLoad: '1', cursor: 'nope' } })).body.tasks.data,
		).toEqual([]);
		await withFake({ unknownCursor: 'reject', lazyLoadTotals: true }, async (other) => {
			expect(
				(await call(other, 'GET', '/tasks', { query: { lazyLoad: '1', cursor: 'nope' } })).status,
			).toBe(400);
			expect(
				(await call(other, 'GET', '/tasks', { query: { lazyLoad: '1' } })).body.tasks,
			).toMatchObject({ total: 0, last_page: 1 });
		});
	});
});
