/**
 * The bad-input sweep over every operation of the Oliver node (see sweep.ts): the records its base cases
 * name, a credential that needs no sign-in, and a plan for every field of every operation.
 */
import {
	OliverFake,
	type OliverClient,
	type OliverPatient,
	type OliverTask,
} from '../../fakes/oliver';
import { Oliver } from '../../../nodes/Oliver/Oliver.node';
import {
	FREE_TEXT,
	LIMIT,
	none,
	OUTPUT,
	OUTPUT_FIELDS,
	RETURN_ALL,
	rl,
	type FieldPlan,
	type OperationPlan,
} from '../badInputCases';
import { descriptionOf, sweep, type Vendor } from './sweep';

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
	fields: {
		taskId: oliverTaskId,
		...(output ? { outputFormat: OUTPUT, outputFields: OUTPUT_FIELDS } : {}),
	},
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
			fields: {
				patientId: { required: true, wrongType: 'idText' },
				clientId: none('only narrows the Patient ID list (node version 2); nothing of it is sent'),
			},
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
				outputFields: OUTPUT_FIELDS,
			},
		},
		'staffTask.getAll': {
			base: () => ({ returnAll: false, limit: 5, filters: { status: 'pending' } }),
			fields: {
				returnAll: RETURN_ALL,
				limit: LIMIT,
				'filters.status': { wrongType: 'option' },
				outputFormat: OUTPUT,
				outputFields: OUTPUT_FIELDS,
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
				outputFields: OUTPUT_FIELDS,
			},
		},
	},
};

sweep(oliver);
