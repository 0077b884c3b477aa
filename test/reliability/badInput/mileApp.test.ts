/**
 * The bad-input sweep over every operation of the MileApp node (see sweep.ts): the records its base cases
 * name, a credential that needs no sign-in, and a plan for every field of every operation.
 */
import { MileAppFake, type MileAppHub, type MileAppTaskRecord } from '../../fakes/mileApp';
import { MileApp } from '../../../nodes/MileApp/MileApp.node';
import {
	FREE_TEXT,
	LIMIT,
	OUTPUT,
	OUTPUT_FIELDS,
	RETURN_ALL,
	none,
	rl,
	type FieldPlan,
	type MapperField,
	type OperationPlan,
} from '../badInputCases';
import { descriptionOf, sweep, type Vendor } from './sweep';

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
	fields: {
		taskId: mileAppTaskId,
		...(output ? { outputFormat: OUTPUT, outputFields: OUTPUT_FIELDS } : {}),
	},
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
		outputFields: OUTPUT_FIELDS,
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
		'flow.getAll': {
			base: () => ({ returnAll: false, limit: 5 }),
			fields: { returnAll: RETURN_ALL, limit: LIMIT },
		},
		'hub.getAll': {
			base: () => ({ returnAll: false, limit: 5, search: 'Jakarta' }),
			fields: { returnAll: RETURN_ALL, limit: LIMIT, search: FREE_TEXT },
		},
		'task.assign': {
			base: (w) => ({ taskId: w.task._id, assignees: 'dewi@example.com' }),
			fields: {
				taskId: mileAppTaskId,
				assignees: { required: true, wrongType: 'email' },
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
			},
		},
		'task.create': wholeTask(false),
		'task.replace': wholeTask(true),
		'task.delete': mileAppOnTask(false),
		'task.get': mileAppOnTask(),
		'task.getAll': {
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
				outputFields: OUTPUT_FIELDS,
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
				outputFields: OUTPUT_FIELDS,
			},
			mapper: { path: 'flowFields', fields: deliverySchema(false) },
		},
	},
};

sweep(mileApp);
