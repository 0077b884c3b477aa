/**
 * The fault matrix's adapter for Humanity: Shift Task Get Many, Master Task Create, and Shift Task Update
 * and Add (each reads the shift, then PUTs its whole list back); the node renews Humanity's token itself.
 */
import { HumanityFake, HUMANITY_API_PREFIX, HUMANITY_TOKEN_PATH } from '../../fakes/humanity';
import { ASKED_VALUE, CREATED_NAME, rl, stable, type VendorAdapter } from './adapter';

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
				operation: 'getAll',
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
