/**
 * The fake Plannr: the task list, its filters, sorts, includes and paging (taskList.ts, query.ts,
 * paging.ts).
 */
import type { PlannrTaskRecord } from '.';
import {
	api,
	call,
	client,
	doing,
	done,
	fake,
	james,
	setNow,
	T0,
	task,
	useFake,
	withFake,
	withFakeBody,
} from './testing';

useFake();

describe('task list', () => {
	it('pages as Laravel does: per_page 15 by default, meta and links', async () => {
		for (let i = 1; i <= 20; i++) task({ name: `t${i}` });
		const first = await api('GET', '/api/v1/task', { query: { 'filter[open_tasks]': 'true' } });
		expect(first.status).toBe(200);
		expect(first.body.data).toHaveLength(15);
		const path = `${fake.url}/api/v1/task`;
		expect(first.body.links).toEqual({
			first: `${path}?page=1`,
			last: `${path}?page=2`,
			prev: null,
			next: `${path}?page=2`,
		});
		expect(first.body.meta).toEqual({
			current_page: 1,
			from: 1,
			last_page: 2,
			links: expect.any(Array),
			path,
			per_page: 15,
			to: 15,
			total: 20,
		});
		expect(first.body.meta.links.map((link: { label: string }) => link.label)).toEqual([
			'&laquo; Previous',
			'1',
			'2',
			'Next &raquo;',
		]);

		const second = await api('GET', '/api/v1/task', { query: { page: 2 } });
		expect(second.body.data.map((t: { name: string }) => t.name)).toEqual([
			't16',
			't17',
			't18',
			't19',
			't20',
		]);
		expect(second.body.meta).toMatchObject({ current_page: 2, from: 16, to: 20, last_page: 2 });
		expect(second.body.links).toMatchObject({ prev: `${path}?page=1`, next: null });
		const past = await api('GET', '/api/v1/task', { query: { page: 9 } });
		expect([
			past.body.data,
			past.body.meta.from,
			past.body.meta.to,
			past.body.meta.current_page,
		]).toEqual([[], null, null, 9]);
		expect(
			(await api('GET', '/api/v1/task', { query: { per_page: 7, page: 3 } })).body.meta,
		).toMatchObject({ per_page: 7, last_page: 3, from: 15, to: 20 });
		const empty = await withFakeBody({}, '/api/v1/task');
		expect(empty.meta).toMatchObject({ total: 0, last_page: 1, from: null, to: null });
	});

	it('sorts by every documented field, - for descending, created_at by default; several sorts chain', async () => {
		const mk = (name: string, extra: Partial<PlannrTaskRecord>, at: number) => {
			setNow(T0 + at * 1000);
			return task({ name, ...extra });
		};
		mk('bravo', { priority: 'highest', due_at: '2026-03-03 09:00:00' }, 3);
		mk('alpha', { priority: 'low', due_at: null, status_uuid: done.uuid }, 1);
		mk('Charlie', { priority: 'medium', due_at: '2026-03-02 09:00:00' }, 2);
		const delta = mk('delta', { priority: null, due_at: '2026-03-04 09:00:00' }, 4);
		setNow(T0 + 10_000);
		fake.updateTask(delta.uuid, { description: 'touched' });
		const names = async (sort?: string) =>
			(await api('GET', '/api/v1/task', { query: sort ? { sort } : {} })).body.data.map(
				(t: { name: string }) => t.name,
			);
		expect(await names()).toEqual(['alpha', 'Charlie', 'bravo', 'delta']); // created_at ascending
		expect(await names('created_at')).toEqual(['alpha', 'Charlie', 'bravo', 'delta']);
		expect(await names('-created_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		expect(await names('-updated_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		expect(await names('updated_at')).toEqual(['alpha', 'Charlie', 'bravo', 'delta']);
		expect(await names('name')).toEqual(['alpha', 'bravo', 'Charlie', 'delta']);
		expect(await names('-name')).toEqual(['delta', 'Charlie', 'bravo', 'alpha']);
		// Priority by rank, null first ascending (MySQL), last descending.
		expect(await names('priority')).toEqual(['delta', 'alpha', 'Charlie', 'bravo']);
		expect(await names('-priority')).toEqual(['bravo', 'Charlie', 'alpha', 'delta']);
		expect(await names('due_at')).toEqual(['alpha', 'Charlie', 'bravo', 'delta']);
		expect(await names('-due_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		expect(await names('completed_last')).toEqual(['bravo', 'Charlie', 'delta', 'alpha']);
		expect((await names('-completed_last'))[0]).toBe('alpha');
		expect(await names('completed_last,-due_at')).toEqual(['delta', 'bravo', 'Charlie', 'alpha']);
		const bad = await api('GET', '/api/v1/task', { query: { sort: 'colour' } });
		expect([bad.status, bad.body.message]).toEqual([
			400,
			expect.stringContaining('Requested sort(s) `colour` is not allowed'),
		]);

		await withFake({ prioritySort: 'alphabetical', nullsSort: 'last' }, async (other) => {
			const s = other.addStatus({ name: 'x' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			for (const priority of ['low', 'high', null, 'medium'] as const)
				other.addTask({
					name: String(priority),
					priority,
					status_uuid: s.uuid,
					taskable_type: 'client',
					taskable_uuid: owner.uuid,
				});
			const body = (await call(other, 'GET', '/api/v1/task', { query: { sort: 'priority' } })).body;
			expect(body.data.map((t: { priority: string | null }) => t.priority)).toEqual([
				'high',
				'low',
				'medium',
				null,
			]);
		});
	});

	it('filters by every documented filter; unknown filters are a 400', async () => {
		const kase = fake.addCase({ name: 'Transfer', client_uuid: client });
		const other = fake.addClient({ first_name: 'Emma', last_name: 'Clarke' });
		const plan = fake.addPlan({ name: 'Pension', client_uuid: other.uuid });
		const archived = fake.addStatus({ name: 'Archived', is_archived: true });
		task({
			name: 'Call Tom',
			priority: 'high',
			due_at: '2026-03-02 09:00:00',
			assigned_to_uuids: [james.account],
		});
		task({
			name: 'Case review',
			taskable_type: 'case',
			taskable_uuid: kase.uuid,
			status_uuid: doing.uuid,
			due_at: '2026-03-05 09:00:00',
			assigned_to_uuids: [james.account, fake.options.accountUuid],
		});
		task({
			name: 'Plan valuation',
			taskable_type: 'plan',
			taskable_uuid: plan.uuid,
			priority: 'low',
			assigned_to_uuids: [fake.options.accountUuid],
		});
		task({ name: 'Filed', status_uuid: done.uuid, due_at: '2026-02-20 09:00:00' });
		task({ name: 'Old idea', status_uuid: archived.uuid });
		const names = async (query: Record<string, string>) => {
			const answer = await api('GET', '/api/v1/task', { query });
			expect(answer.status).toBe(200);
			return answer.body.data.map((t: { name: string }) => t.name);
		};
		expect(await names({ 'filter[name]': 'Call Tom' })).toEqual(['Call Tom']);
		expect(await names({ 'filter[taskable_type]': 'case' })).toEqual(['Case review']);
		expect(await names({ 'filter[taskable_uuid]': plan.uuid })).toEqual(['Plan valuation']);
		expect(await names({ 'filter[client_uuid]': client })).toEqual([
			'Call Tom',
			'Case review',
			'Filed',
			'Old idea',
		]);
		expect(await names({ 'filter[client_uuid]': other.uuid })).toEqual(['Plan valuation']);
		expect(await names({ 'filter[priority]': 'high' })).toEqual(['Call Tom']);
		expect(await names({ 'filter[assigned_to_uuids]': james.account })).toEqual([
			'Call Tom',
			'Case review',
		]);
		expect(await names({ 'filter[status_uuid]': doing.uuid })).toEqual(['Case review']);
		expect(await names({ 'filter[due_before]': '2026-03-05 09:00:00' })).toEqual([
			'Call Tom',
			'Filed',
		]);
		expect(await names({ 'filter[due_before]': '2026-03-05' })).toEqual(['Call Tom', 'Filed']);
		expect(await names({ 'filter[due_after]': '2026-03-02 09:00:00' })).toEqual(['Case review']);
		expect(await names({ 'filter[has_due_date]': 'false' })).toEqual([
			'Plan valuation',
			'Old idea',
		]);
		expect(await names({ 'filter[has_due_date]': '1' })).toEqual([
			'Call Tom',
			'Case review',
			'Filed',
		]);
		expect(await names({ 'filter[open_tasks]': 'true' })).toEqual([
			'Call Tom',
			'Case review',
			'Plan valuation',
		]);
		expect(await names({ 'filter[completed_status]': 'true' })).toEqual(['Filed']);
		expect(await names({ 'filter[archived_status]': 'true' })).toEqual(['Old idea']);
		expect(await names({ 'filter[not_started_status]': 'true' })).toEqual([
			'Call Tom',
			'Plan valuation',
		]);
		expect(await names({ 'filter[open_tasks]': 'true', 'filter[priority]': 'low' })).toEqual([
			'Plan valuation',
		]);

		// PHP-style arrays are read as lists.
		const raw = await fetch(
			`${fake.url}/api/v1/task?filter[priority][]=high&filter[priority][]=low`,
			{
				headers: {
					Authorization: `Bearer ${fake.options.personalAccessToken}`,
					'X-PLANNR-ACCOUNT-UUID': fake.options.accountUuid,
					Accept: 'application/json',
				},
			},
		);
		expect(((await raw.json()) as { data: { name: string }[] }).data.map((t) => t.name)).toEqual([
			'Call Tom',
			'Plan valuation',
		]);

		const unknown = await api('GET', '/api/v1/task', { query: { 'filter[colour]': 'red' } });
		expect([unknown.status, unknown.body.message]).toEqual([
			400,
			expect.stringContaining('Requested filter(s) `colour` are not allowed'),
		]);
		const badFlag = await api('GET', '/api/v1/task', {
			query: { 'filter[has_due_date]': 'maybe' },
		});
		expect([badFlag.status, Object.keys(badFlag.body.errors)]).toEqual([
			422,
			['filter.has_due_date'],
		]);
		expect(
			(await api('GET', '/api/v1/task', { query: { 'filter[due_before]': 'soon' } })).status,
		).toBe(422);

		await withFake(
			{
				unknownQueryParams: 'ignore',
				clientFilterScope: 'client-only',
				exactFilterLists: 'comma',
				assignedFilterMatch: 'all',
				dueBoundsInclusive: true,
			},
			async (o) => {
				const s = o.addStatus({ name: 'x' });
				const c = o.addClient({ first_name: 'A', last_name: 'B' });
				const k = o.addCase({ name: 'K', client_uuid: c.uuid });
				const a = o.addAccount({ first_name: 'C', last_name: 'D' });
				o.addTask({
					name: 'on client',
					status_uuid: s.uuid,
					taskable_type: 'client',
					taskable_uuid: c.uuid,
					assigned_to_uuids: [a.uuid, o.options.accountUuid],
					due_at: '2026-03-05 09:00:00',
				});
				o.addTask({
					name: 'on case',
					status_uuid: s.uuid,
					taskable_type: 'case',
					taskable_uuid: k.uuid,
					assigned_to_uuids: [a.uuid],
				});
				const list = async (query: Record<string, string>) =>
					(await call(o, 'GET', '/api/v1/task', { query })).body.data.map(
						(t: { name: string }) => t.name,
					);
				expect(await list({ 'filter[colour]': 'red', sort: 'colour' })).toEqual([
					'on client',
					'on case',
				]);
				expect(await list({ 'filter[client_uuid]': c.uuid })).toEqual(['on client']);
				expect(
					await list({ 'filter[assigned_to_uuids]': `${a.uuid},${o.options.accountUuid}` }),
				).toEqual(['on client']);
				expect(await list({ 'filter[due_before]': '2026-03-05 09:00:00' })).toEqual(['on client']);
			},
		);
	});

	it('[inferred] listChildTasks: with no visibility filter child tasks are left out by default; the deprecated filter[show_child_tasks]=true still lists them; include works on lists', async () => {
		const parent = task({ name: 'Parent' });
		task({ name: 'Child', parent_task_uuid: parent.uuid });
		const names = async (query: Record<string, string> = {}) =>
			(await api('GET', '/api/v1/task', { query })).body.data.map((t: { name: string }) => t.name);
		expect(await names()).toEqual(['Parent']);
		expect(await names({ 'filter[show_child_tasks]': 'true' })).toEqual(['Parent', 'Child']);
		const included = await api('GET', '/api/v1/task', {
			query: { include: 'related_tasks,author' },
		});
		expect(included.body.data[0].related_tasks).toEqual([
			expect.objectContaining({ name: 'Child' }),
		]);
		expect((await api('GET', '/api/v1/task', { query: { include: 'notes' } })).status).toBe(400);
		await withFake({ listChildTasks: true }, async (o) => {
			const s = o.addStatus({ name: 'x' });
			const c = o.addClient({ first_name: 'A', last_name: 'B' });
			const p = o.addTask({
				name: 'P',
				status_uuid: s.uuid,
				taskable_type: 'client',
				taskable_uuid: c.uuid,
			});
			o.addTask({
				name: 'C',
				status_uuid: s.uuid,
				taskable_type: 'client',
				taskable_uuid: c.uuid,
				parent_task_uuid: p.uuid,
			});
			expect((await call(o, 'GET', '/api/v1/task')).body.data).toHaveLength(2);
		});
	});

	it('getapiv1task: filter[subtask_visibility] and filter[unassigned_subtask_visibility] take include, exclude or only; subtask_visibility wins over the deprecated show_child_tasks', async () => {
		const parent = task({ name: 'Parent' });
		task({
			name: 'Assigned child',
			parent_task_uuid: parent.uuid,
			assigned_to_uuids: [james.account],
		});
		task({ name: 'Unassigned child', parent_task_uuid: parent.uuid });
		const names = async (query: Record<string, string>) =>
			(await api('GET', '/api/v1/task', { query })).body.data.map((t: { name: string }) => t.name);
		const all = ['Parent', 'Assigned child', 'Unassigned child'];
		expect(await names({ 'filter[subtask_visibility]': 'include' })).toEqual(all);
		expect(await names({ 'filter[subtask_visibility]': 'exclude' })).toEqual(['Parent']);
		expect(await names({ 'filter[subtask_visibility]': 'only' })).toEqual(all.slice(1));
		expect(
			await names({
				'filter[subtask_visibility]': 'include',
				'filter[unassigned_subtask_visibility]': 'exclude',
			}),
		).toEqual(['Parent', 'Assigned child']);
		expect(
			await names({
				'filter[subtask_visibility]': 'include',
				'filter[unassigned_subtask_visibility]': 'only',
			}),
		).toEqual(['Unassigned child']);
		expect(
			await names({
				'filter[subtask_visibility]': 'exclude',
				'filter[show_child_tasks]': 'true',
			}),
		).toEqual(['Parent']);
		const bad = await api('GET', '/api/v1/task', {
			query: { 'filter[subtask_visibility]': 'all' },
		});
		expect([bad.status, Object.keys(bad.body.errors)]).toEqual([
			422,
			['filter.subtask_visibility'],
		]);
	});

	it('[inferred] pageParameter: `page` read (default), or ignored so that every answer is page 1 and says so', async () => {
		for (let i = 0; i < 3; i++) task({ name: `T${i}` });
		const page2 = await api('GET', '/api/v1/task', { query: { page: 2, per_page: 2 } });
		expect([
			page2.body.meta.current_page,
			page2.body.data.map((t: { name: string }) => t.name),
		]).toEqual([2, ['T2']]);
		await withFake({ pageParameter: 'ignored' }, async (other) => {
			const s = other.addStatus({ name: 'x' });
			const c = other.addClient({ first_name: 'A', last_name: 'B' });
			for (let i = 0; i < 3; i++)
				other.addTask({
					name: `T${i}`,
					status_uuid: s.uuid,
					taskable_type: 'client',
					taskable_uuid: c.uuid,
				});
			const answer = await call(other, 'GET', '/api/v1/task', { query: { page: 2, per_page: 2 } });
			expect([
				answer.body.meta.current_page,
				answer.body.data.map((t: { name: string }) => t.name),
			]).toEqual([1, ['T0', 'T1']]);
		});
	});
});
