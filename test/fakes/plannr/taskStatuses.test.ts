/** The fake Plannr: task statuses (taskStatuses.ts). */
import type { PlannrStatus } from '.';
import { api, fake, useFake, withFakeBody } from './testing';

useFake();

describe('task statuses and accounts', () => {
	it('GET /api/v1/task-status answers {data} by position (sort=position), with the documented fields', async () => {
		const first = fake.addStatus({ name: 'Backlog', position: 0 });
		const answer = await api('GET', '/api/v1/task-status', { query: { sort: 'position' } });
		expect(answer.status).toBe(200);
		expect(answer.body.data.map((s: PlannrStatus) => s.name)).toEqual([
			'Backlog',
			'To do',
			'In progress',
			'Completed',
		]);
		expect(answer.body.data[0]).toEqual({
			uuid: first.uuid,
			name: 'Backlog',
			colour: expect.stringMatching(/^#[0-9A-Fa-f]{6}$/),
			position: 0,
			is_type_completed: false,
			is_archived: false,
			is_not_started: false,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		expect(
			(await api('GET', '/api/v1/task-status', { query: { sort: '-position' } })).body.data[0].name,
		).toBe('Completed');
		expect((await api('GET', '/api/v1/task-status', { query: { sort: 'colour' } })).status).toBe(
			400,
		);
		expect(
			(await withFakeBody({ statusListPaginated: true }, '/api/v1/task-status')).meta,
		).toMatchObject({ total: 0 });
	});
});
