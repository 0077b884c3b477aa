import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Whether a failed request may pass if sent again. `refused`: the vendor said no before doing anything
 * (rate limit), or the request never left. `unsure`: the vendor or the network failed, and the request may
 * or may not have been carried out. `final`: sending it again would fail the same way.
 */
export type FailureKind = 'refused' | 'unsure' | 'final';

const REFUSED_STATUSES = ['429'];
const NOT_SENT_CODES = ['ECONNREFUSED'];
const UNSURE_STATUSES = ['500', '502', '503', '504'];
const UNSURE_CODES = [
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
];

/** The kind an n8n error shows: its HTTP status, the network code of what it wraps, its message. */
function kindShownBy(error: NodeApiError | NodeOperationError): FailureKind {
	const status = String((error as NodeApiError).httpCode ?? '');
	const cause = error.cause as { code?: unknown } | undefined;
	const code = String(cause?.code ?? status);
	if (REFUSED_STATUSES.includes(status) || NOT_SENT_CODES.includes(code)) return 'refused';
	if (UNSURE_STATUSES.includes(status) || UNSURE_CODES.includes(code)) return 'unsure';
	// n8n names a timeout in its message only, on some versions.
	if (/timeout|timed out|socket hang up/i.test(error.message) && !/^\d{3}$/.test(status))
		return 'unsure';
	return 'final';
}

type NodeApiErrorOptions = NonNullable<ConstructorParameters<typeof NodeApiError>[2]>;

interface VendorApiErrorOptions extends NodeApiErrorOptions {
	/** Only where the status does not tell: an answer that could not be read is `unsure`. */
	kind?: FailureKind;
	/** The answer's Retry-After header, as sent. */
	retryAfter?: unknown;
}

/**
 * A failure the pack built from a vendor's answer (or from a request that got none), with the vendor's
 * words. It says itself whether sending again may help and how long the vendor asked to wait, so nothing
 * has to dig that out of n8n's error again. To n8n it is a NodeApiError like any other.
 */
export class VendorApiError extends NodeApiError {
	readonly kind: FailureKind;
	/** Delta-seconds or an HTTP date. */
	readonly retryAfter?: string;

	constructor(node: INode, response: JsonObject, options: VendorApiErrorOptions) {
		const { kind, retryAfter, ...nodeApiErrorOptions } = options;
		super(node, response, nodeApiErrorOptions);
		// n8n tells its own errors apart by name (it rethrows a 'NodeApiError' as it is): keep the name it knows.
		Object.defineProperty(this, 'name', {
			value: 'NodeApiError',
			writable: true,
			enumerable: true,
			configurable: true,
		});
		this.kind = kind ?? kindShownBy(this);
		if (retryAfter !== undefined && retryAfter !== null && String(retryAfter).trim() !== '')
			this.retryAfter = String(retryAfter).trim();
	}
}

/**
 * n8n's own errors, told by name as n8n itself tells them: an installed package may load its own copy of
 * n8n-workflow, whose classes `instanceof` does not recognise.
 */
export function isNodeApiError(error: unknown): error is NodeApiError {
	return error instanceof NodeApiError || (error as Error | undefined)?.name === 'NodeApiError';
}

export function isNodeOperationError(error: unknown): error is NodeOperationError {
	return (
		error instanceof NodeOperationError ||
		(error as Error | undefined)?.name === 'NodeOperationError'
	);
}

/** Whether any failure may pass if sent again: what a VendorApiError says, or what n8n's own error shows. */
export function failureKindOf(error: unknown): FailureKind {
	if (error instanceof VendorApiError) return error.kind;
	if (isNodeApiError(error) || isNodeOperationError(error)) return kindShownBy(error);
	return 'final';
}

/** An answer's Retry-After header (n8n hands header names over in lower case). */
export function retryAfterIn(headers: Record<string, unknown> | undefined): unknown {
	return headers?.['retry-after'];
}

/** Retry-After of a failure: the one a VendorApiError keeps, or the header of the answer n8n's own error wraps. */
export function retryAfterOf(error: unknown): unknown {
	if (error instanceof VendorApiError) return error.retryAfter;
	const cause = (error as { cause?: { response?: { headers?: Record<string, unknown> } } })?.cause;
	return retryAfterIn(cause?.response?.headers);
}

/** How long a failure asks to wait before the next request, in ms (delta-seconds or an HTTP date). */
export function retryAfterMsOf(error: unknown): number | undefined {
	const value = retryAfterOf(error);
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
