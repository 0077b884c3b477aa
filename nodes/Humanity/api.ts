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

/** Where the next page starts, from an answer's `metadata` (an empty array or a null cursor: the last page). */
export function nextCursorOf(envelope: HumanityEnvelope): string | undefined {
	const metadata = envelope.metadata;
	if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return undefined;
	const cursor = (metadata as IDataObject).cursor ?? (metadata as IDataObject).nextCursor;
	return typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}
