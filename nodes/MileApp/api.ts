import type { IDataObject, IRequestOptionsSimplified } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialShapes';
import { parseDate } from '../shared/dates';
import type { FailureEnvelope } from '../shared/errors';
import type { PageNumberPaging } from '../shared/paging';

/** The credential's type name, as the nodes ask for it. */
export const MILEAPP_CREDENTIAL = 'mileAppApi';

/** The credential type holding the shared secret MileApp's webhook carries (the trigger's, not the API's). */
export const MILEAPP_WEBHOOK_CREDENTIAL = 'mileAppWebhookApi';

/** MileApp's API path: a credential's base URL ends with it. */
export const MILEAPP_API_PATH = '/api/v3';

/** Where MileApp answers unless a credential says otherwise (a sandbox or a proxy). */
export const MILEAPP_DEFAULT_BASE_URL = `https://apiweb.mile.app${MILEAPP_API_PATH}`;

/** Where MileApp answers, from the credential's base URL: its test and the nodes use it. */
export const MILEAPP_BASE_URL = credentialBaseUrl();

/** The API's paths under the base URL, each written once. */
export const MILEAPP_PATHS = {
	task: '/task',
	tasks: '/tasks',
	flows: '/flows',
	hubs: '/hubs',
} as const;

/** A flow's own fields (`GET /flow/{name}/task`): a flow is named by its name. */
export function flowFieldsPath(flowName: string): string {
	return `/flow/${encodeURIComponent(flowName)}/task`;
}

/** Documented: only `application/json` (or anything) is accepted; any other Accept header gets 406. */
export const MILEAPP_ACCEPT = { Accept: 'application/json' };

/**
 * Documented: `lazyLoad=1` "will ignore `page` parameter and using cursor parameter" (`cursor=<last _id>`). Task lists
 * follow it, so tasks added meanwhile cannot shift a page under a Return All. 100 a page (MileApp takes up to 1000).
 */
export const MILEAPP_CURSOR_PAGE_SIZE = 100;

/**
 * Documented (introduction.mdx): 100 requests a second per organization, and "If you encounter a 429 error, wait 60
 * seconds before retrying". MileApp documents no Retry-After, so a refusal asks for this wait (or a longer Retry-After,
 * should one come); the shared retries wait it out, or fail saying so when it is longer than they wait. An object read
 * at every refusal, so that tests can shorten the wait.
 */
export const MILEAPP_RATE_LIMIT = { requestsPerSecond: 100, waitAfterRefusalMs: 60_000 };

/** Flows and hubs: Laravel paging with `page` and `limit`; 100 a page is the largest the node asks for. */
export const MILEAPP_PAGING: PageNumberPaging = {
	style: 'pageNumber',
	pageParam: 'page',
	pageSizeParam: 'limit',
	firstPage: 1,
	maxPageSize: 100,
};

/** Documented: every error body is `{status: false, message}`, whatever the HTTP status. */
export const mileAppEnvelope: FailureEnvelope = {
	vendor: 'MileApp',
	isFailure: (body) => body.status === false,
	messageOf: (body) =>
		typeof body.message === 'string' && body.message.trim() !== ''
			? body.message.trim()
			: undefined,
};

export const mileAppRequestDefaults: Partial<IRequestOptionsSimplified> & IDataObject = {
	baseURL: MILEAPP_BASE_URL,
	headers: { ...MILEAPP_ACCEPT, 'Content-Type': 'application/json' },
	json: true,
};

/**
 * A date as MileApp documents it (data-formats.mdx `Y-m-d\TH:i:sP`), in UTC with `+00:00` as its examples write it,
 * never `Z`. A date written without a zone is read in the workflow's.
 */
export function mileAppDateTime(value: unknown, zone: string): string | undefined {
	return parseDate(value, zone)?.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
