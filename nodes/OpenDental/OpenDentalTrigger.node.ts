import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { attachedToField, keyNumField, taskListField } from './fields';
import { searchTaskLists } from './listSearch';
import { withIsoDates } from './dates';
import { OPEN_DENTAL_CREDENTIAL, officeZone, openDentalListAll } from './transport';
import {
	OUTPUT_FORMAT_PARAMETER,
	isNormalizedOutput,
	taskOutputProperty,
} from '../shared/normalizedTask';
import { normalizeOpenDentalTask } from './normalize';

type OpenDentalTaskEvent = 'taskCreated' | 'taskCompleted' | 'taskStatusChanged';

/** Documented: without DateTimeOriginal, GET /tasks answers the tasks created in the previous 14 days. */
const DEFAULT_LOOK_BACK_DAYS = 14;

/**
 * What each event reads, what it remembers of each task, and the time that makes a task the newest sample
 * of a manual run. Open Dental has no webhook for tasks, so the trigger compares polls.
 */
const EVENTS: Record<
	OpenDentalTaskEvent,
	{ status?: string; fingerprint: (task: IDataObject) => string; sampleTime: string }
> = {
	taskCreated: { fingerprint: () => '', sampleTime: 'DateTimeOriginal' },
	// A task done again after a reopening has a new finishing time.
	taskCompleted: {
		status: 'Done',
		fingerprint: (task) => String(task.DateTimeFinished),
		sampleTime: 'DateTimeFinished',
	},
	taskStatusChanged: { fingerprint: (task) => String(task.TaskStatus), sampleTime: 'SecDateTEdit' },
};

interface TriggerState {
	/** The settings the memory belongs to; a change starts a new baseline. */
	watching?: string;
	/** TaskNum → fingerprint, for the tasks inside the look-back window at the last poll. */
	seen?: Record<string, string>;
}

interface Filters {
	taskListNum?: string | { value?: string };
	objectType?: string;
	keyNum?: number | string;
}

export class OpenDentalTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Open Dental Trigger',
		name: 'openDentalTrigger',
		icon: {
			light: 'file:../../icons/openDental.svg',
			dark: 'file:../../icons/openDental.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when an Open Dental task is created, is completed, or changes status',
		defaults: { name: 'Open Dental Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: OPEN_DENTAL_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Task Completed', value: 'taskCompleted', description: 'A task became Done' },
					{ name: 'Task Created', value: 'taskCreated' },
					{
						name: 'Task Status Changed',
						value: 'taskStatusChanged',
						description: 'New, Viewed or Done; each item carries previousTaskStatus',
					},
				],
				default: 'taskCreated',
			},
			{
				displayName: 'Look-Back Window (Days)',
				name: 'lookBackDays',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: DEFAULT_LOOK_BACK_DAYS,
				description:
					'Only tasks created within this many days are watched. A longer window reads more tasks on every poll.',
			},
			{
				displayName:
					'Tasks created before the look-back window are not watched: completing or changing one of them does not start the workflow',
				name: 'windowNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						...attachedToField,
						description: 'Only tasks about this kind of record',
						routing: undefined,
					},
					{
						...keyNumField,
						description:
							'Only tasks about this patient (PatNum) or appointment (AptNum). Needs "Attached To".',
						routing: undefined,
					},
					{ ...taskListField, description: 'Only tasks in this list', routing: undefined },
				],
			},
			taskOutputProperty('Open Dental'),
		],
	};

	methods = { listSearch: { searchTaskLists } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as OpenDentalTaskEvent;
		const lookBackDays = this.getNodeParameter('lookBackDays', DEFAULT_LOOK_BACK_DAYS) as number;
		const filters = this.getNodeParameter('filters', {}) as Filters;
		const { status, fingerprint, sampleTime } = EVENTS[event];

		const zone = await officeZone.call(this);
		const qs = queryFor(this, filters);
		qs.DateTimeOriginal = DateTime.now()
			.setZone(zone)
			.minus({ days: lookBackDays })
			.toFormat('yyyy-MM-dd HH:mm:ss');
		if (status) qs.TaskStatus = status;
		const tasks = (await openDentalListAll.call(this, '/tasks', qs)).filter(
			(task) => !status || task.TaskStatus === status,
		);
		const normalized = isNormalizedOutput(this.getNodeParameter(OUTPUT_FORMAT_PARAMETER, 'vendor'));
		const output = (task: IDataObject, extra: IDataObject = {}) => {
			const record = withIsoDates(task, zone);
			return { json: { ...(normalized ? normalizeOpenDentalTask(record) : record), ...extra } };
		};

		if (this.getMode() === 'manual') {
			const newest = [...tasks].sort((a, b) =>
				String(b[sampleTime]).localeCompare(String(a[sampleTime])),
			)[0];
			return newest ? [[output(newest)]] : null;
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const watching = JSON.stringify({
			event,
			lookBackDays,
			qs: { ...qs, DateTimeOriginal: undefined },
		});
		const now = Object.fromEntries(tasks.map((task) => [String(task.TaskNum), fingerprint(task)]));
		if (state.watching !== watching || !state.seen) {
			Object.assign(state, { watching, seen: now });
			return null;
		}
		const seen = state.seen;
		const changed = tasks.filter((task) => {
			const before = seen[String(task.TaskNum)];
			if (event === 'taskStatusChanged')
				return before === undefined ? task.TaskStatus !== 'New' : before !== task.TaskStatus;
			return before === undefined || before !== fingerprint(task);
		});
		state.seen = now;
		if (changed.length === 0) return null;
		changed.sort((a, b) => Number(a.TaskNum) - Number(b.TaskNum));
		return [
			changed.map((task) =>
				event === 'taskStatusChanged'
					? output(task, { previousTaskStatus: seen[String(task.TaskNum)] ?? 'New' })
					: output(task),
			),
		];
	}
}

/** The filters as GET /tasks takes them; a number without Attached To is refused, as Open Dental would. */
function queryFor(context: IPollFunctions, filters: Filters): IDataObject {
	const qs: IDataObject = {};
	const listNum =
		typeof filters.taskListNum === 'object' ? filters.taskListNum?.value : filters.taskListNum;
	if (listNum !== undefined && String(listNum).trim() !== '') {
		if (!/^\d+$/.test(String(listNum).trim())) {
			throw new NodeOperationError(
				context.getNode(),
				`"Task List" must be a whole number (got "${String(listNum)}")`,
			);
		}
		qs.TaskListNum = String(listNum).trim();
	}
	if (filters.objectType) qs.ObjectType = filters.objectType;
	if (filters.keyNum !== undefined && String(filters.keyNum).trim() !== '') {
		if (filters.objectType !== 'Patient' && filters.objectType !== 'Appointment') {
			throw new NodeOperationError(
				context.getNode(),
				'"Patient or Appointment Number" needs "Attached To" set to Patient or Appointment',
			);
		}
		qs.KeyNum = filters.keyNum;
	}
	return qs;
}
