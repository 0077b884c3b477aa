/**
 * Section 3: k edits of one Humanity shift's tasks in one node run (k = 1, 10, 100), Shift Task → Update and
 * Shift Task → Add, run by n8n-core's engine against the fake Humanity: the requests the fake receives.
 * Humanity's PUT replaces a shift's whole list, so the node should read it once and write it once.
 */
import type { IDataObject } from 'n8n-workflow';
import { HumanityFake, HUMANITY_API_PREFIX, HUMANITY_TOKEN_PATH } from '../test/fakes/humanity';
import { Engine, runNode } from '../test/engine/harness';
import { formatCount, type Figure, type Section } from './report';

const EDIT_COUNTS = [1, 10, 100];
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

interface EditRun {
	operation: 'update' | 'add';
	edits: number;
	reads: number;
	writes: number;
	/** Every API request (token requests aside), by route. */
	apiRequests: number;
	tokenRequests: number;
}

/** A shift holding `size` tasks, made from one master task. */
function seedShift(fake: HumanityFake, size: number) {
	const location = fake.addLocation({ name: 'Main Street Café' });
	const position = fake.addPosition({ name: 'Barista', locationId: location.id });
	const shift = fake.addShift({
		start: '2026-11-23 07:00',
		end: '2026-11-23 15:00',
		positionId: position.id,
		title: 'Morning bar',
	});
	const master = fake.addMasterTask({ name: 'Checklist item', positionIds: [position.id] });
	const tasks = Array.from({ length: size }, (_, n) =>
		fake.addShiftTask({ shiftId: shift.id, taskId: master.id, name: `Item ${n}` }),
	);
	return { shift, master, tasks };
}

async function runEdits(
	fake: HumanityFake,
	operation: EditRun['operation'],
	edits: number,
): Promise<EditRun> {
	fake.reset();
	const engine = new Engine();
	const { shift, master, tasks } = seedShift(fake, Math.max(...EDIT_COUNTS));
	// A live token, so the counts are the edits' requests only.
	const credentialId = engine.credentials.add('humanityApi', {
		...fake.credentialData(),
		accessToken: fake.issueAccessToken(),
		accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
	}).id!;
	fake.server.clearRequests();

	const parameters: IDataObject =
		operation === 'update'
			? {
					resource: 'shiftTask',
					operation,
					shiftId: byId(String(shift.id)),
					shiftTaskId: byId('={{ $json.task }}'),
					updateFields: { description: '={{ $json.note }}' },
				}
			: {
					resource: 'shiftTask',
					operation,
					shiftId: byId(String(shift.id)),
					masterTaskId: byId(master.id),
					type: 'regular',
					additionalFields: { name: '={{ $json.name }}' },
				};
	const input = Array.from({ length: edits }, (_, n) => ({
		task: tasks[n].id,
		note: `edited ${n}`,
		name: `Added ${n}`,
	}));
	const { items, error } = await runNode(
		engine,
		{ type: 'humanity', credentialType: 'humanityApi', credentialId, parameters },
		input,
	);
	if (error) throw new Error(`${operation} of ${edits} failed: ${error.message}`);
	if (items.length !== edits)
		throw new Error(`${operation} of ${edits} put out ${items.length} items`);
	// The shift holds every edit: Update changed the first k descriptions, Add appended k tasks.
	const live = fake.liveShiftTasks(shift.id);
	const applied =
		operation === 'update'
			? live.slice(0, edits).every((task, n) => task.description === `edited ${n}`)
			: live.length === tasks.length + edits &&
				live.slice(tasks.length).every((task, n) => task.name === `Added ${n}`);
	if (!applied) throw new Error(`the fake's shift does not hold the ${edits} ${operation}s`);

	const { reads, writes } = fake.shiftTaskCalls(shift.id);
	return {
		operation,
		edits,
		reads,
		writes,
		apiRequests: fake.requests.filter((request) => request.path.startsWith(HUMANITY_API_PREFIX))
			.length,
		tokenRequests: fake.requests.filter((request) => request.path === HUMANITY_TOKEN_PATH).length,
	};
}

export async function benchHumanityEdits(): Promise<Section> {
	const fake = new HumanityFake();
	await fake.start();
	try {
		const runs: EditRun[] = [];
		for (const operation of ['update', 'add'] as const) {
			for (const edits of EDIT_COUNTS) runs.push(await runEdits(fake, operation, edits));
		}
		return humanitySection(runs);
	} finally {
		await fake.stop();
	}
}

function humanitySection(runs: EditRun[]): Section {
	const figures: Figure[] = runs.map((run) => {
		const met = run.reads === 1 && run.writes === 1 && run.apiRequests === 2;
		return {
			label: `${run.operation === 'update' ? 'Update' : 'Add'}, k = ${formatCount(run.edits)}: requests at the fake`,
			value: `${run.apiRequests} (${run.reads} read, ${run.writes} write of the shift's tasks)`,
			goal: '2: one read and one write of the shift, whatever k',
			met,
			why: met
				? undefined
				: `the fake saw ${run.reads} reads and ${run.writes} writes of the shift's tasks, and ${run.apiRequests} API requests in all, for ${run.edits} items.`,
		};
	});
	const tokenRequests = runs.reduce((sum, run) => sum + run.tokenRequests, 0);
	return {
		title: 'Humanity: k shift-task edits on one shift in one node run',
		method: [
			'Shift Task → Update (k items, each changing the description of a different task of one shift holding 100 tasks) and Shift Task → Add ' +
				"(k items, each adding a task to that shift), one node run each, by n8n-core's engine (test/engine/harness/) against the fake Humanity.",
			'Counted at the fake (test/fakes/humanity/store.ts `shiftTaskCalls`): reads are `GET /api/v2/shifts/{id}/tasks`, writes `PUT /api/v2/shifts/{id}/tasks`; ' +
				`"requests" are every /api/v2 request. The credential holds a live token: token requests seen in all runs: ${tokenRequests}.`,
			"After each run the fake's shift was checked to hold all k edits.",
		],
		figures,
	};
}
