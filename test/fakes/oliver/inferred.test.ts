/**
 * The fake Oliver's [inferred] options no other fake test covers, each with both answers (the sheet calls
 * them unknown or says nothing that decides them).
 */
import { now, setNow, T0, useFake, withFake } from './testing';

useFake();

describe('[inferred] options', () => {
	it.each([
		[404, 404],
		[400, 400],
	])(
		'[inferred] lookupNotFoundStatus %s: an unknown client or patient id gets %s with the error envelope',
		async (lookupNotFoundStatus, status) => {
			await withFake({ lookupNotFoundStatus }, async (_other, client) => {
				for (const path of ['/clients/cl_404', '/patients/pt_404']) {
					const answer = await client.get(path);
					expect([answer.status, answer.data.success]).toEqual([status, false]);
				}
			});
		},
	);

	it.each([
		[400, 400, 0],
		[404, 404, 0],
		[null, 201, 1],
	])(
		'[inferred] unknownReferenceStatus %s: a task naming an unknown client gets %s',
		async (unknownReferenceStatus, status, stored) => {
			await withFake({ unknownReferenceStatus }, async (other, client) => {
				const answer = await client.post('/staff_tasks', { title: 'x', client_id: 'cl_404' });
				expect(answer.status).toBe(status);
				expect(other.tasks.size).toBe(stored);
			});
		},
	);

	it.each([
		[true, 400, undefined],
		[false, 201, '42'],
	])(
		'[inferred] strictTypes %s: a number for the title gets %s',
		async (strictTypes, status, title) => {
			await withFake({ strictTypes }, async (_other, client) => {
				const answer = await client.post('/staff_tasks', { title: 42 });
				expect([answer.status, answer.data.data?.title]).toEqual([status, title]);
			});
		},
	);

	it.each([
		['contains', ['Dana Smith', 'Smithers Dana']],
		['prefix', ['Smithers Dana']],
		['exact', []],
	] as const)(
		'[inferred] lookupMatch %s: a client search for "smith" finds %j',
		async (lookupMatch, names) => {
			await withFake({ lookupMatch }, async (other, client) => {
				other.addClient({ name: 'Dana Smith' });
				other.addClient({ name: 'Smithers Dana' });
				const answer = await client.get('/clients', { params: { name: 'smith' } });
				expect(answer.data.data.map((found: { name: string }) => found.name)).toEqual(names);
			});
		},
	);

	it.each([
		['refuse', 400, 400, 'Old'],
		['accept', 201, 200, ' '],
	] as const)(
		'[inferred] blankTitle %s: a blank title gets %s on POST and %s on PUT',
		async (blankTitle, postStatus, putStatus, after) => {
			await withFake({ blankTitle }, async (other, client) => {
				const task = other.addTask({ title: 'Old' });
				expect((await client.post('/staff_tasks', { title: ' ' })).status).toBe(postStatus);
				expect((await client.put(`/staff_tasks/${task.id}`, { title: ' ' })).status).toBe(
					putStatus,
				);
				expect(other.tasks.get(task.id)!.title).toBe(after);
			});
		},
	);

	it.each([
		['as-sent', '2026-12-01T15:30:00+01:00'],
		['utc', '2026-12-01T14:30:00.000Z'],
	] as const)(
		'[inferred] referenceTimeAnswer %s: reference_time_at is answered as %s',
		async (referenceTimeAnswer, answered) => {
			await withFake({ referenceTimeAnswer }, async (_other, client) => {
				const answer = await client.post('/staff_tasks', {
					title: 'x',
					reference_time_at: '2026-12-01T15:30:00+01:00',
				});
				expect(answer.data.data.reference_time_at).toBe(answered);
			});
		},
	);

	it.each([
		['every-put', T0 + 60_000],
		['change', T0],
	] as const)(
		'[inferred] updatedAtOn %s: a PUT that changes nothing leaves updated_at at %s; a change moves it',
		async (updatedAtOn, afterSamePut) => {
			await withFake({ updatedAtOn }, async (other, client) => {
				const task = other.addTask({ title: 'Same' });
				setNow(T0 + 60_000);
				const same = await client.put(`/staff_tasks/${task.id}`, { title: 'Same' });
				expect(same.data.data.updated_at).toBe(new Date(afterSamePut).toISOString());
				setNow(T0 + 120_000);
				const changed = await client.put(`/staff_tasks/${task.id}`, { title: 'Other' });
				expect(changed.data.data.updated_at).toBe(new Date(now).toISOString());
			});
		},
	);

	it.each([
		['ok', 200],
		['reject', 400],
	] as const)(
		'[inferred] deleteCanceled %s: DELETE of a task already canceled gets %s; finalized_at is kept',
		async (deleteCanceled, status) => {
			await withFake({ deleteCanceled }, async (other, client) => {
				const finalizedAt = '2026-02-01T10:00:00.000Z';
				const task = other.addTask({ title: 'x', status: 'canceled', finalized_at: finalizedAt });
				const answer = await client.delete(`/staff_tasks/${task.id}`);
				expect([answer.status, answer.data.success]).toEqual([status, status === 200]);
				expect(other.tasks.get(task.id)!.finalized_at).toBe(finalizedAt);
			});
		},
	);

	it.each([
		['empty', 200],
		['reject', 400],
	] as const)(
		'[inferred] unknownClientPatients %s: GET /patients for a client_id naming nothing gets %s',
		async (unknownClientPatients, status) => {
			await withFake({ unknownClientPatients }, async (_other, client) => {
				const answer = await client.get('/patients', { params: { client_id: 'cl_404' } });
				expect(answer.status).toBe(status);
				if (status === 200) expect(answer.data.data).toEqual([]);
			});
		},
	);
});

describe('[inferred] authOrder', () => {
	it.each([
		['token-first', 401],
		['location-first', 403],
	] as const)(
		'[inferred] authOrder %s: a stale token with a wrong X-Client-Id (answered 403) gets %s',
		async (authOrder, status) => {
			await withFake({ authOrder, wrongLocationStatus: 403 }, async (other, client) => {
				other.expireTokens();
				const answer = await client.get('/staff_tasks', {
					headers: { 'X-Client-Id': 'elsewhere' },
				});
				expect([answer.status, answer.data.success]).toEqual([status, false]);
			});
		},
	);
});

describe('[inferred] client search', () => {
	it.each([
		['absent', 400],
		['match-all', 200],
	] as const)(
		'[inferred] emptySearchValue %s: a search with only an empty name gets %s',
		async (emptySearchValue, status) => {
			await withFake({ emptySearchValue }, async (other, client) => {
				other.addClient({ name: 'Dana Smith' });
				const answer = await client.get('/clients', { params: { name: '' } });
				expect(answer.status).toBe(status);
				if (status === 200) expect(answer.data.data).toHaveLength(1);
			});
		},
	);

	it.each([
		['all', ['Dana Smith']],
		['any', ['Dana Smith', 'Lee Wong']],
	] as const)(
		'[inferred] searchFilters %s: name "dana" with email "lee@" finds %j',
		async (searchFilters, names) => {
			await withFake({ searchFilters }, async (other, client) => {
				other.addClient({ name: 'Dana Smith', email: 'lee@example.com' });
				other.addClient({ name: 'Lee Wong', email: 'lee@example.org' });
				const answer = await client.get('/clients', { params: { name: 'dana', email: 'lee@' } });
				expect(answer.data.data.map((found: { name: string }) => found.name)).toEqual(names);
			});
		},
	);
});
