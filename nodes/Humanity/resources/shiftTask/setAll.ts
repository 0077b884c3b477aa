import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { listedOptionsField } from '../../../shared/listedOptions';
import { defineOperation, eachItem } from '../../../shared/operation';
import { optionalVersionedIdFields } from '../../../shared/recordPicker';
import { isBlank, type ParameterReader } from '../../../shared/validation';
import { recordsOf } from '../../api';
import {
	locator,
	shiftField,
	shiftIdOf,
	shiftIdRules,
	ULID_EXAMPLE,
	ULID_REGEX,
} from '../../fields';
import { humanityInput, type HumanityInput } from '../../input';
import { humanityApiRequest } from '../../requests';
import { SHIFT_TASK_TYPE, SHIFT_TASK_TYPES, shiftTaskTypeOf } from '../../vocabulary';
import { typeField } from './fields';
import {
	describeEntries,
	describeTasks,
	entryOf,
	holdsFields,
	listCameBackWrong,
	type TaskFields,
} from './taskList';

const requiredForTimeBoxed = 'Required for a time-boxed task';
const TYPE_VALUES = SHIFT_TASK_TYPES.map((option) => String(option.value));

const keepsProgress = "it keeps its employees' progress";

/**
 * Version 1's typed Keep Shift Task ID, kept for the workflows saved with it; from version 2 a picker of the tasks
 * of the shift above, or By ID. Neither is required: a task that names none is made new.
 */
const keepShiftTaskIdFields = optionalVersionedIdFields(
	{
		displayName: 'Keep Shift Task ID',
		name: 'shiftTaskId',
		type: 'string',
		default: '',
		description: `ID of a task already on the shift to update in place (${keepsProgress}); empty makes a new task`,
	},
	locator({
		displayName: 'Keep Shift Task ID',
		name: 'shiftTaskId',
		description: `A task of the shift above to update in place (${keepsProgress}); none picked makes a new task`,
		searchListMethod: 'searchShiftTasks',
		listPlaceholder: 'Select a task of the shift…',
		idPlaceholder: ULID_EXAMPLE,
		idRegex: ULID_REGEX,
		idError: '"Keep Shift Task ID" must be a 26-character ULID',
	}),
);

/** One task of the list as given; a picker's value (a resource locator) reads as the ID it holds. */
const taskReader =
	(task: IDataObject): ParameterReader =>
	(path) => {
		const value = task[path] as INodeParameterResourceLocator | undefined;
		return value && typeof value === 'object' && value.__rl ? value.value : value;
	};

interface Entry {
	id?: string;
	fields: TaskFields;
}

/** One task of the list, read and checked; `label` names its fields as the editor shows them ("Tasks 2: Name"). */
function entryFrom(input: HumanityInput, label: (field: string) => string): Entry {
	input.check([
		{ path: 'name', label: label('Name'), kind: 'required' },
		{ path: 'type', label: label('Type'), kind: 'oneOf', allowed: TYPE_VALUES },
	]);
	const { valueOf } = input;
	const type = shiftTaskTypeOf(valueOf('type'));
	const timeBoxed = type === SHIFT_TASK_TYPE.timeBoxed;
	if (timeBoxed) input.timesGiven('startTime', 'dueTime', label);
	return {
		id: isBlank(valueOf('shiftTaskId'))
			? undefined
			: input.ulid('shiftTaskId', label('Keep Shift Task ID')),
		fields: {
			taskId: input.ulid('masterTaskId', label('Master Task Name or ID')),
			name: String(valueOf('name')).trim(),
			description: String(valueOf('description') ?? ''),
			type,
			options: timeBoxed ? input.timeBox('startTime', 'dueTime', label) : null,
		},
	};
}

function entriesFrom(context: IExecuteFunctions, input: HumanityInput): Entry[] {
	const given = (input.valueOf('tasks.task') as IDataObject[] | undefined) ?? [];
	if (given.length === 0) {
		throw input.refuse(
			'"Tasks" is empty: Set All needs the complete list (to remove tasks, use Remove)',
			'Tasks',
		);
	}
	return given.map((task, index) =>
		entryFrom(
			humanityInput(context, input.itemIndex, taskReader(task)),
			(field) => `Tasks ${index + 1}: ${field}`,
		),
	);
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
		missing.length ? `lacks ${describeEntries(missing)}` : '',
		unmatched.length
			? `also holds ${describeTasks(unmatched.map((task) => ({ id: String(task.id), name: String(task.name) })))}`
			: '',
	].filter(Boolean);
}

export const setAll = defineOperation({
	value: 'setAll',
	name: 'Set All',
	action: 'Replace all tasks of a shift (every task not listed is deleted)',
	description: "Replace the shift's whole task list: tasks not listed are deleted",
	fields: [
		{
			displayName:
				"Set All replaces the shift's whole task list: every task of the shift that is not listed below is deleted, with its employees' progress. To change one task and keep the others, use Add, Update or Remove.",
			name: 'setAllNotice',
			type: 'notice',
			default: '',
		},
		shiftField('The shift whose task list is replaced'),
		{
			displayName: 'Tasks',
			name: 'tasks',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Task',
			default: {},
			description: "The shift's complete task list, in order",
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
							description: requiredForTimeBoxed,
						},
						...keepShiftTaskIdFields,
						listedOptionsField({
							thing: 'Master Task',
							name: 'masterTaskId',
							loadOptionsMethod: 'getMasterTasks',
							required: true,
						}),
						{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
						{
							displayName: 'Start Time',
							name: 'startTime',
							type: 'dateTime',
							default: '',
							description: requiredForTimeBoxed,
						},
						typeField,
					],
				},
			],
		},
	],
	rules: shiftIdRules,
	/**
	 * Replaces the shift's list with exactly the tasks given, then checks the answer is that list. When the write's
	 * outcome is unknown, the shift is read first: a list that arrived is not sent again (its new tasks would be
	 * made twice, with new IDs).
	 */
	run: eachItem(async function (itemIndex, valueOf) {
		const shiftId = shiftIdOf(valueOf);
		const entries = entriesFrom(this, humanityInput(this, itemIndex, valueOf));
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
			throw listCameBackWrong(this.getNode(), shiftId, problems, {
				itemIndex,
				description: 'Check the shift in Humanity before running this again.',
			});
		}
		return answer;
	}),
	outputsTasks: true,
});
