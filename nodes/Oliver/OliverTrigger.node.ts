import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	advance,
	baselineOf,
	eventsAfter,
	timeOf,
	type EventRecord,
	type Watermark,
} from '../shared/polling';
import {
	OUTPUT_FORMAT_PARAMETER,
	applyTaskOutput,
	taskOutputProperty,
} from '../shared/normalizedTask';
import { OLIVER_CREDENTIAL } from './api';
import { normalizeOliverTask } from './normalize';
import { oliverListAllStaffTasks } from './requests';
import { TASK_TYPE_OPTIONS, type OliverTaskStatus } from './vocabulary';

type OliverTaskEvent = 'taskCreated' | 'taskCompleted' | 'taskCanceled';

/** Which tasks to read for an event, and the time that says when the event happened. */
const EVENTS: Record<OliverTaskEvent, { status?: OliverTaskStatus; timeField: string }> = {
	taskCreated: { timeField: 'created_at' },
	taskCompleted: { status: 'completed', timeField: 'finalized_at' },
	taskCanceled: { status: 'canceled', timeField: 'finalized_at' },
};

interface TriggerState {
	event?: OliverTaskEvent;
	mark?: Watermark;
}

export class OliverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Oliver Trigger',
		name: 'oliverTrigger',
		icon: { light: 'file:../../icons/oliver.svg', dark: 'file:../../icons/oliver.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when an Oliver staff task is created, completed or canceled',
		defaults: { name: 'Oliver Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: OLIVER_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'Staff Task Canceled',
						value: 'taskCanceled',
						description: 'Also fires when a task is deleted, since Oliver cancels it',
					},
					{ name: 'Staff Task Completed', value: 'taskCompleted' },
					{ name: 'Staff Task Created', value: 'taskCreated' },
				],
				default: 'taskCreated',
			},
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
			taskOutputProperty('Oliver'),
		],
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

		if (this.getMode() === 'manual') {
			const newest = eventsAfter({ at: 0, idsAtMark: [] }, events).pop();
			return newest ? [outputOf(this, [newest.record])] : null;
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		if (state.event !== event || !state.mark) {
			state.event = event;
			state.mark = baselineOf(events);
			return null;
		}
		const fresh = eventsAfter(state.mark, events);
		if (fresh.length === 0) return null;
		state.mark = advance(state.mark, fresh);
		return [
			outputOf(
				this,
				fresh.map((entry) => entry.record as IDataObject),
			),
		];
	}
}

/** The tasks as items, normalized when the trigger's Output asks for it. */
function outputOf(context: IPollFunctions, tasks: IDataObject[]): INodeExecutionData[] {
	const format = context.getNodeParameter(OUTPUT_FORMAT_PARAMETER, 'vendor');
	return applyTaskOutput(
		context.helpers.returnJsonArray(tasks),
		format,
		normalizeOliverTask,
		context.getTimezone(),
	);
}
