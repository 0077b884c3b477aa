/** The fake Open Dental: task lists (taskLists.ts). */
import { api, fake, list, useFake } from './testing';

useFake();

describe('task lists, notes, priorities, users', () => {
	it('task lists: Active by default, or Archived', async () => {
		fake.addTaskList({ Descript: 'Old', TaskListStatus: 'Archived' });
		expect((await api.get('/tasklists')).data).toEqual([
			expect.objectContaining({ TaskListNum: list, Descript: 'Front Desk', Parent: 0 }),
		]);
		expect(
			(await api.get('/tasklists', { params: { TaskListStatus: 'Archived' } })).data.map(
				(l: { Descript: string }) => l.Descript,
			),
		).toEqual(['Old']);
		expect((await api.get('/tasklists', { params: { TaskListStatus: 'Gone' } })).status).toBe(400);
	});
});
