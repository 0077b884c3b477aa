import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';
import {
	OUTPUT_FORMAT_PARAMETER,
	isNormalizedOutput,
	taskOutputProperty,
	type TaskMapper,
} from '../shared/normalizedTask';
import { HUMANITY_CREDENTIAL, recordsOf } from './api';
import { normalizeEmployeeTask, normalizeShiftTask } from './normalize';
import { humanityApiRequest } from './requests';
import { ACTIVITY, TRIGGER_EVENTS, type TriggerEvent } from './vocabulary';

const MAPPERS: Record<TriggerEvent, TaskMapper> = {
	employeeTaskCompleted: normalizeEmployeeTask,
	shiftTaskAdded: normalizeShiftTask,
	shiftTaskRemoved: normalizeShiftTask,
};

/** The longest reach either side of today: keeps each poll's reads, and what is remembered, bounded. */
const MAX_DAYS = 31;
/** Shift ids per task read: one call per this many shifts keeps the URL short. */
const SHIFTS_PER_READ = 50;

/**
 * What the trigger remembers between polls, for the shifts in its window only: the window, each shift's
 * first day, and per task what tells a change (a shift task's shift and name, so a removal can say what
 * was removed; an employee task's status and end).
 */
interface TriggerState {
	watching?: string;
	from?: string;
	to?: string;
	shifts?: Record<string, string>;
	seen?: Record<string, [number, string]>;
}

type Window = { from: string; to: string };

function readDays(context: IPollFunctions, name: string, label: string): number {
	const value = context.getNodeParameter(name, 0) as unknown;
	const days = Number(value);
	if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
		const message = `"${label}" must be a whole number from 0 to ${MAX_DAYS} (got "${String(value)}")`;
		const description = `Check the "${label}" field. Nothing was sent.`;
		throw new NodeOperationError(context.getNode(), message, { description });
	}
	return days;
}

/** The days of the window, in the workflow's time zone, as Humanity's shift filter takes them. */
function windowOf(context: IPollFunctions, daysBefore: number, daysAfter: number): Window {
	const today = DateTime.now().setZone(context.getTimezone()).startOf('day');
	return {
		from: today.minus({ days: daysBefore }).toFormat('yyyy-MM-dd'),
		to: today.plus({ days: daysAfter }).toFormat('yyyy-MM-dd'),
	};
}

const within = (day: string | undefined, window: Window) =>
	day !== undefined && day >= window.from && day <= window.to;

/** A shift's first day (yyyy-MM-dd) as Humanity lists it. */
function dayOf(shift: IDataObject): string {
	return String(shift.start_timestamp ?? '').slice(0, 10);
}

/** What a trigger item says about the shift a task is on. */
function shiftSummary(shift: IDataObject | undefined, shiftId: number): IDataObject {
	if (!shift) return { id: shiftId };
	const { id, title, start_timestamp, end_timestamp, schedule, schedule_name, location } = shift;
	return { id, title, start_timestamp, end_timestamp, schedule, schedule_name, location };
}

/** What tells a change of a task, per event: a shift task's shift and name; an employee task's status and end. */
function fingerprintOf(event: TriggerEvent, task: IDataObject): [number, string] {
	if (event === 'employeeTaskCompleted') {
		const activity = (task.activity ?? {}) as IDataObject;
		return [Number(activity.status ?? 0), String(activity.endedAt ?? '')];
	}
	return [Number(task.shiftId), String(task.name ?? '')];
}

export class HumanityTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Humanity Trigger',
		name: 'humanityTrigger',
		icon: { light: 'file:../../icons/humanity.svg', dark: 'file:../../icons/humanity.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when an employee completes a shift task, or a task is added to or removed from a shift',
		defaults: { name: 'Humanity Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: HUMANITY_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: TRIGGER_EVENTS,
				default: 'employeeTaskCompleted',
			},
			{
				displayName: 'Days Before Today',
				name: 'daysBefore',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_DAYS, numberPrecision: 0 },
				default: 1,
				description: 'Watch the shifts starting this many days before today, and later',
			},
			{
				displayName: 'Days After Today',
				name: 'daysAfter',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_DAYS, numberPrecision: 0 },
				default: 7,
				description: 'Watch the shifts starting up to this many days after today',
			},
			{
				displayName:
					"Only shifts starting inside this window of days (in the workflow's time zone) are watched. A shift that enters the window as the days go by is read as it is, without events for the tasks it already has.",
				name: 'windowNotice',
				type: 'notice',
				default: '',
			},
			taskOutputProperty('Humanity'),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 0) as TriggerEvent;
		const daysBefore = readDays(this, 'daysBefore', 'Days Before Today');
		const daysAfter = readDays(this, 'daysAfter', 'Days After Today');
		const window = windowOf(this, daysBefore, daysAfter);

		const shifts = recordsOf(
			await humanityApiRequest.call(this, 'GET', '/shifts', {
				qs: { start_date: window.from, end_date: window.to, mode: 'overview' },
			}),
		);
		const shiftById = new Map(shifts.map((shift) => [Number(shift.id), shift]));
		const tasks = await readTasks.call(this, event, [...shiftById.keys()]);
		const normalize = isNormalizedOutput(this.getNodeParameter(OUTPUT_FORMAT_PARAMETER, 'vendor'))
			? MAPPERS[event]
			: undefined;
		const item = (task: IDataObject, shiftId = Number(task.shiftId)): INodeExecutionData => {
			const record = { ...task, shift: shiftSummary(shiftById.get(shiftId), shiftId) };
			return { json: normalize ? normalize(record, this.getTimezone()) : record };
		};

		if (this.getMode() === 'manual') {
			const sample = newest(event, tasks);
			return sample ? [[item(sample)]] : null;
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const watching = JSON.stringify({ event, daysBefore, daysAfter });
		const now = Object.fromEntries(
			tasks.map((task) => [String(task.id), fingerprintOf(event, task)]),
		);
		const shiftDays = Object.fromEntries(shifts.map((shift) => [String(shift.id), dayOf(shift)]));
		const previous = { ...state };
		Object.assign(state, {
			watching,
			from: window.from,
			to: window.to,
			shifts: shiftDays,
			seen: now,
		});
		if (previous.watching !== watching || !previous.seen || !previous.shifts) return null;

		const before = previous.seen;
		const previousWindow = { from: previous.from ?? window.from, to: previous.to ?? window.to };
		// A shift read last time, or one made since inside the window then watched: its changes are events.
		// A shift that only came into the window as the days moved is taken as it is.
		const watched = (shiftId: number) =>
			previous.shifts![String(shiftId)] !== undefined ||
			within(shiftDays[String(shiftId)], previousWindow);

		let emitted: INodeExecutionData[];
		if (event === 'shiftTaskRemoved') {
			emitted = Object.entries(before)
				.filter(
					([id, [shiftId]]) =>
						now[id] === undefined && within(previous.shifts![String(shiftId)], window),
				)
				.map(([id, [shiftId, name]]) => item({ id, shiftId, name, removed: true }, shiftId));
		} else if (event === 'shiftTaskAdded') {
			emitted = tasks
				.filter((task) => before[String(task.id)] === undefined && watched(Number(task.shiftId)))
				.map((task) => item(task));
		} else {
			emitted = tasks
				.filter((task) => {
					const [status, endedAt] = now[String(task.id)];
					if (status !== ACTIVITY.completed) return false;
					const seen = before[String(task.id)];
					return seen === undefined
						? watched(Number(task.shiftId))
						: seen[0] !== ACTIVITY.completed || seen[1] !== endedAt;
				})
				.map((task) => item(task));
		}
		if (emitted.length === 0) return null;
		// ULIDs sort by creation time: oldest first.
		emitted.sort((a, b) => String(a.json.id).localeCompare(String(b.json.id)));
		return [emitted];
	}
}

/** The shift tasks, or the employee tasks, of the shifts, a bounded number of shifts per call. */
async function readTasks(
	this: IPollFunctions,
	event: TriggerEvent,
	shiftIds: number[],
): Promise<IDataObject[]> {
	const what = event === 'employeeTaskCompleted' ? 'employee-tasks' : 'tasks';
	const tasks: IDataObject[] = [];
	for (let start = 0; start < shiftIds.length; start += SHIFTS_PER_READ) {
		const ids = shiftIds.slice(start, start + SHIFTS_PER_READ).join(',');
		tasks.push(...recordsOf(await humanityApiRequest.call(this, 'GET', `/shifts/${ids}/${what}`)));
	}
	return tasks;
}

/** A manual run's sample: the latest completed employee task, or the newest shift task (also the shape a removal has). */
function newest(event: TriggerEvent, tasks: IDataObject[]): IDataObject | undefined {
	if (event === 'employeeTaskCompleted') {
		const endedAt = (task: IDataObject) =>
			String(((task.activity ?? {}) as IDataObject).endedAt ?? '');
		return tasks
			.filter((task) => fingerprintOf(event, task)[0] === ACTIVITY.completed)
			.sort((a, b) => endedAt(b).localeCompare(endedAt(a)))[0];
	}
	return [...tasks].sort((a, b) => String(b.id).localeCompare(String(a.id)))[0];
}
