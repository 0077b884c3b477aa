import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import { PLANNR_DEFAULT_BASE_URL } from '../nodes/Plannr/api';
import {
	PLANNR_ACCOUNT_REFUSED,
	plannrAccountProperties,
	plannrCredentialTest,
} from './PlannrApi.credentials';

/**
 * Plannr's OAuth2 (authorization code). n8n adds the bearer token itself; the Plannr nodes add the
 * account header from this credential, since OAuth2 credentials cannot declare extra headers.
 */
export class PlannrOAuth2Api implements ICredentialType {
	name = 'plannrOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Plannr OAuth2 API';

	icon: Icon = { light: 'file:../icons/plannr.svg', dark: 'file:../icons/plannr.dark.svg' };

	documentationUrl = 'https://api-how-to.plannrcrm.com/getting-started/authorization';

	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'string',
			// [inferred] Plannr documents the flow, not these paths: Laravel Passport's, editable.
			default: `${PLANNR_DEFAULT_BASE_URL}/oauth/authorize`,
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: `${PLANNR_DEFAULT_BASE_URL}/oauth/token`,
			required: true,
		},
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
		...plannrAccountProperties,
	];

	// A refused token is n8n's to refresh, or the user's to reconnect: n8n's own message says so.
	test: ICredentialTestRequest = { ...plannrCredentialTest, rules: [PLANNR_ACCOUNT_REFUSED] };
}
