/** Reading a task body for create, PUT and PATCH: the flow's fields, hub, times, assignees and status. */
import { DateTime } from 'luxon';
import type { FakeResponse } from '../kit';
import { invalid, Problems } from './errors';
import type { Body } from './gates';
import type { MileAppStore } from './store';
import {
	DATE_ONLY,
	type MileAppFlow,
	type MileAppFlowField,
	type MileAppHub,
	type MileAppTaskRecord,
} from './types';

/** Keys of a task body that are not flow fields. */
const WRITABLE_KEYS = ['flow', 'hubId', 'startTime', 'endTime', 'assignee', 'status'] as const;

/** Keys an answer carries that a client may send back (read, then PUT the merged task): [inferred] answerKeysInBody. */
const READ_ONLY_KEYS = [
	'_id',
	'flowId',
	'organizationId',
	'hub',
	'orderIndex',
	'createdFrom',
	'createdBy',
	'createdTime',
	'updatedTime',
	'assignedBy',
	'assignedTime',
	'doneBy',
	'doneTime',
	'title',
	'content',
] as const;

const READ_ONLY = new Set<string>(READ_ONLY_KEYS);

export const RESERVED = new Set<string>([...WRITABLE_KEYS, ...READ_ONLY_KEYS]);

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** What a validated task body turns into. */
interface TaskInput {
	flow: MileAppFlow;
	hub: MileAppHub;
	fields: Record<string, unknown>;
	startTime: string;
	endTime: string;
	/** undefined: not sent. */
	assignee?: string[];
	finish: boolean;
}

/**
 * The emails of an `assignee` value: a list, or a comma-separated string. Documented (openapi `assignee`: an array; "To
 * assign tasks to multiple users, use a comma (',') as a separator").
 */
export function readEmails(value: unknown, problems: Problems): string[] | undefined {
	if (value === null) return [];
	const items = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: undefined;
	if (!items || items.some((item) => typeof item !== 'string')) {
		problems.add('The assignee must be a list of emails.');
		return undefined;
	}
	return [...new Set((items as string[]).map((item) => item.trim()).filter(Boolean))];
}

/** Each email must be a user of the organization and, by option, of the hub. */
export function checkAssignees(
	fake: MileAppStore,
	emails: string[],
	hubId: string,
	problems: Problems,
): void {
	for (const email of emails) {
		const user = [...fake.users.values()].find(
			(candidate) => candidate.email.toLowerCase() === email.toLowerCase(),
		);
		if (!user) problems.add(`User ${email} is not found.`);
		else if (fake.options.assignChecksHub && user.hubIds !== 'all' && !user.hubIds.includes(hubId))
			problems.add(`User ${email} does not belong to the task's hub.`);
	}
}

/**
 * [inferred] fieldTypeChecks (and strictFieldTypes for string/number): how a value is checked against its field's
 * type: string text; number a finite number; date `Y-m-d`; datetime a date the API takes (stored ISO); select one
 * of the options; location `lat,lng`. 'unchecked' stores what is sent. Returns the value to store, or undefined
 * after adding a problem.
 */
function checkField(
	fake: MileAppStore,
	field: MileAppFlowField,
	value: unknown,
	problems: Problems,
): unknown {
	if (fake.options.fieldTypeChecks === 'unchecked') return value;
	const strict = fake.options.strictFieldTypes;
	const name = field.field;
	switch (field.type) {
		case 'string':
			if (typeof value === 'string') return value;
			if (!strict && (typeof value === 'number' || typeof value === 'boolean'))
				return String(value);
			problems.add(`The ${name} must be a string.`);
			return undefined;
		case 'number': {
			if (typeof value === 'number' && Number.isFinite(value)) return value;
			if (
				!strict &&
				typeof value === 'string' &&
				value.trim() !== '' &&
				Number.isFinite(Number(value))
			)
				return Number(value);
			problems.add(`The ${name} must be a number.`);
			return undefined;
		}
		case 'date':
			if (
				typeof value === 'string' &&
				DATE_ONLY.test(value) &&
				DateTime.fromFormat(value, 'yyyy-MM-dd').isValid
			)
				return value;
			problems.add(`The ${name} does not match the format Y-m-d.`);
			return undefined;
		case 'datetime': {
			const parsed = fake.parseTime(value);
			if (parsed !== undefined) return parsed;
			problems.add(`The ${name} is not a valid date.`);
			return undefined;
		}
		case 'select':
			if (typeof value === 'string' && (field.options ?? []).includes(value)) return value;
			problems.add(`The selected ${name} is invalid.`);
			return undefined;
		case 'location': {
			const match =
				typeof value === 'string'
					? /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value)
					: null;
			if (match && Math.abs(Number(match[1])) <= 90 && Math.abs(Number(match[2])) <= 180)
				return value;
			problems.add(`The ${name} must be a location as latitude,longitude.`);
			return undefined;
		}
	}
}

/**
 * Validates a task body. create: flow and hubId required, the flow's required fields too, times default from
 * the flow. put: the same, as a full replacement (fields not sent are lost). patch: only what is sent.
 */
export function readTask(
	fake: MileAppStore,
	body: Body,
	mode: 'create' | 'put' | 'patch',
	existing?: MileAppTaskRecord,
): TaskInput | FakeResponse {
	const problems = new Problems();
	const full = mode !== 'patch';

	let flow = existing ? fake.flows.get(existing.flowId) : undefined;
	if (full || 'flow' in body) {
		if (isEmpty(body.flow)) problems.add('The flow field is required.');
		else if (typeof body.flow !== 'string' || !(flow = fake.flowByName(body.flow)))
			problems.add('The selected flow is invalid.');
	}
	let hub = existing ? fake.hubs.get(existing.hubId) : undefined;
	if (full || 'hubId' in body) {
		if (isEmpty(body.hubId)) problems.add('The hubId field is required.');
		else if (typeof body.hubId !== 'string' || !(hub = fake.hubs.get(body.hubId)))
			problems.add('The selected hubId is invalid.');
	}
	const flowChanged = existing !== undefined && flow !== undefined && existing.flowId !== flow._id;
	if (mode === 'patch' && flowChanged && fake.options.patchFlowChange === 'reject')
		problems.add('The flow cannot be changed by PATCH.');
	if (!flow || !hub) {
		if (!problems.failed)
			problems.add(!flow ? 'The selected flow is invalid.' : 'The selected hubId is invalid.');
		return invalid(fake, problems);
	}

	// The flow's fields: a PATCH starts from the task's (those of the new flow, if [inferred] patchFlowChange lets it change).
	const flowKeys = new Set(flow.fields.map((field) => field.field));
	const fields: Record<string, unknown> = {};
	if (mode === 'patch' && existing) {
		for (const [key, value] of Object.entries(existing.fields)) {
			if (
				flowKeys.has(key) ||
				(existing.flowId === flow._id && fake.options.unknownBodyFields === 'keep')
			)
				fields[key] = value;
		}
	}
	for (const field of flow.fields) {
		if (field.field in body) {
			const value = body[field.field];
			if (isEmpty(value)) {
				// [inferred] emptyFieldValue: a 400, or the field is cleared (a required one is "required" either way).
				if (fake.options.emptyFieldValue === 'reject' && !field.required)
					problems.add(`The ${field.field} field must not be empty.`);
				delete fields[field.field];
			} else {
				const checked = checkField(fake, field, value, problems);
				if (checked !== undefined) fields[field.field] = checked;
			}
		}
		const mustHave =
			mode === 'create' ||
			(mode === 'put' && fake.options.putRequiresFlowFields) ||
			(mode === 'patch' && (field.field in body || flowChanged));
		if (
			field.required &&
			mustHave &&
			!(field.field in fields) &&
			!(field.field in body && !isEmpty(body[field.field]))
		) {
			problems.add(`The ${field.field} field is required.`);
		}
	}
	for (const key of Object.keys(body)) {
		if (READ_ONLY.has(key) && fake.options.answerKeysInBody === 'reject')
			problems.add(`The ${key} field cannot be set.`);
		if (RESERVED.has(key) || flowKeys.has(key)) continue;
		if (fake.options.unknownBodyFields === 'reject')
			problems.add(`The ${key} field is not in the flow ${flow.name}.`);
		else if (fake.options.unknownBodyFields === 'keep') fields[key] = body[key];
	}

	const time = (name: 'startTime' | 'endTime', fallback: () => string): string => {
		if (name in body && !isEmpty(body[name])) {
			const parsed = fake.parseTime(body[name]);
			if (parsed === undefined) problems.add(`The ${name} is not a valid date.`);
			return parsed ?? fallback();
		}
		return fallback();
	};
	const keepTimes = mode === 'patch' || (mode === 'put' && fake.options.putWithoutTimes === 'keep');
	const startTime = time('startTime', () =>
		keepTimes && existing ? existing.startTime : fake.defaultStart(flow),
	);
	const endTime = time('endTime', () =>
		keepTimes && existing ? existing.endTime : fake.defaultEnd(flow, startTime),
	);
	// Checked when this request sets a time (a PATCH of other fields leaves stored times alone).
	const timesSet = mode !== 'patch' || 'startTime' in body || 'endTime' in body;
	if (
		timesSet &&
		fake.options.endBeforeStart === 'reject' &&
		Date.parse(endTime) < Date.parse(startTime)
	)
		problems.add('The endTime must be a date after startTime.');

	let assignee: string[] | undefined;
	if ('assignee' in body) {
		assignee = readEmails(body.assignee, problems);
		if (assignee) checkAssignees(fake, assignee, hub._id, problems);
	}

	let finish = false;
	if ('status' in body && fake.options.statusWritable && mode !== 'create') {
		const status = typeof body.status === 'string' ? body.status.toUpperCase() : body.status;
		if (status === 'DONE') finish = existing?.status !== 'DONE';
		else if (status !== existing?.status) problems.add('The selected status is invalid.');
	}
	if (problems.failed) return invalid(fake, problems);
	return { flow, hub, fields, startTime, endTime, assignee, finish };
}
