import type { IDataObject, IRequestOptionsSimplified } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialShapes';
import type { FailureEnvelope } from '../shared/errors';
import type { PageNumberPaging } from '../shared/paging';

/** Where Plannr answers unless a credential says otherwise (a sandbox or a proxy). */
export const PLANNR_DEFAULT_BASE_URL = 'https://api.plannrcrm.com';

/** Where Plannr answers, from a credential's base URL: used by the credentials' tests and by the nodes. */
export const PLANNR_BASE_URL = credentialBaseUrl();

/** The API's paths, each written once. */
export const PLANNR_PATHS = {
	tasks: '/api/v1/task',
	taskStatuses: '/api/v1/task-status',
	accounts: '/api/v1/account',
	webhookSubscriptions: '/api/v2/webhook-subscriptions',
} as const;

/** The two ways to sign in, by the value of the nodes' Authentication parameter. */
export const PLANNR_CREDENTIALS = { accessToken: 'plannrApi', oAuth2: 'plannrOAuth2Api' } as const;

/** Every call names the account it acts for; OAuth2 credentials cannot add it, so the nodes do. */
export const PLANNR_ACCOUNT_HEADER = 'X-PLANNR-ACCOUNT-UUID';

/** Documented: per_page up to 500. */
const PLANNR_MAX_PAGE_SIZE = 500;
export const PLANNR_PAGING: PageNumberPaging = {
	style: 'pageNumber',
	pageParam: 'page',
	pageSizeParam: 'per_page',
	firstPage: 1,
	maxPageSize: PLANNR_MAX_PAGE_SIZE,
};

/** Laravel's validation answer `{message, errors: {field: [text]}}`: every field's own words; else the message. */
function messageOf(body: IDataObject): string | undefined {
	const errors =
		body.errors && typeof body.errors === 'object' ? (body.errors as Record<string, unknown>) : {};
	const details = Object.entries(errors).map(
		([field, texts]) => `${field}: ${Array.isArray(texts) ? texts.join(' ') : String(texts)}`,
	);
	if (details.length > 0) return details.join('; ');
	return typeof body.message === 'string' ? body.message : undefined;
}

export const plannrEnvelope: FailureEnvelope = {
	vendor: 'Plannr',
	// Records have a uuid; a body with `errors` and no uuid, or an explicit success: false, is a failure.
	isFailure: (body) =>
		body.success === false ||
		(body.errors !== undefined && body.uuid === undefined && body.data === undefined),
	messageOf,
};

export const plannrRequestDefaults: Partial<IRequestOptionsSimplified> & IDataObject = {
	baseURL: PLANNR_BASE_URL,
	headers: {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		[PLANNR_ACCOUNT_HEADER]: '={{$credentials.accountUuid}}',
	},
	json: true,
};
