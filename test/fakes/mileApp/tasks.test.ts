/**
 * The fake MileApp: creating, reading, replacing, changing, assigning and deleting tasks (tasks.ts,
 * taskInput.ts, assignment.ts).
 */
import {
	api,
	bandung,
	budi,
	call,
	delivery,
	dewi,
	fake,
	HOUR,
	iso,
	jakarta,
	seedBody,
	setNow,
	T0,
	task,
	useFake,
	visit,
	withFake,
} from './testing';

useFake();

describe('tasks: create', () => {
	it('POST /task creates (201) a task shaped as seed 003, created by the token’s user', async () => {
		const answer = await api('POST', '/task', { body: seedBody() });
		expect(answer.status).toBe(201);
		const created = {
			_id: expect.stringMatching(/^[0-9a-f]{24}$/),
			flow: 'Visit',
			flowId: visit._id,
			hubId: jakarta._id,
			startTime: '2022-11-02T07:28:23+00:00',
			organizationId: '634e98098ce07d29474a7e22',
			status: 'UNASSIGNED',
			hub: { _id: jakarta._id, name: 'Jakarta', lat: -6.205154152722965, lng: 106.84667067970608 },
			orderIndex: 10,
			field1: 'John Birdy',
			field2: 'Gambir Jakarta',
			field3: '-6.230815251,106.75684387',
			createdFrom: 'API',
			endTime: '2022-11-05T07:28:23+00:00',
			createdBy: 'Roger',
			updatedTime: '2026-03-01T12:00:00+00:00',
			createdTime: '2026-03-01T12:00:00+00:00',
		};
		expect(answer.body).toEqual({ status: true, message: 'Task has been created', task: created });
		// Seed 003's key order, with flowId after flow.
		expect(Object.keys(answer.body.task)).toEqual(Object.keys(created));

		// orderIndex goes up by 10; another user's token is its createdBy; times default from the flow.
		const second = await api('POST', '/task', {
			token: 'dewi-token',
			body: { flow: 'Delivery', hubId: jakarta._id, invoice: 'INV-1', packageCount: 2 },
		});
		expect(second.body.task).toMatchObject({
			orderIndex: 20,
			createdBy: 'Dewi',
			startTime: '2026-03-01T12:00:00+00:00',
			endTime: '2026-03-01T20:00:00+00:00',
			title: 'INV-1',
			content: 2,
		});
		// `Y-m-d H:i:s` is read in the organization's zone; ISO offsets are converted to it.
		const local = await api('POST', '/task', {
			body: {
				...seedBody(),
				startTime: '2026-03-02 08:00:00',
				endTime: '2026-03-02T17:00:00+07:00',
			},
		});
		expect(local.body.task).toMatchObject({
			startTime: '2026-03-02T08:00:00+00:00',
			endTime: '2026-03-02T10:00:00+00:00',
		});
	});

	it('POST refuses (400) what the flow does not allow, one message at a time (all by option); nothing is stored', async () => {
		const message = async (body: unknown) => {
			const answer = await api('POST', '/task', { body });
			expect([answer.status, answer.body.status]).toEqual([400, false]);
			return answer.body.message;
		};
		const base = { flow: 'Delivery', hubId: jakarta._id, invoice: 'INV-1', packageCount: 2 };
		expect(await message({})).toBe('The flow field is required.');
		expect(await message({ flow: 'Visit' })).toBe('The hubId field is required.');
		expect(await message({ ...base, flow: 'Nope' })).toBe('The selected flow is invalid.');
		expect(await message({ ...base, hubId: 'nope' })).toBe('The selected hubId is invalid.');
		expect(await message({ ...base, invoice: undefined })).toBe('The invoice field is required.');
		expect(await message({ ...base, invoice: '  ' })).toBe('The invoice field is required.');
		expect(await message({ ...base, packageCount: 'two' })).toBe(
			'The packageCount must be a number.',
		);
		expect(await message({ ...base, priority: 'Soon' })).toBe('The selected priority is invalid.');
		expect(await message({ ...base, dueDate: '02/03/2026' })).toBe(
			'The dueDate does not match the format Y-m-d.',
		);
		expect(await message({ ...base, dueDate: '2026-02-30' })).toBe(
			'The dueDate does not match the format Y-m-d.',
		);
		expect(await message({ ...base, pickupAt: 'tomorrow' })).toBe(
			'The pickupAt is not a valid date.',
		);
		expect(await message({ ...seedBody(), field3: 'Gambir' })).toBe(
			'The field3 must be a location as latitude,longitude.',
		);
		expect(await message({ ...base, startTime: '2026-03-02' })).toBe(
			'The startTime is not a valid date.',
		);
		expect(
			await message({ ...base, startTime: '2026-03-02 10:00:00', endTime: '2026-03-02 09:00:00' }),
		).toBe('The endTime must be a date after startTime.');
		expect(fake.tasks.size).toBe(0);

		// Loose types by default: numeric strings are numbers, numbers are text; strict by option.
		const loose = await api('POST', '/task', {
			body: { ...base, invoice: 1001, packageCount: '3', pickupAt: '2026-03-02 09:30:00' },
		});
		expect(loose.body.task).toMatchObject({
			invoice: '1001',
			packageCount: 3,
			pickupAt: '2026-03-02T09:30:00+00:00',
		});
		await withFake({ strictFieldTypes: true, validationMessage: 'all' }, async (other) => {
			const flow = other.addFlow({
				name: 'Delivery',
				fields: [
					{ field: 'invoice', required: true },
					{ field: 'packageCount', type: 'number', required: true },
				],
			});
			const hub = other.addHub({ name: 'Jakarta' });
			const answer = await call(other, 'POST', '/task', {
				body: { flow: flow.name, hubId: hub._id, invoice: 1001, packageCount: '3' },
			});
			expect([answer.status, answer.body.message]).toEqual([
				400,
				'The invoice must be a string. The packageCount must be a number.',
			]);
		});
	});

	it('body keys outside the flow are dropped (kept or refused by option); keys of an answer are ignored', async () => {
		const answer = await api('POST', '/task', {
			body: {
				...seedBody(),
				colour: 'red',
				_id: 'mine',
				status: 'DONE',
				orderIndex: 99,
				createdBy: 'Me',
				hub: { name: 'x' },
			},
		});
		expect(answer.status).toBe(201);
		expect(answer.body.task).not.toHaveProperty('colour');
		expect(answer.body.task).toMatchObject({
			status: 'UNASSIGNED',
			orderIndex: 10,
			createdBy: 'Roger',
			hub: { name: 'Jakarta' },
		});
		expect(answer.body.task._id).not.toBe('mine');
		await withFake({ unknownBodyFields: 'keep' }, async (other) => {
			const flow = other.addFlow({ name: 'Visit', fields: [{ field: 'field1' }] });
			const hub = other.addHub({ name: 'Jakarta' });
			expect(
				(
					await call(other, 'POST', '/task', {
						body: { flow: flow.name, hubId: hub._id, colour: 'red' },
					})
				).body.task.colour,
			).toBe('red');
		});
		await withFake({ unknownBodyFields: 'reject' }, async (other) => {
			const flow = other.addFlow({ name: 'Visit', fields: [{ field: 'field1' }] });
			const hub = other.addHub({ name: 'Jakarta' });
			const refused = await call(other, 'POST', '/task', {
				body: { flow: flow.name, hubId: hub._id, colour: 'red' },
			});
			expect([refused.status, refused.body.message]).toEqual([
				400,
				'The colour field is not in the flow Visit.',
			]);
		});
	});

	it('assignee[] on create takes emails of the task’s hub: the task starts ONGOING', async () => {
		const answer = await api('POST', '/task', {
			body: { ...seedBody(), assignee: ['Dewi@example.com'] },
		});
		expect(answer.status).toBe(201);
		expect(answer.body.task).toMatchObject({
			status: 'ONGOING',
			assignee: ['Dewi@example.com'],
			assignedBy: 'Roger',
			assignedTime: '2026-03-01T12:00:00+00:00',
		});
		// A comma-separated string works too.
		expect(
			(
				await api('POST', '/task', {
					body: { ...seedBody(), assignee: 'dewi@example.com, roger@example.com' },
				})
			).body.task.assignee,
		).toEqual(['dewi@example.com', 'roger@example.com']);
		const unknown = await api('POST', '/task', {
			body: { ...seedBody(), assignee: ['ghost@example.com'] },
		});
		expect([unknown.status, unknown.body.message]).toEqual([
			400,
			'User ghost@example.com is not found.',
		]);
		const otherHub = await api('POST', '/task', {
			body: { ...seedBody(), assignee: [budi.email] },
		});
		expect([otherHub.status, otherHub.body.message]).toEqual([
			400,
			"User budi@example.com does not belong to the task's hub.",
		]);
		expect((await api('POST', '/task', { body: { ...seedBody(), assignee: [1] } })).status).toBe(
			400,
		);
		await withFake({ assignChecksHub: false }, async (other) => {
			const hub = other.addHub({ name: 'Bandung' });
			other.addUser({ name: 'Budi', email: 'budi@example.com', hubIds: [] });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			expect(
				(
					await call(other, 'POST', '/task', {
						body: { flow: flow.name, hubId: hub._id, assignee: ['budi@example.com'] },
					})
				).status,
			).toBe(201);
		});
	});
});

describe('tasks: orderIndex', () => {
	it.each([10, 1])(
		'[inferred] orderIndexStep %i: each task created through the API comes that far after the one before',
		async (orderIndexStep) => {
			await withFake({ orderIndexStep }, async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				other.addFlow({ name: 'Visit', fields: [] });
				const create = async () =>
					(await call(other, 'POST', '/task', { body: { flow: 'Visit', hubId: hub._id } })).body
						.task.orderIndex;
				expect([await create(), await create(), await create()]).toEqual([
					orderIndexStep,
					2 * orderIndexStep,
					3 * orderIndexStep,
				]);
			});
		},
	);
});

describe('tasks: dates (data-formats.mdx)', () => {
	const at = (startTime: string) => ({
		...seedBody(),
		startTime,
		endTime: '2022-11-05T07:28:23+00:00',
	});

	it('takes the documented forms: Y-m-d H:i:s, Y-m-d\\TH:i:s, Y-m-d\\TH:i:sP, Y-m-d\\TH:i:s.vP; answers with +00:00', async () => {
		for (const form of [
			'2022-11-02 07:28:23',
			'2022-11-02T07:28:23',
			'2022-11-02T07:28:23+00:00',
			'2022-11-02T14:28:23+07:00',
			'2022-11-02T07:28:23.000+00:00',
		]) {
			const answer = await api('POST', '/task', { body: at(form) });
			expect([form, answer.status, answer.body.task?.startTime]).toEqual([
				form,
				201,
				'2022-11-02T07:28:23+00:00',
			]);
		}
	});

	it('[inferred] undocumentedDateForms: Z, +0000 or another fraction is a 400 by default, read as ISO 8601 by option', async () => {
		const forms = [
			'2022-11-02T07:28:23Z',
			'2022-11-02T07:28:23+0000',
			'2022-11-02T07:28:23.5+00:00',
		];
		for (const form of forms)
			expect((await api('POST', '/task', { body: at(form) })).body).toEqual({
				status: false,
				message: 'The startTime is not a valid date.',
			});
		await withFake({ undocumentedDateForms: 'accept' }, async (other) => {
			const hub = other.addHub({ name: 'J' });
			other.addFlow({ name: 'Visit', fields: [] });
			for (const form of forms) {
				const answer = await call(other, 'POST', '/task', {
					body: {
						flow: 'Visit',
						hubId: hub._id,
						startTime: form,
						endTime: '2022-11-05T07:28:23+00:00',
					},
				});
				expect([form, answer.status]).toEqual([form, 201]);
			}
		});
	});
});

describe('tasks: read, replace, change, assign, delete', () => {
	it('GET /task/{id} answers {status, message, task}; an unknown id is 404 "Data not found"', async () => {
		const t = task({ assignee: [dewi.email] });
		const answer = await api('GET', `/task/${t._id}`);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ status: true, message: 'Success', task: fake.taskView(t) });
		expect(answer.body.task).toMatchObject({
			status: 'ONGOING',
			assignee: [dewi.email],
			field1: 'John',
		});
		const missing = await api('GET', '/task/6352736c628401059b37a2e2');
		expect([missing.status, missing.body]).toEqual([
			404,
			{ status: false, message: 'Data not found' },
		]);
	});

	it('PUT is a full replacement: fields not sent are lost, times go back to the flow’s defaults; the assignment stays', async () => {
		const t = task({
			fields: { field1: 'John', field2: 'Gambir', field3: '-6.2,106.7' },
			assignee: [dewi.email],
			startTime: iso(T0 + 5 * HOUR),
			endTime: iso(T0 + 9 * HOUR),
		});
		setNow(T0 + 1000);
		const answer = await api('PUT', `/task/${t._id}`, {
			body: { flow: 'Visit', hubId: jakarta._id, field1: 'John Birdy', field2: 'Gambir Jakarta' },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.message).toBe('Success');
		expect(answer.body.task).not.toHaveProperty('field3');
		expect(answer.body.task).toMatchObject({
			field1: 'John Birdy',
			startTime: iso(T0 + 1000),
			endTime: iso(T0 + 1000 + 24 * HOUR),
			status: 'ONGOING',
			assignee: [dewi.email],
			createdTime: iso(T0),
			updatedTime: iso(T0 + 1000),
		});
		expect(fake.tasks.get(t._id)!.fields).toEqual({
			field1: 'John Birdy',
			field2: 'Gambir Jakarta',
		});

		// flow and hubId are required, and so are the flow's required fields.
		expect(
			(
				await api('PUT', `/task/${t._id}`, {
					body: { hubId: jakarta._id, field1: 'a', field2: 'b' },
				})
			).body.message,
		).toBe('The flow field is required.');
		expect(
			(await api('PUT', `/task/${t._id}`, { body: { flow: 'Visit', field1: 'a', field2: 'b' } }))
				.body.message,
		).toBe('The hubId field is required.');
		expect(
			(
				await api('PUT', `/task/${t._id}`, {
					body: { flow: 'Visit', hubId: jakarta._id, field1: 'a' },
				})
			).body.message,
		).toBe('The field2 field is required.');
		expect((await api('PUT', '/task/nope', { body: seedBody() })).status).toBe(404);

		// Read, then PUT the whole answer back: nothing changes but updatedTime.
		const before = (await api('GET', `/task/${t._id}`)).body.task;
		setNow(T0 + 2000);
		const echoed = await api('PUT', `/task/${t._id}`, { body: before });
		expect(echoed.status).toBe(200);
		expect(echoed.body.task).toEqual({ ...before, updatedTime: iso(T0 + 2000) });
	});

	it('PUT options: without assignee unassigns; without times keeps the task’s', async () => {
		await withFake(
			{ putWithoutAssignee: 'unassign', putWithoutTimes: 'keep', putRequiresFlowFields: false },
			async (other) => {
				const hub = other.addHub({ name: 'Jakarta' });
				const flow = other.addFlow({
					name: 'Visit',
					fields: [{ field: 'field1', required: true }],
				});
				other.addUser({ name: 'Dewi', email: 'dewi@example.com', hubIds: 'all' });
				const t = other.addTask({
					flowId: flow._id,
					hubId: hub._id,
					assignee: ['dewi@example.com'],
					startTime: iso(T0 + HOUR),
					endTime: iso(T0 + 2 * HOUR),
				});
				const answer = await call(other, 'PUT', `/task/${t._id}`, {
					body: { flow: 'Visit', hubId: hub._id },
				});
				expect(answer.status).toBe(200);
				expect(answer.body.task).toMatchObject({
					status: 'UNASSIGNED',
					startTime: iso(T0 + HOUR),
					endTime: iso(T0 + 2 * HOUR),
				});
				expect(answer.body.task).not.toHaveProperty('assignee');
			},
		);
	});

	it('PATCH changes only the fields sent; a flow change needs the new flow’s fields', async () => {
		const t = task({
			fields: { field1: 'John', field2: 'Gambir', field3: '-6.2,106.7' },
			startTime: iso(T0 + HOUR),
			endTime: iso(T0 + 2 * HOUR),
		});
		const patched = await api('PATCH', `/task/${t._id}`, { body: { field1: 'Jane' } });
		expect(patched.status).toBe(200);
		expect(patched.body.task).toMatchObject({
			field1: 'Jane',
			field2: 'Gambir',
			field3: '-6.2,106.7',
			startTime: iso(T0 + HOUR),
			endTime: iso(T0 + 2 * HOUR),
			flow: 'Visit',
		});
		expect(
			(await api('PATCH', `/task/${t._id}`, { body: { endTime: '2026-03-01 20:00:00' } })).body.task
				.endTime,
		).toBe('2026-03-01T20:00:00+00:00');

		const refused = await api('PATCH', `/task/${t._id}`, { body: { field1: null } });
		expect([refused.status, refused.body.message]).toEqual([400, 'The field1 field is required.']);
		expect((await api('PATCH', `/task/${t._id}`, { body: { field3: 'nowhere' } })).status).toBe(
			400,
		);
		expect((await api('PATCH', `/task/${t._id}`, { body: { hubId: 'nope' } })).body.message).toBe(
			'The selected hubId is invalid.',
		);
		expect(
			(await api('PATCH', `/task/${t._id}`, { body: { flow: 'Delivery' } })).body.message,
		).toBe('The invoice field is required.');
		expect(fake.tasks.get(t._id)!.fields).toEqual({
			field1: 'Jane',
			field2: 'Gambir',
			field3: '-6.2,106.7',
		});

		const moved = await api('PATCH', `/task/${t._id}`, {
			body: { flow: 'Delivery', hubId: bandung._id, invoice: 'INV-9', packageCount: 1 },
		});
		expect(moved.status).toBe(200);
		expect(moved.body.task).toMatchObject({
			flow: 'Delivery',
			flowId: delivery._id,
			hubId: bandung._id,
			hub: { name: 'Bandung' },
			invoice: 'INV-9',
			packageCount: 1,
		});
		expect(moved.body.task).not.toHaveProperty('field1');
		expect((await api('PATCH', '/task/nope', { body: {} })).status).toBe(404);
	});

	it('PUT /task/{id}/assign sets the assignees by email: ONGOING, assignedBy and assignedTime', async () => {
		const t = task();
		setNow(T0 + 1000);
		const answer = await api('PUT', `/task/${t._id}/assign`, {
			token: 'dewi-token',
			body: { assignee: [dewi.email, fake.primaryUser.email] },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.task).toMatchObject({
			status: 'ONGOING',
			assignee: [dewi.email, 'roger@example.com'],
			assignedBy: 'Dewi',
			assignedTime: iso(T0 + 1000),
		});
		const message = async (body: unknown, id = t._id) =>
			(await api('PUT', `/task/${id}/assign`, { body })).body.message;
		expect(await message({})).toBe('The assignee field is required.');
		expect(await message({ assignee: [] })).toBe('The assignee field is required.');
		expect(await message({ assignee: ['ghost@example.com'] })).toBe(
			'User ghost@example.com is not found.',
		);
		expect(await message({ assignee: [budi.email] })).toBe(
			"User budi@example.com does not belong to the task's hub.",
		);
		expect(
			(await api('PUT', '/task/nope/assign', { body: { assignee: [dewi.email] } })).status,
		).toBe(404);
		const done = task({ status: 'DONE', assignee: [dewi.email] });
		const conflict = await api('PUT', `/task/${done._id}/assign`, {
			body: { assignee: [dewi.email] },
		});
		expect([conflict.status, conflict.body.status]).toEqual([409, false]);

		await withFake({ emptyAssign: 'unassign', assignDoneTask: 'allow' }, async (other) => {
			const hub = other.addHub({ name: 'Jakarta' });
			const flow = other.addFlow({ name: 'Visit', fields: [] });
			const assigned = other.addTask({
				flowId: flow._id,
				hubId: hub._id,
				assignee: ['roger@example.com'],
			});
			const cleared = await call(other, 'PUT', `/task/${assigned._id}/assign`, {
				body: { assignee: [] },
			});
			expect(cleared.body.task.status).toBe('UNASSIGNED');
			const finished = other.addTask({
				flowId: flow._id,
				hubId: hub._id,
				status: 'DONE',
				assignee: ['roger@example.com'],
			});
			expect(
				(
					await call(other, 'PUT', `/task/${finished._id}/assign`, {
						body: { assignee: ['roger@example.com'] },
					})
				).body.task.status,
			).toBe('DONE');
		});
	});

	it('DELETE is permanent: 200, then 404 for the task, and it leaves the list', async () => {
		const t = task();
		const kept = task();
		const answer = await api('DELETE', `/task/${t._id}`);
		expect([answer.status, answer.body.status, answer.body.message, answer.body.task._id]).toEqual([
			200,
			true,
			'Success',
			t._id,
		]);
		expect((await api('GET', `/task/${t._id}`)).status).toBe(404);
		expect((await api('DELETE', `/task/${t._id}`)).status).toBe(404);
		expect((await api('PATCH', `/task/${t._id}`, { body: { field1: 'x' } })).status).toBe(404);
		expect(
			(await api('GET', '/tasks')).body.tasks.data.map((row: { _id: string }) => row._id),
		).toEqual([kept._id]);
	});
});
