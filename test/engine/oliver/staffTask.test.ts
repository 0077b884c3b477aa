/**
 * Staff tasks: every operation, what Oliver receives and what n8n outputs, paging, bad input refused before
 * any request, and the normalized output.
 */
import { OLIVER_API_PREFIX } from '../../fakes/oliver';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import { apiCalls, engine, fake, oliver, useOliver } from './setup';

useOliver();

describe('staff tasks', () => {
	it('Create sends the fields given, converts the reference time to ISO 8601, and outputs the new task', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const patient = fake.addPatient({ name: 'Rex', client_id: client.id });
		engine.timezone = 'America/New_York';

		const { items } = await oliver({
			resource: 'staffTask',
			operation: 'create',
			title: 'Refill Rex’s meds',
			additionalFields: {
				description: 'Carprofen 75mg',
				taskType: 'rx_refill',
				clientId: { __rl: true, mode: 'list', value: client.id },
				patientId: { __rl: true, mode: 'id', value: patient.id },
				referenceTimeAt: '2026-12-01T09:30:00',
			},
		});

		const [call] = apiCalls();
		expect(call.method).toBe('POST');
		expect(call.path).toBe(`${OLIVER_API_PREFIX}/staff_tasks`);
		expect(call.body).toEqual({
			title: 'Refill Rex’s meds',
			description: 'Carprofen 75mg',
			task_type: 'rx_refill',
			client_id: client.id,
			patient_id: patient.id,
			reference_time_at: '2026-12-01T14:30:00Z',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			title: 'Refill Rex’s meds',
			status: 'pending',
			patient_id: patient.id,
		});
		expect(fake.tasks.get(items[0].json.id as string)?.task_type).toBe('rx_refill');
	});

	it('Create leaves out optional fields added but left empty, or whose expressions come out empty', async () => {
		const { error } = await oliver(
			{
				resource: 'staffTask',
				operation: 'create',
				title: 'Call owner',
				additionalFields: {
					description: '',
					clientId: { __rl: true, mode: 'id', value: '={{ $json.client }}' },
					referenceTimeAt: '={{ $json.when }}',
				},
			},
			[{ client: null, when: '' }],
		);

		expect(error).toBeUndefined();
		expect(apiCalls().map((call) => call.body)).toEqual([{ title: 'Call owner' }]);
	});

	it('Get returns the task', async () => {
		const task = fake.addTask({ title: 'Vaccine reminder' });
		const { items } = await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id });
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: task.id, title: 'Vaccine reminder' }),
		]);
		expect(apiCalls()[0].path).toBe(`${OLIVER_API_PREFIX}/staff_tasks/${task.id}`);
	});

	it('Get Many with Return All follows every page at the largest page size', async () => {
		for (let i = 0; i < 230; i++) fake.addTask({ title: `Task ${i}` });

		const { items } = await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });

		expect(items).toHaveLength(230);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(230);
		expect(apiCalls().map((call) => [call.query.page, call.query.per_page])).toEqual([
			['0', '100'],
			['1', '100'],
			['2', '100'],
		]);
	});

	it('Get Many with Return All stops at the last page Oliver counts, even when it is full', async () => {
		for (let i = 0; i < 200; i++) fake.addTask({ title: `Task ${i}` });

		for (const outputFormat of ['vendor', 'normalized']) {
			fake.server.clearRequests();
			const { items } = await oliver({
				resource: 'staffTask',
				operation: 'getAll',
				returnAll: true,
				outputFormat,
			});
			expect(items).toHaveLength(200);
			expect(apiCalls().map((call) => call.query.page)).toEqual(['0', '1']);
		}
	});

	it('Get Many with a Limit asks for no more than it needs, and returns each task once', async () => {
		const all = Array.from({ length: 230 }, (_, i) => fake.addTask({ title: `Task ${i}` }));

		const small = await oliver({
			resource: 'staffTask',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
		});
		expect(small.items).toHaveLength(5);
		expect(apiCalls().map((call) => call.query.per_page)).toEqual(['5']);

		fake.server.clearRequests();
		const large = await oliver({
			resource: 'staffTask',
			operation: 'getAll',
			returnAll: false,
			limit: 150,
		});
		// Numbered pages keep one size: a second page of 50 would be tasks 50–99 again.
		expect(apiCalls().map((call) => [call.query.page, call.query.per_page])).toEqual([
			['0', '100'],
			['1', '100'],
		]);
		const ids = large.items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(150);
		expect(ids.every((id) => all.some((task) => task.id === id))).toBe(true);
	});

	describe('pages counted from 0 or from 1 (Oliver does not say): each task once, none missed', () => {
		afterEach(() => {
			fake.options.firstPage = 0;
		});

		for (const firstPage of [0, 1] as const) {
			it(`pages counted from ${firstPage}: Return All, and a Limit`, async () => {
				fake.options.firstPage = firstPage;
				const all = Array.from({ length: 250 }, (_, i) => fake.addTask({ title: `Task ${i}` }));

				const { items } = await oliver({
					resource: 'staffTask',
					operation: 'getAll',
					returnAll: true,
				});
				expect(items.map((item) => item.json.id)).toEqual(all.map((task) => task.id));

				const limited = await oliver({
					resource: 'staffTask',
					operation: 'getAll',
					returnAll: false,
					limit: 150,
				});
				expect(limited.items.map((item) => item.json.id)).toEqual(
					all.slice(0, 150).map((task) => task.id),
				);
			});
		}

		it('paging that does not move stops with an error instead of repeating tasks', async () => {
			const page = Array.from({ length: 100 }, (_, i) => fake.addTask({ title: `Task ${i}` }));
			fake.server.fault({
				path: '/services/core/open_api/v1/staff_tasks',
				times: Infinity,
				fault: {
					status: 200,
					body: {
						success: true,
						data: { page: 0, per_page: 100, total_pages: 3, total_count: 300, content: page },
					},
				},
			});

			const { error } = await oliver({
				resource: 'staffTask',
				operation: 'getAll',
				returnAll: true,
			});

			expect(error?.message).toBe(
				'Oliver answered page 2 with only records already read, for the second time in one list',
			);
			expect(apiCalls().map((call) => call.query.page)).toEqual(['0', '1', '2']);
		});
	});

	it('Get Many filters by status', async () => {
		fake.addTask({ title: 'open' });
		fake.addTask({ title: 'done', status: 'completed' });
		const { items } = await oliver({
			resource: 'staffTask',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'completed' },
		});
		expect(apiCalls()[0].query.status).toBe('completed');
		expect(items.map((item) => item.json.title)).toEqual(['done']);
	});

	it('Update sends only the fields the user set and leaves the rest of the task alone', async () => {
		const task = fake.addTask({
			title: 'Old title',
			description: 'Keep me',
			task_type: 'rx_refill',
		});

		const { items } = await oliver({
			resource: 'staffTask',
			operation: 'update',
			taskId: task.id,
			updateFields: { title: 'New title' },
		});

		expect(apiCalls()[0].method).toBe('PUT');
		expect(apiCalls()[0].body).toEqual({ title: 'New title' });
		expect(fake.tasks.get(task.id)).toMatchObject({
			title: 'New title',
			description: 'Keep me',
			task_type: 'rx_refill',
		});
		expect(items[0].json).toMatchObject({
			id: task.id,
			title: 'New title',
			description: 'Keep me',
		});
	});

	describe('Update never sends null or an empty value: whether Oliver clears a field on null is not documented', () => {
		afterEach(() => {
			fake.options.nullOnOptionalText = 'clear';
		});

		for (const answer of ['clear', 'reject'] as const) {
			it(`fields whose expressions come out empty are left out (Oliver answering null with "${answer}")`, async () => {
				fake.options.nullOnOptionalText = answer;
				const task = fake.addTask({ title: 'Old', description: 'Keep me', client_id: null });

				const { items, error } = await oliver(
					{
						resource: 'staffTask',
						operation: 'update',
						taskId: task.id,
						updateFields: {
							title: 'New',
							description: '={{ $json.note }}',
							clientId: { __rl: true, mode: 'id', value: '={{ $json.client }}' },
						},
					},
					[{ note: null, client: '' }],
				);

				expect(error).toBeUndefined();
				expect(apiCalls().map((call) => call.body)).toEqual([{ title: 'New' }]);
				expect(items[0].json).toMatchObject({ title: 'New', description: 'Keep me' });
			});
		}
	});

	it("Update with every field sends each under Oliver's name: picked IDs as IDs, the time as ISO 8601", async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const patient = fake.addPatient({ name: 'Rex', client_id: client.id });
		const task = fake.addTask({ title: 'Old title', description: 'Old', task_type: 'task' });
		engine.timezone = 'America/New_York';

		const { items, error } = await oliver(
			{
				resource: 'staffTask',
				operation: 'update',
				taskId: '={{ $json.id }}',
				updateFields: {
					title: '={{ $json.title }}',
					description: 'Carprofen 75mg',
					taskType: 'rx_refill',
					status: 'completed',
					clientId: { __rl: true, mode: 'list', value: client.id, cachedResultName: 'Dana Smith' },
					patientId: { __rl: true, mode: 'id', value: '={{ $json.patient }}' },
					referenceTimeAt: '2026-12-01T09:30:00',
				},
			},
			[{ id: task.id, title: 'Refill Rex', patient: patient.id }],
		);

		expect(error).toBeUndefined();
		const [call] = apiCalls();
		expect([call.method, call.path]).toEqual([
			'PUT',
			`${OLIVER_API_PREFIX}/staff_tasks/${task.id}`,
		]);
		expect(call.body).toEqual({
			title: 'Refill Rex',
			description: 'Carprofen 75mg',
			task_type: 'rx_refill',
			status: 'completed',
			client_id: client.id,
			patient_id: patient.id,
			reference_time_at: '2026-12-01T14:30:00Z',
		});
		expect(items[0].json).toMatchObject({
			id: task.id,
			title: 'Refill Rex',
			status: 'completed',
			patient_id: patient.id,
		});
	});

	it('Complete, Reopen and Cancel move the status and set or clear finalized_at', async () => {
		const task = fake.addTask({ title: 'Lab results' });

		await oliver({ resource: 'staffTask', operation: 'complete', taskId: task.id });
		expect(fake.tasks.get(task.id)).toMatchObject({
			status: 'completed',
			finalized_at: expect.any(String),
		});

		const reopened = await oliver({ resource: 'staffTask', operation: 'reopen', taskId: task.id });
		expect(fake.tasks.get(task.id)).toMatchObject({ status: 'pending', finalized_at: null });
		expect(reopened.items[0].json.status).toBe('pending');

		await oliver({ resource: 'staffTask', operation: 'cancel', taskId: task.id });
		expect(fake.tasks.get(task.id)).toMatchObject({
			status: 'canceled',
			finalized_at: expect.any(String),
		});
		expect(apiCalls().map((call) => call.body)).toEqual([
			{ status: 'completed' },
			{ status: 'pending' },
			{ status: 'canceled' },
		]);
	});

	it('Delete cancels the task at Oliver: the record stays, canceled', async () => {
		const task = fake.addTask({ title: 'Duplicate' });
		const { items } = await oliver({ resource: 'staffTask', operation: 'delete', taskId: task.id });

		expect(apiCalls()[0].method).toBe('DELETE');
		expect(fake.tasks.get(task.id)).toMatchObject({
			status: 'canceled',
			finalized_at: expect.any(String),
		});
		expect(items.map((item) => item.json)).toEqual([{ id: task.id, deleted: true }]);
	});

	it('every call carries Content-Type and Accept application/json, as Oliver asks of all requests: GETs and DELETE too', async () => {
		const task = fake.addTask({ title: 'Lab results' });

		for (const parameters of [
			{ operation: 'get', taskId: task.id },
			{ operation: 'getAll', returnAll: true },
			{ operation: 'delete', taskId: task.id },
		]) {
			expect((await oliver({ resource: 'staffTask', ...parameters })).error).toBeUndefined();
		}

		expect(apiCalls().map((call) => call.method)).toEqual(['GET', 'GET', 'DELETE']);
		expectJsonHeadersOnEvery(fake.requests);
	});

	it('runs once per input item', async () => {
		const first = fake.addTask({ title: 'a' });
		const second = fake.addTask({ title: 'b' });
		const { items } = await oliver(
			{ resource: 'staffTask', operation: 'complete', taskId: '={{ $json.id }}' },
			[{ id: first.id }, { id: second.id }],
		);
		expect(items.map((item) => item.json.id)).toEqual([first.id, second.id]);
		expect([...fake.tasks.values()].every((task) => task.status === 'completed')).toBe(true);
	});
});

describe('bad input is refused before any request, naming the field', () => {
	it.each([
		['an empty task ID', { operation: 'get', taskId: '={{ $json.missing }}' }, 'Task ID'],
		['a blank title', { operation: 'create', title: '={{ "  " }}' }, 'Title'],
		[
			'an unknown status',
			{ operation: 'update', taskId: 'st_1', updateFields: { status: '={{ "done" }}' } },
			'Status',
		],
		[
			'an unknown status filter',
			{ operation: 'getAll', returnAll: true, filters: { status: '={{ "archived" }}' } },
			'Status',
		],
		[
			'an unknown task type',
			{ operation: 'create', title: 'x', additionalFields: { taskType: '={{ "chore" }}' } },
			'Task Type',
		],
		[
			'a malformed date',
			{
				operation: 'create',
				title: 'x',
				additionalFields: { referenceTimeAt: '={{ "next tuesday-ish" }}' },
			},
			'Reference Time',
		],
		[
			'an update with nothing to change',
			{ operation: 'update', taskId: 'st_1', updateFields: {} },
			'Update Fields',
		],
	])('%s', async (_case, parameters, field) => {
		const { error } = await oliver({ resource: 'staffTask', ...parameters });
		expect(error?.message).toContain(`"${field}"`);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('normalized output', () => {
	it('Complete with Output "Normalized Task": the same task in the shape every vendor shares, the raw record kept', async () => {
		const task = fake.addTask({
			title: 'Refill carprofen',
			description: 'Owner called. [taskbridge:openDental:4417]',
			task_type: 'rx_refill',
			client_id: 'cl-9',
			patient_id: 'pt-3',
			reference_time_at: '2026-11-24T09:30:00.000+01:00',
		});

		const { items, error } = await oliver({
			resource: 'staffTask',
			operation: 'complete',
			taskId: task.id,
			outputFormat: 'normalized',
		});

		expect(error).toBeUndefined();
		const stored = fake.tasks.get(task.id)!;
		expect(items.map((item) => item.json)).toEqual([
			{
				id: task.id,
				vendor: 'oliver',
				title: 'Refill carprofen',
				description: 'Owner called. [taskbridge:openDental:4417]',
				status: 'done',
				dueAt: '2026-11-24T08:30:00Z',
				createdAt: new Date(stored.created_at).toISOString().replace('.000', ''),
				updatedAt: new Date(stored.updated_at).toISOString().replace('.000', ''),
				completedAt: new Date(stored.finalized_at!).toISOString().replace('.000', ''),
				assignees: [],
				subject: { type: 'patient', id: 'pt-3' },
				reference: `[taskbridge:oliver:${task.id}]`,
				links: { openDental: '4417' },
				raw: { ...stored },
			},
		]);
	});

	it('Get Many: pending is open, canceled stays canceled without a completion time; the default Output is unchanged', async () => {
		const open = fake.addTask({ title: 'Call owner', client_id: 'cl-1' });
		const canceled = fake.addTask({ title: 'Old reminder', status: 'canceled' });

		const normalized = await oliver({
			resource: 'staffTask',
			operation: 'getAll',
			returnAll: true,
			outputFormat: 'normalized',
		});
		const vendor = await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });

		const byId = Object.fromEntries(normalized.items.map((item) => [item.json.id, item.json]));
		expect(byId[open.id]).toMatchObject({
			status: 'open',
			completedAt: null,
			subject: { type: 'client', id: 'cl-1' },
			links: {},
		});
		expect(byId[canceled.id]).toMatchObject({
			status: 'canceled',
			completedAt: null,
			subject: null,
		});
		expect(vendor.items.map((item) => item.json)).toEqual(
			normalized.items.map((item) => item.json.raw),
		);
	});
});
