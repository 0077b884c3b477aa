/**
 * When Plannr says no: validation (422) and missing records (404) in Plannr's words, a wrong token or account,
 * a failure body under HTTP 200, Continue On Fail and the error output, no token in any error, and the rate
 * limit (429 and Retry-After, X-Ratelimit-Remaining).
 */
import { PlannrFake, type PlannrFakeOptions, type PlannrTaskRecord } from '../../fakes/plannr';
import { loadOptions, runNode, searchList, type NodeRun } from '../harness';
import { quickRetries } from '../quickRetries';
import {
	TOKEN,
	addTask,
	calls,
	clock,
	credentialId,
	done,
	engine,
	fake,
	james,
	ok,
	pages,
	plannr,
	rl,
	spec,
	todo,
	tom,
	usePlannr,
	v1,
	withOptions,
} from './setup';

// The rate-limit tests wait out a Retry-After of a second and calls paced 300 ms apart.
jest.setTimeout(30_000);

/** Another fake for one test (its own rate limit, account and port, so its own limit state in the node). */
async function withFake(
	options: PlannrFakeOptions,
	body: (other: PlannrFake, otherCredentialId: string) => Promise<void>,
): Promise<void> {
	const other = new PlannrFake({ clock, personalAccessToken: TOKEN, ...options });
	await other.start();
	try {
		await body(other, engine.credentials.add('plannrApi', other.credentialData()).id!);
	} finally {
		await other.stop();
	}
}

/** The status of every answer a fake sends, in order (instrumenting its server's send; the fake itself is untouched). */
function answersOf(target: PlannrFake): Array<{ status: number; at: number }> {
	const answers: Array<{ status: number; at: number }> = [];
	const server = target.server as unknown as {
		send: (res: unknown, response: { status: number }) => void;
	};
	const send = server.send.bind(target.server);
	server.send = (res, response) => {
		answers.push({ status: response.status, at: Date.now() });
		send(res, response);
	};
	return answers;
}

usePlannr();

describe('bad input is refused before any request, naming the field', () => {
	it('Continue On Fail: a bad item is refused on its own; the good one is sent', async () => {
		const real = addTask({ name: 'Annual review' });
		const { items, error } = await plannr(
			{ resource: 'task', operation: 'get', taskUuid: rl('={{ $json.task }}') },
			[{ task: 'not-a-uuid' }, { task: real.uuid }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(String(items[0].json.error)).toContain('"Task"');
		expect(items[1].json).toMatchObject({ uuid: real.uuid });
		expect(calls()).toEqual([`GET ${v1(`/task/${real.uuid}`)}`]);
	});
});

describe('errors', () => {
	quickRetries();

	it('a 422: every field Plannr names, in Plannr’s words', async () => {
		const missing = '7a5c0000-0000-4000-8000-0000000000ff';
		const { error } = await plannr({
			resource: 'task',
			operation: 'create',
			name: 'x',
			taskableType: 'case',
			taskableUuid: tom.uuid,
			taskStatusUuid: '57a70000-0000-4000-8000-0000000000ff',
			additionalFields: {
				parentTaskUuid: missing,
				assignedToUuids: [james.uuid, 'acc00000-0000-4000-8000-0000000000ff'],
			},
		});

		expect(error?.httpCode).toBe('422');
		expect(error?.message).toBe(
			'Plannr: taskable_uuid: The selected taskable uuid is invalid.; task_status_uuid: The selected task status uuid is invalid.; ' +
				'parent_task_uuid: The selected parent task uuid is invalid.; assigned_to_uuids.1: The selected assigned to uuids.1 is invalid.',
		);
		expect(fake.tasks.size).toBe(0);
	});

	const refusal =
		'The selected task status uuid is a completed status: a task is uncompleted to an open status.';
	it.each<[PlannrFakeOptions['validationBody'], string]>([
		['laravel', `Plannr: task_status_uuid: ${refusal}`],
		['message', `Plannr: ${refusal}`],
		['text', `Plannr: ${refusal}`],
	])(
		'a 422 body shaped %s ([inferred]): Plannr’s field errors, else its message, else the raw body',
		async (validationBody, expected) => {
			const task = addTask({ name: 'x', status_uuid: done.uuid });
			const { error } = await withOptions({ validationBody }, () =>
				plannr({
					resource: 'task',
					operation: 'reopen',
					taskUuid: rl(task.uuid),
					reopenStatusUuid: done.uuid,
				}),
			);
			expect(error?.httpCode).toBe('422');
			expect(error?.message).toBe(expected);
		},
	);

	it('a 422 on Reopen to a completed-type status names the status field', async () => {
		const task = addTask({ name: 'x', status_uuid: done.uuid });
		const { error } = await plannr({
			resource: 'task',
			operation: 'reopen',
			taskUuid: rl(task.uuid),
			reopenStatusUuid: done.uuid,
		});
		expect(error?.httpCode).toBe('422');
		expect(error?.message).toBe(
			'Plannr: task_status_uuid: The selected task status uuid is a completed status: a task is uncompleted to an open status.',
		);
	});

	it('a task that does not exist: 404 with Plannr’s words, for Get, Update, Complete and Reopen', async () => {
		const missing = '7a5c0000-0000-4000-8000-0000000000ff';
		const runs = [
			await plannr({ resource: 'task', operation: 'get', taskUuid: rl(missing) }),
			await plannr({
				resource: 'task',
				operation: 'update',
				taskUuid: rl(missing),
				updateFields: { name: 'x' },
			}),
			await plannr({ resource: 'task', operation: 'complete', taskUuid: rl(missing) }),
			await plannr({
				resource: 'task',
				operation: 'reopen',
				taskUuid: rl(missing),
				reopenStatusUuid: todo.uuid,
			}),
		];
		for (const { error } of runs) {
			expect(error?.httpCode).toBe('404');
			expect(error?.message).toBe(
				`Plannr: No query results for model [App\\Models\\Task] ${missing}`,
			);
		}
	});

	it('a wrong token: 401 “Unauthenticated.”; an account that is not the user’s: 403', async () => {
		engine.credentials.update(credentialId, {
			...fake.credentialData(),
			accessToken: 'PAT-Revoked-4242',
		});
		const revoked = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(revoked.error?.httpCode).toBe('401');
		expect(revoked.error?.message).toBe('Plannr: Unauthenticated.');
		await expect(loadOptions(engine, spec({}), 'getStatuses')).rejects.toThrow(
			'Plannr: Unauthenticated.',
		);

		engine.credentials.update(credentialId, { ...fake.credentialData(), accountUuid: tom.uuid });
		const elsewhere = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(elsewhere.error?.httpCode).toBe('403');
		expect(elsewhere.error?.message).toBe('Plannr: This action is unauthorized.');
	});

	it('a 200 answer saying success: false is an error, not an item', async () => {
		fake.server.fault({
			fault: { status: 200, body: { success: false, message: 'Account suspended' } },
		});
		const { error, items } = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(items).toEqual([]);
		expect(error?.message).toBe('Plannr: Account suspended');
	});

	it('Continue On Fail: the error goes on the item and the next item carries on; error output splits them', async () => {
		const task = addTask({ name: 'x' });
		const missing = '7a5c0000-0000-4000-8000-0000000000ff';

		const continued = await plannr(
			{ resource: 'task', operation: 'complete', taskUuid: rl('={{ $json.task }}') },
			[{ task: missing }, { task: task.uuid }],
			{ continueOnFail: true },
		);
		expect(continued.error).toBeUndefined();
		expect(continued.items[0].json.error).toBe(
			`Plannr: No query results for model [App\\Models\\Task] ${missing}`,
		);
		expect(continued.items[1].json).toMatchObject({
			uuid: task.uuid,
			status: expect.objectContaining({ uuid: done.uuid }),
		});

		const split = await plannr(
			{ resource: 'task', operation: 'get', taskUuid: rl('={{ $json.task }}') },
			[{ task: missing }, { task: task.uuid }],
			{ onError: 'continueErrorOutput' },
		);
		expect(split.items.map((item) => item.json.uuid)).toEqual([task.uuid]);
		expect(split.errorItems).toHaveLength(1);
		expect(JSON.stringify(split.errorItems[0].json)).toContain('No query results');
	});

	it('the token never appears in outputs or errors', async () => {
		const task = addTask({ name: 'x' });
		const runs: NodeRun[] = [];
		runs.push(await plannr({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }));
		runs.push(
			await plannr({
				resource: 'task',
				operation: 'get',
				taskUuid: rl('7a5c0000-0000-4000-8000-0000000000ff'),
			}),
		);
		runs.push(
			await plannr({
				resource: 'task',
				operation: 'create',
				name: 'x',
				taskableType: 'client',
				taskableUuid: tom.uuid,
				taskStatusUuid: '57a70000-0000-4000-8000-0000000000ff',
			}),
		);
		runs.push(
			await plannr(
				{ resource: 'task', operation: 'get', taskUuid: rl('={{ $json.task }}') },
				[{ task: 'bad' }, { task: task.uuid }],
				{ continueOnFail: true },
			),
		);
		fake.server.fault({ times: Infinity, fault: { drop: true } });
		runs.push(await plannr({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }));
		fake.server.clearFaults();
		fake.revokeToken(TOKEN);
		runs.push(await plannr({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }));

		expect(runs.map((run) => run.error?.httpCode ?? null)).toEqual([
			null,
			'404',
			'422',
			null,
			'ECONNRESET',
			'401',
		]);
		for (const run of runs) expect(JSON.stringify(run.run)).not.toContain(TOKEN);
		expect(
			fake.requests.every((request) => request.headers.authorization === `Bearer ${TOKEN}`),
		).toBe(true);
	});
});

describe('rate limit (500 a minute per user; X-Ratelimit-Remaining on every answer, 429 beyond)', () => {
	const LIMIT = 200;
	/** The node keeps to Plannr's minute: once nothing remains, one call per 60 s / limit. */
	const SPACING_MS = 60_000 / LIMIT;
	let accounts = 0;
	/** Each limited fake acts for its own account, so the node keeps a separate limit for it. */
	const ownAccount = () =>
		`93379910-564c-4d8a-838f-5a0a4a98${String(2000 + ++accounts).padStart(4, '0')}`;

	function seed(target: PlannrFake): PlannrTaskRecord {
		const status = target.addStatus({ name: 'To do' });
		const client = target.addClient({ first_name: 'Tom', last_name: 'Hughes' });
		return target.addTask({
			name: 'Annual review',
			status_uuid: status.uuid,
			taskable_type: 'client',
			taskable_uuid: client.uuid,
		});
	}
	const getTask = (task: PlannrTaskRecord, id: string, count: number) =>
		runNode(
			engine,
			{
				...spec({ resource: 'task', operation: 'get', taskUuid: rl(task.uuid) }),
				credentialId: id,
			},
			Array.from({ length: count }, () => ({})),
		);

	it('a run beyond the limit, each 429 carrying Retry-After ([inferred] rateLimitRetryAfter true): the refused calls wait it out, are sent again, and every item succeeds', async () => {
		const over = 3;
		let seen = 0;
		// The fake's window is a second on its own clock: the run's first calls fall in one, anything later in the next.
		const options = {
			accountUuid: ownAccount(),
			rateLimitPerMinute: LIMIT,
			rateLimitWindowMs: 1000,
			rateLimitClock: () => (++seen > LIMIT + over ? 1000 : 0),
			rateLimitRetryAfter: true,
		};
		await withFake(options, async (other, otherCredentialId) => {
			const task = seed(other);
			const answers = answersOf(other);

			const { items, error } = await getTask(task, otherCredentialId, LIMIT + over);

			expect(error).toBeUndefined();
			expect(items).toHaveLength(LIMIT + over);
			expect(items.every((item) => item.json.uuid === task.uuid)).toBe(true);
			const refused = answers.filter((answer) => answer.status === 429);
			expect(refused).toHaveLength(over);
			expect(answers.filter((answer) => answer.status === 200)).toHaveLength(LIMIT + over);
			// Each refusal said Retry-After: 1; nothing was sent again before that second had passed.
			const lastRefusal = Math.max(...refused.map((answer) => answer.at));
			const retries = other.requests.slice(LIMIT + over);
			expect(retries).toHaveLength(over);
			for (const retry of retries) expect(retry.at - lastRefusal).toBeGreaterThanOrEqual(1000 - 5);
		});
	});

	it('a Plannr whose 429 carries no Retry-After ([inferred] rateLimitRetryAfter false, as documented): the refused call backs off and every item succeeds', async () => {
		let seen = 0;
		const options = {
			accountUuid: ownAccount(),
			rateLimitPerMinute: LIMIT,
			rateLimitWindowMs: 1000,
			rateLimitRetryAfter: false,
			rateLimitClock: () => (++seen > LIMIT + 1 ? 1000 : 0),
		};
		await withFake(options, async (other, otherCredentialId) => {
			const task = seed(other);
			const answers = answersOf(other);

			const { items, error } = await getTask(task, otherCredentialId, LIMIT + 1);

			expect(error).toBeUndefined();
			expect(items).toHaveLength(LIMIT + 1);
			expect(answers.filter((answer) => answer.status === 429)).toHaveLength(1);
		});
	});

	it('a 429 without Retry-After backs off a second before trying again', async () => {
		fake.server.fault({ fault: { status: 429, body: { message: 'Too Many Attempts.' } } });
		await ok({ resource: 'taskStatus', operation: 'getAll' });
		expect(fake.requests).toHaveLength(2);
		expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(1000);
	});

	it('after four refusals in a row the node gives up with Plannr’s message', async () => {
		fake.server.fault({
			times: 5,
			fault: {
				status: 429,
				body: { message: 'Too Many Attempts.' },
				headers: { 'retry-after': '0' },
			},
		});
		const { error } = await plannr({ resource: 'taskStatus', operation: 'getAll' });
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toBe('Plannr: Too Many Attempts.');
		expect(fake.requests).toHaveLength(5);
	});

	it('once X-Ratelimit-Remaining reaches 0 the node slows to one call per minute/limit; with calls left again, full speed', async () => {
		let minute = 0;
		await withFake(
			{
				accountUuid: ownAccount(),
				rateLimitPerMinute: LIMIT,
				rateLimitWindowMs: 1000,
				rateLimitClock: () => minute * 1000,
			},
			async (other, otherCredentialId) => {
				const task = seed(other);
				const answers = answersOf(other);
				await getTask(task, otherCredentialId, LIMIT - 1);
				// The last call of the minute, on its own, so its answer (0 remaining) is the last the node reads.
				await getTask(task, otherCredentialId, 1);
				expect(answers.every((answer) => answer.status === 200)).toBe(true);

				minute = 1;
				other.server.clearRequests();
				const slowed = await getTask(task, otherCredentialId, 5);
				expect(slowed.error).toBeUndefined();
				// Paced slots are exactly SPACING_MS apart; arrivals vary by a few ms of event-loop delay (a burst would be ~0 apart).
				const gaps = other.requests.slice(1).map((request, i) => request.at - other.requests[i].at);
				expect(gaps).toHaveLength(4);
				for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(SPACING_MS * 0.8);
				expect(other.requests[4].at - other.requests[0].at).toBeGreaterThanOrEqual(
					4 * SPACING_MS - 30,
				);

				other.server.clearRequests();
				const fast = await getTask(task, otherCredentialId, 5);
				expect(fast.error).toBeUndefined();
				expect(other.requests.at(-1)!.at - other.requests[0].at).toBeLessThan(SPACING_MS);

				expect(answers.filter((answer) => answer.status === 429)).toHaveLength(0);
				expect(answers).toHaveLength(LIMIT + 10);
			},
		);
	});

	it('Return All: a page refused with 429 waits out Retry-After ([inferred] rateLimitRetryAfter true) and is asked again; no task lost or read twice', async () => {
		let seen = 0;
		const options = {
			accountUuid: ownAccount(),
			rateLimitPerMinute: LIMIT,
			rateLimitWindowMs: 1000,
			rateLimitClock: () => (++seen > LIMIT + 1 ? 1000 : 0),
			rateLimitRetryAfter: true,
		};
		await withFake(options, async (other, otherCredentialId) => {
			const first = seed(other);
			for (let i = 1; i < 1201; i++)
				other.addTask({
					name: `Task ${i}`,
					status_uuid: first.status_uuid,
					taskable_type: 'client',
					taskable_uuid: first.taskable_uuid,
				});
			// Someone else's calls used the minute up to the last one.
			for (let i = 0; i < LIMIT - 1; i++) {
				await fetch(`${other.url}${v1('/task-status')}`, {
					headers: {
						authorization: `Bearer ${TOKEN}`,
						'x-plannr-account-uuid': options.accountUuid,
						accept: 'application/json',
					},
				});
			}
			const answers = answersOf(other);
			other.server.clearRequests();

			const { items, error } = await runNode(engine, {
				...spec({ resource: 'task', operation: 'getAll', returnAll: true }),
				credentialId: otherCredentialId,
			});

			expect(error).toBeUndefined();
			expect(items).toHaveLength(1201);
			expect(new Set(items.map((item) => item.json.uuid)).size).toBe(1201);
			expect(pages(other.requests)).toEqual([
				['1', '500'],
				['2', '500'],
				['2', '500'],
				['3', '500'],
			]);
			expect(answers.map((answer) => answer.status)).toEqual([200, 429, 200, 200]);
			expect(other.requests[2].at - answers[1].at).toBeGreaterThanOrEqual(1000 - 5);
		});
	});

	it('pickers keep to the limit too: a 429 is retried and the list still loads; four in a row give Plannr’s message', async () => {
		fake.server.fault({
			fault: {
				status: 429,
				body: { message: 'Too Many Attempts.' },
				headers: { 'retry-after': '0' },
			},
		});
		const options = await loadOptions(engine, spec({}), 'getStatuses');
		expect(options.map((option) => option.name)).toEqual(['To do', 'In progress', 'Completed']);
		expect(calls()).toEqual([`GET ${v1('/task-status')}`, `GET ${v1('/task-status')}`]);

		fake.server.clearRequests();
		fake.server.fault({
			times: 5,
			fault: {
				status: 429,
				body: { message: 'Too Many Attempts.' },
				headers: { 'retry-after': '0' },
			},
		});
		await expect(searchList(engine, spec({}), 'searchTasks', 'x')).rejects.toThrow(
			'Plannr: Too Many Attempts.',
		);
		expect(fake.requests).toHaveLength(5);
	});

	// After an answer with nothing remaining the next call waits its turn, and calls already waiting for a paced
	// slot look again at the Retry-After a refusal has just set.
	it('nothing remaining and the window still closed: the next call waits its turn, and once one is refused the others wait out its Retry-After ([inferred] rateLimitRetryAfter true)', async () => {
		let opensAt = Infinity;
		const options = {
			accountUuid: ownAccount(),
			rateLimitPerMinute: LIMIT,
			rateLimitWindowMs: 1000,
			rateLimitClock: () => (Date.now() >= opensAt ? 1000 : 0),
			rateLimitRetryAfter: true,
		};
		await withFake(options, async (other, otherCredentialId) => {
			const task = seed(other);
			await getTask(task, otherCredentialId, LIMIT - 1);
			await getTask(task, otherCredentialId, 1);
			const answers = answersOf(other);
			// Plannr's next window opens 700 ms from now; a refusal says Retry-After: 1.
			const start = Date.now();
			opensAt = start + 700;
			other.server.clearRequests();

			const { error } = await getTask(task, otherCredentialId, 5);

			expect(error).toBeUndefined();
			expect(other.requests[0].at - start).toBeGreaterThanOrEqual(SPACING_MS - 5);
			expect(answers.filter((answer) => answer.status === 429)).toHaveLength(1);
		});
	});
});
