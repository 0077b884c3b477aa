/** Staff tasks: `/staff_tasks` list, get, create, update and delete (a soft delete: the task is canceled). */
import type { FakeRequest, FakeResponse } from '../kit';
import { guarded } from './auth';
import { fail, isResponse, jsonBody, ok } from './envelope';
import type { OliverStore } from './store';
import { OLIVER_API_PREFIX, type OliverTask, STATUSES, TASK_TYPES } from './types';

type WritableField =
	| 'title'
	| 'description'
	| 'task_type'
	| 'status'
	| 'client_id'
	| 'patient_id'
	| 'reference_time_at';

const CREATE_FIELDS: readonly WritableField[] = [
	'title',
	'description',
	'task_type',
	'client_id',
	'patient_id',
	'reference_time_at',
];

const UPDATE_FIELDS: readonly WritableField[] = [...CREATE_FIELDS, 'status'];

/** RFC 3339 date-time, what OpenAPI's `format: date-time` means: seconds and an offset are required. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function isDateTime(value: string): boolean {
	const match = DATE_TIME.exec(value);
	if (!match) return false;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
	const calendar = new Date(Date.UTC(year, month - 1, day));
	return (
		calendar.getUTCMonth() === month - 1 &&
		calendar.getUTCDate() === day &&
		hour < 24 &&
		minute < 60 &&
		second < 61 &&
		!Number.isNaN(Date.parse(value))
	);
}

function listTasks(fake: OliverStore, request: FakeRequest): FakeResponse {
	const reject = fake.options.invalidListQuery === 'reject';
	let status = request.query.status as OliverTask['status'] | undefined;
	if (status !== undefined && !STATUSES.includes(status)) {
		if (reject)
			return fail(400, `Invalid status "${status}": use one of ${STATUSES.join(', ')}`, {
				field: 'status',
			});
		status = undefined;
	}
	const integer = (name: string, fallback: number, min: number): number | FakeResponse => {
		const raw = request.query[name];
		if (raw === undefined) return fallback;
		const value = Number(raw);
		if (raw.trim() !== '' && Number.isInteger(value) && value >= min) return value;
		return reject ? fail(400, `Invalid ${name} "${raw}"`, { field: name }) : fallback;
	};
	// [inferred] sheet Unknown: "the page base". Page 0 is the default; first page or clamped to 1: option firstPage.
	const asked = integer('page', 0, 0);
	if (isResponse(asked)) return asked;
	const firstPage = fake.options.firstPage;
	const page = Math.max(asked, firstPage);
	let perPage = integer('per_page', fake.options.defaultPerPage, 1);
	if (isResponse(perPage)) return perPage;
	if (perPage > fake.options.maxPerPage) {
		if (fake.options.perPageAboveMax === 'reject') {
			return fail(400, `per_page must be at most ${fake.options.maxPerPage}`, {
				field: 'per_page',
			});
		}
		perPage = fake.options.maxPerPage;
	}
	const matching = [...fake.tasks.values()].filter(
		(task) => status === undefined || task.status === status,
	);
	if (fake.options.listOrder === 'newest-first') matching.reverse();
	if (fake.options.listOrder === 'recently-updated-first')
		matching.sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at));
	const start = (page - firstPage) * perPage;
	const answer = ok({
		page,
		per_page: perPage,
		// No tasks: 0 pages; a page past the end: empty content. The plain arithmetic, not a modelled guess.
		total_pages: Math.ceil(matching.length / perPage),
		total_count: matching.length,
		// Copies: the page is what Oliver read when it answered, whatever changes right after.
		content: structuredClone(matching.slice(start, start + perPage)),
	});
	fake.afterListPage?.(page);
	return answer;
}

function getTask(fake: OliverStore, request: FakeRequest): FakeResponse {
	const task = fake.tasks.get(request.params.id);
	return task ? ok(task) : taskNotFound(request.params.id);
}

function taskNotFound(id: string): FakeResponse {
	return fail(404, `Staff task ${id} not found`);
}

/** Checks the fields sent; a 400 names the field. Returns only what was sent. */
function readFields(
	fake: OliverStore,
	body: Record<string, unknown>,
	allowed: readonly WritableField[],
): Partial<OliverTask> | FakeResponse {
	const bad = (field: string, message: string) => fail(400, message, { field });
	if (fake.options.unknownFields === 'reject') {
		const unknown = Object.keys(body).find((key) => !allowed.includes(key as WritableField));
		if (unknown !== undefined) return bad(unknown, `Unknown or read-only field: ${unknown}`);
	}
	const fields: Partial<OliverTask> = {};
	const text = (
		key: 'title' | 'description' | 'client_id' | 'patient_id',
		value: unknown,
	): string | null | FakeResponse => {
		if (typeof value === 'string') return value;
		if (typeof value === 'number' && !fake.options.strictTypes) return String(value);
		// [inferred] sheet Unknown: whether null clears description, client_id, patient_id: option nullOnOptionalText.
		if (value === null && key !== 'title' && fake.options.nullOnOptionalText === 'clear')
			return null;
		return bad(key, `${key} must be a string`);
	};
	for (const key of ['title', 'description', 'client_id', 'patient_id'] as const) {
		if (!allowed.includes(key) || body[key] === undefined) continue;
		const value = text(key, body[key]);
		if (isResponse(value)) return value;
		(fields as Record<string, unknown>)[key] = value;
	}
	// [inferred] a blank title: option blankTitle (no sheet line decides).
	if (
		fake.options.blankTitle === 'refuse' &&
		fields.title !== undefined &&
		fields.title !== null &&
		fields.title.trim() === ''
	)
		return bad('title', 'title must not be blank');
	if (body.task_type !== undefined) {
		if (!TASK_TYPES.includes(body.task_type as OliverTask['task_type'])) {
			return bad(
				'task_type',
				`Invalid task_type "${String(body.task_type)}": use one of ${TASK_TYPES.join(', ')}`,
			);
		}
		fields.task_type = body.task_type as OliverTask['task_type'];
	}
	if (allowed.includes('status') && body.status !== undefined) {
		if (!STATUSES.includes(body.status as OliverTask['status'])) {
			return bad(
				'status',
				`Invalid status "${String(body.status)}": use one of ${STATUSES.join(', ')}`,
			);
		}
		fields.status = body.status as OliverTask['status'];
	}
	if (body.reference_time_at !== undefined) {
		const value = body.reference_time_at;
		if (value !== null && (typeof value !== 'string' || !isDateTime(value))) {
			return bad(
				'reference_time_at',
				'reference_time_at must be an ISO 8601 date-time, e.g. 2026-12-01T14:30:00Z',
			);
		}
		// [inferred] as sent, or in UTC: option referenceTimeAnswer (no sheet line decides).
		fields.reference_time_at =
			value !== null && fake.options.referenceTimeAnswer === 'utc'
				? new Date(value as string).toISOString()
				: (value as string | null);
	}
	const refStatus = fake.options.unknownReferenceStatus;
	if (refStatus !== null) {
		if (fields.client_id && !fake.clients.has(fields.client_id))
			return fail(refStatus, `client_id: client ${fields.client_id} not found`, {
				field: 'client_id',
			});
		if (fields.patient_id && !fake.patients.has(fields.patient_id)) {
			return fail(refStatus, `patient_id: patient ${fields.patient_id} not found`, {
				field: 'patient_id',
			});
		}
	}
	return fields;
}

function createTask(fake: OliverStore, request: FakeRequest): FakeResponse {
	const body = jsonBody(request);
	if (isResponse(body)) return body;
	if (body.title === undefined || body.title === null)
		return fail(400, 'title is required', { field: 'title' });
	// Fields outside the create request (status among them) are ignored, or refused by option.
	const fields = readFields(fake, body, CREATE_FIELDS);
	if (isResponse(fields)) return fields;
	return ok(
		fake.addTask({
			...fields,
			title: fields.title as string,
			status: 'pending',
			finalized_at: null,
		}),
		201,
	);
}

function updateTask(fake: OliverStore, request: FakeRequest): FakeResponse {
	const task = fake.tasks.get(request.params.id);
	if (!task) return taskNotFound(request.params.id);
	const body = jsonBody(request);
	if (isResponse(body)) return body;
	const fields = readFields(fake, body, UPDATE_FIELDS);
	if (isResponse(fields)) return fields;
	if (fields.status === 'canceled' && task.status !== 'canceled') {
		const refused = refuseCancel(fake, task);
		if (refused) return refused;
	}
	const now = fake.now();
	const finalizedBefore = task.finalized_at;
	if (
		fields.status !== undefined &&
		(fields.status !== task.status || fake.options.refinalizeOnSameStatus)
	) {
		// Documented: completed or canceled sets finalized_at; pending clears it.
		task.finalized_at = fields.status === 'pending' ? null : now;
	}
	// [inferred] whether a PUT that changes nothing moves updated_at: option updatedAtOn (no sheet line decides).
	const changes = (Object.keys(fields) as Array<keyof OliverTask>).some(
		(name) => fields[name] !== task[name],
	);
	if (changes || finalizedBefore !== task.finalized_at || fake.options.updatedAtOn === 'every-put')
		task.updated_at = now;
	Object.assign(task, fields);
	return ok(task, 200, 'Staff task updated');
}

function refuseCancel(fake: OliverStore, task: OliverTask): FakeResponse | undefined {
	if (fake.options.enforceCancellationAllowed && !task.cancellation_allowed) {
		return fail(400, `Staff task ${task.id} cannot be canceled`, { field: 'status' });
	}
	return undefined;
}

function deleteTask(fake: OliverStore, request: FakeRequest): FakeResponse {
	const task = fake.tasks.get(request.params.id);
	if (!task) return taskNotFound(request.params.id);
	// [inferred] a task already canceled: option deleteCanceled (no sheet line decides); finalized_at is kept.
	if (task.status === 'canceled')
		return fake.options.deleteCanceled === 'reject'
			? fail(400, `Staff task ${task.id} is already canceled`)
			: { status: 200, body: { success: true } };
	const refused = refuseCancel(fake, task);
	if (refused) return refused;
	// Documented soft delete: status canceled, finalized_at recorded, the record stays.
	const now = fake.now();
	task.status = 'canceled';
	task.finalized_at = now;
	task.updated_at = now;
	return { status: 200, body: { success: true } };
}

export function taskRoutes(fake: OliverStore): void {
	const api = (path: string) => `${OLIVER_API_PREFIX}${path}`;
	fake.server
		.on(
			'GET',
			api('/staff_tasks'),
			guarded(fake, (request) => listTasks(fake, request)),
		)
		.on(
			'GET',
			api('/staff_tasks/:id'),
			guarded(fake, (request) => getTask(fake, request)),
		)
		.on(
			'POST',
			api('/staff_tasks'),
			guarded(fake, (request) => createTask(fake, request)),
		)
		.on(
			'PUT',
			api('/staff_tasks/:id'),
			guarded(fake, (request) => updateTask(fake, request)),
		)
		.on(
			'DELETE',
			api('/staff_tasks/:id'),
			guarded(fake, (request) => deleteTask(fake, request)),
		);
}
