/** The fake Open Dental: tasks (tasks.ts). */
import { UNSET_DATE_TIME, type OpenDentalTask } from '.';
import { api, fake, list, setNow, T0, useFake, user, withFake } from './testing';

useFake();

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

	it('unknownReferenceStatus: a reference naming nothing can answer another status (400) instead', async () => {
		await withFake({ unknownReferenceStatus: 400 }, async (other, client) => {
			const refused = await client.post('/tasks', { TaskListNum: 999, Descript: 'x', UserNum: 1 });
			expect([refused.status, refused.data]).toEqual([400, 'TaskList 999 not found.']);
			expect(other.tasks.size).toBe(0);
		});
	});

	it('strictNumbers: digit strings are read as numbers by default, or refused', async () => {
		const digits = { TaskListNum: String(list), Descript: 'x', UserNum: String(user) };
		expect((await api.post('/tasks', digits)).status).toBe(201);
		await withFake({ strictNumbers: true }, async (other, client) => {
			other.addTaskList({ TaskListNum: 1, Descript: 'L' });
			other.addUser({ UserNum: 1, UserName: 'U' });
			const refused = await client.post('/tasks', { TaskListNum: '1', Descript: 'x', UserNum: 1 });
			expect([refused.status, refused.data]).toEqual([400, expect.stringContaining('TaskListNum')]);
			expect(
				(await client.post('/tasks', { TaskListNum: 1, Descript: 'x', UserNum: 1 })).status,
			).toBe(201);
		});
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

	it('Limit and Offset page with a 100-row cap on Remote and no total', async () => {
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
	});

	// Corrected (forum t=8333): "The Local API and API Service have an increased limit of 1000 items per request."
	it.each(['local', 'service'] as const)(
		'the %s connection answers up to 1000 rows per call',
		async (connection) => {
			await withFake({ connection }, async (other, client) => {
				for (let i = 0; i < 1100; i++) other.addTask({ TaskListNum: 1, Descript: `t${i}` });
				expect((await client.get('/tasks')).data).toHaveLength(1000);
				expect((await client.get('/tasks', { params: { Limit: 5000 } })).data).toHaveLength(1000);
				expect((await client.get('/tasks', { params: { Offset: 1000 } })).data).toHaveLength(100);
			});
		},
	);

	it('undocumented Limits (above the cap, or 0) are read as the cap by default, or refused (limitAboveMax: reject)', async () => {
		for (let i = 0; i < 120; i++) fake.addTask({ TaskListNum: list, Descript: `t${i}` });
		expect((await api.get('/tasks', { params: { Limit: 0 } })).data).toHaveLength(100);
		expect((await api.get('/tasks', { params: { Limit: 101 } })).data).toHaveLength(100);
		await withFake({ limitAboveMax: 'reject' }, async (_other, client) => {
			expect((await client.get('/tasks', { params: { Limit: 101 } })).status).toBe(400);
			expect((await client.get('/tasks', { params: { Limit: 0 } })).status).toBe(400);
			expect((await client.get('/tasks', { params: { Limit: 100 } })).status).toBe(200);
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
		setNow(T0 + 60_000);
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

	it('a PUT that carries Descript on a Done task turns it to Viewed, even the same Descript (seed 001; [inferred] default)', async () => {
		const task = fake.addTask({
			TaskListNum: list,
			Descript: 'Call lab',
			TaskStatus: 'Done',
			DateTimeFinished: '2026-02-28 09:00:00',
		});
		// Other fields leave it Done.
		expect(
			(await api.put(`/tasks/${task.TaskNum}`, { DescriptOverride: 'Lab' })).data.TaskStatus,
		).toBe('Done');
		const same = (await api.put(`/tasks/${task.TaskNum}`, { Descript: 'Call lab' })).data;
		expect(same).toMatchObject({ TaskStatus: 'Viewed', DateTimeFinished: UNSET_DATE_TIME });
		// Not Done: nothing to turn.
		expect((await api.put(`/tasks/${task.TaskNum}`, { Descript: 'Third' })).data.TaskStatus).toBe(
			'Viewed',
		);
	});

	it('doneToViewedOn: change: only a Descript that differs turns Done to Viewed', async () => {
		await withFake({ doneToViewedOn: 'change' }, async (other, client) => {
			const done = other.addTask({ TaskListNum: 1, Descript: 'Call lab', TaskStatus: 'Done' });
			const put = async (Descript: string) =>
				(await client.put(`/tasks/${done.TaskNum}`, { Descript })).data.TaskStatus;
			expect(await put('Call lab')).toBe('Done');
			expect(await put('Call lab again')).toBe('Viewed');
		});
	});

	// Unknown (sheet): whether a TaskStatus in the same PUT beats the flip. Both answers.
	it.each([
		[true, 'Done'],
		[false, 'Viewed'],
	])(
		'Descript and TaskStatus "Done" in one PUT on a Done task: explicitStatusWins %s gives %s',
		async (explicitStatusWins, status) => {
			await withFake({ explicitStatusWins }, async (other, client) => {
				const both = other.addTask({ TaskListNum: 1, Descript: 'x', TaskStatus: 'Done' });
				const answer = await client.put(`/tasks/${both.TaskNum}`, {
					Descript: 'y',
					TaskStatus: 'Done',
				});
				expect([answer.status, answer.data.TaskStatus]).toEqual([200, status]);
				expect(other.tasks.get(both.TaskNum)!.TaskStatus).toBe(status);
			});
		},
	);

	it('DateTimeFinished is set when a task becomes Done and cleared when it leaves Done', async () => {
		const task = fake.addTask({ TaskListNum: list, Descript: 'x' });
		const put = async (TaskStatus: string) =>
			(await api.put(`/tasks/${task.TaskNum}`, { TaskStatus })).data as OpenDentalTask;
		expect((await put('Viewed')).DateTimeFinished).toBe(UNSET_DATE_TIME);
		setNow(T0 + 1000);
		expect(await put('Done')).toMatchObject({
			TaskStatus: 'Done',
			DateTimeFinished: '2026-03-01 12:00:01',
		});
		setNow(T0 + 2000);
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

// [inferred] behaviours no sheet line decides: each an option, tested with both answers.
describe('[inferred] options', () => {
	it.each([
		['task-num', ['a', 'b', 'c']],
		['task-num-desc', ['c', 'b', 'a']],
	] as const)('[inferred] listOrder %s: GET /tasks lists %j', async (listOrder, order) => {
		await withFake({ listOrder }, async (other, client) => {
			for (const Descript of ['a', 'b', 'c']) other.addTask({ TaskListNum: 1, Descript });
			const answer = await client.get('/tasks');
			expect(answer.data.map((task: OpenDentalTask) => task.Descript)).toEqual(order);
		});
	});

	it.each([
		['refuse', 400, 'Old'],
		['accept', 200, '  '],
	] as const)(
		'[inferred] blankDescript %s: a blank Descript gets %s on POST and PUT; the task reads %j',
		async (blankDescript, status, after) => {
			await withFake({ blankDescript }, async (other, client) => {
				const listNum = other.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
				const userNum = other.addUser({ UserName: 'Admin' }).UserNum;
				const task = other.addTask({ TaskListNum: listNum, Descript: 'Old' });
				const created = await client.post('/tasks', {
					TaskListNum: listNum,
					UserNum: userNum,
					Descript: '  ',
				});
				expect(created.status).toBe(status === 200 ? 201 : 400);
				const put = await client.put(`/tasks/${task.TaskNum}`, { Descript: '  ' });
				expect(put.status).toBe(status);
				expect(other.tasks.get(task.TaskNum)!.Descript).toBe(after);
			});
		},
	);

	it.each([
		['every-put', '2026-03-01 12:01:00'],
		['change', '2026-03-01 11:00:00'],
	] as const)(
		'[inferred] secDateTEditOn %s: a PUT that changes nothing leaves SecDateTEdit at %s; one that changes a field moves it',
		async (secDateTEditOn, afterSamePut) => {
			await withFake({ secDateTEditOn }, async (other, client) => {
				const task = other.addTask({
					TaskListNum: 1,
					Descript: 'Same',
					DateTimeOriginal: '2026-03-01 11:00:00',
				});
				setNow(T0 + 60_000);
				const same = await client.put(`/tasks/${task.TaskNum}`, { Descript: 'Same' });
				expect([same.status, same.data.SecDateTEdit]).toEqual([200, afterSamePut]);
				setNow(T0 + 120_000);
				const changed = await client.put(`/tasks/${task.TaskNum}`, { Descript: 'Other' });
				expect(changed.data.SecDateTEdit).toBe('2026-03-01 12:02:00');
			});
		},
	);

	it.each([
		['refuse', 400, 400],
		['midnight', 200, 201],
	] as const)(
		'[inferred] dateOnlyDateTime %s: a date alone for DateTimeOriginal gets %s, for DateTimeEntry %s',
		async (dateOnlyDateTime, listStatus, createStatus) => {
			await withFake({ dateOnlyDateTime }, async (other, client) => {
				const listNum = other.addTaskList({ Descript: 'Front Desk' }).TaskListNum;
				const userNum = other.addUser({ UserName: 'Admin' }).UserNum;
				other.addTask({
					TaskListNum: listNum,
					Descript: 'at noon',
					DateTimeOriginal: '2026-02-20 12:00:00',
				});
				const listed = await client.get('/tasks', { params: { DateTimeOriginal: '2026-02-20' } });
				expect(listed.status).toBe(listStatus);
				const created = await client.post('/tasks', {
					TaskListNum: listNum,
					UserNum: userNum,
					Descript: 'x',
					DateTimeEntry: '2026-03-02',
				});
				expect(created.status).toBe(createStatus);
				if (dateOnlyDateTime === 'midnight') {
					expect(listed.data.map((task: OpenDentalTask) => task.Descript)).toEqual(['at noon']);
					expect(created.data.DateTimeEntry).toBe('2026-03-02 00:00:00');
				}
			});
		},
	);

	it.each([
		['not-found', 404, 'TaskList 999 not found.'],
		['empty', 200, []],
	] as const)(
		'[inferred] unknownTaskListFilter %s: GET /tasks?TaskListNum=999 gets %s',
		async (unknownTaskListFilter, status, body) => {
			await withFake({ unknownTaskListFilter }, async (other, client) => {
				other.addTask({ TaskListNum: 1, Descript: 'x' });
				const answer = await client.get('/tasks', { params: { TaskListNum: 999 } });
				expect([answer.status, answer.data]).toEqual([status, body]);
			});
		},
	);
});
