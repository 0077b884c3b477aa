import type { IDataObject, IRequestOptionsSimplified } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialShapes';
import type { FailureEnvelope } from '../shared/errors';
import type { PageNumberPaging } from '../shared/paging';

/** Kept lean: the credential imports this file. Requests and routing live in requests.ts. */

export const OLIVER_CREDENTIAL = 'oliverApi';

/** Where Oliver answers unless a credential says otherwise (a sandbox or a proxy). */
export const OLIVER_DEFAULT_BASE_URL = 'https://partner-api.getoliver.com';

/** The task API, under the credential's base URL. */
export const OLIVER_API_PATH = '/services/core/open_api/v1';

/** The task API's collections, under OLIVER_API_PATH. */
export const OLIVER_PATHS = {
	staffTasks: '/staff_tasks',
	clients: '/clients',
	patients: '/patients',
} as const;

/** Where an API user signs in for a session token, under the credential's base URL. */
export const OLIVER_SIGN_IN_PATH = '/services/user/v1/auth/sign-in';

/** The task API from the credential's base URL: used by the credential's test and by the action node. */
export const OLIVER_API_BASE_URL = credentialBaseUrl(OLIVER_API_PATH);

/** Pages are numbered from 0; per_page goes up to 100. */
export const OLIVER_PAGING: PageNumberPaging = {
	style: 'pageNumber',
	pageParam: 'page',
	pageSizeParam: 'per_page',
	firstPage: 0,
	maxPageSize: 100,
};

/** Every answer is `{ success, message, data }`; `success: false` is a failure under any HTTP status. */
export const oliverEnvelope: FailureEnvelope = {
	vendor: 'Oliver',
	isFailure: (body) => body.success === false,
	messageOf: (body) => (typeof body.message === 'string' ? body.message : undefined),
};

/**
 * What every request to Oliver carries, GETs and the sign-in included ("all requests must include the
 * following headers", introduction.mdx): the action node's, the trigger's, the pickers', the credential's.
 */
export const OLIVER_JSON_HEADERS: IDataObject = {
	'Content-Type': 'application/json',
	Accept: 'application/json',
};

/** Every declarative request: the task API, JSON both ways. */
export const oliverRequestDefaults: Partial<IRequestOptionsSimplified> & IDataObject = {
	baseURL: OLIVER_API_BASE_URL,
	headers: OLIVER_JSON_HEADERS,
	json: true,
};
