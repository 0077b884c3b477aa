import type { IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

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

/** The vendor said no before doing anything (rate limit), or the request never left: safe to send again. */
const REFUSED_STATUSES = ['429'];
const NOT_SENT_CODES = ['ECONNREFUSED'];
/** The vendor or the network failed, and the request may or may not have been carried out. */
const UNSURE_STATUSES = ['500', '502', '503', '504'];
const UNSURE_CODES = [
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
];

type FailureKind = 'refused' | 'unsure' | 'final';

/** Answers that could not be read: the request reached the vendor, what it did is unknown. */
const unreadable = new WeakSet<Error>();
/** Retry-After of failures built from an answer (where n8n's own error, which keeps the headers, is not). */
const retryAfterOfError = new WeakMap<Error, unknown>();

export function markUnreadableAnswer<E extends Error>(error: E): E {
	unreadable.add(error);
	return error;
}

export function rememberRetryAfter<E extends Error>(
	error: E,
	headers: Record<string, unknown> | undefined,
): E {
	const value = headers?.['retry-after'];
	if (value !== undefined) retryAfterOfError.set(error, value);
	return error;
}

interface WrappedCause {
	code?: unknown;
	response?: { headers?: Record<string, unknown> };
}

function causeOf(error: unknown): WrappedCause {
	const cause = (error as { cause?: unknown })?.cause;
	return cause && typeof cause === 'object' ? (cause as WrappedCause) : {};
}

function kindOf(error: unknown): FailureKind {
	if (error instanceof Error && unreadable.has(error)) return 'unsure';
	if (!(error instanceof NodeApiError) && !(error instanceof NodeOperationError)) return 'final';
	const status = String((error as NodeApiError).httpCode ?? '');
	const code = String(causeOf(error).code ?? status);
	if (REFUSED_STATUSES.includes(status) || NOT_SENT_CODES.includes(code)) return 'refused';
	if (UNSURE_STATUSES.includes(status) || UNSURE_CODES.includes(code)) return 'unsure';
	// n8n names a timeout in its message only, on some versions.
	if (/timeout|timed out|socket hang up/i.test(error.message) && !/^\d{3}$/.test(status))
		return 'unsure';
	return 'final';
}

/** Retry-After in ms: delta-seconds or an HTTP date. */
function retryAfterMs(error: unknown): number | undefined {
	const value =
		(error instanceof Error && retryAfterOfError.get(error)) ??
		causeOf(error).response?.headers?.['retry-after'];
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

function addToDescription(error: unknown, sentence: string): void {
	if (!(error instanceof NodeApiError) && !(error instanceof NodeOperationError)) return;
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
export type CheckBeforeResend<T> = () => Promise<{ carriedOut: T } | undefined>;

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
		if (typeof repeatable === 'function' && kindOf(outcome.error) === 'unsure') {
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
	const kind = kindOf(error);
	if (kind === 'final') return undefined;
	if (kind === 'unsure' && !repeatable) {
		addToDescription(
			error,
			`The request may still have reached ${vendor}: check there before running this again. It was not sent twice, because a second one could write twice.`,
		);
		return undefined;
	}
	const asked = retryAfterMs(error);
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
