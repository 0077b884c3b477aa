/**
 * The fault matrix's adapter for Open Dental: task Get, Create and Update; static developer and customer
 * keys.
 */
import { OPEN_DENTAL_API_PREFIX, OpenDentalFake } from '../../fakes/openDental';
import { ASKED_VALUE, CREATED_NAME, rl, stable, type VendorAdapter } from './adapter';

const OD_DEVELOPER_KEY = 'DevKey-Faults-4471';
const OD_CUSTOMER_KEY = 'CustKey-Faults-9303';
interface OpenDentalCtx {
	taskNum: number;
}
const openDentalFake = new OpenDentalFake({
	developerKey: OD_DEVELOPER_KEY,
	customerKey: OD_CUSTOMER_KEY,
	throttle: null,
});
export const openDental: VendorAdapter<OpenDentalCtx> = {
	name: 'Open Dental',
	fake: openDentalFake,
	nodeType: 'openDental',
	credentialType: 'openDentalApi',
	kinds: ['read', 'create', 'update'],
	setup(engine) {
		openDentalFake.reset();
		// expireToken changes the office's key: every case starts with the one the credential holds.
		openDentalFake.options.customerKey = OD_CUSTOMER_KEY;
		openDentalFake.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
		openDentalFake.addUser({ UserNum: 3, UserName: 'Maria' });
		openDentalFake.addTask({
			TaskListNum: 74,
			Descript: 'Sterilizer log',
			UserNum: 3,
			TaskStatus: 'Viewed',
		});
		const task = openDentalFake.addTask({
			TaskListNum: 74,
			Descript: 'Call the lab',
			UserNum: 3,
			DescriptOverride: 'Lab',
		});
		const credentialId = engine.credentials.add('openDentalApi', {
			...openDentalFake.credentialData(),
			rateLimit: 'none',
		}).id!;
		return { credentialId, taskNum: task.TaskNum };
	},
	operations: ({ taskNum }) => ({
		read: {
			label: 'Get task',
			parameters: { resource: 'task', operation: 'get', taskNum: String(taskNum) },
			target: { method: 'GET', path: `${OPEN_DENTAL_API_PREFIX}/tasks/${taskNum}` },
			cleanCalls: 1,
		},
		create: {
			label: 'Create task',
			parameters: {
				resource: 'task',
				operation: 'create',
				taskListNum: rl(74),
				descript: CREATED_NAME,
				userNum: rl(3),
			},
			target: { method: 'POST', path: `${OPEN_DENTAL_API_PREFIX}/tasks` },
			cleanCalls: 1,
		},
		update: {
			label: 'Update task (short description)',
			parameters: {
				resource: 'task',
				operation: 'update',
				taskNum: String(taskNum),
				updateFields: { descriptOverride: ASKED_VALUE },
			},
			target: { method: 'PUT', path: `${OPEN_DENTAL_API_PREFIX}/tasks/${taskNum}` },
			cleanCalls: 1,
		},
	}),
	state({ taskNum }) {
		const all = [...openDentalFake.tasks.values()];
		const kept = all
			.filter((task) => task.Descript !== CREATED_NAME)
			.map((task) =>
				task.TaskNum === taskNum ? { ...task, DescriptOverride: '<updated>' } : task,
			);
		return {
			created: all.length - kept.length,
			value: openDentalFake.tasks.get(taskNum)?.DescriptOverride,
			rest: stable(kept, ['SecDateTEdit']),
		};
	},
	isSignIn: () => false,
	// Open Dental's explanations are plain text.
	httpFailure: (_status, words) => ({ body: words, message: `Open Dental: ${words}` }),
	malformedBody: '{"TaskNum": 1, "Descr',
	// No envelope: a failure is an HTTP status with an explanation. The matrix's stand-in: a refusal (400) Open Dental documents.
	failureEnvelope: () => ({
		status: 400,
		body: 'The eConnector is not running.',
		message: 'Open Dental: The eConnector is not running.',
	}),
	renewsToken: false,
	async expireToken() {
		// The office issued a new customer key: the one in the credential stops working.
		openDentalFake.options.customerKey = 'CustKey-Reissued-0000';
	},
};
