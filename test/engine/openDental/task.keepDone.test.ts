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
