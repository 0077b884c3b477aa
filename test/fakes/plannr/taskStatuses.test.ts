/** The fake Plannr: task statuses, listed, created and updated (taskStatuses.ts). */
import type { PlannrStatus } from '.';
import {
	api,
	call,
	doing,
	done,
	fake,
	setNow,
	T0,
	useFake,
	withFake,
	withFakeBody,
} from './testing';

useFake();

describe('task statuses and accounts', () => {
	it('GET /api/v1/task-status answers {data} by position (sort=position), with the documented fields', async () => {
		const first = fake.addStatus({ name: 'Backlog', position: 0 });
		const answer = await api('GET', '/api/v1/task-status', { query: { sort: 'position' } });
		expect(answer.status).toBe(200);
		expect(answer.body.data.map((s: PlannrStatus) => s.name)).toEqual([
			'Backlog',
			'To do',
			'In progress',
			'Completed',
		]);
		expect(answer.body.data[0]).toEqual({
			uuid: first.uuid,
			name: 'Backlog',
			colour: expect.stringMatching(/^#[0-9A-Fa-f]{6}$/),
			position: 0,
			is_type_completed: false,
			is_archived: false,
			is_not_started: false,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		expect(
			(await api('GET', '/api/v1/task-status', { query: { sort: '-position' } })).body.data[0].name,
		).toBe('Completed');
		// Only position is documented: name is an unknown sort too.
		for (const sort of ['colour', 'name'])
			expect((await api('GET', '/api/v1/task-status', { query: { sort } })).status).toBe(400);
		expect(
			(await withFakeBody({ statusListPaginated: true }, '/api/v1/task-status')).meta,
		).toMatchObject({ total: 0 });
	});
});

describe('task status create and update', () => {
	const documented = {
		uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
		created_at: '2026-03-01T12:00:00+00:00',
		updated_at: expect.any(String),
		is_archived: false,
	};

	it('POST creates (201) a status from the documented body, last in the order, and answers it bare', async () => {
		const answer = await api('POST', '/api/v1/task-status', {
			body: { name: ' Waiting on client ', colour: '#ff0000' },
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({
			...documented,
			name: 'Waiting on client',
			colour: '#ff0000',
			position: done.position + 1,
			is_type_completed: false,
			is_not_started: false,
		});
		expect(fake.statuses.get(answer.body.uuid)).toEqual(answer.body);
		// Colour is optional: the one apidocs' answers show.
		const bare = await api('POST', '/api/v1/task-status', { body: { name: 'Parked' } });
		expect(bare.body).toMatchObject({ colour: '#398898', position: done.position + 2 });
	});

	it('POST refuses (422) a missing or too long name and a colour that is not #RRGGBB; nothing is saved', async () => {
		const before = fake.statuses.size;
		const missing = await api('POST', '/api/v1/task-status', {
			body: { name: '  ', colour: 'red' },
		});
		expect(missing.status).toBe(422);
		expect(missing.body).toEqual({
			message: 'The name field is required. (and 1 more error)',
			errors: {
				name: ['The name field is required.'],
				colour: ['The colour field must be a valid hexadecimal color.'],
			},
		});
		const long = await api('POST', '/api/v1/task-status', { body: { name: 'x'.repeat(256) } });
		expect(long.body.errors).toEqual({
			name: ['The name field must not be greater than 255 characters.'],
		});
		expect(fake.statuses.size).toBe(before);
	});

	it('statusColourFormat any: any string is a colour', async () => {
		await withFake({ statusColourFormat: 'any' }, async (other) => {
			const answer = await call(other, 'POST', '/api/v1/task-status', {
				body: { name: 'Parked', colour: 'red' },
			});
			expect(answer.status).toBe(201);
			expect(answer.body.colour).toBe('red');
		});
	});

	it('fields beyond the documented body are dropped by default (statusBodyExtras ignore)', async () => {
		const answer = await api('POST', '/api/v1/task-status', {
			body: { name: 'Signed off', position: 0, is_type_completed: true, is_not_started: true },
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toMatchObject({
			position: done.position + 1,
			is_type_completed: false,
			is_not_started: false,
		});
		const put = await api('PUT', `/api/v1/task-status/${doing.uuid}`, {
			body: { is_type_completed: true, position: 7 },
		});
		expect(put.body).toMatchObject({ is_type_completed: false, position: 7 });
	});

	it('statusBodyExtras take: position, is_type_completed and is_not_started are saved, booleans checked', async () => {
		await withFake({ statusBodyExtras: 'take' }, async (other) => {
			const answer = await call(other, 'POST', '/api/v1/task-status', {
				body: { name: 'Signed off', position: 4, is_type_completed: true, is_not_started: '0' },
			});
			expect(answer.status).toBe(201);
			expect(answer.body).toMatchObject({
				position: 4,
				is_type_completed: true,
				is_not_started: false,
			});
			const bad = await call(other, 'POST', '/api/v1/task-status', {
				body: { name: 'x', is_not_started: 'maybe' },
			});
			expect(bad.body.errors).toEqual({
				is_not_started: ['The is not started field must be true or false.'],
			});
			// A completed-type status: its type is a detail, refused like the name.
			const flip = await call(other, 'PUT', `/api/v1/task-status/${answer.body.uuid}`, {
				body: { is_type_completed: false },
			});
			expect(flip.status).toBe(422);
			expect(Object.keys(flip.body.errors)).toEqual(['is_type_completed']);
		});
	});

	it('PUT changes only the fields sent and answers 201 (as apidocs labels it) with the status', async () => {
		const before = { ...fake.statuses.get(doing.uuid)! };
		setNow(T0 + 60_000);
		const answer = await api('PUT', `/api/v1/task-status/${doing.uuid}`, {
			body: { name: 'Under way', position: '5' },
		});
		expect(answer.status).toBe(201);
		expect(answer.body).toEqual({
			...before,
			name: 'Under way',
			position: 5,
			updated_at: '2026-03-01T12:01:00+00:00',
		});
		expect(fake.statuses.get(doing.uuid)).toEqual(answer.body);
		const again = await api('PUT', `/api/v1/task-status/${doing.uuid}`, {
			body: { colour: '#00AA00' },
		});
		expect(again.body).toMatchObject({ name: 'Under way', colour: '#00AA00', position: 5 });
	});

	it('PUT refuses a position that is negative or not whole (422) and an unknown status (404)', async () => {
		for (const position of [-1, 1.5, 'first']) {
			const answer = await api('PUT', `/api/v1/task-status/${doing.uuid}`, { body: { position } });
			expect(answer.status).toBe(422);
			expect(Object.keys(answer.body.errors)).toEqual(['position']);
		}
		expect(fake.statuses.get(doing.uuid)!.position).toBe(2);
		const missing = 'ffffffff-0000-4000-8000-000000000000';
		const answer = await api('PUT', `/api/v1/task-status/${missing}`, { body: { name: 'x' } });
		expect(answer.status).toBe(404);
		expect(answer.body.message).toBe(
			`No query results for model [App\\Models\\TaskStatus] ${missing}`,
		);
	});

	it('a completed-type status: a changed name or colour is refused (422), nothing saved; its position alone is allowed', async () => {
		const before = { ...fake.statuses.get(done.uuid)! };
		const refused = await api('PUT', `/api/v1/task-status/${done.uuid}`, {
			body: { name: 'Finished', colour: '#000000', position: 9 },
		});
		expect(refused.status).toBe(422);
		expect(refused.body).toEqual({
			message:
				'The name of a completed status cannot be changed: only its position can. (and 1 more error)',
			errors: {
				name: ['The name of a completed status cannot be changed: only its position can.'],
				colour: ['The colour of a completed status cannot be changed: only its position can.'],
			},
		});
		expect(fake.statuses.get(done.uuid)).toEqual(before);

		const moved = await api('PUT', `/api/v1/task-status/${done.uuid}`, {
			body: { position: 0 },
		});
		expect(moved.status).toBe(201);
		expect(moved.body).toMatchObject({ name: 'Completed', colour: before.colour, position: 0 });
	});

	it('completedStatusDetails ignore: the details are kept silently, the position saved', async () => {
		await withFake({ completedStatusDetails: 'ignore' }, async (other) => {
			const status = other.addStatus({ name: 'Completed', is_type_completed: true });
			const answer = await call(other, 'PUT', `/api/v1/task-status/${status.uuid}`, {
				body: { name: 'Finished', position: 6 },
			});
			expect(answer.status).toBe(201);
			expect(answer.body).toMatchObject({ name: 'Completed', position: 6 });
		});
	});

	it('statusUpdateStatus 200 [inferred]: PUT answers as Laravel does for a model that existed', async () => {
		await withFake({ statusUpdateStatus: 200 }, async (other) => {
			const status = other.addStatus({ name: 'To do' });
			const answer = await call(other, 'PUT', `/api/v1/task-status/${status.uuid}`, {
				body: { name: 'Next' },
			});
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ uuid: status.uuid, name: 'Next' });
		});
	});
});
