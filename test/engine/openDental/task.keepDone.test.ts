/**
 * Keep Done Status: Open Dental reopens a Done task as Viewed when its description changes; the node reads the
 * task first and keeps it Done, unless told not to.
 */
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import { addTask, api, calls, fake, ok, openDental, useOpenDental, withFake } from './setup';

useOpenDental();

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

	it('the read before the write carries Content-Type application/json, like the PUT: Open Dental refuses any request without it', async () => {
		const task = doneTask();

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
		expectJsonHeadersOnEvery(fake.requests);
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
				'Open Dental: The version of the dental office is not high enough: this method needs version 24.4.13 or later; the office database is on version 24.3.0.',
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

	// Unknown (sheet): whether a TaskStatus sent with Descript beats the Done → Viewed rule. The node checks.
	it('when the explicit status loses (explicitStatusWins false), Keep Done sees Viewed in the answer, sends the status alone, and outputs the task Done', async () => {
		await withFake({ explicitStatusWins: false }, async (other, otherCredentialId) => {
			const task = other.addTask({
				TaskListNum: 1,
				Descript: 'Order gloves',
				UserNum: 1,
				TaskStatus: 'Done',
			});

			const { items, error } = await openDental(
				{
					resource: 'task',
					operation: 'update',
					taskNum: String(task.TaskNum),
					updateFields: { descript: 'Order gloves, size M' },
				},
				undefined,
				{ credentialId: otherCredentialId },
			);

			expect(error).toBeUndefined();
			const path = api(`/tasks/${task.TaskNum}`);
			expect(calls(other.requests)).toEqual([`GET ${path}`, `PUT ${path}`, `PUT ${path}`]);
			expect(other.requests.map((request) => request.body)).toEqual([
				undefined,
				{ Descript: 'Order gloves, size M', TaskStatus: 'Done' },
				{ TaskStatus: 'Done' },
			]);
			expectJsonHeadersOnEvery(other.requests);
			expect(other.tasks.get(task.TaskNum)).toMatchObject({
				Descript: 'Order gloves, size M',
				TaskStatus: 'Done',
			});
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				TaskNum: task.TaskNum,
				Descript: 'Order gloves, size M',
				TaskStatus: 'Done',
				DateTimeFinishedIso: expect.any(String),
			});
		});
	});

	it('when the explicit status wins (explicitStatusWins true), the answer already says Done: no second PUT', async () => {
		const task = doneTask();

		await ok({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { descript: 'Order gloves, size M' },
		});

		expect(fake.options.explicitStatusWins).toBe(true);
		expect(calls().filter((call) => call.startsWith('PUT'))).toHaveLength(1);
	});

	it('a user’s own status sent with a description is checked the same way and sent again alone when Open Dental turned it', async () => {
		await withFake({ explicitStatusWins: false }, async (other, otherCredentialId) => {
			const task = other.addTask({ TaskListNum: 1, Descript: 'a', UserNum: 1, TaskStatus: 'Done' });

			const { items, error } = await openDental(
				{
					resource: 'task',
					operation: 'update',
					taskNum: String(task.TaskNum),
					updateFields: { descript: 'b', taskStatus: 'New' },
				},
				undefined,
				{ credentialId: otherCredentialId },
			);

			expect(error).toBeUndefined();
			expect(other.requests.map((request) => request.body)).toEqual([
				{ Descript: 'b', TaskStatus: 'New' },
				{ TaskStatus: 'New' },
			]);
			expect(items[0].json.TaskStatus).toBe('New');
			expect(other.tasks.get(task.TaskNum)!.TaskStatus).toBe('New');
		});
	});

	it('when the status still does not hold after it is sent alone, the node fails loudly, naming the task and the status', async () => {
		const task = doneTask();
		// The status-only PUT is answered Viewed too: the task cannot be kept Done.
		fake.server.fault({
			method: 'PUT',
			times: 2,
			fault: {
				status: 200,
				body: { ...task, Descript: 'Order gloves, size M', TaskStatus: 'Viewed' },
			},
		});

		const { items, error } = await openDental({
			resource: 'task',
			operation: 'update',
			taskNum: String(task.TaskNum),
			updateFields: { descript: 'Order gloves, size M' },
		});

		expect(items).toEqual([]);
		expect(error?.message).toBe(
			`Open Dental did not keep task ${task.TaskNum} Done: it answered "Viewed"`,
		);
		expect(calls().filter((call) => call.startsWith('PUT'))).toHaveLength(2);
	});

	// [inferred] (sheet): any Descript in the PUT turns Done to Viewed, not only a changed one. Both answers.
	it.each(['any-descript', 'change'] as const)(
		'the same description sent again (doneToViewedOn %s): Keep Done keeps the task Done',
		async (doneToViewedOn) => {
			await withFake({ doneToViewedOn }, async (other, otherCredentialId) => {
				const task = other.addTask({
					TaskListNum: 1,
					Descript: 'Order gloves',
					UserNum: 1,
					TaskStatus: 'Done',
				});

				const { items, error } = await openDental(
					{
						resource: 'task',
						operation: 'update',
						taskNum: String(task.TaskNum),
						updateFields: { descript: 'Order gloves' },
					},
					undefined,
					{ credentialId: otherCredentialId },
				);

				expect(error).toBeUndefined();
				expect(other.requests[1].body).toEqual({ Descript: 'Order gloves', TaskStatus: 'Done' });
				expect(items[0].json.TaskStatus).toBe('Done');
				expect(other.tasks.get(task.TaskNum)!.TaskStatus).toBe('Done');
			});
		},
	);

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

describe('Mark Done, Mark Viewed, Mark New: the answer is checked', () => {
	it('an answer that does not show the status sent is an error, not a success, and nothing is sent again', async () => {
		const task = addTask({ Descript: 'Order gloves' });
		fake.server.fault({
			method: 'PUT',
			fault: { status: 200, body: { ...task, TaskStatus: 'New' } },
		});

		const { items, error } = await openDental({
			resource: 'task',
			operation: 'markDone',
			taskNum: String(task.TaskNum),
		});

		expect(items).toEqual([]);
		expect(error?.message).toBe(
			`Open Dental did not keep task ${task.TaskNum} Done: it answered "New"`,
		);
		expect(calls()).toEqual([`PUT ${api(`/tasks/${task.TaskNum}`)}`]);
	});
});
