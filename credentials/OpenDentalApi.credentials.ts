import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * Where the office's API answers, from the chosen connection. One expression, used by the credential's
 * test and by every request of the Open Dental nodes.
 */
export const OPEN_DENTAL_BASE_URL =
	'={{ $credentials.connection === "remote" ? "https://api.opendental.com/api/v1"' +
	' : $credentials.connection === "local" ? "http://localhost:30222/api/v1"' +
	' : $credentials.connection === "service" ? "http://" + $credentials.serviceHost + ":" + $credentials.servicePort + "/api/v1"' +
	' : $credentials.baseUrl.replace(/\\/+$/, "") }}';

export class OpenDentalApi implements ICredentialType {
	name = 'openDentalApi';

	displayName = 'Open Dental API';

	icon: Icon = { light: 'file:../icons/openDental.svg', dark: 'file:../icons/openDental.dark.svg' };

	documentationUrl = 'https://www.opendental.com/site/apisetup.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Connection',
			name: 'connection',
			type: 'options',
			options: [
				{
					name: 'Remote (Cloud, through the Office’s eConnector)',
					value: 'remote',
					description: 'https://api.opendental.com. Open Dental allows one request per second per customer key.',
				},
				{ name: 'Local API (on the Office PC)', value: 'local', description: 'http://localhost:30222' },
				{ name: 'API Service (on the Office Network)', value: 'service', description: 'A host on port 30223' },
				{ name: 'Custom Base URL', value: 'custom', description: 'A proxy or a sandbox' },
			],
			default: 'remote',
		},
		{
			displayName: 'Service Host',
			name: 'serviceHost',
			type: 'string',
			default: '',
			placeholder: '192.168.1.20',
			description: 'The office computer that runs the Open Dental API Service',
			displayOptions: { show: { connection: ['service'] } },
		},
		{
			displayName: 'Service Port',
			name: 'servicePort',
			type: 'number',
			default: 30223,
			displayOptions: { show: { connection: ['service'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://proxy.example.com/api/v1',
			description: 'Everything before /tasks, including /api/v1',
			displayOptions: { show: { connection: ['custom'] } },
		},
		{
			displayName: 'Developer Key',
			name: 'developerApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Customer Key',
			name: 'customerApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The office’s key, generated in Open Dental under Setup → Advanced Setup → API',
		},
		{
			displayName: 'Office Time Zone',
			name: 'officeTimeZone',
			type: 'string',
			default: '',
			placeholder: 'America/Chicago',
			description:
				'The time zone the office’s Open Dental runs in: its dates carry none. Leave empty to use the workflow’s time zone.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=ODFHIR {{$credentials.developerApiKey}}/{{$credentials.customerApiKey}}' },
		},
	};

	// Task lists are the oldest task call (22.3.15), so the test works on any office that has tasks.
	test: ICredentialTestRequest = {
		request: { baseURL: OPEN_DENTAL_BASE_URL, url: '/tasklists' },
	};
}
