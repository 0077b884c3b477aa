import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { DateTime } from 'luxon';
import { filtersCollection } from '../shared/collectionFields';
import { chosenTaskOutput, taskOutputProperties } from '../shared/taskOutput';
import { pollWithMemory } from '../shared/pollMemory';
import { triggerNodeDescription, vendorIcon } from '../shared/nodeDescription';
import { eventSubtitle, eventProperty } from '../shared/triggerDescription';
import { checkValues, isBlank, locatorValue, type FieldRule } from '../shared/validation';
import { OPEN_DENTAL_PATHS } from './api';
import { withIsoDates } from './dates';
import { keyNumNeedsObjectType, taskFilterFields, taskListField } from './resources/task/fields';
import { searchTaskLists } from './listSearch';
import { normalizeOpenDentalTask } from './normalize';
import { officeZone, openDentalListAll } from './requests';
import { OPEN_DENTAL_IDENTITY } from './vendorIdentity';
import { DEFAULT_CREATED_WINDOW_DAYS } from './vocabulary';

type OpenDentalTaskEvent = 'taskCreated' | 'taskCompleted' | 'taskStatusChanged';

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

/** Not routed: the trigger builds its query itself (queryFor). */
const filterFields = taskFilterFields(() => undefined);

/** TaskNum → fingerprint, for the tasks inside the look-back window at the last poll. */
type Seen = Record<string, string>;

/** A task to emit, with what an item says beside it (a status change: the status before). */
interface TaskChange {
	task: IDataObject;
	extra?: IDataObject;
}

interface Filters {
	taskListNum?: string | { value?: string };
	objectType?: string;
	keyNum?: number | string;
}

/** The event (or events) the trigger watches for; its subtitle names the chosen ones. */
const eventParameter = eventProperty(
	[
		{ name: 'Task Completed', value: 'taskCompleted', description: 'A task became Done' },
		{ name: 'Task Created', value: 'taskCreated' },
		{
			name: 'Task Status Changed',
			value: 'taskStatusChanged',
			description: 'New, Viewed or Done; each item carries previousTaskStatus',
		},
	],
	'taskCreated',
);

export class OpenDentalTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription({
			vendor: OPEN_DENTAL_IDENTITY,
			kind: 'polling',
			description:
				'Starts the workflow when an Open Dental task is created, is completed, or changes status',
			properties: [
				eventParameter,
				{
					displayName: 'Look-Back Window (Days)',
					name: 'lookBackDays',
					type: 'number',
					typeOptions: { minValue: 1, numberPrecision: 0 },
					default: DEFAULT_CREATED_WINDOW_DAYS,
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
				filtersCollection([filterFields.attachedTo, filterFields.keyNum, filterFields.taskList]),
				...taskOutputProperties(OPEN_DENTAL_IDENTITY.displayName),
			],
		}),
		icon: vendorIcon(OPEN_DENTAL_IDENTITY),
		subtitle: eventSubtitle(eventParameter),
	};

	methods = { listSearch: { searchTaskLists } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as OpenDentalTaskEvent;
		const lookBackDays = this.getNodeParameter(
			'lookBackDays',
			DEFAULT_CREATED_WINDOW_DAYS,
		) as number;
		const filters = this.getNodeParameter('filters', {}) as Filters;
		const { status, fingerprint, sampleTime } = EVENTS[event];

		const zone = await officeZone.call(this);
		const qs = queryFor(this, filters);
		qs.DateTimeOriginal = DateTime.now()
			.setZone(zone)
			.minus({ days: lookBackDays })
			.toFormat('yyyy-MM-dd HH:mm:ss');
		if (status) qs.TaskStatus = status;
		const tasks = (await openDentalListAll.call(this, OPEN_DENTAL_PATHS.tasks, qs)).filter(
			(task) => !status || task.TaskStatus === status,
		);
		const asOutput = chosenTaskOutput(this, normalizeOpenDentalTask);
		const seenNow: Seen = Object.fromEntries(
			tasks.map((task) => [String(task.TaskNum), fingerprint(task)]),
		);

		return pollWithMemory<{ seen: Seen }, TaskChange>(this, {
			watching: JSON.stringify({ event, lookBackDays, qs: { ...qs, DateTimeOriginal: undefined } }),
			memoryKeys: ['seen'],
			baseline: () => ({ seen: seenNow }),
			changesSince: ({ seen }) => ({
				changes: changesOf(event, tasks, seen),
				memory: { seen: seenNow },
			}),
			sample: () => {
				const newest = [...tasks].sort((a, b) =>
					String(b[sampleTime]).localeCompare(String(a[sampleTime])),
				)[0];
				return newest && { task: newest };
			},
			itemsOf: (changes) =>
				changes.map(({ task, extra }) => ({
					json: { ...asOutput(withIsoDates(task, zone)), ...extra },
				})),
		});
	}
}

/** The tasks whose fingerprint changed since the last poll, oldest first. */
function changesOf(event: OpenDentalTaskEvent, tasks: IDataObject[], seen: Seen): TaskChange[] {
	const changed = tasks.filter((task) => {
		const before = seen[String(task.TaskNum)];
		if (event === 'taskStatusChanged')
			return before === undefined ? task.TaskStatus !== 'New' : before !== task.TaskStatus;
		return before === undefined || before !== EVENTS[event].fingerprint(task);
	});
	changed.sort((a, b) => Number(a.TaskNum) - Number(b.TaskNum));
	return changed.map((task) =>
		event === 'taskStatusChanged'
			? { task, extra: { previousTaskStatus: seen[String(task.TaskNum)] ?? 'New' } }
			: { task },
	);
}

/** The filters' checks, as the action node's Get Many makes them, before any request. */
const FILTER_RULES: FieldRule[] = [
	{ path: 'filters.taskListNum', label: taskListField.displayName, kind: 'wholeNumber' },
	keyNumNeedsObjectType('filters'),
];

/** The filters as GET /tasks takes them; a number without Attached To is refused, as Open Dental would. */
function queryFor(context: IPollFunctions, filters: Filters): IDataObject {
	const given = filters as IDataObject;
	const valueOf = checkValues(context.getNode(), 0, FILTER_RULES, (path) =>
		locatorValue(given[path.replace(/^filters\./, '')]),
	);
	const qs: IDataObject = {};
	const listNum = valueOf('filters.taskListNum');
	if (listNum !== undefined) qs.TaskListNum = listNum;
	if (filters.objectType) qs.ObjectType = filters.objectType;
	if (!isBlank(filters.keyNum)) qs.KeyNum = filters.keyNum;
	return qs;
}
