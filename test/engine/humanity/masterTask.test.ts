/**
 * Master tasks: Get Many (cursor paging, search), Create, Update, Delete, and the master-task picker and dropdowns.
 */
import type { INodePropertyOptions } from 'n8n-workflow';
import { Humanity } from '../../../nodes/Humanity/Humanity.node';
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

/** Master-task pages of two, to make the cursor paging visible; the node's larger limit is clamped to them. */
function useFakeLimits() {
	fake.options.masterTaskMaxLimit = 2;
	fake.options.limitAboveMax = 'clamp';
	fake.options.masterTaskDefaultLimit = 2;
}
afterEach(() => {
	fake.options.masterTaskMaxLimit = 100;
	fake.options.masterTaskDefaultLimit = 30;
	fake.options.limitAboveMax = 'reject';
	fake.options.cursorKey = 'cursor';
	fake.options.lastPageMetadata = 'null-cursor';
	fake.options.masterTaskDelete = 'soft';
	fake.options.userRole = 'manager';
	fake.options.masterTaskPositionsRequired = true;
});

/** More master tasks than one page of 100 holds (the node asks for 100 a page). */
function manyMasterTasks(count: number): string[] {
	const { positionId } = seed();
	for (let i = 0; i < count - 4; i++)
		fake.addMasterTask({ name: `Task ${String(i).padStart(3, '0')}`, positionIds: [positionId] });
	return [...fake.masterTasks.keys()];
}

const getAllMasterTasks = () =>
	humanity({ resource: 'masterTask', operation: 'getAll', returnAll: true });

/** Signs the credential's user in with another role (the fake's primary user takes userRole at reset). */
function signInAs(role: 'supervisor' | 'scheduler') {
	fake.options.userRole = role;
	fake.reset();
}

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

	it.each([
		['cursor', 'null-cursor'],
		['nextCursor', 'null-cursor'],
		['cursor', 'empty-array'],
	] as const)(
		'Return All follows a cursor under metadata.%s (last page: %s) to the end',
		async (cursorKey, lastPageMetadata) => {
			Object.assign(fake.options, { cursorKey, lastPageMetadata });
			const ids = manyMasterTasks(150);
			const { items, error } = await getAllMasterTasks();
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.id)).toEqual(ids);
			expect(apiCalls().map((call) => call.query.cursor === undefined)).toEqual([true, false]);
		},
	);

	it('Return All fails loudly, never returning a partial list as all, when the next cursor is under a key it does not know', async () => {
		fake.options.cursorKey = 'page_token';
		manyMasterTasks(150);
		const full = await getAllMasterTasks();
		expect(full.items).toHaveLength(0);
		expect(full.error?.message).toBe(
			'Humanity answered /master-tasks with a full page without a cursor this node recognises (metadata.cursor or metadata.nextCursor): the list may go on, so it is not returned as complete',
		);
		// A page the server cut below the limit asked for looks short, but a cursor-like key says more follow.
		useFakeLimits();
		fake.options.cursorKey = 'next_cursor';
		const clamped = await getAllMasterTasks();
		expect(clamped.error?.message).toBe(
			'Humanity answered /master-tasks with its next cursor under "next_cursor", a key this node does not read: the list may go on, so it is not returned as complete',
		);
	});

	it('a full last page with `metadata: []` cannot be told from a cut one: an error; with a Limit it is met without asking', async () => {
		fake.options.lastPageMetadata = 'empty-array';
		manyMasterTasks(100);
		expect((await getAllMasterTasks()).error?.message).toMatch(/full page without a cursor/);
		const limited = await humanity({
			resource: 'masterTask',
			operation: 'getAll',
			returnAll: false,
			limit: 100,
		});
		expect(limited.error).toBeUndefined();
		expect(limited.items).toHaveLength(100);
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

	it('Get Many sends positions as positionIds[] (get-master-tasks), includeDeleted only when set, and no empty filter', async () => {
		const { positionId } = seed();
		const kitchen = fake.addPosition({ name: 'Kitchen' });
		await humanity({
			resource: 'masterTask',
			operation: 'getAll',
			returnAll: true,
			filters: { positionIds: [positionId, kitchen.id], includeDeleted: true },
		});
		const query = new URLSearchParams(apiCalls()[0].rawQuery);
		expect(query.getAll('positionIds[]')).toEqual([String(positionId), String(kitchen.id)]);
		expect(query.get('includeDeleted')).toBe('true');
		fake.server.clearRequests();
		await humanity({
			resource: 'masterTask',
			operation: 'getAll',
			returnAll: true,
			filters: { searchTerm: '', positionIds: [], includeDeleted: false },
		});
		expect(Object.keys(apiCalls()[0].query).sort()).toEqual(['access_token', 'limit']);
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

	it("Update works for a Supervisor (update-master-tasks: minimum role Supervisor); a Scheduler gets Humanity's refusal", async () => {
		signInAs('supervisor');
		const { masters } = seed();
		const { items, error } = await humanity({
			resource: 'masterTask',
			operation: 'update',
			masterTaskId: byId(masters[0].id),
			updateFields: { name: 'Open the till' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: masters[0].id, name: 'Open the till' });
		signInAs('scheduler');
		const again = seed();
		const refused = await humanity({
			resource: 'masterTask',
			operation: 'update',
			masterTaskId: byId(again.masters[0].id),
			updateFields: { name: 'x' },
		});
		expect(refused.error?.message).toMatch(/\(code 20\)$/);
	});

	it.each([true, false])(
		'Create always sends at least one position, whether or not Humanity requires them (masterTaskPositionsRequired %s)',
		async (masterTaskPositionsRequired) => {
			fake.options.masterTaskPositionsRequired = masterTaskPositionsRequired;
			const { positionId } = seed();
			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'create',
				name: 'Wipe the tables',
				positionIds: [positionId],
			});
			expect(error).toBeUndefined();
			expect(apiCalls()[0].body).toEqual({ name: 'Wipe the tables', positionIds: [positionId] });
			expect(items[0].json).toMatchObject({ positionIds: [positionId] });
		},
	);

	it('Create leaves an empty description out; Update refuses one before any request (no page says empty clears)', async () => {
		const { positionId, masters } = seed();
		await humanity({
			resource: 'masterTask',
			operation: 'create',
			name: 'Wipe the tables',
			positionIds: [positionId],
			additionalFields: { description: '' },
		});
		expect(apiCalls()[0].body).toEqual({ name: 'Wipe the tables', positionIds: [positionId] });
		fake.server.clearRequests();
		const { error } = await humanity({
			resource: 'masterTask',
			operation: 'update',
			masterTaskId: byId(masters[0].id),
			updateFields: { description: '', favorite: true },
		});
		expect(error?.message).toBe('"Description" cannot be empty');
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

	it('Delete is marked unverified and destructive in the editor and to AI agents', () => {
		const operation = new Humanity().description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('masterTask'),
		);
		const option = (operation?.options as INodePropertyOptions[]).find(
			(candidate) => candidate.value === 'delete',
		);
		expect(option?.name).toBe('Delete (Unverified)');
		expect(option?.action).toBe('Delete a master task (unverified, destructive)');
		expect(option?.description).toMatch(/^Unverified and destructive:/);
	});

	it.each([
		['not-found', '404'],
		['method-not-allowed', '405'],
	] as const)(
		'Delete answered as not there (masterTaskDelete %s, HTTP %s) is "not supported", never success',
		async (masterTaskDelete, status) => {
			fake.options.masterTaskDelete = masterTaskDelete;
			const { masters } = seed();
			const { items, error } = await humanity({
				resource: 'masterTask',
				operation: 'delete',
				masterTaskId: byId(masters[0].id),
			});
			expect(items).toHaveLength(0);
			expect(error?.message).toBe(
				`Humanity does not support deleting master task ${masters[0].id} through the API (it answered HTTP ${status}): nothing is known to be deleted`,
			);
			expect(fake.masterTasks.get(masters[0].id)?.deletedAt).toBeNull();
		},
	);

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
