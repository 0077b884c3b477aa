import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import {
	PLANNR_ACCOUNT_HEADER,
	PLANNR_BASE_URL,
	PLANNR_DEFAULT_BASE_URL,
	PLANNR_PATHS,
} from '../nodes/Plannr/api';
import {
	baseUrlProperty,
	bearerAuthentication,
	refusedWithStatus,
	secretProperty,
} from '../nodes/shared/credentialShapes';

/** Both Plannr credentials have these: the account every call acts for, and the address. */
export const plannrAccountProperties: INodeProperties[] = [
	{
		displayName: 'Account UUID',
		name: 'accountUuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 93379910-564c-4d8a-838f-5a0a4a98111e',
		description:
			'The Plannr account the calls act for, sent as X-PLANNR-ACCOUNT-UUID. GET /api/v1/logins shows it as preferred_account_uuid.',
	},
	baseUrlProperty(PLANNR_DEFAULT_BASE_URL, 'Change it only for a sandbox or a proxy'),
];

/** Plannr answers 403 when the token's user has no login to the account named. */
export const PLANNR_ACCOUNT_REFUSED = refusedWithStatus(
	403,
	'Plannr refused the account: check the Account UUID (GET /api/v1/logins shows the accounts the token’s user can act for)',
);

/** The Test button of both credentials: the account's task statuses, which needs the token and the account to match. */
export const plannrCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: PLANNR_BASE_URL,
		url: PLANNR_PATHS.taskStatuses,
		headers: {
			Accept: 'application/json',
			'Content-Type': 'application/json',
			[PLANNR_ACCOUNT_HEADER]: '={{$credentials.accountUuid}}',
		},
	},
};

export class PlannrApi implements ICredentialType {
	name = 'plannrApi';

	displayName = 'Plannr API';

	icon: Icon = { light: 'file:../icons/plannr.svg', dark: 'file:../icons/plannr.dark.svg' };

	documentationUrl = 'https://api-how-to.plannrcrm.com/getting-started/authorization';

	properties: INodeProperties[] = [
		secretProperty('Personal Access Token', 'accessToken', {
			required: true,
			description: 'Created in Plannr under Settings → API; valid for a year',
		}),
		...plannrAccountProperties,
	];

	authenticate = bearerAuthentication('accessToken', {
		[PLANNR_ACCOUNT_HEADER]: '={{$credentials.accountUuid}}',
	});

	test: ICredentialTestRequest = {
		...plannrCredentialTest,
		rules: [
			refusedWithStatus(
				401,
				'Plannr did not accept the token: check the Personal Access Token (Plannr → Settings → API); tokens expire after a year',
			),
			PLANNR_ACCOUNT_REFUSED,
		],
	};
}
