import type { IDataObject, IRequestOptionsSimplified } from 'n8n-workflow';
import { credentialBaseUrl } from '../shared/credentialShapes';
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

/** Laravel paging with `page` and `limit`; 100 a page is the largest the node asks for. */
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
