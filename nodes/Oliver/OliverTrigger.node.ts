import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { chosenTaskOutput, taskOutputProperties } from '../shared/taskOutput';
import { pollWithMemory } from '../shared/pollMemory';
import { triggerNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { eventSubtitle, eventProperty } from '../shared/triggerDescription';
import {
	advance,
	baselineOf,
	eventsAfter,
	newestEvent,
	readWatermark,
	timeOf,
	type EventRecord,
	type StoredWatermark,
} from '../shared/polling';
import { normalizeOliverTask } from './normalize';
import { oliverListAllStaffTasks } from './requests';
import { OLIVER_IDENTITY } from './vendorIdentity';
import { TASK_TYPE_OPTIONS, type OliverTaskStatus } from './vocabulary';

type OliverTaskEvent = 'taskCreated' | 'taskCompleted' | 'taskCanceled';

/** Which tasks to read for an event, and the time that says when the event happened. */
const EVENTS: Record<OliverTaskEvent, { status?: OliverTaskStatus; timeField: string }> = {
	taskCreated: { timeField: 'created_at' },
	taskCompleted: { status: 'completed', timeField: 'finalized_at' },
	taskCanceled: { status: 'canceled', timeField: 'finalized_at' },
};

/** The event (or events) the trigger watches for; its subtitle names the chosen ones. */
const eventParameter = eventProperty(
	[
		{
			name: 'Staff Task Canceled',
			value: 'taskCanceled',
			description: 'Also fires when a task is deleted, since Oliver cancels it',
		},
		{ name: 'Staff Task Completed', value: 'taskCompleted' },
		{ name: 'Staff Task Created', value: 'taskCreated' },
	],
	'taskCreated',
);

export class OliverTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			vendor: OLIVER_IDENTITY,
			kind: 'polling',
			description:
				'Starts the workflow when an Oliver staff task is created, completed or canceled',
			properties: [
				eventParameter,
				{
					displayName: 'Task Type',
					name: 'taskType',
					type: 'options',
					options: [{ name: 'Any', value: '' }, ...TASK_TYPE_OPTIONS],
					default: '',
					description: 'Only tasks of this type',
				},
				{
					displayName:
						'Oliver cannot list tasks by time, so each poll reads every task with the watched status. Changes that happened before the workflow was activated are not emitted.',
					name: 'pollingNotice',
					type: 'notice',
					default: '',
				},
				...taskOutputProperties(OLIVER_IDENTITY.displayName),
			],
		}),
		icon: vendorIcon(OLIVER_IDENTITY),
		subtitle: eventSubtitle(eventParameter),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as OliverTaskEvent;
		const taskType = this.getNodeParameter('taskType', '') as string;
		const { status, timeField } = EVENTS[event];

		const tasks = await oliverListAllStaffTasks.call(this, status);
		const events: EventRecord[] = tasks
			.filter((task) => !taskType || task.task_type === taskType)
			.filter((task) => !status || task.status === status)
			.map((task) => ({ id: String(task.id), at: timeOf(task[timeField]), record: task }))
			.filter((entry): entry is EventRecord => entry.at !== undefined);

		const asOutput = chosenTaskOutput(this, normalizeOliverTask);

		return pollWithMemory<{ mark: StoredWatermark }, EventRecord>(this, {
			// Only the event: the mark is a time, which holds whatever the task type.
			watching: event,
			// Oliver's first version kept the event under this name: active workflows keep their memory.
			settingsKey: 'event',
			memoryKeys: ['mark'],
			baseline: () => ({ mark: baselineOf(events) }),
			changesSince: ({ mark: stored }) => {
				// Oliver documents no list order: a task may move between pages while they are read, so
				// each poll looks again below its mark (see Watermark) rather than trust it alone.
				const mark = readWatermark(stored);
				const fresh = eventsAfter(mark, events);
				return { changes: fresh, memory: { mark: advance(mark, fresh) } };
			},
			sample: () => newestEvent(events),
			itemsOf: (changes) =>
				this.helpers.returnJsonArray(changes.map((entry) => asOutput(entry.record))),
		});
	}
}
