import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import type { FailureEnvelope } from '../shared/errors';
import type { OffsetPaging } from '../shared/paging';

/**
 * Where Open Dental answers and how: addresses, paths, rate limits, paging, failures. Data only, since the
 * credential imports this file; the code that sends requests is in requests.ts.
 */

export const OPEN_DENTAL = 'Open Dental';
export const OPEN_DENTAL_CREDENTIAL = 'openDentalApi';

export const OPEN_DENTAL_REMOTE_HOST = 'https://api.opendental.com';
export const OPEN_DENTAL_LOCAL_HOST = 'http://localhost:30222';
/** The API Service's documented port, the credential's default. */
export const OPEN_DENTAL_SERVICE_PORT = 30223;
/** What follows the host on every connection, before a call's own path. */
export const OPEN_DENTAL_API_PATH = '/api/v1';

/** The calls the nodes make, each path written once. */
export const OPEN_DENTAL_PATHS = {
	tasks: '/tasks',
	taskLists: '/tasklists',
	taskNotes: '/tasknotes',
	users: '/userods',
	definitions: '/definitions',
} as const;

/** One record's path, from the number the input checks read. */
export function recordPath(path: string, recordNumber: unknown): string {
	return `${path}/${encodeURIComponent(String(recordNumber).trim())}`;
}

export type OpenDentalConnection = 'remote' | 'local' | 'service' | 'custom';

/**
 * The base URL of each connection, `{name}` standing for the credential field of that name; trailing slashes
 * are dropped. The only place it is written: the n8n expression (declarative requests, the credential's test)
 * and the function (programmatic requests) are both made from it. The last entry is also what a connection
 * this list does not know gets.
 */
const BASE_URLS: Array<[OpenDentalConnection, string]> = [
	['remote', `${OPEN_DENTAL_REMOTE_HOST}${OPEN_DENTAL_API_PATH}`],
	['local', `${OPEN_DENTAL_LOCAL_HOST}${OPEN_DENTAL_API_PATH}`],
	['service', `http://{serviceHost}:{servicePort}${OPEN_DENTAL_API_PATH}`],
	['custom', '{baseUrl}'],
];
const CREDENTIAL_FIELD = /\{(\w+)\}/;

/** A base URL template as an expression: its text quoted, each `{name}` read from `$credentials`. */
function asExpression(template: string): string {
	return template
		.split(CREDENTIAL_FIELD)
		.map((part, index) => (index % 2 === 1 ? `$credentials.${part}` : JSON.stringify(part)))
		.filter((part) => part !== '""')
		.join(' + ');
}

const fallback = BASE_URLS[BASE_URLS.length - 1];
const choices = BASE_URLS.slice(0, -1)
	.map(
		([connection, url]) => `$credentials.connection === "${connection}" ? ${asExpression(url)} : `,
	)
	.join('');

/** The base URL as an n8n expression, for requestDefaults and the credential's test. */
export const OPEN_DENTAL_BASE_URL = `={{ (${choices}${asExpression(fallback[1])}).replace(/\\/+$/, "") }}`;

/** The same base URL for programmatic requests. */
export function openDentalBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const [, template] =
		BASE_URLS.find(([connection]) => connection === credentials.connection) ?? fallback;
	return template
		.replace(new RegExp(CREDENTIAL_FIELD, 'g'), (_, name: string) => String(credentials[name]))
		.replace(/\/+$/, '');
}

/** How often Open Dental's Remote API lets one customer key call, in milliseconds between requests. */
export const OPEN_DENTAL_RATE_LIMITS = { perSecond: 1000, perFiveSeconds: 5000, none: 0 } as const;
export type OpenDentalRateLimit = keyof typeof OPEN_DENTAL_RATE_LIMITS;
/** The connections the Rate Limit applies to: Remote, and a custom URL that may lead to it. */
export const RATE_LIMITED_CONNECTIONS: OpenDentalConnection[] = ['remote', 'custom'];

/** Documented: list calls answer at most 100 rows (the Local API 1000), steered by Limit and Offset. */
export const OPEN_DENTAL_PAGING: OffsetPaging = {
	style: 'offset',
	offsetParam: 'Offset',
	limitParam: 'Limit',
	maxPageSize: 100,
};

/** The explanation in an Open Dental error body: plain text, a JSON string, or an object with a message. */
export function explanationOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const { message, Message } = body as IDataObject;
		if (typeof message === 'string' && message.trim()) return message.trim();
		if (typeof Message === 'string' && Message.trim()) return Message.trim();
	}
	return undefined;
}

/** Open Dental reports failures with an HTTP status and an explanation; a success body has no failure flag. */
export const openDentalEnvelope: FailureEnvelope = {
	vendor: OPEN_DENTAL,
	isFailure: () => false,
	messageOf: explanationOf,
};

/**
 * What every request to Open Dental carries, GETs included: "All API requests require a Content-Type header
 * of "application/json"" (apiimplementation.html), else a 400. Accept is not required; it says what the
 * nodes read. Used by the action node, the trigger, the pickers, the Keep Done read and the credential's test.
 */
export const OPEN_DENTAL_JSON_HEADERS: IDataObject = {
	'Content-Type': 'application/json',
	Accept: 'application/json',
};

/**
 * Every declarative request: the connection's base URL, JSON both ways. Failures come back as answers
 * (`ignoreHttpStatusErrors`) because Open Dental explains them in plain text, which n8n 1.x drops from the
 * error it raises; the records step turns them into errors with Open Dental's words on every n8n version.
 */
export const openDentalRequestDefaults: Partial<IRequestOptionsSimplified> & IDataObject = {
	baseURL: OPEN_DENTAL_BASE_URL,
	headers: OPEN_DENTAL_JSON_HEADERS,
	json: true,
	ignoreHttpStatusErrors: true,
};
