/**
 * Employee tasks: Get Many, Start, Complete (with times), and the normalized output.
 */
import { API, apiCalls, fake, humanity, seed, useHumanity } from './setup';

useHumanity();

describe('employee task', () => {
	it('Get Many lists the employee tasks of shifts; Start starts one; Complete completes it', async () => {
		const { shift } = seed();
		const { items } = await humanity({
			resource: 'employeeTask',
			operation: 'getAll',
			shiftIds: String(shift.id),
			returnAll: true,
		});
		expect(items).toHaveLength(3);
		const id = String(items[0].json.id);

		const started = await humanity({
			resource: 'employeeTask',
			operation: 'start',
			employeeTaskId: id,
		});
		expect(apiCalls().at(-1)).toMatchObject({
			method: 'POST',
			path: `${API}/employee-tasks/${id}/activity`,
			body: { status: 1 },
		});
		expect(started.items[0].json).toMatchObject({ id, activity: { status: 1 } });

		const done = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
		});
		expect(apiCalls().at(-1)).toMatchObject({ method: 'POST', body: { status: 2 } });
		expect(done.items[0].json).toMatchObject({ id, activity: { status: 2 } });

		const open = await humanity({
			resource: 'employeeTask',
			operation: 'getAll',
			shiftIds: String(shift.id),
			returnAll: true,
			filters: { status: 'open' },
		});
		expect(open.items).toHaveLength(2);
	});

	it('Complete with times records them (PUT); one time alone is refused before any request', async () => {
		const { shift } = seed();
		const { items } = await humanity({
			resource: 'employeeTask',
			operation: 'getAll',
			shiftIds: String(shift.id),
			returnAll: true,
		});
		const id = String(items[1].json.id);
		const done = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
			options: { startedAt: '2026-11-23T13:00:00Z', endedAt: '2026-11-23T13:20:00Z' },
		});
		expect(apiCalls().at(-1)).toMatchObject({
			method: 'PUT',
			body: { startedAt: '2026-11-23T13:00:00+00:00', endedAt: '2026-11-23T13:20:00+00:00' },
		});
		expect(done.items[0].json).toMatchObject({
			activity: { status: 2, startedAt: '2026-11-23T13:00:00+00:00' },
		});
		fake.server.clearRequests();
		const { error } = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
			options: { endedAt: '2026-11-23T13:20:00Z' },
		});
		expect(error?.message).toBe('"Started At" is required');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('normalized output', () => {
	it('Employee Task Complete: done, completed when it ended; Get Many names the employee and the shift', async () => {
		const { shift } = seed();
		const listed = await humanity({
			resource: 'employeeTask',
			operation: 'getAll',
			shiftIds: String(shift.id),
			returnAll: true,
		});
		const { id, employeeId } = listed.items[0].json;

		const done = await humanity({
			resource: 'employeeTask',
			operation: 'complete',
			employeeTaskId: id,
			options: { startedAt: '2026-11-23T13:00:00Z', endedAt: '2026-11-23T13:20:00Z' },
			outputFormat: 'normalized',
		});

		// Humanity answers the activity alone, so who and which shift come from a read.
		expect(done.items[0].json).toMatchObject({
			id,
			vendor: 'humanity',
			status: 'done',
			completedAt: '2026-11-23T13:20:00Z',
		});
		const after = await humanity({
			resource: 'employeeTask',
			operation: 'getAll',
			shiftIds: String(shift.id),
			returnAll: true,
			outputFormat: 'normalized',
		});
		expect(after.items.find((item) => item.json.id === id)?.json).toMatchObject({
			status: 'done',
			completedAt: '2026-11-23T13:20:00Z',
			assignees: [{ id: String(employeeId) }],
			subject: { type: 'shift', id: String(shift.id) },
		});
	});
});
