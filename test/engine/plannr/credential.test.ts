/**
 * Both Plannr credentials as the node uses them (the personal access token; OAuth2 signed and refreshed by n8n,
 * with the account header the node adds) and their Test buttons as n8n's credential tester runs them.
 */
import type { IDataObject } from 'n8n-workflow';
import { PlannrOAuth2Api } from '../../../credentials/PlannrOAuth2Api.credentials';
import { PlannrFake } from '../../fakes/plannr';
import { loadOptions, testCredential, testOAuth2Credential } from '../harness';
import {
	CLIENT_SECRET,
	TOKEN,
	addTask,
	calls,
	clock,
	credentialId,
	done,
	emma,
	engine,
	fake,
	ok,
	plannr,
	rl,
	spec,
	tom,
	usePlannr,
	withOptions,
	v1,
} from './setup';

/** The fake's OAuth2 authorization-code flow, as n8n's callback runs it: the token answer n8n keeps as oauthTokenData. */
async function connectOAuth2(target: PlannrFake = fake): Promise<IDataObject> {
	const redirectUri = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
	const authorize = new URLSearchParams({
		client_id: target.options.oauthClientId,
		redirect_uri: redirectUri,
		response_type: 'code',
		state: 'n8n',
	});
	const redirect = await fetch(
		`${target.url}${target.options.oauthAuthorizePath}?${authorize.toString()}`,
		{ redirect: 'manual' },
	);
	const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
	const answer = await fetch(`${target.url}${target.options.oauthTokenPath}`, {
		method: 'POST',
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: target.options.oauthClientId,
			client_secret: target.options.oauthClientSecret,
		}),
	});
	expect(answer.status).toBe(200);
	return (await answer.json()) as IDataObject;
}

usePlannr();

describe('personal access token credential', () => {
	it('every call carries the token as a bearer, the account header, Accept and Content-Type application/json (GETs, pickers, the read before an Update and the Test button included)', async () => {
		const task = addTask({ name: 'Annual review' });
		await ok({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) });
		await ok({ resource: 'taskStatus', operation: 'getAll' });
		await loadOptions(engine, spec({ resource: 'task', operation: 'create' }), 'getAccounts');
		await loadOptions(engine, spec({ resource: 'task', operation: 'create' }), 'getStatuses');
		await ok({
			resource: 'task',
			operation: 'update',
			taskUuid: rl(task.uuid),
			updateFields: { priority: 'low' },
		});
		await testCredential(engine, 'plannrApi', fake.credentialData());

		expect(calls()).toEqual([
			`GET ${v1(`/task/${task.uuid}`)}`,
			`GET ${v1('/task-status')}`,
			`GET ${v1('/account')}`,
			`GET ${v1('/task-status')}`,
			`GET ${v1(`/task/${task.uuid}`)}`,
			`PUT ${v1(`/task/${task.uuid}`)}`,
			`GET ${v1('/task-status')}`,
		]);
		for (const request of fake.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
			expect(request.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
			expect(request.headers.accept).toBe('application/json');
			expect(request.headers['content-type']).toMatch(/^application\/json/);
		}
	});

	it('Test button: OK with the token and account; an error for a wrong token or an account that is not the user’s', async () => {
		expect(await testCredential(engine, 'plannrApi', fake.credentialData())).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].headers).toMatchObject({
			authorization: `Bearer ${TOKEN}`,
			'x-plannr-account-uuid': fake.options.accountUuid,
		});

		const wrongToken = await testCredential(engine, 'plannrApi', {
			...fake.credentialData(),
			accessToken: 'PAT-Wrong-0000',
		});
		expect(wrongToken.status).toBe('Error');
		expect(wrongToken.message).not.toContain('PAT-Wrong-0000');

		// n8n itself sends a request refused with 401 once more after re-applying the credential.
		expect(fake.requests.slice(1).map((request) => request.headers.authorization)).toEqual([
			'Bearer PAT-Wrong-0000',
			'Bearer PAT-Wrong-0000',
		]);

		// Tom is a client of the firm: the token's user has no login to his account.
		fake.server.clearRequests();
		const wrongAccount = await testCredential(engine, 'plannrApi', {
			...fake.credentialData(),
			accountUuid: tom.uuid,
		});
		expect(wrongAccount.status).toBe('Error');
		expect(fake.requests.map((request) => request.headers['x-plannr-account-uuid'])).toEqual([
			tom.uuid,
		]);
	});

	it('a base URL with a trailing slash still reaches Plannr', async () => {
		engine.credentials.update(credentialId, { ...fake.credentialData(), baseUrl: `${fake.url}/` });
		await ok({ resource: 'taskStatus', operation: 'getAll' });
		await loadOptions(engine, spec({}), 'getStatuses');
		expect(calls()).toEqual([`GET ${v1('/task-status')}`, `GET ${v1('/task-status')}`]);
	});
});

describe('OAuth2 credential', () => {
	let oauthCredentialId: string;
	beforeEach(async () => {
		oauthCredentialId = engine.credentials.add('plannrOAuth2Api', {
			...fake.oauth2CredentialData(),
			oauthTokenData: await connectOAuth2(),
		}).id!;
		fake.server.clearRequests();
	});
	const oauth = (parameters: IDataObject, input?: IDataObject[]) =>
		plannr({ authentication: 'oAuth2', ...parameters }, input, {
			credentialType: 'plannrOAuth2Api',
			credentialId: oauthCredentialId,
		});
	const accessToken = () =>
		(engine.credentials.data(oauthCredentialId).oauthTokenData as IDataObject)
			.access_token as string;

	it('n8n signs each call with the connected access token; the node adds the account header', async () => {
		const task = addTask({ name: 'Annual review' });

		const { items, error } = await oauth({
			resource: 'task',
			operation: 'get',
			taskUuid: rl(task.uuid),
		});
		const statuses = await loadOptions(
			engine,
			{
				...spec({ authentication: 'oAuth2' }),
				credentialType: 'plannrOAuth2Api',
				credentialId: oauthCredentialId,
			},
			'getStatuses',
		);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ uuid: task.uuid, name: 'Annual review' });
		expect(statuses.map((status) => status.name)).toEqual(['To do', 'In progress', 'Completed']);
		expect(fake.requests).toHaveLength(2);
		for (const request of fake.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${accessToken()}`);
			expect(accessToken()).toMatch(/^oat-/);
			expect(request.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
		}
	});

	// [inferred] rotateRefreshTokens (no sheet line decides): the refresh works whether Plannr revokes the old pair or not.
	it.each([true, false])(
		'an expired access token (Plannr rotating refresh tokens: %s): n8n refreshes it at the token URL and the call is sent again with the new one',
		async (rotateRefreshTokens) => {
			const task = addTask({ name: 'Annual review' });
			const stored = engine.credentials.data(oauthCredentialId).oauthTokenData as IDataObject;
			fake.expireOAuthAccessTokens();

			const { items, error } = await withOptions({ rotateRefreshTokens }, () =>
				oauth({
					resource: 'task',
					operation: 'complete',
					taskUuid: rl(task.uuid),
				}),
			);

			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				uuid: task.uuid,
				status: expect.objectContaining({ uuid: done.uuid }),
			});
			expect(calls()).toEqual([
				`PATCH ${v1(`/task/${task.uuid}/complete`)}`,
				`POST ${fake.options.oauthTokenPath}`,
				`PATCH ${v1(`/task/${task.uuid}/complete`)}`,
			]);
			const [refused, refresh, retried] = fake.requests;
			expect(refused.headers.authorization).toBe(`Bearer ${stored.access_token}`);
			expect(refresh.body).toMatchObject({
				grant_type: 'refresh_token',
				refresh_token: stored.refresh_token,
				client_id: fake.options.oauthClientId,
				client_secret: CLIENT_SECRET,
			});
			const renewed = /^Bearer (\S+)$/.exec(retried.headers.authorization)![1];
			expect(renewed).not.toBe(stored.access_token);
			expect(fake.tokens.get(renewed)).toMatchObject({
				kind: 'oauth',
				userUuid: fake.primaryUser.uuid,
			});
			expect(retried.headers['x-plannr-account-uuid']).toBe(fake.options.accountUuid);
			expect(fake.tasks.get(task.uuid)!.completed_at).not.toBeNull();
		},
	);

	it('a revoked connection (refresh refused) asks the user to reconnect, without any token in the error', async () => {
		fake.expireOAuthAccessTokens();
		const stored = engine.credentials.data(oauthCredentialId).oauthTokenData as IDataObject;
		// Someone else used the refresh token first: Plannr rotated it, so this one is revoked.
		await fetch(`${fake.url}${fake.options.oauthTokenPath}`, {
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: String(stored.refresh_token),
				client_id: fake.options.oauthClientId,
				client_secret: CLIENT_SECRET,
			}),
		});

		const { error, run } = await oauth({ resource: 'taskStatus', operation: 'getAll' });

		expect(error?.message).toMatch(/needs to be reconnected/);
		const text = JSON.stringify(run);
		for (const secret of [String(stored.access_token), String(stored.refresh_token), CLIENT_SECRET])
			expect(text).not.toContain(secret);
	});

	it('the Authorization and Access Token URLs are [inferred] (Passport’s defaults): both editable, and n8n refreshes at the edited one', async () => {
		const fields = new PlannrOAuth2Api().properties.filter((property) =>
			['authUrl', 'accessTokenUrl'].includes(property.name),
		);
		expect(fields).toEqual([
			expect.objectContaining({
				type: 'string',
				default: 'https://api.plannrcrm.com/oauth/authorize',
			}),
			expect.objectContaining({ type: 'string', default: 'https://api.plannrcrm.com/oauth/token' }),
		]);
		const moved = new PlannrFake({
			clock,
			oauthClientSecret: CLIENT_SECRET,
			oauthAuthorizePath: '/login/oauth/authorize',
			oauthTokenPath: '/login/oauth/token',
		});
		await moved.start();
		try {
			const edited = engine.credentials.add('plannrOAuth2Api', {
				...moved.oauth2CredentialData(),
				oauthTokenData: await connectOAuth2(moved),
			}).id!;
			moved.expireOAuthAccessTokens();
			moved.server.clearRequests();

			const { error } = await plannr(
				{ authentication: 'oAuth2', resource: 'taskStatus', operation: 'getAll' },
				undefined,
				{ credentialType: 'plannrOAuth2Api', credentialId: edited },
			);

			expect(error).toBeUndefined();
			expect(moved.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				`GET ${v1('/task-status')}`,
				'POST /login/oauth/token',
				`GET ${v1('/task-status')}`,
			]);
		} finally {
			await moved.stop();
		}
	});

	it('Test button: OK when connected; an error for an account that is not the user’s', async () => {
		const data = engine.credentials.data(oauthCredentialId);
		expect(await testOAuth2Credential(engine, 'plannrOAuth2Api', data)).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].headers).toMatchObject({
			authorization: `Bearer ${accessToken()}`,
			'x-plannr-account-uuid': fake.options.accountUuid,
		});

		const wrongAccount = await testOAuth2Credential(engine, 'plannrOAuth2Api', {
			...data,
			accountUuid: tom.uuid,
		});
		expect(wrongAccount.status).toBe('Error');
		expect(fake.requests.at(-1)!.headers['x-plannr-account-uuid']).toBe(tom.uuid);
	});
});

describe('Plannr credential', () => {
	it('Test button: a wrong token fails naming the Personal Access Token, without the token', async () => {
		const verdict = await testCredential(engine, 'plannrApi', {
			...fake.credentialData(),
			accessToken: 'PAT-Revoked-6604',
		});

		// n8n's tester shows the credential's message for a 401; Plannr's "Unauthenticated." stays in its answer.
		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(
			/^Plannr did not accept the token: check the Personal Access Token/,
		);
		expect(verdict.message).not.toContain('PAT-Revoked-6604');
		expect(calls()).toEqual([`GET ${v1('/task-status')}`, `GET ${v1('/task-status')}`]);
	});

	it('Test button: an account the token’s user has no login to fails naming the Account UUID', async () => {
		const verdict = await testCredential(engine, 'plannrApi', {
			...fake.credentialData(),
			accountUuid: emma.uuid,
		});

		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/^Plannr refused the account: check the Account UUID/);
		expect(fake.requests.map((request) => request.headers['x-plannr-account-uuid'])).toEqual([
			emma.uuid,
		]);
	});

	it('Test button: a base URL with a trailing slash still reaches /api/v1/task-status', async () => {
		const verdict = await testCredential(engine, 'plannrApi', {
			...fake.credentialData(),
			baseUrl: `${fake.url}/`,
		});

		expect(verdict.status).toBe('OK');
		expect(calls()).toEqual([`GET ${v1('/task-status')}`]);
		expect(fake.requests[0].headers.accept).toBe('application/json');
	});

	it('Test button (OAuth2): an expired access token is refreshed by n8n and the test passes', async () => {
		const data = { ...fake.oauth2CredentialData(), oauthTokenData: await connectOAuth2() };
		fake.server.clearRequests();
		fake.expireOAuthAccessTokens();

		const verdict = await testOAuth2Credential(engine, 'plannrOAuth2Api', data);

		expect(verdict.status).toBe('OK');
		expect(calls()).toEqual([
			`GET ${v1('/task-status')}`,
			`POST ${fake.options.oauthTokenPath}`,
			`GET ${v1('/task-status')}`,
		]);
	});

	it('Test button (OAuth2): a connection whose refresh token was revoked fails asking to reconnect, without any token or the client secret', async () => {
		const tokens = await connectOAuth2();
		const data = { ...fake.oauth2CredentialData(), oauthTokenData: tokens };
		fake.expireOAuthAccessTokens();
		// Someone else used the refresh token first: Plannr rotated it, so this one is revoked.
		await fetch(`${fake.url}${fake.options.oauthTokenPath}`, {
			method: 'POST',
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: String(tokens.refresh_token),
				client_id: fake.options.oauthClientId,
				client_secret: CLIENT_SECRET,
			}),
		});

		const verdict = await testOAuth2Credential(engine, 'plannrOAuth2Api', data);

		expect(verdict.status).toBe('Error');
		expect(verdict.message).toMatch(/^The credential ".+" needs to be reconnected\.$/);
		for (const secret of [String(tokens.access_token), String(tokens.refresh_token), CLIENT_SECRET])
			expect(verdict.message).not.toContain(secret);
	});
});
