import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import {
	baseUrlProperty,
	keptSecretProperty,
	refusedWhen,
	secretProperty,
} from '../nodes/shared/credentialShapes';
import { signInOnce } from '../nodes/shared/signInOnce';
import { signInRequest } from '../nodes/shared/signInRequest';
import {
	HUMANITY_API_BASE_URL,
	HUMANITY_CODES,
	HUMANITY_CREDENTIAL,
	HUMANITY_DEFAULT_BASE_URL,
	HUMANITY_DEFAULT_TOKEN_URL,
} from '../nodes/Humanity/api';

/** Envelope codes that mean "the call was refused", for the Test button. */
const REFUSAL_CODES: Array<[number, string]> = [
	[HUMANITY_CODES.invalidApiKey, 'Humanity refused the app ID (invalid API key)'],
	[HUMANITY_CODES.invalidToken, 'Humanity refused the access token'],
	[HUMANITY_CODES.authenticationFailed, 'Humanity refused the sign-in (authentication failed)'],
	[HUMANITY_CODES.permissionDenied, 'The Humanity user lacks permission for this call'],
	[HUMANITY_CODES.suspended, 'Humanity has suspended this API key'],
	[HUMANITY_CODES.offline, 'Humanity is offline, try again later'],
];

export class HumanityApi implements ICredentialType {
	name = HUMANITY_CREDENTIAL;

	displayName = 'Humanity API';

	icon: Icon = { light: 'file:../icons/humanity.svg', dark: 'file:../icons/humanity.dark.svg' };

	documentationUrl = 'https://platform.humanity.com/docs/getting-started-with-authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of your API v2 app (Humanity: Settings → API v2)',
		},
		secretProperty('App Secret', 'appSecret', {
			required: true,
			description: 'Client secret of your API v2 app',
		}),
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The Humanity user n8n acts as; tasks are created and changed in their name',
		},
		secretProperty('Password', 'password', { required: true }),
		baseUrlProperty(
			HUMANITY_DEFAULT_BASE_URL,
			'Where API v2 answers (under /api/v2). Change it only for a sandbox or a proxy.',
		),
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: HUMANITY_DEFAULT_TOKEN_URL,
			description:
				'Where n8n gets access tokens (password grant). Change it only for a sandbox or a proxy.',
		},
		// Filled by preAuthentication and kept by n8n; emptied to force a new token.
		keptSecretProperty('Access Token', 'accessToken', { expirable: true }),
		// When the access token above runs out (ISO 8601), so it is renewed before Humanity refuses it.
		keptSecretProperty('Access Token Expires At', 'accessTokenExpiresAt'),
	];

	/** Called by n8n when accessToken is empty, on a credential test, and once again after a rejected token. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const account = [
			credentials.tokenUrl,
			credentials.appId,
			credentials.appSecret,
			credentials.username,
			credentials.password,
		];
		return await signInOnce(account, async () => await humanitySignIn.call(this, credentials));
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: { access_token: '={{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: HUMANITY_API_BASE_URL,
			url: '/me',
			headers: { Accept: 'application/json' },
		},
		rules: REFUSAL_CODES.map(([code, message]) => refusedWhen('status', code, message)),
	};
}

/** Gets an access token by the password grant, with the time it runs out. */
async function humanitySignIn(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
) {
	const form = new URLSearchParams({
		grant_type: 'password',
		client_id: String(credentials.appId ?? ''),
		client_secret: String(credentials.appSecret ?? ''),
		username: String(credentials.username ?? ''),
		password: String(credentials.password ?? ''),
	});
	const tokenUrl = String(credentials.tokenUrl || HUMANITY_DEFAULT_TOKEN_URL);
	const answer = await signInRequest<unknown>(
		this,
		{
			url: tokenUrl,
			body: form.toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		},
		(cause) => new Error(`Humanity token request could not reach ${tokenUrl}: ${cause}`),
	);
	const body = (answer.body && typeof answer.body === 'object' ? answer.body : {}) as {
		access_token?: string;
		expires_in?: number;
		error?: string;
		error_description?: string;
	};
	if (!body.access_token) {
		const reason = body.error_description ?? body.error ?? 'no access token in the answer';
		throw new Error(`Humanity sign-in failed (HTTP ${answer.statusCode}): ${reason}`);
	}
	const lifetimeSeconds = Number(body.expires_in) > 0 ? Number(body.expires_in) : 3600;
	return {
		accessToken: body.access_token,
		accessTokenExpiresAt: new Date(Date.now() + lifetimeSeconds * 1000).toISOString(),
	};
}
