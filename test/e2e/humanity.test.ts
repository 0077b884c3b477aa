/**
 * The built pack inside a real n8n (community-package install), every Humanity action-node operation run by
 * n8n's CLI against the fake Humanity: what Humanity received (per shift: reads and writes), what n8n output,
 * the shifts' task lists as they end, the token kept and renewed by n8n, and no secret in stored executions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	HumanityFake,
	HUMANITY_API_PREFIX,
	type HumanityMasterTask,
	type HumanityShift,
	type HumanityShiftTask,
} from '../fakes/humanity';
import { PACKAGE_NAME } from './harness/repo';
import { errorOf, itemsOf } from './harness/runData';
import { chainWorkflow, type N8nNode, workflowDay } from './harness/workflowBuilder';
import { createN8nInstance, type N8nInstance } from './harness/instance';

jest.setTimeout(15 * 60_000);

/** Secret-looking on purpose: the stored executions are searched for them. */
const APP_SECRET = 'HumSecret-E2e-5521';
const PASSWORD = 'HumPass-E2e-8830';

const fake = new HumanityFake({
	appSecret: APP_SECRET,
	password: PASSWORD,
	timeZone: 'America/New_York',
});
let n8n: N8nInstance;
const HUMANITY = `${PACKAGE_NAME}.humanity`;
const credentials = { humanityApi: { id: 'humanityE2e', name: 'Humanity e2e' } };
const node = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<N8nNode> = {},
): N8nNode => ({ name, type: HUMANITY, parameters, credentials, ...extra });
const rl = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const names = (shift: HumanityShift) => fake.liveShiftTasks(shift.id).map((task) => task.name);

const shifts: Record<
	'todayBar' | 'todayKitchen' | 'tomorrow' | 'batch' | 'replaced',
	HumanityShift
> = {} as never;
const tasks: Record<string, HumanityShiftTask[]> = {};
let masters: HumanityMasterTask[];
let positionId: number;

beforeAll(async () => {
	await fake.start();
	const location = fake.addLocation({ name: 'Main Street Café' });
	positionId = fake.addPosition({ name: 'Barista', locationId: location.id }).id;
	const sam = fake.addEmployee({ firstname: 'Sam', lastname: 'Okafor', positionIds: [positionId] });
	// "Today" as the example reads it: `$today` in n8n's zone. Between midnight in n8n's zone and midnight at
	// the café (New York) the two days differ, and shifts made on the café's today would not be today's.
	const today = workflowDay();
	const tomorrow = workflowDay(1);
	shifts.todayBar = fake.addShift({
		start: `${today} 07:00`,
		end: `${today} 15:00`,
		positionId,
		employeeIds: [sam.id],
		title: 'Morning bar',
	});
	shifts.todayKitchen = fake.addShift({
		start: `${today} 06:00`,
		end: `${today} 14:00`,
		positionId,
		title: 'Kitchen prep',
	});
	shifts.tomorrow = fake.addShift({
		start: `${tomorrow} 07:00`,
		end: `${tomorrow} 15:00`,
		positionId,
		employeeIds: [sam.id],
		title: 'Tomorrow bar',
	});
	shifts.batch = fake.addShift({
		start: `${tomorrow} 14:00`,
		end: `${tomorrow} 22:00`,
		positionId,
		title: 'Late',
	});
	shifts.replaced = fake.addShift({
		start: `${tomorrow} 22:00`,
		end: `${tomorrow} 23:30`,
		positionId,
		title: 'Night clean',
	});
	masters = [
		'Open the register',
		'Clean the espresso machine',
		'Wipe the tables',
		'Restock pastries',
	].map((name) => fake.addMasterTask({ name, positionIds: [positionId] }));
	for (const key of Object.keys(shifts) as Array<keyof typeof shifts>) {
		tasks[key] = masters.slice(0, 3).map((master) =>
			fake.addShiftTask({
				shiftId: shifts[key].id,
				taskId: master.id,
				name: master.name,
				description: `kept on ${key}`,
			}),
		);
	}

	n8n = await createN8nInstance();
	const data = { ...fake.credentialData(), accessToken: '', accessTokenExpiresAt: '' };
	await n8n.importCredentials([
		{ id: 'humanityE2e', name: 'Humanity e2e', type: 'humanityApi', data },
		// The credential the example (and npm start's sandbox) refers to.
		{ id: 'humanitySandbox', name: 'Humanity sandbox', type: 'humanityApi', data },
	]);
	await n8n.importWorkflows([
		JSON.parse(
			readFileSync(
				path.join(__dirname, '../../examples/humanity-add-task-to-todays-shifts.json'),
				'utf8',
			),
		),
		chainWorkflow('huKeep', [
			node('Update', {
				resource: 'shiftTask',
				operation: 'update',
				shiftId: rl(shifts.tomorrow.id),
				shiftTaskId: rl(tasks.tomorrow[1].id),
				updateFields: { name: 'Clean the espresso machine twice' },
			}),
			node('Remove', {
				resource: 'shiftTask',
				operation: 'remove',
				shiftId: rl(shifts.tomorrow.id),
				shiftTaskId: rl(tasks.tomorrow[2].id),
			}),
		]),
		chainWorkflow('huBatch', [
			node('Tasks of the Late Shift', {
				resource: 'shiftTask',
				operation: 'getAll',
				shiftIds: String(shifts.batch.id),
				returnAll: true,
			}),
			node('Describe Each', {
				resource: 'shiftTask',
				operation: 'update',
				shiftId: rl('={{ $json.shiftId }}'),
				shiftTaskId: rl('={{ $json.id }}'),
				updateFields: { description: '={{ "checked: " + $json.name }}' },
			}),
		]),
		chainWorkflow('huMaster', [
			node('Create', {
				resource: 'masterTask',
				operation: 'create',
				name: 'Water the plants',
				positionIds: [positionId],
				additionalFields: { description: 'Every Monday' },
			}),
			node('Update', {
				resource: 'masterTask',
				operation: 'update',
				masterTaskId: rl('={{ $json.id }}'),
				updateFields: { favorite: true },
			}),
			node('Search', {
				resource: 'masterTask',
				operation: 'getAll',
				returnAll: true,
				filters: { searchTerm: 'plants' },
			}),
			node('Delete', {
				resource: 'masterTask',
				operation: 'delete',
				masterTaskId: rl('={{ $json.id }}'),
			}),
		]),
		chainWorkflow('huEmployee', [
			node('Employee Tasks', {
				resource: 'employeeTask',
				operation: 'getAll',
				shiftIds: String(shifts.todayBar.id),
				returnAll: false,
				limit: 1,
			}),
			node('Start Task', {
				resource: 'employeeTask',
				operation: 'start',
				employeeTaskId: '={{ $json.id }}',
			}),
			node('Complete', {
				resource: 'employeeTask',
				operation: 'complete',
				employeeTaskId: '={{ $json.id }}',
			}),
		]),
		chainWorkflow('huShifts', [
			node('Shifts', {
				resource: 'shift',
				operation: 'getAll',
				startDate: '={{ $today.toISO() }}',
				endDate: '={{ $today.plus({ days: 1 }).toISO() }}',
				returnAll: true,
			}),
			node(
				'Get',
				{ resource: 'shift', operation: 'get', shiftId: rl(shifts.todayBar.id) },
				{ executeOnce: true },
			),
		]),
		chainWorkflow('huSetAll', [
			node('Set All', {
				resource: 'shiftTask',
				operation: 'setAll',
				shiftId: rl(shifts.replaced.id),
				tasks: {
					task: [
						{
							masterTaskId: masters[0].id,
							name: 'Open the register',
							type: 'regular',
							shiftTaskId: tasks.replaced[0].id,
						},
						{
							masterTaskId: masters[3].id,
							name: 'Restock pastries',
							type: 'timeBoxed',
							startTime: `${tomorrow}T22:00:00Z`,
							dueTime: `${tomorrow}T22:30:00Z`,
						},
					],
				},
			}),
		]),
		chainWorkflow('huBadInput', [
			node('Time-Boxed Without Due Time', {
				resource: 'shiftTask',
				operation: 'add',
				shiftId: rl(shifts.batch.id),
				masterTaskId: rl(masters[0].id),
				type: 'timeBoxed',
				startTime: '2026-11-23T08:00:00Z',
				dueTime: '={{ "" }}',
				additionalFields: { name: 'Count the float' },
			}),
		]),
	]);
});

afterAll(async () => {
	await fake.stop();
	await n8n?.cleanup();
});

test("the example adds the master task to each of today's shifts, keeping their tasks: one read and one write per shift", async () => {
	const run = await n8n.execute('exHumanityAddTaskToday');
	expect(errorOf(run)).toBeUndefined();
	const added = itemsOf(run, 'Add the task to each shift');
	expect(added.map((item) => item.shiftId).sort()).toEqual(
		[shifts.todayBar.id, shifts.todayKitchen.id].sort(),
	);
	for (const shift of [shifts.todayBar, shifts.todayKitchen]) {
		expect(names(shift)).toEqual([
			'Open the register',
			'Clean the espresso machine',
			'Wipe the tables',
			'Restock pastries',
		]);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 1, writes: 1 });
	}
	expect(fake.requestsTo(`GET ${HUMANITY_API_PREFIX}/shifts`)[0].query).toMatchObject({
		mode: 'overview',
		start_date: workflowDay(),
	});
	expect(fake.tokenGrants).toBe(1);
});

test('Update of one task of three leaves all three; Remove of one leaves exactly two', async () => {
	const run = await n8n.execute('huKeep');
	expect(errorOf(run)).toBeUndefined();
	expect(itemsOf(run, 'Update')[0]).toMatchObject({
		id: tasks.tomorrow[1].id,
		name: 'Clean the espresso machine twice',
		description: 'kept on tomorrow',
	});
	expect(itemsOf(run, 'Remove')[0]).toEqual({
		removed: true,
		id: tasks.tomorrow[2].id,
		name: 'Wipe the tables',
		shiftId: shifts.tomorrow.id,
	});
	expect(fake.liveShiftTasks(shifts.tomorrow.id).map((task) => [task.id, task.name])).toEqual([
		[tasks.tomorrow[0].id, 'Open the register'],
		[tasks.tomorrow[1].id, 'Clean the espresso machine twice'],
	]);
});

test('three items for the same shift cost exactly one read and one write', async () => {
	const before = fake.shiftTaskCalls(shifts.batch.id);
	const run = await n8n.execute('huBatch');
	expect(errorOf(run)).toBeUndefined();
	const after = fake.shiftTaskCalls(shifts.batch.id);
	// The list node's read, then the update's one read and one write.
	expect({ reads: after.reads - before.reads, writes: after.writes - before.writes }).toEqual({
		reads: 2,
		writes: 1,
	});
	expect(itemsOf(run, 'Describe Each').map((item) => item.description)).toEqual([
		'checked: Open the register',
		'checked: Clean the espresso machine',
		'checked: Wipe the tables',
	]);
	expect(fake.liveShiftTasks(shifts.batch.id).map((task) => task.id)).toEqual(
		tasks.batch.map((task) => task.id),
	);
});

test("Set All replaces the shift's whole list with exactly the tasks given, keeping one by its ID, in one write", async () => {
	const run = await n8n.execute('huSetAll');
	expect(errorOf(run)).toBeUndefined();
	const live = fake.liveShiftTasks(shifts.replaced.id);
	expect(live.map((task) => task.name)).toEqual(['Open the register', 'Restock pastries']);
	expect(live[0].id).toBe(tasks.replaced[0].id);
	expect(live[1].options).toEqual({
		startTime: expect.stringContaining('22:00:00'),
		dueTime: expect.stringContaining('22:30:00'),
	});
	expect(fake.shiftTaskCalls(shifts.replaced.id)).toEqual({ reads: 0, writes: 1 });
	expect(itemsOf(run, 'Set All').map((item) => item.name)).toEqual([
		'Open the register',
		'Restock pastries',
	]);
});

test('Master Task Create, Update, Get Many and Delete', async () => {
	const run = await n8n.execute('huMaster');
	expect(errorOf(run)).toBeUndefined();
	const [created] = itemsOf(run, 'Create');
	expect(created).toMatchObject({
		name: 'Water the plants',
		positionIds: [positionId],
		description: 'Every Monday',
	});
	expect(itemsOf(run, 'Update')[0]).toMatchObject({
		id: created.id,
		favorite: true,
		name: 'Water the plants',
	});
	expect(itemsOf(run, 'Search').map((item) => item.id)).toEqual([created.id]);
	expect(itemsOf(run, 'Delete')[0]).toMatchObject({ deleted: true, id: created.id });
	expect(fake.masterTasks.get(String(created.id))?.deletedAt).not.toBeNull();
	expect(masters.every((master) => fake.masterTasks.get(master.id)?.deletedAt === null)).toBe(true);
});

test('Employee Task Get Many, Start and Complete', async () => {
	const run = await n8n.execute('huEmployee');
	expect(errorOf(run)).toBeUndefined();
	const [listed] = itemsOf(run, 'Employee Tasks');
	expect(itemsOf(run, 'Start Task')[0]).toMatchObject({ id: listed.id, activity: { status: 1 } });
	expect(itemsOf(run, 'Complete')[0]).toMatchObject({ id: listed.id, activity: { status: 2 } });
	expect(fake.employeeTasks.get(String(listed.id))?.activity.status).toBe(2);
});

test('Shift Get Many and Get; an expired token is renewed once by n8n and kept for the next execution', async () => {
	const run = await n8n.execute('huShifts');
	expect(errorOf(run)).toBeUndefined();
	expect(itemsOf(run, 'Shifts').map((item) => item.id)).toEqual([
		shifts.todayKitchen.id,
		shifts.todayBar.id,
		shifts.tomorrow.id,
		shifts.batch.id,
		shifts.replaced.id,
	]);
	expect(itemsOf(run, 'Get')[0]).toMatchObject({ id: shifts.todayBar.id, title: 'Morning bar' });

	const grants = fake.tokenGrants;
	fake.expireAccessTokens();
	expect(errorOf(await n8n.execute('huShifts'))).toBeUndefined();
	expect(fake.tokenGrants).toBe(grants + 1);
	expect(errorOf(await n8n.execute('huShifts'))).toBeUndefined();
	expect(fake.tokenGrants).toBe(grants + 1);
});

test('bad input is refused before any request, naming the field', async () => {
	const mark = fake.requests.length;
	const run = await n8n.execute('huBadInput', { allowError: true });
	expect(errorOf(run)?.message).toBe('"Due Time" is required');
	expect(fake.requests.slice(mark)).toHaveLength(0);
});

test('no secret in the stored executions', async () => {
	const stored = JSON.stringify(await n8n.storedExecutions());
	const tokens = fake.requests.map((request) => request.query.access_token).filter(Boolean);
	expect(tokens.length).toBeGreaterThan(0);
	for (const secret of [APP_SECRET, PASSWORD, ...new Set(tokens)])
		expect(stored).not.toContain(secret);
});
