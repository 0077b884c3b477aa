/**
 * The bad-input sweep over every operation of the Open Dental node (see sweep.ts): the records its base cases
 * name, a credential that needs no sign-in, and a plan for every field of every operation.
 */
import {
	OpenDentalFake,
	type OpenDentalTask,
	type OpenDentalTaskNote,
} from '../../fakes/openDental';
import { OpenDental } from '../../../nodes/OpenDental/OpenDental.node';
import {
	BOOLEAN,
	LIMIT,
	OUTPUT,
	OUTPUT_FIELDS,
	none,
	RETURN_ALL,
	rl,
	type FieldPlan,
	type OperationPlan,
} from '../badInputCases';
import { descriptionOf, sweep, type Vendor } from './sweep';

interface OpenDentalWorld {
	task: OpenDentalTask;
	note: OpenDentalTaskNote;
}
const openDentalFake = new OpenDentalFake({ throttle: null });
const taskNum: FieldPlan = { required: true, wrongType: 'wholeNumber' };
const openDentalOnTask: OperationPlan<OpenDentalWorld> = {
	base: (w) => ({ taskNum: String(w.task.TaskNum) }),
	fields: {
		taskNum,
		outputFormat: OUTPUT,
		outputFields: OUTPUT_FIELDS,
	},
};
const openDentalTaskFields = (collection: string): Record<string, FieldPlan> => ({
	[`${collection}.objectType`]: { wrongType: 'option' },
	[`${collection}.dateTimeEntry`]: { date: true },
	[`${collection}.keyNum`]: {
		wrongType: 'wholeNumber',
		with: { [`${collection}.objectType`]: 'Patient' },
	},
	[`${collection}.priorityDefNum`]: { notBlank: true, wrongType: 'wholeNumber' },
	[`${collection}.descriptOverride`]: { maxLength: 256 },
});
const openDental: Vendor<OpenDentalWorld> = {
	title: 'Open Dental',
	type: 'openDental',
	credentialType: 'openDentalApi',
	description: descriptionOf(new OpenDental()),
	fake: openDentalFake,
	seed: () => {
		openDentalFake.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
		openDentalFake.addUser({ UserNum: 3, UserName: 'Maria' });
		openDentalFake.addPriority({ DefNum: 10, ItemName: 'Normal', ItemValue: 'D' });
		const task = openDentalFake.addTask({ TaskListNum: 74, Descript: 'Call the lab', UserNum: 3 });
		const note = openDentalFake.addNote({
			TaskNum: task.TaskNum,
			Note: 'Left a message',
			UserNum: 3,
		});
		return { task, note };
	},
	credential: () => ({ ...openDentalFake.credentialData(), rateLimit: 'none' }),
	plans: {
		'task.create': {
			base: () => ({
				taskListNum: rl(74, 'list'),
				descript: 'Verify insurance before the next appointment',
				userNum: rl(3),
				additionalFields: {
					objectType: 'Patient',
					dateTimeEntry: '2026-03-01T09:00:00',
					keyNum: 12,
					priorityDefNum: 10,
					descriptOverride: 'Insurance',
				},
			}),
			fields: {
				taskListNum: taskNum,
				descript: { required: true },
				userNum: taskNum,
				...openDentalTaskFields('additionalFields'),
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'task.get': openDentalOnTask,
		'task.markDone': openDentalOnTask,
		'task.markNew': openDentalOnTask,
		'task.markViewed': openDentalOnTask,
		'task.getAll': {
			base: () => ({
				returnAll: false,
				limit: 5,
				filters: {
					objectType: 'Patient',
					dateTimeOriginal: '2026-01-01T00:00:00',
					keyNum: 12,
					taskStatus: 'New',
					taskListNum: rl(74, 'list'),
				},
			}),
			fields: {
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.objectType': { wrongType: 'option' },
				'filters.dateTimeOriginal': { date: true },
				'filters.keyNum': { wrongType: 'wholeNumber', with: { 'filters.objectType': 'Patient' } },
				'filters.taskStatus': { wrongType: 'option' },
				'filters.taskListNum': { notBlank: true, wrongType: 'wholeNumber' },
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'task.update': {
			base: (w) => ({
				taskNum: String(w.task.TaskNum),
				updateFields: {
					objectType: 'Patient',
					descript: 'Verify insurance again',
					dateTimeEntry: '2026-03-01T10:00:00',
					keyNum: 12,
					priorityDefNum: 10,
					descriptOverride: 'Insurance',
					taskStatus: 'Viewed',
				},
				keepDoneStatus: true,
			}),
			fields: {
				taskNum,
				updateFields: { required: true },
				...openDentalTaskFields('updateFields'),
				'updateFields.descript': { notBlank: true },
				'updateFields.dateTimeEntry': { notBlank: true, date: true },
				'updateFields.taskStatus': { wrongType: 'option' },
				keepDoneStatus: BOOLEAN,
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'taskList.getAll': {
			base: () => ({ taskListStatus: 'Active', returnAll: false, limit: 5 }),
			fields: { taskListStatus: { wrongType: 'option' }, returnAll: RETURN_ALL, limit: LIMIT },
		},
		'taskNote.create': {
			base: (w) => ({
				taskNum: String(w.task.TaskNum),
				userNum: rl(3, 'list'),
				note: 'Called the patient back',
			}),
			fields: { taskNum, userNum: taskNum, note: { required: true } },
		},
		'taskNote.get': {
			base: (w) => ({ taskNoteNum: String(w.note.TaskNoteNum) }),
			fields: {
				taskNoteNum: taskNum,
				taskNum: none(
					'only narrows the Task Note Number list (node version 2); nothing of it is sent',
				),
			},
		},
		'taskNote.getAll': {
			base: (w) => ({
				returnAll: false,
				limit: 5,
				filters: { taskNum: String(w.task.TaskNum), userNum: rl(3) },
			}),
			fields: {
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.taskNum': { notBlank: true, wrongType: 'wholeNumber' },
				'filters.userNum': { notBlank: true, wrongType: 'wholeNumber' },
			},
		},
		'taskNote.update': {
			base: (w) => ({
				taskNoteNum: String(w.note.TaskNoteNum),
				updateFields: { note: 'Called back twice', dateTimeNote: '2026-03-01T10:00:00' },
			}),
			fields: {
				taskNoteNum: taskNum,
				taskNum: none(
					'only narrows the Task Note Number list (node version 2); nothing of it is sent',
				),
				updateFields: { required: true },
				'updateFields.note': { notBlank: true },
				'updateFields.dateTimeNote': { notBlank: true, date: true },
			},
		},
	},
};

sweep(openDental);
