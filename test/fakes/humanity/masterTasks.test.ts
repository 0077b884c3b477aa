/** The fake Humanity: master tasks (masterTasks.ts). */
import {
	api,
	barista,
	call,
	CallOptions,
	expectCode,
	fake,
	kioskCrew,
	kitchen,
	ok,
	restock,
	sam,
	setNow,
	T0,
	useFake,
	withFake,
} from './testing';

useFake();

describe('master tasks', () => {
	it('POST creates (name and positionIds required; positions must exist); PATCH changes only what is sent; DELETE soft-deletes', async () => {
		setNow(T0 + 1000);
		const created = ok(
			await api('POST', '/master-tasks', {
				body: {
					name: 'Mop the floor',
					positionIds: [barista.id, kitchen.id],
					description: 'Back room too',
					color: '#123ABC',
				},
			}),
		);
		expect(created).toEqual({
			id: expect.stringMatching(/^[0-9a-hjkmnp-tv-z]{26}$/),
			name: 'Mop the floor',
			description: 'Back room too',
			color: '#123ABC',
			favorite: false,
			positionIds: [barista.id, kitchen.id],
			createdBy: fake.primaryUser.id,
			createdAt: '2026-03-04T17:00:01+00:00',
			updatedBy: null,
			updatedAt: null,
			deletedBy: null,
			deletedAt: null,
		});
		expectCode(
			await api('POST', '/master-tasks', { body: { positionIds: [barista.id] } }),
			8,
			/name is required/,
		);
		expectCode(
			await api('POST', '/master-tasks', { body: { name: 'x' } }),
			8,
			/positionIds is required/,
		);
		expectCode(
			await api('POST', '/master-tasks', { body: { name: 'x', positionIds: [999] } }),
			9,
			/position 999 not found/,
		);
		expectCode(await api('POST', '/master-tasks', { body: { name: 'x', positionIds: [] } }), 9);
		expectCode(
			await api('POST', '/master-tasks', {
				body: { name: 'x', positionIds: [barista.id], color: 'red' },
			}),
			9,
			/color/,
		);

		setNow(T0 + 2000);
		const patched = ok(
			await api('PATCH', `/master-tasks/${created.id}`, {
				body: { favorite: true, name: 'Mop floors' },
			}),
		);
		expect(patched).toMatchObject({
			name: 'Mop floors',
			description: 'Back room too',
			favorite: true,
			positionIds: [barista.id, kitchen.id],
			updatedAt: '2026-03-04T17:00:02+00:00',
		});
		expectCode(
			await api('PATCH', `/master-tasks/${created.id}`, { body: { favorite: 'maybe' } }),
			9,
		);
		expectCode(
			await api('PATCH', '/master-tasks/01k6mj6wmesfx9az1s615jdd0y', { body: { name: 'x' } }),
			13,
		);

		const deleted = ok(await api('DELETE', `/master-tasks/${created.id}`));
		expect(deleted).toMatchObject({
			id: created.id,
			deletedBy: fake.primaryUser.id,
			deletedAt: '2026-03-04T17:00:02+00:00',
		});
		expectCode(await api('DELETE', `/master-tasks/${created.id}`), 14);
		expectCode(await api('PATCH', `/master-tasks/${created.id}`, { body: { name: 'x' } }), 13);
		expect(fake.masterTasks.has(created.id)).toBe(true);
		await withFake({ masterTaskDeleteAnswer: 'empty' }, async (other, otherToken) => {
			const m = other.addMasterTask({ name: 'M' });
			expect(
				ok(await call(other, 'DELETE', `/master-tasks/${m.id}`, { token: otherToken })),
			).toEqual([]);
		});
	});

	it('search: searchTerm (3+ chars) in the name, the description only with descriptionSearchEnabled, case-insensitive; positionIds[] (any of them); includeDeleted', async () => {
		const grill = fake.addMasterTask({ name: 'Deep clean the grill', positionIds: [kitchen.id] });
		const old = fake.addMasterTask({
			name: 'Old menu clean-up',
			positionIds: [barista.id],
			deletedAt: '2026-03-01T00:00:00+00:00',
			deletedBy: 1,
		});
		const names = async (query: CallOptions['query']) =>
			ok(await api('GET', '/master-tasks', { query })).map((t: { name: string }) => t.name);
		expect(await names({})).toEqual([
			'Open the register',
			'Clean the espresso machine',
			'Restock pastries',
			'Deep clean the grill',
		]);
		expect(await names({ searchTerm: 'CLEAN' })).toEqual([
			'Clean the espresso machine',
			grill.name,
		]);
		// get-master-tasks: descriptions are searched only with descriptionSearchEnabled (default false).
		expect(await names({ searchTerm: 'float' })).toEqual([]);
		expect(await names({ searchTerm: 'float', descriptionSearchEnabled: 'true' })).toEqual([
			'Open the register',
		]);
		expect(await names({ searchTerm: 'clean', includeDeleted: 'true' })).toEqual([
			'Clean the espresso machine',
			grill.name,
			old.name,
		]);
		expect(await names({ 'positionIds[]': [String(kitchen.id), String(kioskCrew.id)] })).toEqual([
			'Restock pastries',
			grill.name,
		]);
		expect(await names({ positionIds: `${kitchen.id}` })).toEqual([grill.name]);
		expectCode(
			await api('GET', '/master-tasks', { query: { searchTerm: 'cl' } }),
			9,
			/at least 3 characters/,
		);
		expectCode(await api('GET', '/master-tasks', { query: { includeDeleted: 'yes' } }), 9);
		expectCode(await api('GET', '/master-tasks', { query: { 'positionIds[]': 'barista' } }), 9);
		await withFake({ shortSearchTerm: 'ignore' }, async (other, otherToken) => {
			other.addMasterTask({ name: 'A' });
			expect(
				ok(
					await call(other, 'GET', '/master-tasks', {
						token: otherToken,
						query: { searchTerm: 'zz' },
					}),
				),
			).toHaveLength(1);
		});
	});

	it('cursor paging: limit 30 by default, the next cursor in metadata.cursor, null on the last page; a bad cursor is code 9', async () => {
		for (let i = 0; i < 62; i++)
			fake.addMasterTask({ name: `Task ${String(i).padStart(2, '0')}`, positionIds: [kitchen.id] });
		const seen: string[] = [];
		let cursor: string | null | undefined;
		const pages: number[] = [];
		do {
			const answer = await api('GET', '/master-tasks', { query: cursor ? { cursor } : {} });
			const data = ok(answer);
			pages.push(data.length);
			seen.push(...data.map((t: { id: string }) => t.id));
			expect(Object.keys(answer.body.metadata)).toEqual(['cursor']);
			cursor = answer.body.metadata.cursor;
		} while (cursor);
		expect(pages).toEqual([30, 30, 5]);
		expect(seen).toEqual([...fake.masterTasks.keys()]);
		expect(new Set(seen).size).toBe(65);

		// The cursor goes with the same filters; a task deleted between pages does not break it.
		const first = await api('GET', '/master-tasks', {
			query: { limit: 10, 'positionIds[]': String(kitchen.id) },
		});
		expect(ok(first)).toHaveLength(10);
		fake.masterTasks.get(ok(first)[9].id)!.deletedAt = '2026-03-04T17:00:00+00:00';
		const second = ok(
			await api('GET', '/master-tasks', {
				query: {
					limit: 10,
					'positionIds[]': String(kitchen.id),
					cursor: first.body.metadata.cursor,
				},
			}),
		);
		expect(second[0].name).toBe('Task 10');

		expect(ok(await api('GET', '/master-tasks', { query: { limit: 100 } }))).toHaveLength(64);
		expectCode(await api('GET', '/master-tasks', { query: { limit: 0 } }), 9);
		expectCode(
			await api('GET', '/master-tasks', { query: { cursor: 'garbage' } }),
			9,
			/cursor is invalid/,
		);
	});

	it.each(['reject', 'clamp'] as const)(
		'[inferred] limitAboveMax %s, masterTaskMaxLimit 100 or 2: a limit above the most a page holds is code 9, or clamped with a cursor to the rest',
		async (limitAboveMax) => {
			for (const masterTaskMaxLimit of [100, 2]) {
				await withFake({ limitAboveMax, masterTaskMaxLimit }, async (other, otherToken) => {
					for (let i = 0; i < 102; i++) other.addMasterTask({ name: `Task ${i}` });
					const page = (limit: number) =>
						call(other, 'GET', '/master-tasks', { token: otherToken, query: { limit } });
					expect(ok(await page(masterTaskMaxLimit))).toHaveLength(masterTaskMaxLimit);
					const above = await page(masterTaskMaxLimit + 1);
					if (limitAboveMax === 'reject') expectCode(above, 9, /limit/);
					else {
						expect(ok(above)).toHaveLength(masterTaskMaxLimit);
						expect(above.body.metadata.cursor).toEqual(expect.any(String));
					}
				});
			}
		},
	);

	it('by option: order by name, another cursor key, and `metadata: []` on the last page', async () => {
		await withFake(
			{ masterTaskOrder: 'name', cursorKey: 'nextCursor', lastPageMetadata: 'empty-array' },
			async (other, otherToken) => {
				for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'])
					other.addMasterTask({ name });
				const first = await call(other, 'GET', '/master-tasks', {
					token: otherToken,
					query: { limit: 3 },
				});
				expect(ok(first).map((t: { name: string }) => t.name)).toEqual([
					'Alpha',
					'Bravo',
					'charlie',
				]);
				const second = await call(other, 'GET', '/master-tasks', {
					token: otherToken,
					query: { limit: 3, cursor: first.body.metadata.nextCursor },
				});
				expect(ok(second).map((t: { name: string }) => t.name)).toEqual(['delta', 'echo']);
				expect(second.body.metadata).toEqual([]);
			},
		);
	});

	it('supervisors and above update master tasks (update-master-tasks), schedulers and employees get code 20; every role reads them', async () => {
		const tokenOf = (role: 'supervisor' | 'scheduler' | 'employee') =>
			fake.issueAccessToken(
				fake.addEmployee({ firstname: role, lastname: 'Tester', role, positionIds: [barista.id] })
					.id,
			);
		const supervisor = tokenOf('supervisor');
		expect(
			ok(
				await api('PATCH', `/master-tasks/${restock.id}`, {
					token: supervisor,
					body: { name: 'Restock the pastry case' },
				}),
			),
		).toMatchObject({ name: 'Restock the pastry case' });
		for (const role of ['scheduler', 'employee'] as const) {
			expectCode(
				await api('PATCH', `/master-tasks/${restock.id}`, {
					token: tokenOf(role),
					body: { name: 'x' },
				}),
				20,
			);
		}
		const samToken = fake.issueAccessToken(sam.id);
		expect(ok(await api('GET', '/master-tasks', { token: samToken }))).toHaveLength(3);
	});

	it('[inferred] masterTaskEditRoles: only admins and managers create and delete by default; the option widens it', async () => {
		const supervisor = fake.issueAccessToken(
			fake.addEmployee({ firstname: 'Sue', lastname: 'Pervisor', role: 'supervisor' }).id,
		);
		const create = { token: supervisor, body: { name: 'x', positionIds: [barista.id] } };
		expectCode(await api('POST', '/master-tasks', create), 20);
		expectCode(await api('DELETE', `/master-tasks/${restock.id}`, { token: supervisor }), 20);
		await withFake({ masterTaskEditRoles: ['admin', 'manager', 'supervisor'] }, async (other) => {
			const position = other.addPosition({ name: 'Barista' });
			const task = other.addMasterTask({ name: 'Wipe', positionIds: [position.id] });
			const otherSupervisor = other.issueAccessToken(
				other.addEmployee({ firstname: 'Sue', lastname: 'Pervisor', role: 'supervisor' }).id,
			);
			ok(
				await call(other, 'POST', '/master-tasks', {
					token: otherSupervisor,
					body: { name: 'x', positionIds: [position.id] },
				}),
			);
			ok(await call(other, 'DELETE', `/master-tasks/${task.id}`, { token: otherSupervisor }));
		});
	});

	it('[inferred] masterTaskPositionsRequired: POST without positionIds is code 8 (empty: code 9) by default; taken by option', async () => {
		expectCode(await api('POST', '/master-tasks', { body: { name: 'Wipe' } }), 8, /positionIds/);
		expectCode(await api('POST', '/master-tasks', { body: { name: 'Wipe', positionIds: [] } }), 9);
		await withFake({ masterTaskPositionsRequired: false }, async (other, otherToken) => {
			for (const body of [{ name: 'Wipe' }, { name: 'Dust', positionIds: [] }]) {
				expect(
					ok(await call(other, 'POST', '/master-tasks', { token: otherToken, body })),
				).toMatchObject({ name: body.name, positionIds: [] });
			}
		});
	});

	it('[inferred] masterTaskDelete: soft by default; HTTP 404 (code 5) or 405 (code 4) by option, deleting nothing', async () => {
		for (const [option, status, code] of [
			['not-found', 404, 5],
			['method-not-allowed', 405, 4],
		] as const) {
			await withFake({ masterTaskDelete: option }, async (other, otherToken) => {
				const task = other.addMasterTask({ name: 'Wipe' });
				const answer = await call(other, 'DELETE', `/master-tasks/${task.id}`, {
					token: otherToken,
				});
				expectCode(answer, code, undefined, status);
				expect(other.masterTasks.get(task.id)?.deletedAt).toBeNull();
			});
		}
	});
});
