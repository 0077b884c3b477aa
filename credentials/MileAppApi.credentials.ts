import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import {
	MILEAPP_ACCEPT,
	MILEAPP_API_PATH,
	MILEAPP_BASE_URL,
	MILEAPP_CREDENTIAL,
	MILEAPP_DEFAULT_BASE_URL,
	MILEAPP_PATHS,
} from '../nodes/MileApp/api';

export class MileAppApi implements ICredentialType {
	name = MILEAPP_CREDENTIAL;

	displayName = 'MileApp API';

	icon: Icon = { light: 'file:../icons/mileApp.svg', dark: 'file:../icons/mileApp.dark.svg' };

	documentationUrl = 'https://docs.mile.app/api-reference';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: MILEAPP_DEFAULT_BASE_URL,
			description: `Everything before ${MILEAPP_PATHS.tasks}, including ${MILEAPP_API_PATH}. Change it only for a sandbox or a proxy.`,
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
			url: MILEAPP_PATHS.hubs,
			qs: { limit: 1 },
			headers: { ...MILEAPP_ACCEPT },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: false, message: 'MileApp refused the token' },
			},
		],
	};
}
