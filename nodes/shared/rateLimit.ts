import { sleep } from 'n8n-workflow';
import { memoryKeyOf } from './memoryKey';
import { isNodeApiError, retryAfterMsOf } from './vendorApiError';

/** What a vendor's rate-limit headers told us about one key (a token, an account), in this n8n process. */
interface KeyState {
	/** No request before this time (epoch ms): the vendor refused one and said when to come back. */
	blockedUntil: number;
	/** The last answer said no requests were left in the window: send at the sustained rate until one is. */
	exhausted: boolean;
	/** Requests the vendor allows per window, from its last answer. */
	limit: number;
	/** While exhausted: when the next request may go (epoch ms). */
	nextSlotAt: number;
}

interface RateLimitPolicy {
	windowMs: number;
	defaultLimit: number;
}

/**
 * A vendor's per-key rate limit kept from the headers it sends: requests slow to the sustained rate when
 * the remaining count reaches zero, and after a refusal (429) every request for the key waits out its
 * Retry-After. Sending the refused request again is withRetries' part.
 */
export class RateLimitTracker {
	private readonly keys = new Map<string, KeyState>();

	constructor(private readonly policy: RateLimitPolicy) {}

	private stateOf(key: string): KeyState {
		// Hashed: a key may be a token or an account, and the tracker lives as long as the process.
		const held = memoryKeyOf(key);
		let state = this.keys.get(held);
		if (!state) {
			state = { blockedUntil: 0, exhausted: false, limit: this.policy.defaultLimit, nextSlotAt: 0 };
			this.keys.set(held, state);
		}
		return state;
	}

	/** The keys the tracker holds (for tests: none may be a raw key). */
	keysHeld(): string[] {
		return [...this.keys.keys()];
	}

	/** Sends a request for `key` within the limit, noting a refusal for the requests that follow. */
	async send<T>(key: string, attempt: () => Promise<T>): Promise<T> {
		await this.beforeRequest(key);
		return await attempt().catch((error: unknown) => {
			this.noteRefusal(key, error);
			throw error;
		});
	}

	/** Before each request: wait out a refusal, and keep to the sustained rate while the window is used up. */
	private async beforeRequest(key: string): Promise<void> {
		const state = this.stateOf(key);
		await waitOutRefusal(state);
		if (!state.exhausted) return;
		const now = Date.now();
		const slot = Math.max(now, state.nextSlotAt);
		state.nextSlotAt = slot + this.spacingOf(state);
		if (slot > now) await sleep(slot - now);
		// A refusal may have come back while this request waited for its slot.
		await waitOutRefusal(state);
	}

	/** The sustained rate: the window spread evenly over the requests it allows. */
	private spacingOf(state: KeyState): number {
		return this.policy.windowMs / Math.max(1, state.limit);
	}

	/** After each answer: the remaining and limit headers, lower-cased names. */
	noteHeaders(
		key: string,
		headers: Record<string, unknown> | undefined,
		names: { remaining: string; limit: string },
	): void {
		const state = this.stateOf(key);
		const remaining = Number(headers?.[names.remaining]);
		const limit = Number(headers?.[names.limit]);
		if (Number.isFinite(limit) && limit > 0) state.limit = limit;
		if (!Number.isFinite(remaining)) return;
		// The answer that uses the window up also starts the spacing: the next request waits its turn.
		if (remaining <= 0 && !state.exhausted)
			state.nextSlotAt = Math.max(state.nextSlotAt, Date.now() + this.spacingOf(state));
		state.exhausted = remaining <= 0;
	}

	/** After a refusal: no request for the key before its Retry-After, and the sustained rate until calls are left. */
	private noteRefusal(key: string, error: unknown): void {
		if (!isNodeApiError(error) || error.httpCode !== '429') return;
		const state = this.stateOf(key);
		const wait = retryAfterMsOf(error);
		if (wait !== undefined) state.blockedUntil = Math.max(state.blockedUntil, Date.now() + wait);
		state.exhausted = true;
	}
}

async function waitOutRefusal(state: KeyState): Promise<void> {
	for (let wait = state.blockedUntil - Date.now(); wait > 0; wait = state.blockedUntil - Date.now())
		await sleep(wait);
}
