import type { IDataObject } from 'n8n-workflow';
import { OliverFake } from '../../fakes/oliver';
import { Engine, pollTrigger } from '../harness';
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

	it('filters by task type', async () => {
		expect(await poll('taskCreated', { taskType: 'rx_refill' })).toBeNull();
		tick();
		fake.addTask({ title: 'plain' });
		const refill = fake.addTask({ title: 'refill', task_type: 'rx_refill' });
		expect(ids(await poll('taskCreated', { taskType: 'rx_refill' }))).toEqual([refill.id]);
	});

	it('keeps bounded state however many tasks accumulate', async () => {
		expect(await poll('taskCreated')).toBeNull();
		const sizes: number[] = [];
		for (let round = 0; round < 5; round++) {
			tick();
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
