/**
 * Tasks: Create, Get, Get Many (paging, filters), Update, Mark Done/Viewed/New, what the office receives and what
 * n8n outputs; the user and priority pickers; the normalized output. Keep Done Status, dates and bad input have
 * their own files (task.keepDone, task.dates, task.badInput).
 */
import type { IDataObject } from 'n8n-workflow';
import { UNSET_DATE_TIME } from '../../fakes/openDental';
import { loadOptions, searchList } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import {
	AUTHORIZATION,
	addTask,
	api,
	calls,
	engine,
	fake,
	ok,
	openDental,
	pages,
	rl,
	setNow,
	spec,
	useOpenDental,
	withFake,
} from './setup';

useOpenDental();

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

	it('Get and Get Many carry Content-Type application/json, which Open Dental requires of every request, GETs included', async () => {
		const task = addTask();

		await ok({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) });
		await ok({ resource: 'task', operation: 'getAll', returnAll: true });

		expect(calls()).toEqual([`GET ${api(`/tasks/${task.TaskNum}`)}`, `GET ${api('/tasks')}`]);
		expectJsonHeadersOnEvery(fake.requests);
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

	// Corrected: the API Service (and Local API) answer up to 1000 rows; a Limit above 100 or 0 is undocumented.
	it.each(['service', 'local'] as const)(
		'Return All on the %s connection (1000 rows a call) sends Limit 100 on every page and reads every task',
		async (connection) => {
			await withFake({ connection, limitAboveMax: 'reject' }, async (other, otherCredentialId) => {
				for (let i = 0; i < 230; i++)
					other.addTask({ TaskListNum: 1, Descript: `Task ${i}`, UserNum: 1 });

				const { items, error } = await openDental(
					{ resource: 'task', operation: 'getAll', returnAll: true },
					undefined,
					{ credentialId: otherCredentialId },
				);

				expect(error).toBeUndefined();
				expect(new Set(items.map((item) => item.json.TaskNum)).size).toBe(230);
				expect(pages(other.requests)).toEqual([
					['0', '100'],
					['100', '100'],
					['200', '100'],
				]);
			});
		},
	);

	it('Get Many never sends a Limit Open Dental does not document (0, or above 100), even when asked for 250', async () => {
		await withFake({ limitAboveMax: 'reject' }, async (other, otherCredentialId) => {
			for (let i = 0; i < 260; i++)
				other.addTask({ TaskListNum: 1, Descript: `t${i}`, UserNum: 1 });

			const { items, error } = await openDental(
				{ resource: 'task', operation: 'getAll', returnAll: false, limit: 250 },
				undefined,
				{ credentialId: otherCredentialId },
			);

			expect(error).toBeUndefined();
			expect(items).toHaveLength(250);
			for (const [, limit] of pages(other.requests)) {
				expect(Number(limit)).toBeGreaterThan(0);
				expect(Number(limit)).toBeLessThanOrEqual(100);
			}
		});
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

		setNow(Date.parse('2026-03-01T19:15:00.000Z'));
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

	// [inferred] whether digit strings pass for numbers (strictNumbers): the node sends JSON numbers, so both answers accept it.
	it.each([false, true])(
		'record numbers reach Open Dental as JSON numbers (strictNumbers %s): Create, Update and a note all accepted',
		async (strictNumbers) => {
			await withFake({ strictNumbers }, async (other, otherCredentialId) => {
				other.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
				other.addUser({ UserNum: 3, UserName: 'Maria' });
				other.addPriority({ DefNum: 11, ItemName: 'High' });
				const run = async (parameters: IDataObject) => {
					const { items, error } = await openDental(parameters, undefined, {
						credentialId: otherCredentialId,
					});
					expect(error).toBeUndefined();
					return items[0].json;
				};

				const created = await run({
					resource: 'task',
					operation: 'create',
					taskListNum: rl('74', 'id'),
					descript: 'x',
					userNum: rl('3', 'id'),
					additionalFields: { objectType: 'Patient', keyNum: '73', priorityDefNum: '11' },
				});
				await run({
					resource: 'task',
					operation: 'update',
					taskNum: String(created.TaskNum),
					updateFields: { objectType: 'Appointment', keyNum: '755' },
				});
				await run({
					resource: 'taskNote',
					operation: 'create',
					taskNum: String(created.TaskNum),
					userNum: rl('3', 'id'),
					note: 'n',
				});

				expect(other.requests.map((request) => request.body)).toEqual([
					{
						TaskListNum: 74,
						Descript: 'x',
						UserNum: 3,
						ObjectType: 'Patient',
						KeyNum: 73,
						PriorityDefNum: 11,
					},
					{ ObjectType: 'Appointment', KeyNum: 755 },
					{ TaskNum: created.TaskNum, UserNum: 3, Note: 'n' },
				]);
			});
		},
	);

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

describe('pickers', () => {
	const pickerSpec = () => spec({ resource: 'task', operation: 'create' });

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

	it('priorities: the definitions of category 33 in the order Open Dental lists them (no ItemOrder), hidden ones left out', async () => {
		fake.addPriority({ DefNum: 12, ItemName: 'Obsolete', isHidden: 'true' });
		fake.addPriority({ DefNum: 5, ItemName: 'Urgent' });

		expect(await loadOptions(engine, pickerSpec(), 'getPriorities')).toEqual([
			{ name: 'Normal', value: '10' },
			{ name: 'High', value: '11' },
			{ name: 'Urgent', value: '5' },
		]);
		expect(calls()).toEqual([`GET ${api('/definitions')}`]);
		expect(fake.requests[0].query).toEqual({ Category: '33', Offset: '0', Limit: '100' });
		expect(fake.requests[0].headers.authorization).toBe(AUTHORIZATION);
	});

	it('priorities: an order field in the answer (definitions document none) is not read: Open Dental’s order is kept', async () => {
		fake.server.fault({
			fault: {
				status: 200,
				body: [
					{ DefNum: 10, ItemName: 'Normal', ItemOrder: 1, isHidden: 'false' },
					{ DefNum: 11, ItemName: 'High', ItemOrder: 0, isHidden: 'false' },
				],
			},
		});

		expect(await loadOptions(engine, pickerSpec(), 'getPriorities')).toEqual([
			{ name: 'Normal', value: '10' },
			{ name: 'High', value: '11' },
		]);
	});

	it('priorities: a hidden one is left out even from an answer that carries it', async () => {
		fake.addPriority({ DefNum: 12, ItemName: 'Obsolete', isHidden: 'true' });
		fake.server.fault({
			fault: { status: 200, body: [...fake.priorities.values()] },
		});

		expect(await loadOptions(engine, pickerSpec(), 'getPriorities')).toEqual([
			{ name: 'Normal', value: '10' },
			{ name: 'High', value: '11' },
		]);
	});

	it('the user and priority pickers carry Content-Type application/json, like every Open Dental request', async () => {
		expect(await searchList(engine, pickerSpec(), 'searchUsers')).toHaveLength(1);
		expect(await loadOptions(engine, pickerSpec(), 'getPriorities')).toHaveLength(2);

		expect(calls()).toEqual([`GET ${api('/userods')}`, `GET ${api('/definitions')}`]);
		expectJsonHeadersOnEvery(fake.requests);
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
		setNow(Date.parse('2026-03-01T19:15:00.000Z'));

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
