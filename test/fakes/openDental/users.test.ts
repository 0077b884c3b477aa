/** The fake Open Dental: task priorities (definitions.ts) and users (users.ts). */
import { api, fake, useFake, user } from './testing';

useFake();

describe('task lists, notes, priorities, users', () => {
	it('definitions Category=33 are the task priorities, with only the documented fields (no ItemOrder, no ItemColor), in the office’s order', async () => {
		fake.addPriority({ DefNum: 9, ItemName: 'High' });
		fake.addPriority({ DefNum: 5, ItemName: 'Low' });
		const priorities = (await api.get('/definitions', { params: { Category: 33 } })).data;
		expect(priorities).toEqual([
			{
				DefNum: 1,
				ItemName: 'Normal',
				ItemValue: 'D',
				Category: 33,
				category: 'TaskPriorities',
				isHidden: 'false',
			},
			{
				DefNum: 9,
				ItemName: 'High',
				ItemValue: '',
				Category: 33,
				category: 'TaskPriorities',
				isHidden: 'false',
			},
			expect.objectContaining({ DefNum: 5, ItemName: 'Low' }),
		]);
		expect((await api.get('/definitions', { params: { Category: 1 } })).data).toEqual([]);
	});

	it('definitions leave hidden ones out unless includeHidden=true (it defaults to false)', async () => {
		fake.addPriority({ ItemName: 'Obsolete', isHidden: 'true' });
		const names = async (params: Record<string, string | number>) =>
			(await api.get('/definitions', { params: { Category: 33, ...params } })).data.map(
				(definition: { ItemName: string }) => definition.ItemName,
			);
		expect(await names({})).toEqual(['Normal']);
		expect(await names({ includeHidden: 'false' })).toEqual(['Normal']);
		expect(await names({ includeHidden: 'true' })).toEqual(['Normal', 'Obsolete']);
		expect((await api.get('/definitions', { params: { includeHidden: 'yes' } })).status).toBe(400);
	});

	it('userods hide hidden users unless includeHidden=true', async () => {
		fake.addUser({ UserName: 'Gone', IsHidden: 'true' });
		expect((await api.get('/userods')).data).toEqual([
			expect.objectContaining({ UserNum: user, UserName: 'Admin', IsHidden: 'false' }),
		]);
		expect((await api.get('/userods', { params: { includeHidden: 'true' } })).data).toHaveLength(2);
	});
});
