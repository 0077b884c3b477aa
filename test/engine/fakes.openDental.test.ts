/**
 * The fake Open Dental, driven over real HTTP with axios: if it drifts from the documents
 * (shared/vendors/open-dental.md, seed 001), every node test built on it would pass for the wrong reason.
 */
import axios, { type AxiosInstance } from 'axios';
import {
	OPEN_DENTAL_API_PREFIX,
	OpenDentalFake,
	UNSET_DATE_TIME,
	type OpenDentalFakeOptions,
	type OpenDentalTask,
} from '../fakes/openDental';

/** 12:00:00 in Chicago (CST, UTC-6). */
const T0 = Date.parse('2026-03-01T18:00:00.000Z');
let now = T0;
const clock = () => new Date(now);
const fake = new OpenDentalFake({ clock, throttle: null });

const client = (target: OpenDentalFake, headers: Record<string, string> = {}): AxiosInstance =>
	axios.create({
		baseURL: `${target.url}${OPEN_DENTAL_API_PREFIX}`,
		validateStatus: () => true,
		timeout: 3000,
		headers: {
			Authorization: `ODFHIR ${target.options.developerKey}/${target.options.customerKey}`,
			'Content-Type': 'application/json',
			...headers,
		},
	});

async function withFake(
	options: OpenDentalFakeOptions,
	body: (other: OpenDentalFake, api: AxiosInstance) => Promise<void>,
): Promise<void> {
	const other = new OpenDentalFake({ clock, throttle: null, ...options });
	await other.start();
	try {
		await body(other, client(other));
	} finally {
		await other.stop();
	}
}

let api: AxiosInstance;
let list: number;
let user: number;

beforeAll(async () => {
	await fake.start();
	api = client(fake);
});
afterAll(async () => {
	await fake.stop();
});
beforeEach(() => {
	now = T0;
	fake.reset();
	list = fake.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
	user = fake.addUser({ UserName: 'Admin' }).UserNum;
	fake.addPriority({ ItemName: 'Normal', ItemValue: 'D' });
});

describe('auth and connection', () => {
	it('needs Authorization: ODFHIR developerKey/customerKey, else 401 with a text explanation', async () => {
		expect((await api.get('/tasklists')).status).toBe(200);
		for (const authorization of [
			undefined,
			'Bearer x',
			'ODFHIR dev-key/wrong',
			'ODFHIR wrong/cust-key',
			'ODFHIR dev-key',
		]) {
			const answer = await axios.get(`${fake.url}${OPEN_DENTAL_API_PREFIX}/tasklists`, {
				validateStatus: () => true,
				headers: authorization === undefined ? {} : { Authorization: authorization },
			});
			expect(answer.status).toBe(401);
			expect(answer.headers['content-type']).toMatch(/^text\/plain/);
			expect(answer.data).toEqual(expect.any(String));
		}
	});

	it('an unknown route is a 404 in the error shape', async () => {
		const answer = await api.get('/nothing');
		expect([answer.status, typeof answer.data]).toEqual([404, 'string']);
	});
});

describe('tasks', () => {
	it('POST creates with 201, office-local dates, string booleans and the default priority', async () => {
		const answer = await api.post('/tasks', {
			TaskListNum: list,
			Descript: 'Order gloves',
			UserNum: user,
		});
		expect(answer.status).toBe(201);
		expect(answer.data).toEqual({
			TaskNum: 1,
			TaskListNum: list,
			DateTask: '0001-01-01',
			KeyNum: 0,
			Descript: 'Order gloves',
			TaskStatus: 'New',
			IsRepeating: 'false',
			DateType: 'None',
			FromNum: 0,
			ObjectType: 'None',
			DateTimeEntry: '2026-03-01 12:00:00',
			UserNum: user,
			DateTimeFinished: UNSET_DATE_TIME,
			PriorityDefNum: 1,
			ReminderGroupId: '',
			ReminderType: 'NoReminder',
			ReminderFrequency: 0,
			DateTimeOriginal: '2026-03-01 12:00:00',
			SecDateTEdit: '2026-03-01 12:00:00',
			DescriptOverride: '',
			IsReadOnly: 'false',
		});
		const full = await api.post('/tasks', {
			TaskListNum: list,
			Descript: 'Attach insurance card',
			UserNum: user,
			KeyNum: 73,
			ObjectType: 'Patient',
			DateTimeEntry: '2026-02-27 08:00:00',
			DescriptOverride: 'Insurance',
		});
		expect(full.data).toMatchObject({
			KeyNum: 73,
			ObjectType: 'Patient',
			DateTimeEntry: '2026-02-27 08:00:00',
			DescriptOverride: 'Insurance',
		});
	});

	it('POST refuses missing or bad fields with 400 and unknown list/user with 404', async () => {
		const base = { TaskListNum: list, Descript: 'x', UserNum: user };
		for (const body of [
			{ Descript: 'x', UserNum: user },
			{ TaskListNum: list, UserNum: user },
			{ TaskListNum: list, Descript: 'x' },
			{ ...base, KeyNum: 5 },
			{ ...base, ObjectType: 'Dog', KeyNum: 5 },
			{ ...base, DateTimeEntry: '2026-02-27T08:00:00Z' },
			{ ...base, DescriptOverride: 'x'.repeat(257) },
		]) {
			expect((await api.post('/tasks', body)).status).toBe(400);
		}
		expect((await api.post('/tasks', { ...base, TaskListNum: 999 })).status).toBe(404);
		expect((await api.post('/tasks', { ...base, UserNum: 999 })).status).toBe(404);
		expect((await api.post('/tasks', { ...base, PriorityDefNum: 999 })).status).toBe(404);
		expect(fake.tasks.size).toBe(0);
	});

	it('GET one answers the task, or 404', async () => {
		const task = fake.addTask({ TaskListNum: list, Descript: 'x' });
		expect((await api.get(`/tasks/${task.TaskNum}`)).data).toEqual(task);
		const missing = await api.get('/tasks/999');
		expect([missing.status, missing.data]).toEqual([404, 'Task 999 not found.']);
	});

	it('GET list filters by TaskListNum, ObjectType, KeyNum and TaskStatus; KeyNum needs ObjectType', async () => {
		const other = fake.addTaskList({ Descript: 'Hygiene' }).TaskListNum;
		fake.addTask({ TaskListNum: list, Descript: 'a' });
		fake.addTask({ TaskListNum: list, Descript: 'b', ObjectType: 'Patient', KeyNum: 73 });
		fake.addTask({
			TaskListNum: other,
			Descript: 'c',
			ObjectType: 'Patient',
			KeyNum: 74,
			TaskStatus: 'Done',
		});
		fake.addTask({ TaskListNum: other, Descript: 'd', ObjectType: 'Appointment', KeyNum: 73 });
		const names = async (params: Record<string, unknown>) => {
			const answer = await api.get('/tasks', { params });
			expect(answer.status).toBe(200);
			return answer.data.map((task: OpenDentalTask) => task.Descript);
		};
		expect(await names({})).toEqual(['a', 'b', 'c', 'd']);
		expect(await names({ TaskListNum: other })).toEqual(['c', 'd']);
		expect(await names({ ObjectType: 'Patient' })).toEqual(['b', 'c']);
		expect(await names({ ObjectType: 'Patient', KeyNum: 73 })).toEqual(['b']);
		expect(await names({ TaskStatus: 'Done' })).toEqual(['c']);
		expect((await api.get('/tasks', { params: { KeyNum: 73 } })).status).toBe(400);
		expect((await api.get('/tasks', { params: { TaskStatus: 'Closed' } })).status).toBe(400);
		expect((await api.get('/tasks', { params: { DateTimeOriginal: 'yesterday' } })).status).toBe(
			400,
		);
		expect((await api.get('/tasks', { params: { TaskListNum: 999 } })).status).toBe(404);
	});

	it('GET list defaults to tasks created in the previous 14 days; DateTimeOriginal means created after', async () => {
		fake.addTask({ TaskListNum: list, Descript: 'old', DateTimeOriginal: '2026-02-15 11:59:59' });
		fake.addTask({ TaskListNum: list, Descript: 'edge', DateTimeOriginal: '2026-02-15 12:00:00' });
		fake.addTask({
			TaskListNum: list,
			Descript: 'recent',
			DateTimeOriginal: '2026-02-15 12:00:01',
		});
		const names = async (params: Record<string, unknown> = {}) =>
			(await api.get('/tasks', { params })).data.map((task: OpenDentalTask) => task.Descript);
		expect(await names()).toEqual(['recent']);
		expect(await names({ DateTimeOriginal: '2026-01-01 00:00:00' })).toEqual([
			'old',
			'edge',
			'recent',
		]);
		expect(await names({ DateTimeOriginal: '2026-02-15 12:00:00' })).toEqual(['recent']);
		await withFake({ createdAfterInclusive: true }, async (other, client) => {
			other.addTask({ TaskListNum: 1, Descript: 'edge', DateTimeOriginal: '2026-02-15 12:00:00' });
			expect((await client.get('/tasks')).data).toHaveLength(1);
		});
	});

	it('office time follows the zone: the same instant reads differently in another office', async () => {
		await withFake({ officeTimeZone: 'America/New_York' }, async (other) => {
			expect(other.officeTime()).toBe('2026-03-01 13:00:00');
		});
		expect(fake.officeTime({ days: -14 })).toBe('2026-02-15 12:00:00');
	});

	it('Limit and Offset page with a 100-row cap and no total; the Local API allows 1000', async () => {
		for (let i = 0; i < 250; i++) fake.addTask({ TaskListNum: list, Descript: `t${i}` });
		const page = async (params: Record<string, unknown>) =>
			(await api.get('/tasks', { params })).data as OpenDentalTask[];
		const first = await page({});
		expect(first).toHaveLength(100);
		expect(first[0].TaskNum).toBe(1);
		expect(await page({ Limit: 500 })).toHaveLength(100);
		const third = await page({ Offset: 200 });
		expect([third.length, third[0].Descript]).toEqual([50, 't200']);
		expect((await page({ Limit: 10, Offset: 5 })).map((task) => task.TaskNum)).toEqual([
			6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
		]);
		expect(await page({ Offset: 250 })).toEqual([]);
		expect((await api.get('/tasks', { params: { Limit: -1 } })).status).toBe(400);

		await withFake({ connection: 'local' }, async (other, client) => {
			for (let i = 0; i < 1100; i++) other.addTask({ TaskListNum: 1, Descript: `t${i}` });
			expect((await client.get('/tasks')).data).toHaveLength(1000);
			expect((await client.get('/tasks', { params: { Limit: 5000 } })).data).toHaveLength(1000);
		});
		await withFake({ limitAboveMax: 'reject' }, async (_other, client) => {
			expect((await client.get('/tasks', { params: { Limit: 101 } })).status).toBe(400);
		});
	});

	it('PUT changes only the fields sent and moves SecDateTEdit', async () => {
		const task = fake.addTask({
			TaskListNum: list,
			Descript: 'Old',
			DescriptOverride: 'keep',
			ObjectType: 'Patient',
			KeyNum: 73,
		});
		now = T0 + 60_000;
		const answer = await api.put(`/tasks/${task.TaskNum}`, { Descript: 'New' });
		expect(answer.status).toBe(200);
		expect(answer.data).toEqual({ ...task, Descript: 'New', SecDateTEdit: '2026-03-01 12:01:00' });
		expect(answer.data.DateTimeOriginal).toBe('2026-03-01 12:00:00');
		for (const body of [
			{ TaskStatus: 'Closed' },
			{ KeyNum: 5 },
			{ Descript: '' },
			{ DateTimeEntry: 'soon' },
		]) {
			expect((await api.put(`/tasks/${task.TaskNum}`, body)).status).toBe(400);
		}
		expect((await api.put('/tasks/999', { Descript: 'x' })).status).toBe(404);
		expect(fake.tasks.get(task.TaskNum)).toMatchObject({
			Descript: 'New',
			DescriptOverride: 'keep',
			KeyNum: 73,
		});
	});

	it('a PUT that changes Descript on a Done task turns it to Viewed (seed 001)', async () => {
		const task = fake.addTask({
			TaskListNum: list,
			Descript: 'Call lab',
			TaskStatus: 'Done',
			DateTimeFinished: '2026-02-28 09:00:00',
		});
		// Other fields, or the same Descript, leave it Done.
		expect(
			(await api.put(`/tasks/${task.TaskNum}`, { DescriptOverride: 'Lab' })).data.TaskStatus,
		).toBe('Done');
		expect(
			(await api.put(`/tasks/${task.TaskNum}`, { Descript: 'Call lab' })).data.TaskStatus,
		).toBe('Done');
		const changed = (await api.put(`/tasks/${task.TaskNum}`, { Descript: 'Call lab again' })).data;
		expect(changed).toMatchObject({ TaskStatus: 'Viewed', DateTimeFinished: UNSET_DATE_TIME });
		// Not Done: nothing to turn.
		expect((await api.put(`/tasks/${task.TaskNum}`, { Descript: 'Third' })).data.TaskStatus).toBe(
			'Viewed',
		);

		// With TaskStatus in the same PUT, the explicit status wins by default.
		const both = fake.addTask({ TaskListNum: list, Descript: 'x', TaskStatus: 'Done' });
		expect(
			(await api.put(`/tasks/${both.TaskNum}`, { Descript: 'y', TaskStatus: 'Done' })).data
				.TaskStatus,
		).toBe('Done');

		await withFake(
			{ doneToViewedOn: 'any-descript', explicitStatusWins: false },
			async (other, client) => {
				const done = other.addTask({ TaskListNum: 1, Descript: 'same', TaskStatus: 'Done' });
				expect(
					(await client.put(`/tasks/${done.TaskNum}`, { Descript: 'same' })).data.TaskStatus,
				).toBe('Viewed');
				const again = other.addTask({ TaskListNum: 1, Descript: 'a', TaskStatus: 'Done' });
				expect(
					(await client.put(`/tasks/${again.TaskNum}`, { Descript: 'b', TaskStatus: 'Done' })).data
						.TaskStatus,
				).toBe('Viewed');
			},
		);
	});

	it('DateTimeFinished is set when a task becomes Done and cleared when it leaves Done', async () => {
		const task = fake.addTask({ TaskListNum: list, Descript: 'x' });
		const put = async (TaskStatus: string) =>
			(await api.put(`/tasks/${task.TaskNum}`, { TaskStatus })).data as OpenDentalTask;
		expect((await put('Viewed')).DateTimeFinished).toBe(UNSET_DATE_TIME);
		now = T0 + 1000;
		expect(await put('Done')).toMatchObject({
			TaskStatus: 'Done',
			DateTimeFinished: '2026-03-01 12:00:01',
		});
		now = T0 + 2000;
		expect((await put('Done')).DateTimeFinished).toBe('2026-03-01 12:00:01');
		expect(await put('New')).toMatchObject({
			TaskStatus: 'New',
			DateTimeFinished: UNSET_DATE_TIME,
		});

		await withFake({ reopenClearsFinished: false }, async (other, client) => {
			const done = other.addTask({
				TaskListNum: 1,
				Descript: 'x',
				TaskStatus: 'Done',
				DateTimeFinished: '2026-02-01 10:00:00',
			});
			expect(
				(await client.put(`/tasks/${done.TaskNum}`, { TaskStatus: 'New' })).data.DateTimeFinished,
			).toBe('2026-02-01 10:00:00');
		});
	});

	it('there is no DELETE', async () => {
		const task = fake.addTask({ TaskListNum: list, Descript: 'x' });
		expect((await api.delete(`/tasks/${task.TaskNum}`)).status).toBe(404);
		expect(fake.tasks.size).toBe(1);
	});
});

describe('version gate', () => {
	it('refuses methods newer than the office version with 400 and an explanation', async () => {
		await withFake({ version: '24.2.5' }, async (other, client) => {
			const task = other.addTask({ TaskListNum: 1, Descript: 'x' });
			const one = await client.get(`/tasks/${task.TaskNum}`); // 24.4.13
			expect([one.status, one.data]).toEqual([400, expect.stringContaining('24.4.13')]);
			expect((await client.get('/tasknotes')).status).toBe(400); // 24.4.22
			expect((await client.get('/tasks')).status).toBe(200); // 22.3.16
			// TaskStatus on PUT came in 24.2.10.
			const status = await client.put(`/tasks/${task.TaskNum}`, { TaskStatus: 'Done' });
			expect([status.status, status.data]).toEqual([400, expect.stringContaining('24.2.10')]);
			expect((await client.put(`/tasks/${task.TaskNum}`, { Descript: 'y' })).status).toBe(200);
			expect(other.tasks.get(task.TaskNum)?.TaskStatus).toBe('New');
		});
		await withFake({ version: '24.2.10' }, async (other, client) => {
			const task = other.addTask({ TaskListNum: 1, Descript: 'x' });
			expect((await client.put(`/tasks/${task.TaskNum}`, { TaskStatus: 'Done' })).status).toBe(200);
		});
		await withFake({ version: '22.3.15' }, async (_other, client) => {
			expect((await client.get('/tasklists')).status).toBe(200);
			expect((await client.get('/tasks')).status).toBe(400);
			expect((await client.post('/tasks', {})).status).toBe(400);
		});
	});
});

describe('task lists, notes, priorities, users', () => {
	it('task lists: Active by default, or Archived', async () => {
		fake.addTaskList({ Descript: 'Old', TaskListStatus: 'Archived' });
		expect((await api.get('/tasklists')).data).toEqual([
			expect.objectContaining({ TaskListNum: list, Descript: 'Front Desk', Parent: 0 }),
		]);
		expect(
			(await api.get('/tasklists', { params: { TaskListStatus: 'Archived' } })).data.map(
				(l: { Descript: string }) => l.Descript,
			),
		).toEqual(['Old']);
		expect((await api.get('/tasklists', { params: { TaskListStatus: 'Gone' } })).status).toBe(400);
	});

	it('task notes: create (201), list by TaskNum/UserNum, get one, update; Note must not be blank', async () => {
		const task = fake.addTask({ TaskListNum: list, Descript: 'x' });
		const other = fake.addTask({ TaskListNum: list, Descript: 'y' });
		const created = await api.post('/tasknotes', {
			TaskNum: task.TaskNum,
			UserNum: user,
			Note: 'Called',
		});
		expect([created.status, created.data]).toEqual([
			201,
			{
				TaskNoteNum: 1,
				TaskNum: task.TaskNum,
				UserNum: user,
				DateTimeNote: '2026-03-01 12:00:00',
				Note: 'Called',
			},
		]);
		fake.addNote({ TaskNum: other.TaskNum, Note: 'Other' });
		expect((await api.get('/tasknotes', { params: { TaskNum: task.TaskNum } })).data).toEqual([
			created.data,
		]);
		expect((await api.get('/tasknotes', { params: { UserNum: user } })).data).toHaveLength(2);
		expect((await api.get('/tasknotes/1')).data).toEqual(created.data);
		expect((await api.get('/tasknotes/99')).status).toBe(404);

		for (const body of [
			{ TaskNum: task.TaskNum, UserNum: user, Note: '  ' },
			{ TaskNum: task.TaskNum, UserNum: user },
			{ UserNum: user, Note: 'x' },
		]) {
			expect((await api.post('/tasknotes', body)).status).toBe(400);
		}
		expect((await api.post('/tasknotes', { TaskNum: 999, UserNum: user, Note: 'x' })).status).toBe(
			404,
		);

		const updated = await api.put('/tasknotes/1', {
			Note: 'Called twice',
			DateTimeNote: '2026-03-01 09:30:00',
		});
		expect([updated.status, updated.data]).toEqual([
			200,
			{ ...created.data, Note: 'Called twice', DateTimeNote: '2026-03-01 09:30:00' },
		]);
		expect((await api.put('/tasknotes/1', { Note: '' })).status).toBe(400);
		expect((await api.put('/tasknotes/99', { Note: 'x' })).status).toBe(404);
	});

	it('definitions Category=33 are the task priorities; userods hide hidden users unless includeHidden', async () => {
		fake.addPriority({ ItemName: 'High', ItemColor: '#FF0000' });
		const priorities = (await api.get('/definitions', { params: { Category: 33 } })).data;
		expect(priorities).toEqual([
			expect.objectContaining({
				DefNum: 1,
				ItemName: 'Normal',
				ItemValue: 'D',
				Category: 33,
				isHidden: 'false',
			}),
			expect.objectContaining({ DefNum: 2, ItemName: 'High', Category: 33 }),
		]);
		expect((await api.get('/definitions', { params: { Category: 1 } })).data).toEqual([]);

		fake.addUser({ UserName: 'Gone', IsHidden: 'true' });
		expect((await api.get('/userods')).data).toEqual([
			expect.objectContaining({ UserNum: user, UserName: 'Admin', IsHidden: 'false' }),
		]);
		expect((await api.get('/userods', { params: { includeHidden: 'true' } })).data).toHaveLength(2);
	});
});

describe('throttle', () => {
	it('Remote allows 1 request per second per customer key; sooner gets 429 with a text explanation', async () => {
		let ms = 0;
		await withFake(
			{ connection: 'remote', throttle: undefined, throttleClock: () => ms },
			async (_other, client) => {
				expect((await client.get('/tasklists')).status).toBe(200);
				ms = 999;
				const early = await client.get('/tasklists');
				expect([early.status, early.headers['content-type']]).toEqual([
					429,
					expect.stringMatching(/^text\/plain/),
				]);
				expect(early.data).toMatch(/per second/);
				ms = 1000; // counted from the last accepted request, not the refused one
				expect((await client.get('/tasklists')).status).toBe(200);
				ms = 2000;
				expect((await client.post('/tasks', {})).status).toBe(400); // throttled before input is read, so this one counted
				ms = 2500;
				expect((await client.get('/tasklists')).status).toBe(429);
			},
		);
	});

	it('with real time: 1 s spacing is accepted, back-to-back is refused; status and rate are options', async () => {
		await withFake({ connection: 'remote', throttle: undefined }, async (other, client) => {
			expect((await client.get('/userods')).status).toBe(200);
			expect((await client.get('/userods')).status).toBe(429);
			await new Promise((resolve) => setTimeout(resolve, 1010));
			expect((await client.get('/userods')).status).toBe(200);
			expect(other.requests[2].at - other.requests[0].at).toBeGreaterThanOrEqual(1000);
		});
		let ms = 0;
		await withFake(
			{ throttle: { perSecond: 0.2 }, throttleStatus: 400, throttleClock: () => ms },
			async (_other, client) => {
				expect((await client.get('/userods')).status).toBe(200);
				ms = 4999;
				expect((await client.get('/userods')).status).toBe(400);
				ms = 5000;
				expect((await client.get('/userods')).status).toBe(200);
			},
		);
		for (const connection of ['local', 'service'] as const) {
			await withFake({ connection, throttle: undefined }, async (_other, client) => {
				for (let i = 0; i < 3; i++) expect((await client.get('/userods')).status).toBe(200);
			});
		}
	});

	it('unauthenticated requests are refused before the throttle and do not count', async () => {
		let ms = 0;
		await withFake(
			{ throttle: { perSecond: 1 }, throttleClock: () => ms },
			async (other, client) => {
				expect(
					(await axios.get(`${other.url}/api/v1/userods`, { validateStatus: () => true })).status,
				).toBe(401);
				expect((await client.get('/userods')).status).toBe(200);
			},
		);
	});
});

describe('error body shapes', () => {
	it('plain text by default, a JSON string, or a JSON object with a message', async () => {
		const missing = await api.get('/tasks/999');
		expect([missing.headers['content-type'], missing.data]).toEqual([
			expect.stringMatching(/^text\/plain/),
			'Task 999 not found.',
		]);
		await withFake({ errorBodyShape: 'json-string' }, async (_other, client) => {
			const answer = await client.get('/tasks/999', { responseType: 'text' });
			expect([answer.status, answer.headers['content-type'], answer.data]).toEqual([
				404,
				expect.stringMatching(/^application\/json/),
				'"Task 999 not found."',
			]);
		});
		await withFake({ errorBodyShape: 'json-object' }, async (_other, client) => {
			const answer = await client.get('/tasks/999');
			expect([answer.status, answer.data]).toEqual([404, { message: 'Task 999 not found.' }]);
			expect(
				(await axios.get(`${_other.url}/api/v1/tasks`, { validateStatus: () => true })).data,
			).toEqual({ message: expect.any(String) });
		});
	});
});

describe('state helpers', () => {
	it('reset() empties state and requests; seedSandbox() builds a small dental office', async () => {
		fake.reset();
		expect([fake.tasks.size, fake.taskLists.size, fake.users.size, fake.requests.length]).toEqual([
			0, 0, 0, 0,
		]);
		fake.seedSandbox();
		const tasks = [...fake.tasks.values()];
		expect(fake.taskLists.size).toBe(3);
		expect(
			[...fake.taskLists.values()].filter((l) => l.TaskListStatus === 'Archived'),
		).toHaveLength(1);
		expect(fake.users.size).toBe(3);
		expect(fake.priorities.size).toBeGreaterThanOrEqual(3);
		expect(fake.notes.size).toBeGreaterThanOrEqual(2);
		expect(tasks.length).toBeGreaterThanOrEqual(6);
		expect(tasks.some((t) => t.ObjectType === 'Patient' && t.KeyNum > 0)).toBe(true);
		expect(
			tasks
				.filter((t) => t.TaskStatus === 'Done')
				.every((t) => t.DateTimeFinished !== UNSET_DATE_TIME),
		).toBe(true);
		const recent = (await api.get('/tasks')).data as OpenDentalTask[];
		expect(recent.length).toBe(tasks.length - 1); // one is older than 14 days
		expect((await api.get('/tasks', { params: { TaskStatus: 'Done' } })).data).toHaveLength(1);
	});
});
