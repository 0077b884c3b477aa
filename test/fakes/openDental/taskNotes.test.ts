/** The fake Open Dental: task notes (taskNotes.ts). */
import { api, fake, list, useFake, user } from './testing';

useFake();

describe('task lists, notes, priorities, users', () => {
	it('task notes: create (201), list by TaskNum/UserNum, get one, update; Note must not be blank', async () => {
		const task = fake.addTask({ TaskListNum: list, Descript: 'x' });
		const other = fake.addTask({ TaskListNum: list, Descript: 'y' });
		const created = await api.post('/tasknotes', {
			TaskNum: task.TaskNum,
			UserNum: user,
			Note: 'Called',
		});
		expect([created.status, created.data]).toEqual([
			201,
			{
				TaskNoteNum: 1,
				TaskNum: task.TaskNum,
				UserNum: user,
				DateTimeNote: '2026-03-01 12:00:00',
				Note: 'Called',
			},
		]);
		fake.addNote({ TaskNum: other.TaskNum, Note: 'Other' });
		expect((await api.get('/tasknotes', { params: { TaskNum: task.TaskNum } })).data).toEqual([
			created.data,
		]);
		expect((await api.get('/tasknotes', { params: { UserNum: user } })).data).toHaveLength(2);
		expect((await api.get('/tasknotes/1')).data).toEqual(created.data);
		expect((await api.get('/tasknotes/99')).status).toBe(404);

		for (const body of [
			{ TaskNum: task.TaskNum, UserNum: user, Note: '  ' },
			{ TaskNum: task.TaskNum, UserNum: user },
			{ UserNum: user, Note: 'x' },
		]) {
			expect((await api.post('/tasknotes', body)).status).toBe(400);
		}
		expect((await api.post('/tasknotes', { TaskNum: 999, UserNum: user, Note: 'x' })).status).toBe(
			404,
		);

		const updated = await api.put('/tasknotes/1', {
			Note: 'Called twice',
			DateTimeNote: '2026-03-01 09:30:00',
		});
		expect([updated.status, updated.data]).toEqual([
			200,
			{ ...created.data, Note: 'Called twice', DateTimeNote: '2026-03-01 09:30:00' },
		]);
		expect((await api.put('/tasknotes/1', { Note: '' })).status).toBe(400);
		expect((await api.put('/tasknotes/99', { Note: 'x' })).status).toBe(404);
	});
});
