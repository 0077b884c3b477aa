/** The fake Open Dental: its error body shapes, reset and the sandbox seed (store.ts, sandbox.ts). */
import axios from 'axios';
import { UNSET_DATE_TIME, type OpenDentalTask } from '.';
import { api, fake, useFake, withFake } from './testing';

useFake();

describe('error body shapes', () => {
	it('plain text by default, a JSON string, or a JSON object with a message', async () => {
		const missing = await api.get('/tasks/999');
		expect([missing.headers['content-type'], missing.data]).toEqual([
			expect.stringMatching(/^text\/plain/),
			'Task 999 not found.',
		]);
		await withFake({ errorBodyShape: 'json-string' }, async (_other, client) => {
			const answer = await client.get('/tasks/999', { responseType: 'text' });
			expect([answer.status, answer.headers['content-type'], answer.data]).toEqual([
				404,
				expect.stringMatching(/^application\/json/),
				'"Task 999 not found."',
			]);
		});
		await withFake({ errorBodyShape: 'json-object' }, async (_other, client) => {
			const answer = await client.get('/tasks/999');
			expect([answer.status, answer.data]).toEqual([404, { message: 'Task 999 not found.' }]);
			expect(
				(await axios.get(`${_other.url}/api/v1/tasks`, { validateStatus: () => true })).data,
			).toEqual({ message: expect.any(String) });
		});
	});
});

describe('state helpers', () => {
	it('reset() empties state and requests; seedSandbox() builds a small dental office', async () => {
		fake.reset();
		expect([fake.tasks.size, fake.taskLists.size, fake.users.size, fake.requests.length]).toEqual([
			0, 0, 0, 0,
		]);
		fake.seedSandbox();
		const tasks = [...fake.tasks.values()];
		expect(fake.taskLists.size).toBe(3);
		expect(
			[...fake.taskLists.values()].filter((l) => l.TaskListStatus === 'Archived'),
		).toHaveLength(1);
		expect(fake.users.size).toBe(3);
		expect(fake.priorities.size).toBeGreaterThanOrEqual(3);
		expect(fake.notes.size).toBeGreaterThanOrEqual(2);
		expect(tasks.length).toBeGreaterThanOrEqual(6);
		expect(tasks.some((t) => t.ObjectType === 'Patient' && t.KeyNum > 0)).toBe(true);
		expect(
			tasks
				.filter((t) => t.TaskStatus === 'Done')
				.every((t) => t.DateTimeFinished !== UNSET_DATE_TIME),
		).toBe(true);
		const recent = (await api.get('/tasks')).data as OpenDentalTask[];
		expect(recent.length).toBe(tasks.length - 1); // one is older than 14 days
		expect((await api.get('/tasks', { params: { TaskStatus: 'Done' } })).data).toHaveLength(1);
	});
});
