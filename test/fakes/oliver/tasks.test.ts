/** The fake Oliver: staff tasks, the list and each task (tasks.ts). */
import type { OliverTask } from '.';
import { api, fake, now, setNow, T0, useFake, withFake } from './testing';

useFake();

describe('staff task list', () => {
	const seed = (count: number, partial: Partial<OliverTask> = {}) =>
		Array.from({ length: count }, (_, i) => fake.addTask({ title: `Task ${i}`, ...partial }));

	it('pages from 0 with 50 per page by default, in creation order', async () => {
		const tasks = seed(120);
		const first = await api.get('/staff_tasks');
		expect(first.status).toBe(200);
		expect(first.data.success).toBe(true);
		expect(first.data.data).toMatchObject({
			page: 0,
			per_page: 50,
			total_pages: 3,
			total_count: 120,
		});
		expect(first.data.data.content.map((task: OliverTask) => task.id)).toEqual(
			tasks.slice(0, 50).map((task) => task.id),
		);

		const last = await api.get('/staff_tasks', { params: { page: 2, per_page: 50 } });
		expect(last.data.data.content.map((task: OliverTask) => task.id)).toEqual(
			tasks.slice(100).map((task) => task.id),
		);

		const past = await api.get('/staff_tasks', { params: { page: 7 } });
		expect(past.data.data).toMatchObject({ page: 7, total_count: 120, content: [] });
	});

	// [inferred] no sheet line decides what per_page above the documented 100 gets. Both answers.
	it('[inferred] perPageAboveMax reject (default): per_page 101 is a 400; 100 is served', async () => {
		seed(130);
		const refused = await api.get('/staff_tasks', { params: { per_page: 101 } });
		expect([refused.status, refused.data.success]).toEqual([400, false]);
		const full = await api.get('/staff_tasks', { params: { per_page: 100 } });
		expect(full.data.data).toMatchObject({ per_page: 100, total_pages: 2 });
	});

	it('[inferred] perPageAboveMax clamp: per_page above 100 is read as 100', async () => {
		await withFake({ perPageAboveMax: 'clamp' }, async (other, client) => {
			for (let i = 0; i < 130; i++) other.addTask({ title: `Task ${i}` });
			const clamped = await client.get('/staff_tasks', { params: { per_page: 500 } });
			expect(clamped.data.data).toMatchObject({ per_page: 100, total_pages: 2 });
			expect(clamped.data.data.content).toHaveLength(100);
		});
	});

	it('filters by status and refuses unknown statuses or pages', async () => {
		fake.addTask({ title: 'open' });
		fake.addTask({ title: 'done', status: 'completed' });
		fake.addTask({ title: 'dropped', status: 'canceled' });
		const done = await api.get('/staff_tasks', { params: { status: 'completed' } });
		expect(done.data.data.content.map((task: OliverTask) => task.title)).toEqual(['done']);
		expect(done.data.data.total_count).toBe(1);

		for (const params of [{ status: 'archived' }, { page: -1 }, { page: 'x' }, { per_page: 0 }]) {
			const answer = await api.get('/staff_tasks', { params });
			expect([answer.status, answer.data.success]).toEqual([400, false]);
		}
	});

	it('ordering and leniency are options', async () => {
		await withFake(
			{ listOrder: 'newest-first', invalidListQuery: 'ignore' },
			async (other, lenient) => {
				other.addTask({ title: 'older' });
				other.addTask({ title: 'newer' });
				const answer = await lenient.get('/staff_tasks', {
					params: { status: 'archived', page: 'x' },
				});
				expect(answer.status).toBe(200);
				expect(answer.data.data.page).toBe(0);
				expect(answer.data.data.content.map((task: OliverTask) => task.title)).toEqual([
					'newer',
					'older',
				]);
			},
		);
	});
	it('[inferred] pages counted from 0 by default; counted from 1 when told, page 0 answering as page 1', async () => {
		const tasks = seed(3);
		const titles = (answer: { data: { data: { content: OliverTask[] } } }) =>
			answer.data.data.content.map((task) => task.title);
		const fromZero = await api.get('/staff_tasks', { params: { page: 1, per_page: 2 } });
		expect(titles(fromZero)).toEqual([tasks[2].title]);

		await withFake({ firstPage: 1 }, async (other, fromOne) => {
			for (const task of tasks) other.addTask({ title: task.title });
			const pages = await Promise.all(
				[0, 1, 2].map((page) => fromOne.get('/staff_tasks', { params: { page, per_page: 2 } })),
			);
			expect(pages.map(titles)).toEqual([['Task 0', 'Task 1'], ['Task 0', 'Task 1'], ['Task 2']]);
			expect(pages.map((answer) => answer.data.data.page)).toEqual([1, 1, 2]);
			expect(pages[0].data.data.total_pages).toBe(2);
		});
	});

	it('[inferred] listed with the task changed last first, when told; a hook runs after each page', async () => {
		await withFake({ listOrder: 'recently-updated-first' }, async (other, client) => {
			const older = other.addTask({ title: 'older' });
			setNow(now + 1000);
			other.addTask({ title: 'newer' });
			const served: number[] = [];
			other.afterListPage = (page) => {
				served.push(page);
				other.tasks.get(older.id)!.updated_at = new Date(now + 5000).toISOString();
			};
			const first = await client.get('/staff_tasks');
			expect(first.data.data.content.map((task: OliverTask) => task.title)).toEqual([
				'newer',
				'older',
			]);
			const second = await client.get('/staff_tasks');
			expect(second.data.data.content.map((task: OliverTask) => task.title)).toEqual([
				'older',
				'newer',
			]);
			expect(served).toEqual([0, 0]);
		});
	});
});

describe('staff task create, get, update, delete', () => {
	it('POST answers 201 with the new pending task and its defaults', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const answer = await api.post('/staff_tasks', {
			title: 'Call owner',
			client_id: client.id,
			reference_time_at: '2026-12-01T14:30:00Z',
		});
		expect(answer.status).toBe(201);
		expect(answer.data).toEqual({
			success: true,
			data: {
				id: expect.stringMatching(/^st_/),
				task_type: 'task',
				status: 'pending',
				title: 'Call owner',
				description: null,
				client_id: client.id,
				patient_id: null,
				cancellation_allowed: true,
				override_completion_action_text: null,
				reference_time_at: '2026-12-01T14:30:00Z',
				finalized_at: null,
				created_at: new Date(T0).toISOString(),
				updated_at: new Date(T0).toISOString(),
			},
		});
		expect(fake.tasks.get(answer.data.data.id)).toEqual(answer.data.data);

		const refill = await api.post('/staff_tasks', { title: 'Refill', task_type: 'rx_refill' });
		expect(refill.data.data).toMatchObject({ task_type: 'rx_refill', status: 'pending' });
	});

	// [inferred] no sheet line decides what a field outside the documented request gets. Both answers.
	it.each([
		['reject', 400, 0],
		['ignore', 201, 1],
	] as const)(
		'[inferred] unknownFields %s: a status on POST gets %s',
		async (unknownFields, status, stored) => {
			await withFake({ unknownFields }, async (other, client) => {
				const answer = await client.post('/staff_tasks', { title: 'Refill', status: 'completed' });
				expect(answer.status).toBe(status);
				if (status === 400) expect(answer.data.data).toEqual({ field: 'status' });
				else expect(answer.data.data).toMatchObject({ status: 'pending', finalized_at: null });
				expect(other.tasks.size).toBe(stored);
			});
		},
	);

	it.each([
		['no title', {}, 'title'],
		['a blank title', { title: '   ' }, 'title'],
		['a numeric title', { title: 42 }, 'title'],
		['an unknown task_type', { title: 'x', task_type: 'chore' }, 'task_type'],
		[
			'a date that is not ISO 8601',
			{ title: 'x', reference_time_at: 'next tuesday' },
			'reference_time_at',
		],
		[
			'a date without an offset',
			{ title: 'x', reference_time_at: '2026-12-01T14:30:00' },
			'reference_time_at',
		],
		[
			'an impossible date',
			{ title: 'x', reference_time_at: '2026-02-30T10:00:00Z' },
			'reference_time_at',
		],
		['an unknown client', { title: 'x', client_id: 'cl_404' }, 'client_id'],
	])('POST refuses %s with 400 naming the field', async (_case, body, field) => {
		const answer = await api.post('/staff_tasks', body);
		expect(answer.status).toBe(400);
		expect(answer.data).toEqual({
			success: false,
			message: expect.stringContaining(field),
			data: { field },
		});
		expect(fake.tasks.size).toBe(0);
	});

	it('POST refuses a body not sent as JSON', async () => {
		const answer = await api.post('/staff_tasks', 'title=x', {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect([answer.status, answer.data.success]).toEqual([400, false]);
	});

	it('GET one answers the task, or 404 with the error envelope', async () => {
		const task = fake.addTask({ title: 'Vaccine reminder' });
		expect((await api.get(`/staff_tasks/${task.id}`)).data).toEqual({ success: true, data: task });
		const missing = await api.get('/staff_tasks/st_missing');
		expect([missing.status, missing.data]).toEqual([
			404,
			{ success: false, message: 'Staff task st_missing not found' },
		]);
	});

	it('PUT changes only the fields sent and moves updated_at', async () => {
		const task = fake.addTask({ title: 'Old', description: 'Keep me', task_type: 'rx_refill' });
		setNow(T0 + 60_000);
		const answer = await api.put(`/staff_tasks/${task.id}`, { title: 'New' });
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({
			success: true,
			data: expect.any(Object),
			message: expect.any(String),
		});
		expect(answer.data.data).toEqual({
			...task,
			title: 'New',
			updated_at: new Date(now).toISOString(),
		});
		expect(answer.data.data.created_at).toBe(new Date(T0).toISOString());

		for (const body of [
			{ status: 'done' },
			{ task_type: 'chore' },
			{ reference_time_at: 'soon' },
			{ title: '' },
		]) {
			expect((await api.put(`/staff_tasks/${task.id}`, body)).status).toBe(400);
		}
		expect((await api.put('/staff_tasks/st_missing', { title: 'x' })).status).toBe(404);
		expect(fake.tasks.get(task.id)?.title).toBe('New');
	});

	// Sheet Unknown: whether null clears description, client_id or patient_id. Both answers.
	it.each([
		['reject', 400, 'keep'],
		['clear', 200, null],
	] as const)(
		'[inferred] nullOnOptionalText %s: null on description gets %s; the description reads %j',
		async (nullOnOptionalText, status, after) => {
			await withFake({ nullOnOptionalText }, async (other, client) => {
				const task = other.addTask({ title: 'x', description: 'keep' });
				const answer = await client.put(`/staff_tasks/${task.id}`, { description: null });
				expect([answer.status, answer.data.success]).toEqual([status, status === 200]);
				if (status === 400) expect(answer.data.data).toEqual({ field: 'description' });
				expect(other.tasks.get(task.id)!.description).toBe(after);
			});
		},
	);

	it('status completed or canceled sets finalized_at; pending clears it', async () => {
		const task = fake.addTask({ title: 'Lab results' });
		const put = async (status: string) =>
			(await api.put(`/staff_tasks/${task.id}`, { status })).data.data as OliverTask;

		setNow(T0 + 1000);
		expect(await put('completed')).toMatchObject({
			status: 'completed',
			finalized_at: new Date(T0 + 1000).toISOString(),
		});
		setNow(T0 + 2000);
		// [inferred] refinalizeOnSameStatus false (default): the same status keeps the first finalized_at.
		expect((await put('completed')).finalized_at).toBe(new Date(T0 + 1000).toISOString());
		setNow(T0 + 3000);
		expect(await put('pending')).toMatchObject({ status: 'pending', finalized_at: null });
		setNow(T0 + 4000);
		expect(await put('canceled')).toMatchObject({
			status: 'canceled',
			finalized_at: new Date(T0 + 4000).toISOString(),
		});
		setNow(T0 + 5000);
		expect(await put('completed')).toMatchObject({
			status: 'completed',
			finalized_at: new Date(T0 + 5000).toISOString(),
		});

		await withFake({ refinalizeOnSameStatus: true }, async (other, client) => {
			const done = other.addTask({
				title: 'x',
				status: 'completed',
				finalized_at: '2020-01-01T00:00:00.000Z',
			});
			const answer = await client.put(`/staff_tasks/${done.id}`, { status: 'completed' });
			expect(answer.data.data.finalized_at).toBe(new Date(now).toISOString());
		});
	});

	it('DELETE is a soft delete: canceled, finalized_at set, the record stays', async () => {
		const task = fake.addTask({ title: 'Duplicate' });
		setNow(T0 + 5000);
		const answer = await api.delete(`/staff_tasks/${task.id}`);
		expect([answer.status, answer.data]).toEqual([200, { success: true }]);
		const after = (await api.get(`/staff_tasks/${task.id}`)).data.data;
		expect(after).toMatchObject({
			status: 'canceled',
			finalized_at: new Date(now).toISOString(),
			title: 'Duplicate',
		});
		expect(
			(await api.get('/staff_tasks', { params: { status: 'canceled' } })).data.data.total_count,
		).toBe(1);
		expect((await api.delete('/staff_tasks/st_missing')).status).toBe(404);
	});

	// [inferred] no sheet line says what cancellation_allowed: false does. Both answers.
	it.each([
		[true, 400, 'pending'],
		[false, 200, 'canceled'],
	] as const)(
		'[inferred] enforceCancellationAllowed %s: DELETE and status canceled on a task that does not allow it get %s',
		async (enforceCancellationAllowed, status, after) => {
			await withFake({ enforceCancellationAllowed }, async (other, client) => {
				const task = other.addTask({ title: 'Locked', cancellation_allowed: false });
				expect((await client.put(`/staff_tasks/${task.id}`, { status: 'canceled' })).status).toBe(
					status,
				);
				expect((await client.delete(`/staff_tasks/${task.id}`)).status).toBe(status);
				expect(other.tasks.get(task.id)?.status).toBe(after);
			});
		},
	);
});
