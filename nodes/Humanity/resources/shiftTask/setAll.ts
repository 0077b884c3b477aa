import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runPerItem } from '../../../shared/itemRunner';
import {
	SHIFT_TASK_TYPE,
	SHIFT_TASK_TYPES,
	shiftLocator,
	shiftTaskTypeOptions,
} from '../../fields';
import { readChoice, readShiftId, readUlid, refuseField } from '../../input';
import { humanityApiRequest, recordsOf } from '../../transport';
import { readTimeBox } from './add';
import { describeTask, entryOf, holdsFields, type TaskFields } from './taskFields';

const show = { resource: ['shiftTask'], operation: ['setAll'] };

export const setAllDescription: INodeProperties[] = [
	{
		displayName:
			"Set All replaces the shift's whole task list: every task of the shift that is not listed below is deleted, with its employees' progress. To change one task and keep the others, use Add, Update or Remove.",
		name: 'setAllNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	shiftLocator(show, 'The shift whose task list is replaced'),
	{
		displayName: 'Tasks',
		name: 'tasks',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Task',
		default: {},
		description: "The shift's complete task list, in order",
		displayOptions: { show },
		options: [
			{
				displayName: 'Task',
				name: 'task',
				values: [
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{
						displayName: 'Due Time',
						name: 'dueTime',
						type: 'dateTime',
						default: '',
						description: 'Required for a time-boxed task',
					},
					{
						displayName: 'Keep Shift Task ID',
						name: 'shiftTaskId',
						type: 'string',
						default: '',
						description:
							"ID of a task already on the shift to update in place (it keeps its employees' progress); empty makes a new task",
					},
					{
						displayName: 'Master Task Name or ID',
						name: 'masterTaskId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getMasterTasks' },
						default: '',
						required: true,
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
					{
						displayName: 'Start Time',
						name: 'startTime',
						type: 'dateTime',
						default: '',
						description: 'Required for a time-boxed task',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: shiftTaskTypeOptions,
						default: 'regular',
					},
				],
			},
		],
	},
];

interface Entry {
	id?: string;
	fields: TaskFields;
}

function readEntries(context: IExecuteFunctions, itemIndex: number): Entry[] {
	const given =
		((context.getNodeParameter('tasks', itemIndex, {}) as IDataObject).task as
			| IDataObject[]
			| undefined) ?? [];
	if (given.length === 0) {
		throw refuseField(
			context,
			itemIndex,
			'"Tasks" is empty: Set All needs the complete list (to remove tasks, use Remove)',
			'Tasks',
		);
	}
	return given.map((task, index) => {
		const label = (field: string) => `Tasks ${index + 1}: ${field}`;
		const name = String(task.name ?? '').trim();
		if (!name)
			throw refuseField(context, itemIndex, `"${label('Name')}" is required`, label('Name'));
		const timeBoxed =
			readChoice(context, itemIndex, task.type ?? 'regular', SHIFT_TASK_TYPES, label('Type')) ===
			'timeBoxed';
		if (timeBoxed && !task.startTime)
			throw refuseField(
				context,
				itemIndex,
				`"${label('Start Time')}" is required for a time-boxed task`,
				label('Start Time'),
			);
		if (timeBoxed && !task.dueTime)
			throw refuseField(
				context,
				itemIndex,
				`"${label('Due Time')}" is required for a time-boxed task`,
				label('Due Time'),
			);
		return {
			id: String(task.shiftTaskId ?? '').trim()
				? readUlid(context, itemIndex, task.shiftTaskId, label('Keep Shift Task ID'))
				: undefined,
			fields: {
				taskId: readUlid(context, itemIndex, task.masterTaskId, label('Master Task Name or ID')),
				name,
				description: String(task.description ?? ''),
				type: timeBoxed ? SHIFT_TASK_TYPE.timeBoxed : SHIFT_TASK_TYPE.regular,
				options: timeBoxed
					? readTimeBox(context, itemIndex, task.startTime, task.dueTime, label)
					: null,
			},
		};
	});
}

/** What a list Humanity holds lacks, or holds beyond the tasks given; nothing when it is exactly them. */
function differences(entries: Entry[], answer: IDataObject[]): string[] {
	const unmatched = [...answer];
	const missing = entries.filter((entry) => {
		const match = unmatched.findIndex(
			(task) =>
				(!entry.id || String(task.id).toLowerCase() === entry.id) &&
				holdsFields(task, entry.fields),
		);
		if (match >= 0) unmatched.splice(match, 1);
		return match < 0;
	});
	return [
		missing.length
			? `lacks ${missing.map((entry) => describeTask({ id: entry.id, name: entry.fields.name })).join(', ')}`
			: '',
		unmatched.length
			? `also holds ${unmatched.map((task) => describeTask({ id: String(task.id), name: String(task.name) })).join(', ')}`
			: '',
	].filter(Boolean);
}

/**
 * Replaces the shift's list with exactly the tasks given, then checks the answer is that list. When the write's
 * outcome is unknown, the shift is read first: a list that arrived is not sent again (its new tasks would be
 * made twice, with new IDs).
 */
export async function setAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem(this, async (itemIndex) => {
		const shiftId = readShiftId(this, itemIndex);
		const entries = readEntries(this, itemIndex);
		const path = `/shifts/${shiftId}/tasks`;
		const written = await humanityApiRequest.call(this, 'PUT', path, {
			body: { tasks: entries.map((entry) => entryOf(entry.fields, entry.id)) },
			itemIndex,
			checkBeforeResend: async () => {
				const readBack = await humanityApiRequest.call(this, 'GET', path, { itemIndex });
				return differences(entries, recordsOf(readBack)).length === 0 ? readBack : undefined;
			},
		});
		const answer = recordsOf(written);
		const problems = differences(entries, answer);
		if (problems.length) {
			throw new NodeOperationError(
				this.getNode(),
				`Humanity: the task list of shift ${shiftId} came back wrong: it ${problems.join('; ')}`,
				{
					itemIndex,
					description: 'Check the shift in Humanity before running this again.',
				},
			);
		}
		return answer;
	});
}
