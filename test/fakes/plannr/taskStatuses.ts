/**
 * Task statuses: `GET /task-status`, `POST /task-status` and `PUT /task-status/{uuid}` (post-api-v1-task-status:
 * body `name` required, `colour`; put-api-v1-task-status-parameter: `name`, `colour`, `position`, and "You
 * cannot update a completed statuses details except it's position"). Answers are the bare status, as the
 * pages' examples show.
 */
import type { FakeRequest, FakeResponse } from '../kit';
import { isResponse, message, Validation } from './errors';
import { type Context, api, on } from './gates';
import { type Body, readInput } from './input';
import { paginate } from './paging';
import { comparator, queryNames } from './query';
import type { PlannrStore } from './store';
import { PLANNR_API_V1, type PlannrStatus, STATUS_SORTS } from './types';

function listStatuses(fake: PlannrStore, context: Context): FakeResponse {
	const names = queryNames(
		fake,
		context.request,
		{ filters: [], sorts: STATUS_SORTS, includes: [] },
		'position',
	);
	if (isResponse(names)) return names;
	const rows = [...fake.statuses.values()].sort(
		comparator<PlannrStatus>(
			fake,
			names.sorts,
			(status, field) =>
				field === 'created_at'
					? Date.parse(status.created_at)
					: field === 'name'
						? status.name.toLowerCase()
						: status.position,
			(status) => status.position,
		),
	);
	if (fake.options.statusListPaginated)
		return paginate(fake, context.request, rows, (status) => status);
	return { status: 200, body: { data: rows } };
}

type StatusFields = Partial<
	Pick<PlannrStatus, 'name' | 'colour' | 'position' | 'is_type_completed' | 'is_not_started'>
>;

/** The fields a status's details are: everything a completed-type status may not change. */
const DETAILS = ['name', 'colour', 'is_type_completed', 'is_not_started'] as const;

/** Laravel's `boolean` rule: true, false, 1, 0, "1", "0". */
function booleanOf(value: unknown): boolean | undefined {
	if (value === true || value === 1 || value === '1') return true;
	if (value === false || value === 0 || value === '0') return false;
	return undefined;
}

/** Validates a status body (create: name required) into the fields to set. */
function readStatus(fake: PlannrStore, body: Body, creating: boolean): StatusFields | FakeResponse {
	const v = new Validation(fake.messages);
	const fields: StatusFields = {};
	const present = (key: string) => key in body;
	const extras = fake.options.statusBodyExtras === 'take';

	if (creating || present('name')) {
		if (body.name === undefined || body.name === null) v.add('name', 'required');
		else if (typeof body.name !== 'string') v.add('name', 'string');
		// [inferred] statusNameMaxLength.
		else if (
			fake.options.statusNameMaxLength !== null &&
			body.name.length > fake.options.statusNameMaxLength
		)
			v.add('name', 'max', { max: fake.options.statusNameMaxLength });
		else fields.name = body.name;
	}
	if (present('colour')) {
		if (typeof body.colour !== 'string') v.add('colour', 'string');
		else if (fake.options.statusColourFormat === 'hex' && !/^#[0-9a-f]{6}$/i.test(body.colour))
			v.add('colour', 'hex_color');
		else fields.colour = body.colour;
	}
	// Documented on PUT only; on POST only when the fake takes fields beyond the documented body.
	if (present('position') && (!creating || extras)) {
		const value = body.position;
		const whole =
			typeof value === 'number'
				? Number.isInteger(value)
				: typeof value === 'string' && /^-?\d+$/.test(value);
		if (!whole) v.add('position', 'integer');
		// [inferred] statusPositionMin.
		else if (
			fake.options.statusPositionMin !== null &&
			Number(value) < fake.options.statusPositionMin
		)
			v.add('position', 'min_numeric', { min: fake.options.statusPositionMin });
		else fields.position = Number(value);
	}
	if (extras) {
		for (const key of ['is_type_completed', 'is_not_started'] as const) {
			if (!present(key)) continue;
			const flag = booleanOf(body[key]);
			if (flag === undefined) v.add(key, 'boolean');
			else fields[key] = flag;
		}
	}
	return v.failed ? v.response() : fields;
}

/** [inferred] unknownStatusAnswer: a status uuid in the path that does not exist. */
export function unknownStatus(fake: PlannrStore, uuid: string): FakeResponse {
	if (fake.options.unknownStatusAnswer === 404)
		return message(404, `No query results for model [App\\Models\\TaskStatus] ${uuid}`);
	const v = new Validation(fake.messages);
	v.add('task_status_uuid', 'exists');
	return v.response();
}

function statusByParam(fake: PlannrStore, request: FakeRequest): PlannrStatus | FakeResponse {
	return fake.statuses.get(request.params.uuid) ?? unknownStatus(fake, request.params.uuid);
}

function postStatus(fake: PlannrStore, context: Context): FakeResponse {
	const fields = readStatus(fake, readInput(context.request), true);
	if (isResponse(fields)) return fields;
	// A new status is appended to the order; [inferred] newStatusColour when none is sent.
	const last = Math.max(0, ...[...fake.statuses.values()].map((status) => status.position));
	const status = fake.addStatus({
		colour: fake.options.newStatusColour,
		position: last + 1,
		...(fields as StatusFields & { name: string }),
	});
	return { status: 201, body: { ...status } };
}

function putStatus(fake: PlannrStore, context: Context): FakeResponse {
	const status = statusByParam(fake, context.request);
	if (isResponse(status)) return status;
	const fields = readStatus(fake, readInput(context.request), false);
	if (isResponse(fields)) return fields;
	if (status.is_type_completed) {
		// [inferred] completedStatusSameDetails: a detail sent with the value it already has counts, or not.
		const sameCounts = fake.options.completedStatusSameDetails === 'reject';
		const changed = DETAILS.filter(
			(key) => fields[key] !== undefined && (sameCounts || fields[key] !== status[key]),
		);
		if (changed.length > 0 && fake.options.completedStatusDetails === 'reject') {
			const v = new Validation(fake.messages);
			for (const key of changed) v.add(key, 'completed_status_locked');
			return v.response();
		}
		for (const key of DETAILS) delete fields[key];
	}
	// Only this status changes; updated_at moves on every accepted update.
	Object.assign(status, fields, { updated_at: fake.isoNow() });
	return { status: fake.options.statusUpdateStatus, body: { ...status } };
}

export function taskStatusRoutes(fake: PlannrStore): void {
	const v1 = (path: string) => `${PLANNR_API_V1}${path}`;
	on(
		fake,
		'GET',
		v1('/task-status'),
		api(fake, (c) => listStatuses(fake, c)),
	);
	on(
		fake,
		'POST',
		v1('/task-status'),
		api(fake, (c) => postStatus(fake, c)),
	);
	on(
		fake,
		'PUT',
		v1('/task-status/:uuid'),
		api(fake, (c) => putStatus(fake, c)),
	);
	if (fake.options.acceptPatchForUpdate)
		on(
			fake,
			'PATCH',
			v1('/task-status/:uuid'),
			api(fake, (c) => putStatus(fake, c)),
		);
}
