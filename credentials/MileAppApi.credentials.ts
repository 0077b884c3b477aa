import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';
import {
	MILEAPP_ACCEPT,
	MILEAPP_API_PATH,
	MILEAPP_BASE_URL,
	MILEAPP_CREDENTIAL,
	MILEAPP_DEFAULT_BASE_URL,
	MILEAPP_PATHS,
} from '../nodes/MileApp/api';
import {
	baseUrlProperty,
	bearerAuthentication,
	refusedWhen,
	refusedWithStatus,
	testRules,
	secretProperty,
} from '../nodes/shared/credentialShapes';

export class MileAppApi implements ICredentialType {
	name = MILEAPP_CREDENTIAL;

	displayName = 'MileApp API';

	icon: Icon = { light: 'file:../icons/mileApp.svg', dark: 'file:../icons/mileApp.dark.svg' };

	documentationUrl = 'https://docs.mile.app/api-reference';

	properties: INodeProperties[] = [
		baseUrlProperty(
			MILEAPP_DEFAULT_BASE_URL,
			`Everything before ${MILEAPP_PATHS.tasks}, including ${MILEAPP_API_PATH}. Change it only for a sandbox or a proxy.`,
		),
		secretProperty('Personal Token', 'token', {
			required: true,
			description: 'In the MileApp web app: Profile → Personal Token',
		}),
	];

	authenticate = bearerAuthentication('token');

	test: ICredentialTestRequest = {
		request: {
			baseURL: MILEAPP_BASE_URL,
			url: MILEAPP_PATHS.hubs,
			qs: { limit: 1 },
			headers: { ...MILEAPP_ACCEPT },
		},
		rules: testRules(
			refusedWithStatus(
				401,
				'MileApp did not accept the token: check the Personal Token (MileApp web app → Profile → Personal Token); it may have passed the expiry date chosen when it was made',
			),
			refusedWhen(
				'status',
				false,
				'MileApp refused the token: check the Personal Token (MileApp web app → Profile → Personal Token)',
			),
		),
	};
}
