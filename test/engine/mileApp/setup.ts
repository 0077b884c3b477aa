/**
 * What every MileApp engine test shares: the stateful fake on loopback, an engine with a personal-token
 * credential, two hubs, a worker and the Delivery flow with its fields, and the MileApp action node run through it.
 */
import type { IDataObject } from 'n8n-workflow';
import {
	MILEAPP_API,
	MileAppFake,
	type MileAppFakeOptions,
	type MileAppFlow,
	type MileAppHub,
	type MileAppTaskRecord,
	type MileAppUser,
} from '../../fakes/mileApp';
import { Engine, runNode, type NodeRun, type NodeSpec } from '../harness';
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

/** Two hubs, a worker and the Delivery flow; ids follow the fake's counters, so every fake seeded so has the same ids. */
function seed(target: MileAppFake) {
	const seeded = {
		hub: target.addHub({ name: 'Jakarta Central', address: 'Jl. MH Thamrin 1' }),
		otherHub: target.addHub({ name: 'Bandung', address: 'Jl. Asia Afrika 8' }),
		worker: target.addUser({ name: 'Dewi Lestari', email: 'dewi@example.com', hubIds: [] }),
		delivery: target.addFlow({
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
		}),
	};
	seeded.worker.hubIds = [seeded.hub._id, seeded.otherHub._id];
	return seeded;
}

/** In a test file: the fake listens for the whole file; each test starts with two hubs, a worker and the Delivery flow. */
export function useMileApp(): void {
	serveFake(fake);
	beforeEach(() => {
		fake.reset();
		engine = new Engine();
		credentialId = engine.credentials.add('mileAppApi', fake.credentialData()).id!;
		({ hub, otherHub, worker, delivery } = seed(fake));
	});
}

/** The MileApp node against `other`, with a credential of its own. */
export type RunOn = (
	parameters: IDataObject,
	extra?: Partial<NodeSpec>,
	input?: IDataObject[],
) => Promise<NodeRun>;

/**
 * Runs `use` against a fake MileApp with other options (one answer of an [inferred] behaviour), seeded as every test's
 * fake is (so `hub`, `worker` and `delivery` name its records too), listening only meanwhile.
 */
export async function withFakeOf(
	options: MileAppFakeOptions,
	use: (other: MileAppFake, run: RunOn) => Promise<void>,
): Promise<void> {
	const other = new MileAppFake({ token: `${TOKEN}-other`, ...options });
	await other.start();
	try {
		seed(other);
		const otherCredential = engine.credentials.add('mileAppApi', other.credentialData()).id!;
		await use(other, (parameters, extra = {}, input) =>
			runNode(engine, spec(parameters, { credentialId: otherCredential, ...extra }), input),
		);
	} finally {
		await other.stop();
	}
}
