/** The fake Oliver: reset and the sandbox seed (store.ts, sandbox.ts). */
import { api, fake, useFake } from './testing';

useFake();

describe('state helpers', () => {
	it('reset() empties state, tokens, requests and faults; seedSandbox() builds a small practice', async () => {
		fake.addTask({ title: 'x' });
		fake.server.fault({ fault: { status: 500 }, times: Infinity });
		fake.reset();
		expect([fake.tasks.size, fake.requests.length, fake.signInCount]).toEqual([0, 0, 0]);
		expect((await api.get('/staff_tasks')).status).toBe(401);

		fake.seedSandbox();
		const tasks = [...fake.tasks.values()];
		expect(fake.clients.size).toBeGreaterThanOrEqual(3);
		expect(new Set(tasks.map((task) => task.status))).toEqual(
			new Set(['pending', 'completed', 'canceled']),
		);
		expect(tasks.some((task) => task.task_type === 'rx_refill')).toBe(true);
		expect(
			tasks.filter((task) => task.status !== 'pending').every((task) => task.finalized_at !== null),
		).toBe(true);
		for (const client of fake.clients.values()) expect(client.patients.length).toBeGreaterThan(0);
	});
});
