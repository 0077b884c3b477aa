/**
 * One small adapter per vendor for the fault matrix (faults.test.ts): how its fake is seeded, how its
 * credential is made, the parameters of the three kinds of operation the matrix runs (a read, a create that
 * must not be sent twice, an update that may be), which request of each a fault is aimed at, how its
 * failure bodies look, how its token is made to expire, and how the fake's state is read back.
 */
import type { IDataObject } from 'n8n-workflow';
import type { Engine } from '../engine/harness';
import type { RecordedRequest, VendorFake } from '../fakes/kit';
import { HumanityFake, HUMANITY_API_PREFIX, HUMANITY_TOKEN_PATH } from '../fakes/humanity';
import { MILEAPP_API, MileAppFake } from '../fakes/mileApp';
import { OLIVER_API_PREFIX, OLIVER_SIGN_IN_PATH, OliverFake } from '../fakes/oliver';
import { OPEN_DENTAL_API_PREFIX, OpenDentalFake } from '../fakes/openDental';
import { PLANNR_API_V1, PlannrFake } from '../fakes/plannr';

/**
 * read, create (POST: must not be sent twice when its outcome is unknown), update (PUT/PATCH of whole values:
 * may be sent again), and add: a write sent as PUT that creates (Humanity's Shift Task Add puts the shift's
 * whole list back with one new entry), which the node sends again only after reading the shift back.
 */
export type OpKind = 'read' | 'create' | 'update' | 'add';
export const OP_KINDS: OpKind[] = ['read', 'create', 'update', 'add'];

/** The name every Create gives its record, so the records it made can be counted at the fake. */
export const CREATED_NAME = 'Fault matrix: created once';
/** The value every Update asks for. */
export const ASKED_VALUE = 'Fault matrix: updated';

export interface Operation {
	/** What the report calls it, e.g. 'Get staff task'. */
	label: string;
	parameters: IDataObject;
	/** The request a fault is aimed at (Humanity's Update reads the shift first: the fault hits its PUT). */
	target: { method: string; path: string };
	/** API requests a clean run sends (sign-ins and token requests not counted). */
	cleanCalls: number;
	/**
	 * A write built from a read (Humanity's shift-task PUT): after an unknown outcome the node reads this back
	 * before sending again, and sends again only a write rebuilt on that read, if it was not carried out.
	 */
	readBack?: { method: string; path: string };
}

/** What the fake holds after a case, as the matrix judges it. */
export interface VendorState {
	/** Records carrying CREATED_NAME (tasks, or Humanity's master and shift tasks). */
	created: number;
	/** The updated field of the task the Update names. */
	value: unknown;
	/** Every other record and field (timestamps left out): must not change, lose or gain anything. */
	rest: unknown;
	/** Something the report should say about the state (e.g. a copy made and deleted again). */
	note?: string;
}

/** How the failure envelope of the vendor looks under HTTP 200 (Open Dental has none: a refusal with text). */
export interface FailureAnswer {
	status: number;
	body: unknown;
	/** The message the node's error must carry. */
	message: string;
}

export interface VendorAdapter<Ctx = unknown> {
	name: string;
	fake: VendorFake;
	nodeType: string;
	credentialType: string;
	/** Resets and seeds the fake, stores a credential in the engine; returns what the operations need. */
	setup(engine: Engine): Ctx & { credentialId: string };
	/** The kinds this vendor has (every vendor: read, create, update). */
	kinds: OpKind[];
	operations(ctx: Ctx): Partial<Record<OpKind, Operation>>;
	state(ctx: Ctx): VendorState;
	/** Requests that sign in or fetch a token: not API calls. */
	isSignIn(request: RecordedRequest): boolean;
	/** The body an HTTP failure of this status carries, in the vendor's shape, and the message it must give. */
	httpFailure(
		status: number,
		words: string,
	): { body: unknown; headers?: Record<string, string>; message: string };
	malformedBody: string;
	/** A failure under HTTP 200, per operation kind. */
	failureEnvelope(kind: OpKind): FailureAnswer;
	/** Whether the node signs in again by itself (Oliver, Humanity), or gets a static key or token (the others). */
	renewsToken: boolean;
	/** Makes the credential's token (or key) stop working; a vendor that signs in gets a token first. */
	expireToken(
		engine: Engine,
		ctx: Ctx & { credentialId: string },
		run: (parameters: IDataObject) => Promise<unknown>,
	): Promise<void>;
}

const rl = (value: string | number, mode: 'list' | 'id' = 'id') => ({
	__rl: true,
	mode,
	value: String(value),
});
/** Drops the keys that move on every write (edit times), at any depth. */
function stable(value: unknown, volatile: readonly string[]): unknown {
	if (Array.isArray(value)) return value.map((entry) => stable(entry, volatile));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([key]) => !volatile.includes(key))
				.map(([key, entry]) => [key, stable(entry, volatile)]),
		);
	}
	return value;
}

// ---------------------------------------------------------------- Oliver

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

// ---------------------------------------------------------------- Open Dental

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

// ---------------------------------------------------------------- Plannr

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
			cleanCalls: 1,
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

// ---------------------------------------------------------------- MileApp

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

// ---------------------------------------------------------------- Humanity

interface HumanityCtx {
	shiftId: number;
	positionId: number;
	shiftTaskId: string;
	masterTaskId: string;
}
const humanityFake = new HumanityFake();
const HUMANITY_CODES: Record<number, number> = { 429: 91, 500: 99, 502: 99, 503: 99, 504: 99 };
export const humanity: VendorAdapter<HumanityCtx> = {
	name: 'Humanity',
	fake: humanityFake,
	nodeType: 'humanity',
	credentialType: 'humanityApi',
	kinds: ['read', 'create', 'update', 'add'],
	setup(engine) {
		humanityFake.reset();
		humanityFake.clearForcedCodes();
		const { position, shift, masters, tasks } = humanityFake.addMorningBar();
		const target = tasks[2];
		const credentialId = engine.credentials.add('humanityApi', {
			...humanityFake.credentialData(),
			accessToken: '',
			accessTokenExpiresAt: '',
		}).id!;
		return {
			credentialId,
			shiftId: shift.id,
			positionId: position.id,
			shiftTaskId: target.id,
			masterTaskId: masters[3].id,
		};
	},
	operations: ({ shiftId, positionId, shiftTaskId, masterTaskId }) => ({
		read: {
			label: 'Shift Task Get Many (one shift)',
			parameters: {
				resource: 'shiftTask',
				operation: 'getMany',
				shiftIds: String(shiftId),
				returnAll: true,
			},
			target: { method: 'GET', path: `${HUMANITY_API_PREFIX}/shifts/${shiftId}/tasks` },
			cleanCalls: 1,
		},
		create: {
			label: 'Master Task Create',
			parameters: {
				resource: 'masterTask',
				operation: 'create',
				name: CREATED_NAME,
				positionIds: [positionId],
			},
			target: { method: 'POST', path: `${HUMANITY_API_PREFIX}/master-tasks` },
			cleanCalls: 1,
		},
		update: {
			label: 'Shift Task Update (read, then PUT the whole list)',
			parameters: {
				resource: 'shiftTask',
				operation: 'update',
				shiftId: rl(shiftId),
				shiftTaskId: rl(shiftTaskId),
				updateFields: { name: ASKED_VALUE },
			},
			target: { method: 'PUT', path: `${HUMANITY_API_PREFIX}/shifts/${shiftId}/tasks` },
			readBack: { method: 'GET', path: `${HUMANITY_API_PREFIX}/shifts/${shiftId}/tasks` },
			cleanCalls: 2,
		},
		add: {
			label: 'Shift Task Add (read, then PUT the whole list with one new entry)',
			parameters: {
				resource: 'shiftTask',
				operation: 'add',
				shiftId: rl(shiftId),
				masterTaskId: rl(masterTaskId),
				type: 'regular',
				additionalFields: { name: CREATED_NAME },
			},
			target: { method: 'PUT', path: `${HUMANITY_API_PREFIX}/shifts/${shiftId}/tasks` },
			readBack: { method: 'GET', path: `${HUMANITY_API_PREFIX}/shifts/${shiftId}/tasks` },
			cleanCalls: 2,
		},
	}),
	state({ shiftId, shiftTaskId }) {
		const masters = [...humanityFake.masterTasks.values()];
		const keptMasters = masters.filter((task) => task.name !== CREATED_NAME);
		const live = humanityFake.liveShiftTasks(shiftId);
		// Every other task of the shift, by id and position: a lost or an extra one changes `rest`.
		const shiftTasks = live
			.filter((task) => task.name !== CREATED_NAME)
			.map((task) => (task.id === shiftTaskId ? { ...task, name: '<updated>' } : task));
		// Humanity keeps deleted shift tasks (deletedAt): a copy the node made and a later PUT removed shows here.
		const madeAndDeleted = [...humanityFake.shiftTasks.values()].filter(
			(task) => task.name === CREATED_NAME && task.deletedAt !== null,
		).length;
		return {
			note:
				madeAndDeleted > 0
					? `${madeAndDeleted} more copy made, then deleted by a later write of the list (the new task's id changed)`
					: undefined,
			created: masters.length - keptMasters.length + live.length - shiftTasks.length,
			value: humanityFake.liveShiftTasks(shiftId).find((task) => task.id === shiftTaskId)?.name,
			rest: stable({ masters: keptMasters, shiftTasks }, ['updatedAt', 'updatedBy']),
		};
	},
	isSignIn: (request) => request.path === HUMANITY_TOKEN_PATH,
	httpFailure: (status, words) => {
		const code = HUMANITY_CODES[status] ?? 99;
		return {
			body: { status: code, data: null, metadata: [], token: null, error: words },
			message: `Humanity: ${words} (code ${code})`,
		};
	},
	malformedBody: '{"status": 1, "data": [{"id": "01J',
	failureEnvelope: (kind) => {
		const [code, words] = {
			read: [15, 'Get Failed - Your GET request failed: database busy'],
			create: [12, 'Create Failed - Your CREATE request failed: position is archived'],
			update: [13, 'Update Failed - Your UPDATE request failed: shift is locked'],
			add: [13, 'Update Failed - Your UPDATE request failed: shift is locked'],
		}[kind] as [number, string];
		return {
			status: 200,
			body: { status: code, data: null, metadata: [], token: null, error: words },
			message: `Humanity: ${words} (code ${code})`,
		};
	},
	renewsToken: true,
	async expireToken(_engine, ctx, run) {
		await run({ resource: 'shift', operation: 'get', shiftId: rl(ctx.shiftId) });
		humanityFake.expireAccessTokens();
	},
};

export const VENDORS = [
	oliver,
	openDental,
	plannr,
	mileApp,
	humanity,
] as unknown as VendorAdapter[];
