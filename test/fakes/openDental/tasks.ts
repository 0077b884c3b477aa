/** Tasks: `/tasks` list, get, create and update (a Descript on a Done task reopens it as Viewed). */
import type { DateTime } from 'luxon';
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded, VERSION_REFUSAL, versionOlder } from './gates';
import {
	type Body,
	dateTime,
	enumValue,
	integer,
	isResponse,
	jsonBody,
	keyAndType,
	missing,
	ok,
	text,
} from './input';
import { paged } from './paging';
import type { OpenDentalStore } from './store';
import {
	DATE_TIME_FORMAT,
	OPEN_DENTAL_API_PREFIX,
	type OpenDentalTask,
	TASK_STATUSES,
	UNSET_DATE_TIME,
} from './types';

/** Documented: the version that added TaskStatus to PUT /tasks/{TaskNum}. */
const PUT_TASK_STATUS_SINCE = '24.2.10';

/** The optional fields both POST and PUT take. */
function optionalTaskFields(
	fake: OpenDentalStore,
	body: Body,
	fields: Partial<OpenDentalTask>,
): FakeResponse | undefined {
	const keyed = keyAndType(fake, body, fields);
	if (keyed) return keyed;
	if (body.DateTimeEntry !== undefined) {
		const value = dateTime(fake, 'DateTimeEntry', body.DateTimeEntry);
		if (isResponse(value)) return value;
		fields.DateTimeEntry = value;
	}
	if (body.PriorityDefNum !== undefined) {
		const value = integer(fake, 'PriorityDefNum', body.PriorityDefNum);
		if (isResponse(value)) return value;
		if (!fake.priorities.has(value)) return missing(fake, 'PriorityDefNum', value);
		fields.PriorityDefNum = value;
	}
	if (body.DescriptOverride !== undefined) {
		const value = text(fake, 'DescriptOverride', body.DescriptOverride);
		if (isResponse(value)) return value;
		if (value.length > 256)
			return fake.fail(400, 'DescriptOverride cannot be longer than 256 characters.');
		fields.DescriptOverride = value;
	}
	return undefined;
}

/** [inferred] a blank Descript: option blankDescript (no sheet line decides). */
function blankDescriptRefusal(fake: OpenDentalStore, descript: string): FakeResponse | undefined {
	if (descript.trim() !== '' || fake.options.blankDescript === 'accept') return undefined;
	return fake.fail(400, 'Descript cannot be blank.');
}

function taskByParam(fake: OpenDentalStore, request: FakeRequest): OpenDentalTask | FakeResponse {
	const num = integer(fake, 'TaskNum', request.params.TaskNum, true);
	if (isResponse(num)) return num;
	return fake.tasks.get(num) ?? fake.fail(404, `Task ${num} not found.`);
}

function getTask(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const task = taskByParam(fake, request);
	return isResponse(task) ? task : ok(task);
}

function listTasks(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const q = request.query;
	let rows = [...fake.tasks.values()];
	if (q.TaskListNum !== undefined) {
		const num = integer(fake, 'TaskListNum', q.TaskListNum, true);
		if (isResponse(num)) return num;
		// [inferred] GET documents a 404 without saying when: option unknownTaskListFilter (no sheet line decides).
		if (!fake.taskLists.has(num) && fake.options.unknownTaskListFilter === 'not-found')
			return missing(fake, 'TaskList', num);
		rows = rows.filter((task) => task.TaskListNum === num);
	}
	const keyed: Partial<OpenDentalTask> = {};
	const refused = keyAndType(fake, q, keyed, true);
	if (refused) return refused;
	if (keyed.ObjectType !== undefined)
		rows = rows.filter((task) => task.ObjectType === keyed.ObjectType);
	if (keyed.KeyNum !== undefined) rows = rows.filter((task) => task.KeyNum === keyed.KeyNum);
	if (q.TaskStatus !== undefined) {
		const status = enumValue(fake, 'TaskStatus', q.TaskStatus, TASK_STATUSES);
		if (isResponse(status)) return status;
		rows = rows.filter((task) => task.TaskStatus === status);
	}
	// Documented: tasks created after DateTimeOriginal; by default the previous 14 days.
	let after: DateTime;
	if (q.DateTimeOriginal !== undefined) {
		const parsed = fake.parseDateTime(q.DateTimeOriginal);
		if (!parsed)
			return fake.fail(400, 'DateTimeOriginal is invalid: use the format yyyy-MM-dd HH:mm:ss.');
		after = parsed;
	} else {
		after = fake.localNow().minus({ days: 14 });
	}
	const bound = after.toFormat(DATE_TIME_FORMAT);
	// The fixed-width format sorts as text.
	rows = rows.filter((task) =>
		fake.options.createdAfterInclusive
			? task.DateTimeOriginal >= bound
			: task.DateTimeOriginal > bound,
	);
	// [inferred] the order: option listOrder (no sheet line decides).
	const direction = fake.options.listOrder === 'task-num-desc' ? -1 : 1;
	rows.sort((a, b) => direction * (a.TaskNum - b.TaskNum));
	const page = paged(fake, request, rows);
	return isResponse(page) ? page : ok(page);
}

function createTask(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const body = jsonBody(fake, request);
	if (isResponse(body)) return body;
	for (const name of ['TaskListNum', 'Descript', 'UserNum']) {
		if (body[name] === undefined || body[name] === null)
			return fake.fail(400, `${name} is required.`);
	}
	const listNum = integer(fake, 'TaskListNum', body.TaskListNum);
	if (isResponse(listNum)) return listNum;
	const userNum = integer(fake, 'UserNum', body.UserNum);
	if (isResponse(userNum)) return userNum;
	const descript = text(fake, 'Descript', body.Descript);
	if (isResponse(descript)) return descript;
	const blank = blankDescriptRefusal(fake, descript);
	if (blank) return blank;
	const fields: Partial<OpenDentalTask> = {};
	const refused = optionalTaskFields(fake, body, fields);
	if (refused) return refused;
	// References are checked after the fields. No sheet line refuses an archived list: none is refused.
	if (!fake.taskLists.has(listNum)) return missing(fake, 'TaskList', listNum);
	if (!fake.users.has(userNum)) return missing(fake, 'User', userNum);
	const now = fake.officeTime();
	const task = fake.addTask({
		...fields,
		TaskListNum: listNum,
		UserNum: userNum,
		Descript: descript,
		TaskStatus: 'New',
		DateTimeEntry: fields.DateTimeEntry ?? now,
		DateTimeOriginal: now,
		SecDateTEdit: now,
		DateTimeFinished: UNSET_DATE_TIME,
		PriorityDefNum: fields.PriorityDefNum ?? fake.defaultPriority() ?? 0,
	});
	return ok(task, 201);
}

function updateTask(fake: OpenDentalStore, request: FakeRequest): FakeResponse {
	const task = taskByParam(fake, request);
	if (isResponse(task)) return task;
	const body = jsonBody(fake, request);
	if (isResponse(body)) return body;
	const fields: Partial<OpenDentalTask> = {};
	if (body.Descript !== undefined) {
		const descript = text(fake, 'Descript', body.Descript);
		if (isResponse(descript)) return descript;
		const blank = blankDescriptRefusal(fake, descript);
		if (blank) return blank;
		fields.Descript = descript;
	}
	if (body.TaskStatus !== undefined) {
		if (versionOlder(fake.options.version, PUT_TASK_STATUS_SINCE)) {
			return fake.fail(
				400,
				`${VERSION_REFUSAL}: TaskStatus needs version ${PUT_TASK_STATUS_SINCE} or later; the office database is on version ${fake.options.version}.`,
			);
		}
		const status = enumValue(fake, 'TaskStatus', body.TaskStatus, TASK_STATUSES);
		if (isResponse(status)) return status;
		fields.TaskStatus = status;
	}
	const refused = optionalTaskFields(fake, body, fields);
	if (refused) return refused;

	// Documented (seed 001): a Descript on a Done task sets it to Viewed.
	const descriptTriggers =
		fields.Descript !== undefined &&
		(fake.options.doneToViewedOn === 'any-descript' || fields.Descript !== task.Descript);
	let status = fields.TaskStatus ?? task.TaskStatus;
	if (
		task.TaskStatus === 'Done' &&
		descriptTriggers &&
		(fields.TaskStatus === undefined || !fake.options.explicitStatusWins)
	) {
		status = 'Viewed';
	}
	const now = fake.officeTime();
	if (status === 'Done' && task.TaskStatus !== 'Done') fields.DateTimeFinished = now;
	// [inferred] sheet: "Whether leaving Done clears it is not documented": option reopenClearsFinished.
	if (status !== 'Done' && task.TaskStatus === 'Done' && fake.options.reopenClearsFinished)
		fields.DateTimeFinished = UNSET_DATE_TIME;
	// [inferred] whether a PUT that changes nothing moves SecDateTEdit: option secDateTEditOn (no sheet line decides).
	const changes = (Object.keys(fields) as Array<keyof OpenDentalTask>).some(
		(name) => fields[name] !== task[name],
	);
	const moved =
		changes || status !== task.TaskStatus || fake.options.secDateTEditOn === 'every-put';
	Object.assign(task, fields, { TaskStatus: status, ...(moved ? { SecDateTEdit: now } : {}) });
	return ok(task);
}

export function taskRoutes(fake: OpenDentalStore): void {
	const api = (path: string) => `${OPEN_DENTAL_API_PREFIX}${path}`;
	fake.server
		.on(
			'GET',
			api('/tasks'),
			guarded(fake, '22.3.16', (r) => listTasks(fake, r)),
		)
		.on(
			'GET',
			api('/tasks/:TaskNum'),
			guarded(fake, '24.4.13', (r) => getTask(fake, r)),
		)
		.on(
			'POST',
			api('/tasks'),
			guarded(fake, '22.3.17', (r) => createTask(fake, r)),
		)
		.on(
			'PUT',
			api('/tasks/:TaskNum'),
			guarded(fake, '22.4.15', (r) => updateTask(fake, r)),
		);
}
