/**
 * The fake Open Dental: what every call passes first, the JSON Content-Type, auth, the version gate and the
 * throttle (gates.ts).
 */
import axios from 'axios';
import { OPEN_DENTAL_API_PREFIX } from '.';
import { api, fake, list, useFake, user, withFake } from './testing';

useFake();

describe('auth and connection', () => {
	it('needs Authorization: ODFHIR developerKey/customerKey, else 401 with a text explanation', async () => {
		expect((await api.get('/tasklists')).status).toBe(200);
		for (const authorization of [
			undefined,
			'Bearer x',
			'ODFHIR dev-key/wrong',
			'ODFHIR wrong/cust-key',
			'ODFHIR dev-key',
		]) {
			const answer = await axios.get(`${fake.url}${OPEN_DENTAL_API_PREFIX}/tasklists`, {
				validateStatus: () => true,
				headers: {
					'Content-Type': 'application/json',
					...(authorization === undefined ? {} : { Authorization: authorization }),
				},
			});
			expect(answer.status).toBe(401);
			expect(answer.headers['content-type']).toMatch(/^text\/plain/);
			expect(answer.data).toEqual(expect.any(String));
		}
	});

	it('every request, GETs included, needs Content-Type: application/json, else 400 with the documented explanation', async () => {
		const authorization = `ODFHIR ${fake.options.developerKey}/${fake.options.customerKey}`;
		const tasklists = (headers: Record<string, string>) =>
			axios.get(`${fake.url}${OPEN_DENTAL_API_PREFIX}/tasklists`, {
				validateStatus: () => true,
				headers: { Authorization: authorization, ...headers },
			});

		const refusedHeaders: Array<Record<string, string>> = [{}, { 'Content-Type': 'text/plain' }];
		for (const refused of refusedHeaders) {
			const answer = await tasklists(refused);
			expect([answer.status, answer.data]).toEqual([
				400,
				expect.stringContaining('Missing request headers, invalid Content-Types'),
			]);
		}
		const formBody = await api.post(`/tasks`, `TaskListNum=${list}&Descript=x&UserNum=${user}`, {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(formBody.status).toBe(400);
		expect(fake.tasks.size).toBe(0);

		// Parameters do not matter, and Accept is not a documented requirement.
		expect(
			(await tasklists({ 'Content-Type': 'application/json; charset=utf-8', Accept: 'text/html' }))
				.status,
		).toBe(200);
	});

	// [inferred] no sheet line decides the order of the checks. Both answers.
	it.each([
		['content-type-first', 400, 400],
		['auth-first', 401, 200],
	] as const)(
		'[inferred] gateOrder %s: a wrong key without Content-Type gets %s; a call right after one refused for the version gets %s',
		async (gateOrder, wrongKeyStatus, afterVersionRefusal) => {
			let ms = 0;
			await withFake(
				{ gateOrder, version: '24.2.5', throttle: { perSecond: 1 }, throttleClock: () => ms },
				async (other, client) => {
					const noHeaderWrongKey = await axios.get(
						`${other.url}${OPEN_DENTAL_API_PREFIX}/tasklists`,
						{
							validateStatus: () => true,
							headers: { Authorization: 'ODFHIR dev-key/wrong' },
						},
					);
					expect(noHeaderWrongKey.status).toBe(wrongKeyStatus);
					const tooNew = await client.get('/tasks/1'); // 24.4.13
					expect([tooNew.status, tooNew.data]).toEqual([400, expect.stringContaining('version')]);
					ms = 1;
					expect((await client.get('/tasklists')).status).toBe(afterVersionRefusal);
				},
			);
		},
	);

	it('with requireJsonContentType off, a request without the Content-Type is served', async () => {
		await withFake({ requireJsonContentType: false }, async (other) => {
			const answer = await axios.get(`${other.url}${OPEN_DENTAL_API_PREFIX}/tasklists`, {
				validateStatus: () => true,
				headers: {
					Authorization: `ODFHIR ${other.options.developerKey}/${other.options.customerKey}`,
				},
			});
			expect([answer.status, answer.data]).toEqual([200, []]);
			expect(other.requests[0].headers['content-type']).toBeUndefined();
		});
	});

	it('an unknown route is a 404 in the error shape', async () => {
		const answer = await api.get('/nothing');
		expect([answer.status, typeof answer.data]).toEqual([404, 'string']);
	});
});

describe('version gate', () => {
	it('refuses methods newer than the office version with 400 and the documented explanation', async () => {
		await withFake({ version: '24.2.5' }, async (other, client) => {
			const task = other.addTask({ TaskListNum: 1, Descript: 'x' });
			const one = await client.get(`/tasks/${task.TaskNum}`); // 24.4.13
			expect([one.status, one.data]).toEqual([
				400,
				expect.stringMatching(/^The version of the dental office is not high enough: .*24\.4\.13/),
			]);
			expect((await client.get('/tasknotes')).status).toBe(400); // 24.4.22
			expect((await client.get('/tasks')).status).toBe(200); // 22.3.16
			// TaskStatus on PUT came in 24.2.10.
			const status = await client.put(`/tasks/${task.TaskNum}`, { TaskStatus: 'Done' });
			expect([status.status, status.data]).toEqual([
				400,
				expect.stringMatching(/^The version of the dental office is not high enough: .*24\.2\.10/),
			]);
			expect((await client.put(`/tasks/${task.TaskNum}`, { Descript: 'y' })).status).toBe(200);
			expect(other.tasks.get(task.TaskNum)?.TaskStatus).toBe('New');
		});
		await withFake({ version: '24.2.10' }, async (other, client) => {
			const task = other.addTask({ TaskListNum: 1, Descript: 'x' });
			expect((await client.put(`/tasks/${task.TaskNum}`, { TaskStatus: 'Done' })).status).toBe(200);
		});
		await withFake({ version: '22.3.15' }, async (_other, client) => {
			expect((await client.get('/tasklists')).status).toBe(200);
			expect((await client.get('/tasks')).status).toBe(400);
			expect((await client.post('/tasks', {})).status).toBe(400);
		});
	});
});

describe('throttle', () => {
	/** Accepted, 999 ms later refused with `status`, a second after that accepted (input checked after the throttle). */
	async function refusedTooSoon(options: { throttleStatus?: 400 | 429 }, status: number) {
		let ms = 0;
		await withFake(
			{ connection: 'remote', throttle: undefined, throttleClock: () => ms, ...options },
			async (_other, client) => {
				expect((await client.get('/tasklists')).status).toBe(200);
				ms = 999;
				const early = await client.get('/tasklists');
				expect([early.status, early.headers['content-type']]).toEqual([
					status,
					expect.stringMatching(/^text\/plain/),
				]);
				expect(early.data).toMatch(/per second/);
				ms = 2000;
				expect((await client.post('/tasks', {})).status).toBe(400); // throttled before input is read, so this one counted
				ms = 2500;
				expect((await client.get('/tasklists')).status).toBe(status);
			},
		);
	}

	// Unknown (sheet): a 429 or a 400 with text. 429 is not a documented status, so it is not the default.
	it('Remote allows 1 request per second per customer key; sooner gets, by default, a 400 with a text explanation (not 429)', async () => {
		await refusedTooSoon({}, 400);
	});

	it('the throttle answer is an option: 429 is the other answer', async () => {
		await refusedTooSoon({ throttleStatus: 429 }, 429);
	});

	// [inferred] no sheet line decides whether a refused call restarts the wait. Both answers.
	it.each([
		[true, 400],
		[false, 200],
	])(
		'[inferred] throttledCallsCount %s: a call 1000 ms after the last accepted one and 1 ms after a refused one gets %s',
		async (throttledCallsCount, status) => {
			let ms = 0;
			await withFake(
				{ throttle: { perSecond: 1 }, throttleClock: () => ms, throttledCallsCount },
				async (_other, client) => {
					expect((await client.get('/userods')).status).toBe(200);
					ms = 999;
					expect((await client.get('/userods')).status).toBe(400);
					ms = 1000;
					expect((await client.get('/userods')).status).toBe(status);
				},
			);
		},
	);

	it('with real time: 1 s spacing is accepted, back-to-back is refused; status and rate are options', async () => {
		await withFake({ connection: 'remote', throttle: undefined }, async (other, client) => {
			expect((await client.get('/userods')).status).toBe(200);
			expect((await client.get('/userods')).status).toBe(400);
			await new Promise((resolve) => setTimeout(resolve, 1010));
			expect((await client.get('/userods')).status).toBe(200);
			expect(other.requests[2].at - other.requests[0].at).toBeGreaterThanOrEqual(1000);
		});
		let ms = 0;
		await withFake(
			{ throttle: { perSecond: 0.2 }, throttleStatus: 429, throttleClock: () => ms },
			async (_other, client) => {
				expect((await client.get('/userods')).status).toBe(200);
				ms = 4999;
				expect((await client.get('/userods')).status).toBe(429);
				ms = 9999; // five seconds after the refused call, which counts by default
				expect((await client.get('/userods')).status).toBe(200);
			},
		);
		for (const connection of ['local', 'service'] as const) {
			await withFake({ connection, throttle: undefined }, async (_other, client) => {
				for (let i = 0; i < 3; i++) expect((await client.get('/userods')).status).toBe(200);
			});
		}
	});

	it('unauthenticated requests are refused before the throttle and do not count', async () => {
		let ms = 0;
		await withFake(
			{ throttle: { perSecond: 1 }, throttleClock: () => ms },
			async (other, client) => {
				expect(
					(
						await axios.get(`${other.url}/api/v1/userods`, {
							validateStatus: () => true,
							headers: { 'Content-Type': 'application/json' },
						})
					).status,
				).toBe(401);
				expect((await client.get('/userods')).status).toBe(200);
			},
		);
	});
});
