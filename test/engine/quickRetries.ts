import { retryPolicy } from '../../nodes/shared/retry';

/**
 * Within the calling describe block, waits between retries are a few milliseconds: the tests there are about
 * what the node does when retries run out, not about how long it waits (test/reliability times those).
 */
export function quickRetries(): void {
	const saved = { ...retryPolicy };
	beforeAll(() => Object.assign(retryPolicy, { baseDelayMs: 5, maxDelayMs: 20 }));
	afterAll(() => Object.assign(retryPolicy, saved));
}
