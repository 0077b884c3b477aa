/** The fake MileApp: finishing a task (assignment.ts). */
import {
	api,
	call,
	dewi,
	fake,
	HOUR,
	iso,
	seedBody,
	setNow,
	T0,
	task,
	useFake,
	withFake,
} from './testing';

useFake();

describe('finishing a task', () => {
	it('status DONE in a PATCH finishes an ONGOING task before its endTime; after it the answer is a 400 and nothing changes', async () => {
		const open = task({ assignee: [dewi.email], endTime: iso(T0 + HOUR) });
		const late = task({
			assignee: [dewi.email],
			startTime: iso(T0 - 2 * HOUR),
			endTime: iso(T0 - 1000),
		});
		setNow(T0 + 1000);
		const done = await api('PATCH', `/task/${open._id}`, { body: { status: 'DONE' } });
		expect(done.status).toBe(200);
		expect(done.body.task).toMatchObject({
			status: 'DONE',
			doneBy: 'Roger',
			doneTime: iso(T0 + 1000),
			assignee: [dewi.email],
		});
		// Finishing again changes nothing.
		expect(
			(await api('PATCH', `/task/${open._id}`, { body: { status: 'DONE' } })).body.task.doneTime,
		).toBe(iso(T0 + 1000));

		const refused = await api('PATCH', `/task/${late._id}`, {
			body: { status: 'DONE', field1: 'changed' },
		});
		expect([refused.status, refused.body]).toEqual([
			400,
			{ status: false, message: 'Task cannot be finished because it has passed its end time.' },
		]);
		expect(fake.tasks.get(late._id)).toMatchObject({
			status: 'ONGOING',
			doneTime: null,
			fields: { field1: 'John' },
		});
		// The same rule through PUT and through the mobile app.
		expect(
			(
				await api('PUT', `/task/${late._id}`, {
					body: { ...seedBody(), endTime: iso(T0), status: 'DONE' },
				})
			).status,
		).toBe(400);
		expect(() => fake.finishTask(late._id)).toThrow('passed its end time');

		// The clock matters: the same task can be finished before its end, not after.
		const soon = task({ assignee: [dewi.email], endTime: iso(T0 + 2 * HOUR) });
		setNow(T0 + 3 * HOUR);
		expect((await api('PATCH', `/task/${soon._id}`, { body: { status: 'DONE' } })).status).toBe(
			400,
		);
	});

	it('an UNASSIGNED task cannot be finished (409); other statuses cannot be set; options change both', async () => {
		const t = task();
		const unassigned = await api('PATCH', `/task/${t._id}`, { body: { status: 'DONE' } });
		expect([unassigned.status, unassigned.body.message]).toEqual([
			409,
			'Task has not been assigned yet.',
		]);
		expect(
			(await api('PATCH', `/task/${t._id}`, { body: { status: 'ONGOING' } })).body.message,
		).toBe('The selected status is invalid.');
		expect((await api('PATCH', `/task/${t._id}`, { body: { status: 'UNASSIGNED' } })).status).toBe(
			200,
		);
		// Assigning and finishing in one PATCH.
		const both = await api('PATCH', `/task/${t._id}`, {
			body: { assignee: [dewi.email], status: 'DONE' },
		});
		expect(both.body.task).toMatchObject({ status: 'DONE', assignee: [dewi.email] });

		await withFake(
			{ statusWritable: false, finishAfterEndStatus: 409, finishAfterEndMessage: 'Late.' },
			async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				const ongoing = other.addTask({
					flowId: flow._id,
					hubId: hub._id,
					assignee: ['roger@example.com'],
					startTime: iso(T0 - HOUR),
					endTime: iso(T0 - 1),
				});
				expect(
					(await call(other, 'PATCH', `/task/${ongoing._id}`, { body: { status: 'DONE' } })).body
						.task.status,
				).toBe('ONGOING');
				expect(() => other.finishTask(ongoing._id)).toThrow('Late.');
			},
		);
		await withFake({ editDoneTask: 'reject' }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			const finished = other.addTask({ flowId: flow._id, hubId: hub._id, status: 'DONE' });
			expect((await call(other, 'PATCH', `/task/${finished._id}`, { body: {} })).status).toBe(409);
		});
	});

	it.each([
		['reject', 409, 'UNASSIGNED'],
		['allow', 200, 'DONE'],
	] as const)(
		'[inferred] finishUnassigned %s: status DONE in a PATCH of an UNASSIGNED task answers %i; the task is then %s',
		async (finishUnassigned, answered, status) => {
			await withFake({ finishUnassigned }, async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({ name: 'Visit', fields: [] });
				const open = other.addTask({ flowId: flow._id, hubId: hub._id });
				const answer = await call(other, 'PATCH', `/task/${open._id}`, {
					body: { status: 'DONE' },
				});
				expect([answer.status, answer.body.status]).toEqual([answered, answered === 200]);
				expect(other.tasks.get(open._id)?.status).toBe(status);
			});
		},
	);
});
