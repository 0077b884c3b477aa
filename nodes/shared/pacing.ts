import { sleep } from 'n8n-workflow';
import { memoryKeyOf } from './memoryKey';

/** hashed key → when the last request for it was answered, once it has been. */
const lastAnswered = new Map<string, Promise<number>>();

/** The keys the pacing map holds (for tests: none may be a raw key). */
export function pacingKeysHeld(): string[] {
	return [...lastAnswered.keys()];
}

/**
 * Sends one request for `key` at a time, each at least `spacingMs` after the previous one was answered.
 * A request reaches the vendor before its answer comes back, so arrivals are `spacingMs` apart whatever
 * the network's delay, which a schedule of send times alone cannot promise.
 */
export async function oneAtATime<T>(
	key: string,
	spacingMs: number,
	send: () => Promise<T>,
): Promise<T> {
	// Hashed: callers pace by a credential's key, and this map lives as long as the process.
	const held = memoryKeyOf(key);
	const previous = lastAnswered.get(held) ?? Promise.resolve(0);
	let release: (answeredAt: number) => void = () => {};
	lastAnswered.set(held, new Promise<number>((resolve) => (release = resolve)));
	const wait = (await previous) + spacingMs - Date.now();
	if (wait > 0) await sleep(wait);
	try {
		return await send();
	} finally {
		release(Date.now());
	}
}
