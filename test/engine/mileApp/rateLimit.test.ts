/**
 * MileApp's rate limit (introduction.mdx): 100 requests a second per organization, and "If you encounter a 429 error,
 * wait 60 seconds before retrying". No Retry-After is documented. The node keeps under the limit, waits the documented
 * 60 s after a 429 (here shortened through MILEAPP_RATE_LIMIT, which the node reads at every refusal), and fails
 * saying so where it would have to wait longer than its retries do.
 */
import { MILEAPP_API } from '../../fakes/mileApp';
import { MILEAPP_RATE_LIMIT } from '../../../nodes/MileApp/api';
import { retryPolicy } from '../../../nodes/shared/retry';
import { aTask, apiCalls, delivery, fake, hub, mileApp, useMileApp, withFakeOf } from './setup';

useMileApp();

const SHIPPED = { ...MILEAPP_RATE_LIMIT };
const SHIPPED_RETRIES = { ...retryPolicy };
afterEach(() => {
	Object.assign(MILEAPP_RATE_LIMIT, SHIPPED);
	Object.assign(retryPolicy, SHIPPED_RETRIES);
});

const refused = { status: 429, body: { status: false, message: 'Too Many Requests' } };
const gapsOf = (requests: { at: number }[]) =>
	requests.slice(1).map((request, i) => request.at - requests[i].at);

it('as shipped, a 429 asks for the documented 60 s; a node allowed less fails at once, saying so, and sends nothing again', async () => {
	expect(SHIPPED.waitAfterRefusalMs).toBe(60_000);
	// The shared retries wait out up to a minute; a node set to wait less must not shorten MileApp's 60 s.
	Object.assign(retryPolicy, { maxRetryAfterMs: 59_000 });
	const task = aTask();
	fake.server.fault({ method: 'GET', path: `${MILEAPP_API}/task/:id`, fault: refused });

	const { items, error } = await mileApp({ resource: 'task', operation: 'get', taskId: task._id });

	expect(items).toEqual([]);
	expect(error).toMatchObject({ message: 'MileApp: Too Many Requests', httpCode: '429' });
	expect(error?.description).toContain(
		'MileApp allows 100 requests a second per organization and asks to wait 60 s after a 429 before trying again.',
	);
	expect(error?.description).toContain(
		'MileApp asked to wait 60 s before trying again; that is longer than this node waits.',
	);
	expect(apiCalls()).toHaveLength(1);
});

it('a 429 without Retry-After (as documented) is waited out for the whole documented wait, then the task comes back', async () => {
	Object.assign(MILEAPP_RATE_LIMIT, { waitAfterRefusalMs: 400 });
	const task = aTask();
	fake.server.fault({ method: 'GET', path: `${MILEAPP_API}/task/:id`, fault: refused });

	const { items, error } = await mileApp({ resource: 'task', operation: 'get', taskId: task._id });

	expect(error).toBeUndefined();
	expect(items.map((item) => item.json._id)).toEqual([task._id]);
	expect(apiCalls()).toHaveLength(2);
	expect(gapsOf(apiCalls())[0]).toBeGreaterThanOrEqual(400);
});

it('refused every time: the node stops after its retries, each after the documented wait, with MileApp’s advice', async () => {
	Object.assign(MILEAPP_RATE_LIMIT, { waitAfterRefusalMs: 50 });
	const task = aTask();
	fake.server.fault({
		method: 'GET',
		path: `${MILEAPP_API}/task/:id`,
		fault: refused,
		times: Infinity,
	});

	const { error } = await mileApp({ resource: 'task', operation: 'get', taskId: task._id });

	expect(error?.httpCode).toBe('429');
	expect(error?.description).toContain('asks to wait 1 s after a 429');
	expect(error?.description).toContain(`Tried ${1 + retryPolicy.maxRetries} times.`);
	expect(apiCalls()).toHaveLength(1 + retryPolicy.maxRetries);
	for (const gap of gapsOf(apiCalls())) expect(gap).toBeGreaterThanOrEqual(50);
});

describe.each([
	['none (as documented)', false, 300],
	['Retry-After: 1 ([inferred] rateLimitHeaders)', true, 1000],
])('the fake’s own 429, with rate-limit headers %s', (_headers, rateLimitHeaders, waitedMs) => {
	it(`the refused request is sent again no sooner than ${waitedMs} ms later (the longer of MileApp's wait and Retry-After), and every item succeeds`, async () => {
		Object.assign(MILEAPP_RATE_LIMIT, { waitAfterRefusalMs: 300 });
		let seen = 0;
		// One request a second; the third request the fake sees falls in the next second.
		const options = {
			rateLimitPerSecond: 1,
			rateLimitHeaders,
			rateLimitClock: () => (++seen > 2 ? 1000 : 0),
		};
		await withFakeOf(options, async (other, run) => {
			const task = other.addTask({ flowId: delivery._id, hubId: hub._id });
			const { items, error } = await run(
				{ resource: 'task', operation: 'get', taskId: task._id },
				{},
				[{}, {}],
			);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json._id)).toEqual([task._id, task._id]);
			expect(other.requests).toHaveLength(3);
			expect(other.requests[2].at - other.requests[1].at).toBeGreaterThanOrEqual(waitedMs);
		});
	});
});

it.each(['fixed', 'sliding'] as const)(
	'a run of 150 items keeps under 100 requests a second: MileApp counting the second [inferred] %s refuses none',
	async (rateLimitWindow) => {
		// The fake's documented limit on the real clock; n8n sends a declarative node's items all at once.
		await withFakeOf({ rateLimitWindow }, async (other, run) => {
			const task = other.addTask({ flowId: delivery._id, hubId: hub._id });
			const { items, error } = await run(
				{ resource: 'task', operation: 'get', taskId: task._id },
				{},
				Array.from({ length: 150 }, () => ({})),
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(150);
			// Not one refused and sent again.
			expect(other.requests).toHaveLength(150);
			const first = other.requests[0].at;
			expect(
				other.requests.filter((request) => request.at - first < 1000).length,
			).toBeLessThanOrEqual(100);
		});
	},
);
