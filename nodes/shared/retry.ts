import type { IHttpRequestMethods } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import {
	failureKindOf,
	isNodeApiError,
	isNodeOperationError,
	retryAfterMsOf,
} from './vendorApiError';

/**
 * When a failed request is sent again, and how long one may take. Read at every request, so the tests of
 * the fault matrix can shorten the waits (nodes may not read the environment).
 */
export const retryPolicy = {
	/** Tries after the first. */
	maxRetries: 4,
	/** The wait before the first retry when the vendor does not say; doubled each time, up to maxDelayMs. */
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	/** A Retry-After longer than this is not waited out: the error says when to come back. */
	maxRetryAfterMs: 60_000,
	/** No answer within this counts as a lost answer. */
	timeoutMs: 60_000,
};

/**
 * Whether sending a request twice leaves the vendor as sending it once: reads, and writes of absolute values
 * (PUT, and PATCH, which every operation here uses with whole values only). A POST creates again and a
 * second DELETE answers for a record already gone, so those are sent again only when the vendor refused them.
 */
export function isRepeatable(method: IHttpRequestMethods | string | undefined): boolean {
	return ['GET', 'HEAD', 'PUT', 'PATCH'].includes(String(method ?? 'GET').toUpperCase());
}

function addToDescription(error: unknown, sentence: string): void {
	if (!isNodeApiError(error) && !isNodeOperationError(error)) return;
	const before =
		typeof error.description === 'string' && error.description.trim() !== ''
			? `${error.description.trim()} `
			: '';
	error.description = `${before}${sentence}`;
}

/**
 * For a write that replaces a whole list, built from a read: sending it again as it was could overwrite a change
 * made meanwhile. After an unknown outcome (and the usual wait) it reads the vendor back: it returns what it read
 * when the write is there, else it rebuilds the write from that read and returns undefined, and the rebuilt
 * write is sent.
 */
type CheckBeforeResend<T> = () => Promise<{ carriedOut: T } | undefined>;

/**
 * Sends a request, and again after a failure that may pass: capped exponential backoff, or the vendor's
 * Retry-After when it gives one. A refusal (429) is sent again whatever the method; a failure that leaves
 * the outcome unknown (5xx, timeout, dropped connection, an unreadable answer) only when `repeatable`, or
 * after `repeatable`'s check found the write not done. The last error is the vendor's, with a sentence on
 * what was tried.
 */
export async function withRetries<T>(
	vendor: string,
	repeatable: boolean | CheckBeforeResend<T>,
	send: () => Promise<T>,
): Promise<T> {
	for (let retries = 0; ; retries++) {
		const outcome = await send().then(
			(value) => ({ done: true as const, value }),
			(error: unknown) => ({ done: false as const, error }),
		);
		if (outcome.done) return outcome.value;
		const wait = waitBeforeRetry(vendor, repeatable !== false, outcome.error, retries);
		if (wait === undefined) throw outcome.error;
		await sleep(wait);
		if (typeof repeatable === 'function' && failureKindOf(outcome.error) === 'unsure') {
			const checked = await repeatable();
			if (checked) return checked.carriedOut;
		}
	}
}
/** How long to wait before sending again, or undefined (the error then says why it was not sent again). */
function waitBeforeRetry(
	vendor: string,
	repeatable: boolean,
	error: unknown,
	retries: number,
): number | undefined {
	const kind = failureKindOf(error);
	if (kind === 'final') return undefined;
	if (kind === 'unsure' && !repeatable) {
		addToDescription(
			error,
			`The request may still have reached ${vendor}: check there before running this again. It was not sent twice, because a second one could write twice.`,
		);
		return undefined;
	}
	const asked = retryAfterMsOf(error);
	if (asked !== undefined && asked > retryPolicy.maxRetryAfterMs) {
		addToDescription(
			error,
			`${vendor} asked to wait ${Math.ceil(asked / 1000)} s before trying again; that is longer than this node waits.`,
		);
		return undefined;
	}
	if (retries >= retryPolicy.maxRetries) {
		addToDescription(error, `Tried ${retries + 1} times.`);
		return undefined;
	}
	return asked ?? Math.min(retryPolicy.maxDelayMs, retryPolicy.baseDelayMs * 2 ** retries);
}
