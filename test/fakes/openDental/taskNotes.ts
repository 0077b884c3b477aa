/** Task notes: `/tasknotes` list, get, create and update. */
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded } from './gates';
import { dateTime, integer, isResponse, jsonBody, missing, ok, text } from './input';
import { paged } from './paging';
import type { OpenDentalStore } from './store';
import { OPEN_DENTAL_API_PREFIX, type OpenDentalTaskNote } from './types';

function listNotes(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	let rows = [...fake.notes.values()];
	for (const name of ['TaskNum', 'UserNum'] as const) {
		if (request.query[name] === undefined) continue;
		const num = integer(fake, name, request.query[name], true);
		if (isResponse(num)) return num;
		rows = rows.filter((note) => note[name] === num);
	}
	rows.sort((a, b) => a.TaskNoteNum - b.TaskNoteNum);
	const page = paged(fake, request, rows);
	return isResponse(page) ? page : ok(page);
}

function noteByParam(
	fake: OpenDentalStore,
	request: FakeRequest,
): OpenDentalTaskNote | FakeResponse {
	const num = integer(fake, 'TaskNoteNum', request.params.TaskNoteNum, true);
	if (isResponse(num)) return num;
	return fake.notes.get(num) ?? fake.fail(404, `TaskNote ${num} not found.`);
}

function getNote(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const note = noteByParam(fake, request);
	return isResponse(note) ? note : ok(note);
}

function noteText(fake: OpenDentalStore, value: unknown): string | FakeResponse {
	if (value === undefined || value === null) return fake.fail(400, 'Note is required.');
	const note = text(fake, 'Note', value);
	if (isResponse(note)) return note;
	return note.trim() === '' ? fake.fail(400, 'Note cannot be blank.') : note;
}

function createNote(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const body = jsonBody(fake, request);
	if (isResponse(body)) return body;
	for (const name of ['TaskNum', 'UserNum']) {
		if (body[name] === undefined || body[name] === null)
			return fake.fail(400, `${name} is required.`);
	}
	const taskNum = integer(fake, 'TaskNum', body.TaskNum);
	if (isResponse(taskNum)) return taskNum;
	const userNum = integer(fake, 'UserNum', body.UserNum);
	if (isResponse(userNum)) return userNum;
	const note = noteText(fake, body.Note);
	if (isResponse(note)) return note;
	if (!fake.tasks.has(taskNum)) return missing(fake, 'Task', taskNum);
	if (!fake.users.has(userNum)) return missing(fake, 'User', userNum);
	return ok(
		fake.addNote({
			TaskNum: taskNum,
			UserNum: userNum,
			Note: note,
			DateTimeNote: fake.officeTime(),
		}),
		201,
	);
}

function updateNote(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const note = noteByParam(fake, request);
	if (isResponse(note)) return note;
	const body = jsonBody(fake, request);
	if (isResponse(body)) return body;
	const fields: Partial<OpenDentalTaskNote> = {};
	if (body.Note !== undefined) {
		const text = noteText(fake, body.Note);
		if (isResponse(text)) return text;
		fields.Note = text;
	}
	if (body.DateTimeNote !== undefined) {
		const value = dateTime(fake, 'DateTimeNote', body.DateTimeNote);
		if (isResponse(value)) return value;
		fields.DateTimeNote = value;
	}
	Object.assign(note, fields);
	return ok(note);
}

export function taskNoteRoutes(fake: OpenDentalStore): void {
	const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
	fake.server
		.on(
			'GET',
			api('/tasknotes'),
			guarded(fake, '24.4.22', (r) => listNotes(fake, r)),
		)
		.on(
			'GET',
			api('/tasknotes/:TaskNoteNum'),
			guarded(fake, '24.4.22', (r) => getNote(fake, r)),
		)
		.on(
			'POST',
			api('/tasknotes'),
			guarded(fake, '24.4.22', (r) => createNote(fake, r)),
		)
		.on(
			'PUT',
			api('/tasknotes/:TaskNoteNum'),
			guarded(fake, '24.4.22', (r) => updateNote(fake, r)),
		);
}
