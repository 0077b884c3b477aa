/**
 * What every MileApp engine test shares: the stateful fake on loopback, an engine with a personal-token
 * credential, two hubs, a worker and the Delivery flow with its fields, and the MileApp action node run through it.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	MILEAPP_API,
	MileAppFake,
	type MileAppFlow,
	type MileAppHub,
	type MileAppTaskRecord,
	type MileAppUser,
} from '../../fakes/mileApp';
import { Engine, runNode, type NodeSpec } from '../harness';
import { serveFake } from '../serveFake';

export const TOKEN = 'MileApp-Personal-Token-6620';
export const fake = new MileAppFake({ token: TOKEN });
export let engine: Engine;
let credentialId: string;
export let hub: MileAppHub;
export let otherHub: MileAppHub;
export let delivery: MileAppFlow;
export let worker: MileAppUser;

export const apiCalls = () =>
	fake.requests.filter((request) => request.path.startsWith(MILEAPP_API));
export const spec = (parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec => ({
	type: 'mileApp',
	credentialType: 'mileAppApi',
	credentialId,
	parameters,
	...extra,
});
export const mileApp = (
	parameters: IDataObject,
	extra: Partial<NodeSpec> = {},
	input?: IDataObject[],
) => runNode(engine, spec(parameters, extra), input);
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
/** The mapper's value as the editor saves it: the values given and the fields it offered. */
export const mapped = (value: IDataObject, required: string[] = []) => ({
	mappingMode: 'defineBelow',
	value,
	schema: delivery.fields.map((field) => ({
		id: field.field,
		displayName: field.field,
		required: required.includes(field.field),
		display: true,
		type: 'string',
	})),
});

export function aTask(
	fields: IDataObject = {},
	extra: Partial<MileAppTaskRecord> = {},
): MileAppTaskRecord {
	return fake.addTask({
		flowId: delivery._id,
		hubId: hub._id,
		assignee: [worker.email],
		fields: {
			invoice: 'INV-1',
			recipientName: 'Andi Pratama',
			packageCount: 3,
			priority: 'Urgent',
			...fields,
		},
		...extra,
	});
}

/** In a test file: the fake listens for the whole file; each test starts with two hubs, a worker and the Delivery flow. */
export function useMileApp(): void {
	serveFake(fake);
	beforeEach(() => {
		fake.reset();
		engine = new Engine();
		credentialId = engine.credentials.add('mileAppApi', fake.credentialData()).id!;
		hub = fake.addHub({ name: 'Jakarta Central', address: 'Jl. MH Thamrin 1' });
		otherHub = fake.addHub({ name: 'Bandung', address: 'Jl. Asia Afrika 8' });
		worker = fake.addUser({
			name: 'Dewi Lestari',
			email: 'dewi@example.com',
			hubIds: [hub._id, otherHub._id],
		});
		delivery = fake.addFlow({
			name: 'Delivery',
			fields: [
				{ field: 'invoice', type: 'string', required: true, description: 'Invoice number' },
				{ field: 'recipientName', type: 'string', required: true, description: 'Recipient' },
				{ field: 'packageCount', type: 'number', required: true, description: 'Packages' },
				{
					field: 'priority',
					type: 'select',
					options: ['Low', 'Normal', 'Urgent'],
					description: 'Priority',
				},
			],
		});
	});
}
