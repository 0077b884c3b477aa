/** The fake Humanity: the state helpers, request counts and seeds (store.ts, counts.ts, sandbox.ts). */
import { HUMANITY_API_PREFIX } from '.';
import { api, fake, ok, passwordGrant, setToken, shift, useFake } from './testing';

useFake();

describe('state helpers', () => {
	it('credentialData() is what a credential holds; a password grant with it works as is', async () => {
		const credentials = fake.credentialData();
		expect(credentials).toEqual({
			baseUrl: fake.url,
			tokenUrl: `${fake.url}/oauth2/token.php`,
			appId: 'humanity-app-id',
			appSecret: 'humanity-app-secret',
			username: 'dana.whitfield@example.com',
			password: 'humanity-password',
		});
		const grant = await fetch(credentials.tokenUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: credentials.appId,
				client_secret: credentials.appSecret,
				grant_type: 'password',
				username: credentials.username,
				password: credentials.password,
			}),
		});
		const { access_token } = (await grant.json()) as { access_token: string };
		const me = await fetch(`${credentials.baseUrl}/api/v2/me?access_token=${access_token}`);
		expect(((await me.json()) as { status: number }).status).toBe(1);
	});

	it('reset() keeps only the primary user; seedSandbox() builds a small café around today', async () => {
		fake.reset();
		expect([
			fake.employees.size,
			fake.shifts.size,
			fake.masterTasks.size,
			fake.shiftTasks.size,
			fake.requests.length,
		]).toEqual([1, 0, 0, 0, 0]);
		fake.seedSandbox();
		setToken(fake.issueAccessToken());
		// The café, then the vet clinic's pharmacy: a location, a position, an employee, 7 shifts, a master task.
		expect(fake.locations.size).toBe(3);
		expect(fake.positions.size).toBe(4);
		expect(fake.employees.size).toBe(6);
		expect(fake.shifts.size).toBe(28);
		const week = ok(
			await api('GET', '/shifts', {
				query: { mode: 'overview', start_date: '2026-03-01', end_date: '2026-03-07' },
			}),
		);
		expect(week).toHaveLength(28);
		expect(
			week.filter((shift: { schedule_name: string }) => shift.schedule_name === 'Pharmacy'),
		).toHaveLength(7);
		expect(
			ok(
				await api('GET', '/shifts', {
					query: { mode: 'open', start_date: '2026-03-01', end_date: '2026-03-07' },
				}),
			),
		).toHaveLength(1);
		const masters = ok(await api('GET', '/master-tasks'));
		expect(masters).toHaveLength(7);
		expect(ok(await api('GET', '/master-tasks', { query: { includeDeleted: 1 } }))).toHaveLength(8);
		const tasks = [...fake.shiftTasks.values()];
		expect(new Set(tasks.map((t) => t.type))).toEqual(new Set([1, 2]));
		const employeeTasks = ok(
			await api('GET', `/shifts/${week.map((s: { id: number }) => s.id).join(',')}/employee-tasks`),
		);
		const done = employeeTasks.filter(
			(t: { activity: { status: number } }) => t.activity.status === 2,
		);
		expect(done.length).toBeGreaterThan(0);
		expect(done.length).toBeLessThan(employeeTasks.length);
		// The seeded employees can sign in.
		const sam = [...fake.employees.values()].find((e) => e.firstname === 'Sam')!;
		expect(
			(await passwordGrant(fake, { username: sam.username, password: 'sam-password' })).status,
		).toBe(200);
	});

	it('the kit’s faults still apply before the fake (a dropped connection, a raw status) and are recorded', async () => {
		fake.server.fault({
			fault: { drop: true },
			path: `${HUMANITY_API_PREFIX}/shifts/:shiftId/tasks`,
			method: 'PUT',
		});
		await expect(
			api('PUT', `/shifts/${shift.id}/tasks`, { body: { tasks: [] } }),
		).rejects.toThrow();
		fake.server.fault({ fault: { status: 502, body: 'Bad Gateway' } });
		const answer = await api('GET', '/me');
		expect([answer.status, answer.body]).toEqual([502, 'Bad Gateway']);
		expect(fake.requests).toHaveLength(2);
		expect(fake.shiftTaskCalls(shift.id)).toEqual({ reads: 0, writes: 1 });
	});
});
