import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** Where MileApp answers, from the credential's base URL (which includes /api/v3): its test and the nodes use it. */
export const MILEAPP_BASE_URL = '={{$credentials.baseUrl.replace(/\\/+$/, "")}}';

export class MileAppApi implements ICredentialType {
	name = 'mileAppApi';

	displayName = 'MileApp API';

	icon: Icon = { light: 'file:../icons/mileApp.svg', dark: 'file:../icons/mileApp.dark.svg' };

	documentationUrl = 'https://docs.mile.app/api-reference';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://apiweb.mile.app/api/v3',
			description:
				'Everything before /tasks, including /api/v3. Change it only for a sandbox or a proxy.',
		},
		{
			displayName: 'Personal Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'In the MileApp web app: Profile → Personal Token',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: MILEAPP_BASE_URL,
			url: '/hubs',
			qs: { limit: 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: false, message: 'MileApp refused the token' },
			},
		],
	};
}
