/**
 * When MileApp says no: its `{status: false, message}` under any HTTP status, Continue On Fail, and what is
 * sent again after a failure.
 */
import { MILEAPP_API } from '../../fakes/mileApp';
import { quickRetries } from '../quickRetries';
import {
	TOKEN,
	aTask,
	apiCalls,
	delivery,
	fake,
	fromList,
	hub,
	mapped,
	mileApp,
	useMileApp,
	withFakeOf,
} from './setup';

useMileApp();

describe('errors and bad input', () => {
	it("MileApp's {status: false, message} is the error, with its HTTP status, and no token in it", async () => {
		const { error } = await mileApp({
			resource: 'task',
			operation: 'get',
			taskId: '0123456789abcdef01234567',
		});
		expect(error).toMatchObject({ message: 'MileApp: Data not found', httpCode: '404' });
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});

	it('a failure body under HTTP 200 is an error too', async () => {
		const task = aTask();
		fake.server.fault({
			fault: { status: 200, body: { status: false, message: 'Task is locked by another process' } },
		});
		const { error } = await mileApp({ resource: 'task', operation: 'get', taskId: task._id });
		expect(error?.message).toBe('MileApp: Task is locked by another process');
	});

	it('Continue On Fail puts the error on the item and goes on', async () => {
		const task = aTask();
		const { items } = await mileApp(
			{ resource: 'task', operation: 'get', taskId: '={{ $json.id }}' },
			{ continueOnFail: true },
			[{ id: '0123456789abcdef01234567' }, { id: task._id }],
		);
		expect(items.map((item) => item.json.error ?? item.json._id)).toEqual([
			'MileApp: Data not found',
			task._id,
		]);
	});
});

describe('retries', () => {
	quickRetries();
	const unavailable = { status: 503, body: { status: false, message: 'Service unavailable' } };

	it('a read answered 503 is sent again and the task comes back', async () => {
		const task = aTask();
		fake.server.fault({ method: 'GET', path: `${MILEAPP_API}/task/:id`, fault: unavailable });

		const { items, error } = await mileApp({
			resource: 'task',
			operation: 'get',
			taskId: task._id,
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json._id)).toEqual([task._id]);
		expect(apiCalls().map((call) => call.method)).toEqual(['GET', 'GET']);
	});

	it('a Create answered 503 is not sent twice (it may have been made); the error says to check MileApp first', async () => {
		const tasksBefore = fake.tasks.size;
		fake.server.fault({ method: 'POST', path: `${MILEAPP_API}/task`, fault: unavailable });

		const { items, error } = await mileApp({
			resource: 'task',
			operation: 'create',
			flow: fromList('Delivery'),
			hubId: fromList(hub._id),
			flowFields: mapped({ invoice: 'INV-77', recipientName: 'Rina', packageCount: 2 }),
		});

		expect(items).toEqual([]);
		expect(error).toMatchObject({ message: 'MileApp: Service unavailable', httpCode: '503' });
		expect(error?.description).toContain(
			'The request may still have reached MileApp: check there before running this again. It was not sent twice',
		);
		expect(apiCalls().map((call) => `${call.method} ${call.path}`)).toEqual([
			`POST ${MILEAPP_API}/task`,
		]);
		expect(fake.tasks.size).toBe(tasksBefore);
	});
});

describe('[inferred] answers of the fake the documents do not settle, each way', () => {
	it.each(['real', 'post-200', 'always-200'] as const)(
		'errorHttpStatus %s: a refused Create and a missing task are errors in MileApp’s words, nothing made',
		async (errorHttpStatus) => {
			await withFakeOf({ errorHttpStatus }, async (other, run) => {
				const created = await run({
					resource: 'task',
					operation: 'create',
					flow: fromList('Delivery'),
					hubId: fromList('0123456789abcdef01234567'),
					flowFields: mapped({ invoice: 'INV-1', recipientName: 'Rina', packageCount: 1 }),
				});
				expect(created.error?.message).toBe('MileApp: The selected hubId is invalid.');
				expect(other.tasks.size).toBe(0);
				const read = await run({
					resource: 'task',
					operation: 'get',
					taskId: '0123456789abcdef01234567',
				});
				expect(read.error?.message).toBe('MileApp: Data not found');
			});
		},
	);

	it.each([
		['missingAccept accept', { missingAccept: 'accept' }],
		['missingAccept reject', { missingAccept: 'reject' }],
		['acceptCheck before-auth', { acceptCheck: 'before-auth' }],
		['acceptCheck after-auth', { acceptCheck: 'after-auth' }],
		['unknownQueryValues reject', { unknownQueryValues: 'reject' }],
		['unknownQueryValues ignore', { unknownQueryValues: 'ignore' }],
		['limitAboveMax clamp', { limitAboveMax: 'clamp' }],
		['limitAboveMax reject', { limitAboveMax: 'reject' }],
		['invalidPaging default', { invalidPaging: 'default' }],
		['invalidPaging reject', { invalidPaging: 'reject' }],
	] as const)(
		'%s: the node sends Accept and documented values only, so the answer is the same',
		async (_option, options) => {
			await withFakeOf(options, async (other, run) => {
				const task = other.addTask({ flowId: delivery._id, hubId: hub._id });
				const { items, error } = await run({
					resource: 'task',
					operation: 'getAll',
					returnAll: true,
					filters: { status: 'UNASSIGNED', timeBy: 'startTime', timeFrom: '2020-01-01T00:00:00' },
					options: { sortBy: 'orderIndex', sortOrder: 'asc' },
				});
				expect(error).toBeUndefined();
				expect(items.map((item) => item.json._id)).toEqual([task._id]);
				expect(other.requests[0].headers.accept).toBe('application/json');
			});
		},
	);
});

it('a refused token (401): the error says MileApp tokens expire and where to make a new one, without the token', async () => {
	const task = aTask();
	fake.revokeToken(TOKEN);
	const { error } = await mileApp({ resource: 'task', operation: 'get', taskId: task._id });
	expect(error).toMatchObject({ message: 'MileApp: Unauthenticated.', httpCode: '401' });
	expect(error?.description).toContain(
		'The Personal Token may have expired (MileApp tokens expire on the date chosen when they were made)',
	);
	expect(JSON.stringify(error)).not.toContain(TOKEN);
});

describe('[inferred] answers a write may get, each way: Create and Replace send what any of them takes', () => {
	// Whole seconds: MileApp's dates carry none smaller.
	const startMs = Math.floor(Date.now() / 1000) * 1000 + 3_600_000;
	const mileAppDate = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');

	it.each([
		['unknownBodyFields ignore', { unknownBodyFields: 'ignore' }],
		['unknownBodyFields reject', { unknownBodyFields: 'reject' }],
		['unknownBodyFields keep', { unknownBodyFields: 'keep' }],
		['strictFieldTypes false', { strictFieldTypes: false }],
		['strictFieldTypes true', { strictFieldTypes: true }],
		['putRequiresFlowFields on', { putRequiresFlowFields: true }],
		['putRequiresFlowFields off', { putRequiresFlowFields: false }],
		['endBeforeStart reject', { endBeforeStart: 'reject' }],
		['endBeforeStart accept', { endBeforeStart: 'accept' }],
		['assignChecksHub on', { assignChecksHub: true }],
		['assignChecksHub off', { assignChecksHub: false }],
		['undocumentedDateForms reject', { undocumentedDateForms: 'reject' }],
		['undocumentedDateForms accept', { undocumentedDateForms: 'accept' }],
		['answerKeysInBody ignore', { answerKeysInBody: 'ignore' }],
		['answerKeysInBody reject', { answerKeysInBody: 'reject' }],
		['emptyFieldValue reject', { emptyFieldValue: 'reject' }],
		['emptyFieldValue clear', { emptyFieldValue: 'clear' }],
		['fieldTypeChecks checked', { fieldTypeChecks: 'checked' }],
		['fieldTypeChecks unchecked', { fieldTypeChecks: 'unchecked' }],
	] as const)('%s', async (_option, options) => {
		await withFakeOf(options, async (other, run) => {
			const created = await run({
				resource: 'task',
				operation: 'create',
				flow: fromList('Delivery'),
				hubId: fromList(hub._id),
				flowFields: mapped({ invoice: 'INV-1', recipientName: 'Rina', packageCount: 2 }, [
					'invoice',
					'recipientName',
					'packageCount',
				]),
				// Written with Z, which MileApp does not document: the node sends +00:00.
				additionalFields: {
					assignees: 'dewi@example.com',
					startTime: new Date(startMs).toISOString(),
					endTime: new Date(startMs + 3_600_000).toISOString(),
				},
			});
			expect(created.error).toBeUndefined();
			const id = String(created.items[0].json._id);
			const replaced = await run({
				resource: 'task',
				operation: 'replace',
				taskId: id,
				flow: fromList('Delivery'),
				hubId: fromList(hub._id),
				flowFields: mapped({ invoice: 'INV-2', recipientName: 'Rina', packageCount: 3 }, [
					'invoice',
					'recipientName',
					'packageCount',
				]),
				additionalFields: {},
			});
			expect(replaced.error).toBeUndefined();
			expect(other.tasks.get(id)).toMatchObject({
				fields: { invoice: 'INV-2', recipientName: 'Rina', packageCount: 3 },
				assignee: ['dewi@example.com'],
				status: 'ONGOING',
				startTime: mileAppDate(startMs),
				endTime: mileAppDate(startMs + 3_600_000),
			});
		});
	});
});

describe('[inferred] fieldTypeChecks (no sheet line decides how a field is checked against its type), each way', () => {
	it.each([
		[
			'checked',
			'is an error in MileApp’s words, nothing made',
			'MileApp: The spot must be a location as latitude,longitude.',
		],
		['unchecked', 'is made as sent', undefined],
	] as const)(
		'%s: a location the node passes on as text %s',
		async (fieldTypeChecks, _outcome, refusal) => {
			await withFakeOf({ fieldTypeChecks }, async (other, run) => {
				other.addFlow({
					name: 'Visit',
					fields: [{ field: 'spot', type: 'location', required: true }],
				});
				const created = await run({
					resource: 'task',
					operation: 'create',
					flow: fromList('Visit'),
					hubId: fromList(hub._id),
					flowFields: {
						mappingMode: 'defineBelow',
						value: { spot: 'Gambir' },
						schema: [
							{ id: 'spot', displayName: 'spot', required: true, display: true, type: 'string' },
						],
					},
					additionalFields: {},
				});
				expect(other.requests.map((request) => request.body)).toEqual([
					{ flow: 'Visit', hubId: hub._id, spot: 'Gambir' },
				]);
				if (refusal) {
					expect(created.error).toMatchObject({ message: refusal, httpCode: '400' });
					expect(other.tasks.size).toBe(0);
				} else {
					expect(created.error).toBeUndefined();
					expect(created.items[0].json.spot).toBe('Gambir');
				}
			});
		},
	);
});

describe('[inferred] how MileApp words and codes a refusal (no sheet line decides), each way', () => {
	it.each(['Unauthenticated.', 'Token expired'])(
		'unauthorizedMessage %j: a refused token is an error in MileApp’s words that says tokens expire',
		async (unauthorizedMessage) => {
			await withFakeOf({ unauthorizedMessage }, async (other, run) => {
				other.revokeToken(other.options.token);
				const { error } = await run({
					resource: 'task',
					operation: 'get',
					taskId: '0123456789abcdef01234567',
				});
				expect(error).toMatchObject({
					message: `MileApp: ${unauthorizedMessage}`,
					httpCode: '401',
				});
				expect(error?.description).toContain('The Personal Token may have expired');
			});
		},
	);

	it.each([400, 422] as const)(
		'validationStatus %i: a Create MileApp refuses is an error in its words under that status, sent once, nothing made',
		async (validationStatus) => {
			await withFakeOf({ validationStatus }, async (other, run) => {
				const { error } = await run({
					resource: 'task',
					operation: 'create',
					flow: fromList('Delivery'),
					hubId: fromList('0123456789abcdef01234567'),
					flowFields: mapped({ invoice: 'INV-1', recipientName: 'Rina', packageCount: 1 }),
				});
				expect(error).toMatchObject({
					message: 'MileApp: The selected hubId is invalid.',
					httpCode: String(validationStatus),
				});
				expect(other.requests.map((request) => request.method)).toEqual(['POST']);
				expect(other.tasks.size).toBe(0);
			});
		},
	);
});
