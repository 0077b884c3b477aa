/** Master tasks: `/master-tasks` list (cursor paging, search), create, update (PATCH) and delete. */
import type { FakeRequest } from '../kit';
import { envelopeError, refuse } from './envelope';
import { type Answer, type Context, api, on } from './gates';
import {
	type Body,
	flag,
	intParam,
	isObject,
	lookup,
	queryValues,
	readBody,
	readUlid,
} from './input';
import type { HumanityStore } from './store';
import {
	HUMANITY_API_PREFIX,
	type HumanityEmployee,
	type HumanityMasterTask,
	ROLES,
} from './types';
import { masterTaskViewOf } from './views';

function sortKey(fake: HumanityStore, task: HumanityMasterTask): string {
	return fake.options.masterTaskOrder === 'name'
		? `${task.name.toLowerCase()}\u0000${task.id}`
		: task.id;
}

function listMasterTasks(fake: HumanityStore, { request }: Context): Answer {
	const q = request.query;
	let rows = [...fake.masterTasks.values()];
	if (!flag(q.includeDeleted, 'includeDeleted'))
		rows = rows.filter((task) => task.deletedAt === null);
	const term = q.searchTerm?.trim() ?? '';
	if (term !== '') {
		if (term.length < 3 && fake.options.shortSearchTerm === 'reject')
			return refuse(9, 'searchTerm must be at least 3 characters');
		if (term.length >= 3) {
			// Documented: the name, and the description too only with descriptionSearchEnabled (default false).
			// [inferred] searchTermCase: no sheet line decides whether the case counts.
			const fold = (text: string) =>
				fake.options.searchTermCase === 'insensitive' ? text.toLowerCase() : text;
			const needle = fold(term);
			const inDescriptions = flag(q.descriptionSearchEnabled, 'descriptionSearchEnabled');
			rows = rows.filter(
				(task) =>
					fold(task.name).includes(needle) ||
					(inDescriptions && fold(task.description).includes(needle)),
			);
		}
	}
	const positionIds = queryValues(request, 'positionIds').map((value) =>
		intParam(value, 'positionIds'),
	);
	// [inferred] positionIdsMatch: no sheet line decides whether any or all of the positions must match.
	if (positionIds.length > 0) {
		const matches = (task: HumanityMasterTask) =>
			fake.options.positionIdsMatch === 'all'
				? positionIds.every((id) => task.positionIds.includes(id))
				: task.positionIds.some((id) => positionIds.includes(id));
		rows = rows.filter(matches);
	}

	let limit = fake.options.masterTaskDefaultLimit;
	if (q.limit !== undefined && q.limit !== '') {
		limit = intParam(q.limit, 'limit');
		if (limit < 1) return refuse(9, 'limit must be at least 1');
		if (limit > fake.options.masterTaskMaxLimit) {
			if (fake.options.limitAboveMax === 'reject')
				return refuse(9, `limit must not be more than ${fake.options.masterTaskMaxLimit}`);
			limit = fake.options.masterTaskMaxLimit;
		}
	}
	rows.sort((a, b) =>
		sortKey(fake, a) < sortKey(fake, b) ? -1 : sortKey(fake, a) > sortKey(fake, b) ? 1 : 0,
	);
	if (q.cursor !== undefined && q.cursor !== '') {
		const after = readCursor(q.cursor);
		rows = rows.filter((task) => sortKey(fake, task) > after);
	}
	const page = rows.slice(0, limit);
	const more = rows.length > limit;
	const next = more
		? Buffer.from(JSON.stringify({ after: sortKey(fake, page[page.length - 1]) })).toString(
				'base64url',
			)
		: null;
	const metadata =
		next === null && fake.options.lastPageMetadata === 'empty-array'
			? []
			: { [fake.options.cursorKey]: next };
	return { data: page.map((task) => masterTaskViewOf(task)), metadata };
}

/** The cursor is opaque to clients: base64url of the last row's sort key. */
function readCursor(cursor: string): string {
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
		if (isObject(parsed) && typeof parsed.after === 'string') return parsed.after;
	} catch {
		// falls through to the refusal
	}
	return refuse(9, 'cursor is invalid');
}

function readPositionIds(fake: HumanityStore, value: unknown, name: string): number[] {
	if (!Array.isArray(value)) return refuse(9, `${name} must be an array of position ids`);
	const ids = value.map((id) =>
		typeof id === 'number' && Number.isInteger(id)
			? id
			: typeof id === 'string' && /^\d+$/.test(id)
				? Number(id)
				: refuse(9, `${name} must hold position ids`),
	);
	// [inferred] masterTaskPositionsRequired: sheet: "`positionIds` (required `[inferred]`)".
	if (ids.length === 0 && fake.options.masterTaskPositionsRequired)
		return refuse(9, `${name} must name at least one position`);
	// [inferred] unknownPositionIds: no sheet line decides whether every position must exist.
	if (fake.options.unknownPositionIds === 'reject')
		for (const id of ids)
			if (!fake.positions.has(id)) refuse(9, `${name}: position ${id} not found`);
	return [...new Set(ids)];
}

/** POST and PATCH share the optional fields. */
function readMasterTaskFields(
	fake: HumanityStore,
	body: Body,
	fields: Partial<HumanityMasterTask>,
): void {
	if (body.name !== undefined) {
		if (typeof body.name !== 'string' || body.name.trim() === '')
			refuse(9, 'name must be a non-empty string');
		fields.name = body.name as string;
	}
	if (body.description !== undefined && body.description !== null) {
		if (typeof body.description !== 'string') refuse(9, 'description must be a string');
		fields.description = body.description as string;
	}
	if (body.color !== undefined && body.color !== null) {
		// [inferred] masterTaskColor: no sheet line decides the format.
		if (typeof body.color !== 'string') refuse(9, 'color must be a string');
		if (fake.options.masterTaskColor === 'hex' && !/^#[0-9a-f]{6}$/i.test(body.color as string))
			refuse(9, 'color must be a hex colour like #2E7D32');
		fields.color = body.color as string;
	}
	if (body.positionIds !== undefined)
		fields.positionIds = readPositionIds(fake, body.positionIds, 'positionIds');
	if (body.favorite !== undefined) {
		// [inferred] favoriteValues: no sheet line decides the format.
		const numbers = fake.options.favoriteValues === 'boolean-or-number';
		if (body.favorite === true || (numbers && [1, '1', 'true'].includes(body.favorite as never)))
			fields.favorite = true;
		else if (
			body.favorite === false ||
			(numbers && [0, '0', 'false'].includes(body.favorite as never))
		)
			fields.favorite = false;
		else refuse(9, 'favorite must be true or false');
	}
}

/** [inferred] masterTaskEditRoles: no sheet line decides who creates and deletes master tasks. */
function canEditMasterTasks(fake: HumanityStore, user: HumanityEmployee): void {
	if (!fake.options.masterTaskEditRoles.includes(user.role))
		refuse(20, `a ${user.role} cannot create or delete master tasks`);
}

/** Documented (update-master-tasks): "Minimum Role Required: Supervisor … Supervisor and above roles can update". */
function canUpdateMasterTasks(user: HumanityEmployee): void {
	if (ROLES.indexOf(user.role) > ROLES.indexOf('supervisor'))
		refuse(20, 'master tasks can be updated by a supervisor or above');
}

function createMasterTask(fake: HumanityStore, { request, user }: Context): Answer {
	canEditMasterTasks(fake, user);
	const body = readBody(request);
	const required = fake.options.masterTaskPositionsRequired ? ['name', 'positionIds'] : ['name'];
	for (const name of required) {
		if (body[name] === undefined || body[name] === null || body[name] === '')
			return refuse(8, `${name} is required`);
	}
	const fields: Partial<HumanityMasterTask> = {};
	readMasterTaskFields(fake, body, fields);
	const task = fake.addMasterTask({
		...fields,
		name: fields.name!,
		favorite: fields.favorite ?? false,
		createdBy: user.id,
		createdAt: fake.utcNow(),
	});
	return { data: masterTaskViewOf(task) };
}

function masterTaskByParam(
	fake: HumanityStore,
	request: FakeRequest,
	kind: 'update' | 'delete',
): HumanityMasterTask {
	const id = readUlid(fake, request.params.taskId, 'taskId');
	const task = lookup(fake, fake.masterTasks, id, kind, 'Master task');
	// [inferred] deletedMasterTaskChanges: no sheet line decides whether a deleted one can be changed or deleted again.
	if (task.deletedAt !== null && fake.options.deletedMasterTaskChanges === 'reject')
		return refuse(fake.options.notFoundCodes[kind], `Master task ${id} is deleted`);
	return task;
}

function updateMasterTask(fake: HumanityStore, { request, user }: Context): Answer {
	canUpdateMasterTasks(user);
	const task = masterTaskByParam(fake, request, 'update');
	const fields: Partial<HumanityMasterTask> = {};
	readMasterTaskFields(fake, readBody(request), fields);
	Object.assign(task, fields, { updatedBy: user.id, updatedAt: fake.utcNow() });
	return { data: masterTaskViewOf(task) };
}

/** A soft delete (masterTaskDelete 'soft'; includeDeleted shows them); nothing else is touched: shift tasks made from it stay. */
function deleteMasterTask(fake: HumanityStore, { request, user }: Context): Answer {
	canEditMasterTasks(fake, user);
	const task = masterTaskByParam(fake, request, 'delete');
	Object.assign(task, { deletedBy: user.id, deletedAt: fake.utcNow() });
	return {
		data: fake.options.masterTaskDeleteAnswer === 'task' ? masterTaskViewOf(task) : [],
	};
}

export function masterTaskRoutes(fake: HumanityStore): void {
	const v2 = (path: string) => `${HUMANITY_API_PREFIX}${path}`;
	on(
		fake,
		'GET',
		v2('/master-tasks'),
		api(fake, (c) => listMasterTasks(fake, c)),
	);
	on(
		fake,
		'POST',
		v2('/master-tasks'),
		api(fake, (c) => createMasterTask(fake, c)),
	);
	on(
		fake,
		'PATCH',
		v2('/master-tasks/:taskId'),
		api(fake, (c) => updateMasterTask(fake, c)),
	);
	const deleteRoute = api(fake, (c) => deleteMasterTask(fake, c));
	on(fake, 'DELETE', v2('/master-tasks/:taskId'), (request) => {
		// [inferred] masterTaskDelete: sheet Unknown: "`DELETE /master-tasks/{taskId}` has no page"; it may not be there at all.
		const missing = fake.options.masterTaskDelete;
		if (missing === 'soft') return deleteRoute(request);
		const [status, code] = missing === 'not-found' ? [404, 5] : [405, 4];
		return {
			status,
			body: envelopeError(fake, code, `DELETE ${request.path}`, request.query.access_token ?? null),
		};
	});
}
