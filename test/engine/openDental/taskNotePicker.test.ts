/**
 * Task notes from node version 2: the note of Get and Update picked from the notes of a task picked above it
 * (that task is not sent), or typed By Number; the task of Create and of Get Many's filter picked from Open
 * Dental's tasks. Version 1 keeps its typed boxes (taskNote.test.ts runs them).
 */
import type { IDataObject } from 'n8n-workflow';
import { searchListPage, shownProperties } from '../harness';
import {
	everyPickerValue,
	fieldOrderByVersion,
	idFieldByVersion,
	PICKER_BY_VERSION,
	refusalMessage,
} from '../pickerChecks';
import {
	addTask,
	api,
	calls,
	engine,
	fake,
	ok,
	openDental,
	rl,
	spec,
	useOpenDental,
} from './setup';

useOpenDental();

const V2 = { typeVersion: 2 };

/** One load of the note picker of Get, with `task` picked in the task field above it. */
const noteList = (task: IDataObject, filter = '', paginationToken?: string) =>
	searchListPage(
		engine,
		spec({ resource: 'taskNote', operation: 'get', taskNum: task }, V2),
		'searchTaskNotes',
		filter,
		paginationToken,
	);

describe('Task note pickers (node version 2)', () => {
	it.each([
		['get', 'taskNoteNum'],
		['update', 'taskNoteNum'],
		['create', 'taskNum'],
	])(
		'%s: the editor shows %s as a picker, list first, or By Number; version 1 its typed box',
		(operation, name) => {
			expect(idFieldByVersion('openDental', 'taskNote', operation, name)).toEqual(
				PICKER_BY_VERSION,
			);
		},
	);

	it.each(['get', 'update'])(
		'%s: a task picker comes above the note picker from version 2 only',
		(operation) => {
			expect(
				fieldOrderByVersion('openDental', 'taskNote', operation, ['taskNum', 'taskNoteNum']),
			).toEqual({
				version2: ['taskNum', 'taskNoteNum'],
				version1: ['taskNoteNum'],
			});
		},
	);

	it('By Number takes digits only, as the editor checks it', () => {
		const [picker] = shownProperties(
			'openDental',
			{ resource: 'taskNote', operation: 'get' },
			2,
		).filter((property) => property.name === 'taskNoteNum');
		const byNumber = picker.modes?.find((mode) => mode.name === 'id');
		const rule = byNumber?.validation?.[0] as
			| { type: string; properties: { regex: string } }
			| undefined;
		expect(rule?.type).toBe('regex');
		const regex = new RegExp(rule?.properties.regex ?? '');
		expect(['512', ' 512 ', 'abc', '5.12', ''].map((value) => regex.test(value))).toEqual([
			true,
			true,
			false,
			false,
			false,
		]);
	});

	it('lists the notes of the task picked above, and only those, by the start of the text and the date', async () => {
		const task = addTask({ Descript: 'Call the lab' });
		const other = addTask({ Descript: 'Order gloves' });
		const voicemail = fake.addNote({
			TaskNum: task.TaskNum,
			Note: 'Left a voicemail with the lab about the crown that was due on Friday\nsecond line',
		});
		const callback = fake.addNote({ TaskNum: task.TaskNum, Note: 'Lab called back' });
		fake.addNote({ TaskNum: other.TaskNum, Note: 'Gloves ordered' });
		fake.requests.length = 0;

		const page = await noteList(rl(task.TaskNum));

		expect(page.results).toEqual([
			{
				name: `Left a voicemail with the lab about the… (${voicemail.DateTimeNote.slice(0, 16)})`,
				value: String(voicemail.TaskNoteNum),
			},
			{
				name: `Lab called back (${callback.DateTimeNote.slice(0, 16)})`,
				value: String(callback.TaskNoteNum),
			},
		]);
		expect(page.paginationToken).toBeUndefined();
		expect(calls()).toEqual([`GET ${api('/tasknotes')}`]);
		expect(fake.requests[0].query).toEqual({
			TaskNum: String(task.TaskNum),
			Offset: '0',
			Limit: '100',
		});
	});

	it('what is typed narrows the notes; a task typed By Number lists its notes too', async () => {
		const task = addTask();
		fake.addNote({ TaskNum: task.TaskNum, Note: 'Left a voicemail' });
		const callback = fake.addNote({ TaskNum: task.TaskNum, Note: 'Lab CALLED back' });

		const page = await noteList(rl(task.TaskNum, 'id'), 'called');

		expect(page.results.map((result) => result.value)).toEqual([String(callback.TaskNoteNum)]);
	});

	it.each([
		['no task picked', rl('')],
		['a task that is not a number', rl('abc', 'id')],
	])('with %s above, the note list is empty and asks Open Dental nothing', async (_, task) => {
		fake.addNote({ TaskNum: addTask().TaskNum, Note: 'Left a voicemail' });
		fake.requests.length = 0;

		const page = await noteList(task);

		expect(page.results).toEqual([]);
		expect(fake.requests).toEqual([]);
	});

	it('loads on 100 notes at a time as the list scrolls, every note of the task once', async () => {
		const task = addTask();
		const made = Array.from({ length: 230 }, (_, index) =>
			String(fake.addNote({ TaskNum: task.TaskNum, Note: `Note ${index}` }).TaskNoteNum),
		);
		fake.addNote({ TaskNum: addTask().TaskNum, Note: 'Another task’s note' });

		const { values, loads } = await everyPickerValue((token) =>
			noteList(rl(task.TaskNum), '', token),
		);

		expect(values.sort()).toEqual(made.sort());
		expect(loads).toBe(3);
	});

	it.each([
		['picked from the list', 'list'],
		['typed By Number', 'id'],
	] as const)(
		'Get and Update with the note %s read and change that note; the task above is not sent',
		async (_, mode) => {
			const task = addTask();
			const note = fake.addNote({ TaskNum: task.TaskNum, Note: 'Left a voicemail' });
			const other = fake.addNote({ TaskNum: task.TaskNum, Note: 'Leave alone' });
			const picked = { taskNum: rl(task.TaskNum), taskNoteNum: rl(note.TaskNoteNum, mode) };

			const [read] = await ok({ resource: 'taskNote', operation: 'get', ...picked }, undefined, V2);
			await ok(
				{
					resource: 'taskNote',
					operation: 'update',
					...picked,
					updateFields: { note: 'Left two voicemails' },
				},
				undefined,
				V2,
			);

			expect(read).toMatchObject({ TaskNoteNum: note.TaskNoteNum, Note: 'Left a voicemail' });
			expect(calls()).toEqual([
				`GET ${api(`/tasknotes/${note.TaskNoteNum}`)}`,
				`PUT ${api(`/tasknotes/${note.TaskNoteNum}`)}`,
			]);
			expect(fake.requests.map((request) => request.query)).toEqual([{}, {}]);
			expect(fake.requests[1].body).toEqual({ Note: 'Left two voicemails' });
			expect(fake.notes.get(note.TaskNoteNum)?.Note).toBe('Left two voicemails');
			expect(fake.notes.get(other.TaskNoteNum)?.Note).toBe('Leave alone');
		},
	);

	it.each([
		['picked from the list', 'list'],
		['typed By Number', 'id'],
	] as const)('Create and Get Many’s filter send the task %s as TaskNum', async (_, mode) => {
		const task = addTask();
		const earlier = fake.addNote({ TaskNum: task.TaskNum, Note: 'Left a voicemail' });
		fake.addNote({ TaskNum: addTask().TaskNum, Note: 'Another task’s note' });

		const [created] = await ok(
			{
				resource: 'taskNote',
				operation: 'create',
				taskNum: rl(task.TaskNum, mode),
				userNum: rl(3),
				note: 'Lab called back',
			},
			undefined,
			V2,
		);
		const listed = await ok(
			{
				resource: 'taskNote',
				operation: 'getAll',
				returnAll: true,
				filters: { taskNum: rl(task.TaskNum, mode) },
			},
			undefined,
			V2,
		);

		expect(fake.requests[0].body).toEqual({
			TaskNum: task.TaskNum,
			UserNum: 3,
			Note: 'Lab called back',
		});
		expect(fake.requests[1].query).toEqual({
			TaskNum: String(task.TaskNum),
			Offset: '0',
			Limit: '100',
		});
		expect(listed.map((item) => item.TaskNoteNum)).toEqual([
			earlier.TaskNoteNum,
			created.TaskNoteNum,
		]);
	});

	it('a workflow saved with version 1 still reads the note its typed Task Note Number names', async () => {
		const note = fake.addNote({ TaskNum: addTask().TaskNum, Note: 'Left a voicemail' });

		const [read] = await ok({
			resource: 'taskNote',
			operation: 'get',
			taskNoteNum: String(note.TaskNoteNum),
		});

		expect(calls()).toEqual([`GET ${api(`/tasknotes/${note.TaskNoteNum}`)}`]);
		expect(read).toMatchObject({ TaskNoteNum: note.TaskNoteNum });
	});

	/** Each typed-number field of the note operations, with a value that is no number put in it. */
	const typedNumbers = (value: string): Array<[string, IDataObject, string]> => [
		['Get', { operation: 'get', taskNoteNum: rl(value, 'id') }, 'Task Note Number'],
		[
			'Update',
			{ operation: 'update', taskNoteNum: rl(value, 'id'), updateFields: { note: 'x' } },
			'Task Note Number',
		],
		[
			'Create',
			{ operation: 'create', taskNum: rl(value, 'id'), userNum: rl(3), note: 'x' },
			'Task Number',
		],
		[
			'Get Many',
			{ operation: 'getAll', returnAll: true, filters: { taskNum: rl(value, 'id') } },
			'Task Number',
		],
	];

	/** Why a run was refused: n8n's own check of the workflow (it throws), or the node's (the run's error). */
	const refusal = (parameters: IDataObject) =>
		refusalMessage(() => openDental({ resource: 'taskNote', ...parameters }, undefined, V2));

	it.each([
		// n8n checks a typed value against the mode's rule before it runs the node at all.
		...typedNumbers('12x').map(
			([operation, parameters, field]) => [operation, 'typed', field, parameters] as const,
		),
		// An expression's value is only known on run: the node's own check refuses it.
		...typedNumbers('={{ "5.12" }}').map(
			([operation, parameters, field]) =>
				[operation, 'from an expression', field, parameters] as const,
		),
	])(
		'%s refuses a By Number value that is no number (%s) before any request, naming "%s"',
		async (_operation, _how, field, parameters) => {
			expect(await refusal(parameters)).toContain(`"${field}" must be a whole number`);
			expect(fake.requests).toEqual([]);
		},
	);
});
