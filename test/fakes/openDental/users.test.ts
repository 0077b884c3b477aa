/** The fake Open Dental: task priorities (definitions.ts) and users (users.ts). */
import { api, fake, useFake, user } from './testing';

useFake();

describe('task lists, notes, priorities, users', () => {
	it('definitions Category=33 are the task priorities; userods hide hidden users unless includeHidden', async () => {
		fake.addPriority({ ItemName: 'High', ItemColor: '#FF0000' });
		const priorities = (await api.get('/definitions', { params: { Category: 33 } })).data;
		expect(priorities).toEqual([
			expect.objectContaining({
				DefNum: 1,
				ItemName: 'Normal',
				ItemValue: 'D',
				Category: 33,
				isHidden: 'false',
			}),
			expect.objectContaining({ DefNum: 2, ItemName: 'High', Category: 33 }),
		]);
		expect((await api.get('/definitions', { params: { Category: 1 } })).data).toEqual([]);

		fake.addUser({ UserName: 'Gone', IsHidden: 'true' });
		expect((await api.get('/userods')).data).toEqual([
			expect.objectContaining({ UserNum: user, UserName: 'Admin', IsHidden: 'false' }),
		]);
		expect((await api.get('/userods', { params: { includeHidden: 'true' } })).data).toHaveLength(2);
	});
});
