/**
 * The fake Plannr's [inferred] options that no other fake test runs both ways: each answer the sheet leaves
 * open (shared/vendors/plannr.md), on a fresh fake with that option.
 */
import type { PlannrFake, PlannrFakeOptions } from '.';
import { call, withFake } from './testing';

/** A fresh fake's firm: one open status, one client, a task on it, and a way to add more. */
function firm(other: PlannrFake) {
	const status = other.addStatus({ name: 'To do' });
	const owner = other.addClient({ first_name: 'Tom', last_name: 'Hughes' });
	const add = (name: string, statusUuid = status.uuid) =>
		other.addTask({
			name,
			status_uuid: statusUuid,
			taskable_type: 'client',
			taskable_uuid: owner.uuid,
		});
	return { status, owner, add, task: add('Send pack') };
}

describe('[inferred] paging', () => {
	it.each<[PlannrFakeOptions['perPageAboveMax'], number, number | undefined]>([
		['reject', 422, undefined],
		['clamp', 200, 500],
	])(
		'[inferred] perPageAboveMax %s: per_page 501 answers %s (per_page %s)',
		async (perPageAboveMax, status, perPage) => {
			await withFake({ perPageAboveMax }, async (other) => {
				const answer = await call(other, 'GET', '/api/v1/task', { query: { per_page: 501 } });
				expect([answer.status, answer.body.meta?.per_page]).toEqual([status, perPage]);
				if (status === 422) expect(answer.body.errors).toEqual({ per_page: [expect.any(String)] });
			});
		},
	);

	it.each<[PlannrFakeOptions['invalidPaging'], number]>([
		['reject', 422],
		['default', 200],
	])(
		'[inferred] invalidPaging %s: per_page "ten", page "x" or page 0 answer %s',
		async (invalidPaging, status) => {
			await withFake({ invalidPaging }, async (other) => {
				for (const query of [{ per_page: 'ten' }, { page: 'x' }, { page: 0 }] as Record<
					string,
					string | number
				>[]) {
					const answer = await call(other, 'GET', '/api/v1/task', { query });
					expect(answer.status).toBe(status);
					if (status === 200)
						expect(answer.body.meta).toMatchObject({ per_page: 15, current_page: 1 });
				}
			});
		},
	);

	it.each([
		[false, ''],
		[true, 'filter%5Btaskable_type%5D=client&per_page=1&'],
	])(
		'[inferred] linksKeepQuery %s: links carry the other query parameters (%s) besides page',
		async (linksKeepQuery, kept) => {
			await withFake({ linksKeepQuery }, async (other) => {
				firm(other).add('Chase pack');
				const answer = await call(other, 'GET', '/api/v1/task', {
					query: { 'filter[taskable_type]': 'client', per_page: 1 },
				});
				expect(answer.body.links.next).toBe(`${other.url}/api/v1/task?${kept}page=2`);
			});
		},
	);
});

describe('[inferred] task list filters', () => {
	it.each<[PlannrFakeOptions['nameFilterMatch'], string, string[]]>([
		['exact', 'Send pack', ['Send pack']],
		['exact', 'pack', []],
		['partial', 'PACK', ['Send pack', 'Chase pack']],
	])(
		'[inferred] nameFilterMatch %s: filter[name]=%s lists %j',
		async (nameFilterMatch, filter, listed) => {
			await withFake({ nameFilterMatch }, async (other) => {
				firm(other).add('Chase pack');
				const answer = await call(other, 'GET', '/api/v1/task', {
					query: { 'filter[name]': filter },
				});
				expect(answer.body.data.map((task: { name: string }) => task.name)).toEqual(listed);
			});
		},
	);
});

describe('[inferred] comma-separated filter values', () => {
	it.each<[PlannrFakeOptions['exactFilterLists'], string[], string[]]>([
		['single', [], []],
		['comma', ['Send pack', 'Case review'], ['Send pack', 'Case review']],
	])(
		'[inferred] exactFilterLists %s: filter[taskable_type]=client,case lists %j; filter[assigned_to_uuids]=<a>,<b> lists %j; one uuid lists its tasks',
		async (exactFilterLists, byType, byAssignees) => {
			await withFake({ exactFilterLists }, async (other) => {
				const { status, owner, task } = firm(other);
				const [first, second] = [
					other.addAccount({ first_name: 'James', last_name: 'Reed' }),
					other.addAccount({ first_name: 'Priya', last_name: 'Shah' }),
				];
				other.tasks.get(task.uuid)!.assigned_to_uuids = [first.uuid];
				other.addTask({
					name: 'Case review',
					status_uuid: status.uuid,
					taskable_type: 'case',
					taskable_uuid: other.addCase({ name: 'Transfer', client_uuid: owner.uuid }).uuid,
					assigned_to_uuids: [second.uuid],
				});
				const names = async (query: Record<string, string>) =>
					(await call(other, 'GET', '/api/v1/task', { query })).body.data.map(
						(listed: { name: string }) => listed.name,
					);
				expect(await names({ 'filter[taskable_type]': 'client,case' })).toEqual(byType);
				expect(
					await names({ 'filter[assigned_to_uuids]': `${first.uuid},${second.uuid}` }),
				).toEqual(byAssignees);
				expect(await names({ 'filter[assigned_to_uuids]': second.uuid })).toEqual(['Case review']);
			});
		},
	);
});

describe('[inferred] open tasks', () => {
	it.each<[PlannrFakeOptions['openTasksFalse'], string[]]>([
		['closed', ['Filed']],
		['all', ['Send pack', 'Filed']],
	])(
		'[inferred] openTasksFalse %s: filter[open_tasks]=false lists %j; true lists the open one',
		async (openTasksFalse, listed) => {
			await withFake({ openTasksFalse }, async (other) => {
				const closed = other.addStatus({ name: 'Completed', is_type_completed: true });
				firm(other).add('Filed', closed.uuid);
				const names = async (open: string) =>
					(
						await call(other, 'GET', '/api/v1/task', { query: { 'filter[open_tasks]': open } })
					).body.data.map((task: { name: string }) => task.name);
				expect(await names('false')).toEqual(listed);
				expect(await names('true')).toEqual(['Send pack']);
			});
		},
	);
});

describe('[inferred] requests', () => {
	it.each([
		[false, 405, 'Send pack'],
		[true, 200, 'Renamed'],
	])(
		'[inferred] acceptPatchForUpdate %s: PATCH on a task and on a status answers %s',
		async (acceptPatchForUpdate, status, name) => {
			await withFake({ acceptPatchForUpdate }, async (other) => {
				const { task, status: open } = firm(other);
				const answer = await call(other, 'PATCH', `/api/v1/task/${task.uuid}`, {
					body: { name: 'Renamed' },
				});
				expect(answer.status).toBe(status);
				expect(other.tasks.get(task.uuid)!.name).toBe(name);
				const statusAnswer = await call(other, 'PATCH', `/api/v1/task-status/${open.uuid}`, {
					body: { name: 'Renamed' },
				});
				expect(statusAnswer.status).toBe(status === 200 ? 201 : status);
			});
		},
	);

	it.each([
		[true, 302, 302],
		[false, 401, 422],
	])(
		'[inferred] requireAcceptJson %s: without Accept: application/json a wrong token answers %s, a refused body %s',
		async (requireAcceptJson, unauthenticated, refused) => {
			await withFake({ requireAcceptJson }, async (other) => {
				const html = { Accept: 'text/html' };
				const wrongToken = await call(other, 'GET', '/api/v1/task', {
					token: 'nope',
					headers: html,
					redirect: 'manual',
				});
				expect(wrongToken.status).toBe(unauthenticated);
				const invalid = await call(other, 'POST', '/api/v1/task', {
					body: {},
					headers: html,
					redirect: 'manual',
				});
				expect(invalid.status).toBe(refused);
				// With Accept: application/json (as the sheet requires) both are JSON either way.
				expect((await call(other, 'GET', '/api/v1/task', { token: 'nope' })).body).toEqual({
					message: 'Unauthenticated.',
				});
			});
		},
	);
});

describe('[inferred] OAuth2', () => {
	it.each([
		[true, 401, 400],
		[false, 200, 200],
	])(
		'[inferred] rotateRefreshTokens %s: after a refresh the old access token answers %s, the old refresh token %s',
		async (rotateRefreshTokens, oldAccess, oldRefresh) => {
			await withFake({ rotateRefreshTokens }, async (other) => {
				const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
				const client = {
					client_id: other.options.oauthClientId,
					client_secret: other.options.oauthClientSecret,
				};
				const token = (form: Record<string, string>) =>
					call(other, 'POST', other.options.oauthTokenPath, {
						token: null,
						account: null,
						form: { ...client, ...form },
					});
				const authorized = await call(other, 'GET', other.options.oauthAuthorizePath, {
					token: null,
					account: null,
					redirect: 'manual',
					query: { client_id: client.client_id, redirect_uri: redirectUri, response_type: 'code' },
				});
				const code = new URL(authorized.headers.get('location')!).searchParams.get('code')!;
				const first = await token({
					grant_type: 'authorization_code',
					code,
					redirect_uri: redirectUri,
				});
				const refreshed = await token({
					grant_type: 'refresh_token',
					refresh_token: first.body.refresh_token,
				});
				expect(refreshed.status).toBe(200);
				expect(
					(await call(other, 'GET', '/api/v1/task-status', { token: first.body.access_token }))
						.status,
				).toBe(oldAccess);
				const again = await token({
					grant_type: 'refresh_token',
					refresh_token: first.body.refresh_token,
				});
				expect(again.status).toBe(oldRefresh);
			});
		},
	);
});

describe('[inferred] task answers', () => {
	it.each<[PlannrFakeOptions['customFieldsShown'], unknown[]]>([
		['set', [{ reference: 'favourite_pet', value: 'Dog' }]],
		[
			'all',
			[
				{ reference: 'favourite_pet', value: 'Dog' },
				{ reference: 'risk_profile', value: null },
			],
		],
	])(
		'[inferred] customFieldsShown %s: a task answers the custom fields set on it, or every field of the firm',
		async (customFieldsShown, shown) => {
			await withFake({ customFieldsShown }, async (other) => {
				other.addCustomField({ name: 'Favourite Pet', reference: 'favourite_pet' });
				other.addCustomField({ name: 'Risk Profile', reference: 'risk_profile' });
				const { task } = firm(other);
				other.tasks.get(task.uuid)!.custom_fields = { favourite_pet: 'Dog' };
				const answer = await call(other, 'GET', `/api/v1/task/${task.uuid}`);
				expect(answer.body.custom_fields).toEqual(
					shown.map((field) => expect.objectContaining(field as object)),
				);
			});
		},
	);
});

describe('[inferred] related tasks', () => {
	it.each<[PlannrFakeOptions['relatedTasks'], string[]]>([
		['children', ['Call client']],
		['none', []],
	])(
		'[inferred] relatedTasks %s: include=related_tasks on a parent task lists %j',
		async (relatedTasks, listed) => {
			await withFake({ relatedTasks }, async (other) => {
				const { task, add } = firm(other);
				other.tasks.get(add('Call client').uuid)!.parent_task_uuid = task.uuid;
				const answer = await call(other, 'GET', `/api/v1/task/${task.uuid}`, {
					query: { include: 'related_tasks' },
				});
				expect(answer.body.related_tasks.map((t: { name: string }) => t.name)).toEqual(listed);
			});
		},
	);
});

describe('[inferred] task statuses', () => {
	it.each<[PlannrFakeOptions['unknownStatusAnswer'], unknown, unknown]>([
		[404, { message: expect.stringContaining('No query results') }, undefined],
		[422, expect.anything(), { task_status_uuid: ['The selected task status uuid is invalid.'] }],
	])(
		'[inferred] unknownStatusAnswer %s: a status that does not exist, in PUT /task-status/{uuid} and in /uncomplete/{status}',
		async (unknownStatusAnswer, body, errors) => {
			await withFake({ unknownStatusAnswer }, async (other) => {
				const { task } = firm(other);
				const missing = '57a70000-0000-4000-8000-0000000000ff';
				for (const answer of [
					await call(other, 'PUT', `/api/v1/task-status/${missing}`, { body: { name: 'x' } }),
					await call(other, 'PATCH', `/api/v1/task/${task.uuid}/uncomplete/${missing}`),
				]) {
					expect([answer.status, answer.body, answer.body.errors]).toEqual([
						unknownStatusAnswer,
						body,
						errors,
					]);
				}
			});
		},
	);

	it.each<[PlannrFakeOptions['statusNameMaxLength'], number]>([
		[255, 422],
		[null, 201],
	])(
		'[inferred] statusNameMaxLength %s: POST with a 256-character name answers %s',
		async (statusNameMaxLength, status) => {
			await withFake({ statusNameMaxLength }, async (other) => {
				const answer = await call(other, 'POST', '/api/v1/task-status', {
					body: { name: 'x'.repeat(256) },
				});
				expect(answer.status).toBe(status);
			});
		},
	);

	it.each<[PlannrFakeOptions['statusPositionMin'], number]>([
		[0, 422],
		[null, 201],
	])(
		'[inferred] statusPositionMin %s: PUT with position -1 answers %s',
		async (statusPositionMin, status) => {
			await withFake({ statusPositionMin }, async (other) => {
				const { status: open } = firm(other);
				const answer = await call(other, 'PUT', `/api/v1/task-status/${open.uuid}`, {
					body: { position: -1 },
				});
				expect(answer.status).toBe(status);
			});
		},
	);

	it.each<[PlannrFakeOptions['newStatusColour']]>([['#398898'], [null]])(
		'[inferred] newStatusColour %s: a status created without a colour answers that colour',
		async (newStatusColour) => {
			await withFake({ newStatusColour }, async (other) => {
				const answer = await call(other, 'POST', '/api/v1/task-status', {
					body: { name: 'Parked' },
				});
				expect([answer.status, answer.body.colour]).toEqual([201, newStatusColour]);
			});
		},
	);

	it.each<[PlannrFakeOptions['completedStatusSameDetails'], number]>([
		['reject', 422],
		['allow', 201],
	])(
		'[inferred] completedStatusSameDetails %s: a completed-type status sent its own name (with a position) answers %s',
		async (completedStatusSameDetails, status) => {
			await withFake({ completedStatusSameDetails }, async (other) => {
				const completed = other.addStatus({ name: 'Completed', is_type_completed: true });
				const answer = await call(other, 'PUT', `/api/v1/task-status/${completed.uuid}`, {
					body: { name: 'Completed', position: 5 },
				});
				expect(answer.status).toBe(status);
				expect(other.statuses.get(completed.uuid)!.position).toBe(status === 201 ? 5 : 1);
			});
		},
	);
});
