import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import type { TaskMapper } from '../shared/normalizedTask';
import { chosenTaskOutput, taskOutputProperties } from '../shared/taskOutput';
import { pollWithMemory } from '../shared/pollMemory';
import { triggerNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { eventSubtitle, eventProperty } from '../shared/triggerDescription';
import { recordsOf } from './api';
import { normalizeEmployeeTask, normalizeShiftTask } from './normalize';
import { humanityApiRequest } from './requests';
import { MAX_DAYS, dayOf, readDays, windowOf, within, type Window } from './triggerWindow';
import { HUMANITY_IDENTITY } from './vendorIdentity';
import { ACTIVITY, TRIGGER_EVENTS, type TriggerEvent } from './vocabulary';

const MAPPERS: Record<TriggerEvent, TaskMapper> = {
	employeeTaskCompleted: normalizeEmployeeTask,
	shiftTaskAdded: normalizeShiftTask,
	shiftTaskRemoved: normalizeShiftTask,
};

/** Shift ids per task read: one call per this many shifts keeps the URL short. */
const SHIFTS_PER_READ = 50;

/**
 * What the trigger remembers between polls, for the shifts in its window only: the window, each shift's
 * first day, and per task what tells a change (a shift task's shift and name, so a removal can say what
 * was removed; an employee task's status and end).
 */
interface Memory extends Window {
	shifts: Record<string, string>;
	seen: Record<string, [number, string]>;
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

/** The event (or events) the trigger watches for; its subtitle names the chosen ones. */
const eventParameter = eventProperty(TRIGGER_EVENTS, 'employeeTaskCompleted');

export class HumanityTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			vendor: HUMANITY_IDENTITY,
			kind: 'polling',
			description:
				'Starts the workflow when an employee completes a shift task, or a task is added to or removed from a shift',
			properties: [
				eventParameter,
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
				...taskOutputProperties(HUMANITY_IDENTITY.displayName),
			],
		}),
		icon: vendorIcon(HUMANITY_IDENTITY),
		subtitle: eventSubtitle(eventParameter),
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
		const asOutput = chosenTaskOutput(this, MAPPERS[event]);
		const now: Memory = {
			...window,
			shifts: Object.fromEntries(shifts.map((shift) => [String(shift.id), dayOf(shift)])),
			seen: Object.fromEntries(tasks.map((task) => [String(task.id), fingerprintOf(event, task)])),
		};

		return pollWithMemory<Memory, IDataObject>(this, {
			watching: JSON.stringify({ event, daysBefore, daysAfter }),
			memoryKeys: ['from', 'to', 'shifts', 'seen'],
			baseline: () => now,
			changesSince: (previous) => ({
				changes: changesOf(event, tasks, previous, now),
				memory: now,
			}),
			sample: () => newest(event, tasks),
			itemsOf: (changes) =>
				changes.map((task) => {
					const shiftId = Number(task.shiftId);
					return {
						json: asOutput({ ...task, shift: shiftSummary(shiftById.get(shiftId), shiftId) }),
					};
				}),
		});
	}
}

/**
 * The tasks to emit, oldest first (ULIDs sort by creation time). A removed task is emitted as last seen.
 * A shift read last time, or one made since inside the window then watched: its changes are events. A
 * shift that only came into the window as the days moved is taken as it is.
 */
function changesOf(
	event: TriggerEvent,
	tasks: IDataObject[],
	previous: Memory,
	now: Memory,
): IDataObject[] {
	const before = previous.seen;
	const watched = (shiftId: number) =>
		previous.shifts[String(shiftId)] !== undefined || within(now.shifts[String(shiftId)], previous);

	let changes: IDataObject[];
	if (event === 'shiftTaskRemoved') {
		changes = Object.entries(before)
			.filter(
				([id, [shiftId]]) =>
					now.seen[id] === undefined && within(previous.shifts[String(shiftId)], now),
			)
			.map(([id, [shiftId, name]]) => ({ id, shiftId, name, removed: true }));
	} else if (event === 'shiftTaskAdded') {
		changes = tasks.filter(
			(task) => before[String(task.id)] === undefined && watched(Number(task.shiftId)),
		);
	} else {
		changes = tasks.filter((task) => {
			const [status, endedAt] = now.seen[String(task.id)];
			if (status !== ACTIVITY.completed) return false;
			const seen = before[String(task.id)];
			return seen === undefined
				? watched(Number(task.shiftId))
				: seen[0] !== ACTIVITY.completed || seen[1] !== endedAt;
		});
	}
	return changes.sort((a, b) => String(a.id).localeCompare(String(b.id)));
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
