/** The fake Plannr: the state helpers and the sandbox seed (store.ts, sandbox.ts). */
import { api, fake, useFake } from './testing';

useFake();

describe('state helpers', () => {
	it('credentialData() is what a personal-access-token credential holds; it works as is', async () => {
		const credentials = fake.credentialData();
		expect(credentials).toEqual({
			baseUrl: fake.url,
			accessToken: fake.options.personalAccessToken,
			accountUuid: fake.options.accountUuid,
		});
		const answer = await fetch(`${credentials.baseUrl}/api/v1/task-status`, {
			headers: {
				Authorization: `Bearer ${credentials.accessToken}`,
				'X-PLANNR-ACCOUNT-UUID': credentials.accountUuid,
				Accept: 'application/json',
			},
		});
		expect(answer.status).toBe(200);
		expect(fake.oauth2CredentialData()).toMatchObject({
			authUrl: `${fake.url}/oauth/authorize`,
			accessTokenUrl: `${fake.url}/oauth/token`,
			clientId: 'plannr-client-id',
		});
	});

	it('reset() keeps only the primary user; seedSandbox() builds a small adviser firm', async () => {
		fake.reset();
		expect([
			fake.tasks.size,
			fake.statuses.size,
			fake.accounts.size,
			fake.users.size,
			fake.requests.length,
		]).toEqual([0, 0, 1, 1, 0]);
		fake.seedSandbox();
		const clients = [...fake.accounts.values()].filter((a) => a.type === 'client');
		const employees = [...fake.accounts.values()].filter((a) => a.type === 'employee');
		expect(clients.length).toBeGreaterThanOrEqual(3);
		expect(employees.length).toBeGreaterThanOrEqual(3);
		expect([fake.cases.size, fake.plans.size]).toEqual([1, 2]);
		expect([...fake.statuses.values()].some((s) => s.is_type_completed)).toBe(true);
		expect(fake.tasks.size).toBe(6);
		const tasks = [...fake.tasks.values()];
		expect(new Set(tasks.map((t) => t.taskable_type))).toEqual(new Set(['client', 'case', 'plan']));
		expect(
			tasks
				.filter((t) => fake.statuses.get(t.status_uuid)!.is_type_completed)
				.every((t) => t.completed_at !== null),
		).toBe(true);
		const listed = await api('GET', '/api/v1/task', { query: { 'filter[open_tasks]': 'true' } });
		expect(listed.body.meta.total).toBe(4); // one completed, one child task left out
		expect(
			(
				await api('GET', '/api/v1/task', {
					token: 'plannr-james-token',
					account: employees[1].uuid,
				})
			).status,
		).toBe(200);
	});
});
