/**
 * The Open Dental action node run by n8n-core's engine (WorkflowExecute and RoutingNode) against the
 * stateful fake over loopback HTTP: what the office receives, and what n8n outputs.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	OPEN_DENTAL_API_PREFIX,
	OpenDentalFake,
	UNSET_DATE_TIME,
	type ErrorBodyShape,
	type OpenDentalFakeOptions,
	type OpenDentalTask,
} from '../fakes/openDental';
import type { RecordedRequest } from '../fakes/kit';
import { Engine, loadOptions, runNode, searchList, type NodeRun, type NodeSpec } from './harness';
import { serveFake } from './serveFake';
import { quickRetries } from './quickRetries';
import { retryPolicy } from '../../nodes/shared/retry';

// The pacing tests wait about a second per call.
jest.setTimeout(30_000);

/** Keys a test can search every output and error for. */
const DEVELOPER_KEY = 'DevKey-Secret-4471';
const CUSTOMER_KEY = 'CustKey-Secret-9303';
const AUTHORIZATION = `ODFHIR ${DEVELOPER_KEY}/${CUSTOMER_KEY}`;

/** 12:00:00 in the office (America/Chicago, CST = UTC-6): every date the fake writes comes from it. */
const T0 = Date.parse('2026-03-01T18:00:00.000Z');
let now = T0;
const clock = () => new Date(now);

const fake = new OpenDentalFake({
	developerKey: DEVELOPER_KEY,
	customerKey: CUSTOMER_KEY,
	clock,
	throttle: null,
});
let engine: Engine;
let credentialId: string;
let list: number;
let user: number;

const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
const calls = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => `${request.method} ${request.path}`);
const pages = (requests: RecordedRequest[] = fake.requests) =>
	requests.map((request) => [request.query.Offset, request.query.Limit]);
const rl = (value: string | number, mode: 'list' | 'id' = 'list') => ({
	__rl: true,
	mode,
	value: String(value),
});
const addTask = (partial: Partial<OpenDentalTask> = {}) =>
	fake.addTask({ TaskListNum: list, Descript: 'A task', UserNum: user, ...partial });

/** Open Dental's raw dates: `yyyy-MM-dd HH:mm:ss` or `yyyy-MM-dd`, office time, no zone. */
const RAW_DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

/** Every raw date field of an output item has its `<Field>Iso` beside it; returns the date fields found. */
function expectIsoBesideEveryDate(item: IDataObject): string[] {
	const dateFields = Object.keys(item).filter(
		(key) =>
			!key.endsWith('Iso') && typeof item[key] === 'string' && RAW_DATE.test(item[key] as string),
	);
	for (const field of dateFields) expect(item).toHaveProperty(`${field}Iso`);
	return dateFields;
}

/** A credential for `target` with the given rate limit ('none' unless a test is about pacing). */
function credentialFor(target: OpenDentalFake, overrides: IDataObject = {}): string {
	return engine.credentials.add('openDentalApi', {
		...target.credentialData(),
		rateLimit: 'none',
		...overrides,
	}).id!;
}

function spec(parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec {
	return {
		type: 'openDental',
		credentialType: 'openDentalApi',
		credentialId,
		parameters,
		...extra,
	};
}

function openDental(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: Partial<NodeSpec> = {},
): Promise<NodeRun> {
	return runNode(engine, spec(parameters, extra), input);
}

/** Runs and expects no error, returning the output items' JSON. */
async function ok(
	parameters: IDataObject,
	input?: IDataObject[],
	extra: Partial<NodeSpec> = {},
): Promise<IDataObject[]> {
	const { items, error } = await openDental(parameters, input, extra);
	expect(error).toBeUndefined();
	return items.map((item) => item.json);
}

/** Another fake for one test (another office version, error shape or throttle), with its own credential. */
async function withFake(
	options: OpenDentalFakeOptions,
	body: (other: OpenDentalFake, otherCredentialId: string) => Promise<void>,
): Promise<void> {
	const other = new OpenDentalFake({
		developerKey: DEVELOPER_KEY,
		customerKey: CUSTOMER_KEY,
		clock,
		throttle: null,
		...options,
	});
	await other.start();
	try {
		await body(other, credentialFor(other));
	} finally {
		await other.stop();
	}
}

serveFake(fake);
beforeEach(() => {
	now = T0;
	fake.reset();
	engine = new Engine();
	credentialId = credentialFor(fake);
	list = fake.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' }).TaskListNum;
	user = fake.addUser({ UserNum: 3, UserName: 'Maria' }).UserNum;
	fake.addPriority({ DefNum: 10, ItemName: 'Normal', ItemValue: 'D' });
	fake.addPriority({ DefNum: 11, ItemName: 'High' });
});

describe('task', () => {
	it('Create sends the required fields as JSON numbers with the ODFHIR key pair, and outputs the created task', async () => {
		const [created, ...rest] = await ok({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74),
			descript: 'Verify insurance before the next appointment',
			userNum: rl(3, 'id'),
		});

		expect(calls()).toEqual([`POST ${api('/tasks')}`]);
		const [call] = fake.requests;
		expect(call.headers.authorization).toBe(AUTHORIZATION);
		expect(call.headers['content-type']).toMatch(/^application\/json/);
		expect(call.body).toEqual({
			TaskListNum: 74,
			Descript: 'Verify insurance before the next appointment',
			UserNum: 3,
		});
		expect(rest).toEqual([]);
		const stored = fake.tasks.get(created.TaskNum as number)!;
		expect(stored).toMatchObject({
			TaskListNum: 74,
			UserNum: 3,
			TaskStatus: 'New',
			PriorityDefNum: 10,
		});
		expect(created).toMatchObject({ ...stored });
	});

	it('Create sends the additional fields: Attached To with its number, Entry Time in office time, Priority, Short Description', async () => {
		const [created] = await ok({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74, 'id'),
			descript: 'Verify insurance',
			userNum: rl(3),
			additionalFields: {
				objectType: 'Appointment',
				keyNum: 755,
				dateTimeEntry: '2026-03-02T15:30:00Z',
				priorityDefNum: '11',
				descriptOverride: 'Insurance',
			},
		});

		expect(fake.requests[0].body).toEqual({
			TaskListNum: 74,
			Descript: 'Verify insurance',
			UserNum: 3,
			ObjectType: 'Appointment',
			KeyNum: 755,
			DateTimeEntry: '2026-03-02 09:30:00',
			PriorityDefNum: 11,
			DescriptOverride: 'Insurance',
		});
		expect(created).toMatchObject({
			ObjectType: 'Appointment',
			KeyNum: 755,
			DateTimeEntry: '2026-03-02 09:30:00',
			DateTimeEntryIso: '2026-03-02T09:30:00-06:00',
			PriorityDefNum: 11,
			DescriptOverride: 'Insurance',
		});
		expect(fake.tasks.get(created.TaskNum as number)).toMatchObject({
			ObjectType: 'Appointment',
			KeyNum: 755,
			PriorityDefNum: 11,
		});
	});

	it('Get reads one task', async () => {
		const task = addTask({ Descript: 'Sterilizer log', TaskStatus: 'Viewed' });

		const items = await ok({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) });

		expect(calls()).toEqual([`GET ${api(`/tasks/${task.TaskNum}`)}`]);
		expect(fake.requests[0].headers.authorization).toBe(AUTHORIZATION);
		expect(items).toEqual([expect.objectContaining({ ...task })]);
	});

	it('Get Many with Return All follows Offset paging across more than 100 tasks until a short page', async () => {
		const tasks = Array.from({ length: 250 }, (_, i) => addTask({ Descript: `Task ${i}` }));

		const items = await ok({ resource: 'task', operation: 'getAll', returnAll: true });

		expect(items.map((item) => item.TaskNum)).toEqual(tasks.map((task) => task.TaskNum));
		expect(calls()).toEqual(Array(3).fill(`GET ${api('/tasks')}`));
		expect(pages()).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
	});

	it('Get Many with Return All asks once more after a full last page, and stops at the empty one', async () => {
		for (let i = 0; i < 200; i++) addTask();

		const items = await ok({ resource: 'task', operation: 'getAll', returnAll: true });

		expect(items).toHaveLength(200);
		expect(pages()).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
	});

	it('Get Many with a Limit asks only for what is still missing', async () => {
		for (let i = 0; i < 250; i++) addTask();

		expect(
			await ok({ resource: 'task', operation: 'getAll', returnAll: false, limit: 5 }),
		).toHaveLength(5);
		expect(pages()).toEqual([['0', '5']]);

		fake.server.clearRequests();
		const items = await ok({ resource: 'task', operation: 'getAll', returnAll: false, limit: 150 });
		expect(items).toHaveLength(150);
		expect(new Set(items.map((item) => item.TaskNum)).size).toBe(150);
		expect(pages()).toEqual([
			['0', '100'],
			['100', '50'],
		]);
	});

	it('Get Many sends every filter: task list, status, attached to with its number, created after in office time', async () => {
		const other = fake.addTaskList({ Descript: 'Hygiene' }).TaskListNum;
		const wanted = addTask({
			TaskStatus: 'Viewed',
			ObjectType: 'Patient',
			KeyNum: 73,
			DateTimeOriginal: '2026-03-01 11:00:00',
		});
		addTask({
			TaskStatus: 'Viewed',
			ObjectType: 'Patient',
			KeyNum: 73,
			DateTimeOriginal: '2026-03-01 09:00:00',
		}); // before Created After
		addTask({
			TaskStatus: 'New',
			ObjectType: 'Patient',
			KeyNum: 73,
			DateTimeOriginal: '2026-03-01 11:00:00',
		});
		addTask({
			TaskStatus: 'Viewed',
			ObjectType: 'Patient',
			KeyNum: 74,
			DateTimeOriginal: '2026-03-01 11:00:00',
		});
		addTask({
			TaskStatus: 'Viewed',
			ObjectType: 'Appointment',
			KeyNum: 73,
			DateTimeOriginal: '2026-03-01 11:00:00',
		});
		addTask({
			TaskListNum: other,
			TaskStatus: 'Viewed',
			ObjectType: 'Patient',
			KeyNum: 73,
			DateTimeOriginal: '2026-03-01 11:00:00',
		});

		const items = await ok({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: {
				taskListNum: rl(74),
				taskStatus: 'Viewed',
				objectType: 'Patient',
				keyNum: 73,
				dateTimeOriginal: '2026-03-01T16:00:00Z',
			},
		});

		expect(fake.requests[0].query).toEqual({
			TaskListNum: '74',
			TaskStatus: 'Viewed',
			ObjectType: 'Patient',
			KeyNum: '73',
			DateTimeOriginal: '2026-03-01 10:00:00',
			Offset: '0',
			Limit: '100',
		});
		expect(items.map((item) => item.TaskNum)).toEqual([wanted.TaskNum]);
	});

	it('Get Many keeps the filters, Created After in office time included, on every page', async () => {
		for (let i = 0; i < 150; i++)
			addTask({ TaskStatus: 'Viewed', DateTimeOriginal: '2026-02-10 12:00:00' });
		addTask({ TaskStatus: 'Viewed', DateTimeOriginal: '2026-01-10 12:00:00' });

		const items = await ok({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { taskStatus: 'Viewed', dateTimeOriginal: '2026-02-01T00:00:00+01:00' },
		});

		expect(items).toHaveLength(150);
		expect(fake.requests.map((request) => request.query)).toEqual([
			{ TaskStatus: 'Viewed', DateTimeOriginal: '2026-01-31 17:00:00', Offset: '0', Limit: '100' },
			{
				TaskStatus: 'Viewed',
				DateTimeOriginal: '2026-01-31 17:00:00',
				Offset: '100',
				Limit: '100',
			},
		]);
	});

	it('Get Many without filters sends none (Open Dental then answers the previous 14 days)', async () => {
		const recent = addTask({ DateTimeOriginal: '2026-02-20 12:00:00' });
		addTask({ DateTimeOriginal: '2026-02-01 12:00:00' });

		const items = await ok({ resource: 'task', operation: 'getAll', returnAll: true });

		expect(fake.requests[0].query).toEqual({ Offset: '0', Limit: '100' });
		expect(items.map((item) => item.TaskNum)).toEqual([recent.TaskNum]);
	});

	it('Update sends only the fields set and leaves the rest of the task as it was', async () => {
		const task = addTask({
			Descript: 'Call the lab',
			ObjectType: 'Patient',
			KeyNum: 73,
			PriorityDefNum: 10,
			TaskStatus: 'Viewed',
		});
		const before = { ...task };

		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { priorityDefNum: '11', descriptOverride: 'Lab' },
		});

		expect(calls()).toEqual([`PUT ${api(`/tasks/${task.TaskNum}`)}`]);
		expect(fake.requests[0].body).toEqual({ PriorityDefNum: 11, DescriptOverride: 'Lab' });
		const { SecDateTEdit: _edited, ...unchanged } = before;
		expect(fake.tasks.get(task.TaskNum)).toMatchObject({
			...unchanged,
			PriorityDefNum: 11,
			DescriptOverride: 'Lab',
		});
		expect(updated).toMatchObject({
			TaskNum: task.TaskNum,
			Descript: 'Call the lab',
			KeyNum: 73,
			PriorityDefNum: 11,
			DescriptOverride: 'Lab',
		});
	});

	it('Update can re-attach the task and move its entry time', async () => {
		const task = addTask();

		await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { objectType: 'Patient', keyNum: 42, dateTimeEntry: '2026-07-01T15:30:00Z' },
		});

		// July: Chicago is on daylight time (UTC-5).
		expect(fake.requests[0].body).toEqual({
			ObjectType: 'Patient',
			KeyNum: 42,
			DateTimeEntry: '2026-07-01 10:30:00',
		});
		expect(fake.tasks.get(task.TaskNum)).toMatchObject({
			ObjectType: 'Patient',
			KeyNum: 42,
			DateTimeEntry: '2026-07-01 10:30:00',
		});
	});

	it('Mark Done, Mark Viewed and Mark New send the status; Done records when the task finished', async () => {
		const task = addTask();

		now = Date.parse('2026-03-01T19:15:00.000Z');
		const [done] = await ok({
			resource: 'task',
			operation: 'markDone',
			taskNum: String(task.TaskNum),
		});
		expect(fake.tasks.get(task.TaskNum)).toMatchObject({
			TaskStatus: 'Done',
			DateTimeFinished: '2026-03-01 13:15:00',
		});
		expect(done).toMatchObject({
			TaskStatus: 'Done',
			DateTimeFinished: '2026-03-01 13:15:00',
			DateTimeFinishedIso: '2026-03-01T13:15:00-06:00',
		});

		const [viewed] = await ok({
			resource: 'task',
			operation: 'markViewed',
			taskNum: String(task.TaskNum),
		});
		expect(viewed).toMatchObject({
			TaskStatus: 'Viewed',
			DateTimeFinished: UNSET_DATE_TIME,
			DateTimeFinishedIso: null,
		});

		const [fresh] = await ok({
			resource: 'task',
			operation: 'markNew',
			taskNum: String(task.TaskNum),
		});
		expect(fresh).toMatchObject({ TaskStatus: 'New' });
		expect(fake.tasks.get(task.TaskNum)!.TaskStatus).toBe('New');

		expect(calls()).toEqual(Array(3).fill(`PUT ${api(`/tasks/${task.TaskNum}`)}`));
		expect(fake.requests.map((request) => request.body)).toEqual([
			{ TaskStatus: 'Done' },
			{ TaskStatus: 'Viewed' },
			{ TaskStatus: 'New' },
		]);
	});

	it('Mark Done on an office older than 24.2.10: Open Dental’s refusal reaches the error', async () => {
		await withFake({ version: '24.1.0' }, async (old, oldCredentialId) => {
			const task = old.addTask({ TaskListNum: 1, Descript: 'x', UserNum: 1 });

			const { error, items } = await openDental(
				{ resource: 'task', operation: 'markDone', taskNum: String(task.TaskNum) },
				undefined,
				{
					credentialId: oldCredentialId,
				},
			);

			expect(items).toEqual([]);
			expect(error?.message).toBe(
				'Open Dental: TaskStatus can only be updated on Open Dental version 24.2.10 or later. The office database is on version 24.1.0.',
			);
			expect(error?.httpCode).toBe('400');
			expect(old.tasks.get(task.TaskNum)!.TaskStatus).toBe('New');
		});
	});

	it('runs once per input item, with expressions', async () => {
		const first = addTask();
		const second = addTask();

		const items = await ok(
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.num }}' },
			[{ num: first.TaskNum }, { num: second.TaskNum }],
		);

		expect(items.map((item) => item.TaskNum)).toEqual([first.TaskNum, second.TaskNum]);
		expect([...fake.tasks.values()].map((task) => task.TaskStatus)).toEqual(['Done', 'Done']);
	});
});

describe('a Done task whose description changes (Open Dental would reopen it as Viewed)', () => {
	const finished = '2026-02-28 16:00:00';
	const doneTask = () =>
		addTask({ Descript: 'Order gloves', TaskStatus: 'Done', DateTimeFinished: finished });

	it('Keep Done Status (on by default) reads the task first and sends TaskStatus "Done": it stays Done', async () => {
		const task = doneTask();

		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { descript: 'Order gloves, size M' },
		});

		expect(calls()).toEqual([
			`GET ${api(`/tasks/${task.TaskNum}`)}`,
			`PUT ${api(`/tasks/${task.TaskNum}`)}`,
		]);
		expect(fake.requests[1].body).toEqual({ Descript: 'Order gloves, size M', TaskStatus: 'Done' });
		expect(fake.tasks.get(task.TaskNum)).toMatchObject({
			Descript: 'Order gloves, size M',
			TaskStatus: 'Done',
			DateTimeFinished: finished,
		});
		expect(updated).toMatchObject({ TaskStatus: 'Done', Descript: 'Order gloves, size M' });
	});

	it('with Keep Done Status off, Open Dental’s documented behaviour: the task becomes Viewed', async () => {
		const task = doneTask();

		const [updated] = await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			keepDoneStatus: false,
			updateFields: { descript: 'Order gloves, size M' },
		});

		expect(calls()).toEqual([`PUT ${api(`/tasks/${task.TaskNum}`)}`]);
		expect(fake.requests[0].body).toEqual({ Descript: 'Order gloves, size M' });
		expect(fake.tasks.get(task.TaskNum)!.TaskStatus).toBe('Viewed');
		expect(updated.TaskStatus).toBe('Viewed');
	});

	it('a task that is not Done gets no TaskStatus', async () => {
		const task = addTask({ Descript: 'Order gloves', TaskStatus: 'Viewed' });

		await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { descript: 'Order gloves, size M' },
		});

		expect(calls()).toEqual([
			`GET ${api(`/tasks/${task.TaskNum}`)}`,
			`PUT ${api(`/tasks/${task.TaskNum}`)}`,
		]);
		expect(fake.requests[1].body).toEqual({ Descript: 'Order gloves, size M' });
		expect(fake.tasks.get(task.TaskNum)!.TaskStatus).toBe('Viewed');
	});

	it('an explicit Status in Update Fields wins, and nothing is read first', async () => {
		const task = doneTask();

		await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { descript: 'Order gloves, size M', taskStatus: 'New' },
		});

		expect(calls()).toEqual([`PUT ${api(`/tasks/${task.TaskNum}`)}`]);
		expect(fake.requests[0].body).toEqual({ Descript: 'Order gloves, size M', TaskStatus: 'New' });
		expect(fake.tasks.get(task.TaskNum)!.TaskStatus).toBe('New');
	});

	it('on an office older than 24.4.13 (no single-task GET), the read is refused with Open Dental’s words and nothing is written', async () => {
		await withFake({ version: '24.3.0' }, async (old, oldCredentialId) => {
			const task = old.addTask({
				TaskListNum: 1,
				Descript: 'Order gloves',
				UserNum: 1,
				TaskStatus: 'Done',
			});

			const { error } = await openDental(
				{
					resource: 'task',
					operation: 'update',
					taskNum: String(task.TaskNum),
					updateFields: { descript: 'Order gloves, size M' },
				},
				undefined,
				{
					credentialId: oldCredentialId,
				},
			);

			expect(error?.message).toBe(
				'Open Dental: This method requires Open Dental version 24.4.13 or later. The office database is on version 24.3.0.',
			);
			expect(calls(old.requests)).toEqual([`GET ${api(`/tasks/${task.TaskNum}`)}`]);
			expect(old.tasks.get(task.TaskNum)).toMatchObject({
				Descript: 'Order gloves',
				TaskStatus: 'Done',
			});

			// Turning Keep Done Status off is the way round it there.
			const off = await openDental(
				{
					resource: 'task',
					operation: 'update',
					taskNum: String(task.TaskNum),
					keepDoneStatus: false,
					updateFields: { descript: 'Order gloves, size M' },
				},
				undefined,
				{ credentialId: oldCredentialId },
			);
			expect(off.error).toBeUndefined();
			expect(old.tasks.get(task.TaskNum)).toMatchObject({
				Descript: 'Order gloves, size M',
				TaskStatus: 'Viewed',
			});
		});
	});

	it('an update that leaves the description alone reads nothing first', async () => {
		const task = doneTask();

		await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { descriptOverride: 'Gloves' },
		});

		expect(calls()).toEqual([`PUT ${api(`/tasks/${task.TaskNum}`)}`]);
		expect(fake.requests[0].body).toEqual({ DescriptOverride: 'Gloves' });
		expect(fake.tasks.get(task.TaskNum)!.TaskStatus).toBe('Done');
	});
});

describe('dates', () => {
	const create = (dateTimeEntry: string) =>
		ok({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74),
			descript: 'x',
			userNum: rl(3),
			additionalFields: { dateTimeEntry },
		});

	it('an n8n date with a zone is sent in the office’s time zone from the credential', async () => {
		engine.timezone = 'Asia/Tokyo';
		await create('2026-03-02T15:30:00Z');
		await create('2026-03-02T15:30:00.000+01:00');
		expect(fake.requests.map((request) => (request.body as IDataObject).DateTimeEntry)).toEqual([
			'2026-03-02 09:30:00',
			'2026-03-02 08:30:00',
		]);
	});

	it('a date without a zone is read in the workflow’s time zone', async () => {
		engine.timezone = 'Europe/Berlin';
		await create('2026-03-02T16:30:00');
		expect((fake.requests[0].body as IDataObject).DateTimeEntry).toBe('2026-03-02 09:30:00');
	});

	it('with no office time zone in the credential, the workflow’s zone is the office’s', async () => {
		engine.timezone = 'Europe/Berlin';
		credentialId = credentialFor(fake, { officeTimeZone: '' });
		const [created] = await create('2026-03-02T15:30:00Z');
		expect((fake.requests[0].body as IDataObject).DateTimeEntry).toBe('2026-03-02 16:30:00');
		expect(created.DateTimeEntryIso).toBe('2026-03-02T16:30:00+01:00');
	});

	it('an office time zone luxon does not know is an error before any request', async () => {
		credentialId = credentialFor(fake, { officeTimeZone: 'America/Chicgo' });
		const { error } = await openDental({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74),
			descript: 'x',
			userNum: rl(3),
			additionalFields: { dateTimeEntry: '2026-03-02T15:30:00Z' },
		});
		expect(error?.message).toContain('America/Chicgo');
		expect(fake.requests).toEqual([]);
	});

	it('outputs <Field>Iso beside every raw date: ISO 8601 with the office’s offset, null when unset', async () => {
		const task = addTask({
			DateTask: '2026-03-05',
			DateTimeEntry: '2026-02-27 08:05:00',
			DateTimeOriginal: '2026-02-27 08:00:00',
			SecDateTEdit: '2026-07-04 09:00:00',
			DateTimeFinished: UNSET_DATE_TIME,
		});

		const [item] = await ok({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) });

		expect(item).toMatchObject({
			DateTask: '2026-03-05',
			DateTaskIso: '2026-03-05',
			DateTimeEntryIso: '2026-02-27T08:05:00-06:00',
			DateTimeOriginalIso: '2026-02-27T08:00:00-06:00',
			SecDateTEditIso: '2026-07-04T09:00:00-05:00',
			DateTimeFinished: UNSET_DATE_TIME,
			DateTimeFinishedIso: null,
		});
		expect(expectIsoBesideEveryDate(item).sort()).toEqual([
			'DateTask',
			'DateTimeEntry',
			'DateTimeFinished',
			'DateTimeOriginal',
			'SecDateTEdit',
		]);
	});

	it('an unset DateTask (0001-01-01) outputs null', async () => {
		const task = addTask();
		const [item] = await ok({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) });
		expect([item.DateTask, item.DateTaskIso]).toEqual(['0001-01-01', null]);
	});
});

describe('task list', () => {
	beforeEach(() => {
		fake.addTaskList({ Descript: 'Insurance', Parent: 74, DateTL: '2026-03-10' });
		fake.addTaskList({ Descript: 'Old Insurance Follow-ups', TaskListStatus: 'Archived' });
	});

	it('Get Many lists the active task lists by default', async () => {
		const items = await ok({ resource: 'taskList', operation: 'getAll', returnAll: true });

		expect(calls()).toEqual([`GET ${api('/tasklists')}`]);
		expect(fake.requests[0].query).toEqual({ TaskListStatus: 'Active', Offset: '0', Limit: '100' });
		expect(items.map((item) => item.Descript)).toEqual(['Front Desk', 'Insurance']);
		expect(items[1]).toMatchObject({
			Parent: 74,
			DateTL: '2026-03-10',
			DateTLIso: '2026-03-10',
			DateTimeEntryIso: '2026-03-01T12:00:00-06:00',
		});
		expect(items[0]).toMatchObject({ DateTL: '0001-01-01', DateTLIso: null });
		for (const item of items)
			expect(expectIsoBesideEveryDate(item).sort()).toEqual(['DateTL', 'DateTimeEntry']);
	});

	it('Get Many lists the archived ones when asked, within a Limit', async () => {
		const items = await ok({
			resource: 'taskList',
			operation: 'getAll',
			taskListStatus: 'Archived',
			returnAll: false,
			limit: 10,
		});

		expect(fake.requests[0].query).toEqual({
			TaskListStatus: 'Archived',
			Offset: '0',
			Limit: '10',
		});
		expect(items.map((item) => item.Descript)).toEqual(['Old Insurance Follow-ups']);
	});
});

describe('task note', () => {
	it('Create sends TaskNum and UserNum as numbers with the note, and outputs the note', async () => {
		const task = addTask();

		const [note] = await ok({
			resource: 'taskNote',
			operation: 'create',
			taskNum: String(task.TaskNum),
			userNum: rl(3),
			note: 'Left a voicemail',
		});

		expect(calls()).toEqual([`POST ${api('/tasknotes')}`]);
		expect(fake.requests[0].headers.authorization).toBe(AUTHORIZATION);
		expect(fake.requests[0].body).toEqual({
			TaskNum: task.TaskNum,
			UserNum: 3,
			Note: 'Left a voicemail',
		});
		expect(note).toEqual({
			TaskNoteNum: expect.any(Number),
			TaskNum: task.TaskNum,
			UserNum: 3,
			Note: 'Left a voicemail',
			DateTimeNote: '2026-03-01 12:00:00',
			DateTimeNoteIso: '2026-03-01T12:00:00-06:00',
		});
		expect(fake.notes.get(note.TaskNoteNum as number)).toMatchObject({
			TaskNum: task.TaskNum,
			Note: 'Left a voicemail',
		});
		expect(expectIsoBesideEveryDate(note)).toEqual(['DateTimeNote']);
	});

	it('Get reads one note', async () => {
		const note = fake.addNote({
			TaskNum: addTask().TaskNum,
			UserNum: 3,
			Note: 'Carrier called back',
		});

		const items = await ok({
			resource: 'taskNote',
			operation: 'get',
			taskNoteNum: String(note.TaskNoteNum),
		});

		expect(calls()).toEqual([`GET ${api(`/tasknotes/${note.TaskNoteNum}`)}`]);
		expect(items).toEqual([expect.objectContaining({ ...note })]);
	});

	it('Get Many by task, and by user', async () => {
		const other = fake.addUser({ UserName: 'Admin' }).UserNum;
		const first = addTask();
		const second = addTask();
		const a = fake.addNote({ TaskNum: first.TaskNum, UserNum: user, Note: 'a' });
		const b = fake.addNote({ TaskNum: first.TaskNum, UserNum: other, Note: 'b' });
		const c = fake.addNote({ TaskNum: second.TaskNum, UserNum: user, Note: 'c' });

		const byTask = await ok({
			resource: 'taskNote',
			operation: 'getAll',
			returnAll: true,
			filters: { taskNum: String(first.TaskNum) },
		});
		expect(fake.requests[0].query).toEqual({
			TaskNum: String(first.TaskNum),
			Offset: '0',
			Limit: '100',
		});
		expect(byTask.map((item) => item.TaskNoteNum)).toEqual([a.TaskNoteNum, b.TaskNoteNum]);

		fake.server.clearRequests();
		const byUser = await ok({
			resource: 'taskNote',
			operation: 'getAll',
			returnAll: true,
			filters: { userNum: rl(user, 'id') },
		});
		expect(fake.requests[0].query).toEqual({ UserNum: String(user), Offset: '0', Limit: '100' });
		expect(byUser.map((item) => item.TaskNoteNum)).toEqual([a.TaskNoteNum, c.TaskNoteNum]);

		fake.server.clearRequests();
		const both = await ok({
			resource: 'taskNote',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			filters: { taskNum: String(first.TaskNum), userNum: rl(other) },
		});
		expect(fake.requests[0].query).toEqual({
			TaskNum: String(first.TaskNum),
			UserNum: String(other),
			Offset: '0',
			Limit: '5',
		});
		expect(both.map((item) => item.TaskNoteNum)).toEqual([b.TaskNoteNum]);
	});

	it('Update changes the note and its time (sent in office time)', async () => {
		const note = fake.addNote({ TaskNum: addTask().TaskNum, UserNum: 3, Note: 'Left a voicemail' });

		const [updated] = await ok({
			resource: 'taskNote',
			operation: 'update',
			taskNoteNum: String(note.TaskNoteNum),
			updateFields: { note: 'Left two voicemails', dateTimeNote: '2026-03-01T20:45:00Z' },
		});

		expect(calls()).toEqual([`PUT ${api(`/tasknotes/${note.TaskNoteNum}`)}`]);
		expect(fake.requests[0].body).toEqual({
			Note: 'Left two voicemails',
			DateTimeNote: '2026-03-01 14:45:00',
		});
		expect(updated).toMatchObject({
			Note: 'Left two voicemails',
			DateTimeNote: '2026-03-01 14:45:00',
			DateTimeNoteIso: '2026-03-01T14:45:00-06:00',
		});
		expect(fake.notes.get(note.TaskNoteNum)!.Note).toBe('Left two voicemails');
	});

	it('Update with only the note leaves its time alone', async () => {
		const note = fake.addNote({
			TaskNum: addTask().TaskNum,
			UserNum: 3,
			Note: 'a',
			DateTimeNote: '2026-02-20 10:00:00',
		});

		await ok({
			resource: 'taskNote',
			operation: 'update',
			taskNoteNum: String(note.TaskNoteNum),
			updateFields: { note: 'b' },
		});

		expect(fake.requests[0].body).toEqual({ Note: 'b' });
		expect(fake.notes.get(note.TaskNoteNum)).toMatchObject({
			Note: 'b',
			DateTimeNote: '2026-02-20 10:00:00',
		});
	});
});

describe('pickers', () => {
	const pickerSpec = () => spec({ resource: 'task', operation: 'create' });

	it('task lists: the active ones, named with their parents, filtered by what the user types', async () => {
		const insurance = fake.addTaskList({ Descript: 'Insurance', Parent: 74 });
		const hygiene = fake.addTaskList({ Descript: 'Hygiene' });
		fake.addTaskList({ Descript: 'Old Insurance Follow-ups', TaskListStatus: 'Archived' });

		expect(await searchList(engine, pickerSpec(), 'searchTaskLists')).toEqual([
			{ name: 'Front Desk', value: '74' },
			{ name: 'Front Desk › Insurance', value: String(insurance.TaskListNum) },
			{ name: 'Hygiene', value: String(hygiene.TaskListNum) },
		]);
		expect(calls()).toEqual([`GET ${api('/tasklists')}`]);
		expect(fake.requests[0].query).toEqual({ TaskListStatus: 'Active', Offset: '0', Limit: '100' });
		expect(fake.requests[0].headers.authorization).toBe(AUTHORIZATION);

		expect(await searchList(engine, pickerSpec(), 'searchTaskLists', 'INSUR')).toEqual([
			{ name: 'Front Desk › Insurance', value: String(insurance.TaskListNum) },
		]);
	});

	it('task lists: more than 100 are paged through', async () => {
		for (let i = 0; i < 120; i++) fake.addTaskList({ Descript: `List ${i}` });
		expect(await searchList(engine, pickerSpec(), 'searchTaskLists')).toHaveLength(121);
		expect(pages()).toEqual([
			['0', '100'],
			['100', '100'],
		]);
	});

	it('users: the visible ones, filtered by name', async () => {
		const admin = fake.addUser({ UserName: 'Admin' });
		fake.addUser({ UserName: 'Former Hygienist', IsHidden: 'true' });

		expect(await searchList(engine, pickerSpec(), 'searchUsers')).toEqual([
			{ name: 'Maria', value: '3' },
			{ name: 'Admin', value: String(admin.UserNum) },
		]);
		expect(calls()).toEqual([`GET ${api('/userods')}`]);
		expect(await searchList(engine, pickerSpec(), 'searchUsers', 'adm')).toEqual([
			{ name: 'Admin', value: String(admin.UserNum) },
		]);
	});

	it('priorities: the definitions of category 33 in the office’s order, hidden ones left out', async () => {
		fake.addPriority({ DefNum: 12, ItemName: 'Obsolete', isHidden: 'true' });
		fake.addPriority({ DefNum: 13, ItemName: 'Urgent', ItemOrder: -1 });

		expect(await loadOptions(engine, pickerSpec(), 'getPriorities')).toEqual([
			{ name: 'Urgent', value: '13' },
			{ name: 'Normal', value: '10' },
			{ name: 'High', value: '11' },
		]);
		expect(calls()).toEqual([`GET ${api('/definitions')}`]);
		expect(fake.requests[0].query).toEqual({ Category: '33', Offset: '0', Limit: '100' });
		expect(fake.requests[0].headers.authorization).toBe(AUTHORIZATION);
	});
});

describe('bad input is refused before any request, naming the field', () => {
	const create = {
		resource: 'task',
		operation: 'create',
		taskListNum: rl(74),
		descript: 'x',
		userNum: rl(3),
	};
	const update = { resource: 'task', operation: 'update', taskNum: '1' };

	it.each<[string, IDataObject, string]>([
		[
			'a blank Task Number',
			{ resource: 'task', operation: 'get', taskNum: '={{ "  " }}' },
			'Task Number',
		],
		[
			'a Task Number from an empty expression',
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.missing }}' },
			'Task Number',
		],
		[
			'a Task Number that is not a number',
			{ resource: 'task', operation: 'get', taskNum: 'abc' },
			'Task Number',
		],
		[
			'a negative Task Number',
			{ resource: 'task', operation: 'markDone', taskNum: '-4' },
			'Task Number',
		],
		[
			'a Task Number that is not a number, on Update',
			{ ...update, taskNum: '12a', updateFields: { descriptOverride: 'x' } },
			'Task Number',
		],
		['a missing Task List', { ...create, taskListNum: rl('={{ $json.missing }}') }, 'Task List'],
		[
			'a Task List that is not a number',
			{ ...create, taskListNum: rl('Front Desk', 'id') },
			'Task List',
		],
		['a missing Description', { ...create, descript: '={{ $json.missing }}' }, 'Description'],
		['a blank Description', { ...create, descript: '   ' }, 'Description'],
		[
			'a missing Created By',
			{ ...create, userNum: rl('={{ $json.missing }}', 'id') },
			'Created By',
		],
		['a Created By that is not a number', { ...create, userNum: rl('maria', 'id') }, 'Created By'],
		[
			'a Number without Attached To',
			{ ...create, additionalFields: { keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'a Number attached to Nothing',
			{ ...create, additionalFields: { objectType: 'None', keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'a Number without Attached To, on Update',
			{ ...update, updateFields: { keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'a Short Description over 256 characters',
			{ ...create, additionalFields: { descriptOverride: 'x'.repeat(257) } },
			'Short Description',
		],
		[
			'an invalid Entry Time',
			{ ...create, additionalFields: { dateTimeEntry: '={{ "next tuesday-ish" }}' } },
			'Entry Time',
		],
		[
			'a Priority that is not a number',
			{ ...create, additionalFields: { priorityDefNum: '={{ "High" }}' } },
			'Priority',
		],
		[
			'a Priority added but not chosen',
			{ ...create, additionalFields: { priorityDefNum: '' } },
			'Priority',
		],
		[
			'a Priority added but not chosen, on Update',
			{ ...update, updateFields: { priorityDefNum: '' } },
			'Priority',
		],
		[
			'an Entry Time added but left empty, on Update',
			{ ...update, updateFields: { dateTimeEntry: '' } },
			'Entry Time',
		],
		['empty Update Fields', { ...update, updateFields: {} }, 'Update Fields'],
		[
			'a blank Description on Update',
			{ ...update, updateFields: { descript: ' ' } },
			'Description',
		],
		[
			'an unknown Status on Update',
			{ ...update, updateFields: { taskStatus: '={{ "Closed" }}' } },
			'Status',
		],
		[
			'a Number filter without Attached To',
			{ resource: 'task', operation: 'getAll', returnAll: true, filters: { keyNum: 73 } },
			'Patient or Appointment Number',
		],
		[
			'an invalid Created After',
			{
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { dateTimeOriginal: '={{ "yesterday" }}' },
			},
			'Created After',
		],
		[
			'a Task List filter that is not a number',
			{
				resource: 'task',
				operation: 'getAll',
				returnAll: true,
				filters: { taskListNum: rl('x', 'id') },
			},
			'Task List',
		],
		[
			'a Task List filter added but not chosen',
			{ resource: 'task', operation: 'getAll', returnAll: true, filters: { taskListNum: rl('') } },
			'Task List',
		],
		[
			'a blank Note',
			{ resource: 'taskNote', operation: 'create', taskNum: '1', userNum: rl(3), note: '  ' },
			'Note',
		],
		[
			'a note without a Task Number',
			{
				resource: 'taskNote',
				operation: 'create',
				taskNum: '={{ "" }}',
				userNum: rl(3),
				note: 'x',
			},
			'Task Number',
		],
		[
			'a note without Written By',
			{
				resource: 'taskNote',
				operation: 'create',
				taskNum: '1',
				userNum: rl('={{ "" }}'),
				note: 'x',
			},
			'Written By',
		],
		[
			'a blank Note from an expression',
			{
				resource: 'taskNote',
				operation: 'create',
				taskNum: '1',
				userNum: rl(3),
				note: '={{ $json.missing }}',
			},
			'Note',
		],
		[
			'a blank Note on Update',
			{ resource: 'taskNote', operation: 'update', taskNoteNum: '1', updateFields: { note: ' ' } },
			'Note',
		],
		[
			'empty Update Fields on a note',
			{ resource: 'taskNote', operation: 'update', taskNoteNum: '1', updateFields: {} },
			'Update Fields',
		],
		[
			'an invalid Note Time',
			{
				resource: 'taskNote',
				operation: 'update',
				taskNoteNum: '1',
				updateFields: { dateTimeNote: '={{ "31/02/2026" }}' },
			},
			'Note Time',
		],
		[
			'a Task Note Number that is not a number',
			{ resource: 'taskNote', operation: 'get', taskNoteNum: '1.5' },
			'Task Note Number',
		],
		[
			'a note filter Task Number that is not a number',
			{ resource: 'taskNote', operation: 'getAll', returnAll: true, filters: { taskNum: 'x' } },
			'Task Number',
		],
		[
			'a note filter Task Number added but left empty',
			{ resource: 'taskNote', operation: 'getAll', returnAll: true, filters: { taskNum: '' } },
			'Task Number',
		],
		[
			'a note filter User added but not chosen',
			{ resource: 'taskNote', operation: 'getAll', returnAll: true, filters: { userNum: rl('') } },
			'User',
		],
		[
			'a Note Time added but left empty',
			{
				resource: 'taskNote',
				operation: 'update',
				taskNoteNum: '1',
				updateFields: { dateTimeNote: '' },
			},
			'Note Time',
		],
	])('%s', async (_case, parameters, field) => {
		const { error, items } = await openDental(parameters);
		expect(error?.message).toContain(`"${field}"`);
		expect(items).toEqual([]);
		expect(fake.requests).toEqual([]);
	});

	// A required field left empty in the editor: n8n itself refuses the workflow before the node runs.
	it.each<[string, IDataObject, string]>([
		['Task Number', { resource: 'task', operation: 'get', taskNum: '' }, 'Task Number'],
		['Task List', { ...create, taskListNum: rl('') }, 'Task List'],
		['Description', { ...create, descript: '' }, 'Description'],
		['Created By', { ...create, userNum: rl('', 'id') }, 'Created By'],
		[
			'Note',
			{ resource: 'taskNote', operation: 'create', taskNum: '1', userNum: rl(3), note: '' },
			'Note',
		],
		[
			'Task Note Number',
			{ resource: 'taskNote', operation: 'get', taskNoteNum: '' },
			'Task Note Number',
		],
	])('an empty required %s: n8n names it and runs nothing', async (_case, parameters, field) => {
		await expect(openDental(parameters)).rejects.toThrow(`Parameter "${field}" is required`);
		expect(fake.requests).toEqual([]);
	});
});

describe('errors', () => {
	quickRetries();
	it('a missing task: Open Dental’s explanation and status reach the error', async () => {
		const { error } = await openDental({ resource: 'task', operation: 'get', taskNum: '999' });
		expect(error?.message).toBe('Open Dental: Task 999 not found.');
		expect(error?.httpCode).toBe('404');
	});

	it.each<ErrorBodyShape>(['text', 'json-string', 'json-object'])(
		'error bodies as %s: 404 and 400 explanations reach the error',
		async (errorBodyShape) => {
			await withFake({ errorBodyShape }, async (shaped, shapedCredentialId) => {
				const { error: notFound } = await openDental(
					{ resource: 'task', operation: 'get', taskNum: '999' },
					undefined,
					{ credentialId: shapedCredentialId },
				);
				expect(notFound?.message).toBe('Open Dental: Task 999 not found.');
				expect(notFound?.httpCode).toBe('404');

				shaped.server.fault({ fault: shaped.fail(400, 'The eConnector is not running.') });
				const { error: refused } = await openDental(
					{ resource: 'taskList', operation: 'getAll', returnAll: true },
					undefined,
					{
						credentialId: shapedCredentialId,
					},
				);
				expect(refused?.message).toBe('Open Dental: The eConnector is not running.');
				expect(refused?.httpCode).toBe('400');
			});
		},
	);

	it.each<ErrorBodyShape>(['text', 'json-string', 'json-object'])(
		'error bodies as %s: a refusal while reading before writing reaches the error',
		async (errorBodyShape) => {
			await withFake({ errorBodyShape }, async (_shaped, shapedCredentialId) => {
				const { error } = await openDental(
					{
						resource: 'task',
						operation: 'update',
						taskNum: '999',
						updateFields: { descript: 'x' },
					},
					undefined,
					{
						credentialId: shapedCredentialId,
					},
				);
				expect(error?.message).toBe('Open Dental: Task 999 not found.');
				expect(error?.httpCode).toBe('404');
			});
		},
	);

	it('a reference Open Dental does not know: 404 with its explanation, nothing created', async () => {
		const { error } = await openDental({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(999, 'id'),
			descript: 'x',
			userNum: rl(3),
		});
		expect(error?.message).toBe('Open Dental: TaskList 999 not found.');
		expect(error?.httpCode).toBe('404');
		expect(fake.tasks.size).toBe(0);
	});

	it('an office version too old for a method: the 400 explanation reaches the error', async () => {
		await withFake({ version: '24.4.0' }, async (_old, oldCredentialId) => {
			const { error } = await openDental(
				{ resource: 'task', operation: 'get', taskNum: '1' },
				undefined,
				{ credentialId: oldCredentialId },
			);
			expect(error?.message).toBe(
				'Open Dental: This method requires Open Dental version 24.4.13 or later. The office database is on version 24.4.0.',
			);
			expect(error?.httpCode).toBe('400');
		});
	});

	it('Continue On Fail: the error goes on the item and the next item carries on', async () => {
		const task = addTask({ Descript: 'ok' });

		const { items, error } = await openDental(
			{ resource: 'task', operation: 'get', taskNum: '={{ $json.num }}' },
			[{ num: 999 }, { num: 'abc' }, { num: task.TaskNum }],
			{
				continueOnFail: true,
			},
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.error).toBe('Open Dental: Task 999 not found.');
		expect(String(items[1].json.error)).toContain('"Task Number"');
		expect(items[2].json).toMatchObject({ TaskNum: task.TaskNum, Descript: 'ok' });
		expect(calls()).toEqual([`GET ${api('/tasks/999')}`, `GET ${api(`/tasks/${task.TaskNum}`)}`]);
	});

	it('error output: failing items go to the error output, the others to the main output', async () => {
		const task = addTask();

		const { items, errorItems, error } = await openDental(
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.num }}' },
			[{ num: 999 }, { num: task.TaskNum }],
			{
				onError: 'continueErrorOutput',
			},
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.TaskNum)).toEqual([task.TaskNum]);
		expect(errorItems).toHaveLength(1);
		expect(JSON.stringify(errorItems[0].json)).toContain('Task 999 not found.');
	});

	it('without Continue On Fail, a failing item fails the node with Open Dental’s explanation and outputs nothing', async () => {
		const task = addTask();
		const { error, items } = await openDental(
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.num }}' },
			[{ num: 999 }, { num: task.TaskNum }],
		);
		expect(error?.message).toBe('Open Dental: Task 999 not found.');
		expect(error?.httpCode).toBe('404');
		expect(items).toEqual([]);
		// n8n's declarative engine sends every item's request at once, so the second item's change is made anyway.
	});

	it.each<[string, object, string]>([
		['malformed JSON', { malformedBody: '{"TaskNum": 1, "Descr' }, '{"TaskNum": 1, "Descr'],
		[
			'an HTML page',
			{
				status: 200,
				body: '<html><body>Proxy login</body></html>',
				headers: { 'content-type': 'text/html' },
			},
			'Proxy login',
		],
		['an empty body', { status: 200, body: '' }, 'an empty answer'],
		['JSON null', { malformedBody: 'null' }, 'an empty answer'],
	])(
		'a 200 answer that is not a JSON record (%s) is an error, not an item, once retries run out',
		async (_case, fault, said) => {
			const task = addTask();
			fake.server.fault({ times: Infinity, fault: fault as never });

			const { error, items } = await openDental({
				resource: 'task',
				operation: 'get',
				taskNum: String(task.TaskNum),
			});

			expect(items).toEqual([]);
			expect(fake.requests).toHaveLength(1 + retryPolicy.maxRetries);
			expect(error?.message).toMatch(/^Open Dental: /);
			expect(error?.message).toContain(said);
			expect(error?.httpCode).toBe('200');
		},
	);

	it('a 200 answer that is not JSON is an error for Get Many and Mark Done too, and Continue On Fail carries on', async () => {
		const [first, second] = [addTask(), addTask()];
		fake.server.fault({
			times: Infinity,
			path: api('/tasks'),
			fault: { status: 200, body: 'Service Unavailable' },
		});
		fake.server.fault({
			times: Infinity,
			path: api(`/tasks/${first.TaskNum}`),
			fault: { status: 200, body: 'Service Unavailable' },
		});

		const many = await openDental(
			{ resource: 'task', operation: 'getAll', returnAll: true },
			undefined,
			{ continueOnFail: true },
		);
		expect(many.error).toBeUndefined();
		expect(many.items).toHaveLength(1);
		expect(many.items[0].json.error).toMatch(/^Open Dental: .*Service Unavailable$/);

		const done = await openDental(
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.num }}' },
			[{ num: first.TaskNum }, { num: second.TaskNum }],
			{
				continueOnFail: true,
			},
		);
		expect(done.items[0].json.error).toMatch(/^Open Dental: .*Service Unavailable$/);
		expect(done.items[1].json).toMatchObject({ TaskNum: second.TaskNum, TaskStatus: 'Done' });
	});

	// The node's own error for a non-JSON answer passes through the request hook without being wrapped again.
	it('a 200 answer that is not JSON: the message names Open Dental once and gives what it sent', async () => {
		const task = addTask();
		fake.server.fault({ times: Infinity, fault: { status: 200, body: 'Service Unavailable' } });

		const { error } = await openDental({
			resource: 'task',
			operation: 'get',
			taskNum: String(task.TaskNum),
		});

		expect(error?.message).toBe('Open Dental: Service Unavailable');
		expect(error?.httpCode).toBe('200');
	});

	it('the keys never appear in outputs or errors', async () => {
		const task = addTask();
		const runs: NodeRun[] = [];
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);
		runs.push(await openDental({ resource: 'task', operation: 'get', taskNum: '999' }));
		runs.push(
			await openDental(
				{ resource: 'task', operation: 'get', taskNum: '={{ $json.num }}' },
				[{ num: 999 }, { num: task.TaskNum }],
				{ continueOnFail: true },
			),
		);
		fake.server.fault({ times: Infinity, fault: { malformedBody: '<oops' } });
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);
		fake.server.clearFaults();
		fake.server.fault({ times: Infinity, fault: { drop: true } });
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);
		fake.server.clearFaults();
		engine.credentials.update(credentialId, {
			...fake.credentialData(),
			rateLimit: 'none',
			customerApiKey: 'CustKey-Wrong-0000',
		});
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);

		expect(runs.map((run) => run.error?.httpCode ?? null)).toEqual([
			null,
			'404',
			null,
			'200',
			'ECONNRESET',
			'401',
		]);
		expect(runs[2].items[0].json.error).toBe('Open Dental: Task 999 not found.');
		expect(runs[5].error?.message).toBe('Open Dental: Invalid DeveloperKey or CustomerKey.');
		for (const run of runs) {
			const text = JSON.stringify(run.run);
			for (const secret of [DEVELOPER_KEY, CUSTOMER_KEY, 'CustKey-Wrong-0000'])
				expect(text).not.toContain(secret);
		}
		expect(
			fake.requests.every((request) =>
				request.headers.authorization?.startsWith(`ODFHIR ${DEVELOPER_KEY}/`),
			),
		).toBe(true);
	});
});

describe('pacing (Remote: one call per second per customer key)', () => {
	// The fake's default: Remote, 1 request per second per customer key, a too-early call refused with 429.
	const paced = new OpenDentalFake({
		developerKey: DEVELOPER_KEY,
		customerKey: 'CustKey-Paced-5150',
		clock,
	});
	serveFake(paced);

	let pacedCredentialId: string;
	beforeEach(() => {
		paced.reset();
		pacedCredentialId = credentialFor(paced, { rateLimit: 'perSecond' });
		paced.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
		paced.addUser({ UserNum: 3, UserName: 'Maria' });
	});

	const gaps = () => paced.requests.slice(1).map((request, i) => request.at - paced.requests[i].at);

	it('10 calls in one run: every one answered, none refused, at least 1000 ms apart', async () => {
		const input = Array.from({ length: 10 }, (_, i) => ({ descript: `Task ${i}` }));

		const { items, error } = await openDental(
			{
				resource: 'task',
				operation: 'create',
				taskListNum: rl(74),
				descript: '={{ $json.descript }}',
				userNum: rl(3),
			},
			input,
			{
				credentialId: pacedCredentialId,
			},
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Descript)).toEqual(input.map((entry) => entry.descript));
		expect(items.every((item) => typeof item.json.TaskNum === 'number')).toBe(true);
		expect(paced.requests).toHaveLength(10);
		expect(paced.tasks.size).toBe(10);
		expect(gaps()).toHaveLength(9);
		for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(1000);
	});

	it('Return All over several pages is paced too', async () => {
		for (let i = 0; i < 230; i++)
			paced.addTask({ TaskListNum: 74, Descript: `Task ${i}`, UserNum: 3 });

		const { items, error } = await openDental(
			{ resource: 'task', operation: 'getAll', returnAll: true },
			undefined,
			{ credentialId: pacedCredentialId },
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(230);
		expect(pages(paced.requests)).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
		for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(1000);
	});

	it('the read before a write (Keep Done Status) waits its turn as well', async () => {
		const task = paced.addTask({
			TaskListNum: 74,
			Descript: 'Order gloves',
			UserNum: 3,
			TaskStatus: 'Done',
		});

		const { error } = await openDental(
			{
				resource: 'task',
				operation: 'update',
				taskNum: String(task.TaskNum),
				updateFields: { descript: 'Order gloves, size M' },
			},
			undefined,
			{
				credentialId: pacedCredentialId,
			},
		);

		expect(error).toBeUndefined();
		expect(calls(paced.requests)).toEqual([
			`GET ${api(`/tasks/${task.TaskNum}`)}`,
			`PUT ${api(`/tasks/${task.TaskNum}`)}`,
		]);
		expect(gaps()[0]).toBeGreaterThanOrEqual(1000);
		expect(paced.tasks.get(task.TaskNum)!.TaskStatus).toBe('Done');
	});

	it('without pacing, the same fake refuses the second call, which waits and is sent again: the pacing is what keeps the calls answered first time', async () => {
		const noneCredentialId = credentialFor(paced, { rateLimit: 'none' });
		const input = [{ descript: 'a' }, { descript: 'b' }];

		const { items } = await openDental(
			{
				resource: 'task',
				operation: 'create',
				taskListNum: rl(74),
				descript: '={{ $json.descript }}',
				userNum: rl(3),
			},
			input,
			{
				credentialId: noneCredentialId,
				continueOnFail: true,
			},
		);

		expect(items.map((item) => item.json.Descript)).toEqual(['a', 'b']);
		// Three POSTs for two tasks: the refused one was not carried out, so sending it again wrote nothing twice.
		expect(calls(paced.requests)).toEqual(Array(3).fill(`POST ${api('/tasks')}`));
		expect(paced.tasks.size).toBe(2);
	});
});

describe('normalized output', () => {
	it('Mark Done with Output "Normalized Task": office times become UTC, the due date stays a date, the patient is the subject', async () => {
		const task = addTask({
			Descript: 'Call about crown fitting\nPatient prefers mornings. [taskbridge:oliver:st_12]',
			ObjectType: 'Patient',
			KeyNum: 42,
			DateTask: '2026-03-05',
			DateTimeOriginal: '2026-02-27 08:00:00',
		});
		now = Date.parse('2026-03-01T19:15:00.000Z');

		const [item] = await ok({
			resource: 'task',
			operation: 'markDone',
			taskNum: String(task.TaskNum),
			outputFormat: 'normalized',
		});

		const [vendorRecord] = await ok({
			resource: 'task',
			operation: 'get',
			taskNum: String(task.TaskNum),
		});
		expect(item).toEqual({
			id: String(task.TaskNum),
			vendor: 'openDental',
			title: 'Call about crown fitting',
			description: 'Call about crown fitting\nPatient prefers mornings. [taskbridge:oliver:st_12]',
			status: 'done',
			dueAt: '2026-03-05',
			createdAt: '2026-02-27T14:00:00Z',
			updatedAt: '2026-03-01T19:15:00Z',
			completedAt: '2026-03-01T19:15:00Z',
			assignees: [],
			subject: { type: 'patient', id: '42' },
			reference: `[taskbridge:openDental:${task.TaskNum}]`,
			links: { oliver: 'st_12' },
			raw: vendorRecord,
		});
	});

	it('New and Viewed are both open; a task attached to nothing has no subject; DescriptOverride is the title', async () => {
		const fresh = addTask({ Descript: 'Order gloves' });
		const viewed = addTask({
			Descript: 'Long text',
			DescriptOverride: 'Recall list',
			TaskStatus: 'Viewed',
		});

		const items = await ok({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			outputFormat: 'normalized',
		});

		const byId = Object.fromEntries(items.map((item) => [item.id, item]));
		expect(byId[String(fresh.TaskNum)]).toMatchObject({
			title: 'Order gloves',
			status: 'open',
			subject: null,
			completedAt: null,
			dueAt: null,
		});
		expect(byId[String(viewed.TaskNum)]).toMatchObject({ title: 'Recall list', status: 'open' });
	});
});
