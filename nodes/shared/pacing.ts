import { sleep } from 'n8n-workflow';

/**
 * When each rate-limited key may next send, shared by every execution in this n8n process. Items of one
 * execution run concurrently, so each request reserves its own slot before it waits; JavaScript runs the
 * reservation without interruption, which makes the slots exact.
 */
const nextSlotAt = new Map<string, number>();

/** Waits until `key` may send again, then holds it for `spacingMs`. The first request goes at once. */
export async function waitForSlot(key: string, spacingMs: number): Promise<void> {
	const now = Date.now();
	const slot = Math.max(now, nextSlotAt.get(key) ?? 0);
	nextSlotAt.set(key, slot + spacingMs);
	if (slot > now) await sleep(slot - now);
}
