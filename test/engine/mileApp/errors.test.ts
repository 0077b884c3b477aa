/**
 * When MileApp says no: its `{status: false, message}` under any HTTP status, Continue On Fail, and what is
 * sent again after a failure.
 */
import { MILEAPP_API } from '../../fakes/mileApp';
import { quickRetries } from '../quickRetries';
import { TOKEN, aTask, apiCalls, fake, fromList, hub, mapped, mileApp, useMileApp } from './setup';

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
