/** The fake MileApp: the state helpers and the sandbox seed (store.ts, sandbox.ts). */
import { api, fake, now, useFake } from './testing';

useFake();

describe('state helpers', () => {
	it('credentialData() is what a MileApp credential holds: the /api/v3 base URL and the token; it works as is', async () => {
		const credentials = fake.credentialData();
		expect(credentials).toEqual({ baseUrl: `${fake.url}/api/v3`, token: 'mileapp-personal-token' });
		const answer = await fetch(`${credentials.baseUrl}/hubs`, {
			headers: { Authorization: `Bearer ${credentials.token}`, Accept: 'application/json' },
		});
		expect(answer.status).toBe(200);
	});

	it('reset() keeps only the primary user; seedSandbox() builds a small field-operations company', async () => {
		fake.reset();
		expect([
			fake.tasks.size,
			fake.hubs.size,
			fake.flows.size,
			fake.users.size,
			fake.requests.length,
			fake.webhooks.length,
		]).toEqual([0, 0, 0, 1, 0, 0]);
		fake.seedSandbox();
		expect([fake.hubs.size, fake.flows.size, fake.tasks.size]).toEqual([3, 3, 6]);
		const types = new Set(
			[...fake.flows.values()].flatMap((flow) => flow.fields.map((field) => field.type)),
		);
		expect([...types].sort()).toEqual(['date', 'location', 'number', 'select', 'string']);
		for (const flow of fake.flows.values()) {
			expect(flow.fields.some((field) => field.required)).toBe(true);
			expect(flow.fields.some((field) => !field.required)).toBe(true);
		}
		const statuses = [...fake.tasks.values()].map((t) => t.status);
		expect(statuses.filter((s) => s === 'UNASSIGNED')).toHaveLength(2);
		expect(statuses.filter((s) => s === 'ONGOING')).toHaveLength(2);
		expect(statuses.filter((s) => s === 'DONE')).toHaveLength(2);

		const listed = await api('GET', '/tasks', {
			token: 'mileapp-dewi-token',
			query: { status: 'ONGOING' },
		});
		expect(listed.body.tasks.total).toBe(2);
		// One ONGOING task is already past its end time: it cannot be finished.
		const late = listed.body.tasks.data.find(
			(row: { endTime: string }) => Date.parse(row.endTime) < now,
		);
		expect((await api('PATCH', `/task/${late._id}`, { body: { status: 'DONE' } })).status).toBe(
			400,
		);
		const onTime = listed.body.tasks.data.find(
			(row: { endTime: string }) => Date.parse(row.endTime) > now,
		);
		expect(
			(await api('PATCH', `/task/${onTime._id}`, { body: { status: 'DONE' } })).body.task.status,
		).toBe('DONE');
		// Every seeded task satisfies its flow: PUT of the task as read back works.
		for (const seeded of [...fake.tasks.values()]) {
			const read = (await api('GET', `/task/${seeded._id}`)).body.task;
			expect((await api('PUT', `/task/${seeded._id}`, { body: read })).status).toBe(200);
		}
	});
});
