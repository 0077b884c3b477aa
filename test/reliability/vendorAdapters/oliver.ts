/**
 * The fault matrix's adapter for Oliver: staff task Get, Create and Update; the node signs in to Oliver
 * again by itself.
 */
import { OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH, OliverFake } from '../../fakes/oliver';
import { ASKED_VALUE, CREATED_NAME, stable, type VendorAdapter } from './adapter';

interface OliverCtx {
	taskId: string;
}
const oliverFake = new OliverFake();
export const oliver: VendorAdapter<OliverCtx> = {
	name: 'Oliver',
	fake: oliverFake,
	nodeType: 'oliver',
	credentialType: 'oliverApi',
	kinds: ['read', 'create', 'update'],
	setup(engine) {
		oliverFake.reset();
		oliverFake.addTask({ title: 'Call owner with lab results', description: 'Rex, bloods' });
		const task = oliverFake.addTask({
			title: 'Refill carprofen',
			description: 'Keep me',
			task_type: 'rx_refill',
		});
		oliverFake.addTask({ title: 'Order cone', status: 'completed' });
		const credentialId = engine.credentials.add('oliverApi', {
			...oliverFake.credentialData(),
			accessToken: '',
		}).id!;
		return { credentialId, taskId: task.id };
	},
	operations: ({ taskId }) => ({
		read: {
			label: 'Get staff task',
			parameters: { resource: 'staffTask', operation: 'get', taskId },
			target: { method: 'GET', path: `${OLIVER_API_PREFIX}/staff_tasks/${taskId}` },
			cleanCalls: 1,
		},
		create: {
			label: 'Create staff task',
			parameters: {
				resource: 'staffTask',
				operation: 'create',
				title: CREATED_NAME,
				additionalFields: { description: 'made by the fault matrix' },
			},
			target: { method: 'POST', path: `${OLIVER_API_PREFIX}/staff_tasks` },
			cleanCalls: 1,
		},
		update: {
			label: 'Update staff task (title)',
			parameters: {
				resource: 'staffTask',
				operation: 'update',
				taskId,
				updateFields: { title: ASKED_VALUE },
			},
			target: { method: 'PUT', path: `${OLIVER_API_PREFIX}/staff_tasks/${taskId}` },
			cleanCalls: 1,
		},
	}),
	state({ taskId }) {
		const all = [...oliverFake.tasks.values()];
		const kept = all
			.filter((task) => task.title !== CREATED_NAME)
			.map((task) => (task.id === taskId ? { ...task, title: '<updated>' } : task));
		return {
			created: all.length - kept.length,
			value: oliverFake.tasks.get(taskId)?.title,
			rest: stable(kept, ['updated_at']),
		};
	},
	isSignIn: (request) => request.path === OLIVER_SIGN_IN_PATH,
	httpFailure: (_status, words) => ({
		body: { success: false, message: words },
		message: `Oliver: ${words}`,
	}),
	malformedBody: '{"success": true, "data": {"id": "st_',
	failureEnvelope: () => ({
		status: 200,
		body: { success: false, message: 'Task is locked by another user' },
		message: 'Oliver: Task is locked by another user',
	}),
	renewsToken: true,
	async expireToken(_engine, _ctx, run) {
		// A token first (a Get signs in), then Oliver forgets every token it issued.
		await run({ resource: 'staffTask', operation: 'getAll', returnAll: false, limit: 1 });
		oliverFake.expireTokens();
	},
};
