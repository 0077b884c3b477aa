import type { IDataObject } from 'n8n-workflow';
import { RECHECK_MS } from '../../../nodes/shared/polling';
import { OliverFake } from '../../fakes/oliver';
import { Engine, pollTrigger, runNode } from '../harness';
import { expectJsonHeadersOnEvery } from '../jsonHeaders';
import { serveFake } from '../serveFake';

let now = Date.parse('2026-11-20T10:00:00Z');
const fake = new OliverFake({ clock: () => new Date(now) });
let engine: Engine;
let credentialId: string;
let staticData: IDataObject;

/** Lets time pass at the vendor, so each change gets its own timestamp. */
const tick = (seconds = 1) => (now += seconds * 1000);

function poll(event: string, extra: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') {
	return pollTrigger(
		engine,
		{ type: 'oliverTrigger', credentialId, parameters: { event, ...extra } },
		staticData,
		mode,
	);
}
const ids = (items: Array<{ json: IDataObject }> | null) =>
	(items ?? []).map((item) => item.json.id);

serveFake(fake);
beforeEach(() => {
	fake.reset();
	engine = new Engine();
	staticData = {};
	credentialId = engine.credentials.add('oliverApi', fake.credentialData()).id!;
});

describe('Oliver Trigger', () => {
	it('every poll’s reads carry Content-Type and Accept application/json, like its sign-in', async () => {
		expect(await poll('taskCreated')).toBeNull();
		tick();
		const created = fake.addTask({ title: 'new' });
		expect(ids(await poll('taskCreated'))).toEqual([created.id]);
		expect(await poll('taskCompleted')).toBeNull();

		expect(fake.requests.filter((request) => request.method === 'GET')).toHaveLength(3);
		expectJsonHeadersOnEvery(fake.requests);
	});

	it('new staff task: the first poll is a baseline, then each new task is emitted exactly once', async () => {
		fake.addTask({ title: 'existing' });
		expect(await poll('taskCreated')).toBeNull();

		tick();
		const first = fake.addTask({ title: 'first new' });
		tick();
		const second = fake.addTask({ title: 'second new' });
		expect(ids(await poll('taskCreated'))).toEqual([first.id, second.id]);
		expect(await poll('taskCreated')).toBeNull();

		tick();
		const third = fake.addTask({ title: 'third new' });
		expect(ids(await poll('taskCreated'))).toEqual([third.id]);
	});

	it('tasks created within the same second are all emitted, none twice', async () => {
		expect(await poll('taskCreated')).toBeNull();
		tick();
		const a = fake.addTask({ title: 'a' });
		expect(ids(await poll('taskCreated'))).toEqual([a.id]);
		const b = fake.addTask({ title: 'b (same second as a)' });
		expect(ids(await poll('taskCreated'))).toEqual([b.id]);
		expect(await poll('taskCreated')).toBeNull();
	});

	it('task completed: emitted once per completion, reading only completed tasks', async () => {
		const task = fake.addTask({ title: 'lab results' });
		expect(await poll('taskCompleted')).toBeNull();

		tick();
		fake.tasks.get(task.id)!.status = 'completed';
		fake.tasks.get(task.id)!.finalized_at = new Date(now).toISOString();
		expect(ids(await poll('taskCompleted'))).toEqual([task.id]);
		expect(await poll('taskCompleted')).toBeNull();
		expect(
			fake.requests
				.filter((r) => r.path.endsWith('/staff_tasks'))
				.every((r) => r.query.status === 'completed'),
		).toBe(true);

		// Reopened and completed again later: a new completion.
		tick();
		fake.tasks.get(task.id)!.finalized_at = new Date(now).toISOString();
		expect(ids(await poll('taskCompleted'))).toEqual([task.id]);
	});

	it('task canceled: a task canceled before activation is not emitted, a later one is', async () => {
		fake.addTask({ title: 'old', status: 'canceled', finalized_at: new Date(now).toISOString() });
		expect(await poll('taskCanceled')).toBeNull();
		tick();
		const task = fake.addTask({ title: 'to cancel' });
		fake.tasks.get(task.id)!.status = 'canceled';
		fake.tasks.get(task.id)!.finalized_at = new Date(now).toISOString();
		expect(ids(await poll('taskCanceled'))).toEqual([task.id]);
	});

	// [inferred] no sheet line decides whether the same status again moves finalized_at. Both answers. The
	// trigger lists completed tasks only, so a new finalized_at is all it can see of a completion: when Oliver
	// moves it on a second Complete, that reads as a completion again (a poller cannot tell it from a task
	// reopened and completed between two polls, which must be emitted).
	describe.each([
		[false, []],
		[true, ['again']],
	])('refinalizeOnSameStatus %s', (refinalizeOnSameStatus, secondEmitted) => {
		afterEach(() => {
			fake.options.refinalizeOnSameStatus = false;
		});

		it('task completed: follows finalized_at when Complete is sent again to a completed task', async () => {
			fake.options.refinalizeOnSameStatus = refinalizeOnSameStatus;
			const task = fake.addTask({ title: 'done once' });
			expect(await poll('taskCompleted')).toBeNull();
			tick();
			const completeIt = () =>
				runNode(engine, {
					type: 'oliver',
					credentialId,
					parameters: { resource: 'staffTask', operation: 'complete', taskId: task.id },
				});
			expect((await completeIt()).error).toBeUndefined();
			expect(ids(await poll('taskCompleted'))).toEqual([task.id]);
			tick(RECHECK_MS / 1000 + 60);
			expect((await completeIt()).error).toBeUndefined();
			expect(ids(await poll('taskCompleted'))).toEqual(secondEmitted.map(() => task.id));
		});
	});

	it('filters by task type', async () => {
		expect(await poll('taskCreated', { taskType: 'rx_refill' })).toBeNull();
		tick();
		fake.addTask({ title: 'plain' });
		const refill = fake.addTask({ title: 'refill', task_type: 'rx_refill' });
		expect(ids(await poll('taskCreated', { taskType: 'rx_refill' }))).toEqual([refill.id]);
	});

	describe('a task that moves to a page already read during a poll (Oliver documents no list order)', () => {
		afterEach(() => {
			fake.options.listOrder = 'oldest-first';
			fake.options.firstPage = 0;
		});

		/**
		 * 150 new tasks, listed newest change first: 149…50 on the first page, 49…0 on the second. Right after
		 * the first page is read, someone edits task 20: it moves to the first page, and task 50 to the second.
		 */
		async function tasksMovingDuringThePoll(firstPage: 0 | 1) {
			fake.options.listOrder = 'recently-updated-first';
			fake.options.firstPage = firstPage;
			fake.addTask({ title: 'before activation' });
			expect(await poll('taskCreated')).toBeNull();
			const created = Array.from({ length: 150 }, (_, i) => {
				tick();
				return fake.addTask({ title: `new ${i}` });
			});
			const edited = created[20];
			fake.afterListPage = () => {
				fake.afterListPage = undefined;
				tick();
				fake.tasks.get(edited.id)!.updated_at = new Date(now).toISOString();
			};
			return { created: created.map((task) => task.id), edited: edited.id };
		}

		it('the task missed by the read is emitted at the next poll, the one read twice once', async () => {
			const { created, edited } = await tasksMovingDuringThePoll(0);

			expect(ids(await poll('taskCreated'))).toEqual(created.filter((id) => id !== edited));
			expect(ids(await poll('taskCreated'))).toEqual([edited]);
			expect(await poll('taskCreated')).toBeNull();
		});

		it('pages counted from 1: every task exactly once over the polls', async () => {
			const { created } = await tasksMovingDuringThePoll(1);

			const emitted = [...ids(await poll('taskCreated')), ...ids(await poll('taskCreated'))];
			expect([...emitted].sort()).toEqual([...created].sort());
			expect(await poll('taskCreated')).toBeNull();
		});

		it('a task edited between polls is not emitted again, nor is one the window still holds', async () => {
			fake.options.listOrder = 'recently-updated-first';
			expect(await poll('taskCreated')).toBeNull();
			tick();
			const task = fake.addTask({ title: 'new' });
			expect(ids(await poll('taskCreated'))).toEqual([task.id]);

			tick();
			fake.tasks.get(task.id)!.updated_at = new Date(now).toISOString();
			expect(await poll('taskCreated')).toBeNull();
			tick(RECHECK_MS / 1000 + 60);
			expect(await poll('taskCreated')).toBeNull();
		});
	});

	it('memory kept by the first version: the next poll emits only what is new, nothing twice', async () => {
		const old = fake.addTask({ title: 'emitted before the update' });
		expect(await poll('taskCreated')).toBeNull();
		const memory = Object.values(staticData)[0] as IDataObject;
		memory.mark = { at: Date.parse(old.created_at), idsAtMark: [old.id] };
		tick();
		const fresh = fake.addTask({ title: 'new after the update' });

		expect(ids(await poll('taskCreated'))).toEqual([fresh.id]);
		expect(await poll('taskCreated')).toBeNull();
	});

	it('keeps bounded state however many tasks accumulate', async () => {
		expect(await poll('taskCreated')).toBeNull();
		const sizes: number[] = [];
		for (let round = 0; round < 5; round++) {
			// Polls further apart than the re-check window: the memory holds one poll's events at a time.
			tick(RECHECK_MS / 1000 + 60);
			for (let i = 0; i < 60; i++) fake.addTask({ title: `r${round}-${i}` });
			expect(await poll('taskCreated')).toHaveLength(60);
			sizes.push(JSON.stringify(staticData).length);
		}
		expect(Math.max(...sizes)).toBeLessThan(2 * Math.min(...sizes) + 2000);
		expect(Math.max(...sizes)).toBeLessThan(8000);
	});

	it('a manual test run returns a real sample: the newest matching task', async () => {
		fake.addTask({ title: 'older' });
		tick();
		const newest = fake.addTask({ title: 'newest' });
		const sample = await poll('taskCreated', {}, 'manual');
		expect(ids(sample)).toEqual([newest.id]);
		expect(sample?.[0].json.title).toBe('newest');
	});

	it('Output "Normalized Task": a new prescription refill arrives in the shared task shape', async () => {
		expect(await poll('taskCreated', { outputFormat: 'normalized' })).toBeNull();
		tick();
		const refill = fake.addTask({
			title: 'Refill Apoquel',
			task_type: 'rx_refill',
			patient_id: 'pt_7',
		});

		const items = await poll('taskCreated', { outputFormat: 'normalized' });

		expect(items?.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: refill.id,
				vendor: 'oliver',
				title: 'Refill Apoquel',
				status: 'open',
				subject: { type: 'patient', id: 'pt_7' },
				raw: refill,
			}),
		]);
	});
});
