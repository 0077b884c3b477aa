/**
 * `npm run test:reliability`, the bad-input sweep (issue 8): every operation of every action node, run through
 * n8n-core's engine with n8n's defaults (no Continue On Fail) against its stateful fake, first with a valid
 * parameter set, then with each field made bad in each way that fits it (see badInputCases.ts). Every bad case
 * must stop the run with an error that names the field as the editor shows it, and the fake must have recorded
 * no request at all: no API call, and no sign-in (credentials hold a live token, so none is due).
 * Writes the "bad input" section of docs/RELIABILITY.md from what this run saw.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { Engine, runNode, type NodeRun } from '../engine/harness';
import type { VendorFake } from '../fakes/kit';
import {
	OliverFake,
	type OliverClient,
	type OliverPatient,
	type OliverTask,
} from '../fakes/oliver';
import { OpenDentalFake, type OpenDentalTask, type OpenDentalTaskNote } from '../fakes/openDental';
import {
	PlannrFake,
	type PlannrAccount,
	type PlannrGroup,
	type PlannrStatus,
	type PlannrTaskRecord,
} from '../fakes/plannr';
import { MileAppFake, type MileAppHub, type MileAppTaskRecord } from '../fakes/mileApp';
import {
	HumanityFake,
	type HumanityEmployee,
	type HumanityMasterTask,
	type HumanityShift,
	type HumanityShiftTask,
} from '../fakes/humanity';
import { Oliver } from '../../nodes/Oliver/Oliver.node';
import { OpenDental } from '../../nodes/OpenDental/OpenDental.node';
import { Plannr } from '../../nodes/Plannr/Plannr.node';
import { MileApp } from '../../nodes/MileApp/MileApp.node';
import { Humanity } from '../../nodes/Humanity/Humanity.node';
import {
	BOOLEAN,
	FREE_TEXT,
	LIMIT,
	OUTPUT,
	RETURN_ALL,
	casesOf,
	coverageProblems,
	fieldsOf,
	none,
	operationsOf,
	rl,
	type BadInputCase,
	type FieldPlan,
	type MapperField,
	type OperationPlan,
} from './badInputCases';
import { markdownTable, writeSection } from './report';

jest.setTimeout(60_000);

interface Vendor<World> {
	title: string;
	type: string;
	credentialType: string;
	description: INodeTypeDescription;
	fake: VendorFake & { reset(): void };
	/** After the fake's reset: the records the base cases name. */
	seed: () => World;
	/** A credential that needs no sign-in: a live token wherever the vendor uses one. */
	credential: (world: World) => ICredentialDataDecryptedObject;
	plans: Record<string, OperationPlan<World>>;
}

const descriptionOf = (type: INodeType) => type.description;

// ---- Oliver ----

interface OliverWorld {
	task: OliverTask;
	client: OliverClient;
	patient: OliverPatient;
	token: string;
}
const oliverFake = new OliverFake();
const oliverTaskId: FieldPlan = { required: true, wrongType: 'idText' };
const oliverOnTask = (output = true): OperationPlan<OliverWorld> => ({
	base: (w) => ({ taskId: w.task.id }),
	fields: { taskId: oliverTaskId, ...(output ? { outputFormat: OUTPUT } : {}) },
});
const oliverTaskFields = (collection: string): Record<string, FieldPlan> => ({
	[`${collection}.clientId`]: { wrongType: 'idText' },
	[`${collection}.description`]: FREE_TEXT,
	[`${collection}.patientId`]: { wrongType: 'idText' },
	[`${collection}.referenceTimeAt`]: { date: true },
	[`${collection}.taskType`]: { wrongType: 'option' },
});
const oliver: Vendor<OliverWorld> = {
	title: 'Oliver',
	type: 'oliver',
	credentialType: 'oliverApi',
	description: descriptionOf(new Oliver()),
	fake: oliverFake,
	seed: () => {
		const client = oliverFake.addClient({ name: 'Dana Smith', email: 'dana@example.com' });
		const patient = oliverFake.addPatient({ name: 'Rex', client_id: client.id });
		const task = oliverFake.addTask({
			title: 'Call owner about lab results',
			client_id: client.id,
			patient_id: patient.id,
		});
		return { task, client, patient, token: oliverFake.issueToken() };
	},
	credential: (w) => ({ ...oliverFake.credentialData(), sessionToken: w.token }),
	plans: {
		'client.get': {
			base: (w) => ({ clientId: w.client.id }),
			fields: { clientId: { required: true, wrongType: 'idText' } },
		},
		'client.search': {
			base: () => ({ searchBy: 'name', searchValue: 'Dana' }),
			fields: { searchBy: { wrongType: 'option' }, searchValue: { required: true } },
		},
		'patient.get': {
			base: (w) => ({ patientId: w.patient.id }),
			fields: { patientId: { required: true, wrongType: 'idText' } },
		},
		'patient.getAll': {
			base: (w) => ({ clientId: rl(w.client.id, 'list'), name: 'Rex' }),
			fields: { clientId: { required: true, wrongType: 'idText' }, name: FREE_TEXT },
		},
		'staffTask.cancel': oliverOnTask(),
		'staffTask.complete': oliverOnTask(),
		'staffTask.reopen': oliverOnTask(),
		'staffTask.get': oliverOnTask(),
		'staffTask.delete': oliverOnTask(false),
		'staffTask.create': {
			base: (w) => ({
				title: 'Refill Rex’s meds',
				additionalFields: {
					clientId: rl(w.client.id, 'list'),
					description: 'Carprofen 75mg',
					patientId: rl(w.patient.id),
					referenceTimeAt: '2026-12-01T09:30:00',
					taskType: 'rx_refill',
				},
			}),
			fields: {
				title: { required: true },
				...oliverTaskFields('additionalFields'),
				outputFormat: OUTPUT,
			},
		},
		'staffTask.getAll': {
			base: () => ({ returnAll: false, limit: 5, filters: { status: 'pending' } }),
			fields: {
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.status': { wrongType: 'option' },
				outputFormat: OUTPUT,
			},
		},
		'staffTask.update': {
			base: (w) => ({
				taskId: w.task.id,
				updateFields: {
					clientId: rl(w.client.id),
					description: 'Keep me',
					patientId: rl(w.patient.id),
					referenceTimeAt: '2026-12-02T10:00:00Z',
					status: 'completed',
					taskType: 'task',
					title: 'New title',
				},
			}),
			fields: {
				taskId: oliverTaskId,
				updateFields: { required: true },
				...oliverTaskFields('updateFields'),
				'updateFields.status': { wrongType: 'option' },
				'updateFields.title': { notBlank: true },
				outputFormat: OUTPUT,
			},
		},
	},
};

// ---- Open Dental ----

interface OpenDentalWorld {
	task: OpenDentalTask;
	note: OpenDentalTaskNote;
}
const openDentalFake = new OpenDentalFake({ throttle: null });
const taskNum: FieldPlan = { required: true, wrongType: 'wholeNumber' };
const openDentalOnTask: OperationPlan<OpenDentalWorld> = {
	base: (w) => ({ taskNum: String(w.task.TaskNum) }),
	fields: { taskNum, outputFormat: OUTPUT },
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
			fields: { taskNoteNum: taskNum },
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
				updateFields: { required: true },
				'updateFields.note': { notBlank: true },
				'updateFields.dateTimeNote': { notBlank: true, date: true },
			},
		},
	},
};

// ---- Plannr ----

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
	fields: { authentication: AUTHENTICATION, taskUuid, outputFormat: OUTPUT },
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
			base: () => ({ authentication: 'accessToken', returnAll: false, limit: 5 }),
			fields: { authentication: AUTHENTICATION, returnAll: RETURN_ALL, limit: LIMIT },
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
				'options.include': { wrongType: 'option' },
				'options.sort': { wrongType: 'option' },
				'options.sortDescending': BOOLEAN,
				outputFormat: OUTPUT,
			},
		},
		'task.uncomplete': {
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
			},
		},
		'taskStatus.getAll': {
			base: () => ({ authentication: 'accessToken' }),
			fields: { authentication: AUTHENTICATION },
		},
	},
};

// ---- MileApp ----

interface MileAppWorld {
	hub: MileAppHub;
	otherHub: MileAppHub;
	task: MileAppTaskRecord;
}
const MILEAPP_TOKEN = 'MileApp-Personal-Token-8801';
const mileAppFake = new MileAppFake({ token: MILEAPP_TOKEN });
/** The Delivery flow's fields, as MileApp lists them and the editor's mapper saves them. */
const DELIVERY_FIELDS = [
	{ field: 'invoice', type: 'string', required: true, description: 'Invoice number' },
	{ field: 'packageCount', type: 'number', required: true, description: 'Packages to deliver' },
	{
		field: 'priority',
		type: 'select',
		options: ['Low', 'Normal', 'Urgent'],
		description: 'Priority',
	},
	{ field: 'deliverBy', type: 'datetime', description: 'Deliver by' },
] as const;
const MAPPER_TYPES = {
	string: 'string',
	number: 'number',
	select: 'options',
	datetime: 'dateTime',
} as const;
const deliverySchema = (requiredToo: boolean): MapperField[] =>
	DELIVERY_FIELDS.map((field) => ({
		id: field.field,
		displayName: `${field.field} (${field.description})`,
		type: MAPPER_TYPES[field.type],
		required: requiredToo && 'required' in field && field.required,
		...('options' in field
			? { options: field.options.map((value) => ({ name: value, value })) }
			: {}),
	}));
/** ISO 8601 (UTC, no fraction) `days` from the clock under test. */
const daysFromNow = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const deliveryValues = {
	invoice: 'INV-77',
	packageCount: 2,
	priority: 'Urgent',
	deliverBy: '2026-11-24T15:00:00+07:00',
};
const flowFields = (requiredToo: boolean) => ({
	mappingMode: 'defineBelow',
	value: deliveryValues,
	schema: deliverySchema(requiredToo).map((field) => ({
		...field,
		display: true,
		defaultMatch: false,
	})),
});
const mileAppTaskId: FieldPlan = { required: true, wrongType: 'idText' };
const mileAppOnTask = (output = true): OperationPlan<MileAppWorld> => ({
	base: (w) => ({ taskId: w.task._id }),
	fields: { taskId: mileAppTaskId, ...(output ? { outputFormat: OUTPUT } : {}) },
});
const wholeTask = (withTaskId: boolean): OperationPlan<MileAppWorld> => ({
	base: (w) => ({
		...(withTaskId ? { taskId: w.task._id } : {}),
		flow: rl('Delivery', 'list'),
		hubId: rl(w.hub._id, 'list'),
		flowFields: flowFields(true),
		additionalFields: {
			assignees: 'dewi@example.com',
			endTime: '2026-11-24T17:00:00+07:00',
			startTime: '2026-11-24T09:00:00+07:00',
		},
	}),
	fields: {
		...(withTaskId ? { taskId: mileAppTaskId } : {}),
		flow: { required: true, wrongType: 'idText' },
		hubId: { required: true, wrongType: 'idText' },
		flowFields: none('its own fields are planned one by one below (the mapper)'),
		'additionalFields.assignees': { wrongType: 'email' },
		'additionalFields.endTime': { date: true },
		'additionalFields.startTime': { date: true },
		outputFormat: OUTPUT,
	},
	mapper: { path: 'flowFields', fields: deliverySchema(true) },
});
const mileApp: Vendor<MileAppWorld> = {
	title: 'MileApp',
	type: 'mileApp',
	credentialType: 'mileAppApi',
	description: descriptionOf(new MileApp()),
	fake: mileAppFake,
	seed: () => {
		const hub = mileAppFake.addHub({ name: 'Jakarta Central', address: 'Jl. MH Thamrin 1' });
		const otherHub = mileAppFake.addHub({ name: 'Bandung', address: 'Jl. Asia Afrika 8' });
		mileAppFake.addUser({
			name: 'Dewi Lestari',
			email: 'dewi@example.com',
			hubIds: [hub._id, otherHub._id],
		});
		const flow = mileAppFake.addFlow({
			name: 'Delivery',
			fields: DELIVERY_FIELDS.map((field) => ({
				...field,
				options: 'options' in field ? [...field.options] : undefined,
			})),
		});
		const task = mileAppFake.addTask({
			flowId: flow._id,
			hubId: hub._id,
			assignee: ['dewi@example.com'],
			fields: { invoice: 'INV-1', packageCount: 3 },
		});
		return { hub, otherHub, task };
	},
	credential: () => mileAppFake.credentialData(),
	plans: {
		'flow.getFields': {
			base: () => ({ flow: rl('Delivery', 'list') }),
			fields: { flow: { required: true, wrongType: 'idText' } },
		},
		'flow.getMany': {
			base: () => ({ returnAll: false, limit: 5 }),
			fields: { returnAll: RETURN_ALL, limit: LIMIT },
		},
		'hub.getMany': {
			base: () => ({ returnAll: false, limit: 5, search: 'Jakarta' }),
			fields: { returnAll: RETURN_ALL, limit: LIMIT, search: FREE_TEXT },
		},
		'task.assign': {
			base: (w) => ({ taskId: w.task._id, assignees: 'dewi@example.com' }),
			fields: {
				taskId: mileAppTaskId,
				assignees: { required: true, wrongType: 'email' },
				outputFormat: OUTPUT,
			},
		},
		'task.create': wholeTask(false),
		'task.replace': wholeTask(true),
		'task.delete': mileAppOnTask(false),
		'task.get': mileAppOnTask(),
		'task.getMany': {
			base: (w) => ({
				returnAll: false,
				limit: 5,
				filters: {
					assignee: 'dewi@example.com',
					flow: 'Delivery',
					hubId: w.hub._id,
					status: 'ONGOING',
					timeBy: 'createdTime',
					// A day either side of the clock, so the range holds the task seeded now whatever the date (it ended at 2030-01-01).
					timeFrom: daysFromNow(-1),
					timeTo: daysFromNow(1),
				},
				options: { sortBy: 'createdTime', sortOrder: 'desc' },
			}),
			fields: {
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.assignee': { notBlank: true, wrongType: 'email' },
				'filters.flow': { notBlank: true, wrongType: 'idText' },
				'filters.hubId': { notBlank: true, wrongType: 'idText' },
				'filters.status': { wrongType: 'option' },
				'filters.timeBy': { wrongType: 'option' },
				'filters.timeFrom': { date: true },
				'filters.timeTo': { date: true },
				'options.sortBy': { wrongType: 'option' },
				'options.sortOrder': { wrongType: 'option' },
				outputFormat: OUTPUT,
			},
		},
		'task.update': {
			base: (w) => ({
				taskId: w.task._id,
				flow: rl('Delivery', 'list'),
				flowFields: flowFields(false),
				updateFields: {
					endTime: '2026-11-30T18:00:00Z',
					hubId: w.otherHub._id,
					startTime: '2026-11-30T08:00:00Z',
				},
			}),
			fields: {
				taskId: mileAppTaskId,
				flow: { required: true, wrongType: 'idText' },
				flowFields: none('its own fields are planned one by one below (the mapper)'),
				updateFields: none(
					'optional: the flow fields alone may carry the change (nothing at all is refused, see the engine tests)',
				),
				'updateFields.endTime': { date: true },
				'updateFields.hubId': { wrongType: 'idText' },
				'updateFields.startTime': { date: true },
				outputFormat: OUTPUT,
			},
			mapper: { path: 'flowFields', fields: deliverySchema(false) },
		},
	},
};

// ---- Humanity ----

interface HumanityWorld {
	shift: HumanityShift;
	masters: HumanityMasterTask[];
	tasks: HumanityShiftTask[];
	positionId: number;
	locationId: number;
	sam: HumanityEmployee;
	employeeTaskId: string;
}
const humanityFake = new HumanityFake();
const shiftId: FieldPlan = { required: true, wrongType: 'wholeNumber' };
const ulid: FieldPlan = { required: true, wrongType: 'ulid' };
const shiftIds: FieldPlan = { required: true, wrongType: 'wholeNumbers' };
const byId = (value: string | number) => rl(value, 'id');
const humanity: Vendor<HumanityWorld> = {
	title: 'Humanity',
	type: 'humanity',
	credentialType: 'humanityApi',
	description: descriptionOf(new Humanity()),
	fake: humanityFake,
	seed: () => {
		const { location, position, sam, shift, masters, tasks } = humanityFake.addMorningBar();
		const employeeTaskId = humanityFake.employeeTasksOf(tasks[0].id)[0].id;
		return {
			shift,
			masters,
			tasks,
			positionId: position.id,
			locationId: location.id,
			sam,
			employeeTaskId,
		};
	},
	credential: () => ({
		...humanityFake.credentialData(),
		accessToken: humanityFake.issueAccessToken(),
		accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
	}),
	plans: {
		'employeeTask.complete': {
			base: (w) => ({
				employeeTaskId: w.employeeTaskId,
				options: { startedAt: '2026-11-23T13:00:00Z', endedAt: '2026-11-23T13:20:00Z' },
			}),
			fields: {
				employeeTaskId: ulid,
				'options.startedAt': { date: true },
				'options.endedAt': { date: true },
				outputFormat: OUTPUT,
			},
		},
		'employeeTask.getMany': {
			base: (w) => ({
				shiftIds: String(w.shift.id),
				returnAll: false,
				limit: 5,
				filters: { employeeId: w.sam.id, status: 'open' },
			}),
			fields: {
				shiftIds,
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.employeeId': { wrongType: 'wholeNumber' },
				'filters.status': { wrongType: 'option' },
				outputFormat: OUTPUT,
			},
		},
		'employeeTask.start': {
			base: (w) => ({ employeeTaskId: w.employeeTaskId }),
			fields: { employeeTaskId: ulid, outputFormat: OUTPUT },
		},
		'masterTask.create': {
			base: (w) => ({
				name: 'Wipe the tables',
				positionIds: [w.positionId],
				additionalFields: { color: '#1565C0', description: 'Every hour' },
			}),
			fields: {
				name: { required: true },
				positionIds: { required: true, wrongType: 'wholeNumbers' },
				'additionalFields.color': { wrongType: 'color' },
				'additionalFields.description': FREE_TEXT,
				outputFormat: OUTPUT,
			},
		},
		'masterTask.delete': {
			base: (w) => ({ masterTaskId: byId(w.masters[3].id) }),
			fields: { masterTaskId: ulid },
		},
		'masterTask.getMany': {
			base: (w) => ({
				returnAll: false,
				limit: 5,
				filters: { includeDeleted: false, positionIds: [w.positionId], searchTerm: 'espresso' },
			}),
			fields: {
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.includeDeleted': BOOLEAN,
				'filters.positionIds': { wrongType: 'wholeNumbers' },
				'filters.searchTerm': none(
					'free text; its documented minimum (3 characters) is refused as the engine tests check',
				),
				outputFormat: OUTPUT,
			},
		},
		'masterTask.update': {
			base: (w) => ({
				masterTaskId: rl(w.masters[0].id, 'list', w.masters[0].name),
				updateFields: {
					color: '#2E7D32',
					description: 'At opening',
					favorite: true,
					name: 'Open the till',
					positionIds: [w.positionId],
				},
			}),
			fields: {
				masterTaskId: ulid,
				updateFields: { required: true },
				'updateFields.color': { wrongType: 'color' },
				'updateFields.description': FREE_TEXT,
				'updateFields.favorite': BOOLEAN,
				'updateFields.name': { notBlank: true },
				'updateFields.positionIds': { notBlank: true, wrongType: 'wholeNumbers' },
				outputFormat: OUTPUT,
			},
		},
		'shift.get': { base: (w) => ({ shiftId: byId(w.shift.id) }), fields: { shiftId } },
		'shift.getMany': {
			base: (w) => ({
				startDate: '2026-11-23',
				endDate: '2026-11-24',
				returnAll: false,
				limit: 5,
				filters: {
					employees: [w.sam.id],
					location: w.locationId,
					mode: 'overview',
					schedule: [w.positionId],
				},
			}),
			fields: {
				startDate: { required: true, date: true },
				endDate: { required: true, date: true },
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.employees': { wrongType: 'wholeNumbers' },
				'filters.location': { wrongType: 'wholeNumber' },
				'filters.mode': { wrongType: 'option' },
				'filters.schedule': { wrongType: 'wholeNumbers' },
			},
		},
		'shiftTask.add': {
			base: (w) => ({
				shiftId: rl(w.shift.id, 'list', 'Morning bar'),
				masterTaskId: rl(w.masters[3].id, 'list', 'Fridge temperature log'),
				type: 'timeBoxed',
				startTime: '2026-11-23T08:00:00',
				dueTime: '2026-11-23T08:15:00',
				additionalFields: { description: 'Log both fridges', name: 'Fridge check' },
			}),
			fields: {
				shiftId,
				masterTaskId: ulid,
				type: { wrongType: 'option' },
				startTime: { required: true, date: true },
				dueTime: { required: true, date: true },
				'additionalFields.description': FREE_TEXT,
				'additionalFields.name': none(
					'left empty, the name is the picked master task’s (refused when there is none to take)',
				),
				outputFormat: OUTPUT,
			},
		},
		'shiftTask.getMany': {
			base: (w) => ({ shiftIds: `${w.shift.id}`, returnAll: false, limit: 5 }),
			fields: { shiftIds, returnAll: RETURN_ALL, limit: LIMIT, outputFormat: OUTPUT },
		},
		'shiftTask.remove': {
			base: (w) => ({ shiftId: byId(w.shift.id), shiftTaskId: byId(w.tasks[1].id) }),
			fields: { shiftId, shiftTaskId: ulid, outputFormat: OUTPUT },
		},
		'shiftTask.setAll': {
			base: (w) => ({
				shiftId: byId(w.shift.id),
				tasks: {
					task: [
						{
							description: 'Count the float twice',
							dueTime: '2026-11-23T08:30:00',
							shiftTaskId: w.tasks[0].id,
							masterTaskId: w.masters[0].id,
							name: 'Open the register',
							startTime: '2026-11-23T08:00:00',
							type: 'timeBoxed',
						},
						{ masterTaskId: w.masters[2].id, name: 'Restock pastries', type: 'regular' },
					],
				},
			}),
			fields: {
				shiftId,
				tasks: { required: true },
				'tasks.task.description': FREE_TEXT,
				'tasks.task.dueTime': { notBlank: true, date: true },
				'tasks.task.shiftTaskId': { wrongType: 'ulid' },
				'tasks.task.masterTaskId': ulid,
				'tasks.task.name': { required: true },
				'tasks.task.startTime': { notBlank: true, date: true },
				'tasks.task.type': { wrongType: 'option' },
				outputFormat: OUTPUT,
			},
		},
		'shiftTask.update': {
			base: (w) => ({
				shiftId: byId(w.shift.id),
				shiftTaskId: rl(w.tasks[1].id, 'list', 'Clean the espresso machine'),
				updateFields: {
					description: 'Descale too',
					dueTime: '2026-11-23T13:45:00Z',
					masterTaskId: w.masters[1].id,
					name: 'Clean and descale the espresso machine',
					startTime: '2026-11-23T13:05:00Z',
					type: 'timeBoxed',
				},
			}),
			fields: {
				shiftId,
				shiftTaskId: ulid,
				updateFields: { required: true },
				'updateFields.description': FREE_TEXT,
				'updateFields.dueTime': { date: true },
				'updateFields.masterTaskId': { wrongType: 'ulid' },
				'updateFields.name': { notBlank: true },
				'updateFields.startTime': { date: true },
				'updateFields.type': { wrongType: 'option' },
				outputFormat: OUTPUT,
			},
		},
	},
};

// ---- the sweep ----

const VENDORS = [oliver, openDental, plannr, mileApp, humanity] as unknown as Array<
	Vendor<unknown>
>;

interface Outcome {
	vendor: string;
	testCase: BadInputCase;
	requests: string[];
	refusedBy: 'n8n' | 'node' | null;
	message: string;
	/** Why the case does not pass, or undefined when it does. */
	problem?: string;
}

const outcomes: Outcome[] = [];
/** Whether each operation's base case ran and reached the vendor, by `vendor|resource.operation`. */
const baseResults = new Map<string, { ok: boolean }>();

async function run(
	vendor: Vendor<unknown>,
	engine: Engine,
	credentialId: string,
	parameters: IDataObject,
): Promise<{ run?: NodeRun; thrown?: Error }> {
	try {
		return {
			run: await runNode(engine, {
				type: vendor.type,
				credentialType: vendor.credentialType,
				credentialId,
				parameters,
			}),
		};
	} catch (error) {
		return { thrown: error as Error };
	}
}

/** The verdict on one bad case: refused, by whom, naming the field, with nothing sent. */
function judge(
	vendorTitle: string,
	testCase: BadInputCase,
	attempt: { run?: NodeRun; thrown?: Error },
	requests: string[],
): Outcome {
	const outcome: Outcome = {
		vendor: vendorTitle,
		testCase,
		requests,
		refusedBy: null,
		message: '',
	};
	const problems: string[] = [];
	if (attempt.thrown) {
		// n8n's own check before a run: a required parameter left empty in the editor.
		outcome.message = attempt.thrown.message
			.replace(/^The 'Node' node has issues:\s*-\s*/, '')
			.trim();
		if (
			testCase.editorMayRefuse &&
			attempt.thrown.message.includes(`Parameter "${testCase.label}" is required`)
		)
			outcome.refusedBy = 'n8n';
		else problems.push(`the run failed outside the node: ${attempt.thrown.message}`);
	} else {
		const error = attempt.run?.error;
		outcome.message = error?.message ?? '';
		if (!error)
			problems.push(`no error: the node ran and output ${attempt.run?.items.length ?? 0} item(s)`);
		else {
			const named = testCase.names.find(
				(name) =>
					error.message.includes(`"${name}"`) &&
					error.description === `Check the "${name}" field. Nothing was sent.`,
			);
			if (named) outcome.refusedBy = 'node';
			else
				problems.push(
					`the error does not name "${testCase.names[0]}" as the field to check: ${error.message} (${String(error.description)})`,
				);
		}
		if ((attempt.run?.items.length ?? 0) > 0) problems.push('items were output');
	}
	if (requests.length > 0)
		problems.push(`${requests.length} request(s) reached the fake: ${requests.join(', ')}`);
	if (problems.length > 0)
		Object.assign(outcome, { problem: problems.join('; '), refusedBy: null });
	return outcome;
}

for (const vendor of VENDORS) {
	describe(vendor.title, () => {
		let engine: Engine;
		let credentialId: string;
		let world: unknown;

		beforeAll(async () => {
			await vendor.fake.start();
		});
		afterAll(async () => {
			await vendor.fake.stop();
		});

		it('has a valid base case for every operation, and a plan for every field of each', () => {
			expect(
				coverageProblems(vendor.description, vendor.plans as Record<string, OperationPlan<never>>),
			).toEqual([]);
		});

		for (const { resource, operation } of operationsOf(vendor.description)) {
			const key = `${resource}.${operation}`;
			const plan = vendor.plans[key];
			if (!plan) continue;
			const cases = casesOf(vendor.description, resource, operation, plan as OperationPlan<never>);

			describe(key, () => {
				beforeAll(() => {
					vendor.fake.reset();
					world = vendor.seed();
					engine = new Engine();
					credentialId = engine.credentials.add(
						vendor.credentialType,
						vendor.credential(world),
					).id!;
				});

				it('the base case is valid: it runs and reaches the vendor', async () => {
					vendor.fake.server.clearRequests();
					const attempt = await run(vendor, engine, credentialId, {
						resource,
						operation,
						...plan.base(world),
					});
					const requests = vendor.fake.requests.length;
					baseResults.set(`${vendor.title}|${key}`, {
						ok: !attempt.thrown && !attempt.run?.error && requests > 0,
					});
					expect(attempt.thrown?.message ?? attempt.run?.error?.message).toBeUndefined();
					expect(requests).toBeGreaterThan(0);
				});

				if (cases.length === 0) return;
				it.each(
					cases.map(
						(testCase) =>
							[
								`${testCase.label} (${testCase.field}): ${testCase.kind} ${testCase.value}`,
								testCase,
							] as const,
					),
				)('%s is refused, naming the field, with nothing sent', async (_name, testCase) => {
					vendor.fake.server.clearRequests();
					const parameters = testCase.apply({ resource, operation, ...plan.base(world) });
					const attempt = await run(vendor, engine, credentialId, parameters);
					const requests = vendor.fake.requests.map(
						(request) => `${request.method} ${request.path}`,
					);
					const outcome = judge(vendor.title, testCase, attempt, requests);
					outcomes.push(outcome);
					expect(outcome.problem ?? 'refused').toBe('refused');
				});
			});
		}
	});
}

// ---- the report ----

const cell = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const caseName = (testCase: BadInputCase) =>
	testCase.what ? `${testCase.kind}: ${testCase.what}` : testCase.kind;

/** The fields no case applies to, each with why, and the operations that have it. */
function fieldsWithoutCases(vendor: Vendor<unknown>): Array<[string, string, string]> {
	const found = new Map<string, { label: string; why: string; operations: string[] }>();
	for (const { resource, operation } of operationsOf(vendor.description)) {
		const plan = vendor.plans[`${resource}.${operation}`];
		if (!plan) continue;
		for (const field of fieldsOf(vendor.description, resource, operation)) {
			const why = plan.fields[field.path]?.none;
			if (!why) continue;
			const key = `${field.displayName}|${why}`;
			const entry = found.get(key) ?? { label: field.displayName, why, operations: [] };
			entry.operations.push(`${resource}.${operation}`);
			found.set(key, entry);
		}
	}
	return [...found.values()].map((entry) => [entry.label, entry.why, entry.operations.join(', ')]);
}

function section(): string {
	const refused = outcomes.filter((outcome) => !outcome.problem);
	const byN8n = refused.filter((outcome) => outcome.refusedBy === 'n8n').length;
	const operations = VENDORS.reduce(
		(count, vendor) => count + operationsOf(vendor.description).length,
		0,
	);
	const validBases = [...baseResults.values()].filter((base) => base.ok).length;
	const lines = [
		'## Bad input is refused before anything is sent',
		'',
		'`test/reliability/badInput.test.ts` runs every operation of every action node (read from the node’s description, so none is ' +
			'skipped) through n8n-core’s engine with n8n’s defaults (no Continue On Fail) against its fake: first with a valid parameter ' +
			'set, which must reach the vendor, then with one field made bad at a time. The cases: each required field empty (left blank ' +
			'in the editor, mapped empty, whitespace only), a value of the wrong type for the vendor, a malformed date ' +
			'(`31/02/2026 25:99`, `next tuesday-ish`), and a text one character over the vendor’s stated limit. Bad values other than ' +
			'"empty" arrive as mapped data does (an n8n expression), past the editor’s own checks, as from an upstream node or an AI ' +
			'agent. A case passes when the run stops with an error that names the field as the editor shows it (n8n’s “Name or ID” ' +
			'suffix aside) and says nothing was sent, and the fake recorded no request at all: credentials hold a live token, so not ' +
			'even a sign-in is due.',
		'',
		`**${outcomes.length} cases over ${operations} operations of ${VENDORS.length} nodes (${validBases} valid base cases): ` +
			`${refused.length} refused with zero requests**, ${byN8n} of them by n8n’s own check of a required field left blank in the ` +
			`editor and ${refused.length - byN8n} by the node.`,
	];
	for (const vendor of VENDORS) {
		const mine = outcomes.filter((outcome) => outcome.vendor === vendor.title);
		const rows = operationsOf(vendor.description).map(({ resource, operation }) => {
			const cases = mine.filter(
				(outcome) =>
					outcome.testCase.resource === resource && outcome.testCase.operation === operation,
			);
			const base = baseResults.get(`${vendor.title}|${resource}.${operation}`);
			const ok = cases.filter((outcome) => !outcome.problem);
			return [
				resource,
				operation,
				base
					? base.ok
						? 'valid'
						: '**not valid**'
					: vendor.plans[`${resource}.${operation}`]
						? 'not run'
						: '**missing**',
				new Set(cases.map((outcome) => outcome.testCase.field)).size,
				cases.length,
				cases.length === ok.length ? String(ok.length) : `**${ok.length}**`,
				ok.filter((outcome) => outcome.refusedBy === 'n8n').length,
				ok.filter((outcome) => outcome.refusedBy === 'node').length,
			];
		});
		const failures = mine.filter((outcome) => outcome.problem);
		lines.push(
			'',
			`### Bad input: ${vendor.title}`,
			'',
			markdownTable(
				[
					'Resource',
					'Operation',
					'Base case',
					'Fields tried',
					'Cases',
					'Refused, nothing sent',
					'by n8n',
					'by the node',
				],
				rows,
			),
		);
		if (failures.length > 0) {
			lines.push('', `**Not refused as required (${failures.length}):**`, '');
			lines.push(
				markdownTable(
					['Operation', 'Field', 'Case', 'Value', 'Problem'],
					failures.map((outcome) => [
						`${outcome.testCase.resource}.${outcome.testCase.operation}`,
						outcome.testCase.names[0],
						caseName(outcome.testCase),
						outcome.testCase.value,
						cell(outcome.problem ?? '', 240),
					]),
				),
			);
		}
		lines.push(
			'',
			`<details><summary>${vendor.title}: every case and its error (${mine.length})</summary>`,
			'',
			markdownTable(
				['Operation', 'Field', 'Case', 'Value', 'Refused by', 'Error'],
				mine.map((outcome) => [
					`${outcome.testCase.resource}.${outcome.testCase.operation}`,
					outcome.testCase.names[0],
					caseName(outcome.testCase),
					outcome.testCase.value,
					outcome.problem
						? `**not refused**${outcome.requests.length ? ` (${outcome.requests.length} sent)` : ''}`
						: String(outcome.refusedBy),
					cell(outcome.message),
				]),
			),
			'',
			'Fields with no bad-input case:',
			'',
			markdownTable(['Field', 'Why', 'Operations'], fieldsWithoutCases(vendor)),
			'',
			'</details>',
		);
	}
	return lines.join('\n');
}

afterAll(() => {
	writeSection(20, 'bad-input', section());
});
