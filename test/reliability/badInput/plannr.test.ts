/**
 * The bad-input sweep over every operation of the Plannr node (see sweep.ts): the records its base cases
 * name, a credential that needs no sign-in, and a plan for every field of every operation.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	PlannrFake,
	type PlannrAccount,
	type PlannrGroup,
	type PlannrStatus,
	type PlannrTaskRecord,
} from '../../fakes/plannr';
import { Plannr } from '../../../nodes/Plannr/Plannr.node';
import {
	BOOLEAN,
	FREE_TEXT,
	LIMIT,
	OUTPUT,
	OUTPUT_FIELDS,
	RETURN_ALL,
	none,
	rl,
	type FieldPlan,
	type OperationPlan,
} from '../badInputCases';
import { descriptionOf, sweep, type Vendor } from './sweep';

interface PlannrWorld {
	todo: PlannrStatus;
	doing: PlannrStatus;
	tom: PlannrAccount;
	james: PlannrAccount;
	group: PlannrGroup;
	task: PlannrTaskRecord;
	parent: PlannrTaskRecord;
	completed: PlannrTaskRecord;
}
const plannrFake = new PlannrFake();
const AUTHENTICATION = none('picks the credential; nothing of it is sent');
const CUSTOM_FIELDS = none('references the firm’s own custom fields, which only Plannr knows');
const taskUuid: FieldPlan = { required: true, wrongType: 'uuid' };
const plannrOnTask: OperationPlan<PlannrWorld> = {
	base: (w) => ({ authentication: 'accessToken', taskUuid: rl(w.task.uuid, 'list') }),
	fields: {
		authentication: AUTHENTICATION,
		taskUuid,
		outputFormat: OUTPUT,
		outputFields: OUTPUT_FIELDS,
	},
};
const plannrTaskFields = (collection: string): Record<string, FieldPlan> => ({
	[`${collection}.assignedToUuids`]: { wrongType: 'uuids' },
	[`${collection}.customFields`]: CUSTOM_FIELDS,
	[`${collection}.description`]: FREE_TEXT,
	[`${collection}.dueAt`]: { date: true },
	[`${collection}.groupUuids`]: { wrongType: 'uuids' },
	[`${collection}.parentTaskUuid`]: { wrongType: 'uuid' },
	[`${collection}.priority`]: { wrongType: 'option' },
});
const plannrTaskValues = (w: PlannrWorld): IDataObject => ({
	assignedToUuids: [w.james.uuid],
	customFields: {},
	description: 'Check the client’s details',
	dueAt: '2026-04-01T09:00:00',
	groupUuids: w.group.uuid,
	parentTaskUuid: w.parent.uuid,
	priority: 'high',
});
const plannr: Vendor<PlannrWorld> = {
	title: 'Plannr',
	type: 'plannr',
	credentialType: 'plannrApi',
	description: descriptionOf(new Plannr()),
	fake: plannrFake,
	seed: () => {
		const todo = plannrFake.addStatus({ name: 'To do', is_not_started: true });
		const doing = plannrFake.addStatus({ name: 'In progress' });
		const done = plannrFake.addStatus({ name: 'Completed', is_type_completed: true });
		const tom = plannrFake.addClient({ first_name: 'Tom', last_name: 'Hughes' });
		const james = plannrFake.addEmployee({ first_name: 'James', last_name: 'Carter' }).account;
		const group = plannrFake.addGroup('Advisers');
		const linked = { taskable_type: 'client' as const, taskable_uuid: tom.uuid };
		const parent = plannrFake.addTask({ name: 'Annual review', status_uuid: todo.uuid, ...linked });
		const task = plannrFake.addTask({
			name: 'Suitability report',
			status_uuid: doing.uuid,
			...linked,
		});
		const completed = plannrFake.addTask({
			name: 'Pension valuation',
			status_uuid: done.uuid,
			...linked,
		});
		return { todo, doing, tom, james, group, task, parent, completed };
	},
	credential: () => plannrFake.credentialData(),
	plans: {
		'account.getAll': {
			base: () => ({
				authentication: 'accessToken',
				returnAll: false,
				limit: 5,
				filters: { type: 'employee' },
			}),
			fields: {
				authentication: AUTHENTICATION,
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.type': { wrongType: 'option' },
			},
		},
		'task.complete': plannrOnTask,
		'task.get': plannrOnTask,
		'task.create': {
			base: (w) => ({
				authentication: 'accessToken',
				name: 'Check details',
				taskableType: 'client',
				taskableUuid: w.tom.uuid,
				taskStatusUuid: w.todo.uuid,
				additionalFields: plannrTaskValues(w),
			}),
			fields: {
				authentication: AUTHENTICATION,
				name: { required: true, maxLength: 255 },
				taskableType: { required: true, wrongType: 'option' },
				taskableUuid: { required: true, wrongType: 'uuid' },
				taskStatusUuid: { required: true, wrongType: 'uuid' },
				...plannrTaskFields('additionalFields'),
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'task.getAll': {
			base: (w) => ({
				authentication: 'accessToken',
				returnAll: false,
				limit: 5,
				filters: {
					assignedToUuids: [w.james.uuid],
					clientUuid: w.tom.uuid,
					dueAfter: '2026-01-01T00:00:00',
					dueBefore: '2026-12-31T00:00:00',
					hasDueDate: true,
					taskableType: 'client',
					taskableUuid: w.tom.uuid,
					name: 'review',
					openTasks: true,
					priority: 'high',
					taskStatusUuid: w.todo.uuid,
					subtaskVisibility: 'include',
					unassignedSubtaskVisibility: 'include',
				},
				options: { include: ['author'], sort: 'due_at', sortDescending: true },
			}),
			fields: {
				authentication: AUTHENTICATION,
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.assignedToUuids': { wrongType: 'uuids' },
				'filters.clientUuid': { wrongType: 'uuid' },
				'filters.dueAfter': { date: true },
				'filters.dueBefore': { date: true },
				'filters.hasDueDate': BOOLEAN,
				'filters.taskableType': { wrongType: 'option' },
				'filters.taskableUuid': { wrongType: 'uuid' },
				'filters.name': FREE_TEXT,
				'filters.openTasks': BOOLEAN,
				'filters.priority': { wrongType: 'option' },
				'filters.taskStatusUuid': { wrongType: 'uuid' },
				'filters.subtaskVisibility': { wrongType: 'option' },
				'filters.unassignedSubtaskVisibility': { wrongType: 'option' },
				'options.include': { wrongType: 'option' },
				'options.sort': { wrongType: 'option' },
				'options.sortDescending': BOOLEAN,
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'task.reopen': {
			base: (w) => ({
				authentication: 'accessToken',
				taskUuid: rl(w.completed.uuid),
				reopenStatusUuid: w.todo.uuid,
			}),
			fields: {
				authentication: AUTHENTICATION,
				taskUuid,
				reopenStatusUuid: { required: true, wrongType: 'uuid' },
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'task.update': {
			base: (w) => ({
				authentication: 'accessToken',
				taskUuid: rl(w.task.uuid),
				updateFields: {
					...plannrTaskValues(w),
					taskableType: 'client',
					taskableUuid: w.tom.uuid,
					name: 'Suitability report v2',
					taskStatusUuid: w.todo.uuid,
				},
			}),
			fields: {
				authentication: AUTHENTICATION,
				taskUuid,
				updateFields: { required: true },
				...plannrTaskFields('updateFields'),
				'updateFields.taskableType': { wrongType: 'option' },
				'updateFields.taskableUuid': { notBlank: true, wrongType: 'uuid' },
				'updateFields.name': { notBlank: true, maxLength: 255 },
				'updateFields.taskStatusUuid': { notBlank: true, wrongType: 'uuid' },
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'taskStatus.getAll': {
			base: () => ({ authentication: 'accessToken' }),
			fields: { authentication: AUTHENTICATION },
		},
		'taskStatus.create': {
			base: () => ({
				authentication: 'accessToken',
				name: 'Waiting on client',
				additionalFields: { colour: '#ff0000' },
			}),
			fields: {
				authentication: AUTHENTICATION,
				// Plannr documents no length limit for a status's name.
				name: { required: true },
				// Documented only as a string: its format is not checked before sending.
				'additionalFields.colour': { notBlank: true },
			},
		},
		'taskStatus.update': {
			base: (w) => ({
				authentication: 'accessToken',
				statusUuid: w.doing.uuid,
				updateFields: { name: 'Under way', colour: '#00aa00', position: 2 },
			}),
			fields: {
				authentication: AUTHENTICATION,
				statusUuid: { required: true, wrongType: 'uuid' },
				updateFields: { required: true },
				'updateFields.name': { notBlank: true },
				'updateFields.colour': { notBlank: true },
				'updateFields.position': { wrongType: 'wholeNumber' },
			},
		},
	},
};

sweep(plannr);
