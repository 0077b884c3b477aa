/**
 * The fake Plannr: creating, reading, updating, completing and uncompleting tasks (tasks.ts, taskInput.ts,
 * completion.ts).
 */
import {
	api,
	call,
	client,
	doing,
	done,
	fake,
	james,
	setNow,
	T0,
	task,
	todo,
	useFake,
	withFake,
} from './testing';

useFake();

describe('tasks', () => {
	it('POST creates (201) a task shaped as seed 002, authored by the header account', async () => {
		fake.addCustomField({ name: 'Favourite Pet', reference: 'favourite_pet' });
		const group = fake.addGroup('Advisers');
		const answer = await api('POST', '/api/v1/task', {
			body: {
				name: 'Check details',
				description: 'Check details',
				priority: 'low',
				due_at: '2026-03-10 09:30:00',
				taskable_type: 'client',
				taskable_uuid: client,
				task_status_uuid: todo.uuid,
				assigned_to_uuids: [james.account],
				custom_fields: { favourite_pet: 'Dog' },
				group_uuids: [group.uuid],
			},
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({
			uuid: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
			),
			name: 'Check details',
			description: 'Check details',
			priority: 'low',
			position: 1,
			due_at: '2026-03-10 09:30:00',
			status: { ...todo },
			taskable_type: 'client',
			taskable: expect.objectContaining({
				uuid: client,
				type: 'client',
				first_name: 'Tom',
				last_name: 'Hughes',
				name: 'Tom Hughes',
			}),
			author: expect.objectContaining({ uuid: fake.options.accountUuid, name: 'Sarah Mitchell' }),
			assigned_to: [expect.objectContaining({ uuid: james.account, name: 'James Carter' })],
			completed_at: null,
			completed_by: null,
			custom_fields: [
				expect.objectContaining({
					name: 'Favourite Pet',
					reference: 'favourite_pet',
					value: 'Dog',
				}),
			],
			created_at: '2026-03-01T12:00:00+00:00',
			updated_at: '2026-03-01T12:00:00+00:00',
		});
		expect(fake.tasks.get(answer.body.uuid)).toMatchObject({
			group_uuids: [group.uuid],
			custom_fields: { favourite_pet: 'Dog' },
		});
		// Optional fields left out; a case and a plan are taskables too.
		const kase = fake.addCase({ name: 'Pension transfer', client_uuid: client });
		const bare = await api('POST', '/api/v1/task', {
			body: {
				name: 'x',
				taskable_type: 'case',
				taskable_uuid: kase.uuid,
				task_status_uuid: todo.uuid,
			},
		});
		expect(bare.status).toBe(201);
		expect(bare.body).toMatchObject({
			description: null,
			priority: null,
			due_at: null,
			position: 2,
			assigned_to: [],
			custom_fields: [],
			taskable: expect.objectContaining({ uuid: kase.uuid, name: 'Pension transfer' }),
		});
	});

	it('POST refuses missing fields with a Laravel 422 naming each one', async () => {
		const answer = await api('POST', '/api/v1/task', { body: { description: 'no name' } });
		expect(answer.status).toBe(422);
		expect(answer.body).toEqual({
			message: 'The name field is required. (and 3 more errors)',
			errors: {
				name: ['The name field is required.'],
				taskable_type: ['The taskable type field is required.'],
				taskable_uuid: ['The taskable uuid field is required.'],
				task_status_uuid: ['The task status uuid field is required.'],
			},
		});
		// Blank strings are null to Laravel; a body not sent as JSON is not read.
		const blank = await api('POST', '/api/v1/task', {
			body: {
				name: '   ',
				taskable_type: 'client',
				taskable_uuid: client,
				task_status_uuid: todo.uuid,
			},
		});
		expect([blank.status, blank.body.message]).toEqual([422, 'The name field is required.']);
		const untyped = await api('POST', '/api/v1/task', {
			headers: { 'Content-Type': 'text/plain' },
			body: undefined,
		});
		expect(untyped.status).toBe(422);
		expect(fake.tasks.size).toBe(0);
	});

	it('POST refuses bad values: enums, due_at format, and references that do not exist', async () => {
		const base = {
			name: 'x',
			taskable_type: 'client',
			taskable_uuid: client,
			task_status_uuid: todo.uuid,
		};
		const errors = async (body: Record<string, unknown>) => {
			const answer = await api('POST', '/api/v1/task', { body: { ...base, ...body } });
			expect(answer.status).toBe(422);
			return answer.body.errors;
		};
		expect(await errors({ taskable_type: 'person' })).toEqual({
			taskable_type: ['The selected taskable type is invalid.'],
		});
		expect(await errors({ priority: 'urgent' })).toEqual({
			priority: ['The selected priority is invalid.'],
		});
		expect(await errors({ due_at: '2026-03-10T09:30:00Z' })).toEqual({
			due_at: ['The due at field must match the format Y-m-d H:i:s.'],
		});
		expect(await errors({ due_at: '2026-02-30 09:30:00' })).toEqual({
			due_at: [expect.any(String)],
		});
		expect(await errors({ taskable_uuid: 'nope' })).toEqual({
			taskable_uuid: ['The selected taskable uuid is invalid.'],
		});
		expect(await errors({ taskable_type: 'plan' })).toEqual({
			taskable_uuid: ['The selected taskable uuid is invalid.'],
		});
		expect(await errors({ task_status_uuid: 'nope' })).toEqual({
			task_status_uuid: ['The selected task status uuid is invalid.'],
		});
		expect(await errors({ parent_task_uuid: 'nope' })).toEqual({
			parent_task_uuid: ['The selected parent task uuid is invalid.'],
		});
		expect(await errors({ assigned_to_uuids: [james.account, 'nope'] })).toEqual({
			'assigned_to_uuids.1': ['The selected assigned to uuids.1 is invalid.'],
		});
		expect(await errors({ assigned_to_uuids: 'nope' })).toEqual({
			assigned_to_uuids: ['The assigned to uuids field must be an array.'],
		});
		expect(await errors({ group_uuids: ['nope'] })).toEqual({
			'group_uuids.0': [expect.any(String)],
		});
		expect(await errors({ custom_fields: { unknown_field: 1 } })).toEqual({
			'custom_fields.unknown_field': [expect.any(String)],
		});
		// postapiv1task: an object. The older page's list is refused loudly, never read as no fields.
		fake.addCustomField({ name: 'Favourite Pet', reference: 'favourite_pet' });
		expect(await errors({ custom_fields: [{ favourite_pet: 'Dog' }] })).toEqual({
			custom_fields: [
				'The custom fields field must be an object of custom field references and values, not a list.',
			],
		});
		expect(await errors({ custom_fields: 'Dog' })).toEqual({ custom_fields: [expect.any(String)] });
		expect(await errors({ name: 'x'.repeat(256) })).toEqual({
			name: ['The name field must not be greater than 255 characters.'],
		});
		expect(fake.tasks.size).toBe(0);

		await withFake(
			{
				dueAtFormat: 'lenient',
				unknownCustomFields: 'ignore',
				validationMessages: { required: ':attribute is missing' },
			},
			async (other) => {
				const status = other.addStatus({ name: 'To do' });
				const owner = other.addClient({ first_name: 'A', last_name: 'B' });
				const created = await call(other, 'POST', '/api/v1/task', {
					body: {
						name: 'x',
						taskable_type: 'client',
						taskable_uuid: owner.uuid,
						task_status_uuid: status.uuid,
						due_at: '2026-07-01T09:30:00Z',
						custom_fields: { unknown_field: 1 },
					},
				});
				// 09:30 UTC is 10:30 in London in July.
				expect([created.status, created.body.due_at]).toEqual([201, '2026-07-01 10:30:00']);
				expect((await call(other, 'POST', '/api/v1/task', { body: {} })).body.errors.name).toEqual([
					'name is missing',
				]);
			},
		);
	});

	it('GET one answers the task, or 404; include adds parent_task and related_tasks', async () => {
		const parent = task({ name: 'Parent' });
		const child = task({ name: 'Child', parent_task_uuid: parent.uuid });
		const one = await api('GET', `/api/v1/task/${parent.uuid}`);
		expect([one.status, one.body]).toEqual([200, fake.taskView(parent)]);
		expect(one.body.parent_task).toBeUndefined();
		const included = await api('GET', `/api/v1/task/${child.uuid}`, {
			query: { include: 'parent_task,related_tasks' },
		});
		expect(included.body.parent_task).toMatchObject({ uuid: parent.uuid, name: 'Parent' });
		expect(included.body.related_tasks).toEqual([]);
		expect(
			(await api('GET', `/api/v1/task/${parent.uuid}`, { query: { include: 'related_tasks' } }))
				.body.related_tasks,
		).toEqual([expect.objectContaining({ uuid: child.uuid })]);
		const missing = await api('GET', '/api/v1/task/nope');
		expect([missing.status, missing.body]).toEqual([
			404,
			{ message: expect.stringContaining('No query results') },
		]);
		const badInclude = await api('GET', `/api/v1/task/${parent.uuid}`, {
			query: { include: 'notes' },
		});
		expect([badInclude.status, badInclude.body.message]).toEqual([
			400,
			expect.stringContaining('Requested include(s) `notes` are not allowed'),
		]);

		await withFake({ relationsWithoutInclude: 'only-when-included' }, async (other) => {
			const status = other.addStatus({ name: 'To do' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const t = other.addTask({
				name: 'x',
				status_uuid: status.uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
			});
			const plain = (await call(other, 'GET', `/api/v1/task/${t.uuid}`)).body;
			expect([plain.author, plain.completed_by, plain.custom_fields]).toEqual([
				undefined,
				undefined,
				undefined,
			]);
			expect(
				(await call(other, 'GET', `/api/v1/task/${t.uuid}`, { query: { include: 'author' } })).body
					.author,
			).toMatchObject({ uuid: other.options.accountUuid });
		});
	});

	it('PUT changes only the fields sent (null clears), validates what it gets, and moves updated_at', async () => {
		fake.addCustomField({ name: 'A', reference: 'a' });
		fake.addCustomField({ name: 'B', reference: 'b' });
		const original = task({
			name: 'Old',
			description: 'keep',
			priority: 'high',
			due_at: '2026-03-05 10:00:00',
			assigned_to_uuids: [james.account],
			custom_fields: { a: 1, b: 2 },
		});
		setNow(T0 + 60_000);
		const answer = await api('PUT', `/api/v1/task/${original.uuid}`, {
			body: { name: 'New', due_at: null, custom_fields: { b: 3 } },
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({
			name: 'New',
			description: 'keep',
			priority: 'high',
			due_at: null,
			updated_at: '2026-03-01T12:01:00+00:00',
			created_at: '2026-03-01T12:00:00+00:00',
		});
		expect(answer.body.assigned_to).toEqual([expect.objectContaining({ uuid: james.account })]);
		expect(fake.tasks.get(original.uuid)!.custom_fields).toEqual({ a: 1, b: 3 });
		// Lists are replaced.
		expect(
			(await api('PUT', `/api/v1/task/${original.uuid}`, { body: { assigned_to_uuids: [] } })).body
				.assigned_to,
		).toEqual([]);

		const refused = async (body: Record<string, unknown>) =>
			(await api('PUT', `/api/v1/task/${original.uuid}`, { body })).body.errors;
		expect(await refused({ name: '' })).toEqual({ name: ['The name field is required.'] });
		expect(await refused({ taskable_type: 'case' })).toEqual({
			taskable_uuid: ['The taskable uuid field is required when taskable type is present.'],
		});
		expect(await refused({ priority: 'urgent', task_status_uuid: 'nope' })).toEqual({
			priority: [expect.any(String)],
			task_status_uuid: [expect.any(String)],
		});
		expect(await refused({ parent_task_uuid: original.uuid })).toEqual({
			parent_task_uuid: [expect.any(String)],
		});
		expect((await api('PUT', '/api/v1/task/nope', { body: { name: 'x' } })).status).toBe(404);
		expect(fake.tasks.get(original.uuid)).toMatchObject({ name: 'New', priority: 'high' });
	});

	it('PUT to a completed-type status completes the task; away from it uncompletes', async () => {
		const t = task({ name: 'x' });
		const completed = await api('PUT', `/api/v1/task/${t.uuid}`, {
			body: { task_status_uuid: done.uuid },
		});
		expect(completed.body).toMatchObject({
			status: { uuid: done.uuid },
			completed_at: '2026-03-01 12:00:00',
			completed_by: { uuid: fake.options.accountUuid },
		});
		const reopened = await api('PUT', `/api/v1/task/${t.uuid}`, {
			body: { task_status_uuid: doing.uuid },
		});
		expect(reopened.body).toMatchObject({
			status: { uuid: doing.uuid },
			completed_at: null,
			completed_by: null,
			position: 1,
		});
		await withFake({ statusChangeCompletes: false }, async (other) => {
			const s = other.addStatus({ name: 'Done', is_type_completed: true });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const open = other.addTask({
				name: 'x',
				status_uuid: other.addStatus({ name: 'Open' }).uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
			});
			expect(
				(
					await call(other, 'PUT', `/api/v1/task/${open.uuid}`, {
						body: { task_status_uuid: s.uuid },
					})
				).body.completed_at,
			).toBeNull();
		});
	});

	it('there is no DELETE: 405 as Laravel answers a method the route lacks (404 by option)', async () => {
		const t = task({ name: 'x' });
		const answer = await api('DELETE', `/api/v1/task/${t.uuid}`);
		expect(answer.status).toBe(405);
		expect(answer.body.message).toBe(
			`The DELETE method is not supported for route api/v1/task/${t.uuid}. Supported methods: GET, HEAD, PUT.`,
		);
		expect(answer.headers.get('allow')).toBe('GET, HEAD, PUT');
		expect(fake.tasks.has(t.uuid)).toBe(true);
		await withFake({ unknownMethodStatus: 404 }, async (other) => {
			expect((await call(other, 'DELETE', `/api/v1/task/${t.uuid}`)).status).toBe(404);
		});
	});

	it('PATCH complete moves to the first completed-type status and records who and when; again keeps them', async () => {
		const later = fake.addStatus({ name: 'Signed off', is_type_completed: true, position: 9 });
		const t = task({ name: 'x' });
		setNow(T0 + 5_000);
		const answer = await api('PATCH', `/api/v1/task/${t.uuid}/complete`, {
			token: james.token,
			account: james.account,
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({
			status: { uuid: done.uuid, is_type_completed: true },
			completed_at: '2026-03-01 12:00:05',
			completed_by: { uuid: james.account },
		});
		setNow(T0 + 10_000);
		expect((await api('PATCH', `/api/v1/task/${t.uuid}/complete`)).body).toMatchObject({
			completed_at: '2026-03-01 12:00:05',
			completed_by: { uuid: james.account },
		});
		expect((await api('PATCH', '/api/v1/task/nope/complete')).status).toBe(404);
		expect((await api('GET', `/api/v1/task/${t.uuid}/complete`)).status).toBe(405);

		await withFake(
			{ completeToStatusUuid: 'chosen', recompleteKeepsCompletion: false },
			async (other) => {
				other.addStatus({ name: 'Done', is_type_completed: true });
				const chosen = other.addStatus({ uuid: 'chosen', name: 'Chosen', is_type_completed: true });
				const owner = other.addClient({ first_name: 'A', last_name: 'B' });
				const o = other.addTask({
					name: 'x',
					status_uuid: other.addStatus({ name: 'Open' }).uuid,
					taskable_type: 'client',
					taskable_uuid: owner.uuid,
				});
				expect(
					(await call(other, 'PATCH', `/api/v1/task/${o.uuid}/complete`)).body.status.uuid,
				).toBe(chosen.uuid);
			},
		);
		await withFake({}, async (other) => {
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const o = other.addTask({
				name: 'x',
				status_uuid: other.addStatus({ name: 'Open' }).uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
			});
			expect((await call(other, 'PATCH', `/api/v1/task/${o.uuid}/complete`)).status).toBe(422);
		});
		expect(later.uuid).toBeDefined();
	});

	it('PATCH uncomplete/{status} moves to the status and clears completion; unknown status 404, completed-type 422', async () => {
		const t = task({ name: 'x', status_uuid: done.uuid });
		expect(t.completed_at).not.toBeNull();
		const answer = await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${doing.uuid}`);
		expect([
			answer.status,
			answer.body.status.uuid,
			answer.body.completed_at,
			answer.body.completed_by,
		]).toEqual([200, doing.uuid, null, null]);
		expect((await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/nope`)).status).toBe(404);
		const toDone = await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${done.uuid}`);
		expect([toDone.status, Object.keys(toDone.body.errors)]).toEqual([422, ['task_status_uuid']]);
		// An open task may be "uncompleted" to another status (by default).
		expect((await api('PATCH', `/api/v1/task/${t.uuid}/uncomplete/${todo.uuid}`)).status).toBe(200);
		await withFake(
			{ uncompleteOpenTask: 'reject', uncompleteToCompletedStatus: 'allow' },
			async (other) => {
				const owner = other.addClient({ first_name: 'A', last_name: 'B' });
				const open = other.addStatus({ name: 'Open' });
				const o = other.addTask({
					name: 'x',
					status_uuid: open.uuid,
					taskable_type: 'client',
					taskable_uuid: owner.uuid,
				});
				expect(
					(await call(other, 'PATCH', `/api/v1/task/${o.uuid}/uncomplete/${open.uuid}`)).status,
				).toBe(422);
			},
		);
	});

	it('due_at: the older page’s `yyyy-MM-dd HH:mm:ss` and the current page’s `yyyy-MM-dd` are both taken; [inferred] dueAtAnswer date-time or date', async () => {
		const base = {
			name: 'x',
			taskable_type: 'client',
			taskable_uuid: client,
			task_status_uuid: todo.uuid,
		};
		const withTime = await api('POST', '/api/v1/task', {
			body: { ...base, due_at: '2025-12-29 14:30:00' },
		});
		const dateOnly = await api('POST', '/api/v1/task', { body: { ...base, due_at: '2025-12-29' } });
		expect([withTime.status, withTime.body.due_at]).toEqual([201, '2025-12-29 14:30:00']);
		expect([dateOnly.status, dateOnly.body.due_at]).toEqual([201, '2025-12-29 00:00:00']);
		await withFake({ dueAtAnswer: 'date' }, async (other) => {
			const status = other.addStatus({ name: 'To do' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const answer = await call(other, 'POST', '/api/v1/task', {
				body: {
					...base,
					taskable_uuid: owner.uuid,
					task_status_uuid: status.uuid,
					due_at: '2025-12-29 14:30:00',
				},
			});
			expect(answer.body.due_at).toBe('2025-12-29');
		});
	});

	it('[inferred] taskUpdate: a PUT merges (default) or clears the optional fields it does not carry', async () => {
		fake.addCustomField({ name: 'A', reference: 'a' });
		const group = fake.addGroup('Advisers');
		const parent = task({ name: 'Parent' });
		const full = {
			description: 'keep',
			priority: 'high' as const,
			due_at: '2026-03-05 10:00:00',
			parent_task_uuid: parent.uuid,
			assigned_to_uuids: [james.account],
			group_uuids: [group.uuid],
			custom_fields: { a: 1 },
		};
		const merged = task({ name: 'Merged', ...full });
		await api('PUT', `/api/v1/task/${merged.uuid}`, {
			body: { name: 'Renamed', custom_fields: {} },
		});
		expect(fake.tasks.get(merged.uuid)).toMatchObject({ name: 'Renamed', ...full });

		await withFake({ taskUpdate: 'replace' }, async (other) => {
			other.addCustomField({ name: 'A', reference: 'a' });
			const status = other.addStatus({ name: 'To do' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const otherParent = other.addTask({
				name: 'P',
				status_uuid: status.uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
			});
			const replaced = other.addTask({
				name: 'Replaced',
				status_uuid: status.uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
				...full,
				parent_task_uuid: otherParent.uuid,
				assigned_to_uuids: [],
				group_uuids: [],
			});
			const answer = await call(other, 'PUT', `/api/v1/task/${replaced.uuid}`, {
				body: { name: 'Renamed', custom_fields: { a: 2 } },
			});
			expect(answer.status).toBe(200);
			expect(other.tasks.get(replaced.uuid)).toMatchObject({
				name: 'Renamed',
				status_uuid: status.uuid,
				taskable_uuid: owner.uuid,
				description: null,
				priority: null,
				due_at: null,
				parent_task_uuid: null,
				custom_fields: { a: 2 },
			});
		});
	});

	it('[inferred] singleTaskAnswer: GET one and POST answer the bare task, or {data: task}; PUT, complete and uncomplete stay bare (seed 002)', async () => {
		const base = {
			name: 'x',
			taskable_type: 'client',
			taskable_uuid: client,
			task_status_uuid: todo.uuid,
		};
		const bare = await api('POST', '/api/v1/task', { body: base });
		expect(bare.body.uuid).toEqual(expect.any(String));
		await withFake({ singleTaskAnswer: 'data' }, async (other) => {
			const status = other.addStatus({ name: 'To do' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const created = await call(other, 'POST', '/api/v1/task', {
				body: { ...base, taskable_uuid: owner.uuid, task_status_uuid: status.uuid },
			});
			expect([created.status, Object.keys(created.body)]).toEqual([201, ['data']]);
			const uuid = created.body.data.uuid;
			expect(Object.keys((await call(other, 'GET', `/api/v1/task/${uuid}`)).body)).toEqual([
				'data',
			]);
			expect(
				(await call(other, 'PUT', `/api/v1/task/${uuid}`, { body: { name: 'y' } })).body,
			).toMatchObject({
				uuid,
				name: 'y',
			});
		});
	});

	it('[inferred] customFieldsAnswer: custom fields answered as a list of fields with values (default), or {reference: value}', async () => {
		fake.addCustomField({ name: 'Favourite Pet', reference: 'favourite_pet' });
		const t = task({ name: 'x', custom_fields: { favourite_pet: 'Dog' } });
		expect((await api('GET', `/api/v1/task/${t.uuid}`)).body.custom_fields).toEqual([
			expect.objectContaining({ reference: 'favourite_pet', value: 'Dog' }),
		]);
		await withFake({ customFieldsAnswer: 'object' }, async (other) => {
			other.addCustomField({ name: 'Favourite Pet', reference: 'favourite_pet' });
			const status = other.addStatus({ name: 'To do' });
			const owner = other.addClient({ first_name: 'A', last_name: 'B' });
			const o = other.addTask({
				name: 'x',
				status_uuid: status.uuid,
				taskable_type: 'client',
				taskable_uuid: owner.uuid,
				custom_fields: { favourite_pet: 'Dog' },
			});
			expect((await call(other, 'GET', `/api/v1/task/${o.uuid}`)).body.custom_fields).toEqual({
				favourite_pet: 'Dog',
			});
		});
	});

	it('[inferred] validationBody: a 422 as Laravel’s {message, errors}, {message} alone, or plain text', async () => {
		const refused = { name: 'x'.repeat(256) };
		const t = task({ name: 'x' });
		const laravel = await api('PUT', `/api/v1/task/${t.uuid}`, { body: refused });
		expect(laravel.body).toEqual({
			message: 'The name field must not be greater than 255 characters.',
			errors: { name: ['The name field must not be greater than 255 characters.'] },
		});
		for (const [validationBody, expected] of [
			['message', { message: 'The name field must not be greater than 255 characters.' }],
			['text', 'The name field must not be greater than 255 characters.'],
		] as const) {
			await withFake({ validationBody }, async (other) => {
				const status = other.addStatus({ name: 'To do' });
				const owner = other.addClient({ first_name: 'A', last_name: 'B' });
				const o = other.addTask({
					name: 'x',
					status_uuid: status.uuid,
					taskable_type: 'client',
					taskable_uuid: owner.uuid,
				});
				const answer = await call(other, 'PUT', `/api/v1/task/${o.uuid}`, { body: refused });
				expect([answer.status, answer.body]).toEqual([422, expected]);
			});
		}
	});
});
