/**
 * Task notes: Create, Get, Get Many by task and by user, Update; a note's bad input refused before any request.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	AUTHORIZATION,
	addTask,
	api,
	calls,
	expectIsoBesideEveryDate,
	fake,
	ok,
	openDental,
	rl,
	useOpenDental,
	user,
} from './setup';

useOpenDental();

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

describe('bad input is refused before any request, naming the field', () => {
	it.each<[string, IDataObject, string]>([
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
