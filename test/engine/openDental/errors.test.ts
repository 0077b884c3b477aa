/**
 * When the office says no: Open Dental's explanations in every error-body shape and their HTTP statuses, old office
 * versions, answers that are not JSON, Continue On Fail and the error output, no key in any error, and the
 * pacing that keeps to one call per second per customer key.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RecordedRequest } from '../../fakes/kit';
import { OpenDentalFake, type ErrorBodyShape } from '../../fakes/openDental';
import { retryPolicy } from '../../../nodes/shared/retry';
import type { NodeRun } from '../harness';
import { quickRetries } from '../quickRetries';
import { serveFake } from '../serveFake';
import {
	CUSTOMER_KEY,
	DEVELOPER_KEY,
	addTask,
	api,
	calls,
	clock,
	credentialFor,
	credentialId,
	engine,
	fake,
	openDental,
	pages,
	rl,
	useOpenDental,
	withFake,
} from './setup';

// The pacing tests wait about a second per call.
jest.setTimeout(30_000);

useOpenDental();

describe('task', () => {
	it('Mark Done on an office older than 24.2.10: Open Dental’s refusal reaches the error', async () => {
		await withFake({ version: '24.1.0' }, async (old, oldCredentialId) => {
			const task = old.addTask({ TaskListNum: 1, Descript: 'x', UserNum: 1 });

			const { error, items } = await openDental(
				{ resource: 'task', operation: 'markDone', taskNum: String(task.TaskNum) },
				undefined,
				{
					credentialId: oldCredentialId,
				},
			);

			expect(items).toEqual([]);
			expect(error?.message).toBe(
				'Open Dental: The version of the dental office is not high enough: TaskStatus needs version 24.2.10 or later; the office database is on version 24.1.0.',
			);
			expect(error?.httpCode).toBe('400');
			expect(old.tasks.get(task.TaskNum)!.TaskStatus).toBe('New');
		});
	});
});

describe('errors', () => {
	quickRetries();

	it('a missing task: Open Dental’s explanation and status reach the error', async () => {
		const { error } = await openDental({ resource: 'task', operation: 'get', taskNum: '999' });
		expect(error?.message).toBe('Open Dental: Task 999 not found.');
		expect(error?.httpCode).toBe('404');
	});

	it.each<ErrorBodyShape>(['text', 'json-string', 'json-object'])(
		'error bodies as %s: 404 and 400 explanations reach the error',
		async (errorBodyShape) => {
			await withFake({ errorBodyShape }, async (shaped, shapedCredentialId) => {
				const { error: notFound } = await openDental(
					{ resource: 'task', operation: 'get', taskNum: '999' },
					undefined,
					{ credentialId: shapedCredentialId },
				);
				expect(notFound?.message).toBe('Open Dental: Task 999 not found.');
				expect(notFound?.httpCode).toBe('404');

				shaped.server.fault({ fault: shaped.fail(400, 'The eConnector is not running.') });
				const { error: refused } = await openDental(
					{ resource: 'taskList', operation: 'getAll', returnAll: true },
					undefined,
					{
						credentialId: shapedCredentialId,
					},
				);
				expect(refused?.message).toBe('Open Dental: The eConnector is not running.');
				expect(refused?.httpCode).toBe('400');
			});
		},
	);

	it.each<ErrorBodyShape>(['text', 'json-string', 'json-object'])(
		'error bodies as %s: a refusal while reading before writing reaches the error',
		async (errorBodyShape) => {
			await withFake({ errorBodyShape }, async (_shaped, shapedCredentialId) => {
				const { error } = await openDental(
					{
						resource: 'task',
						operation: 'update',
						taskNum: '999',
						updateFields: { descript: 'x' },
					},
					undefined,
					{
						credentialId: shapedCredentialId,
					},
				);
				expect(error?.message).toBe('Open Dental: Task 999 not found.');
				expect(error?.httpCode).toBe('404');
			});
		},
	);

	it('a reference Open Dental does not know: 404 with its explanation, nothing created', async () => {
		const { error } = await openDental({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(999, 'id'),
			descript: 'x',
			userNum: rl(3),
		});
		expect(error?.message).toBe('Open Dental: TaskList 999 not found.');
		expect(error?.httpCode).toBe('404');
		expect(fake.tasks.size).toBe(0);
	});

	// [inferred] the status of a reference naming nothing (unknownReferenceStatus): 404 above, 400 here.
	it('a reference Open Dental does not know, answered 400: the explanation reaches the error, nothing created', async () => {
		await withFake({ unknownReferenceStatus: 400 }, async (other, otherCredentialId) => {
			const { error } = await openDental(
				{
					resource: 'task',
					operation: 'create',
					taskListNum: rl(999, 'id'),
					descript: 'x',
					userNum: rl(3),
				},
				undefined,
				{ credentialId: otherCredentialId },
			);
			expect(error?.message).toBe('Open Dental: TaskList 999 not found.');
			expect(error?.httpCode).toBe('400');
			expect(other.requests).toHaveLength(1);
			expect(other.tasks.size).toBe(0);
		});
	});

	it('an office version too old for a method: the 400 explanation reaches the error', async () => {
		await withFake({ version: '24.4.0' }, async (_old, oldCredentialId) => {
			const { error } = await openDental(
				{ resource: 'task', operation: 'get', taskNum: '1' },
				undefined,
				{ credentialId: oldCredentialId },
			);
			expect(error?.message).toBe(
				'Open Dental: The version of the dental office is not high enough: this method needs version 24.4.13 or later; the office database is on version 24.4.0.',
			);
			expect(error?.httpCode).toBe('400');
		});
	});

	it('Continue On Fail: the error goes on the item and the next item carries on', async () => {
		const task = addTask({ Descript: 'ok' });

		const { items, error } = await openDental(
			{ resource: 'task', operation: 'get', taskNum: '={{ $json.num }}' },
			[{ num: 999 }, { num: 'abc' }, { num: task.TaskNum }],
			{
				continueOnFail: true,
			},
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.error).toBe('Open Dental: Task 999 not found.');
		expect(String(items[1].json.error)).toContain('"Task Number"');
		expect(items[2].json).toMatchObject({ TaskNum: task.TaskNum, Descript: 'ok' });
		expect(calls()).toEqual([`GET ${api('/tasks/999')}`, `GET ${api(`/tasks/${task.TaskNum}`)}`]);
	});

	it('error output: failing items go to the error output, the others to the main output', async () => {
		const task = addTask();

		const { items, errorItems, error } = await openDental(
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.num }}' },
			[{ num: 999 }, { num: task.TaskNum }],
			{
				onError: 'continueErrorOutput',
			},
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.TaskNum)).toEqual([task.TaskNum]);
		expect(errorItems).toHaveLength(1);
		expect(JSON.stringify(errorItems[0].json)).toContain('Task 999 not found.');
	});

	it('without Continue On Fail, a failing item fails the node with Open Dental’s explanation and outputs nothing', async () => {
		const task = addTask();
		const { error, items } = await openDental(
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.num }}' },
			[{ num: 999 }, { num: task.TaskNum }],
		);
		expect(error?.message).toBe('Open Dental: Task 999 not found.');
		expect(error?.httpCode).toBe('404');
		expect(items).toEqual([]);
		// n8n's declarative engine sends every item's request at once, so the second item's change is made anyway.
	});

	it.each<[string, object, string]>([
		['malformed JSON', { malformedBody: '{"TaskNum": 1, "Descr' }, '{"TaskNum": 1, "Descr'],
		[
			'an HTML page',
			{
				status: 200,
				body: '<html><body>Proxy login</body></html>',
				headers: { 'content-type': 'text/html' },
			},
			'Proxy login',
		],
		['an empty body', { status: 200, body: '' }, 'an empty answer'],
		['JSON null', { malformedBody: 'null' }, 'an empty answer'],
	])(
		'a 200 answer that is not a JSON record (%s) is an error, not an item, once retries run out',
		async (_case, fault, said) => {
			const task = addTask();
			fake.server.fault({ times: Infinity, fault: fault as never });

			const { error, items } = await openDental({
				resource: 'task',
				operation: 'get',
				taskNum: String(task.TaskNum),
			});

			expect(items).toEqual([]);
			expect(fake.requests).toHaveLength(1 + retryPolicy.maxRetries);
			expect(error?.message).toMatch(/^Open Dental: /);
			expect(error?.message).toContain(said);
			expect(error?.httpCode).toBe('200');
		},
	);

	it('a 200 answer that is not JSON is an error for Get Many and Mark Done too, and Continue On Fail carries on', async () => {
		const [first, second] = [addTask(), addTask()];
		fake.server.fault({
			times: Infinity,
			path: api('/tasks'),
			fault: { status: 200, body: 'Service Unavailable' },
		});
		fake.server.fault({
			times: Infinity,
			path: api(`/tasks/${first.TaskNum}`),
			fault: { status: 200, body: 'Service Unavailable' },
		});

		const many = await openDental(
			{ resource: 'task', operation: 'getAll', returnAll: true },
			undefined,
			{ continueOnFail: true },
		);
		expect(many.error).toBeUndefined();
		expect(many.items).toHaveLength(1);
		expect(many.items[0].json.error).toMatch(/^Open Dental: .*Service Unavailable$/);

		const done = await openDental(
			{ resource: 'task', operation: 'markDone', taskNum: '={{ $json.num }}' },
			[{ num: first.TaskNum }, { num: second.TaskNum }],
			{
				continueOnFail: true,
			},
		);
		expect(done.items[0].json.error).toMatch(/^Open Dental: .*Service Unavailable$/);
		expect(done.items[1].json).toMatchObject({ TaskNum: second.TaskNum, TaskStatus: 'Done' });
	});

	// The node's own error for a non-JSON answer passes through the request hook without being wrapped again.
	it('a 200 answer that is not JSON: the message names Open Dental once and gives what it sent', async () => {
		const task = addTask();
		fake.server.fault({ times: Infinity, fault: { status: 200, body: 'Service Unavailable' } });

		const { error } = await openDental({
			resource: 'task',
			operation: 'get',
			taskNum: String(task.TaskNum),
		});

		expect(error?.message).toBe('Open Dental: Service Unavailable');
		expect(error?.httpCode).toBe('200');
	});

	it('410 Gone: Open Dental’s explanation and status reach the error, and it is not sent again', async () => {
		fake.server.fault({ fault: fake.fail(410, 'This method has been deprecated.') });

		const { error } = await openDental({ resource: 'task', operation: 'get', taskNum: '1' });

		expect(error?.message).toBe('Open Dental: This method has been deprecated.');
		expect(error?.httpCode).toBe('410');
		expect(fake.requests).toHaveLength(1);
	});

	it('504 (not done within 60 s) on Create: the explanation is shown and the POST is not sent twice', async () => {
		fake.server.fault({
			times: Infinity,
			fault: fake.fail(504, 'The request did not complete within the 60 second time limit.'),
		});

		const { error } = await openDental({
			resource: 'task',
			operation: 'create',
			taskListNum: rl(74),
			descript: 'x',
			userNum: rl(3),
		});

		expect(error?.message).toBe(
			'Open Dental: The request did not complete within the 60 second time limit.',
		);
		expect(error?.httpCode).toBe('504');
		expect(calls()).toEqual([`POST ${api('/tasks')}`]);
	});

	it('the keys never appear in outputs or errors', async () => {
		const task = addTask();
		const runs: NodeRun[] = [];
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);
		runs.push(await openDental({ resource: 'task', operation: 'get', taskNum: '999' }));
		runs.push(
			await openDental(
				{ resource: 'task', operation: 'get', taskNum: '={{ $json.num }}' },
				[{ num: 999 }, { num: task.TaskNum }],
				{ continueOnFail: true },
			),
		);
		fake.server.fault({ times: Infinity, fault: { malformedBody: '<oops' } });
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);
		fake.server.clearFaults();
		fake.server.fault({ times: Infinity, fault: { drop: true } });
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);
		fake.server.clearFaults();
		engine.credentials.update(credentialId, {
			...fake.credentialData(),
			rateLimit: 'none',
			customerApiKey: 'CustKey-Wrong-0000',
		});
		runs.push(
			await openDental({ resource: 'task', operation: 'get', taskNum: String(task.TaskNum) }),
		);

		expect(runs.map((run) => run.error?.httpCode ?? null)).toEqual([
			null,
			'404',
			null,
			'200',
			'ECONNRESET',
			'401',
		]);
		expect(runs[2].items[0].json.error).toBe('Open Dental: Task 999 not found.');
		expect(runs[5].error?.message).toBe('Open Dental: Invalid DeveloperKey or CustomerKey.');
		for (const run of runs) {
			const text = JSON.stringify(run.run);
			for (const secret of [DEVELOPER_KEY, CUSTOMER_KEY, 'CustKey-Wrong-0000'])
				expect(text).not.toContain(secret);
		}
		expect(
			fake.requests.every((request) =>
				request.headers.authorization?.startsWith(`ODFHIR ${DEVELOPER_KEY}/`),
			),
		).toBe(true);
	});
});

describe('pacing (Remote: one call per second per customer key)', () => {
	// The fake's default: Remote, 1 request per second per customer key, a too-early call refused (400).
	const paced = new OpenDentalFake({
		developerKey: DEVELOPER_KEY,
		customerKey: 'CustKey-Paced-5150',
		clock,
	});
	serveFake(paced);

	let pacedCredentialId: string;
	beforeEach(() => {
		paced.reset();
		pacedCredentialId = credentialFor(paced, { rateLimit: 'perSecond' });
		paced.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
		paced.addUser({ UserNum: 3, UserName: 'Maria' });
	});

	const gaps = () => paced.requests.slice(1).map((request, i) => request.at - paced.requests[i].at);

	it('10 calls in one run: every one answered, none refused, at least 1000 ms apart', async () => {
		const input = Array.from({ length: 10 }, (_, i) => ({ descript: `Task ${i}` }));

		const { items, error } = await openDental(
			{
				resource: 'task',
				operation: 'create',
				taskListNum: rl(74),
				descript: '={{ $json.descript }}',
				userNum: rl(3),
			},
			input,
			{
				credentialId: pacedCredentialId,
			},
		);

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.Descript)).toEqual(input.map((entry) => entry.descript));
		expect(items.every((item) => typeof item.json.TaskNum === 'number')).toBe(true);
		expect(paced.requests).toHaveLength(10);
		expect(paced.tasks.size).toBe(10);
		expect(gaps()).toHaveLength(9);
		for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(1000);
	});

	it('Return All over several pages is paced too', async () => {
		for (let i = 0; i < 230; i++)
			paced.addTask({ TaskListNum: 74, Descript: `Task ${i}`, UserNum: 3 });

		const { items, error } = await openDental(
			{ resource: 'task', operation: 'getAll', returnAll: true },
			undefined,
			{ credentialId: pacedCredentialId },
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(230);
		expect(pages(paced.requests)).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
		for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(1000);
	});

	it('the read before a write (Keep Done Status) waits its turn as well', async () => {
		const task = paced.addTask({
			TaskListNum: 74,
			Descript: 'Order gloves',
			UserNum: 3,
			TaskStatus: 'Done',
		});

		const { error } = await openDental(
			{
				resource: 'task',
				operation: 'update',
				taskNum: String(task.TaskNum),
				updateFields: { descript: 'Order gloves, size M' },
			},
			undefined,
			{
				credentialId: pacedCredentialId,
			},
		);

		expect(error).toBeUndefined();
		expect(calls(paced.requests)).toEqual([
			`GET ${api(`/tasks/${task.TaskNum}`)}`,
			`PUT ${api(`/tasks/${task.TaskNum}`)}`,
		]);
		expect(gaps()[0]).toBeGreaterThanOrEqual(1000);
		expect(paced.tasks.get(task.TaskNum)!.TaskStatus).toBe('Done');
	});

	it('Keep Done’s status-only PUT, sent while reading the answer, waits its second too (no deadlock, none refused)', async () => {
		await withFake(
			{ customerKey: 'CustKey-Paced-5150', throttle: { perSecond: 1 }, explicitStatusWins: false },
			async (other) => {
				const task = other.addTask({
					TaskListNum: 1,
					Descript: 'Order gloves',
					UserNum: 1,
					TaskStatus: 'Done',
				});
				const { error } = await openDental(
					{
						resource: 'task',
						operation: 'update',
						taskNum: String(task.TaskNum),
						updateFields: { descript: 'Order gloves, size M' },
					},
					undefined,
					{ credentialId: credentialFor(other, { rateLimit: 'perSecond' }) },
				);

				expect(error).toBeUndefined();
				expect(calls(other.requests)).toEqual([
					`GET ${api(`/tasks/${task.TaskNum}`)}`,
					`PUT ${api(`/tasks/${task.TaskNum}`)}`,
					`PUT ${api(`/tasks/${task.TaskNum}`)}`,
				]);
				const at = other.requests.map((request) => request.at);
				expect(at[1] - at[0]).toBeGreaterThanOrEqual(1000);
				expect(at[2] - at[1]).toBeGreaterThanOrEqual(1000);
				expect(other.tasks.get(task.TaskNum)!.TaskStatus).toBe('Done');
			},
		);
	});
});

describe('pacing by connection', () => {
	it('"One Request per 5 Seconds" (a key with only ApiReadAll): calls at least 5 s apart, none refused', async () => {
		await withFake({ throttle: { perSecond: 0.2 } }, async (other) => {
			other.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
			other.addUser({ UserNum: 3, UserName: 'Maria' });
			const { items, error } = await openDental(
				{
					resource: 'task',
					operation: 'create',
					taskListNum: rl(74),
					descript: '={{ $json.descript }}',
					userNum: rl(3),
				},
				[{ descript: 'a' }, { descript: 'b' }],
				{ credentialId: credentialFor(other, { rateLimit: 'perFiveSeconds' }) },
			);

			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.Descript)).toEqual(['a', 'b']);
			expect(other.requests).toHaveLength(2);
			expect(other.requests[1].at - other.requests[0].at).toBeGreaterThanOrEqual(5000);
		});
	});

	it('the API Service is not throttled: its calls are not paced, whatever Rate Limit was stored', async () => {
		await withFake({ connection: 'service' }, async (other) => {
			for (let i = 0; i < 3; i++) other.addTask({ TaskListNum: 1, Descript: `t${i}`, UserNum: 1 });
			const { error } = await openDental(
				{ resource: 'task', operation: 'get', taskNum: '={{ $json.num }}' },
				[{ num: 1 }, { num: 2 }, { num: 3 }],
				{
					credentialId: credentialFor(other, {
						connection: 'service',
						serviceHost: '127.0.0.1',
						servicePort: Number(new URL(other.url).port),
						rateLimit: 'perSecond',
					}),
				},
			);

			expect(error).toBeUndefined();
			expect(other.requests).toHaveLength(3);
			expect(other.requests[2].at - other.requests[0].at).toBeLessThan(1000);
		});
	});
});

// Unknown (sheet): what a throttled call returns, a 429 or a 400 with text. Without pacing, the node meets both.
describe('a throttled call, without pacing (Rate Limit "None" against a throttled office)', () => {
	// Real retry waits (the first is a second): a quicker retry would be refused again.

	const createTwo = async (throttleStatus: 400 | 429, throttledCallsCount = true) => {
		let result: { items: IDataObject[]; requests: RecordedRequest[]; stored: number } | undefined;
		await withFake(
			{ throttle: { perSecond: 1 }, throttleStatus, throttledCallsCount },
			async (other, otherCredentialId) => {
				other.addTaskList({ TaskListNum: 74, Descript: 'Front Desk' });
				other.addUser({ UserNum: 3, UserName: 'Maria' });
				const { items } = await openDental(
					{
						resource: 'task',
						operation: 'create',
						taskListNum: rl(74),
						descript: '={{ $json.descript }}',
						userNum: rl(3),
					},
					[{ descript: 'a' }, { descript: 'b' }],
					{ credentialId: otherCredentialId, continueOnFail: true },
				);
				result = {
					items: items.map((item) => item.json),
					requests: [...other.requests],
					stored: other.tasks.size,
				};
			},
		);
		return result!;
	};

	// [inferred] no sheet line decides whether the refused call restarts the wait (throttledCallsCount): both.
	it.each([true, false])(
		'a 429 is waited out and sent again (throttledCallsCount %s): both tasks created, the refused POST wrote nothing',
		async (throttledCallsCount) => {
			const { items, requests, stored } = await createTwo(429, throttledCallsCount);

			expect(items.map((item) => item.Descript)).toEqual(['a', 'b']);
			// Three POSTs for two tasks: the refused one was not carried out, so sending it again wrote nothing twice.
			expect(calls(requests)).toEqual(Array(3).fill(`POST ${api('/tasks')}`));
			expect(stored).toBe(2);
		},
	);

	it('a 400 with text is shown, not sent again blindly: the second item fails with Open Dental’s words', async () => {
		const { items, requests, stored } = await createTwo(400);

		expect(items[0].Descript).toBe('a');
		expect(items[1].error).toMatch(/^Open Dental: Too many requests: at most 1 per second/);
		expect(calls(requests)).toEqual(Array(2).fill(`POST ${api('/tasks')}`));
		expect(stored).toBe(1);
	});
});
