import type { IDataObject } from 'n8n-workflow';
import { OliverFake, OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH } from '../fakes/oliver';
import { Engine, runNode, searchList, testCredential } from './harness';
import { serveFake } from './serveFake';

const fake = new OliverFake();
let engine: Engine;
let credentialId: string;

const apiCalls = () => fake.requests.filter((request) => request.path !== OLIVER_SIGN_IN_PATH);
const signIns = () => fake.requests.filter((request) => request.path === OLIVER_SIGN_IN_PATH);

function credentialData(overrides: IDataObject = {}) {
	return { ...fake.credentialData(), accessToken: '', ...overrides } as Record<string, string>;
}

function oliver(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: { onError?: 'continueErrorOutput'; continueOnFail?: boolean } = {},
) {
	return runNode(engine, { type: 'oliver', credentialId, parameters, ...extra }, input);
}

serveFake(fake);
beforeEach(() => {
	fake.reset();
	engine = new Engine();
	credentialId = engine.credentials.add('oliverApi', credentialData()).id!;
});

describe('credential', () => {
	it('without a stored token, many items at once share one sign-in', async () => {
		const tasks = Array.from({ length: 50 }, (_, i) => fake.addTask({ title: `Task ${i}` }));

		const { items, error } = await oliver(
			{
				resource: 'staffTask',
				operation: 'update',
				taskId: '={{ $json.id }}',
				updateFields: { title: '={{ $json.title }}' },
			},
			tasks.map((task) => ({ id: task.id, title: `${task.title} (checked)` })),
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(50);
		expect(signIns()).toHaveLength(1);
		expect(tasks.map((task) => fake.tasks.get(task.id)?.title)).toEqual(
			tasks.map((_, i) => `Task ${i} (checked)`),
		);
	});

	it('signs in as an API user and sends the token and location on every call', async () => {
		fake.addTask({ title: 'Call owner' });
		await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });

		expect(signIns()).toHaveLength(1);
		expect(signIns()[0].body).toEqual({
			username: fake.options.username,
			password: fake.options.password,
			role: 'ROLE_API',
		});
		const [call] = apiCalls();
		expect(call.headers.authorization).toMatch(/^Bearer \S+$/);
		expect(call.headers['x-client-id']).toBe(fake.options.locationId);
	});

	it('keeps the token between executions instead of signing in each time', async () => {
		await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });
		await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });
		expect(signIns()).toHaveLength(1);
		expect(engine.credentials.data(credentialId).sessionToken).not.toBe('');
	});

	it('signs in again once when Oliver rejects an expired token, and the call succeeds', async () => {
		const task = fake.addTask({ title: 'Refill' });
		await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id });
		fake.expireTokens();

		const { items, error } = await oliver({
			resource: 'staffTask',
			operation: 'get',
			taskId: task.id,
		});

		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(task.id);
		expect(signIns()).toHaveLength(2);
		expect(apiCalls().map((call) => call.headers.authorization)).toHaveLength(3);
	});

	it('fails with a clear error when a wrong location is configured', async () => {
		engine.credentials.update(credentialId, credentialData({ locationId: 'some-other-practice' }));
		const { error } = await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });
		expect(error?.httpCode).toBe('401');
	});

	it('uses a pasted access token without signing in', async () => {
		const token = fake.issueToken();
		engine.credentials.update(
			credentialId,
			credentialData({
				authentication: 'accessToken',
				accessToken: token,
				username: '',
				password: '',
			}),
		);
		fake.addTask({ title: 'x' });

		const { items } = await oliver({ resource: 'staffTask', operation: 'getAll', returnAll: true });

		expect(items).toHaveLength(1);
		expect(signIns()).toHaveLength(0);
		expect(apiCalls()[0].headers.authorization).toBe(`Bearer ${token}`);
	});

	it('Test button: succeeds with good credentials and fails with a wrong password or location', async () => {
		expect(await testCredential(engine, 'oliverApi', credentialData())).toEqual(
			expect.objectContaining({ status: 'OK' }),
		);
		expect(apiCalls()).toHaveLength(1);

		const wrongPassword = await testCredential(
			engine,
			'oliverApi',
			credentialData({ password: 'nope' }),
		);
		expect(wrongPassword.status).toBe('Error');
		expect(wrongPassword.message).not.toContain('nope');

		const wrongLocation = await testCredential(
			engine,
			'oliverApi',
			credentialData({ locationId: 'elsewhere' }),
		);
		expect(wrongLocation.status).toBe('Error');
	});

	it('never puts the password or token into an error', async () => {
		engine.credentials.update(credentialId, credentialData({ password: 'S3cret-pass' }));
		const { error, run } = await oliver({
			resource: 'staffTask',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeDefined();
		expect(JSON.stringify(run)).not.toContain('S3cret-pass');
	});
});

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

	it('Get returns the task', async () => {
		const task = fake.addTask({ title: 'Vaccine reminder' });
		const { items } = await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id });
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: task.id, title: 'Vaccine reminder' }),
		]);
		expect(apiCalls()[0].path).toBe(`${OLIVER_API_PREFIX}/staff_tasks/${task.id}`);
	});

	it('Get surfaces Oliver’s own message and status for a missing task', async () => {
		const { error } = await oliver({
			resource: 'staffTask',
			operation: 'get',
			taskId: 'st_missing',
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('Oliver: Staff task st_missing not found');
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
		expect(items.map((item) => item.json)).toEqual([{ id: task.id, success: true }]);
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

describe('vendor failures', () => {
	it('treats `success: false` as an error even under HTTP 200, with Oliver’s message', async () => {
		const task = fake.addTask({ title: 'x' });
		await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id }); // sign in first
		fake.server.fault({
			path: `${OLIVER_API_PREFIX}/staff_tasks/${task.id}`,
			fault: { status: 200, body: { success: false, message: 'Task is locked' } },
		});

		const { error } = await oliver({
			resource: 'staffTask',
			operation: 'complete',
			taskId: task.id,
		});

		expect(error?.message).toContain('Task is locked');
	});

	it('Continue On Fail: a failing item becomes an error item and the others go on', async () => {
		const task = fake.addTask({ title: 'ok' });
		const { items, error } = await oliver(
			{ resource: 'staffTask', operation: 'get', taskId: '={{ $json.id }}' },
			[{ id: 'st_missing' }, { id: task.id }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe('Oliver: Staff task st_missing not found');
		expect(items[1].json.id).toBe(task.id);
	});

	it('error output: failing items go to the error output, good ones to the main output', async () => {
		const task = fake.addTask({ title: 'ok' });
		const { items, errorItems } = await oliver(
			{ resource: 'staffTask', operation: 'get', taskId: '={{ $json.id }}' },
			[{ id: '' }, { id: task.id }],
			{ onError: 'continueErrorOutput' },
		);
		expect(items.map((item) => item.json.id)).toEqual([task.id]);
		expect(errorItems).toHaveLength(1);
		expect(JSON.stringify(errorItems[0].json)).toContain('Task ID');
	});
});

describe('clients and patients', () => {
	it('Client Search sends exactly the chosen filter; Get fetches one client', async () => {
		const client = fake.addClient({ name: 'Dana Smith', email: 'dana@example.com' });
		fake.addClient({ name: 'Lee Wong' });

		const found = await oliver({
			resource: 'client',
			operation: 'search',
			searchBy: 'email',
			searchValue: 'dana@',
		});
		expect(apiCalls()[0].query).toEqual({ email: 'dana@' });
		expect(found.items.map((item) => item.json.id)).toEqual([client.id]);

		const one = await oliver({ resource: 'client', operation: 'get', clientId: client.id });
		expect(one.items[0].json).toMatchObject({ id: client.id, name: 'Dana Smith' });
	});

	it('Patient Get Many lists one client’s patients; Get fetches one patient', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const rex = fake.addPatient({ name: 'Rex', client_id: client.id });
		fake.addPatient({ name: 'Milo', client_id: fake.addClient({ name: 'Other' }).id });

		const many = await oliver({
			resource: 'patient',
			operation: 'getAll',
			clientId: { __rl: true, mode: 'id', value: client.id },
		});
		expect(apiCalls()[0].query).toEqual({ client_id: client.id });
		expect(many.items.map((item) => item.json.name)).toEqual(['Rex']);

		const one = await oliver({ resource: 'patient', operation: 'get', patientId: rex.id });
		expect(one.items[0].json).toMatchObject({ id: rex.id, client_id: client.id });
	});
});

describe('pickers', () => {
	it('the client list searches Oliver by name as the user types, and waits for a filter', async () => {
		const client = fake.addClient({ name: 'Dana Smith', email: 'dana@example.com' });
		fake.addClient({ name: 'Lee Wong' });
		const spec = {
			type: 'oliver',
			credentialId,
			parameters: { resource: 'staffTask', operation: 'create' },
		};

		expect(await searchList(engine, spec, 'searchClients', '')).toEqual([]);
		expect(fake.requests).toHaveLength(0);

		const results = await searchList(engine, spec, 'searchClients', 'smi');
		expect(apiCalls()[0].query).toEqual({ name: 'smi' });
		expect(results).toEqual([{ name: 'Dana Smith · dana@example.com', value: client.id }]);
	});

	it('the patient list shows the patients of the client chosen in the same node', async () => {
		const client = fake.addClient({ name: 'Dana Smith' });
		const rex = fake.addPatient({ name: 'Rex', client_id: client.id, species: 'Dog' });
		fake.addPatient({ name: 'Milo', client_id: fake.addClient({ name: 'Other' }).id });
		const spec = {
			type: 'oliver',
			credentialId,
			parameters: {
				resource: 'staffTask',
				operation: 'create',
				additionalFields: { clientId: { __rl: true, mode: 'list', value: client.id } },
			},
		};

		const results = await searchList(engine, spec, 'searchPatients');

		expect(apiCalls()[0].query).toEqual({ client_id: client.id });
		expect(results).toEqual([{ name: 'Rex · Dog', value: rex.id }]);
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
