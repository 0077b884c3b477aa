import type { IDataObject } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialShapes';
import type { FailureEnvelope } from '../shared/errors';

/** The credential type both Humanity nodes use. */
export const HUMANITY_CREDENTIAL = 'humanityApi';

/** Where Humanity answers unless a credential says otherwise (a sandbox or a proxy). */
export const HUMANITY_DEFAULT_BASE_URL = 'https://www.humanity.com';
export const HUMANITY_DEFAULT_TOKEN_URL = `${HUMANITY_DEFAULT_BASE_URL}/oauth2/token.php`;

/** API v2, under the credential's base URL. */
export const HUMANITY_API_PATH = '/api/v2';

/** Where API v2 answers, from the credential's base URL: used by the credential's test. */
export const HUMANITY_API_BASE_URL = credentialBaseUrl(HUMANITY_API_PATH);

/** The v1 response codes (an answer's `status`) the pack acts on. */
export const HUMANITY_CODES = {
	success: 1,
	invalidApiKey: 2,
	invalidToken: 3,
	invalidMethod: 4,
	invalidModule: 5,
	authenticationFailed: 7,
	permissionDenied: 20,
	suspended: 90,
	throttled: 91,
	offline: 99,
} as const;

/** Codes that mean the token was refused: worth one new token. */
export const TOKEN_REFUSED_CODES: number[] = [
	HUMANITY_CODES.invalidApiKey,
	HUMANITY_CODES.invalidToken,
];

/** The most records one page of a cursor-paged list holds. */
export const HUMANITY_MAX_PAGE_SIZE = 100;

/** Every Humanity answer: `status` 1 is success, any other is a v1 response code. */
export interface HumanityEnvelope {
	status: number;
	data: unknown;
	metadata?: unknown;
	token?: unknown;
	error?: unknown;
	[key: string]: unknown;
}

export const humanityEnvelope: FailureEnvelope = {
	vendor: 'Humanity',
	isFailure: (body) => body.status !== HUMANITY_CODES.success,
	messageOf: (body) => {
		const code = typeof body.status === 'number' ? body.status : undefined;
		const text =
			typeof body.error === 'string' && body.error !== ''
				? body.error
				: typeof body.message === 'string'
					? body.message
					: undefined;
		if (text === undefined && code === undefined) return undefined;
		return code === undefined ? text : `${text ?? 'the request failed'} (code ${code})`;
	},
};

export function isEnvelope(body: unknown): body is HumanityEnvelope {
	return (
		typeof body === 'object' &&
		body !== null &&
		!Array.isArray(body) &&
		typeof (body as IDataObject).status === 'number'
	);
}

/** The envelope's `data` as records: a list as it is, one record as a list of one, nothing as none. */
export function recordsOf(envelope: HumanityEnvelope): IDataObject[] {
	const data = envelope.data;
	if (Array.isArray(data)) return data as IDataObject[];
	if (data && typeof data === 'object') return [data as IDataObject];
	return [];
}

/** The envelope's one record (an activity, a deleted task), or an empty record. */
export function recordOf(envelope: HumanityEnvelope): IDataObject {
	return recordsOf(envelope)[0] ?? {};
}

/**
 * Keys a next cursor may sit under in `metadata`: get-master-tasks names none ("cursor value returned in the
 * `metadata` object"); `cursor` is [inferred], `nextCursor` the other usual spelling.
 */
const CURSOR_KEYS = ['cursor', 'nextCursor'];

/** What an answer's `metadata` says about the next page. */
export interface CursorRead {
	/** Where the next page starts; none on the last page, or when no known key holds one. */
	next?: string;
	/** Whether a known cursor key is there at all (null on it: the last page). */
	recognised: boolean;
	/** Other keys that look like a cursor and hold a value: a next page this pack cannot follow. */
	unknownKeys: string[];
}

export function cursorOf(envelope: HumanityEnvelope): CursorRead {
	const metadata = envelope.metadata;
	if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata))
		return { recognised: false, unknownKeys: [] };
	const fields = metadata as IDataObject;
	const known = CURSOR_KEYS.filter((key) => key in fields);
	const next = known
		.map((key) => fields[key])
		.find((value): value is string => typeof value === 'string' && value !== '');
	const unknownKeys = Object.keys(fields).filter(
		(key) =>
			!CURSOR_KEYS.includes(key) &&
			/cursor|next/i.test(key) &&
			fields[key] !== null &&
			fields[key] !== '' &&
			fields[key] !== false,
	);
	return { next, recognised: known.length > 0, unknownKeys };
}

/** Where the next page starts, from an answer's `metadata` (an empty array or a null cursor: the last page). */
export function nextCursorOf(envelope: HumanityEnvelope): string | undefined {
	return cursorOf(envelope).next;
}
