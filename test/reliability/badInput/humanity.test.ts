/**
 * The bad-input sweep over every operation of the Humanity node (see sweep.ts): the records its base cases
 * name, a credential that needs no sign-in, and a plan for every field of every operation.
 */
import {
	HumanityFake,
	type HumanityEmployee,
	type HumanityMasterTask,
	type HumanityShift,
	type HumanityShiftTask,
} from '../../fakes/humanity';
import { Humanity } from '../../../nodes/Humanity/Humanity.node';
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
} from '../badInputCases';
import { descriptionOf, sweep, type Vendor } from './sweep';

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
				shiftId: none(
					'only narrows the Employee Task ID list (node version 2); nothing of it is sent',
				),
				'options.startedAt': { date: true },
				'options.endedAt': { date: true },
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'employeeTask.getAll': {
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
				outputFields: OUTPUT_FIELDS,
			},
		},
		'employeeTask.start': {
			base: (w) => ({ employeeTaskId: w.employeeTaskId }),
			fields: {
				employeeTaskId: ulid,
				shiftId: none(
					'only narrows the Employee Task ID list (node version 2); nothing of it is sent',
				),
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
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
				outputFields: OUTPUT_FIELDS,
			},
		},
		'masterTask.delete': {
			base: (w) => ({ masterTaskId: byId(w.masters[3].id) }),
			fields: { masterTaskId: ulid },
		},
		'masterTask.getAll': {
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
				outputFields: OUTPUT_FIELDS,
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
				outputFields: OUTPUT_FIELDS,
			},
		},
		'shift.get': { base: (w) => ({ shiftId: byId(w.shift.id) }), fields: { shiftId } },
		'shift.getAll': {
			base: (w) => ({
				startDate: '2026-11-23',
				endDate: '2026-11-24',
				returnAll: false,
				limit: 5,
				filters: {
					employees: [w.sam.id],
					location: w.locationId,
					mode: 'employees',
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
				outputFields: OUTPUT_FIELDS,
			},
		},
		'shiftTask.getAll': {
			base: (w) => ({ shiftIds: `${w.shift.id}`, returnAll: false, limit: 5 }),
			fields: {
				shiftIds,
				returnAll: RETURN_ALL,
				limit: LIMIT,
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'shiftTask.remove': {
			base: (w) => ({ shiftId: byId(w.shift.id), shiftTaskId: byId(w.tasks[1].id) }),
			fields: {
				shiftId,
				shiftTaskId: ulid,
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
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
				outputFields: OUTPUT_FIELDS,
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
				outputFields: OUTPUT_FIELDS,
			},
		},
	},
};

sweep(humanity);
