/** The fault matrix's adapter for Plannr: task Get, Create and Update; a personal access token. */
import { PLANNR_API_V1, PlannrFake } from '../../fakes/plannr';
import { ASKED_VALUE, CREATED_NAME, rl, stable, type VendorAdapter } from './adapter';

const PLANNR_TOKEN = 'PAT-Faults-7731';
interface PlannrCtx {
	taskUuid: string;
	clientUuid: string;
	statusUuid: string;
}
const plannrFake = new PlannrFake({ personalAccessToken: PLANNR_TOKEN });
export const plannr: VendorAdapter<PlannrCtx> = {
	name: 'Plannr',
	fake: plannrFake,
	nodeType: 'plannr',
	credentialType: 'plannrApi',
	kinds: ['read', 'create', 'update'],
	setup(engine) {
		plannrFake.reset();
		const todo = plannrFake.addStatus({ name: 'To do', is_not_started: true });
		plannrFake.addStatus({ name: 'Completed', is_type_completed: true });
		const tom = plannrFake.addClient({ first_name: 'Tom', last_name: 'Hughes' });
		const base = {
			status_uuid: todo.uuid,
			taskable_type: 'client' as const,
			taskable_uuid: tom.uuid,
		};
		plannrFake.addTask({ ...base, name: 'Annual review meeting' });
		const task = plannrFake.addTask({
			...base,
			name: 'Send valuation pack',
			description: 'Keep me',
			priority: 'high',
		});
		const credentialId = engine.credentials.add('plannrApi', plannrFake.credentialData()).id!;
		return { credentialId, taskUuid: task.uuid, clientUuid: tom.uuid, statusUuid: todo.uuid };
	},
	operations: ({ taskUuid, clientUuid, statusUuid }) => ({
		read: {
			label: 'Get task',
			parameters: {
				authentication: 'accessToken',
				resource: 'task',
				operation: 'get',
				taskUuid: rl(taskUuid),
			},
			target: { method: 'GET', path: `${PLANNR_API_V1}/task/${taskUuid}` },
			cleanCalls: 1,
		},
		create: {
			label: 'Create task',
			parameters: {
				authentication: 'accessToken',
				resource: 'task',
				operation: 'create',
				name: CREATED_NAME,
				taskableType: 'client',
				taskableUuid: clientUuid,
				taskStatusUuid: statusUuid,
			},
			target: { method: 'POST', path: `${PLANNR_API_V1}/task` },
			cleanCalls: 1,
		},
		update: {
			label: 'Update task (name)',
			parameters: {
				authentication: 'accessToken',
				resource: 'task',
				operation: 'update',
				taskUuid: rl(taskUuid),
				updateFields: { name: ASKED_VALUE },
			},
			target: { method: 'PUT', path: `${PLANNR_API_V1}/task/${taskUuid}` },
			// The read first, then the PUT: Update re-sends what the user did not name (PUT may replace).
			cleanCalls: 2,
		},
	}),
	state({ taskUuid }) {
		const all = [...plannrFake.tasks.values()];
		const kept = all
			.filter((task) => task.name !== CREATED_NAME)
			.map((task) => (task.uuid === taskUuid ? { ...task, name: '<updated>' } : task));
		return {
			created: all.length - kept.length,
			value: plannrFake.tasks.get(taskUuid)?.name,
			rest: stable(kept, ['updated_at']),
		};
	},
	isSignIn: () => false,
	httpFailure: (_status, words) => ({ body: { message: words }, message: `Plannr: ${words}` }),
	malformedBody: '{"data": {"uuid": "7a5c',
	failureEnvelope: () => ({
		status: 200,
		body: { success: false, message: 'Account suspended' },
		message: 'Plannr: Account suspended',
	}),
	renewsToken: false,
	async expireToken() {
		plannrFake.revokeToken(PLANNR_TOKEN);
	},
};
