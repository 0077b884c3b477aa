/**
 * The built pack inside a real n8n (community-package install), every Oliver operation run by n8n's CLI
 * against the fake Oliver; outputs and the fake's final state checked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OliverFake, OLIVER_SIGN_IN_PATH } from '../fakes/oliver';
import { PACKAGE_NAME } from './harness/repo';
import { errorOf, itemsOf } from './harness/runData';
import { chainWorkflow, workflowDay } from './harness/workflowBuilder';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

const fake = new OliverFake();
let n8n: N8nInstance;
const OLIVER = `${PACKAGE_NAME}.oliver`;
const credentials = { oliverApi: { id: 'oliverE2e', name: 'Oliver e2e' } };
const oliverNode = (name: string, parameters: Record<string, unknown>, extra: object = {}) => ({
	name,
	type: OLIVER,
	parameters,
	credentials,
	...extra,
});

// State the workflows act on, made before they are imported (their ids go into node parameters).
let client: ReturnType<OliverFake['addClient']>;
let patient: ReturnType<OliverFake['addPatient']>;
const tasks: Record<string, ReturnType<OliverFake['addTask']>> = {};
/** Tomorrow in n8n's zone, by the clock the test runs under: a refill's reference time ahead of now, never in the past. */
const tomorrow = workflowDay(1);

beforeAll(async () => {
	await fake.start();
	client = fake.addClient({ name: 'Dana Smith', email: 'dana@example.com' });
	patient = fake.addPatient({ name: 'Rex', client_id: client.id, species: 'Dog' });
	for (const name of ['toGet', 'toUpdate', 'toComplete', 'toReopen', 'toCancel', 'toDelete']) {
		tasks[name] = fake.addTask({ title: name, description: `kept ${name}` });
	}
	fake.tasks.get(tasks.toReopen.id)!.status = 'completed';
	fake.tasks.get(tasks.toReopen.id)!.finalized_at = new Date().toISOString();
	for (let i = 0; i < 140; i++) fake.addTask({ title: `bulk ${i}` });

	n8n = await createN8nInstance();
	const data = fake.credentialData();
	await n8n.importCredentials([
		{ id: 'oliverE2e', name: 'Oliver e2e', type: 'oliverApi', data },
		// The credential the examples (and npm start's sandbox) refer to.
		{ id: 'oliverSandbox', name: 'Oliver sandbox', type: 'oliverApi', data },
	]);
	await n8n.importWorkflows([
		JSON.parse(
			readFileSync(path.join(__dirname, '../../examples/oliver-pending-staff-tasks.json'), 'utf8'),
		),
		chainWorkflow('olCreate', [
			oliverNode('Create', {
				resource: 'staffTask',
				operation: 'create',
				title: 'Refill Rex’s carprofen',
				additionalFields: {
					taskType: 'rx_refill',
					clientId: { __rl: true, mode: 'list', value: client.id },
					patientId: { __rl: true, mode: 'id', value: patient.id },
					referenceTimeAt: `${tomorrow}T09:30:00.000Z`,
				},
			}),
		]),
		chainWorkflow('olGet', [
			oliverNode('Get', { resource: 'staffTask', operation: 'get', taskId: tasks.toGet.id }),
		]),
		chainWorkflow('olGetMany', [
			oliverNode('Get Many', { resource: 'staffTask', operation: 'getAll', returnAll: true }),
		]),
		chainWorkflow('olGetLimit', [
			oliverNode('Get Many', {
				resource: 'staffTask',
				operation: 'getAll',
				returnAll: false,
				limit: 3,
				filters: { status: 'pending' },
			}),
		]),
		chainWorkflow('olUpdate', [
			oliverNode('Update', {
				resource: 'staffTask',
				operation: 'update',
				taskId: tasks.toUpdate.id,
				updateFields: { title: 'renamed' },
			}),
		]),
		chainWorkflow('olStatus', [
			oliverNode('Complete', {
				resource: 'staffTask',
				operation: 'complete',
				taskId: tasks.toComplete.id,
			}),
			oliverNode('Reopen', {
				resource: 'staffTask',
				operation: 'reopen',
				taskId: tasks.toReopen.id,
			}),
			oliverNode('Cancel', {
				resource: 'staffTask',
				operation: 'cancel',
				taskId: tasks.toCancel.id,
			}),
			oliverNode('Delete', {
				resource: 'staffTask',
				operation: 'delete',
				taskId: tasks.toDelete.id,
			}),
		]),
		chainWorkflow('olLookups', [
			oliverNode('Search Clients', {
				resource: 'client',
				operation: 'search',
				searchBy: 'name',
				searchValue: 'smith',
			}),
			oliverNode('Patients', {
				resource: 'patient',
				operation: 'getAll',
				clientId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			}),
			oliverNode('Client', {
				resource: 'client',
				operation: 'get',
				clientId: '={{ $json.client_id }}',
			}),
		]),
		chainWorkflow('olBadInput', [
			oliverNode('Get', {
				resource: 'staffTask',
				operation: 'get',
				taskId: '={{ $json.nothing }}',
			}),
		]),
		chainWorkflow('olErrorOutput', [
			oliverNode(
				'Get',
				{ resource: 'staffTask', operation: 'get', taskId: 'st_does_not_exist' },
				{ onError: 'continueErrorOutput' },
			),
		]),
	]);
});

afterAll(async () => {
	await fake.stop();
	await n8n?.cleanup();
});

const apiRequestsSince = (mark: number) =>
	fake.requests.slice(mark).filter((request) => request.path !== OLIVER_SIGN_IN_PATH);

test('Create: the task exists at Oliver with every field, and n8n outputs it', async () => {
	const run = await n8n.execute('olCreate');
	expect(errorOf(run)).toBeUndefined();
	const [created] = itemsOf(run, 'Create');
	expect(created).toMatchObject({
		title: 'Refill Rex’s carprofen',
		task_type: 'rx_refill',
		client_id: client.id,
		patient_id: patient.id,
	});
	expect(fake.tasks.get(created.id as string)).toMatchObject({
		status: 'pending',
		reference_time_at: `${tomorrow}T09:30:00Z`,
	});
});

test('Get and Get Many (Return All follows every page; Limit asks for no more than it needs)', async () => {
	expect(itemsOf(await n8n.execute('olGet'), 'Get')).toEqual([
		expect.objectContaining({ id: tasks.toGet.id, title: 'toGet' }),
	]);

	const mark = fake.requests.length;
	const all = itemsOf(await n8n.execute('olGetMany'), 'Get Many');
	expect(all).toHaveLength(fake.tasks.size);
	expect(apiRequestsSince(mark).map((request) => request.query.page)).toEqual(['0', '1']);

	const limitMark = fake.requests.length;
	const limited = itemsOf(await n8n.execute('olGetLimit'), 'Get Many');
	expect(limited).toHaveLength(3);
	expect(
		apiRequestsSince(limitMark).map((request) => [request.query.per_page, request.query.status]),
	).toEqual([['3', 'pending']]);
});

test('Update changes only the named field; Complete, Reopen, Cancel and Delete leave the expected state', async () => {
	const update = await n8n.execute('olUpdate');
	expect(itemsOf(update, 'Update')[0]).toMatchObject({
		title: 'renamed',
		description: 'kept toUpdate',
	});
	expect(fake.tasks.get(tasks.toUpdate.id)).toMatchObject({
		title: 'renamed',
		description: 'kept toUpdate',
	});

	const run = await n8n.execute('olStatus');
	expect(errorOf(run)).toBeUndefined();
	expect(fake.tasks.get(tasks.toComplete.id)).toMatchObject({
		status: 'completed',
		finalized_at: expect.any(String),
	});
	expect(fake.tasks.get(tasks.toReopen.id)).toMatchObject({
		status: 'pending',
		finalized_at: null,
	});
	expect(fake.tasks.get(tasks.toCancel.id)).toMatchObject({
		status: 'canceled',
		finalized_at: expect.any(String),
	});
	expect(fake.tasks.get(tasks.toDelete.id)).toMatchObject({
		status: 'canceled',
		finalized_at: expect.any(String),
	});
	expect(itemsOf(run, 'Delete')).toEqual([{ id: tasks.toDelete.id, deleted: true }]);
});

test('Client search → patients → client: look-ups chain by expression', async () => {
	const run = await n8n.execute('olLookups');
	expect(itemsOf(run, 'Search Clients').map((found) => found.id)).toEqual([client.id]);
	expect(itemsOf(run, 'Patients').map((found) => found.name)).toEqual(['Rex']);
	expect(itemsOf(run, 'Client')[0]).toMatchObject({ id: client.id, name: 'Dana Smith' });
});

test('bad input stops before any request, naming the field; a vendor error reaches the error output', async () => {
	const mark = fake.requests.length;
	const bad = await n8n.execute('olBadInput', { allowError: true });
	expect(errorOf(bad)?.message).toContain('"Task ID" is required');
	expect(fake.requests.length).toBe(mark);

	const errorRun = await n8n.execute('olErrorOutput');
	expect(errorOf(errorRun)).toBeUndefined();
	expect(itemsOf(errorRun, 'Get', 0)).toEqual([]);
	expect(itemsOf(errorRun, 'Get', 1)).toEqual([
		expect.objectContaining({ error: 'Oliver: Staff task st_does_not_exist not found' }),
	]);
});

test('the example workflow imports as is and completes the first pending task', async () => {
	const firstPending = [...fake.tasks.values()].find((task) => task.status === 'pending')!;
	const run = await n8n.execute('exOliverPending');
	expect(itemsOf(run, 'Complete it')).toEqual([
		expect.objectContaining({ id: firstPending.id, status: 'completed' }),
	]);
	expect(fake.tasks.get(firstPending.id)).toMatchObject({
		status: 'completed',
		finalized_at: expect.any(String),
	});
});

test('the token is kept: n8n signed in once over all these executions, and no secret was stored in them', async () => {
	// Two stored credentials (e2e and sandbox), each signs in once and keeps its token.
	expect(fake.signInCount).toBe(2);
	const stored = (await n8n.storedExecutions()).map((execution) => execution.data).join('\n');
	expect(stored.length).toBeGreaterThan(0);
	expect(stored).not.toContain(fake.options.password);
	for (const token of fake.requests
		.map((request) => request.headers.authorization?.replace('Bearer ', ''))
		.filter(Boolean)) {
		expect(stored).not.toContain(token);
	}
});
