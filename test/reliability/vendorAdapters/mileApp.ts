/**
 * The fault matrix's adapter for MileApp: task Get, Create and Update (flow fields through the mapper);
 * a static token.
 */
import type { IDataObject } from 'n8n-workflow';
import { MILEAPP_RATE_LIMIT } from '../../../nodes/MileApp/api';
import { MILEAPP_API, MileAppFake } from '../../fakes/mileApp';
import { ASKED_VALUE, CREATED_NAME, rl, stable, type VendorAdapter } from './adapter';

const MILEAPP_TOKEN = 'MileApp-Faults-Token-6620';
interface MileAppCtx {
	taskId: string;
	hubId: string;
}
const mileAppFake = new MileAppFake({ token: MILEAPP_TOKEN, rateLimitPerSecond: null });
const FLOW_FIELDS = [
	{ field: 'invoice', type: 'string', required: true, description: 'Invoice number' },
	{ field: 'recipientName', type: 'string', required: true, description: 'Recipient' },
	{ field: 'priority', type: 'string', description: 'Priority' },
] as const;
/** The mapper's value as the editor saves it. */
const mapped = (value: IDataObject, required: string[] = []) => ({
	mappingMode: 'defineBelow',
	value,
	schema: FLOW_FIELDS.map((field) => ({
		id: field.field,
		displayName: field.field,
		required: required.includes(field.field),
		display: true,
		type: 'string',
	})),
});
export const mileApp: VendorAdapter<MileAppCtx> = {
	name: 'MileApp',
	fake: mileAppFake,
	nodeType: 'mileApp',
	credentialType: 'mileAppApi',
	kinds: ['read', 'create', 'update'],
	setup(engine) {
		mileAppFake.reset();
		// MileApp asks for 60 s after a 429; the matrix's refusals ask for 1 s (Retry-After), which it checks is kept.
		MILEAPP_RATE_LIMIT.waitAfterRefusalMs = 1000;
		const hub = mileAppFake.addHub({ name: 'Jakarta Central', address: 'Jl. MH Thamrin 1' });
		const flow = mileAppFake.addFlow({
			name: 'Delivery',
			fields: FLOW_FIELDS.map((field) => ({ ...field })),
		});
		mileAppFake.addTask({
			flowId: flow._id,
			hubId: hub._id,
			fields: { invoice: 'INV-1', recipientName: 'Andi', priority: 'Low' },
		});
		const task = mileAppFake.addTask({
			flowId: flow._id,
			hubId: hub._id,
			fields: { invoice: 'INV-2', recipientName: 'Rina', priority: 'Normal' },
		});
		const credentialId = engine.credentials.add('mileAppApi', mileAppFake.credentialData()).id!;
		return { credentialId, taskId: task._id, hubId: hub._id };
	},
	operations: ({ taskId, hubId }) => ({
		read: {
			label: 'Get task',
			parameters: { resource: 'task', operation: 'get', taskId },
			target: { method: 'GET', path: `${MILEAPP_API}/task/${taskId}` },
			cleanCalls: 1,
		},
		create: {
			label: 'Create task',
			parameters: {
				resource: 'task',
				operation: 'create',
				flow: rl('Delivery', 'list'),
				hubId: rl(hubId, 'list'),
				flowFields: mapped({ invoice: 'INV-NEW', recipientName: CREATED_NAME }, [
					'invoice',
					'recipientName',
				]),
				additionalFields: {},
			},
			target: { method: 'POST', path: `${MILEAPP_API}/task` },
			cleanCalls: 1,
		},
		update: {
			label: 'Update task (flow field, PATCH)',
			parameters: {
				resource: 'task',
				operation: 'update',
				taskId,
				flow: rl('Delivery', 'list'),
				flowFields: mapped({ priority: ASKED_VALUE }),
				updateFields: {},
			},
			target: { method: 'PATCH', path: `${MILEAPP_API}/task/${taskId}` },
			cleanCalls: 1,
		},
	}),
	state({ taskId }) {
		const all = [...mileAppFake.tasks.values()];
		const kept = all
			.filter((task) => task.fields.recipientName !== CREATED_NAME)
			.map((task) =>
				task._id === taskId ? { ...task, fields: { ...task.fields, priority: '<updated>' } } : task,
			);
		return {
			created: all.length - kept.length,
			value: mileAppFake.tasks.get(taskId)?.fields.priority,
			rest: stable(JSON.parse(JSON.stringify(kept)), ['updatedTime']),
		};
	},
	isSignIn: () => false,
	httpFailure: (_status, words) => ({
		body: { status: false, message: words },
		message: `MileApp: ${words}`,
	}),
	malformedBody: '{"status": true, "task": {"_id": "',
	failureEnvelope: () => ({
		status: 200,
		body: { status: false, message: 'Task is locked by another process' },
		message: 'MileApp: Task is locked by another process',
	}),
	renewsToken: false,
	async expireToken() {
		mileAppFake.revokeToken(MILEAPP_TOKEN);
	},
};
