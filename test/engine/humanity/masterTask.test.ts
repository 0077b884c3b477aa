/**
 * Master tasks: Get Many (cursor paging, search), Create, Update, Delete, and the master-task picker and dropdowns.
 */
import { loadOptions, searchList } from '../harness';
import {
	API,
	apiCalls,
	byId,
	credentialId,
	engine,
	fake,
	humanity,
	live,
	seed,
	useHumanity,
} from './setup';

useHumanity();

/** Master-task pages of two, to make the cursor paging visible. */
function useFakeLimits() {
	fake.options.masterTaskMaxLimit = 2;
	fake.options.masterTaskDefaultLimit = 2;
}
afterEach(() => {
	fake.options.masterTaskMaxLimit = 100;
	fake.options.masterTaskDefaultLimit = 30;
});

describe('master task', () => {
	it('Get Many follows the cursor for Return All, and stops at the Limit', async () => {
		useFakeLimits();
		const { masters } = seed();
		const all = await humanity({ resource: 'masterTask', operation: 'getAll', returnAll: true });
		expect(all.items.map((item) => item.json.id)).toEqual(masters.map((task) => task.id));
		expect(apiCalls().length).toBe(2);
		expect(apiCalls()[1].query.cursor).toBeTruthy();
		fake.server.clearRequests();
		const some = await humanity({
			resource: 'masterTask',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});
		expect(some.items).toHaveLength(3);
	});

	it('Get Many searches with 3+ characters and refuses a shorter term before any request', async () => {
		const { masters } = seed();
		const found = await humanity({
			resource: 'masterTask',
			operation: 'getAll',
			returnAll: true,
			filters: { searchTerm: 'espresso' },
		});
		expect(found.items.map((item) => item.json.id)).toEqual([masters[1].id]);
		fake.server.clearRequests();
		const { error } = await humanity({
			resource: 'masterTask',
			operation: 'getAll',
			returnAll: true,
			filters: { searchTerm: 'es' },
		});
		expect(error?.message).toBe('"Search Term" needs at least 3 characters (got "es")');
		expect(fake.requests).toHaveLength(0);
	});

	it('Create sends name and positions; without positions it is refused before any request', async () => {
		const { positionId } = seed();
		const { items } = await humanity({
			resource: 'masterTask',
			operation: 'create',
			name: 'Wipe the tables',
			positionIds: [positionId],
			additionalFields: { description: 'Every hour', color: '#1565C0' },
		});
		expect(apiCalls()[0].body).toEqual({
			name: 'Wipe the tables',
			positionIds: [positionId],
			description: 'Every hour',
			color: '#1565C0',
		});
		expect(items[0].json).toMatchObject({ name: 'Wipe the tables', positionIds: [positionId] });
		fake.server.clearRequests();
		const { error } = await humanity({
			resource: 'masterTask',
			operation: 'create',
			name: 'X',
			positionIds: '={{[]}}',
		});
		expect(error?.message).toBe('"Position Names or IDs" needs at least one position');
		expect(fake.requests).toHaveLength(0);
	});

	it('Update PATCHes only the fields set', async () => {
		const { masters } = seed();
		const { items } = await humanity({
			resource: 'masterTask',
			operation: 'update',
			masterTaskId: byId(masters[0].id),
			updateFields: { favorite: true },
		});
		expect(apiCalls()[0]).toMatchObject({
			method: 'PATCH',
			path: `${API}/master-tasks/${masters[0].id}`,
			body: { favorite: true },
		});
		expect(items[0].json).toMatchObject({
			id: masters[0].id,
			name: 'Open the register',
			favorite: true,
		});
	});

	it('Delete deletes the named master task only; shift tasks made from it stay', async () => {
		const { masters, shift } = seed();
		const { items } = await humanity({
			resource: 'masterTask',
			operation: 'delete',
			masterTaskId: byId(masters[0].id),
		});
		expect(items[0].json).toMatchObject({ deleted: true, id: masters[0].id });
		expect(fake.masterTasks.get(masters[0].id)?.deletedAt).not.toBeNull();
		expect([...fake.masterTasks.values()].filter((task) => task.deletedAt === null)).toHaveLength(
			3,
		);
		expect(live(shift.id)).toHaveLength(3);
	});

	it('the master-task picker and dropdowns load from Humanity', async () => {
		const { masters } = seed();
		const spec = {
			type: 'humanity',
			credentialType: 'humanityApi',
			credentialId,
			parameters: { resource: 'shiftTask', operation: 'add' },
		};
		expect(
			(await searchList(engine, spec, 'searchMasterTasks', 'fridge')).map((result) => result.value),
		).toEqual([masters[3].id]);
		expect((await loadOptions(engine, spec, 'getPositions')).map((option) => option.name)).toEqual([
			'Barista',
			'Kitchen',
		]);
		expect(
			(await loadOptions(engine, spec, 'getMasterTasks')).map((option) => option.name),
		).toEqual([
			'Clean the espresso machine',
			'Fridge temperature log',
			'Open the register',
			'Restock pastries',
		]);
	});
});
