import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import {
	OLIVER_API_BASE_URL,
	OLIVER_CREDENTIAL,
	OLIVER_DEFAULT_BASE_URL,
	OLIVER_JSON_HEADERS,
	OLIVER_PATHS,
	OLIVER_SIGN_IN_PATH,
} from '../nodes/Oliver/api';
import {
	baseUrlProperty,
	bearerAuthentication,
	keptSecretProperty,
	refusedWhen,
	refusedWithStatus,
	testRules,
	secretProperty,
} from '../nodes/shared/credentialShapes';
import { signInOnce } from '../nodes/shared/signInOnce';
import { signInRequest } from '../nodes/shared/signInRequest';
import { urlFrom } from '../nodes/shared/vendorRequest';

export class OliverApi implements ICredentialType {
	name = OLIVER_CREDENTIAL;

	displayName = 'Oliver API';

	icon: Icon = { light: 'file:../icons/oliver.svg', dark: 'file:../icons/oliver.dark.svg' };

	documentationUrl = 'https://docs.getoliver.com/api-reference';

	properties: INodeProperties[] = [
		baseUrlProperty(
			OLIVER_DEFAULT_BASE_URL,
			'Oliver partner API address. Change it only for a sandbox or a proxy.',
		),
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			description: 'The location ID of the practice, sent with every call as X-Client-Id',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Username and Password',
					value: 'signIn',
					description: 'n8n signs in as an API user and renews the token when Oliver rejects it',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'A token you already have',
				},
			],
			default: 'signIn',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['signIn'] } },
		},
		secretProperty('Password', 'password', {
			displayOptions: { show: { authentication: ['signIn'] } },
		}),
		secretProperty('Access Token', 'accessToken', {
			displayOptions: { show: { authentication: ['accessToken'] } },
		}),
		// Filled by preAuthentication and kept by n8n; emptied to force a new sign-in.
		keptSecretProperty('Session Token', 'sessionToken', { expirable: true }),
	];

	/** Called by n8n when sessionToken is empty, on a credential test, and once again after a 401. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		if (credentials.authentication === 'accessToken') {
			return { sessionToken: credentials.accessToken as string };
		}
		return await signInOnce(
			[credentials.baseUrl, credentials.username, credentials.password],
			async () => await oliverSignIn.call(this, credentials),
		);
	}

	authenticate = bearerAuthentication('sessionToken', {
		'X-Client-Id': '={{$credentials.locationId}}',
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: OLIVER_API_BASE_URL,
			url: OLIVER_PATHS.staffTasks,
			headers: OLIVER_JSON_HEADERS,
			qs: { per_page: 1 },
		},
		rules: testRules(
			refusedWithStatus(
				401,
				'Oliver refused the call: check the Location ID (the API user must have access to that location) and, for a pasted Access Token, that it is still valid',
			),
			refusedWhen(
				'success',
				false,
				'Oliver refused the call: check the Location ID and the API user’s access to it',
			),
		),
	};
}

/** What Oliver's sign-in answers: the session token, or why it refused. */
interface OliverSignInBody {
	success?: boolean;
	message?: string;
	data?: { token?: string };
}

/** Signs in as the API user and answers the session token. */
async function oliverSignIn(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
	const answer = await signInRequest<OliverSignInBody>(
		this,
		{
			url: urlFrom(credentials.baseUrl, OLIVER_SIGN_IN_PATH),
			headers: { ...OLIVER_JSON_HEADERS },
			body: { username: credentials.username, password: credentials.password, role: 'ROLE_API' },
		},
		(cause) =>
			new Error(`Oliver sign-in could not reach ${credentials.baseUrl as string}: ${cause}`),
	);
	const token = answer.body?.data?.token;
	if (answer.body?.success === false || !token) {
		const reason = answer.body?.message ?? 'no token in the answer';
		throw new Error(`Oliver sign-in failed (HTTP ${answer.statusCode}): ${reason}`);
	}
	return { sessionToken: token };
}
