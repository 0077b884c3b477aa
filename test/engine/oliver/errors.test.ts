/**
 * When Oliver says no: its messages and HTTP statuses, a failure body under HTTP 200, Continue On Fail
 * and the error output, and what is sent again after a failure.
 */
import { OLIVER_API_PREFIX } from '../../fakes/oliver';
import { quickRetries } from '../quickRetries';
import { apiCalls, fake, oliver, useOliver } from './setup';

useOliver();

describe('staff tasks', () => {
	it('Get surfaces Oliver’s own message and status for a missing task', async () => {
		const { error } = await oliver({
			resource: 'staffTask',
			operation: 'get',
			taskId: 'st_missing',
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('Oliver: Staff task st_missing not found');
	});
});

describe('vendor failures', () => {
	it('treats `success: false` as an error even under HTTP 200, with Oliver’s message', async () => {
		const task = fake.addTask({ title: 'x' });
		await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id }); // sign in first
		fake.server.fault({
			path: `${OLIVER_API_PREFIX}/staff_tasks/${task.id}`,
			fault: { status: 200, body: { success: false, message: 'Task is locked' } },
		});

		const { error } = await oliver({
			resource: 'staffTask',
			operation: 'complete',
			taskId: task.id,
		});

		expect(error?.message).toContain('Task is locked');
	});

	it('Continue On Fail: a failing item becomes an error item and the others go on', async () => {
		const task = fake.addTask({ title: 'ok' });
		const { items, error } = await oliver(
			{ resource: 'staffTask', operation: 'get', taskId: '={{ $json.id }}' },
			[{ id: 'st_missing' }, { id: task.id }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe('Oliver: Staff task st_missing not found');
		expect(items[1].json.id).toBe(task.id);
	});

	it('error output: failing items go to the error output, good ones to the main output', async () => {
		const task = fake.addTask({ title: 'ok' });
		const { items, errorItems } = await oliver(
			{ resource: 'staffTask', operation: 'get', taskId: '={{ $json.id }}' },
			[{ id: '' }, { id: task.id }],
			{ onError: 'continueErrorOutput' },
		);
		expect(items.map((item) => item.json.id)).toEqual([task.id]);
		expect(errorItems).toHaveLength(1);
		expect(JSON.stringify(errorItems[0].json)).toContain('Task ID');
	});
});

describe('retries', () => {
	quickRetries();
	const unavailable = { status: 503, body: { success: false, message: 'Service unavailable' } };

	it('a read answered 503 is sent again and the task comes back; one that keeps failing gives Oliver’s message after five tries', async () => {
		const task = fake.addTask({ title: 'Lab results' });
		fake.server.fault({ path: `${OLIVER_API_PREFIX}/staff_tasks/:id`, fault: unavailable });

		const once = await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id });

		expect(once.error).toBeUndefined();
		expect(once.items.map((item) => item.json.id)).toEqual([task.id]);
		expect(apiCalls().map((call) => call.method)).toEqual(['GET', 'GET']);

		fake.server.clearRequests();
		fake.server.fault({
			times: Infinity,
			path: `${OLIVER_API_PREFIX}/staff_tasks/:id`,
			fault: unavailable,
		});
		const always = await oliver({ resource: 'staffTask', operation: 'get', taskId: task.id });
		fake.server.clearFaults();

		expect(always.error).toMatchObject({ message: 'Oliver: Service unavailable', httpCode: '503' });
		expect(always.error?.description).toContain('Tried 5 times.');
		expect(apiCalls()).toHaveLength(5);
	});

	it('a Create answered 503 is not sent twice (it may have been made); the error says to check Oliver first', async () => {
		fake.server.fault({
			method: 'POST',
			path: `${OLIVER_API_PREFIX}/staff_tasks`,
			fault: unavailable,
		});

		const { error, items } = await oliver({
			resource: 'staffTask',
			operation: 'create',
			title: 'Refill',
		});

		expect(items).toEqual([]);
		expect(error).toMatchObject({ message: 'Oliver: Service unavailable', httpCode: '503' });
		expect(error?.description).toContain(
			'The request may still have reached Oliver: check there before running this again. It was not sent twice',
		);
		expect(apiCalls().map((call) => call.method)).toEqual(['POST']);
	});

	it('a Create refused with 429 is sent again once Oliver allows it, and makes one task', async () => {
		fake.server.fault({
			method: 'POST',
			path: `${OLIVER_API_PREFIX}/staff_tasks`,
			fault: {
				status: 429,
				body: { success: false, message: 'Too many requests' },
				headers: { 'retry-after': '0' },
			},
		});

		const { error, items } = await oliver({
			resource: 'staffTask',
			operation: 'create',
			title: 'Refill',
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.title)).toEqual(['Refill']);
		expect(apiCalls().map((call) => call.method)).toEqual(['POST', 'POST']);
		expect(fake.tasks.size).toBe(1);
	});
});
